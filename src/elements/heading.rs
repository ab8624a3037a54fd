//! Heading: a heading whose level follows the host page's outline.
use yew::prelude::*;

/// `<h1>`…`<h6>` (`level` is clamped to 1–6) with `class` and `children`. The page's main
/// heading (`page`) also gets `tabindex="-1"`, `data-smx-focus="heading"` (focus moves
/// there when the page changes) and `data-testid="page-heading"`.
pub fn heading(level: u8, class: &'static str, page: bool, children: Html) -> Html {
    let tag = format!("h{}", level.clamp(1, 6));
    html! {
        <@{tag}
            {class}
            tabindex={page.then_some("-1")}
            data-smx-focus={page.then_some("heading")}
            data-testid={page.then_some("page-heading")}
        >
            { children }
        </@>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::elements::render::render;

    #[test]
    fn a_page_heading_takes_focus_and_the_level_is_clamped() {
        assert_eq!(
            render(|| heading(9, "smx-heading-l", true, html! { "Title" })),
            r#"<h6 tabindex="-1" data-smx-focus="heading" data-testid="page-heading" class="smx-heading-l">Title</h6>"#
        );
        assert_eq!(
            render(|| heading(2, "smx-heading-s", false, html! { "Sub" })),
            r#"<h2 class="smx-heading-s">Sub</h2>"#
        );
    }
}
