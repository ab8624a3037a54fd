//! Every page but the start page, and where their code lives. Built in (tests, builds
//! without the feature), they render at once. In a `lazy-pages` build [`page`] is a split
//! point (`wasm_split_helpers`): the build (`scripts/postbuild.mjs` step "split",
//! wasm-split-cli) moves the code only these pages run (the questions, the contracts, check
//! your answers, the result pages and their views, the merge review) into a WebAssembly
//! module of its own, which the app loads as soon as it is ready
//! (`hooks::use_pages_code`): the start page, which it opens on, waits for less. The same
//! module holds the state's code the start page never runs (`crate::state::later`: the
//! reducer's handling of every other action, the link's and the save file's readers and
//! writer); [`load`] makes both ready.
use super::{
    check_answers, confirm_start_again_page, contract_name, contract_page, contracts_page,
    merge_review, question_page, CheckAnswersProps, ContractPageProps, ContractsPageProps,
    DfResultPage, Dispatch, MergeReviewProps, QuestionPageProps, ResultContext, SmResultPage,
};
use crate::state::{later, Page, State};
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

later::in_pages_module! {
    /// The page `ctx`'s state shows (never the start page: the app draws that itself), or
    /// `None` while its code is still to load (a `lazy-pages` build before [`load`] has
    /// finished): render it only once the state says the code is there
    /// ([`crate::state::Loaded::Ready`]).
    pub fn page(ctx: PageContext) -> Html {
        render(ctx)
    }
}

/// Loads the pages' code (a `lazy-pages` build; elsewhere it is built in): `Err` when its
/// module could not be loaded (refused by its integrity check, or missing). The state's
/// code in the same module ([`later`]) is made ready with it.
pub async fn load() -> Result<(), ()> {
    let loaded = async {
        #[cfg(all(feature = "lazy-pages", target_family = "wasm"))]
        page::preload().await?;
        later::load().await
    };
    loaded.await.map_err(|_: later::Unloaded| {
        #[cfg(target_family = "wasm")]
        web_sys::console::error_1(
            &"The pages could not be loaded: failed to load split module".into(),
        );
    })
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
