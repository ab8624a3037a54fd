//! Which obligations apply: those of the schedule, at the level, whose conditions the
//! facts do not rule out, each with the conditions still to be confirmed.
use super::catalogue::{obligations, Obligation};
use super::conditions::{Condition, Facts};
use crate::assessment::schedule::Schedule;

/// An obligation that applies, with the conditions still to be confirmed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Selected {
    /// The obligation.
    pub obligation: &'static Obligation,
    /// Its conditions whose facts are unknown, in the obligation's order; the UI says
    /// "Applies where you host Customer Data" ([`Condition::describe`]).
    pub open_conditions: Vec<Condition>,
}

/// The obligations of `facts.schedule` that apply, in catalogue order.
///
/// DF obligations must apply at `facts.level` (with no level, only those of every level
/// are selected). A condition whose fact is known and false excludes the obligation; one
/// whose fact is unknown is listed in [`Selected::open_conditions`].
pub fn select(facts: &Facts) -> Vec<Selected> {
    obligations(facts.schedule)
        .iter()
        .filter(|o| match (o.schedule, facts.level) {
            (Schedule::Sm2017, _) => true,
            (Schedule::Df, Some(level)) => o.applies_at(level),
            (Schedule::Df, None) => o.every_level(),
        })
        .filter_map(|o| {
            let mut open = Vec::new();
            for &c in o.when {
                match c.holds(facts) {
                    Some(true) => {}
                    Some(false) => return None,
                    None => open.push(c),
                }
            }
            Some(Selected {
                obligation: o,
                open_conditions: open,
            })
        })
        .collect()
}
