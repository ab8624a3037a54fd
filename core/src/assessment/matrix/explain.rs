//! The assessment the user reads: each criterion's part, the notes where the schedule is
//! unclear, what would lower the level, and ¶1.4.
use super::what_if::{what_if_hints, WhatIf};
use super::{
    cell_text, criterion_level, level_of, months_text, num_plain, AmbiguityId, AmbiguityText,
    Criterion, CriterionResult, MatrixInput,
};
use crate::assessment::answers::{Contract, DfAnswers, OtherContracts};
use crate::assessment::level::{Level, StandardsLevel};
use crate::format::{pounds, thousands};

/// ¶1.4: the award may change the level of the Supplier's other Call-Off Contracts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LevelChange {
    /// The level set for the other contracts; `None`: none has been set, so whether the
    /// award changes it cannot be told (the UI says so rather than inventing a change).
    pub from: Option<Level>,
    /// The level that applies to all of them with this award (always above `from`).
    pub to: Level,
}

/// A note where the schedule is unclear for these answers: the data's words, and what they
/// mean for these answers where that needs saying.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    /// The words from the data file.
    pub text: &'static AmbiguityText,
    /// A sentence about these answers, e.g. the level the Annex alone gives.
    pub detail: Option<String>,
}

impl Note {
    /// The note's id.
    pub fn id(&self) -> AmbiguityId {
        self.text.id
    }
}

/// The assessment of a security level: the view model's core.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LevelAssessment {
    /// The security level that applies: the Annex result, never below the other
    /// contracts' level.
    pub level: Level,
    /// What the Annex alone gives for the answers (volumes aggregated).
    pub annex_level: Level,
    /// The Schedule 2.3 Standards level that follows.
    pub standards: StandardsLevel,
    /// Where the Standards line comes from, where that needs saying (S3, S4: route (b)).
    pub standards_note: Option<&'static str>,
    /// What a bidder at this level must know first (S1: nothing electronic at all).
    pub notice: Option<&'static str>,
    /// Data subjects across all Call-Off Contracts.
    pub aggregate_subjects: u64,
    /// Special category data subjects across all Call-Off Contracts.
    pub aggregate_special: u64,
    /// Every criterion, in column order; the other contracts' level last, when one is set.
    pub criteria: Vec<CriterionResult>,
    /// Where the schedule is unclear for these answers, and the reading applied.
    pub ambiguities: Vec<Note>,
    /// How the level would drop.
    pub what_if: Vec<WhatIf>,
    /// ¶1.4, when there are other Call-Off Contracts whose level rises, or whose level is
    /// not known.
    pub level_change: Option<LevelChange>,
}

impl LevelAssessment {
    /// The criteria that set the final level.
    pub fn deciding(&self) -> impl Iterator<Item = &CriterionResult> {
        self.criteria.iter().filter(|c| c.deciding)
    }

    /// Whether ¶1.4 applies: `Some(true)` when the level of the other contracts rises,
    /// `Some(false)` when it does not (or there are none), `None` when none has been set.
    pub fn level_rises(&self) -> Option<bool> {
        match self.level_change {
            None => Some(false),
            Some(LevelChange { from: Some(_), .. }) => Some(true),
            Some(LevelChange { from: None, .. }) => None,
        }
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
        Criterion::Incumbents => {
            "one level applies to all your Call-Off Contracts (¶1.1, ¶1.3)".to_string()
        }
        _ => num_plain(level, c),
    }
}

fn answer_text(c: Criterion, a: &DfAnswers, i: &MatrixInput) -> (String, bool) {
    let other = a.other.as_ref();
    let aggregate = |total: u64, here: u64, there: u64| {
        format!(
            "{} (aggregate: {} in this contract and {} in your other Call-Off Contracts)",
            thousands(total),
            thousands(here),
            thousands(there)
        )
    };
    match c {
        Criterion::Subjects => match other {
            Some(o) => (aggregate(i.subjects, a.subjects, o.subjects()), true),
            None => (thousands(i.subjects), false),
        },
        Criterion::Special => {
            let base = match other {
                Some(o) => aggregate(i.special, a.special, o.special()),
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
        Criterion::Incumbents => (incumbent_text(other, i), false),
    }
}

/// The other contracts' level, naming the contract (or contracts) that holds it there.
fn incumbent_text(other: Option<&OtherContracts>, i: &MatrixInput) -> String {
    let Some(l) = i.incumbent else {
        return "None has been set".to_string();
    };
    let holders: Vec<String> = other
        .map(|o| o.holders().iter().map(|c| c.describe()).collect())
        .unwrap_or_default();
    match holders.as_slice() {
        [] => format!("Your other Call-Off Contracts are at {l}: one level applies to all contracts (¶1.1, ¶1.3)"),
        [one] if one == &format!("a contract with {}", crate::assessment::answers::UNNAMED_CUSTOMER) => format!("Your other Call-Off Contracts are at {l}: one level applies to all contracts (¶1.1, ¶1.3)"),
        [one] => format!("{l} is set in {one}: one level applies to all contracts (¶1.1, ¶1.3)"),
        [first, rest @ ..] => format!(
            "{l} is set in {first} and {} other contract{}: one level applies to all contracts (¶1.1, ¶1.3)",
            rest.len(),
            if rest.len() == 1 { "" } else { "s" }
        ),
    }
}

/// The notes where the schedule is unclear for these answers.
fn notes(a: &DfAnswers, i: &MatrixInput, level: Level, annex: Level) -> Vec<Note> {
    // The highest level the criteria other than `skip` need.
    let others_max = |skip: Criterion| {
        Criterion::ALL
            .iter()
            .filter(|&&c| c != skip)
            .map(|&c| criterion_level(c, i))
            .max()
            .unwrap_or(Level::S1)
    };
    let mut found: Vec<(AmbiguityId, Option<String>)> = Vec::new();
    // A gap matters only where the other reading would give another level: read as
    // "up to 2,500", S5 would do unless another criterion needs S6 already; read as "up to
    // £100k", S3 would do unless another criterion needs S4 or more (S4 admits less than
    // £100k on either reading, so the level is S5 both ways then).
    if i.subjects == 2500 && others_max(Criterion::Subjects) < Level::S6 {
        found.push((AmbiguityId::Subjects2500, None));
    }
    if i.value == 100_000 && others_max(Criterion::Value) <= Level::S3 {
        found.push((AmbiguityId::Value100k, None));
    }
    if i.subjects >= 1000 {
        found.push((AmbiguityId::WorkedExample1_3, None));
    }
    if criterion_level(Criterion::Value, i) > others_max(Criterion::Value) {
        found.push((AmbiguityId::ValueNotIn1_2, None));
    }
    if let Some(o) = &a.other {
        // This contract's volumes alone, with the other contracts' level still applied.
        let alone = DfAnswers {
            other: Some(OtherContracts {
                contracts: o
                    .contracts
                    .iter()
                    .map(|c| Contract {
                        subjects: 0,
                        special: 0,
                        ..c.clone()
                    })
                    .collect(),
            }),
            ..a.clone()
        };
        if level_of(&MatrixInput::from_answers(&alone)) < level {
            found.push((AmbiguityId::AggregateEachOrAll, None));
        }
    }
    if (annex >= Level::S5 && !i.access) || (annex == Level::S6 && i.subjects <= 2500) {
        found.push((AmbiguityId::RowCeilings, None));
    }
    if a.aggregate_special() > a.entered_subjects() {
        found.push((AmbiguityId::SpecialExceedsSubjects, None));
    }
    if let Some(held) = i.incumbent.filter(|&l| l > annex) {
        let here = level_of(&MatrixInput::from_answers(&DfAnswers {
            other: None,
            ..a.clone()
        }));
        let annex_words = if here == annex {
            format!("The Annex puts this contract's answers at {annex}")
        } else {
            format!("The Annex puts this contract's answers alone at {here}, and at {annex} with the volumes of your other contracts added")
        };
        found.push((
            AmbiguityId::OneLevelAllContracts,
            Some(format!("{annex_words}; your other Call-Off Contracts are at {held}, so {held} is applied to this contract too.")),
        ));
    }
    if i.access && level == Level::S4 && criterion_level(Criterion::Access, i) == Level::S4 {
        found.push((AmbiguityId::AccessS4, None));
    }
    found
        .into_iter()
        .map(|(id, detail)| Note {
            text: id.text(),
            detail,
        })
        .collect()
}

/// Assesses the security level for DF Schedule 2.4 answers.
pub fn assess(a: &DfAnswers) -> LevelAssessment {
    let i = MatrixInput::from_answers(a);
    let level = level_of(&i);
    let annex = level_of(&i.annex_only());
    let criteria: Vec<CriterionResult> = Criterion::ALL
        .iter()
        .filter(|&&c| c != Criterion::Incumbents || i.incumbent.is_some())
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
    let what_if = what_if_hints(&criteria, &i, level);
    // ¶1.4: a notice is due for each listed contract whose set level is below the applied
    // one, or that has none set. `from` is the lowest such set level, `None` when one of
    // them has none set (whether the award changes it cannot be told).
    let level_change = a.other.as_ref().and_then(|o| {
        let due: Vec<Option<Level>> = o
            .contracts
            .iter()
            .map(|c| c.level)
            .filter(|l| l.is_none_or(|l| l < level))
            .collect();
        if due.is_empty() {
            return None;
        }
        let from = if due.contains(&None) {
            None
        } else {
            due.iter().flatten().min().copied()
        };
        Some(LevelChange { from, to: level })
    });
    let row = super::row(level);
    LevelAssessment {
        level,
        annex_level: annex,
        standards: StandardsLevel::for_level(level, a.access),
        standards_note: row.standards_note,
        notice: row.notice,
        aggregate_subjects: i.subjects,
        aggregate_special: i.special,
        ambiguities: notes(a, &i, level, annex),
        criteria,
        what_if,
        level_change,
    }
}
