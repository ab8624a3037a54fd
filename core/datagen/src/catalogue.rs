//! Generates `$OUT_DIR/catalogue.rs` from `data/df-obligations.toml` and
//! `data/sm2017-obligations.toml`: `static` data that `src/duties.rs` includes, so the
//! WebAssembly bundle carries no TOML parser.
//!
//! - `schema.rs`: the files' shape, read by serde (unknown or missing fields, wrong types);
//! - `checks.rs`, `references.rs`, `deadlines.rs`: what serde cannot check (ids,
//!   vocabularies, paragraph references, deadlines);
//! - `codegen.rs`: the Rust code written from the checked data.
//!
//! Every error fails the build with a message naming the file and the entry
//! (`tests/malformed.rs` checks that malformed data is refused).
use std::collections::BTreeSet;

mod checks;
mod codegen;
mod deadlines;
mod references;
mod schema;

pub use schema::{read, CatalogueFile};
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

/// What differs between the two data files.
struct Spec {
    file: &'static str,
    /// Every id in the file starts with this.
    id_prefix: &'static str,
    /// Prefix of the generated statics.
    statics: &'static str,
    /// DF obligations carry `levels`; 2017 ones must not.
    has_levels: bool,
    /// Only the 2017 file holds the CIO own-device verdicts.
    has_verdicts: bool,
    /// Conditions allowed in `when`.
    conditions: &'static [&'static str],
}

const DF_CONDITIONS: &[&str] = &[
    "access",
    "no-access",
    "hosting",
    "special-category",
    "path-a",
    "path-b",
    "other-contracts",
    "level-change",
];
const SM2017_CONDITIONS: &[&str] = &[
    "own-devices",
    "no-own-devices",
    "official",
    "official-sensitive",
    "bulk",
    "no-bulk",
];

const SPECS: [Spec; 2] = [
    Spec {
        file: "df-obligations.toml",
        id_prefix: "df-",
        statics: "DF",
        has_levels: true,
        has_verdicts: false,
        conditions: DF_CONDITIONS,
    },
    Spec {
        file: "sm2017-obligations.toml",
        id_prefix: "sm2017-",
        statics: "SM2017",
        has_levels: false,
        has_verdicts: true,
        conditions: SM2017_CONDITIONS,
    },
];

/// The data files, in catalogue order.
pub const FILES: [&str; 2] = [SPECS[0].file, SPECS[1].file];

/// Reads both data files, checks them and writes `$OUT_DIR/catalogue.rs`; a malformed
/// file fails the build with a message naming the file and the entry.
pub fn generate(data: &std::path::Path, out: &std::path::Path) {
    use crate::util::{fail, read};
    let texts: Vec<(&str, String)> = FILES.iter().map(|&f| (f, read(data, f))).collect();
    let texts: Vec<(&str, &str)> = texts.iter().map(|(f, t)| (*f, t.as_str())).collect();
    let code = from_toml(&texts).unwrap_or_else(|e| fail(&e.file, e.message));
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

/// The field that names an entry of a section: `id`, or `start`, or `kind`.
fn name_key(section: &str) -> &'static str {
    match section {
        "not_an_obligation" => "start",
        "device_verdict" => "kind",
        _ => "id",
    }
}

/// "[[obligation]] `df-2-7`" from the value of the entry's [`name_key`] field (its
/// first 60 characters), or "[[obligation]] #3 (no `id`)" when that is blank.
fn entry_name(section: &str, i: usize, value: &str) -> String {
    if value.trim().is_empty() {
        return format!("[[{section}]] #{} (no `{}`)", i + 1, name_key(section));
    }
    let value: String = value.chars().take(60).collect();
    format!("[[{section}]] `{value}`")
}

/// Collapses every run of whitespace to one space and trims.
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
