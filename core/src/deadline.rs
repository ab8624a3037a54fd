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

#[cfg(test)]
mod tests;
