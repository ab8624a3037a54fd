//! A heading whose level follows the host page's outline.
use yew::prelude::*;

/// Properties of [`Heading`].
#[derive(Properties, PartialEq)]
pub struct HeadingProps {
    /// 1 for `<h1>` … 6 for `<h6>`.
    pub level: u8,
    /// CSS classes.
    #[prop_or_default]
    pub class: Classes,
    /// The page's main heading: focus moves here when the page changes.
    #[prop_or_default]
    pub focus: bool,
    /// A `data-testid`.
    #[prop_or_default]
    pub testid: Option<AttrValue>,
    /// The heading's content.
    #[prop_or_default]
    pub children: Html,
}

/// `<h1>`…`<h6>`.
#[function_component(Heading)]
pub fn heading(p: &HeadingProps) -> Html {
    let tag = format!("h{}", p.level.clamp(1, 6));
    html! {
        <@{tag}
            class={p.class.clone()}
            tabindex={p.focus.then_some("-1")}
            data-smx-focus={p.focus.then_some("heading")}
            data-testid={p.testid.clone()}
        >
            { p.children.clone() }
        </@>
    }
}
