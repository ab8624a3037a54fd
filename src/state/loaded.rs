//! Whether a part the app loads when first needed (the words, the pages' code) is there.

/// Whether a part the app loads when first needed is there: the schedule's own words
/// (`Obligation::text`; a `lazy-words` build loads them when a result view first shows), or
/// the code of every page but the start page (a `lazy-pages` build loads it as soon as the
/// app is ready: `components::pages`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Loaded {
    /// Not there yet: asked for, or about to be.
    Loading,
    /// There: built in, or loaded and installed.
    Ready,
    /// It could not be loaded (e.g. its file failed its integrity check): the places that
    /// show it say so; everything else works.
    Failed,
}

impl Loaded {
    /// The words: [`Loaded::Ready`] when they are built in (or installed already), else
    /// [`Loaded::Loading`].
    pub fn words() -> Loaded {
        if security_matrix_core::duties::words::ready() {
            Loaded::Ready
        } else {
            Loaded::Loading
        }
    }

    /// The pages' code: [`Loaded::Ready`] when it is built in, else [`Loaded::Loading`].
    pub fn pages() -> Loaded {
        // Built in unless a `lazy-pages` build splits it off (`components::pages`).
        if !cfg!(all(feature = "lazy-pages", target_family = "wasm")) {
            Loaded::Ready
        } else {
            Loaded::Loading
        }
    }
}
