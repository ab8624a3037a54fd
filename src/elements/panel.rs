//! Panel: the result, in a box of its own at the top of the page.
use super::heading;
use yew::prelude::*;

/// The panel (`data-testid="result-panel"`): `title` as the page heading at `level`, then
/// `body`.
pub fn panel(level: u8, title: Html, body: Html) -> Html {
    html! {
        <div class="smx-panel" data-testid="result-panel">
            { heading(level, "smx-panel__title", true, title) }
            <div class="smx-panel__body">{ body }</div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::elements::render::render;

    #[test]
    fn the_title_is_the_page_heading() {
        assert_eq!(
            render(|| panel(1, html! { "S6" }, html! { "Body" })),
            concat!(
                r#"<div data-testid="result-panel" class="smx-panel">"#,
                r#"<h1 tabindex="-1" data-smx-focus="heading" data-testid="page-heading" class="smx-panel__title">S6</h1>"#,
                r#"<div class="smx-panel__body">Body</div></div>"#
            )
        );
    }
}
