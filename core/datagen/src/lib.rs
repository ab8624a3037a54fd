//! The schedule data compiler: turns the data files of `core/data/` into the Rust statics
//! that `security-matrix-core` includes (`$OUT_DIR/*.rs`), validating them on the way: a
//! malformed data file fails the core's build with a message that names the file and the
//! entry. The core's `build.rs` calls [`generate`]; nothing of this crate reaches the
//! WebAssembly bundle, which so carries no TOML or rule parser.
//!
//! - [`catalogue`]: the obligations files (`df-obligations.toml`,
//!   `sm2017-obligations.toml`) → `catalogue.rs`;
//! - `matrix`: the Annex Security Matrix and its ambiguity notes (`df-matrix.toml`) →
//!   `matrix.rs`;
//! - `questions`: the questions (`questions.toml`) → `questions.rs`;
//! - [`plans`]: the plans each schedule requires and their contents (`plans.toml`),
//!   checked against the schedules' text in `core/sources/` → `plans.rs`;
//! - `rules_version`: a hash of every data file → `rules_version.rs`.
use std::path::Path;

pub mod catalogue;
mod matrix;
pub mod plans;
mod questions;
mod rules_version;
mod util;

/// Reads every data file in `data`, checks it and writes the generated Rust files to
/// `out`; a malformed file panics (failing the build) with a message naming the file and
/// the entry.
pub fn generate(data: &Path, out: &Path) {
    rules_version::write(data, out);
    matrix::generate(data, out);
    catalogue::generate(data, out);
    questions::generate(data, out);
    plans::generate(data, out);
}
