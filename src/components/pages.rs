//! Every page but the start page, and where their code lives. Built in (tests, builds
//! without the feature), they render at once. In a `lazy-pages` build [`page`] is a split
//! point (`wasm_split_helpers`): the build (`scripts/postbuild.mjs` step "split",
//! wasm-split-cli) moves the code only these pages run (the questions, the contracts, check
//! your answers, the result pages and their views, the merge review) into a WebAssembly
//! module of its own, which the app loads as soon as it is ready
//! (`hooks::use_pages_code`): the start page, which it opens on, waits for less.
use super::{
    check_answers, confirm_start_again_page, contract_name, contract_page, contracts_page,
    merge_review, question_page, CheckAnswersProps, ContractPageProps, ContractsPageProps,
    DfResultPage, Dispatch, MergeReviewProps, QuestionPageProps, ResultContext, SmResultPage,
};
use crate::state::{Page, State};
use yew::prelude::*;

/// What a page is drawn from: the root's state handle, the level of its heading, and the
/// dispatcher.
pub struct PageContext {
    /// The app's state, as the root's reducer holds it.
    pub state: UseReducerHandle<State>,
    /// The level of the page heading.
    pub heading_level: u8,
    /// Dispatches actions.
    pub dispatch: Dispatch,
}

/// The page `ctx`'s state shows (never the start page: the app draws that itself), or
/// `None` while its code is still to load (a `lazy-pages` build before [`load`] has
/// finished): render it only once the state says the code is there
/// ([`crate::state::Loaded::Ready`]).
pub fn page(ctx: PageContext) -> Option<Html> {
    #[cfg(all(feature = "lazy-pages", target_family = "wasm"))]
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
    #[cfg(not(all(feature = "lazy-pages", target_family = "wasm")))]
    {
        Some(render(ctx))
    }
}

/// Loads the pages' code (a `lazy-pages` build; elsewhere it is built in): `Err` when its
/// module could not be loaded (refused by its integrity check, or missing).
pub async fn load() -> Result<(), ()> {
    #[cfg(all(feature = "lazy-pages", target_family = "wasm"))]
    {
        split::load().await.map_err(|e| {
            web_sys::console::error_1(&format!("The pages could not be loaded: {e}").into());
        })
    }
    #[cfg(not(all(feature = "lazy-pages", target_family = "wasm")))]
    {
        Ok(())
    }
}

fn render(ctx: PageContext) -> Html {
    let PageContext {
        state,
        heading_level: h,
        dispatch,
    } = ctx;
    match state.page {
        Page::Start => html! {},
        Page::Question(q) => html! {
            { question_page(&QuestionPageProps { question: q, draft: state.draft.clone(), errors: state.errors.clone(), preset_notice: state.preset_notice(q), heading_level: h, dispatch: dispatch.clone() }) }
        },
        Page::Contracts => html! {
            { contracts_page(&ContractsPageProps { contracts: state.answers.contracts().to_vec(), removed: state.removed_contract.as_ref().map(|(i, c)| contract_name(*i, c)), errors: state.contract_errors.clone(), heading_level: h, dispatch: dispatch.clone() }) }
        },
        Page::Contract(index) => html! {
            { contract_page(&ContractPageProps { index, draft: state.contract_draft.clone(), errors: state.contract_errors.clone(), heading_level: h, dispatch: dispatch.clone() }) }
        },
        Page::Check => html! {
            { check_answers(&CheckAnswersProps { answers: state.answers.clone(), heading_level: h, dispatch: dispatch.clone() }) }
        },
        Page::ConfirmStartAgain(_) => confirm_start_again_page(&state, h, &dispatch),
        Page::Result(_) => {
            let ctx = ResultContext::new(&state, h, &dispatch);
            match (state.answers.df(), state.answers.sm()) {
                (Some(df), _) => html! { <DfResultPage answers={df} {ctx} /> },
                (_, Some(sm)) => html! { <SmResultPage answers={sm} {ctx} /> },
                _ => html! {},
            }
        }
        Page::Merge => match &state.merge_review {
            Some(review) => html! {
                { merge_review(&MergeReviewProps { review: review.clone(), heading_level: h, dispatch: dispatch.clone() }) }
            },
            None => html! {},
        },
    }
}

#[cfg(all(feature = "lazy-pages", target_family = "wasm"))]
mod split {
    use super::PageContext;
    use yew::Html;

    /// The pages' code is not there (its module could not be loaded).
    pub struct Unloaded;

    impl From<wasm_split_helpers::SplitLoaderError> for Unloaded {
        fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
            Unloaded
        }
    }

    /// [`super::render`], in the split-off module.
    #[wasm_split_helpers::wasm_split(pages, fallible, preload(load))]
    pub fn render(ctx: PageContext) -> Result<Html, Unloaded> {
        Ok(super::render(ctx))
    }
}
