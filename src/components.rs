//! The widget's pages and the product's own parts, one per file, composed of the GOV.UK
//! elements of `crate::elements`. They render what they are given and dispatch actions
//! through [`Dispatch`]; none of them reads the browser.
//!
//! Parts that keep no state are plain functions returning `Html` rather than components
//! (each component type costs the bundle about 1 KB of Yew plumbing). A computed class is
//! an ordinary `class={…}` or `classes!(…)`.
//!
//! The start page, check answers and each question page have a `key` of their own on their
//! root (the result pages are components of their own), so that Yew replaces a page's DOM
//! when the page changes rather than patching one page into the next: no focus, typed text
//! or error is carried from one page to another.
mod answers_summary;
mod check_answers;
mod contracts;
mod df_result;
mod documents;
mod merge_file;
mod merge_review;
mod notices;
mod obligation;
mod obligations;
mod open_file;
pub mod pages;
mod plan;
mod question;
mod result;
mod result_actions;
mod save_state;
mod sm_result;
mod start;
mod start_again;
mod takeaways;
mod tender;
mod tracker_controls;

pub use answers_summary::answers_summary;
pub use check_answers::{check_answers, CheckAnswersProps};
pub use contracts::{
    contract_name, contract_page, contracts_page, ContractPageProps, ContractsPageProps,
};
pub use df_result::DfResultPage;
pub use documents::{documents_section, DocumentsProps};
pub use merge_file::merge_file;
pub use merge_review::{merge_review, MergeReviewProps};
pub use notices::notices_section;
pub use obligations::obligation_list;
pub use open_file::{open_file, OpenFileProps};
pub use pages::{load as load_pages, PageContext};
pub use plan::{plan_section, PlanSectionProps};
pub use question::{question_page, QuestionPageProps};
pub use result::{result_layout, use_result_report, ResultContext, ResultParts};
pub use result_actions::ResultActions;
pub use save_state::{save_state_line, save_state_section};
pub use sm_result::SmResultPage;
pub use start::{start_page, StartPageProps};
pub use start_again::confirm_start_again_page;
pub use takeaways::{save_button, save_buttons, Takeaways};
pub use tender::{tender_line, tender_section, SET_BY_CUSTOMER};

use crate::elements::back_link;
use crate::state::{Action, State};
use yew::{Callback, Html, UseReducerDispatcher};

/// A form page's back link: to the page before ([`Action::Back`]).
fn back(dispatch: &Dispatch) -> Html {
    back_link(dispatch.on(|_| Action::Back))
}

/// A Copy button's click: copies `text` to the clipboard, then sets `status` (a polite live
/// region under the button) to `copied`, or to `refused` when the browser does not allow it.
pub fn copy_on_click(
    text: String,
    status: yew::UseStateHandle<String>,
    copied: &'static str,
    refused: &'static str,
) -> Callback<yew::MouseEvent> {
    Callback::from(move |_| {
        let (status, text) = (status.clone(), text.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let done = crate::edge::copy_text(text).await;
            status.set(if done { copied } else { refused }.to_string());
        });
    })
}

/// How components change the state: the root reducer's dispatcher. It is the same on every
/// render and compares equal to itself, so a component whose props hold it is re-rendered
/// only when its other props change (a `Callback` made afresh each render never compares
/// equal).
#[derive(Clone, PartialEq)]
pub struct Dispatch(UseReducerDispatcher<State>);

impl Dispatch {
    /// Wraps the dispatcher of the root's `use_reducer`.
    pub fn new(dispatcher: UseReducerDispatcher<State>) -> Self {
        Dispatch(dispatcher)
    }

    /// Dispatches `action` to the reducer, after the local time ([`Action::Clock`], read
    /// at the edge): a change is noted with its time, and the reducer reads no clock.
    pub fn send(&self, action: Action) {
        send(&self.0, action)
    }

    /// An event handler that dispatches the action `f` makes of the event (as
    /// [`Dispatch::send`]), e.g. `dispatch.on(|_: MouseEvent| Action::Back)`.
    pub fn on<E: 'static>(&self, f: impl Fn(E) -> Action + 'static) -> Callback<E> {
        let dispatcher = self.0.clone();
        Callback::from(move |e| send(&dispatcher, f(e)))
    }
}

/// The clock's minute, then the action (an unchanged minute renders nothing).
fn send(dispatcher: &UseReducerDispatcher<State>, action: Action) {
    dispatcher.dispatch(Action::Clock(crate::edge::clock()));
    dispatcher.dispatch(action);
}
