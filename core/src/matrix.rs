//! The Annex Security Matrix of DF Schedule 2.4 and the assessment of a security level.
//!
//! The matrix cells come from `data/df-matrix.toml`. A column is read as a ceiling: each
//! criterion needs the lowest level whose cell admits the answer, and the security level
//! is the highest of those (the lowest row whose every column admits the answers).
use crate::answers::DfAnswers;
use crate::{Level, StandardsLevel};
use std::fmt;

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
}

/// The words of an ambiguity note, from the data file.
#[derive(Debug, PartialEq, Eq)]
pub struct AmbiguityText {
    /// Stable id.
    pub id: &'static str,
    /// One line saying what is unclear.
    pub title: &'static str,
    /// The schedule's own words that conflict or leave the gap.
    pub quote: &'static str,
    /// The reading the product applied, and why.
    pub reading: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/matrix.rs"));

/// The ids of the ambiguity notes the assessment can raise (each has a text in the data).
pub const AMBIGUITY_IDS: [&str; 7] = [
    "subjects-2500",
    "value-100k",
    "worked-example-1-3",
    "value-not-in-1-2",
    "aggregate-each-or-all",
    "row-ceilings",
    "special-exceeds-subjects",
];

/// The text of the ambiguity note with this id.
pub fn ambiguity(id: &str) -> Option<&'static AmbiguityText> {
    AMBIGUITY_TEXTS.iter().find(|a| a.id == id)
}

/// A column of the matrix.
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
}

impl Criterion {
    /// Every criterion, in the Annex's column order.
    pub const ALL: [Criterion; 5] = [
        Criterion::Subjects,
        Criterion::Special,
        Criterion::Value,
        Criterion::Duration,
        Criterion::Access,
    ];

    /// The column's name in plain English.
    pub fn label(self) -> &'static str {
        match self {
            Criterion::Subjects => "Data subjects",
            Criterion::Special => "Special category data subjects",
            Criterion::Value => "Value of the services",
            Criterion::Duration => "Duration of the services",
            Criterion::Access => "Access to MoJ systems",
        }
    }

    /// A short stable key ("subjects", "special", "value", "months", "access").
    pub fn key(self) -> &'static str {
        match self {
            Criterion::Subjects => "subjects",
            Criterion::Special => "special",
            Criterion::Value => "value",
            Criterion::Duration => "months",
            Criterion::Access => "access",
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
}

impl MatrixInput {
    /// Reads the answers: volumes are aggregated across all Call-Off Contracts (¶1.3).
    pub fn from_answers(a: &DfAnswers) -> MatrixInput {
        MatrixInput {
            subjects: a.aggregate_subjects(),
            special: a.aggregate_special(),
            professional: a.professional.unwrap_or(false),
            value: a.value,
            months: u64::from(a.months),
            access: a.access,
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

/// The security level for the input: the lowest row whose every column admits it.
pub fn level_of(i: &MatrixInput) -> Level {
    Criterion::ALL
        .iter()
        .map(|&c| criterion_level(c, i))
        .max()
        .unwrap_or(Level::S1)
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
    /// That cell as printed in the Annex.
    pub cell: &'static str,
    /// What the cell covers in plain English, e.g. "2,500 or more".
    pub cell_plain: String,
    /// Whether this criterion sets the final level.
    pub deciding: bool,
}

/// A what-if hint: how the level would drop if the deciding answers were lower.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WhatIf {
    /// The criteria that would have to change together.
    pub criteria: Vec<Criterion>,
    /// The hint in plain English, e.g. "With fewer than 1,000 data subjects this would be S4".
    pub text: String,
    /// The level it would drop to.
    pub level: Level,
}

/// ¶1.4: the level of the Supplier's other Call-Off Contracts changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LevelChange {
    /// The level currently applied to the other contracts (`None` if none is).
    pub from: Option<Level>,
    /// The level that now applies to all of them.
    pub to: Level,
}

/// The assessment of a security level: the view model's core.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LevelAssessment {
    /// The security level.
    pub level: Level,
    /// The Schedule 2.3 Standards level that follows.
    pub standards: StandardsLevel,
    /// Data subjects across all Call-Off Contracts.
    pub aggregate_subjects: u64,
    /// Special category data subjects across all Call-Off Contracts.
    pub aggregate_special: u64,
    /// Every criterion, in column order.
    pub criteria: Vec<CriterionResult>,
    /// Where the schedule is unclear for these answers, and the reading applied.
    pub ambiguities: Vec<&'static AmbiguityText>,
    /// How the level would drop.
    pub what_if: Vec<WhatIf>,
    /// ¶1.4, when there are other Call-Off Contracts and their level changes.
    pub level_change: Option<LevelChange>,
}

impl LevelAssessment {
    /// The criteria that set the final level.
    pub fn deciding(&self) -> impl Iterator<Item = &CriterionResult> {
        self.criteria.iter().filter(|c| c.deciding)
    }
}

/// Formats a whole number with thousands separators: 3000 → "3,000".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Formats whole pounds: 45000 → "£45,000".
pub fn pounds(n: u64) -> String {
    format!("£{}", thousands(n))
}

fn months_text(n: u64) -> String {
    if n == 1 {
        "1 month".to_string()
    } else {
        format!("{} months", thousands(n))
    }
}

fn num_cell(level: Level, c: Criterion) -> &'static NumCell {
    let row = &MATRIX[level as usize];
    match c {
        Criterion::Subjects => &row.subjects,
        Criterion::Value => &row.value,
        _ => &row.months,
    }
}

fn cell_text(level: Level, c: Criterion) -> &'static str {
    let row = &MATRIX[level as usize];
    match c {
        Criterion::Special => row.special.text,
        Criterion::Access => row.access.text,
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

fn cell_plain(level: Level, c: Criterion, i: &MatrixInput) -> String {
    match c {
        Criterion::Special if i.special == 0 => "none".to_string(),
        Criterion::Special if level == Level::S3 => {
            "any, as the recipient is a registered medical practitioner or other professional subject to a professional duty of confidentiality".to_string()
        }
        Criterion::Special => "any".to_string(),
        Criterion::Access if i.access => {
            "access admitted (S4: see 3.4.1(b)(vii) and (viii))".to_string()
        }
        Criterion::Access => "no access".to_string(),
        _ => num_plain(level, c),
    }
}

fn answer_text(c: Criterion, a: &DfAnswers, i: &MatrixInput) -> (String, bool) {
    let other = a.other.as_ref();
    match c {
        Criterion::Subjects => match other {
            Some(o) => (
                format!(
                    "{} (aggregate: {} in this contract and {} in your other Call-Off Contracts)",
                    thousands(i.subjects),
                    thousands(a.subjects),
                    thousands(o.subjects)
                ),
                true,
            ),
            None => (thousands(i.subjects), false),
        },
        Criterion::Special => {
            let base = match other {
                Some(o) => format!(
                    "{} (aggregate: {} in this contract and {} in your other Call-Off Contracts)",
                    thousands(i.special),
                    thousands(a.special),
                    thousands(o.special)
                ),
                None => thousands(i.special),
            };
            let text = if i.special == 0 {
                base
            } else if i.professional {
                format!(
                    "{base}; the recipient is a professional subject to a duty of confidentiality"
                )
            } else {
                format!("{base}; the recipient is not a professional subject to a duty of confidentiality")
            };
            (text, other.is_some())
        }
        Criterion::Value => (pounds(i.value), false),
        Criterion::Duration => (months_text(i.months), false),
        Criterion::Access => ((if i.access { "Yes" } else { "No" }).to_string(), false),
    }
}

/// The input with criterion `c` lowered as far as needed for its column to admit a level
/// below `below_level`; `None` if it cannot be lowered.
fn lowered(c: Criterion, i: &MatrixInput, below_level: Level) -> Option<(MatrixInput, String)> {
    let target = below_level.below()?;
    let mut j = *i;
    let phrase = match c {
        Criterion::Subjects | Criterion::Value | Criterion::Duration => {
            let max = num_cell(target, c).max?;
            match c {
                Criterion::Subjects => {
                    j.subjects = max;
                    j.special = j.special.min(max);
                    format!("fewer than {} data subjects", thousands(max + 1))
                }
                Criterion::Value => {
                    j.value = max;
                    format!("a value under {}", pounds(max + 1))
                }
                _ => {
                    j.months = max;
                    format!("a duration under {}", months_text(max + 1))
                }
            }
        }
        Criterion::Special => {
            if i.special > 0 && !i.professional && target >= Level::S3 {
                j.professional = true;
                "a recipient who is a registered medical practitioner or other professional subject to a professional duty of confidentiality".to_string()
            } else {
                j.special = 0;
                "no special category data".to_string()
            }
        }
        Criterion::Access => {
            j.access = false;
            "no access to MoJ systems".to_string()
        }
    };
    Some((j, phrase))
}

fn what_if_hints(results: &[CriterionResult], i: &MatrixInput, level: Level) -> Vec<WhatIf> {
    if level == Level::S1 {
        return Vec::new();
    }
    let deciding: Vec<Criterion> = results
        .iter()
        .filter(|r| r.deciding)
        .map(|r| r.criterion)
        .collect();
    let hint = |criteria: Vec<Criterion>, input: &MatrixInput, text: &dyn Fn(Level) -> String| {
        let new = level_of(input);
        (new < level).then(|| WhatIf {
            criteria,
            text: text(new),
            level: new,
        })
    };
    if let [c] = deciding[..] {
        // One criterion sets the level: lowering it alone lowers the level.
        let mut hints = Vec::new();
        if let Some((j, phrase)) = lowered(c, i, level) {
            hints.extend(hint(vec![c], &j, &|new| {
                format!("With {phrase} this would be {new}")
            }));
            // Special category data: also the other way down (no special category data).
            if c == Criterion::Special && !i.professional && i.special > 0 {
                let none = MatrixInput { special: 0, ..*i };
                hints.extend(hint(vec![c], &none, &|new| {
                    format!("With no special category data this would be {new}")
                }));
            }
        }
        return hints;
    }
    // Several criteria set the level together: only lowering all of them lowers it.
    let mut joint = *i;
    let mut phrases = Vec::new();
    for &c in &deciding {
        let Some((_, phrase)) = lowered(c, i, level) else {
            continue;
        };
        if let Some((k, _)) = lowered(c, &joint, level) {
            joint = k;
        }
        phrases.push(phrase);
    }
    let Some(last) = phrases.pop() else {
        return Vec::new();
    };
    let text = |new: Level| {
        if phrases.is_empty() {
            format!("With {last} this would be {new}")
        } else {
            format!(
                "Only with {} and {last} together would this be {new}",
                phrases.join(", ")
            )
        }
    };
    hint(deciding.clone(), &joint, &text).into_iter().collect()
}

/// Assesses the security level for DF Schedule 2.4 answers.
pub fn assess(a: &DfAnswers) -> LevelAssessment {
    let i = MatrixInput::from_answers(a);
    let level = level_of(&i);
    let criteria: Vec<CriterionResult> = Criterion::ALL
        .iter()
        .map(|&c| {
            let l = criterion_level(c, &i);
            let (answer, aggregate) = answer_text(c, a, &i);
            CriterionResult {
                criterion: c,
                answer,
                aggregate,
                level: l,
                cell: cell_text(l, c),
                cell_plain: cell_plain(l, c, &i),
                deciding: l == level,
            }
        })
        .collect();

    // The highest level the columns other than `skip` need.
    let others_max = |skip: Criterion| {
        Criterion::ALL
            .iter()
            .filter(|&&c| c != skip)
            .map(|&c| criterion_level(c, &i))
            .max()
            .unwrap_or(Level::S1)
    };
    let mut ids: Vec<&str> = Vec::new();
    // A gap matters only where the other reading would give another level: read as
    // "up to 2,500", S5 would do unless another column needs S6 already; read as "up to
    // £100k", S3 would do unless another column needs S4 or more (S4 admits less than
    // £100k on either reading, so the level is S5 both ways then).
    if i.subjects == 2500 && others_max(Criterion::Subjects) < Level::S6 {
        ids.push("subjects-2500");
    }
    if i.value == 100_000 && others_max(Criterion::Value) <= Level::S3 {
        ids.push("value-100k");
    }
    if i.subjects >= 1000 {
        ids.push("worked-example-1-3");
    }
    if criterion_level(Criterion::Value, &i) > others_max(Criterion::Value) {
        ids.push("value-not-in-1-2");
    }
    if a.other.is_some() {
        let alone = DfAnswers {
            other: None,
            ..a.clone()
        };
        if level_of(&MatrixInput::from_answers(&alone)) < level {
            ids.push("aggregate-each-or-all");
        }
    }
    if (level >= Level::S5 && !i.access) || (level == Level::S6 && i.subjects <= 2500) {
        ids.push("row-ceilings");
    }
    if a.aggregate_special() > a.entered_subjects() {
        ids.push("special-exceeds-subjects");
    }
    let ambiguities = ids.iter().filter_map(|id| ambiguity(id)).collect();

    let what_if = what_if_hints(&criteria, &i, level);
    let level_change = a.other.as_ref().and_then(|o| {
        (o.current_level != Some(level)).then_some(LevelChange {
            from: o.current_level,
            to: level,
        })
    });
    LevelAssessment {
        level,
        standards: StandardsLevel::for_level(level, a.access),
        aggregate_subjects: i.subjects,
        aggregate_special: i.special,
        criteria,
        ambiguities,
        what_if,
        level_change,
    }
}
