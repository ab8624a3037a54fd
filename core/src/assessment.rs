//! The assessment: what the user answers and what level it gives.
//!
//! - [`schedule`] and [`level`]: the two schedules, and the security levels S1–S6;
//! - [`answers`]: the answers as the rules take them;
//! - [`questions`] and [`flow`]: the questions, what users type, and which apply in which
//!   order;
//! - [`matrix`]: the Annex Security Matrix and the assessment of a level, why, and what
//!   would lower it.
//!
//! Uses only the ground floor ([`format`](crate::format), [`id_map`](crate::id_map)).
pub mod answers;
pub mod flow;
pub mod level;
pub mod matrix;
pub mod questions;
pub mod schedule;
