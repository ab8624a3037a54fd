//! The deadline rules of the obligation data files, on the core's dates and catalogue.
//!
//! The rule language itself (its grammar, [`DeadlineRule`] and its canonical text) is the
//! `deadline-grammar` crate, which the data compiler reads the data's rules with; it knows
//! neither dates nor the catalogue. This module adds what needs them:
//! - `eval`: [`DueDates::due_dates`], the dates a rule gives from the known [`Anchors`];
//! - `describe`: [`Describe::describe`], the rule in plain English;
//! - `recurrence`: [`Recurrence`], whether and how often a rule comes round, counting the
//!   rules it follows;
//! - [`Resolve::resolve`]: a rule read from a text, its names taken as the catalogue's ids.
mod describe;
mod eval;
mod recurrence;

pub use deadline_grammar::{Anchor, DeadlineParseError, DeadlineRule, Ids, MAX_COUNT};
pub use describe::Describe;
pub use eval::{Anchors, DueDates};
pub use recurrence::{Cadence, Recurrence};

use crate::duties::{EventId, ObligationId};

/// A rule read from a text, named by the catalogue's ids.
pub trait Resolve {
    /// The rule read from a text with its names taken as the catalogue's ids, which
    /// evaluating and describing a rule need; `None` if it names an event or an obligation
    /// the catalogue does not have. (The catalogue's own rules are typed when the crate is
    /// built; this is for rules held as text, in tests and tools.)
    fn resolve(&self) -> Option<DeadlineRule<'static, EventId, ObligationId>>;
}

impl Resolve for DeadlineRule<'_> {
    fn resolve(&self) -> Option<DeadlineRule<'static, EventId, ObligationId>> {
        self.map_ids(|e| EventId::parse(e), |o| ObligationId::parse(o))
    }
}

#[cfg(test)]
mod tests;
