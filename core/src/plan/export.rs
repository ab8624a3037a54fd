//! The plan as a calendar file.
use chrono::NaiveDateTime;

use super::{Plan, PlanEntry};
use crate::ics::{to_ics, IcsEvent};
use crate::level::Level;
use crate::schedule::Schedule;

/// The last line of every calendar event's description.
pub const DISCLAIMER: &str = "Not legal advice; the signed schedule prevails.";

/// The calendar event for one entry.
fn ics_event(entry: &PlanEntry) -> IcsEvent {
    let o = entry.obligation;
    let mut lines = vec![format!("Due {}.", entry.rule)];
    if let Some(then) = entry.then_every {
        lines.push(format!("This is the first date; {then}."));
    } else if entry.recurring {
        lines.push(format!(
            "Occurrence {} of {} within the term.",
            entry.occurrence, entry.occurrences
        ));
    }
    if let Some(label) = entry.event_label {
        lines.push(format!("Counted from {label}."));
    }
    if let Some(assumption) = entry.assumption {
        lines.push(assumption.to_string());
    }
    lines.push(format!(
        "{}, paragraph {}.",
        o.schedule.title(),
        o.reference
    ));
    lines.push(DISCLAIMER.to_string());
    IcsEvent {
        uid: entry.uid.clone(),
        date: entry.date,
        summary: format!("{} {}", o.reference, o.title),
        description: lines.join("\n"),
    }
}

/// The plan as an iCalendar file: one all-day `VEVENT` per [`Plan::dated`] entry, in
/// order, with `SUMMARY` `"<reference> <title>"`, a `DESCRIPTION` giving the rule, the
/// schedule and paragraph and the line [`DISCLAIMER`], and the entry's stable `UID`.
/// `dtstamp` is the export time in UTC, from the caller.
pub fn plan_ics(plan: &Plan, dtstamp: NaiveDateTime) -> String {
    let events: Vec<IcsEvent> = plan.dated.iter().map(ics_event).collect();
    to_ics(&events, dtstamp)
}

/// A file name for the plan's calendar: `security-plan-S6-2027-01-04.ics` (DF with a
/// level), `security-plan-df-2027-01-04.ics` (DF, level unknown),
/// `security-plan-sm2017-2026-12-14.ics` (2017; `level` is ignored), without the date
/// when the start is unknown.
pub fn ics_file_name(plan: &Plan, level: Option<Level>) -> String {
    let what = match (plan.schedule, level) {
        (Schedule::Df, Some(level)) => level.to_string(),
        (schedule, _) => schedule.id().to_string(),
    };
    match plan.start {
        Some(start) => format!("security-plan-{what}-{}.ics", start),
        None => format!("security-plan-{what}.ics"),
    }
}
