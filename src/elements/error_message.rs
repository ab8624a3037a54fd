//! Error message: what is wrong with a field, above it.
use yew::prelude::*;

/// The message (`<p>`, "Error: " for screen readers first), with the `id` the field's
/// `aria-describedby` names, if any, and `data-testid={testid}`.
pub fn error_message(id: Option<String>, testid: AttrValue, message: &str) -> Html {
    html! {
        <p {id} class="smx-error-message" data-testid={testid}>
            <span class="smx-visually-hidden">{ "Error: " }</span>{ message }
        </p>
    }
}

/// An error of several problems (`children`: a sentence and a list), announced at once
/// (`role="alert"`).
pub fn error_list(id: &'static str, testid: &'static str, children: Html) -> Html {
    html! {
        <div class="smx-error-message" {id} data-testid={testid} role="alert">
            { children }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::elements::render::render;

    #[test]
    fn the_message_says_error_to_screen_readers() {
        assert_eq!(
            render(|| error_message(
                Some("smx-a-error".into()),
                "field-error".into(),
                "Enter a number"
            )),
            r#"<p id="smx-a-error" data-testid="field-error" class="smx-error-message"><span class="smx-visually-hidden">Error: </span>Enter a number</p>"#
        );
        assert_eq!(
            render(|| error_message(None, "field-error".into(), "Too many")),
            r#"<p data-testid="field-error" class="smx-error-message"><span class="smx-visually-hidden">Error: </span>Too many</p>"#
        );
    }

    #[test]
    fn a_list_of_problems_is_an_alert() {
        assert_eq!(
            render(|| error_list("smx-e", "problems", html! { <p>{ "Bad" }</p> })),
            r#"<div id="smx-e" data-testid="problems" role="alert" class="smx-error-message"><p>Bad</p></div>"#
        );
    }
}
