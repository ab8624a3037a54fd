//! What a plan is built from: the start, the end of the term, the event dates and today.
use chrono::NaiveDate;

use crate::assessment::answers::{DfAnswers, SmAnswers};
use crate::assessment::schedule::Schedule;
use crate::dates::calendar::checked_add_months_clamped;
use crate::duties::EventId;
use crate::id_map::IdMap;

/// Dates of events the user entered, by event (to date event-relative duties).
pub type EventDates = IdMap<EventId, NaiveDate>;

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
    /// The dates of events the user entered.
    pub events: EventDates,
    /// Today's date, from the caller; dates before it are marked
    /// [`PlanEntry::past`](crate::dates::plan::PlanEntry::past).
    pub today: NaiveDate,
}

impl PlanInput {
    /// The input for DF Schedule 2.4: the start is the Call-Off Commencement Date and
    /// the term ends on [`df_term_end`]`(commencement, answers.months)`.
    pub fn df(answers: &DfAnswers, events: EventDates, today: NaiveDate) -> PlanInput {
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
    /// only (with [`PlanEntry::then_every`](crate::dates::plan::PlanEntry::then_every)).
    pub fn sm2017(answers: &SmAnswers, events: EventDates, today: NaiveDate) -> PlanInput {
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
