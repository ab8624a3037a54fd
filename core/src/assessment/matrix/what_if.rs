//! What would lower the level: the deciding answers, lowered one at a time or together,
//! and only where that really gives a lower level.
use super::{level_of, months_text, num_cell, Criterion, CriterionResult, MatrixInput};
use crate::assessment::level::Level;
use crate::format::{pounds, thousands};

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

/// The input with criterion `c` lowered as far as needed for its column to admit a level
/// below `below_level`; `None` if it cannot be lowered (the other contracts' level is not
/// the user's to change with this award).
fn lowered(c: Criterion, i: &MatrixInput, below_level: Level) -> Option<(MatrixInput, String)> {
    let target = below_level.below()?;
    let mut j = *i;
    let phrase = match c {
        Criterion::Subjects => {
            let max = num_cell(target, c).max?;
            j.subjects = max;
            j.special = j.special.min(max);
            format!("fewer than {} data subjects", thousands(max + 1))
        }
        Criterion::Value => {
            let max = num_cell(target, c).max?;
            j.value = max;
            format!("a value under {}", pounds(max + 1))
        }
        Criterion::Duration => {
            let max = num_cell(target, c).max?;
            j.months = max;
            format!("a duration under {}", months_text(max + 1))
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
        Criterion::Incumbents => return None,
    };
    Some((j, phrase))
}

/// What would lower the level. A hint is given only where the changed answers really give
/// a lower level, so none is given while the other contracts' level holds it.
pub(super) fn what_if_hints(
    results: &[CriterionResult],
    i: &MatrixInput,
    level: Level,
) -> Vec<WhatIf> {
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
