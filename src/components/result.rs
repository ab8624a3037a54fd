//! The result page's layout, the same for both schedules: the panel, what the schedule adds
//! (DF: why the level is what it is; 2017: the own-device verdict), the dated plan, the
//! readiness summary, the obligations, the take-aways, the answers and what to do next.
use super::{
    answers_summary, heading, obligation_list, plan_section, readiness_summary, Dispatch,
    PlanSectionProps, ReadinessSummaryProps, ResultActions, Takeaways,
};
use chrono::NaiveDate;
use security_matrix_core::flow::Answers;
use security_matrix_core::plan::Plan;
use security_matrix_core::questions::QuestionId;
use security_matrix_core::report::{EventDates, ObligationGroup};
use security_matrix_core::savefile::Document;
use security_matrix_core::tracker::{summarise, Tracker};
use security_matrix_core::Level;
use yew::prelude::*;

/// What both result pages need besides their schedule's answers.
#[derive(Clone, PartialEq)]
pub struct ResultContext {
    /// The answers as a link fragment.
    pub fragment: String,
    /// Today, from the edge.
    pub today: Option<NaiveDate>,
    /// Dates of events the user entered.
    pub event_dates: EventDates,
    /// Every answer (for the saved file and the answers summary).
    pub all_answers: Answers,
    /// The tracker (status, owner, note by obligation).
    pub tracker: Tracker,
    /// Level of the page heading.
    pub heading_level: u8,
    /// Dispatches actions.
    pub dispatch: Dispatch,
}

impl ResultContext {
    /// What the saved file holds: every answer, readiness mark and event date.
    pub fn document(&self) -> Document {
        Document {
            answers: self.all_answers.clone(),
            tracker: self.tracker.clone(),
            event_dates: self.event_dates.clone(),
        }
    }
}

/// What a schedule's result page supplies to [`result_layout`]: its own parts, and its
/// report's obligations and plan.
pub struct ResultParts<'a> {
    /// The panel's title, the page's heading.
    pub title: Html,
    /// The panel's body, under the title.
    pub summary: Html,
    /// What the schedule shows between the panel and the plan.
    pub details: Html,
    /// The level (DF only): the plan's and the take-aways' file names.
    pub level: Option<Level>,
    /// The question that gives the plan's start date (to add it when missing).
    pub start_question: QuestionId,
    /// A paragraph under "Your obligations", if any.
    pub obligations_intro: Option<&'static str>,
    /// The report's obligations, by group.
    pub groups: &'a [ObligationGroup],
    /// The report's plan.
    pub plan: &'a Plan,
    /// The obligations list's HTML and the element it goes in, from `use_result_report`.
    pub list: (&'a AttrValue, &'a NodeRef),
    /// The Tender Response statement.
    pub statement: String,
}

/// A result page: `parts` in the layout both schedules share (each section keeps its
/// `data-testid`).
pub fn result_layout(ctx: &ResultContext, parts: ResultParts) -> Html {
    let h = ctx.heading_level;
    let h2 = (h + 1).min(6);
    let readiness = summarise(parts.groups, parts.plan, &ctx.tracker);
    let (markup, list) = parts.list;
    html! {
        <div class="smx-page" data-testid="result">
            <div class="smx-panel" data-testid="result-panel">
                { heading(h, "smx-panel__title", true, parts.title) }
                <div class="smx-panel__body">{ parts.summary }</div>
            </div>
            { parts.details }
            { plan_section(&PlanSectionProps { plan: parts.plan.clone(), level: parts.level, start_question: parts.start_question, heading_level: h2, dispatch: ctx.dispatch.clone() }) }
            { readiness_summary(&ReadinessSummaryProps { summary: readiness, heading_level: h2 }) }
            { heading(h2, "smx-heading-m", false, html! { <>{ "Your obligations" }</> }) }
            if let Some(intro) = parts.obligations_intro {
                <p class="smx-body">{ intro }</p>
            }
            { obligation_list(markup, list, &ctx.dispatch) }
            <Takeaways statement={parts.statement} document={ctx.document()} plan={parts.plan.clone()} level={parts.level} heading_level={h2} />
            { answers_summary(&ctx.all_answers) }
            <ResultActions fragment={ctx.fragment.clone()} dispatch={ctx.dispatch.clone()} />
        </div>
    }
}
