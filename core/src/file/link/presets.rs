//! The presets a tender page sets (a link's `fixed`, `tender`, `tender_ref`, or a direct
//! mount's `data-answers`): which answers the Customer fixed, and what could not be used,
//! for the question's notice and the host page's console.
use super::LinkAnswers;
use crate::assessment::answers::MAX_CONTRACTS;
use crate::assessment::flow::{can_fix, Answer, ContractField, Tender};
use crate::assessment::questions::QuestionId;

/// A preset (a link's, or a direct mount's `data-answers`) that could not be used as given:
/// the host page's console is told (one message, [`console_message`]), and the question it
/// belongs to, if any, is asked normally with a short notice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PresetProblem {
    /// The key, as the link gave it (`value`, `fixed`, `c51_subjects`, `tender`).
    pub key: String,
    /// The question it belongs to, whose page shows the notice.
    pub question: Option<QuestionId>,
    /// What was wrong, for the console.
    pub message: String,
}

/// What the bidder reads on a question whose preset could not be used.
pub const PRESET_NOTICE: &str =
    "The tender page set an answer to this question that could not be used. Answer it yourself.";

/// The one console message for the presets that could not be used, naming each key.
pub fn console_message(problems: &[PresetProblem]) -> Option<String> {
    if problems.is_empty() {
        return None;
    }
    let each: Vec<String> = problems
        .iter()
        .map(|p| format!("\"{}\": {}", p.key, p.message))
        .collect();
    Some(format!(
        "Security Matrix widget: {} of the page's preset answers could not be used, and {} asked normally. {}",
        if problems.len() == 1 { "one" } else { "some" },
        if problems.len() == 1 { "its question is" } else { "their questions are" },
        each.join("; ")
    ))
}

/// The contract number of a key `c<n>_<field>` whose `n` is above the limit (reported,
/// not dropped without a word).
pub(super) fn contract_over_limit(key: &str) -> Option<usize> {
    let (n, field) = key.strip_prefix('c')?.split_once('_')?;
    if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) || n.starts_with('0') {
        return None;
    }
    ContractField::from_key(field)?;
    let n: usize = n.parse().unwrap_or(usize::MAX);
    (n > MAX_CONTRACTS).then_some(n)
}

/// Reads `fixed=value,months,…` into the tender: each key that names a question of the
/// schedule the Customer can set, with a valid value, is fixed; any other is a problem.
pub(super) fn fix(out: &mut LinkAnswers, tender: &mut Tender, raw: &str) {
    let schedule = out.answers.schedule;
    for key in raw.split(',').map(|k| k.trim().to_ascii_lowercase()) {
        if key.is_empty() {
            continue;
        }
        let problem = |question, message: String| PresetProblem {
            key: format!("fixed={key}"),
            question,
            message,
        };
        let Some(q) =
            QuestionId::from_key(&key).filter(|q| q.question().schedule == schedule && can_fix(*q))
        else {
            out.problems.push(problem(
                None,
                format!("\"fixed\" names \"{key}\", which is not an answer the Customer can set for this schedule"),
            ));
            continue;
        };
        if tender.fixed.contains(&q) {
            continue;
        }
        if let Some(e) = out.errors.iter().find(|e| e.question == q) {
            out.problems.push(problem(
                Some(q),
                format!("its value \"{}\" is not valid ({})", e.raw, e.message),
            ));
        } else if matches!(out.answers.get(q), None | Some(Answer::Skipped)) {
            out.problems.push(problem(
                Some(q),
                format!("\"fixed\" names \"{key}\", but the page gives it no value"),
            ));
        } else {
            tender.fixed.push(q);
        }
    }
    crate::sort::sort_by_key(&mut tender.fixed, |q| *q);
}
