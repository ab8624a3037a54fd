//! What every result view is drawn from: the app's state as the root holds it
//! ([`ResultContext`]), and what a schedule's result page supplies ([`ResultParts`]); the
//! report a page builds from them (memoised), and the click of a link to another view.
use crate::components::Dispatch;
use crate::state::{Action, Page, State};
use security_matrix_core::assessment::questions::QuestionId;
use security_matrix_core::dates::plan::EventDates;
use security_matrix_core::dates::plan::Plan;
use security_matrix_core::report::ObligationGroup;
use security_matrix_core::view::View;
use security_matrix_core::Level;
use yew::prelude::*;

/// What both result pages need besides their schedule's answers.
#[derive(Clone)]
pub struct ResultContext {
    /// The app's state, as the root's reducer holds it: the answers, the tracker, the
    /// event dates, today, the view, the words.
    pub state: UseReducerHandle<State>,
    /// Which state the context was made from (see the `PartialEq`).
    made_from: *const State,
    /// The answers as a link fragment (made once, for every link of the view).
    pub fragment: String,
    /// Level of the page heading.
    pub heading_level: u8,
    /// Dispatches actions.
    pub dispatch: Dispatch,
}

impl ResultContext {
    /// The context of `state`'s result page, its page heading at `heading_level`.
    pub fn new(state: &UseReducerHandle<State>, heading_level: u8, dispatch: &Dispatch) -> Self {
        ResultContext {
            fragment: state.answers.to_fragment(),
            made_from: &**state,
            state: state.clone(),
            heading_level,
            dispatch: dispatch.clone(),
        }
    }

    /// The view shown.
    pub fn view(&self) -> View {
        match self.state.page {
            Page::Result(view) => view,
            _ => View::Summary,
        }
    }

    /// The `href` of a link to `view` (the answers and the view: it opens the same view
    /// in a new tab); a click on it dispatches [`Action::ShowView`] instead.
    pub fn href(&self, view: View) -> String {
        match view {
            View::Summary => format!("#{}", self.fragment),
            v => format!("#{}&view={}", self.fragment, v.key()),
        }
    }
}

/// Two contexts are equal when they were made from the same state (and heading level and
/// dispatcher): the reducer makes a new state for every change, as Yew's `use_reducer`
/// tells them apart, and the old one lives while a context made from it is held (its
/// handle keeps it), so its address is not reused meanwhile. A result page re-renders
/// whenever the state changes, without comparing the whole state.
impl PartialEq for ResultContext {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.made_from, other.made_from)
            && self.heading_level == other.heading_level
            && self.dispatch == other.dispatch
    }
}

/// What a schedule's result page supplies to the views.
pub struct ResultParts<'a> {
    /// The panel's title, the summary's heading.
    pub title: Html,
    /// The panel's body, under the title.
    pub summary: Html,
    /// One or two sentences of why, on the summary.
    pub why_sentence: Html,
    /// Warnings that belong on the summary (the S1 notice, ¶1.4).
    pub warnings: Html,
    /// The "why" view's body (DF: the matrix; 2017: the own-device verdict).
    pub why: Html,
    /// The task list's label for the why view ("Why your level is S6").
    pub why_label: String,
    /// Where the schedule is unclear, when there are notes: how many, and the notes.
    pub notes: Option<(usize, Html)>,
    /// The level (DF only): headings and file names.
    pub level: Option<Level>,
    /// The question that gives the plan's start date (to add it when missing).
    pub start_question: QuestionId,
    /// A paragraph at the top of each subject's view, if any.
    pub obligations_intro: Option<&'static str>,
    /// The report's obligations, by group.
    pub groups: &'a [ObligationGroup],
    /// The report's plan.
    pub plan: &'a Plan,
    /// The Tender Response statement.
    pub statement: String,
}

/// A result page's report for `answers` (from `build`), memoised.
#[hook]
pub fn use_result_report<A, R>(
    answers: &A,
    ctx: &ResultContext,
    build: fn(&A, &EventDates, chrono::NaiveDate) -> R,
) -> std::rc::Rc<R>
where
    A: Clone + PartialEq + 'static,
    R: 'static,
{
    let state = &*ctx.state;
    use_memo(
        (answers.clone(), state.event_dates.clone(), state.today),
        move |(a, e, t)| build(a, e, t.unwrap_or_default()),
    )
}

/// A link's click handler: show `view` in place (the `href` is for a new tab).
pub fn view_click(dispatch: &Dispatch, view: View) -> Callback<MouseEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |e: MouseEvent| {
        if e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0 {
            return; // a new tab or window: let the browser open the link
        }
        e.prevent_default();
        dispatch.send(Action::ShowView(view));
    })
}
