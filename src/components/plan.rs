//! The dated plan: the deadlines folded into one row per duty, in the periods a person
//! plans by (`plan/periods.rs`); the duties counted from an event, with a date box each,
//! the standing duties and those after the term (`plan/duties.rs`); and the calendar file.
mod duties;
mod periods;

use super::takeaways::{takeaway_button, takeaway_error};
use super::Dispatch;
use crate::elements::{button, heading, Button, ButtonKind};
use crate::state::{Action, Making};
use chrono::NaiveDate;
use security_matrix_core::assessment::questions::QuestionId;
use security_matrix_core::dates::plan::Plan;
use security_matrix_core::format::long_date;
use security_matrix_core::takeaways::download::Takeaway;
use yew::prelude::*;

/// What [`plan_section`] shows.
pub struct PlanSectionProps {
    /// The plan.
    pub plan: Plan,
    /// A take-away file being made (the calendar file's button waits), or why the last
    /// was not.
    pub making: Making,
    /// The question that gives the start date (to add it when missing).
    pub start_question: QuestionId,
    /// Level of the section heading (the periods' headings are one below).
    pub heading_level: u8,
    /// Whether the section shows its own heading "Your dated plan" (not in the plan
    /// view, whose page heading says it: there `heading_level` is the page heading's).
    pub titled: bool,
    /// Dispatches actions.
    pub dispatch: Dispatch,
}

/// `<time datetime="YYYY-MM-DD">4 January 2027</time>`.
pub fn time(d: NaiveDate) -> Html {
    html! { <time datetime={d.to_string()}>{ long_date(d) }</time> }
}

/// The plan section of a result page: the message asking for the start date when it is
/// missing, the assumption behind the "before processing" dates, the periods with their
/// rows and the calendar button, then the duties counted from events, those after the
/// term and the standing ones.
pub fn plan_section(p: &PlanSectionProps) -> Html {
    let plan = &p.plan;
    let h = p.heading_level;
    let h3 = (h + 1).min(6);
    let add_date = p.dispatch.on({
        let q = p.start_question;
        move |_| Action::Change(q)
    });
    let periods = plan.periods();
    html! {
        <section class="smx-plan" data-testid="plan">
            if p.titled {
                { heading(h, "smx-heading-m", false, html! { { "Your dated plan" } }) }
            }
            if let Some(message) = plan.needs_start {
                <div class="smx-inset" data-testid="plan-needs-date">
                    <p class="smx-body">{ message }</p>
                    { button(Button {
                        kind: ButtonKind::Secondary,
                        testid: "add-start-date",
                        onclick: Some(add_date),
                        text: html! { { format!("Add the {}", p.start_question.question().label) } },
                        ..Button::default()
                    }) }
                </div>
            }
            if let (Some(date), Some(assumption)) = (plan.before_processing.date, plan.before_processing.assumption) {
                <p class="smx-body-s" data-testid="plan-assumption">{ format!("{assumption} Duties due before processing are dated {}.", long_date(date)) }</p>
            }
            if !periods.is_empty() {
                <p class="smx-body-s">{ "Each duty is listed once, under the period of its first date. A duty that comes round again says how often, and its other dates open under it." }</p>
                { for periods.iter().map(|period| periods::period(period, h3)) }
                { takeaway_button(Takeaway::Calendar, "download-ics", "Download the plan as a calendar file (.ics)", p.making, &p.dispatch) }
                { takeaway_error(p.making, &[Takeaway::Calendar]) }
            }
            { duties::event_duties(plan, h3, &p.dispatch) }
            if !plan.after_term.is_empty() {
                { heading(h3, "smx-heading-s", false, html! { { "Not due within the term" } }) }
                <p class="smx-body">{ "These recurring duties first fall due after the term you gave ends. If the contract is extended, they apply." }</p>
                { duties::duty_list("after-term", plan.after_term.iter()) }
            }
            if !plan.standing.is_empty() {
                { heading(h3, "smx-heading-s", false, html! { { "Standing duties" } }) }
                { duties::duty_list("standing", plan.standing.iter()) }
            }
        </section>
    }
}
