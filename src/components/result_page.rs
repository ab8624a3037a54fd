//! The result page (the schedule's own: [`DfResultPage`], [`SmResultPage`]), and where its
//! code lives. Built in (tests, `trunk serve` without the feature), it renders at once. In a
//! `lazy-results` build it is a split point (`wasm_split_helpers`): the build
//! (`scripts/postbuild.mjs`, wasm-split-cli) moves the code only result pages run into a
//! WebAssembly module of its own, which the app loads once the user leaves the start page
//! (`hooks::use_results_code`), so the start page waits for less.
use super::{DfResultPage, ResultContext, SmResultPage};
use yew::prelude::*;

/// The result page for `ctx`'s answers, or `None` while its code is still to load (a
/// `lazy-results` build before [`load`] has finished): render it only once the state says
/// the code is there ([`crate::state::Loaded::Ready`]).
pub fn result_page(ctx: ResultContext) -> Option<Html> {
    #[cfg(all(feature = "lazy-results", target_family = "wasm"))]
    {
        use std::future::Future;
        // Once loaded, the split function's future is ready at its first poll.
        let mut future = std::pin::pin!(split::render(ctx));
        let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
        match future.as_mut().poll(&mut cx) {
            std::task::Poll::Ready(Ok(html)) => Some(html),
            _ => None,
        }
    }
    #[cfg(not(all(feature = "lazy-results", target_family = "wasm")))]
    {
        Some(render(ctx))
    }
}

/// Loads the result pages' code (a `lazy-results` build; elsewhere it is built in): `Err`
/// when its module could not be loaded (refused by its integrity check, or missing).
pub async fn load() -> Result<(), ()> {
    #[cfg(all(feature = "lazy-results", target_family = "wasm"))]
    {
        split::load().await.map_err(|e| {
            web_sys::console::error_1(&format!("The result pages could not be loaded: {e}").into());
        })
    }
    #[cfg(not(all(feature = "lazy-results", target_family = "wasm")))]
    {
        Ok(())
    }
}

/// Whether the result pages' code is built into the app (else [`load`] fetches it).
pub const BUILT_IN: bool = !cfg!(all(feature = "lazy-results", target_family = "wasm"));

fn render(ctx: ResultContext) -> Html {
    let answers = &ctx.state.answers;
    match (answers.df(), answers.sm()) {
        (Some(df), _) => html! { <DfResultPage answers={df} {ctx} /> },
        (_, Some(sm)) => html! { <SmResultPage answers={sm} {ctx} /> },
        _ => html! {},
    }
}

#[cfg(all(feature = "lazy-results", target_family = "wasm"))]
mod split {
    use super::ResultContext;
    use yew::Html;

    /// The result pages' code is not there (its module could not be loaded).
    pub struct Unloaded;

    impl From<wasm_split_helpers::SplitLoaderError> for Unloaded {
        fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
            Unloaded
        }
    }

    /// [`super::render`], in the split-off module.
    #[wasm_split_helpers::wasm_split(results, fallible, preload(load))]
    pub fn render(ctx: ResultContext) -> Result<Html, Unloaded> {
        Ok(super::render(ctx))
    }
}
