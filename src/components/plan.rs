//! The dated plan: every deadline in date order, event-relative duties with a date box,
//! standing duties, and the calendar file.
use super::{heading, with_class};
use crate::edge;
use crate::state::Action;
use chrono::NaiveDate;
use security_matrix_core::flow::long_date;
use security_matrix_core::plan::{ics_file_name, plan_ics, Plan};
use security_matrix_core::questions::QuestionId;
use security_matrix_core::Level;
use std::collections::BTreeSet;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What [`plan_section`] shows.
#[derive(PartialEq)]
pub struct PlanSectionProps {
    /// The plan.
    pub plan: Plan,
    /// The level, for the calendar file's name (DF only).
    pub level: Option<Level>,
    /// The question that gives the start date (to add it when missing).
    pub start_question: QuestionId,
    /// Level of the section heading.
    pub heading_level: u8,
    /// Emits actions.
    pub on_action: Callback<Action>,
}

/// `<time datetime="YYYY-MM-DD">4 January 2027</time>`.
pub fn time(d: NaiveDate) -> Html {
    html! { <time datetime={security_matrix_core::flow::iso_date(d)}>{ long_date(d) }</time> }
}

/// The plan section of a result page.
pub fn plan_section(p: &PlanSectionProps) -> Html {
    let plan = &p.plan;
    let h = p.heading_level;
    let h3 = (h + 1).min(6);
    let on_download = {
        let (plan, level) = (plan.clone(), p.level);
        Callback::from(move |_| {
            let ics = plan_ics(&plan, edge::now_utc());
            edge::download(
                &ics_file_name(&plan, level),
                "text/calendar;charset=utf-8",
                &ics,
            );
        })
    };
    let add_date = p.on_action.reform({
        let q = p.start_question;
        move |_| Action::Change(q)
    });
    let events: Vec<(&str, &str, Option<NaiveDate>)> = {
        let mut seen = BTreeSet::new();
        plan.event_duties
            .iter()
            .filter(|d| seen.insert(d.event_id))
            .map(|d| (d.event_id, d.event_label, d.event_date))
            .collect()
    };
    html! {
        <section class="smx-plan" data-testid="plan">
            { heading(h, "smx-heading-m", false, html! { <>{ "Your dated plan" }</> }) }
            if let Some(message) = plan.needs_start {
                <div class="smx-inset" data-testid="plan-needs-date">
                    <p class="smx-body">{ message }</p>
                    <button type="button" class="smx-button smx-button--secondary" onclick={add_date} data-testid="add-start-date">
                        { format!("Add the {}", p.start_question.question().label) }
                    </button>
                </div>
            }
            if let (Some(date), Some(assumption)) = (plan.before_processing.date, plan.before_processing.assumption) {
                <p class="smx-body-s" data-testid="plan-assumption">{ format!("{assumption} Duties due before processing are dated {}.", long_date(date)) }</p>
            }
            if !plan.dated.is_empty() {
                <table class="smx-table" data-testid="plan-table">
                    <caption class="smx-visually-hidden">{ "Deadlines in date order" }</caption>
                    <thead><tr>
                        <th scope="col">{ "Due by" }</th>
                        <th scope="col">{ "Paragraph" }</th>
                        <th scope="col">{ "What" }</th>
                    </tr></thead>
                    <tbody>
                        { for plan.dated.iter().map(|e| with_class(html! {
                            <tr data-ref={e.obligation.reference} data-testid="plan-entry">
                                <td>
                                    { time(e.date) }
                                    if e.past { <span class="smx-tag smx-tag--grey" data-testid="past">{ "past" }</span> }
                                </td>
                                <td class="smx-ref">{ format!("¶{}", e.obligation.reference) }</td>
                                <td>
                                    { e.obligation.title }
                                    <span class="smx-plan__rule">
                                        { format!(" ({}", e.rule) }
                                        if e.occurrences > 1 { { format!("; {} of {}", e.occurrence, e.occurrences) } }
                                        if let Some(then) = e.then_every { { format!("; {then}") } }
                                        { ")" }
                                    </span>
                                </td>
                            </tr>
                        }, if e.past { "smx-table__row--past" } else { "" })) }
                    </tbody>
                </table>
                <button type="button" class="smx-button smx-button--secondary" onclick={on_download} data-testid="download-ics">
                    { "Download the plan as a calendar file (.ics)" }
                </button>
            }
            if !events.is_empty() {
                { heading(h3, "smx-heading-s", false, html! { <>{ "Deadlines that run from an event" }</> }) }
                <p class="smx-body">{ "These start when something happens. Enter the date it happened to see the deadline." }</p>
                { for events.iter().map(|(id, label, date)| {
                    let input_id = format!("smx-event-{id}");
                    let event = id.to_string();
                    let onchange = p.on_action.reform(move |e: Event| {
                        let v = e.target_unchecked_into::<HtmlInputElement>().value();
                        Action::SetEventDate(event.clone(), security_matrix_core::flow::parse_iso_date(&v))
                    });
                    html! {
                        <div class="smx-event" data-testid="event" data-event={*id}>
                            <label class="smx-label" for={input_id.clone()}>{ capitalised(label) }</label>
                            <input id={input_id} class="smx-input smx-input--width-10" type="date"
                                value={date.map(security_matrix_core::flow::iso_date).unwrap_or_default()} {onchange} />
                            <ul class="smx-list">
                                { for plan.event_duties.iter().filter(|d| d.event_id == *id).map(|d| html! {
                                    <li data-ref={d.obligation.reference}>
                                        <span class="smx-ref">{ format!("¶{}", d.obligation.reference) }</span>
                                        { format!(" {}: {}", d.obligation.title, d.rule) }
                                        if let Some(due) = d.due { { " — due by " }{ time(due) } }
                                    </li>
                                }) }
                            </ul>
                        </div>
                    }
                }) }
            }
            if !plan.after_term.is_empty() {
                { heading(h3, "smx-heading-s", false, html! { <>{ "Not due within the term" }</> }) }
                <p class="smx-body">{ "These recurring duties first fall due after the term you gave ends. If the contract is extended, they apply." }</p>
                <ul class="smx-list smx-list--bullet" data-testid="after-term">
                    { for plan.after_term.iter().map(|d| html! {
                        <li data-ref={d.obligation.reference}>
                            <span class="smx-ref">{ format!("¶{}", d.obligation.reference) }</span>{ format!(" {}: {}", d.obligation.title, d.rule) }
                        </li>
                    }) }
                </ul>
            }
            if !plan.standing.is_empty() {
                { heading(h3, "smx-heading-s", false, html! { <>{ "Standing duties" }</> }) }
                <ul class="smx-list smx-list--bullet" data-testid="standing">
                    { for plan.standing.iter().map(|d| html! {
                        <li data-ref={d.obligation.reference}>
                            <span class="smx-ref">{ format!("¶{}", d.obligation.reference) }</span>{ format!(" {}: {}", d.obligation.title, d.rule) }
                        </li>
                    }) }
                </ul>
            }
        </section>
    }
}

/// "the date you …" → "The date you …". The event descriptions in the data start with an
/// ASCII letter; ASCII case keeps Unicode's case tables out of the bundle.
fn capitalised(s: &str) -> String {
    let mut out = s.to_owned();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}
