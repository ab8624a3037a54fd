//! The dated plan: every deadline in date order, event-relative duties with a date box,
//! standing duties, and the calendar file.
use super::markup::{self, esc};
use super::{heading, Dispatch};
use crate::edge;
use crate::state::Action;
use chrono::NaiveDate;
use security_matrix_core::catalogue::Obligation;
use security_matrix_core::flow::long_date;
use security_matrix_core::plan::{ics_file_name, plan_ics, Plan};
use security_matrix_core::questions::QuestionId;
use security_matrix_core::{EventId, Level};
use std::fmt::Write;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What [`plan_section`] shows.
pub struct PlanSectionProps {
    /// The plan.
    pub plan: Plan,
    /// The level, for the calendar file's name (DF only).
    pub level: Option<Level>,
    /// The question that gives the start date (to add it when missing).
    pub start_question: QuestionId,
    /// Level of the section heading.
    pub heading_level: u8,
    /// Dispatches actions.
    pub dispatch: Dispatch,
}

/// `<time datetime="YYYY-MM-DD">4 January 2027</time>`.
pub fn time(d: NaiveDate) -> Html {
    html! { <time datetime={d.to_string()}>{ long_date(d) }</time> }
}

/// Offers the plan as a calendar file: what both calendar buttons (the plan's and the
/// take-aways') do.
pub fn download_calendar(plan: &Plan, level: Option<Level>) {
    edge::download(
        &ics_file_name(plan, level),
        "text/calendar;charset=utf-8",
        &plan_ics(plan, edge::now_utc()),
    );
}

/// The plan section of a result page.
pub fn plan_section(p: &PlanSectionProps) -> Html {
    let plan = &p.plan;
    let h = p.heading_level;
    let h3 = (h + 1).min(6);
    let on_download = {
        let (plan, level) = (plan.clone(), p.level);
        Callback::from(move |_| download_calendar(&plan, level))
    };
    let add_date = p.dispatch.on({
        let q = p.start_question;
        move |_| Action::Change(q)
    });
    let events: Vec<(EventId, &str, Option<NaiveDate>)> = {
        let mut seen: Vec<EventId> = Vec::new();
        plan.event_duties
            .iter()
            .filter(|d| {
                let new = !seen.contains(&d.event_id);
                seen.push(d.event_id);
                new
            })
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
                { Html::from_html_unchecked(plan_table_markup(plan).into()) }
                <button type="button" class="smx-button smx-button--secondary" onclick={on_download} data-testid="download-ics">
                    { "Download the plan as a calendar file (.ics)" }
                </button>
            }
            if !events.is_empty() {
                { heading(h3, "smx-heading-s", false, html! { <>{ "Deadlines that run from an event" }</> }) }
                <p class="smx-body">{ "These start when something happens. Enter the date it happened to see the deadline." }</p>
                { for events.iter().map(|(id, label, date)| {
                    let input_id = format!("smx-event-{id}");
                    let event = *id;
                    let onchange = p.dispatch.on(move |e: Event| {
                        let v = e.target_unchecked_into::<HtmlInputElement>().value();
                        Action::SetEventDate(event, security_matrix_core::flow::parse_iso_date(&v))
                    });
                    html! {
                        <div class="smx-event" data-testid="event" data-event={id.as_str()}>
                            <label class="smx-label" for={input_id.clone()}>{ capitalised(label) }</label>
                            <input id={input_id} class="smx-input smx-input--width-10" type="date"
                                value={date.map(|d| d.to_string()).unwrap_or_default()} {onchange} />
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
                { Html::from_html_unchecked(duty_list_markup("after-term", plan.after_term.iter().map(|d| (d.obligation, d.rule.as_str()))).into()) }
            }
            if !plan.standing.is_empty() {
                { heading(h3, "smx-heading-s", false, html! { <>{ "Standing duties" }</> }) }
                { Html::from_html_unchecked(duty_list_markup("standing", plan.standing.iter().map(|d| (d.obligation, d.rule.as_str()))).into()) }
            }
        </section>
    }
}

/// The dated plan's table (static, so written as text like the obligations list: see
/// `obligations`): a row per deadline with `data-ref`, `data-testid="plan-entry"` and a
/// `<time datetime>`.
fn plan_table_markup(plan: &Plan) -> String {
    let mut out = String::with_capacity(256 * (plan.dated.len() + 1));
    out.push_str(r#"<table class="smx-table" data-testid="plan-table"><caption class="smx-visually-hidden">Deadlines in date order</caption><thead><tr><th scope="col">Due by</th><th scope="col">Paragraph</th><th scope="col">What</th></tr></thead><tbody>"#);
    for e in &plan.dated {
        out.push_str(r#"<tr data-ref=""#);
        esc(&mut out, e.obligation.reference);
        out.push_str(r#"" data-testid="plan-entry""#);
        if e.past {
            out.push_str(r#" class="smx-table__row--past""#);
        }
        out.push_str("><td>");
        markup::time(&mut out, e.date);
        if e.past {
            out.push_str(r#"<span class="smx-tag smx-tag--grey" data-testid="past">past</span>"#);
        }
        out.push_str(r#"</td><td class="smx-ref">¶"#);
        esc(&mut out, e.obligation.reference);
        out.push_str("</td><td>");
        esc(&mut out, e.obligation.title);
        out.push_str(r#"<span class="smx-plan__rule"> ("#);
        esc(&mut out, &e.rule);
        if e.occurrences > 1 {
            let _ = write!(out, "; {} of {}", e.occurrence, e.occurrences);
        }
        if let Some(then) = e.then_every {
            out.push_str("; ");
            esc(&mut out, then);
        }
        out.push_str(")</span></td></tr>");
    }
    out.push_str("</tbody></table>");
    out
}

/// A bulleted list of duties ("¶3.6.1 Title: rule"), each `<li>` with its `data-ref`.
fn duty_list_markup<'a>(
    testid: &str,
    duties: impl Iterator<Item = (&'a Obligation, &'a str)>,
) -> String {
    let mut out = format!(r#"<ul class="smx-list smx-list--bullet" data-testid="{testid}">"#);
    for (o, rule) in duties {
        out.push_str(r#"<li data-ref=""#);
        esc(&mut out, o.reference);
        out.push_str(r#""><span class="smx-ref">¶"#);
        esc(&mut out, o.reference);
        out.push_str("</span> ");
        esc(&mut out, o.title);
        out.push_str(": ");
        esc(&mut out, rule);
        out.push_str("</li>");
    }
    out.push_str("</ul>");
    out
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

#[cfg(test)]
mod tests {
    use super::*;
    use security_matrix_core::report::df_report;
    use security_matrix_core::DfAnswers;

    /// S6 from 4 January 2027 over 36 months, seen on 22 November 2026 and on 1 July 2028
    /// (when the first deadlines are past).
    fn s6_plan(today: (i32, u32, u32)) -> Plan {
        let answers = DfAnswers {
            subjects: 3000,
            special: 0,
            professional: None,
            value: 45_000,
            months: 36,
            access: false,
            other: None,
            commencement: NaiveDate::from_ymd_opt(2027, 1, 4),
            route: None,
            hosting: None,
        };
        let today = NaiveDate::from_ymd_opt(today.0, today.1, today.2).unwrap();
        df_report(&answers, &Default::default(), today).plan
    }

    #[test]
    fn the_table_has_a_row_per_deadline_with_its_hooks_in_date_order() {
        let plan = s6_plan((2026, 11, 22));
        assert!(plan.dated.len() > 10);
        let html = plan_table_markup(&plan);
        assert_eq!(
            html.matches(r#"data-testid="plan-entry""#).count(),
            plan.dated.len()
        );
        assert_eq!(html.matches("<tr").count(), plan.dated.len() + 1);
        let mut at = 0;
        for e in &plan.dated {
            let mut row = String::from(r#"<tr data-ref=""#);
            esc(&mut row, e.obligation.reference);
            let found = at + html[at..].find(&row).expect("rows in the plan's order");
            let end = found + html[found..].find("</tr>").unwrap();
            let want = format!(r#"<time datetime="{}">"#, e.date);
            assert!(
                html[found..end].contains(&want),
                "{} {}",
                e.obligation.id,
                e.date
            );
            at = end;
        }
        assert!(
            !html.contains("smx-table__row--past"),
            "nothing is past yet"
        );
    }

    #[test]
    fn past_deadlines_are_marked() {
        let plan = s6_plan((2028, 7, 1));
        let past = plan.dated.iter().filter(|e| e.past).count();
        assert!(past > 0);
        let html = plan_table_markup(&plan);
        assert_eq!(
            html.matches(r#" class="smx-table__row--past""#).count(),
            past
        );
        assert_eq!(html.matches(r#"data-testid="past""#).count(), past);
    }

    #[test]
    fn duty_lists_name_each_duty_with_its_reference() {
        let plan = s6_plan((2026, 11, 22));
        assert!(!plan.standing.is_empty());
        let html = duty_list_markup(
            "standing",
            plan.standing
                .iter()
                .map(|d| (d.obligation, d.rule.as_str())),
        );
        assert!(
            html.starts_with(r#"<ul class="smx-list smx-list--bullet" data-testid="standing">"#)
        );
        assert_eq!(html.matches("<li data-ref=").count(), plan.standing.len());
        for d in &plan.standing {
            let mut title = String::new();
            esc(&mut title, d.obligation.title);
            assert!(html.contains(&title), "{}", d.obligation.id);
        }
    }
}
