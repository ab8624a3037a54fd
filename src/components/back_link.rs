//! The back link at the top of question pages.
use super::Dispatch;
use crate::state::Action;
use yew::prelude::*;

/// "Back", a button that looks like a link (it changes the page, not the URL).
pub fn back_link(dispatch: &Dispatch) -> Html {
    html! {
        <button type="button" class="smx-back-link" data-testid="back" onclick={dispatch.on(|_| Action::Back)}>
            { "Back" }
        </button>
    }
}
