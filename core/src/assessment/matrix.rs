//! The Annex Security Matrix of DF Schedule 2.4 and the assessment of a security level.
//!
//! The matrix cells come from `data/df-matrix.toml`. A column is read as a ceiling: each
//! criterion needs the lowest level whose cell admits the answer, and the security level
//! is the highest of those (the lowest row whose every column admits the answers). One
//! more criterion sits beside the Annex's columns: the level already set for the
//! Supplier's other Call-Off Contracts, since one level applies to all of them (¶1.1,
//! ¶1.3). This module is the lookup; `explain` turns it into the result the user reads
//! ([`assess`]).
use crate::assessment::answers::{DfAnswers, OtherContracts};
use crate::assessment::level::Level;
use crate::format::{pounds, thousands};
use std::fmt;

mod explain;
mod what_if;
pub use explain::{assess, LevelAssessment, LevelChange, Note};
pub use what_if::WhatIf;

/// A numeric cell of the matrix.
#[derive(Debug)]
pub struct NumCell {
    /// The cell as printed in the Annex.
    pub text: &'static str,
    /// The largest value the row admits (inclusive); `None` admits any value.
    pub max: Option<u64>,
}

/// A cell of the Special Category Data column.
#[derive(Debug)]
pub struct SpecialCell {
    /// The cell as printed in the Annex.
    pub text: &'static str,
    /// The largest number of special category data subjects admitted; `None` is any.
    pub max: Option<u64>,
    /// Any number is admitted where the recipient is a registered medical practitioner or
    /// other professional subject to a professional duty of confidentiality.
    pub professional: bool,
}

/// A cell of the Access to MoJ Systems column.
#[derive(Debug)]
pub struct AccessCell {
    /// The cell as printed in the Annex.
    pub text: &'static str,
    /// Whether the row admits access to MoJ systems (every row admits no access).
    pub yes: bool,
}

/// One row of the Annex Security Matrix.
#[derive(Debug)]
pub struct Row {
    /// The row's level.
    pub level: Level,
    /// The examples the Annex gives for the row.
    pub examples: &'static str,
    /// Volume of Data (no. of data subjects).
    pub subjects: NumCell,
    /// Volume of Special Category Data (no. of data subjects).
    pub special: SpecialCell,
    /// Value of Services, in whole pounds.
    pub value: NumCell,
    /// Duration of Services, in months.
    pub months: NumCell,
    /// Access to MoJ Systems.
    pub access: AccessCell,
    /// What a bidder at this level must know before anything else (S1: nothing electronic).
    pub notice: Option<&'static str>,
    /// Where the Standards line comes from, where that needs saying (S3, S4: route (b)).
    pub standards_note: Option<&'static str>,
}

/// The words of an ambiguity note, from the data file.
#[derive(Debug, PartialEq, Eq)]
pub struct AmbiguityText {
    /// Its id.
    pub id: AmbiguityId,
    /// One line saying what is unclear.
    pub title: &'static str,
    /// The schedule's own words that conflict or leave the gap.
    pub quote: &'static str,
    /// The reading the product applied, and why.
    pub reading: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/matrix.rs"));

impl AmbiguityId {
    /// The data's id, such as "row-ceilings".
    pub fn as_str(self) -> &'static str {
        AMBIGUITY_IDS[self as usize]
    }

    /// The note's words.
    pub fn text(self) -> &'static AmbiguityText {
        &AMBIGUITY_TEXTS[self as usize]
    }
}

impl fmt::Display for AmbiguityId {
    /// The data's id.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A column of the matrix, or the level of the other contracts beside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Criterion {
    /// Volume of Data (no. of data subjects), aggregate across Call-Off Contracts.
    Subjects,
    /// Volume of Special Category Data (no. of data subjects), aggregate.
    Special,
    /// Value of Services.
    Value,
    /// Duration of Services.
    Duration,
    /// Access to MoJ Systems.
    Access,
    /// Not an Annex column: the level already set for the Supplier's other Call-Off
    /// Contracts. One level applies to all contracts concurrently in place (¶1.1, ¶1.3),
    /// so an award can raise it but never take this contract below it.
    Incumbents,
}

/// One criterion's part in the result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CriterionResult {
    /// Which column.
    pub criterion: Criterion,
    /// The answer as the user should read it, e.g. "3,000 (aggregate)".
    pub answer: String,
    /// Whether the figure is an aggregate across Call-Off Contracts.
    pub aggregate: bool,
    /// The lowest level whose cell admits the answer.
    pub level: Level,
    /// That cell as printed in the Annex (for the other contracts' level, ¶1.1's words).
    pub cell: &'static str,
    /// What the cell covers in plain English, e.g. "2,500 or more".
    pub cell_plain: String,
    /// Whether this criterion sets the final level.
    pub deciding: bool,
}

impl Criterion {
    /// Every criterion: the Annex's columns in its order, then the other contracts' level.
    pub const ALL: [Criterion; 6] = [
        Criterion::Subjects,
        Criterion::Special,
        Criterion::Value,
        Criterion::Duration,
        Criterion::Access,
        Criterion::Incumbents,
    ];

    /// The column's name in plain English.
    pub fn label(self) -> &'static str {
        match self {
            Criterion::Subjects => "Data subjects",
            Criterion::Special => "Special category data subjects",
            Criterion::Value => "Value of the services",
            Criterion::Duration => "Duration of the services",
            Criterion::Access => "Access to MoJ systems",
            Criterion::Incumbents => "Level of your other Call-Off Contracts",
        }
    }

    /// A short stable key ("subjects", "special", "value", "months", "access",
    /// "current_level").
    pub fn key(self) -> &'static str {
        match self {
            Criterion::Subjects => "subjects",
            Criterion::Special => "special",
            Criterion::Value => "value",
            Criterion::Duration => "months",
            Criterion::Access => "access",
            Criterion::Incumbents => "current_level",
        }
    }
}

impl fmt::Display for Criterion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// The answers in the form the matrix reads them (aggregated and normalised).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MatrixInput {
    /// Data subjects, aggregate, at least the special category data subjects.
    pub subjects: u64,
    /// Special category data subjects, aggregate.
    pub special: u64,
    /// The recipient is a professional subject to a duty of confidentiality.
    pub professional: bool,
    /// Value in whole pounds.
    pub value: u64,
    /// Duration in months.
    pub months: u64,
    /// Access to MoJ systems.
    pub access: bool,
    /// The level already set for the other Call-Off Contracts, if any.
    pub incumbent: Option<Level>,
}

impl MatrixInput {
    /// Reads the answers: volumes are aggregated across all Call-Off Contracts (¶1.3),
    /// and the other contracts' level is kept (¶1.1).
    pub fn from_answers(a: &DfAnswers) -> MatrixInput {
        MatrixInput {
            subjects: a.aggregate_subjects(),
            special: a.aggregate_special(),
            professional: a.professional.unwrap_or(false),
            value: a.value,
            months: u64::from(a.months),
            access: a.access,
            incumbent: a.other.as_ref().and_then(OtherContracts::current_level),
        }
    }

    /// The same input as the Annex alone reads it: without the other contracts' level.
    pub fn annex_only(&self) -> MatrixInput {
        MatrixInput {
            incumbent: None,
            ..*self
        }
    }
}

fn admits_num(cell: &NumCell, v: u64) -> bool {
    cell.max.is_none_or(|m| v <= m)
}

fn admits(row: &Row, c: Criterion, i: &MatrixInput) -> bool {
    match c {
        Criterion::Subjects => admits_num(&row.subjects, i.subjects),
        Criterion::Special => {
            row.special.max.is_none_or(|m| i.special <= m)
                || (row.special.professional && i.professional)
        }
        Criterion::Value => admits_num(&row.value, i.value),
        Criterion::Duration => admits_num(&row.months, i.months),
        Criterion::Access => !i.access || row.access.yes,
        Criterion::Incumbents => i.incumbent.is_none_or(|l| row.level >= l),
    }
}

/// The lowest level whose cell in column `c` admits the input.
pub fn criterion_level(c: Criterion, i: &MatrixInput) -> Level {
    MATRIX
        .iter()
        .find(|row| admits(row, c, i))
        .map_or(Level::S6, |row| row.level)
}

/// Whether every column of the row for `level` admits the input.
pub fn row_admits(level: Level, i: &MatrixInput) -> bool {
    let row = &MATRIX[level as usize];
    Criterion::ALL.iter().all(|&c| admits(row, c, i))
}

/// The security level for the input: the lowest row whose every column admits it, and
/// never below the other contracts' level.
pub fn level_of(i: &MatrixInput) -> Level {
    Criterion::ALL
        .iter()
        .map(|&c| criterion_level(c, i))
        .max()
        .unwrap_or(Level::S1)
}

/// The security level for a DF assessment's answers: [`level_of`] their input, as
/// [`assess`] finds it, without the explanations it writes (what only needs the level, such
/// as a page title, leaves those alone).
pub fn level(a: &DfAnswers) -> Level {
    level_of(&MatrixInput::from_answers(a))
}

/// The row of the Annex for a level.
pub fn row(level: Level) -> &'static Row {
    &MATRIX[level as usize]
}

fn months_text(n: u64) -> String {
    if n == 1 {
        "1 month".to_string()
    } else {
        format!("{} months", thousands(n))
    }
}

fn num_cell(level: Level, c: Criterion) -> &'static NumCell {
    let row = row(level);
    match c {
        Criterion::Subjects => &row.subjects,
        Criterion::Value => &row.value,
        _ => &row.months,
    }
}

/// The words of the schedule behind a criterion's level: the Annex cell as printed, or for
/// the other contracts' level the words of ¶1.1.
fn cell_text(level: Level, c: Criterion) -> &'static str {
    let row = row(level);
    match c {
        Criterion::Special => row.special.text,
        Criterion::Access => row.access.text,
        Criterion::Incumbents => "all Call-Off Contracts concurrently in place",
        _ => num_cell(level, c).text,
    }
}

fn fmt_num(c: Criterion, n: u64) -> String {
    match c {
        Criterion::Value => pounds(n),
        Criterion::Duration => months_text(n),
        _ => thousands(n),
    }
}

/// The range a numeric cell covers, given the row below: "1,000 to 2,499", "2,500 or more".
fn num_plain(level: Level, c: Criterion) -> String {
    let upper = num_cell(level, c).max;
    let lower = level
        .below()
        .and_then(|b| num_cell(b, c).max)
        .map_or(0, |m| m + 1);
    let less = if c == Criterion::Subjects {
        "fewer than"
    } else {
        "less than"
    };
    match (lower, upper) {
        (0, None) => "any".to_string(),
        (0, Some(u)) => format!("{less} {}", fmt_num(c, u + 1)),
        (l, None) => format!("{} or more", fmt_num(c, l)),
        (l, Some(u)) => format!("{} to {}", fmt_num(c, l), fmt_num(c, u)),
    }
}
