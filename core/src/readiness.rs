//! The readiness self-check: each obligation marked "in place", "in progress" or "not yet",
//! and the action plan that follows (soonest deadline first).
use crate::catalogue::{Obligation, ObligationId};
use crate::plan::Plan;
use crate::report::ObligationGroup;
use crate::IdMap;
use chrono::NaiveDate;

/// How ready the bidder is for one obligation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Readiness {
    /// In place.
    InPlace,
    /// In progress.
    InProgress,
    /// Not yet.
    NotYet,
}

impl Readiness {
    /// All states, in the order the radios show them.
    pub const ALL: [Readiness; 3] = [Readiness::InPlace, Readiness::InProgress, Readiness::NotYet];

    /// The key used in files and storage.
    pub fn key(self) -> &'static str {
        match self {
            Readiness::InPlace => "in-place",
            Readiness::InProgress => "in-progress",
            Readiness::NotYet => "not-yet",
        }
    }

    /// The state for a key.
    pub fn from_key(key: &str) -> Option<Readiness> {
        Readiness::ALL.into_iter().find(|r| r.key() == key)
    }

    /// What the user sees.
    pub fn label(self) -> &'static str {
        match self {
            Readiness::InPlace => "In place",
            Readiness::InProgress => "In progress",
            Readiness::NotYet => "Not yet",
        }
    }
}

/// Marks by obligation, of either schedule.
pub type ReadinessMap = IdMap<ObligationId, Readiness>;

/// One item of the action plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionItem {
    /// The obligation.
    pub obligation: &'static Obligation,
    /// Its state ("not yet" or "in progress").
    pub state: Readiness,
    /// Its soonest due date in the plan, if it has one.
    pub due: Option<NaiveDate>,
}

/// Counts and the action plan.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReadinessSummary {
    /// Marked "in place".
    pub in_place: usize,
    /// Marked "in progress".
    pub in_progress: usize,
    /// Marked "not yet".
    pub not_yet: usize,
    /// Not marked.
    pub unmarked: usize,
    /// "Not yet" and "in progress" items, soonest deadline first, undated last.
    pub actions: Vec<ActionItem>,
}

/// Summarises the marks for the obligations on the result page.
pub fn summarise(
    groups: &[ObligationGroup],
    plan: &Plan,
    marks: &ReadinessMap,
) -> ReadinessSummary {
    let mut s = ReadinessSummary::default();
    for g in groups {
        for item in &g.items {
            let o = item.obligation;
            match marks.get(&o.id) {
                None => s.unmarked += 1,
                Some(Readiness::InPlace) => s.in_place += 1,
                Some(&state) => {
                    if state == Readiness::InProgress {
                        s.in_progress += 1;
                    } else {
                        s.not_yet += 1;
                    }
                    let due = plan
                        .dated
                        .iter()
                        .filter(|e| e.obligation.id == o.id)
                        .map(|e| e.date)
                        .min();
                    s.actions.push(ActionItem {
                        obligation: o,
                        state,
                        due,
                    });
                }
            }
        }
    }
    // Soonest first, undated last; the sort is stable, so the list's order among equals.
    s.actions.sort_by_key(|a| (a.due.is_none(), a.due));
    s
}
