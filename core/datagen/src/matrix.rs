//! Generates `$OUT_DIR/matrix.rs` from `data/df-matrix.toml`: the Annex Security Matrix
//! and the ambiguity notes: `AmbiguityId`, an enum with a variant per note
//! (`row-ceilings` → `AmbiguityId::RowCeilings`), and their texts.
use crate::util::{fail, lit, read, variant};
use serde::Deserialize;
use std::fmt::Write as _;
use std::path::Path;

const FILE: &str = "df-matrix.toml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MatrixFile {
    level: Vec<Row>,
    ambiguity: Vec<Ambiguity>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Row {
    level: String,
    examples: String,
    subjects: NumCell,
    special: SpecialCell,
    value: NumCell,
    months: NumCell,
    access: AccessCell,
    notice: Option<String>,
    standards_note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NumCell {
    text: String,
    max: Option<u64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SpecialCell {
    text: String,
    max: Option<u64>,
    #[serde(default)]
    professional: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AccessCell {
    text: String,
    yes: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Ambiguity {
    id: String,
    title: String,
    quote: String,
    reading: String,
}

fn opt_lit(v: &Option<String>) -> String {
    v.as_ref()
        .map_or("None".to_string(), |s| format!("Some({})", lit(s)))
}

fn opt(v: Option<u64>) -> String {
    v.map_or("None".to_string(), |n| format!("Some({n})"))
}

pub fn generate(data: &Path, out: &Path) {
    let parsed: MatrixFile = toml::from_str(&read(data, FILE)).unwrap_or_else(|e| fail(FILE, e));
    if parsed.level.len() != 6 {
        fail(
            FILE,
            "the matrix needs exactly six [[level]] rows, S1 to S6",
        );
    }
    let mut code = String::new();
    writeln!(code, "/// The Annex Security Matrix, S1 first.").unwrap();
    writeln!(code, "pub static MATRIX: [Row; 6] = [").unwrap();
    for (i, row) in parsed.level.iter().enumerate() {
        let want = format!("S{}", i + 1);
        if row.level != want {
            fail(
                FILE,
                format!(
                    "row {} is {:?}; rows must run S1 to S6 in order",
                    i + 1,
                    row.level
                ),
            );
        }
        let num =
            |c: &NumCell| format!("NumCell {{ text: {}, max: {} }}", lit(&c.text), opt(c.max));
        writeln!(
            code,
            "    Row {{ level: Level::{want}, examples: {}, subjects: {}, special: SpecialCell {{ text: {}, max: {}, professional: {} }}, value: {}, months: {}, access: AccessCell {{ text: {}, yes: {} }}, notice: {}, standards_note: {} }},",
            lit(&row.examples),
            num(&row.subjects),
            lit(&row.special.text),
            opt(row.special.max),
            row.special.professional,
            num(&row.value),
            num(&row.months),
            lit(&row.access.text),
            row.access.yes,
            opt_lit(&row.notice),
            opt_lit(&row.standards_note),
        )
        .unwrap();
    }
    writeln!(code, "];").unwrap();
    let mut names = Vec::new();
    for a in &parsed.ambiguity {
        let name = variant(&a.id).unwrap_or_else(|e| fail(FILE, format!("[[ambiguity]] {e}")));
        if names.contains(&name) {
            fail(
                FILE,
                format!("ambiguity id {:?} appears twice (as `{name}`)", a.id),
            );
        }
        names.push(name);
    }
    writeln!(
        code,
        "/// An ambiguity note of the data file, in its order; its data id is \
         [`AmbiguityId::as_str`], its words [`AmbiguityId::text`]."
    )
    .unwrap();
    writeln!(
        code,
        "#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]\npub enum AmbiguityId {{"
    )
    .unwrap();
    for (a, name) in parsed.ambiguity.iter().zip(&names) {
        writeln!(code, "    /// `{}`: {}\n    {name},", a.id, a.title).unwrap();
    }
    writeln!(code, "}}").unwrap();
    writeln!(code, "impl AmbiguityId {{\n    /// Every note, in data-file order.\n    pub const ALL: [AmbiguityId; {}] = [", names.len()).unwrap();
    for name in &names {
        writeln!(code, "        AmbiguityId::{name},").unwrap();
    }
    writeln!(code, "    ];\n}}").unwrap();
    writeln!(code, "static AMBIGUITY_IDS: [&str; {}] = [", names.len()).unwrap();
    for a in &parsed.ambiguity {
        writeln!(code, "    {},", lit(&a.id)).unwrap();
    }
    writeln!(code, "];").unwrap();
    writeln!(code, "/// The ambiguity notes' texts, in data-file order.").unwrap();
    writeln!(code, "pub static AMBIGUITY_TEXTS: &[AmbiguityText] = &[").unwrap();
    for (a, name) in parsed.ambiguity.iter().zip(&names) {
        writeln!(
            code,
            "    AmbiguityText {{ id: AmbiguityId::{name}, title: {}, quote: {}, reading: {} }},",
            lit(&a.title),
            lit(&a.quote),
            lit(&a.reading)
        )
        .unwrap();
    }
    writeln!(code, "];").unwrap();
    std::fs::write(out.join("matrix.rs"), code).expect("write matrix.rs");
}
