//! Generates `$OUT_DIR/catalogue.rs` from `data/df-obligations.toml` and
//! `data/sm2017-obligations.toml`: `static` data that the core's `src/duties/catalogue.rs`
//! includes, so the WebAssembly bundle carries no TOML parser.
//!
//! - `spec.rs`: what differs between the two files;
//! - `schema.rs`: the files' shape, read by serde (unknown or missing fields, wrong types);
//! - `checks.rs`, `references.rs`, `deadlines.rs`: what serde cannot check (ids,
//!   vocabularies, paragraph references, deadlines);
//! - `codegen.rs`: the Rust code written from the checked data.
//!
//! Every error fails the build with a message naming the file and the entry
//! (`tests/malformed.rs` checks that malformed data is refused).
use std::collections::BTreeSet;

use crate::util;

mod checks;
mod codegen;
mod deadlines;
mod references;
mod schema;
mod spec;

pub use schema::{read, CatalogueFile};
pub use spec::FILES;
use spec::SPECS;
// For the core's tests/catalogue.rs, which holds them against the schedules' text.
pub use {
    deadlines::{check_deadline, Deadlines},
    references::{check_reference, DF_S6_HEADINGS},
};

/// A data error: the file and a message that names the entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataError {
    /// The data file's name, e.g. `df-obligations.toml`.
    pub file: String,
    /// What is wrong, naming the entry's id.
    pub message: String,
}

/// Reads both data files, checks them and writes `$OUT_DIR/catalogue.rs`; a malformed
/// file fails the build with a message naming the file and the entry.
pub fn generate(data: &std::path::Path, out: &std::path::Path) {
    let texts: Vec<(&str, String)> = FILES.iter().map(|&f| (f, util::read(data, f))).collect();
    let texts: Vec<(&str, &str)> = texts.iter().map(|(f, t)| (*f, t.as_str())).collect();
    let code = from_toml(&texts).unwrap_or_else(|e| util::fail(&e.file, e.message));
    std::fs::write(out.join("catalogue.rs"), code).expect("write catalogue.rs");
}

/// Reads, checks and generates from the data files' texts, by file name.
pub fn from_toml(texts: &[(&str, &str)]) -> Result<String, DataError> {
    let files = texts
        .iter()
        .map(|(file, text)| {
            let parsed = schema::read(text).map_err(|message| DataError {
                file: file.to_string(),
                message,
            })?;
            Ok((*file, parsed))
        })
        .collect::<Result<Vec<_>, DataError>>()?;
    let refs: Vec<(&str, &CatalogueFile)> = files.iter().map(|(f, c)| (*f, c)).collect();
    build(&refs)
}

/// Checks the data files (read already) and returns the generated Rust code.
pub fn build(files: &[(&str, &CatalogueFile)]) -> Result<String, DataError> {
    let mut all_ids = BTreeSet::new();
    let mut generator = codegen::Generator::new();
    for (file, data) in files {
        let error = |message| DataError {
            file: file.to_string(),
            message,
        };
        let spec = SPECS
            .iter()
            .find(|s| s.file == *file)
            .ok_or_else(|| error("not a catalogue data file".into()))?;
        let checked = checks::check_file(spec, data, &mut all_ids).map_err(error)?;
        generator.file(spec, &checked).map_err(error)?;
    }
    Ok(generator.finish())
}
