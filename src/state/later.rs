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

/// Loads the pages' module and makes each of this file's functions ready to be called
/// (each split point learns that its module is there by awaiting it once): `Err` when the
/// module could not be loaded. Elsewhere nothing to load.
pub async fn load() -> Result<(), Unloaded> {
    #[cfg(all(feature = "lazy-pages", target_family = "wasm"))]
    {
        preload_reduce().await?;
        preload_storage().await?;
        preload_document_json().await?;
        preload_title().await?;
        preload_is_saved_file().await?;
    }
    Ok(())
}

/// Applies `action` to `s` (which was `before`) with the whole reducer, and notes what it
/// changed (`None`: the pages' code is not there; nothing was done).
pub(super) fn reduce(s: &mut State, before: &State, action: &Action) -> Option<()> {
    now(reduce_all(s, before, action))
}

#[cfg_attr(
    all(feature = "lazy-pages", target_family = "wasm"),
    wasm_split_helpers::wasm_split(pages, fallible, preload(preload_reduce))
)]
fn reduce_all(s: &mut State, before: &State, action: &Action) -> Result<(), Unloaded> {
    s.apply(action);
    s.note_change(before, action);
    s.stamp_changes(before, action);
    Ok(())
}

/// What this tab's sessionStorage keeps ([`State::to_storage`]).
pub fn storage(s: &State) -> Option<String> {
    now(storage_text(s))
}

#[cfg_attr(
    all(feature = "lazy-pages", target_family = "wasm"),
    wasm_split_helpers::wasm_split(pages, fallible, preload(preload_storage))
)]
fn storage_text(s: &State) -> Result<String, Unloaded> {
    Ok(s.to_storage())
}

/// The saved file's text of `document` (what this device keeps, what the take-aways are
/// made from).
pub fn document_json(document: &Document) -> Option<String> {
    now(json(document))
}

#[cfg_attr(
    all(feature = "lazy-pages", target_family = "wasm"),
    wasm_split_helpers::wasm_split(pages, fallible, preload(preload_document_json))
)]
fn json(document: &Document) -> Result<String, Unloaded> {
    Ok(savefile::to_json(document))
}

/// The document title of a page other than the start page.
pub(super) fn title(s: &State) -> Option<String> {
    now(page_title(s))
}

#[cfg_attr(
    all(feature = "lazy-pages", target_family = "wasm"),
    wasm_split_helpers::wasm_split(pages, fallible, preload(preload_title))
)]
fn page_title(s: &State) -> Result<String, Unloaded> {
    Ok(s.page_title())
}

/// Whether `text` is a file this tool saved (the file picker's check before it opens one).
pub fn is_saved_file(text: &str) -> Option<bool> {
    now(saved_file(text))
}

#[cfg_attr(
    all(feature = "lazy-pages", target_family = "wasm"),
    wasm_split_helpers::wasm_split(pages, fallible, preload(preload_is_saved_file))
)]
fn saved_file(text: &str) -> Result<bool, Unloaded> {
    Ok(savefile::from_json(text).is_ok())
}
