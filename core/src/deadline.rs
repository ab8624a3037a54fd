//! The deadline rule language used by the obligation data files, and its evaluation to
//! concrete due dates.
//!
//! - [`grammar`]: the rule language, [`DeadlineRule`] and its canonical text;
//! - `eval`: [`DeadlineRule::due_dates`], the dates a rule gives from the known [`Anchors`];
//! - `describe`: [`DeadlineRule::describe`], the rule in plain English.
mod describe;
mod eval;
pub mod grammar;

pub use eval::Anchors;
pub use grammar::{Anchor, DeadlineParseError, DeadlineRule, Ids, MAX_COUNT};

use crate::catalogue::{EventId, ObligationId};

impl DeadlineRule<'_> {
    /// The rule read from a text with its names taken as the catalogue's ids, which
    /// evaluating and describing a rule need; `None` if it names an event or an obligation
    /// the catalogue does not have. (The catalogue's own rules are typed when the crate is
    /// built; this is for rules held as text, in tests and tools.)
    pub fn resolve(&self) -> Option<DeadlineRule<'static, EventId, ObligationId>> {
        self.map_ids(|e| EventId::parse(e), |o| ObligationId::parse(o))
    }
}

#[cfg(test)]
mod tests;
