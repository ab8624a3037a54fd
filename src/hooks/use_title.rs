//! The document title, which follows the page.
use crate::edge;
use yew::functional::Hook;
use yew::prelude::*;

/// Sets the document title to `title` whenever it changes, if the widget owns the page
/// (`owns_page`; an embedded widget leaves the host's title alone).
pub fn use_title(title: String, owns_page: bool) -> impl Hook<Output = ()> {
    use_effect_with(title, move |title| {
        if owns_page {
            edge::set_title(title);
        }
    })
}
