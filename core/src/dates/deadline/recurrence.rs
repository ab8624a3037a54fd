//! How a catalogue rule comes round: by itself ("annually after …", "quarterly"), or by
//! following the deadlines of an obligation whose rule does ("1 days before each deadline
//! of" a yearly ITHC), and how often ([`Cadence`]).
use deadline_grammar::DeadlineRule;

use super::eval::named_rule;
use crate::assessment::schedule::Schedule;
use crate::duties::{EventId, ObligationId};

/// How often a recurring duty comes round, as its rule gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cadence {
    /// Once a year (or once in each contract year).
    Year,
    /// Once in each quarter of the term.
    Quarter,
}

impl Cadence {
    /// "every year", "every quarter".
    pub fn every(self) -> &'static str {
        match self {
            Cadence::Year => "every year",
            Cadence::Quarter => "every quarter",
        }
    }
}

/// Whether, and how often, a catalogue rule of a schedule comes round.
pub trait Recurrence {
    /// Whether the rule comes round again: by itself, or because it follows the deadlines
    /// of an obligation of `schedule` whose rule does.
    fn recurs(&self, schedule: Schedule) -> bool;

    /// How often the rule comes round: its own period, or, for a rule that follows the
    /// deadlines of other obligations of `schedule`, the period of the first of them that
    /// recurs. `None` for a rule that falls once.
    fn cadence(&self, schedule: Schedule) -> Option<Cadence>;
}

impl Recurrence for DeadlineRule<'_, EventId, ObligationId> {
    fn recurs(&self, schedule: Schedule) -> bool {
        self.is_recurring()
            || self
                .deadline_ids()
                .into_iter()
                .any(|id| named_rule(schedule, id).is_some_and(|r| r.is_recurring()))
    }

    fn cadence(&self, schedule: Schedule) -> Option<Cadence> {
        match self {
            DeadlineRule::MonthsAfterThenAnnually { .. }
            | DeadlineRule::AnnuallyAfter { .. }
            | DeadlineRule::EveryContractYear => Some(Cadence::Year),
            DeadlineRule::Quarterly => Some(Cadence::Quarter),
            DeadlineRule::DaysBeforeDeadlines { of, .. } => of
                .iter()
                .filter_map(|&id| named_rule(schedule, id))
                .find_map(|named| named.cadence(schedule)),
            _ => None,
        }
    }
}
