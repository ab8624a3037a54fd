//! Pure rules core for the Security Matrix widget.
//!
//! Nothing here imports a UI crate or reads a clock: callers pass answers and
//! today's date in and get a view model back.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod catalogue;
pub mod level;

pub use level::{Level, StandardsLevel};

include!(concat!(env!("OUT_DIR"), "/rules_version.rs"));
