//! The plan folded for reading: one row per duty and rule, in the periods a person plans
//! by.
//!
//! [`Plan::rows`] folds [`Plan::dated`] into [`PlanRow`]s, one per obligation (each has
//! one rule) holding every date of it, in the order of their first dates.
//! [`Plan::periods`] puts each row in the [`Period`] of its first date:
//!
//! - before the start date (the Call-Off Commencement Date, or the 2017 Effective Date);
//! - the first six months: the start date to the day before start + 6 months;
//! - the rest of contract year 1: start + 6 months to the day before start + 12 months;
//! - contract year 2, 3, …: each 12 months from start + 12 months, the last one cut short
//!   at the end of the term;
//! - after the end of the term (a first date the schedule sets after a short term);
//!
//! or, when the start date is unknown, one period of whatever is dated (the deadlines
//! counted from the event dates entered). Months are counted from the start date and
//! clamped to the end of the month, as the term is ([`df_term_end`](super::df_term_end)).
//! Periods with no row are left out.
use chrono::NaiveDate;

use super::contents::{Plan, PlanEntry};
use crate::assessment::schedule::Schedule;
use crate::dates::calendar::checked_add_months_clamped;
use crate::dates::deadline::{Cadence, Recurrence};
use crate::duties::{Condition, Obligation};
use crate::format::long_date;

/// One date of a [`PlanRow`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowDate {
    /// The due date.
    pub date: NaiveDate,
    /// Whether it is before the plan's `today`.
    pub past: bool,
    /// The date's stable identifier ([`PlanEntry::uid`]).
    pub uid: String,
}

/// One duty and its rule, with every date the plan gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanRow {
    /// The obligation.
    pub obligation: &'static Obligation,
    /// The rule in plain English.
    pub rule: String,
    /// Every date, in order (never empty).
    pub dates: Vec<RowDate>,
    /// Whether the rule comes round again ([`PlanEntry::recurring`]).
    pub recurring: bool,
    /// How often, for a recurring rule.
    pub cadence: Option<Cadence>,
    /// When the term's end is unknown: what follows the one date shown
    /// ([`PlanEntry::then_every`]).
    pub then_every: Option<&'static str>,
    /// For a rule counted from an event, the event's label.
    pub event_label: Option<&'static str>,
    /// For a "before processing" rule, the assumption behind the date.
    pub assumption: Option<&'static str>,
    /// The obligation's conditions that are still unconfirmed.
    pub open_conditions: Vec<Condition>,
}

impl PlanRow {
    /// The row from its first entry.
    fn new(e: &PlanEntry, schedule: Schedule) -> PlanRow {
        PlanRow {
            obligation: e.obligation,
            rule: e.rule.clone(),
            dates: Vec::new(),
            recurring: e.recurring,
            cadence: e
                .obligation
                .deadline
                .filter(|_| e.recurring)
                .and_then(|rule| rule.cadence(schedule)),
            then_every: e.then_every,
            event_label: e.event_label,
            assumption: e.assumption,
            open_conditions: e.open_conditions.clone(),
        }
    }

    /// The first date.
    pub fn first(&self) -> NaiveDate {
        self.dates[0].date
    }

    /// The last date.
    pub fn last(&self) -> NaiveDate {
        self.dates[self.dates.len() - 1].date
    }

    /// For a recurring row, the dates folded into words: "every quarter, 31 March 2028
    /// to 31 December 2030, 12 times" ("…, twice" for two); with one date, the date ("4 July 2027"), followed
    /// by what comes next when the term's end is unknown ("14 December 2027, then every
    /// year"). `None` for a duty that falls once.
    pub fn fold(&self) -> Option<String> {
        if !self.recurring {
            return None;
        }
        let first = long_date(self.first());
        Some(match (self.dates.len(), self.then_every) {
            (1, Some(then)) => format!("{first}, {then}"),
            (1, None) => first,
            (n, _) => {
                let last = long_date(self.last());
                let times = match n {
                    2 => "twice".to_string(),
                    n => format!("{n} times"),
                };
                match self.cadence {
                    Some(c) => format!("{}, {first} to {last}, {times}", c.every()),
                    None => format!("{first} to {last}, {times}"),
                }
            }
        })
    }
}

/// Which period of the plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodKind {
    /// Before the start date.
    BeforeStart,
    /// The first six months from the start date.
    FirstSixMonths,
    /// The second half of contract year 1.
    RestOfFirstYear,
    /// Contract year `n`, from 2.
    ContractYear(u32),
    /// After the end of the term.
    AfterTerm,
    /// Everything dated, when the start date is unknown.
    Dated,
}

impl PeriodKind {
    /// A key for the period: `before-start`, `first-six-months`, `rest-of-year-1`,
    /// `year-2`, `after-term`, `dated`.
    pub fn key(self) -> String {
        match self {
            PeriodKind::BeforeStart => "before-start".into(),
            PeriodKind::FirstSixMonths => "first-six-months".into(),
            PeriodKind::RestOfFirstYear => "rest-of-year-1".into(),
            PeriodKind::ContractYear(n) => format!("year-{n}"),
            PeriodKind::AfterTerm => "after-term".into(),
            PeriodKind::Dated => "dated".into(),
        }
    }
}

/// A piece of a period's heading: words, or a date (which the UI writes as a `<time>`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HeadingPart {
    /// Words.
    Text(String),
    /// A date.
    Date(NaiveDate),
}

/// A period of the plan and the rows whose first date falls in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Period {
    /// Which period.
    pub kind: PeriodKind,
    /// Its first day, if it has one.
    pub from: Option<NaiveDate>,
    /// Its last day, if it has one.
    pub to: Option<NaiveDate>,
    /// The heading, with its dates: "The first six months: 1 April 2027 to
    /// 30 September 2027".
    pub heading: Vec<HeadingPart>,
    /// The rows, by first date and then catalogue order (never empty).
    pub rows: Vec<PlanRow>,
}

impl Period {
    /// The heading as plain text, dates written out.
    pub fn heading_text(&self) -> String {
        self.heading
            .iter()
            .map(|p| match p {
                HeadingPart::Text(t) => t.clone(),
                HeadingPart::Date(d) => long_date(*d),
            })
            .collect()
    }

    /// Whether `date` falls in the period.
    fn contains(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= date) && self.to.is_none_or(|t| date <= t)
    }
}

/// "the Call-Off Commencement Date" or "the Effective Date".
fn start_name(schedule: Schedule) -> &'static str {
    match schedule {
        Schedule::Df => "the Call-Off Commencement Date",
        Schedule::Sm2017 => "the Effective Date",
    }
}

/// A period with its heading.
fn period(kind: PeriodKind, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Period {
    Period {
        kind,
        from,
        to,
        heading: Vec::new(),
        rows: Vec::new(),
    }
}

/// The periods from `start` that can hold a date up to `last`, empty, with their
/// headings: see the module documentation.
fn periods_from(
    schedule: Schedule,
    start: NaiveDate,
    end: Option<NaiveDate>,
    last: NaiveDate,
) -> Vec<Period> {
    use HeadingPart::{Date, Text};
    let mut out = Vec::new();
    if let Some(before) = start.pred_opt() {
        let mut p = period(PeriodKind::BeforeStart, None, Some(before));
        let words = format!("Before {} (", start_name(schedule));
        p.heading = vec![Text(words), Date(start), Text(")".into())];
        out.push(p);
    }
    let at = |months: u32| checked_add_months_clamped(start, months);
    for i in 0u32.. {
        let (kind, first, next, title) = match i {
            0 => (
                PeriodKind::FirstSixMonths,
                0,
                6,
                "The first six months".to_string(),
            ),
            1 => (
                PeriodKind::RestOfFirstYear,
                6,
                12,
                "The rest of contract year 1".to_string(),
            ),
            n => (
                PeriodKind::ContractYear(n),
                12 * (n - 1),
                12 * n,
                format!("Contract year {n}"),
            ),
        };
        let Some(from) = at(first) else { break };
        if from > last || end.is_some_and(|e| from > e) {
            break;
        }
        let natural = at(next)
            .and_then(|d| d.pred_opt())
            .unwrap_or(NaiveDate::MAX);
        let to = end.map_or(natural, |e| natural.min(e));
        let mut p = period(kind, Some(from), Some(to));
        p.heading = vec![
            Text(format!("{title}: ")),
            Date(from),
            Text(" to ".into()),
            Date(to),
        ];
        if to < natural {
            p.heading.push(Text(", when the term ends".into()));
        }
        out.push(p);
    }
    if let Some(e) = end.filter(|&e| last > e) {
        let mut p = period(PeriodKind::AfterTerm, e.succ_opt(), None);
        p.heading = vec![
            Text("After the end of the term (".into()),
            Date(e),
            Text(")".into()),
        ];
        out.push(p);
    }
    out
}

impl Plan {
    /// [`Plan::dated`] folded: one row per obligation with all its dates, in the order
    /// of their first dates (then catalogue order). Every dated entry is in exactly one
    /// row.
    pub fn rows(&self) -> Vec<PlanRow> {
        let mut rows: Vec<PlanRow> = Vec::new();
        for e in &self.dated {
            let i = match rows.iter().position(|r| r.obligation.id == e.obligation.id) {
                Some(i) => i,
                None => {
                    rows.push(PlanRow::new(e, self.schedule));
                    rows.len() - 1
                }
            };
            rows[i].dates.push(RowDate {
                date: e.date,
                past: e.past,
                uid: e.uid.clone(),
            });
        }
        rows
    }

    /// The folded rows in the periods of their first dates, in order; periods without
    /// a row are left out (see the module documentation).
    pub fn periods(&self) -> Vec<Period> {
        let rows = self.rows();
        let Some(last) = rows.iter().map(PlanRow::first).max() else {
            return Vec::new();
        };
        let mut periods = match self.start {
            Some(start) => periods_from(self.schedule, start, self.end, last),
            None => Vec::new(),
        };
        if periods.is_empty() {
            let mut p = period(PeriodKind::Dated, None, None);
            p.heading = vec![HeadingPart::Text(
                "Deadlines from the dates you entered".into(),
            )];
            periods.push(p);
        }
        for row in rows {
            let first = row.first();
            let n = periods.len();
            // The periods cover every date up to `last`; the fallback is for dates at the
            // edge of chrono's range.
            let i = periods
                .iter()
                .position(|p| p.contains(first))
                .unwrap_or(n - 1);
            periods[i].rows.push(row);
        }
        periods.retain(|p| !p.rows.is_empty());
        periods
    }
}
