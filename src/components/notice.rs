//! A short message, e.g. that stored answers could not be restored.
use yew::prelude::*;

/// What [`notice`] shows.
pub struct NoticeProps {
    /// The message.
    pub message: String,
    /// Dismiss it.
    pub on_dismiss: Callback<()>,
}

/// A notification banner.
pub fn notice(p: &NoticeProps) -> Html {
    let on_dismiss = p.on_dismiss.clone();
    html! {
        <div class="smx-notice" role="status" data-testid="notice">
            <p class="smx-body">{ &p.message }</p>
            <button type="button" class="smx-link-button" onclick={move |_| on_dismiss.emit(())}>{ "Dismiss" }</button>
        </div>
    }
}
