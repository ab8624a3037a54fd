//! What the build needs from the app (`scripts/postbuild.mjs`, step "prerender"):
//!
//! - the widget's start page, rendered at build time by the app's own components with Yew's
//!   server renderer, so the first paint of `dist/index.html` is the real start page before
//!   any WebAssembly has arrived (issue 17); the build puts [`Prerender::page`] in the page's
//!   body, and the app takes it over when it starts (`security_matrix::takeover`);
//! - the configuration of the page's scripts ([`config`]);
//! - the clauses' words.
#![deny(missing_docs)]

pub mod config;

use security_matrix::{App, AppProps};

/// Marks the pre-rendered root (`<div class="smx" data-testid="app" data-smx-prerender>`):
/// the boot script, the stylesheet and the app's take-over find it by this attribute.
pub const MARKER: &str = security_matrix::takeover::PRERENDER_ATTRIBUTE;

/// What the build needs from the app to pre-render its first screen.
pub struct Prerender {
    /// The start page of the widget's own page (`AppProps::default()`), with [`MARKER`] on
    /// its root.
    pub page: String,
    /// The start page as a directly mounted widget shows it with no options set (headings
    /// from `<h2>`), for `security-matrix-loader.js`; with [`MARKER`] too.
    pub direct_page: String,
    /// The configuration of the page's scripts and pages ([`config::config`]).
    pub config: serde_json::Value,
    /// The clauses' own words, one per obligation in catalogue order, for the words module
    /// a `lazy-words` build loads (`scripts/postbuild.mjs`, step "words").
    pub words: &'static [&'static str],
}

/// The markup `App` renders first with these props (before it has read the link, storage
/// or date: that is the start page), as the server renderer writes it, without hydration
/// comments.
pub fn render(props: AppProps) -> String {
    futures::executor::block_on(
        yew::LocalServerRenderer::<App>::with_props(props)
            .hydratable(false)
            .render(),
    )
}

/// `html` with [`MARKER`] on its root element (the first tag).
///
/// # Panics
/// If `html` does not start with the app's root element (`<div … data-testid="app" …>`).
pub fn mark_root(html: &str) -> String {
    let end = html.find('>').expect("the app renders a root element");
    let root = &html[..end];
    assert!(
        root.starts_with("<div ") && root.contains(r#"data-testid="app""#),
        "the app's first element is its root <div data-testid=\"app\">, not {root}"
    );
    format!("{root} {MARKER}{}", &html[end..])
}

/// Everything the build needs.
pub fn prerender() -> Prerender {
    Prerender {
        page: mark_root(&render(AppProps::default())),
        direct_page: mark_root(&render(
            security_matrix::embed::options_from_attributes(|_| None).0,
        )),
        config: config::config(),
        words: security_matrix_core::duties::words::builtin(),
    }
}

impl Prerender {
    /// As JSON for `scripts/postbuild.mjs`: `page`, `directPage`, `config` and `words`.
    pub fn to_json(&self) -> String {
        serde_json::json!({
            "page": self.page,
            "directPage": self.direct_page,
            "config": self.config,
            "words": self.words,
        })
        .to_string()
    }
}

#[cfg(test)]
mod tests;
