//! The back link at the top of question pages.
use yew::prelude::*;

/// What [`back_link`] shows.
pub struct BackLinkProps {
    /// Go back.
    pub on_back: Callback<()>,
}

/// "Back", a button that looks like a link (it changes the page, not the URL).
pub fn back_link(p: &BackLinkProps) -> Html {
    let on_back = p.on_back.clone();
    html! {
        <button type="button" class="smx-back-link" data-testid="back" onclick={move |_| on_back.emit(())}>
            { "Back" }
        </button>
    }
}
