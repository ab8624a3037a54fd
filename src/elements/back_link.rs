//! Back link: at the top of a page, back to the one before.
use yew::prelude::*;

/// "Back", a button that looks like a link (it changes the page, not the URL).
pub fn back_link(onclick: Callback<MouseEvent>) -> Html {
    html! {
        <button type="button" class="smx-back-link" data-testid="back" {onclick}>
            { "Back" }
        </button>
    }
}

/// A back link that is a link: `href` opens it in a new tab; a plain click calls `onclick`.
pub fn back_link_to(href: String, onclick: Callback<MouseEvent>, text: &'static str) -> Html {
    html! {
        <a class="smx-back-link" data-testid="back" {href} {onclick}>{ text }</a>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::elements::render::render;

    #[test]
    fn a_button_or_a_link() {
        assert_eq!(
            render(|| back_link(Callback::noop())),
            r#"<button type="button" data-testid="back" class="smx-back-link">Back</button>"#
        );
        assert_eq!(
            render(|| back_link_to("#a".into(), Callback::noop(), "Back to your result")),
            r##"<a data-testid="back" href="#a" class="smx-back-link">Back to your result</a>"##
        );
    }
}
