//! Deadline rules evaluated to concrete due dates.
//!
//!
//! [`DueDates::due_dates`] turns a rule into sorted due dates, given the known
//! [`Anchors`]. A rule whose anchor is not known gives no dates. Recurring rules give every
//! due date on or before the end of the term when [`Anchors::end`] is known, and only the
//! first due date when it is not (the caller then says "then every year" and so on, see
//! [`Describe::then_every`](super::Describe::then_every)).
use deadline_grammar::{Anchor, DeadlineRule};

use crate::assessment::schedule::Schedule;
use crate::dates::calendar::{
    checked_add_months_clamped, checked_add_working_days, checked_sub_weeks,
};
use crate::duties::{EventId, ObligationId};
use crate::id_map::IdMap;
use chrono::{Days, NaiveDate};

/// The dates deadlines are counted from, as far as they are known.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Anchors {
    /// The Call-Off Commencement Date.
    pub commencement: Option<NaiveDate>,
    /// The Effective Date (2017 schedule).
    pub effective: Option<NaiveDate>,
    /// The last day of the contract term, when known; recurring rules stop here.
    pub end: Option<NaiveDate>,
    /// Dates of events, by event.
    pub events: IdMap<EventId, NaiveDate>,
    /// The due dates of the obligations that rules name (`deadline:ID`, "days before
    /// each deadline of"), by obligation, worked out by the caller from the same
    /// anchors ([`Anchors::with_named_deadlines`]).
    pub deadlines: IdMap<ObligationId, Vec<NaiveDate>>,
}

impl Anchors {
    /// The start of the contract: the commencement date, or else the effective date.
    fn start(&self) -> Option<NaiveDate> {
        self.commencement.or(self.effective)
    }

    /// These anchors with [`Anchors::deadlines`] filled in: the due dates, from these same
    /// anchors, of every obligation of `schedule` that one of `rules` names, whether or not
    /// it is selected itself (the deadline stands in the schedule either way). The data
    /// compiler (`catalogue/deadlines.rs`) makes sure a named obligation's own rule names
    /// none, so one round of look-ups is enough.
    pub fn with_named_deadlines<'r>(
        mut self,
        rules: impl IntoIterator<Item = &'r DeadlineRule<'static, EventId, ObligationId>>,
        schedule: Schedule,
    ) -> Anchors {
        for rule in rules {
            for id in rule.deadline_ids() {
                if self.deadlines.contains_key(&id) {
                    continue;
                }
                if let Some(named) = named_rule(schedule, id) {
                    let dates = named.due_dates(&self);
                    self.deadlines.insert(id, dates);
                }
            }
        }
        self
    }
}

/// The rule of the obligation `id`, named by another's rule, if it is of `schedule` and
/// has one.
pub(super) fn named_rule(
    schedule: Schedule,
    id: ObligationId,
) -> Option<&'static DeadlineRule<'static, EventId, ObligationId>> {
    Some(id.obligation())
        .filter(|o| o.schedule == schedule)?
        .deadline
}

/// An anchor's date, if known. For `deadline:ID` the first of the obligation's due
/// dates (the data names only deadlines that fall once).
fn anchor_date(anchor: &Anchor<EventId, ObligationId>, anchors: &Anchors) -> Option<NaiveDate> {
    match anchor {
        Anchor::Commencement => anchors.commencement,
        Anchor::EffectiveDate => anchors.effective,
        Anchor::Event(event) => anchors.events.get(event).copied(),
        Anchor::Deadline(id) => anchors.deadlines.get(id)?.first().copied(),
    }
}

/// A catalogue rule's due dates (the grammar crate knows no dates: the core adds them).
pub trait DueDates {
    /// The concrete due dates, sorted, given the dates known so far. A rule whose anchor
    /// is unknown gives no dates.
    ///
    /// - `before processing`: the clause asks for the document "no later than the date
    ///   immediately prior to the date on which the Supplier … wishes to process the
    ///   Customer Data". That date is not asked for, so this takes the stricter *reading*
    ///   that processing starts on the commencement date (or else the effective date):
    ///   due the day before it.
    /// - `N working days after X`: the `N`-th Working Day after `X`
    ///   ([`add_working_days`](crate::dates::calendar::add_working_days)).
    /// - `N weeks before X`: `X` minus `7N` days.
    /// - `N months after X`: `X` plus `N` calendar months, clamped to the month's end.
    /// - `N months after X, then annually`: that first date, then the first date plus
    ///   12, 24, … months (clamped).
    /// - `annually after X`: `X` plus 12, 24, … months (clamped).
    /// - `every contract year`: the last day of each Call-Off Contract Year, `S` plus
    ///   `12k` months minus one day for `k` = 1, 2, …, where `S` is the commencement date
    ///   or else the effective date.
    /// - `quarterly`: the last day of each quarter of the term. The term is cut into
    ///   quarters counted from `S` (as above) the way the term itself is counted
    ///   ([`df_term_end`](crate::dates::plan::df_term_end)): quarter `k` (from 1) runs from
    ///   `S + 3(k−1)` months to the day before `S + 3k` months, each counted from `S` and
    ///   clamped to the end of the month (so they never drift). From 31 August 2026 the
    ///   quarters end on 29 November 2026, 27 February 2027 (31 August + 6 months is
    ///   28 February), 30 May and 30 August 2027. Every quarter that starts on or before
    ///   the end of the term has its date, the last one cut short at the term's end (a
    ///   13-month term from 1 January 2027 has five: 31 March, 30 June, 30 September,
    ///   31 December 2027 and 31 January 2028). With the end unknown, only the first.
    /// - `N days before each deadline of ID, …`: every date of [`Anchors::deadlines`] for
    ///   each `ID`, less `N` days; a date that two deadlines share is given once.
    /// - `every 24 hours`: none; it is a standing duty.
    /// - `within 24 hours of X`: `X` plus one day, the date by which 24 hours have run
    ///   when counted from the day of `X` (only the day of awareness is known, not the
    ///   hour).
    ///
    /// For the recurring forms, when [`Anchors::end`] is known every due date on or
    /// before it is given (a first date after the end gives none); when it is unknown
    /// only the first due date is given. Dates past the end of chrono's range are left
    /// out.
    fn due_dates(&self, anchors: &Anchors) -> Vec<NaiveDate>;
}

impl DueDates for DeadlineRule<'_, EventId, ObligationId> {
    fn due_dates(&self, anchors: &Anchors) -> Vec<NaiveDate> {
        let one = |date: Option<NaiveDate>| date.into_iter().collect::<Vec<_>>();
        let anchor_date = |anchor: &Anchor<EventId, ObligationId>| anchor_date(anchor, anchors);
        match self {
            DeadlineRule::BeforeProcessing => one(anchors
                .start()
                .and_then(|s| s.checked_sub_days(Days::new(1)))),
            DeadlineRule::WorkingDaysAfter { days, anchor } => {
                one(anchor_date(anchor).and_then(|x| checked_add_working_days(x, *days)))
            }
            DeadlineRule::WeeksBefore { weeks, anchor } => {
                one(anchor_date(anchor).and_then(|x| checked_sub_weeks(x, *weeks)))
            }
            DeadlineRule::MonthsAfter { months, anchor } => {
                one(anchor_date(anchor).and_then(|x| checked_add_months_clamped(x, *months)))
            }
            // The first date is a deadline in its own right ("by no later than six months
            // from the Call-Off Commencement Date"), so it is given even when the term ends
            // before it (the stricter reading); only the yearly repeats stop with the term.
            DeadlineRule::MonthsAfterThenAnnually { months, anchor } => {
                match anchor_date(anchor).and_then(|x| checked_add_months_clamped(x, *months)) {
                    Some(first) => {
                        let mut dates = vec![first];
                        if anchors.end.is_some() {
                            dates.extend(series(anchors.end, |k| {
                                checked_add_months_clamped(first, k.checked_mul(12)?)
                            }));
                        }
                        dates
                    }
                    None => Vec::new(),
                }
            }
            DeadlineRule::AnnuallyAfter { anchor } => match anchor_date(anchor) {
                Some(x) => series(anchors.end, |k| {
                    checked_add_months_clamped(x, k.checked_mul(12)?)
                }),
                None => Vec::new(),
            },
            DeadlineRule::EveryContractYear => match anchors.start() {
                Some(s) => series(anchors.end, |k| {
                    checked_add_months_clamped(s, k.checked_mul(12)?)?
                        .checked_sub_days(Days::new(1))
                }),
                None => Vec::new(),
            },
            DeadlineRule::Quarterly => match anchors.start() {
                Some(s) => quarter_ends(s, anchors.end),
                None => Vec::new(),
            },
            DeadlineRule::Every24Hours => Vec::new(),
            DeadlineRule::Within24HoursOf { anchor } => {
                one(anchor_date(anchor).and_then(|x| x.checked_add_days(Days::new(1))))
            }
            DeadlineRule::DaysBeforeDeadlines { days, of } => {
                let mut dates: Vec<NaiveDate> = of
                    .iter()
                    .filter_map(|id| anchors.deadlines.get(id))
                    .flatten()
                    .filter_map(|x| x.checked_sub_days(Days::new(u64::from(*days))))
                    .collect();
                crate::sort::sort_by(&mut dates, Ord::cmp);
                dates.dedup();
                dates
            }
        }
    }
}

/// The last day of each quarter of a term from `start` to `end` (see
/// [`DueDates::due_dates`]); only the first quarter's when `end` is unknown.
fn quarter_ends(start: NaiveDate, end: Option<NaiveDate>) -> Vec<NaiveDate> {
    // The first day of quarter k + 1, counted from the start (not from the last quarter).
    let quarter_start = |k: u32| checked_add_months_clamped(start, k.checked_mul(3)?);
    let last_day = |k: u32| quarter_start(k + 1).and_then(|next| next.pred_opt());
    let Some(end) = end else {
        return last_day(0).into_iter().collect();
    };
    let mut out = Vec::new();
    for k in 0.. {
        match quarter_start(k) {
            Some(first) if first <= end => {
                // Past chrono's range the quarter runs to the end of the term.
                out.push(last_day(k).map_or(end, |last| last.min(end)));
            }
            _ => break,
        }
    }
    out
}

/// The dates `nth(1)`, `nth(2)`, … on or before `end`; only `nth(1)` when `end` is
/// unknown. `nth` must be increasing; `None` (out of chrono's range) stops the series.
fn series(end: Option<NaiveDate>, nth: impl Fn(u32) -> Option<NaiveDate>) -> Vec<NaiveDate> {
    let Some(end) = end else {
        return nth(1).into_iter().collect();
    };
    let mut out = Vec::new();
    for k in 1.. {
        match nth(k) {
            Some(date) if date <= end => out.push(date),
            _ => break,
        }
    }
    out
}
