//! Pure rules core for the Security Matrix widget.
//!
//! Nothing here imports a UI crate or reads a clock: callers pass answers and
//! today's date in and get a view model back.
//!
//! The folders follow the pipeline, each using only those before it and the ground floor:
//!
//! - [`assessment`]: the answers, the questions and their flow, the Security Matrix, the
//!   level and why (what-if included);
//! - [`duties`]: the obligations catalogue, the conditions, the own-device verdict and the
//!   clauses' words;
//! - [`dates`]: Working Days, the deadline rules evaluated, the dated plan and its folding;
//! - [`report`] and [`view`]: the result view models the UI renders, and its views;
//! - [`file`](mod@file): what the user keeps: the tracker, the saved file and the link;
//! - [`takeaways`]: what the user takes away: the statement, the compliance matrix, the
//!   calendar file and the ¶1.4 notices.
//!
//! On the ground floor, used by all and using none: [`format`](mod@format) (numbers,
//! money, dates), [`id_map`] and [`rules_version`]. The deadline rule language is the
//! `deadline-grammar` crate, which the data compiler (`core/datagen/`, run by the build
//! script) reads the data with.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod format;
pub mod id_map;
pub mod rules_version;
pub mod sort;

pub mod assessment;
pub mod duties;

pub mod dates;

pub mod report;
pub mod view;

pub mod file;
pub mod takeaways;

pub use assessment::answers::{Contract, DfAnswers, Marking, OtherContracts, SmAnswers};
pub use assessment::level::{Level, StandardsLevel};
pub use assessment::matrix::{assess, AmbiguityId, Criterion, LevelAssessment};
pub use assessment::schedule::Schedule;
pub use duties::{EventId, ObligationId};
pub use id_map::IdMap;
pub use rules_version::RULES_VERSION;
