//! The state's code the start page never runs, and where it lives. Built in (tests, builds
//! without `lazy-pages`), these functions are plain calls. In a `lazy-pages` build each is
//! a split point (`wasm_split_helpers`) into the pages' module, with the pages themselves
//! (`components::pages`): the build's step "split" (wasm-split-cli) moves what only they
//! reach out of the module the start page waits for. That is the reducer's handling of every
//! action but the start page's own (`reduce.rs` keeps those), with the link's and the save
//! file's readers; the save file's writer (this tab's storage, this device, the take-aways);
//! and the other pages' titles.
//!
//! Each returns `None` while the pages' code is not there ([`super::Loaded::Ready`] says it
//! is: [`load`] has finished). The reducer then holds the action until it comes
//! ([`State::held`]); the others have nothing to do before then (a blank start page has
//! nothing to write).
use super::{Action, State};
use security_matrix_core::file::savefile::{self, Document};

/// The pages' code is not there (its module has not come, or could not be loaded).
pub struct Unloaded;

#[cfg(all(feature = "lazy-pages", target_family = "wasm"))]
impl From<wasm_split_helpers::SplitLoaderError> for Unloaded {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        Unloaded
    }
}

/// The result of a split function's call now: a `lazy-pages` build's wrapper is a future,
/// ready at its first poll once the module is loaded (`None` before); elsewhere it is the
/// call itself.
#[cfg(all(feature = "lazy-pages", target_family = "wasm"))]
pub fn now<T>(call: impl std::future::Future<Output = Result<T, Unloaded>>) -> Option<T> {
    let mut call = std::pin::pin!(call);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    match call.as_mut().poll(&mut cx) {
        std::task::Poll::Ready(result) => result.ok(),
        std::task::Poll::Pending => None,
    }
}

/// The result of a split function's call now (built in: the call itself).
#[cfg(not(all(feature = "lazy-pages", target_family = "wasm")))]
pub fn now<T>(call: Result<T, Unloaded>) -> Option<T> {
    call.ok()
}

/// Declares a split point into the pages' module (this file's, and `components::pages`):
/// `fn name(args) -> Option<T>`, `None` while the pages' code is not there. Beside it, a
/// module of the same name holds the split function (its body) and, in a `lazy-pages`
/// build, its `preload` (awaited once by the module's loader, so the call is then ready at
/// its first poll).
macro_rules! in_pages_module {
    ($(#[$doc:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        $(#[$doc])*
        $vis fn $name($($arg: $ty),*) -> Option<$ret> {
            $crate::state::later::now($name::$name($($arg),*))
        }

        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[cfg_attr(
                all(feature = "lazy-pages", target_family = "wasm"),
                wasm_split_helpers::wasm_split(pages, fallible, preload(preload))
            )]
            pub(super) fn $name($($arg: $ty),*) -> Result<$ret, $crate::state::later::Unloaded> {
                Ok($body)
            }
        }
    };
}
pub(crate) use in_pages_module;

/// Loads the pages' module and makes each of this file's functions ready to be called
/// (each split point learns that its module is there by awaiting it once): `Err` when the
/// module could not be loaded. Elsewhere nothing to load.
pub async fn load() -> Result<(), Unloaded> {
    #[cfg(all(feature = "lazy-pages", target_family = "wasm"))]
    {
        reduce::preload().await?;
        storage::preload().await?;
        document_json::preload().await?;
        title::preload().await?;
        is_saved_file::preload().await?;
    }
    Ok(())
}

in_pages_module! {
    /// Applies `action` to `s` (which was `before`) with the whole reducer, and notes what
    /// it changed (`None`: the pages' code is not there; nothing was done).
    pub(super) fn reduce(s: &mut State, before: &State, action: &Action) -> () {
        s.apply(action);
        s.note_change(before, action);
        s.stamp_changes(before, action);
    }
}

in_pages_module! {
    /// What this tab's sessionStorage keeps ([`State::to_storage`]).
    pub fn storage(s: &State) -> String {
        s.to_storage()
    }
}

in_pages_module! {
    /// The saved file's text of `document` (what this device keeps, what the take-aways are
    /// made from).
    pub fn document_json(document: &Document) -> String {
        savefile::to_json(document)
    }
}

in_pages_module! {
    /// The document title of a page other than the start page.
    pub(super) fn title(s: &State) -> String {
        s.page_title()
    }
}

in_pages_module! {
    /// Whether `text` is a file this tool saved (the file picker's check before it opens
    /// one).
    pub fn is_saved_file(text: &str) -> bool {
        savefile::from_json(text).is_ok()
    }
}
