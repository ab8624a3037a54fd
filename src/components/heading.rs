//! A heading whose level follows the host page's outline.
use yew::prelude::*;

/// `<h1>`…`<h6>` (`level` is clamped to 1–6) with `class` and `children`. The page's main
/// heading (`page`) also gets `tabindex="-1"`, `data-smx-focus="heading"` (focus moves
/// there when the page changes) and `data-testid="page-heading"`.
///
/// A function rather than a component: it keeps no state, and every component type costs
/// the WebAssembly bundle about 1 KB of Yew plumbing.
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
