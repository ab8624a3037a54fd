//! The deadline rules of the selected obligations, and of the obligations they name.
use crate::assessment::schedule::Schedule;
use crate::dates::deadline::{Anchors, DeadlineRule, DueDates};
use crate::duties::{EventId, ObligationId, Selected};

use super::Cadence;

/// What follows the first date of a recurring rule.
pub(super) fn then_every(rule: &DeadlineRule<EventId, ObligationId>) -> Option<&'static str> {
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

/// The rule of the obligation `id` if it is of `schedule` and has one.
fn rule_of(
    schedule: Schedule,
    id: ObligationId,
) -> Option<&'static DeadlineRule<'static, EventId, ObligationId>> {
    Some(id.obligation())
        .filter(|o| o.schedule == schedule)?
        .deadline
}

/// Whether the rule comes round again: by itself, or because it follows the deadlines
/// of an obligation whose rule does ("1 days before each deadline of" a yearly ITHC).
pub(super) fn recurs(rule: &DeadlineRule<EventId, ObligationId>, schedule: Schedule) -> bool {
    rule.is_recurring()
        || rule
            .deadline_ids()
            .into_iter()
            .any(|id| rule_of(schedule, id).is_some_and(|r| r.is_recurring()))
}

/// `anchors` with [`Anchors::deadlines`] filled in: the due dates, from these same
/// anchors, of every obligation of `schedule` that a selected rule names, whether or not
/// it is selected itself (the deadline stands in the schedule either way).
/// The data compiler (`catalogue/deadlines.rs`) makes sure a named obligation's own rule names none,
/// so one round of look-ups is enough.
pub(super) fn with_deadlines(
    mut anchors: Anchors,
    selected: &[Selected],
    schedule: Schedule,
) -> Anchors {
    for s in selected {
        let Some(rule) = s.obligation.deadline else {
            continue;
        };
        for id in rule.deadline_ids() {
            if anchors.deadlines.contains_key(&id) {
                continue;
            }
            if let Some(named) = rule_of(schedule, id) {
                let dates = named.due_dates(&anchors);
                anchors.deadlines.insert(id, dates);
            }
        }
    }
    anchors
}

/// How often a recurring rule comes round, for a folded row's text: the rule's own
/// period, or, for a rule that follows the deadlines of other obligations, the period
/// of the first of them that recurs. `None` for a rule that falls once.
pub(super) fn cadence(
    rule: &DeadlineRule<EventId, ObligationId>,
    schedule: Schedule,
) -> Option<Cadence> {
    match rule {
        DeadlineRule::MonthsAfterThenAnnually { .. }
        | DeadlineRule::AnnuallyAfter { .. }
        | DeadlineRule::EveryContractYear => Some(Cadence::Year),
        DeadlineRule::Quarterly => Some(Cadence::Quarter),
        DeadlineRule::DaysBeforeDeadlines { of, .. } => of
            .iter()
            .filter_map(|&id| rule_of(schedule, id))
            .find_map(|named| cadence(named, schedule)),
        _ => None,
    }
}
