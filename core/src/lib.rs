//! Pure rules core for the Security Matrix widget.
//!
//! Nothing here imports a UI crate or reads a clock: callers pass answers and
//! today's date in and get a view model back.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod calendar;
pub mod catalogue;
pub mod compliance;
pub mod deadline;
pub mod ics;
pub mod level;

pub use level::{Level, StandardsLevel};

include!(concat!(env!("OUT_DIR"), "/rules_version.rs"));
pub mod answers;
pub mod flow;
pub mod format;
pub mod id_map;
pub mod matrix;
pub mod notices;
pub mod plan;
pub mod questions;
pub mod report;
pub mod savefile;
pub mod schedule;
pub mod statement;
pub mod tracker;
pub mod view;

pub use answers::{Contract, DfAnswers, Marking, OtherContracts, SmAnswers};
pub use catalogue::{EventId, ObligationId};
pub use id_map::IdMap;
pub use matrix::AmbiguityId;
pub use matrix::{assess, Criterion, LevelAssessment};
pub use schedule::Schedule;
