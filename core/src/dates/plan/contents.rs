//! What a plan holds: every due date ([`PlanEntry`]), the duties it cannot date and why
//! ([`UndatedDuty`]), the duties counted from events ([`EventDuty`]) and the "before
//! processing" duties ([`BeforeProcessing`]), gathered in the [`Plan`]; and what is due next.
use chrono::NaiveDate;

use crate::assessment::schedule::Schedule;
use crate::duties::{Condition, EventId, Obligation};

/// The domain part of every [`PlanEntry::uid`].
pub const UID_DOMAIN: &str = "security-matrix";

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
    /// The rule in plain English ([`Describe::describe`](crate::dates::deadline::Describe::describe)).
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
    /// The obligation's conditions that are still unconfirmed
    /// ([`Selected`](crate::duties::Selected)).
    pub open_conditions: Vec<Condition>,
}

/// A duty with a rule but no calendar date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UndatedDuty {
    /// The obligation.
    pub obligation: &'static Obligation,
    /// The rule in plain English ([`Describe::describe`](crate::dates::deadline::Describe::describe)).
    pub rule: String,
    /// For a rule counted from an event, the event's label.
    pub event_label: Option<&'static str>,
    /// The obligation's conditions that are still unconfirmed.
    pub open_conditions: Vec<Condition>,
}

/// A duty counted from an event (a Security Event, a notice of non-approval…).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventDuty {
    /// The event.
    pub event_id: EventId,
    /// The event in plain English, from the catalogue ([`EventId::event`]).
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

impl Plan {
    /// What is due next: the first `n` duties with a due date on or after today, soonest
    /// first, each duty once (at its next date).
    pub fn due_next(&self, n: usize) -> Vec<&PlanEntry> {
        let mut seen = Vec::new();
        self.dated
            .iter()
            .filter(|e| !e.past)
            .filter(|e| {
                let new = !seen.contains(&e.obligation.id);
                seen.push(e.obligation.id);
                new
            })
            .take(n)
            .collect()
    }
}

#[cfg(test)]
mod due_next_tests {
    use crate::dates::plan::EventDates;
    use crate::file::link::from_fragment;
    use crate::report::df_report;
    use chrono::NaiveDate;

    #[test]
    fn the_next_duties_from_today_soonest_first_each_once() {
        let a = from_fragment("schedule=df&subjects=3000&special=40&professional=no&value=450000&months=36&access=yes&other=no&commencement=2027-04-01").answers.df().unwrap();
        let today = NaiveDate::from_ymd_opt(2027, 6, 1).unwrap();
        let plan = df_report(&a, &EventDates::new(), today).plan;
        let next = plan.due_next(5);
        assert_eq!(next.len(), 5);
        assert!(next.iter().all(|e| e.date >= today));
        assert!(next.windows(2).all(|w| w[0].date <= w[1].date));
        let mut ids: Vec<_> = next.iter().map(|e| e.obligation.id).collect();
        ids.dedup();
        assert_eq!(ids.len(), 5, "each duty once");
        // Nothing due between today and the first one was left out.
        let first_not_past = plan.dated.iter().find(|e| !e.past).unwrap();
        assert_eq!(next[0].date, first_not_past.date);
        assert!(plan.due_next(0).is_empty());
    }
}
