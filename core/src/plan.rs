//! The dated plan: the selected obligations turned into deadlines, and the calendar file
//! built from them.
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
//! A [`Plan`]:
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
//! Nothing here reads the machine's time zone or clock: every date is a [`NaiveDate`]
//! and the `DTSTAMP` of [`plan_ics`] is passed in.
use crate::VecMap;

use chrono::{NaiveDate, NaiveDateTime};

use crate::answers::{DfAnswers, SmAnswers};
use crate::calendar::checked_add_months_clamped;
use crate::catalogue::{find, find_event, obligations, Condition, Obligation, Selected};
use crate::deadline::{Anchors, DeadlineRule};
use crate::flow::iso_date;
use crate::ics::{to_ics, IcsEvent};
use crate::level::Level;
use crate::schedule::Schedule;

/// The last line of every calendar event's description.
pub const DISCLAIMER: &str = "Not legal advice; the signed schedule prevails.";

/// The domain part of every [`PlanEntry::uid`].
pub const UID_DOMAIN: &str = "security-matrix";

/// What a plan is built from, apart from the selected obligations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanInput {
    /// The schedule in the contract.
    pub schedule: Schedule,
    /// The start anchor: the Call-Off Commencement Date (DF) or the Effective Date
    /// (2017), if known.
    pub start: Option<NaiveDate>,
    /// The last day of the term, if known; recurring duties stop here.
    pub end: Option<NaiveDate>,
    /// The dates of events the user entered, by event id ("ismp-non-approval").
    pub events: VecMap<String, NaiveDate>,
    /// Today's date, from the caller; dates before it are marked [`PlanEntry::past`].
    pub today: NaiveDate,
}

impl PlanInput {
    /// The input for DF Schedule 2.4: the start is the Call-Off Commencement Date and
    /// the term ends on [`df_term_end`]`(commencement, answers.months)`.
    pub fn df(
        answers: &DfAnswers,
        events: VecMap<String, NaiveDate>,
        today: NaiveDate,
    ) -> PlanInput {
        PlanInput {
            schedule: Schedule::Df,
            start: answers.commencement,
            end: answers
                .commencement
                .and_then(|c| df_term_end(c, answers.months)),
            events,
            today,
        }
    }

    /// The input for Schedule 2.4 (2017): the start is the Effective Date; the term's
    /// end is not asked, so it is unknown and recurring duties give their first date
    /// only (with [`PlanEntry::then_every`]).
    pub fn sm2017(
        answers: &SmAnswers,
        events: VecMap<String, NaiveDate>,
        today: NaiveDate,
    ) -> PlanInput {
        PlanInput {
            schedule: Schedule::Sm2017,
            start: answers.effective,
            end: None,
            events,
            today,
        }
    }
}

/// The last day of a DF term of `months` calendar months from `commencement`:
/// `commencement + months` (clamped to the end of the month) less one day.
///
/// So 36 months from 4 January 2027 ends on 3 January 2030, and 18 months from
/// 31 August 2026 ends on 28 February 2028 (31 August plus 18 months clamps to
/// 29 February 2028). `None` when `months` is 0 (not answered) or the date would be out
/// of chrono's range.
pub fn df_term_end(commencement: NaiveDate, months: u32) -> Option<NaiveDate> {
    if months == 0 {
        return None;
    }
    checked_add_months_clamped(commencement, months)?.pred_opt()
}

/// One due date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanEntry {
    /// The obligation (its `reference` and `title` name it).
    pub obligation: &'static Obligation,
    /// The due date.
    pub date: NaiveDate,
    /// Whether the date is before the `today` passed in.
    pub past: bool,
    /// Which occurrence of the obligation's rule this is, from 1.
    pub occurrence: u32,
    /// How many occurrences the plan dates for the rule: all those within the term, or
    /// only the first when the term's end is unknown (see [`PlanEntry::then_every`]).
    pub occurrences: u32,
    /// Whether the rule comes round again.
    pub recurring: bool,
    /// The rule in plain English ([`DeadlineRule::describe`]).
    pub rule: String,
    /// A stable identifier: the obligation id and the date,
    /// `df-3-6-1-b-iv-2027-07-04@security-matrix`.
    pub uid: String,
    /// For the first occurrence of a rule that recurs past the dates shown because the
    /// term's end is unknown: "then every year", "then every quarter", "then once in
    /// every Call-Off Contract Year" or "then the day before each later deadline".
    pub then_every: Option<&'static str>,
    /// For a rule counted from an event, the event's label.
    pub event_label: Option<&'static str>,
    /// For a "before processing" rule, the assumption behind the date.
    pub assumption: Option<&'static str>,
    /// The obligation's conditions that are still unconfirmed ([`Selected`]).
    pub open_conditions: Vec<Condition>,
}

/// A duty with a rule but no calendar date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UndatedDuty {
    /// The obligation.
    pub obligation: &'static Obligation,
    /// The rule in plain English ([`DeadlineRule::describe`]).
    pub rule: String,
    /// For a rule counted from an event, the event's label.
    pub event_label: Option<&'static str>,
    /// The obligation's conditions that are still unconfirmed.
    pub open_conditions: Vec<Condition>,
}

/// A duty counted from an event (a Security Event, a notice of non-approval…).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventDuty {
    /// The event's id ("ismp-non-approval").
    pub event_id: &'static str,
    /// The event in plain English, from the catalogue ([`find_event`]).
    pub event_label: &'static str,
    /// The obligation.
    pub obligation: &'static Obligation,
    /// The rule in plain English ("within 10 Working Days after the event").
    pub rule: String,
    /// The date the event was entered as, if it was.
    pub event_date: Option<NaiveDate>,
    /// The due date, if the event's date was entered (the first, should the rule recur).
    pub due: Option<NaiveDate>,
}

/// The "before processing" duties.
///
/// The schedules ask for these no later than the day before the Supplier first
/// processes Customer Data. That date is not asked, so they are dated on the stricter
/// reading that processing starts on the start date: due the day before it, with
/// [`BeforeProcessing::assumption`] saying so.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BeforeProcessing {
    /// The obligations due before Customer Data is first processed, in catalogue order.
    pub obligations: Vec<&'static Obligation>,
    /// Their date: the day before the start date, when it is known and there are any.
    pub date: Option<NaiveDate>,
    /// The assumption behind [`BeforeProcessing::date`], for the UI to show with it.
    pub assumption: Option<&'static str>,
}

/// The dated plan: a view model for the UI and the calendar export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// The schedule.
    pub schedule: Schedule,
    /// The start anchor, if known.
    pub start: Option<NaiveDate>,
    /// The last day of the term, if known.
    pub end: Option<NaiveDate>,
    /// Today, as passed in.
    pub today: NaiveDate,
    /// Every concrete due date, in date order, then catalogue order.
    pub dated: Vec<PlanEntry>,
    /// Duties with a rule but no calendar date: continuous ones ("every 24 hours") and
    /// those counted from an event whose date was not entered. Catalogue order.
    pub standing: Vec<UndatedDuty>,
    /// One per rule counted from an event, in catalogue order.
    pub event_duties: Vec<EventDuty>,
    /// The "before processing" duties and their assumed date.
    pub before_processing: BeforeProcessing,
    /// Duties counted from the start date, which is not known. Catalogue order.
    pub awaiting_start: Vec<UndatedDuty>,
    /// Recurring duties whose first due date falls after the end of the term, so that
    /// none falls within it. Catalogue order.
    pub after_term: Vec<UndatedDuty>,
    /// Set when duties wait for the start date: the message asking for it.
    pub needs_start: Option<&'static str>,
}

impl Plan {
    /// Whether some duties cannot be dated until the start date is entered.
    pub fn needs_start_date(&self) -> bool {
        self.needs_start.is_some()
    }
}

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

/// What follows the first date of a recurring rule.
fn then_every(rule: &DeadlineRule) -> Option<&'static str> {
    match rule {
        DeadlineRule::MonthsAfterThenAnnually { .. } | DeadlineRule::AnnuallyAfter { .. } => {
            Some("then every year")
        }
        DeadlineRule::EveryContractYear => Some("then once in every Call-Off Contract Year"),
        DeadlineRule::Quarterly => Some("then every quarter"),
        DeadlineRule::DaysBeforeDeadlines { days: 1, .. } => {
            Some("then the day before each later deadline")
        }
        DeadlineRule::DaysBeforeDeadlines { .. } => Some("then before each later deadline"),
        _ => None,
    }
}

/// The rule of the obligation with this id in `schedule`, if it has one that parses.
fn rule_of(schedule: Schedule, id: &str) -> Option<DeadlineRule> {
    let o = find(id).filter(|o| o.schedule == schedule)?;
    DeadlineRule::parse(o.deadline?).ok()
}

/// Whether the rule comes round again: by itself, or because it follows the deadlines
/// of an obligation whose rule does ("1 days before each deadline of" a yearly ITHC).
fn recurs(rule: &DeadlineRule, schedule: Schedule) -> bool {
    rule.is_recurring()
        || rule
            .deadline_ids()
            .into_iter()
            .any(|id| rule_of(schedule, id).is_some_and(|r| r.is_recurring()))
}

/// `anchors` with [`Anchors::deadlines`] filled in: the due dates, from these same
/// anchors, of every obligation of `schedule` that a selected rule names, whether or not
/// it is selected itself (the deadline stands in the schedule either way).
/// `build/catalogue.rs` makes sure a named obligation's own rule names none, so one
/// round of look-ups is enough.
fn with_deadlines(mut anchors: Anchors, selected: &[Selected], schedule: Schedule) -> Anchors {
    for s in selected {
        let Some(rule) = s
            .obligation
            .deadline
            .and_then(|t| DeadlineRule::parse(t).ok())
        else {
            continue;
        };
        for id in rule.deadline_ids() {
            if anchors.deadlines.contains_key(id) {
                continue;
            }
            if let Some(named) = rule_of(schedule, id) {
                let dates = named.due_dates(&anchors);
                anchors.deadlines.insert(id.to_string(), dates);
            }
        }
    }
    anchors
}

/// The obligation's position in its schedule's catalogue.
fn catalogue_index(o: &'static Obligation) -> usize {
    obligations(o.schedule)
        .iter()
        .position(|x| std::ptr::eq(x, o))
        .unwrap_or(usize::MAX)
}

/// The event id at the end of a deadline string ("… event:ismp-non-approval"), as a
/// `'static` slice of the catalogue's text.
fn event_id(deadline: &'static str) -> Option<&'static str> {
    deadline.split_once("event:").map(|(_, id)| id)
}

/// Builds the dated plan for the selected obligations.
///
/// `selected` should come from [`select`](crate::catalogue::select) for
/// `input.schedule`; obligations without a deadline (or, which `tests/catalogue.rs`
/// rules out, with one that does not parse) are left out. Event labels come from each
/// obligation's own schedule.
pub fn build_plan(selected: &[Selected], input: &PlanInput) -> Plan {
    let anchors = Anchors {
        commencement: input.start.filter(|_| input.schedule == Schedule::Df),
        effective: input.start.filter(|_| input.schedule == Schedule::Sm2017),
        end: input.end,
        events: input.events.clone(),
        deadlines: VecMap::new(),
    };
    let open_ended = with_deadlines(
        Anchors {
            end: None,
            ..anchors.clone()
        },
        selected,
        input.schedule,
    );
    let anchors = with_deadlines(anchors, selected, input.schedule);
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
        let Some(text) = o.deadline else { continue };
        // tests/catalogue.rs checks that every rule in the data parses.
        let Ok(rule) = DeadlineRule::parse(text) else {
            continue;
        };
        let described = rule.describe();
        let event = rule.event().and(event_id(text));
        let event_label =
            event.map(|id| find_event(o.schedule, id).map_or("the event", |e| e.label));
        let undated = || UndatedDuty {
            obligation: o,
            rule: described.clone(),
            event_label,
            open_conditions: s.open_conditions.clone(),
        };
        let dates = rule.due_dates(&anchors);

        let is_before_processing = rule == DeadlineRule::BeforeProcessing;
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
                event_label: event_label.unwrap_or("the event"),
                obligation: o,
                rule: described.clone(),
                event_date: input.events.get(id).copied(),
                due: dates.first().copied(),
            });
        }

        if dates.is_empty() {
            if rule == DeadlineRule::Every24Hours || event.is_some() {
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
        let recurring = recurs(&rule, input.schedule);
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
                uid: format!("{}-{}@{UID_DOMAIN}", o.id, iso_date(date)),
                then_every: if i == 0 && continues {
                    then_every(&rule)
                } else {
                    None
                },
                event_label,
                assumption: assumed,
                open_conditions: s.open_conditions.clone(),
            });
        }
    }

    let mut keyed: Vec<_> = std::mem::take(&mut plan.dated)
        .into_iter()
        .map(|e| ((e.date, catalogue_index(e.obligation)), e))
        .collect();
    crate::vec_map::sort_small_by_key(&mut keyed, |(k, _)| *k);
    plan.dated = keyed.into_iter().map(|(_, e)| e).collect();
    if input.start.is_none()
        && (!plan.awaiting_start.is_empty() || !plan.before_processing.obligations.is_empty())
    {
        plan.needs_start = Some(start_message(input.schedule));
    }
    plan
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
        Some(start) => format!("security-plan-{what}-{}.ics", iso_date(start)),
        None => format!("security-plan-{what}.ics"),
    }
}
