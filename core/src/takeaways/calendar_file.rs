//! The plan as a calendar file.
use chrono::{Datelike, NaiveDate, NaiveDateTime};

use crate::assessment::level::Level;
use crate::assessment::schedule::Schedule;
use crate::dates::plan::{Plan, PlanEntry, PlanRow};
use crate::duties::{Obligation, ObligationId};
use crate::takeaways::ics::{to_ics, IcsEvent, Recurrence};

/// The last line of every calendar event's description.
pub const DISCLAIMER: &str = "Not legal advice; the signed schedule prevails.";

/// The lines of a calendar event's description after its first: where it is counted
/// from, the assumption behind it, the paragraph and the [`DISCLAIMER`].
fn closing_lines(
    lines: &mut Vec<String>,
    obligation: &Obligation,
    event_label: Option<&str>,
    assumption: Option<&str>,
) {
    if let Some(label) = event_label {
        lines.push(format!("Counted from {label}."));
    }
    if let Some(assumption) = assumption {
        lines.push(assumption.to_string());
    }
    lines.push(format!(
        "{}, paragraph {}.",
        obligation.schedule.title(),
        obligation.reference
    ));
    lines.push(DISCLAIMER.to_string());
}

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
    closing_lines(&mut lines, o, entry.event_label, entry.assumption);
    IcsEvent {
        uid: entry.uid.clone(),
        date: entry.date,
        repeat: None,
        summary: format!("{} {}", o.reference, o.title),
        description: lines.join("\n"),
    }
}

/// The one repeating event for a recurring row whose dates a [`Recurrence`] gives
/// exactly (all within the years the format can write), with the UID of its first date.
fn repeating_event(row: &PlanRow) -> Option<IcsEvent> {
    if !row.recurring || row.last().year() > 9999 {
        return None;
    }
    let dates: Vec<NaiveDate> = row.dates.iter().map(|d| d.date).collect();
    let repeat = Recurrence::fitting(&dates)?;
    let o = row.obligation;
    let mut lines = vec![format!("Due {}.", row.rule)];
    if let Some(fold) = row.fold() {
        lines.push(format!("{}.", capitalised(&fold)));
    }
    closing_lines(&mut lines, o, row.event_label, row.assumption);
    Some(IcsEvent {
        uid: row.dates[0].uid.clone(),
        date: row.first(),
        repeat: Some(repeat),
        summary: format!("{} {}", o.reference, o.title),
        description: lines.join("\n"),
    })
}

/// "every year, …" → "Every year, …" (ASCII: the fold texts start with one).
fn capitalised(s: &str) -> String {
    let mut out = s.to_owned();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// The plan as an iCalendar file, with `SUMMARY` `"<reference> <title>"`, a
/// `DESCRIPTION` giving the rule, the schedule and paragraph and the line
/// [`DISCLAIMER`], and stable `UID`s. A recurring duty whose dates an RFC 5545 rule
/// gives exactly ([`Recurrence::fitting`]: every year on the same day, the last day of
/// every third month, …) is one all-day `VEVENT` on its first date with that `RRULE`
/// and its first date's UID; any other dated entry (a single date, or dates no such rule
/// gives, such as quarters clamped to the end of a month) is a `VEVENT` of its own with
/// its own UID. Events are in date order, a repeating one at its first date.
/// `dtstamp` is the export time in UTC, from the caller.
pub fn plan_ics(plan: &Plan, dtstamp: NaiveDateTime) -> String {
    let mut events: Vec<(NaiveDate, ObligationId, IcsEvent)> = Vec::new();
    let mut repeating = Vec::new();
    for row in plan.rows() {
        if let Some(event) = repeating_event(&row) {
            repeating.push(row.obligation.id);
            events.push((event.date, row.obligation.id, event));
        }
    }
    for entry in &plan.dated {
        if !repeating.contains(&entry.obligation.id) {
            events.push((entry.date, entry.obligation.id, ics_event(entry)));
        }
    }
    crate::sort::sort_by_key(&mut events, |(date, id, _)| (*date, *id));
    let events: Vec<IcsEvent> = events.into_iter().map(|(_, _, e)| e).collect();
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
