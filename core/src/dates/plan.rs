//! The dated plan: the selected obligations turned into deadlines (the calendar file built
//! from it is `takeaways/calendar_file.rs`).
//!
//! # Inputs
//!
//! [`build_plan`] takes the [`Selected`] obligations and a [`PlanInput`]: the schedule,
//! the start anchor (the DF Call-Off Commencement Date or the 2017 Effective Date), the
//! last day of the term, the event dates the user entered and **today**, which is always
//! passed in (the crate has no clock). [`PlanInput::df`] and [`PlanInput::sm2017`] build
//! the input from the answers; the DF term ends on the commencement date plus the
//! contract's months, less a day ([`df_term_end`]); the 2017 term's end is not asked, so
//! it is unknown.
//!
//! # Output
//!
//! A [`Plan`] (`plan/contents.rs`):
//!
//! - [`Plan::dated`]: every concrete due date, in date order and then catalogue order;
//! - [`Plan::standing`]: duties with a rule but no calendar date ("every 24 hours", or a
//!   rule counted from an event whose date was not entered);
//! - [`Plan::event_duties`]: one per rule counted from an event, dated when the event's
//!   date was entered (those dates are in [`Plan::dated`] too);
//! - [`Plan::before_processing`]: the "before processing" rules, dated the day before the
//!   start date on a stated assumption;
//! - [`Plan::awaiting_start`] and [`Plan::needs_start`]: what cannot be dated until the
//!   start date is entered, and the message asking for it;
//! - [`Plan::after_term`]: recurring duties whose first due date falls after the term.
//!
//! [`Plan::rows`] and [`Plan::periods`] fold the dated entries for reading: one row per
//! duty and rule with all its dates, in the periods a person plans by (`plan/fold.rs`).
//!
//! Nothing here reads the machine's time zone or clock: every date is a
//! [`NaiveDate`](chrono::NaiveDate).
mod contents;
mod fold;
mod input;

pub use contents::{BeforeProcessing, EventDuty, Plan, PlanEntry, UndatedDuty, UID_DOMAIN};
pub use fold::{HeadingPart, Period, PeriodKind, PlanRow, RowDate};
pub use input::{df_term_end, EventDates, PlanInput};

use crate::assessment::schedule::Schedule;
use crate::dates::deadline::{Anchors, DeadlineRule, Describe, DueDates, Recurrence};
use crate::duties::Selected;
use crate::id_map::IdMap;

/// The assumption behind dating "before processing" duties.
fn assumption(schedule: Schedule) -> &'static str {
    match schedule {
        Schedule::Df => {
            "Assumes you start processing Customer Data on the Call-Off Commencement Date."
        }
        Schedule::Sm2017 => "Assumes you start processing Customer Data on the Effective Date.",
    }
}

/// The message asking for the start date.
fn start_message(schedule: Schedule) -> &'static str {
    match schedule {
        Schedule::Df => {
            "Enter the Call-Off Commencement Date to see the dates of the duties counted from it."
        }
        Schedule::Sm2017 => {
            "Enter the Effective Date to see the dates of the duties counted from it."
        }
    }
}

/// Builds the dated plan for the selected obligations.
///
/// `selected` should come from [`select`](crate::duties::select) for
/// `input.schedule`; obligations without a deadline are left out. [`Plan::dated`] is
/// sorted by date, then catalogue order (the order of [`ObligationId`]s).
///
/// [`ObligationId`]: crate::duties::ObligationId
pub fn build_plan(selected: &[Selected], input: &PlanInput) -> Plan {
    let anchors = Anchors {
        commencement: input.start.filter(|_| input.schedule == Schedule::Df),
        effective: input.start.filter(|_| input.schedule == Schedule::Sm2017),
        end: input.end,
        events: input.events.clone(),
        deadlines: IdMap::new(),
    };
    let rules = || selected.iter().filter_map(|s| s.obligation.deadline);
    let open_ended = Anchors {
        end: None,
        ..anchors.clone()
    }
    .with_named_deadlines(rules(), input.schedule);
    let anchors = anchors.with_named_deadlines(rules(), input.schedule);
    let mut plan = Plan {
        schedule: input.schedule,
        start: input.start,
        end: input.end,
        today: input.today,
        dated: Vec::new(),
        standing: Vec::new(),
        event_duties: Vec::new(),
        before_processing: BeforeProcessing::default(),
        awaiting_start: Vec::new(),
        after_term: Vec::new(),
        needs_start: None,
    };

    for s in selected {
        let o = s.obligation;
        let Some(rule) = o.deadline else { continue };
        let described = rule.describe();
        let event = rule.event();
        let event_label = event.map(|id| id.event().label);
        let undated = || UndatedDuty {
            obligation: o,
            rule: described.clone(),
            event_label,
            open_conditions: s.open_conditions.clone(),
        };
        let dates = rule.due_dates(&anchors);

        let is_before_processing = *rule == DeadlineRule::BeforeProcessing;
        let assumed =
            (is_before_processing && !dates.is_empty()).then(|| assumption(input.schedule));
        if is_before_processing {
            plan.before_processing.obligations.push(o);
            if let Some(&date) = dates.first() {
                plan.before_processing.date = Some(date);
                plan.before_processing.assumption = assumed;
            }
        }
        if let Some(id) = event {
            plan.event_duties.push(EventDuty {
                event_id: id,
                event_label: id.event().label,
                obligation: o,
                rule: described.clone(),
                event_date: input.events.get(&id).copied(),
                due: dates.first().copied(),
            });
        }

        if dates.is_empty() {
            if *rule == DeadlineRule::Every24Hours || event.is_some() {
                plan.standing.push(undated());
            } else if is_before_processing {
                // Listed in `before_processing`, undated.
            } else if rule.due_dates(&open_ended).is_empty() {
                plan.awaiting_start.push(undated());
            } else {
                plan.after_term.push(undated());
            }
            continue;
        }

        let occurrences = dates.len() as u32;
        let recurring = rule.recurs(input.schedule);
        let continues = recurring && input.end.is_none();
        for (i, &date) in dates.iter().enumerate() {
            plan.dated.push(PlanEntry {
                obligation: o,
                date,
                past: date < input.today,
                occurrence: i as u32 + 1,
                occurrences,
                recurring,
                rule: described.clone(),
                uid: format!("{}-{}@{UID_DOMAIN}", o.id, date),
                then_every: if i == 0 && continues {
                    rule.then_every()
                } else {
                    None
                },
                event_label,
                assumption: assumed,
                open_conditions: s.open_conditions.clone(),
            });
        }
    }

    crate::sort::sort_by_key(&mut plan.dated, |e| (e.date, e.obligation.id));
    if input.start.is_none()
        && (!plan.awaiting_start.is_empty() || !plan.before_processing.obligations.is_empty())
    {
        plan.needs_start = Some(start_message(input.schedule));
    }
    plan
}
