//! A short message, e.g. that stored answers could not be restored.
use super::Dispatch;
use crate::state::Action;
use yew::prelude::*;

/// What [`notice`] shows.
pub struct NoticeProps {
    /// The message.
    pub message: String,
    /// Dispatches [`Action::DismissNotice`].
    pub dispatch: Dispatch,
}

/// A notification banner.
pub fn notice(p: &NoticeProps) -> Html {
    html! {
        <div class="smx-notice" role="status" data-testid="notice">
            <p class="smx-body">{ &p.message }</p>
            <button type="button" class="smx-link-button" onclick={p.dispatch.on(|_| Action::DismissNotice)}>{ "Dismiss" }</button>
        </div>
    }
}
