//! Notification banner: a short message with Dismiss, e.g. that stored answers could not be
//! restored.
use yew::prelude::*;

/// The banner (`data-testid="notice"`, a polite status): `message`, and a Dismiss button
/// that calls `ondismiss`.
pub fn notification_banner(message: &str, ondismiss: Callback<MouseEvent>) -> Html {
    html! {
        <div class="smx-notice" role="status" data-testid="notice">
            <p class="smx-body">{ message }</p>
            <button type="button" class="smx-link-button" onclick={ondismiss}>{ "Dismiss" }</button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::elements::render::render;

    #[test]
    fn the_message_and_dismiss() {
        assert_eq!(
            render(|| notification_banner("Gone.", Callback::noop())),
            r#"<div role="status" data-testid="notice" class="smx-notice"><p class="smx-body">Gone.</p><button type="button" class="smx-link-button">Dismiss</button></div>"#
        );
    }
}
