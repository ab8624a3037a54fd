//! The link fragment: `schedule=df&subjects=3000&…`, form-encoded, written by
//! [`Answers::to_fragment`] and read by [`from_fragment`]. What a tender page presets
//! through it (fixed answers, the tender's name, what could not be used) is in
//! `link/presets.rs`.
use crate::assessment::answers::MAX_CONTRACTS;
use crate::assessment::answers::UNNAMED_CUSTOMER;
use crate::assessment::flow::{
    clean_text, contract_link_parts, parse_contract_key, Answer, Answers, ContractDraft,
    ContractError, ContractField, Tender, MAX_TENDER, MAX_TENDER_REF,
};
use crate::assessment::questions::{parse_date, parse_number, QuestionId, QuestionKind};
use crate::assessment::schedule::Schedule;
use crate::view::View;
use std::collections::BTreeMap;

mod presets;

pub use presets::{console_message, PresetProblem, PRESET_NOTICE};
use presets::{contract_over_limit, fix};

/// An answer from a link that could not be accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkError {
    /// The question.
    pub question: QuestionId,
    /// The value as it was in the link.
    pub raw: String,
    /// Why it was not accepted, worded for the question page.
    pub message: String,
}

/// A contract from a link that could not be accepted (half filled, or a value not valid):
/// its page opens with the errors shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContractLinkError {
    /// Its number in the link (`c3_…` is 3; 0 for the old keys).
    pub number: usize,
    /// The values as the link gave them.
    pub draft: ContractDraft,
    /// Why it was not accepted, field by field.
    pub errors: Vec<ContractError>,
}

/// The result of reading a link's fragment.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LinkAnswers {
    /// The answers that were valid.
    pub answers: Answers,
    /// The answers that were not, in question order.
    pub errors: Vec<LinkError>,
    /// Keys the link had that the product does not know (ignored).
    pub unknown_keys: Vec<String>,
    /// The result view the link opens (`view=plan`), when it names one.
    pub view: Option<View>,
    /// Why the link's `view` could not be used, when it names no view this tool has.
    pub view_error: Option<String>,
    /// The contracts that could not be accepted, in link order.
    pub contract_errors: Vec<ContractLinkError>,
    /// Presets that could not be used as given (for the console and the notices).
    pub problems: Vec<PresetProblem>,
}

impl Answers {
    /// The answers as a link fragment (without '#'): `schedule=df&subjects=3000&…`.
    /// Only questions in the sequence are written; `other` is implied by the contracts'
    /// keys (`c1_customer=…`, written in the place of the gate).
    pub fn to_fragment(&self) -> String {
        let mut parts = vec![format!("schedule={}", self.schedule.id())];
        let tender = self.tender().is_some();
        for q in self.sequence() {
            if q == QuestionId::Other {
                match self.get(q) {
                    Some(Answer::YesNo(true)) => {
                        parts.extend(contract_link_parts(self.contracts()))
                    }
                    // (A tender's link asks what it does not say: "none" is said.)
                    Some(Answer::YesNo(false)) if tender => parts.push("other=no".into()),
                    _ => {}
                }
                continue;
            }
            let value = match self.get(q) {
                Some(Answer::Skipped) if tender => "skip".to_string(),
                Some(Answer::Skipped) | None => continue,
                Some(a) => a.value_text(),
            };
            parts.push(format!("{}={value}", q.key()));
        }
        if let Some(t) = self.tender() {
            let enc = |s: &str| form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
            let fixed: Vec<&str> = t
                .fixed
                .iter()
                .filter(|q| self.get(**q).is_some())
                .map(|q| q.key())
                .collect();
            if !fixed.is_empty() {
                parts.push(format!("fixed={}", fixed.join(",")));
            }
            if !t.name.is_empty() {
                parts.push(format!("tender={}", enc(&t.name)));
            }
            if !t.reference.is_empty() {
                parts.push(format!("tender_ref={}", enc(&t.reference)));
            }
            if t.own_figures {
                parts.push("own_figures=yes".to_string());
            }
        }
        parts.join("&")
    }
}

/// Reads one raw value for question `q`.
pub fn parse_value(q: QuestionId, raw: &str) -> Result<Answer, String> {
    let question = q.question();
    match question.kind {
        QuestionKind::Count | QuestionKind::Money | QuestionKind::Months => {
            parse_number(raw, question.kind)
                .map(Answer::Number)
                .map_err(|e| crate::assessment::questions::number_message(question, e))
        }
        QuestionKind::YesNo => match raw.trim().to_ascii_lowercase().as_str() {
            "yes" => Ok(Answer::YesNo(true)),
            "no" => Ok(Answer::YesNo(false)),
            _ => Err(format!("Select {}", question.noun)),
        },
        QuestionKind::Choice => question
            .options
            .iter()
            .find(|o| o.value.eq_ignore_ascii_case(raw.trim()))
            .map(|o| Answer::Choice(o.value))
            .ok_or_else(|| format!("Select {}", question.noun)),
        QuestionKind::Date => {
            let mut it = raw.trim().splitn(3, '-');
            let (y, m, d) = (
                it.next().unwrap_or(""),
                it.next().unwrap_or(""),
                it.next().unwrap_or(""),
            );
            match parse_date(question, d, m, y) {
                Ok(Some(date)) => Ok(Answer::Date(date)),
                Ok(None) => Ok(Answer::Skipped),
                Err(e) => Err(e.message),
            }
        }
    }
}

/// Reads a value written by [`Answer::value_text`] (storage and saved files): like
/// [`parse_value`], and `skip` is a skipped optional question.
pub fn parse_stored_value(q: QuestionId, raw: &str) -> Result<Answer, String> {
    if raw == "skip" && q.question().optional {
        Ok(Answer::Skipped)
    } else {
        parse_value(q, raw)
    }
}

/// Reads a link fragment (with or without the leading '#').
///
/// Absent `other_*` keys mean no other Call-Off Contracts; an absent optional question
/// (the date; route and hosting where the level asks them) means it was skipped, that is
/// "not decided". Values that cannot be accepted are returned as errors, with the rest.
pub fn from_fragment(fragment: &str) -> LinkAnswers {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let pairs: Vec<(String, String)> = form_urlencoded::parse(fragment.as_bytes())
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.into_owned()))
        .collect();
    let schedule = pairs
        .iter()
        .find(|(k, _)| k == "schedule")
        .and_then(|(_, v)| Schedule::from_id(v.trim()))
        .unwrap_or_default();
    let mut out = LinkAnswers {
        answers: Answers::new(schedule),
        ..LinkAnswers::default()
    };
    let mut seen_other = false;
    let mut tender: Option<Tender> = None;
    let mut fixed_raw: Option<String> = None;
    let mut explicit_other: Option<Answer> = None;
    let mut over_limit: Vec<usize> = Vec::new();
    // Contracts by number (the old keys are number 0), each field's last value.
    let mut drafts: BTreeMap<usize, ContractDraft> = BTreeMap::new();
    for (key, raw) in &pairs {
        if key == "schedule" {
            continue;
        }
        if schedule == Schedule::Df {
            let old = match key.as_str() {
                "other_subjects" => Some(ContractField::Subjects),
                "other_special" => Some(ContractField::Special),
                "current_level" => Some(ContractField::Level),
                _ => None,
            };
            if let Some((n, field)) = parse_contract_key(key).or(old.map(|f| (0, f))) {
                drafts.entry(n).or_default().set(field, raw.clone());
                continue;
            }
        }
        match key.as_str() {
            "fixed" => {
                fixed_raw = Some(raw.clone());
                continue;
            }
            "tender" | "tender_ref" => {
                let is_name = key == "tender";
                let max = if is_name { MAX_TENDER } else { MAX_TENDER_REF };
                let (text, cut) = clean_text(raw, max);
                if cut {
                    out.problems.push(PresetProblem {
                        key: key.clone(),
                        question: None,
                        message: format!(
                            "it is longer than {max} characters, so only the first {max} are shown"
                        ),
                    });
                }
                let t = tender.get_or_insert_with(Tender::default);
                if is_name {
                    t.name = text;
                } else {
                    t.reference = text;
                }
                continue;
            }
            "own_figures" => {
                tender.get_or_insert_with(Tender::default).own_figures =
                    raw.trim().eq_ignore_ascii_case("yes");
                continue;
            }
            _ => {}
        }
        if schedule == Schedule::Df {
            if let Some(n) = contract_over_limit(key) {
                if !over_limit.contains(&n) {
                    over_limit.push(n);
                }
                continue;
            }
        }
        if key == "other" {
            explicit_other = parse_value(QuestionId::Other, raw).ok();
            continue;
        }
        if key == "view" {
            match View::from_key(raw) {
                Some(v) => out.view = Some(v),
                None => out.view_error = Some(format!(
                    "The link asked for a view this tool does not have (\"{}\"), so the summary of your result is shown.",
                    raw.trim()
                )),
            }
            continue;
        }
        let Some(q) = QuestionId::from_key(key)
            .filter(|q| q.question().schedule == schedule && *q != QuestionId::Other)
        else {
            out.unknown_keys.push(key.clone());
            continue;
        };
        match parse_stored_value(q, raw) {
            Ok(a) => out.answers.set(q, a),
            Err(message) => out.errors.push(LinkError {
                question: q,
                raw: raw.clone(),
                message,
            }),
        }
    }
    // A tender's presets (`fixed`, `tender`, `tender_ref`) set only what the Customer knows.
    let presets = tender.is_some() || fixed_raw.is_some();
    if schedule == Schedule::Df {
        let mut contracts = Vec::new();
        for (number, mut draft) in drafts {
            seen_other = true;
            if number == 0 {
                draft.customer = UNNAMED_CUSTOMER.to_string();
            }
            match draft.accept() {
                Ok(c) => contracts.push(c),
                Err(errors) => out.contract_errors.push(ContractLinkError {
                    number,
                    draft,
                    errors,
                }),
            }
        }
        out.answers.set_contracts(contracts);
        // A tender's presets leave the bidder's side to be asked: no contract keys there
        // means not answered yet, not "none".
        if seen_other || !presets || explicit_other == Some(Answer::YesNo(false)) {
            out.answers
                .set(QuestionId::Other, Answer::YesNo(seen_other));
        }
        for n in over_limit {
            out.problems.push(PresetProblem {
                key: format!("c{n}_…"),
                question: Some(QuestionId::Other),
                message: format!("a list holds at most {MAX_CONTRACTS} other Call-Off Contracts, so contract {n} was left out"),
            });
        }
    }
    if let Some(raw) = fixed_raw {
        let t = tender.get_or_insert_with(Tender::default);
        fix(&mut out, t, &raw);
    }
    if let Some(t) = tender {
        out.answers.set_tender(Some(t));
    }
    // A tender's page reports every value it set that could not be used, fixed or not.
    if presets {
        for e in &out.errors {
            if !out.problems.iter().any(|p| p.question == Some(e.question)) {
                out.problems.push(PresetProblem {
                    key: e.question.key().to_string(),
                    question: Some(e.question),
                    message: format!("its value \"{}\" is not valid ({})", e.raw, e.message),
                });
            }
        }
    }
    // An optional question the link leaves out was skipped (unless its value was invalid),
    // where it applies: route and hosting apply once the level is known, so a link without
    // them is complete and means "not decided", while one that stops before the level
    // leaves them to be asked. Skipping one never changes which questions apply, so one
    // pass over the sequence finds them all. With a tender's presets, the bidder is asked.
    for q in out.answers.sequence() {
        if !presets
            && q.question().optional
            && out.answers.get(q).is_none()
            && !out.errors.iter().any(|e| e.question == q)
        {
            out.answers.set(q, Answer::Skipped);
        }
    }
    let order = out.answers.sequence();
    crate::sort::sort_by_key(&mut out.errors, |e| {
        order
            .iter()
            .position(|&q| q == e.question)
            .unwrap_or(usize::MAX)
    });
    out
}

#[cfg(test)]
mod tests;
