//! Reading the document's `tender`: its name and reference, and the answers its Customer
//! set (each must name a question of the schedule the Customer can set, with an answer).
use crate::assessment::flow::{can_fix, clean_text, Answers, Tender, MAX_TENDER, MAX_TENDER_REF};
use crate::assessment::questions::QuestionId;
use serde_json::Value;

/// The tender the document holds; a part that cannot be used is named in `skipped`.
pub(super) fn tender(
    value: &Value,
    answers: &Answers,
    skipped: &mut Vec<String>,
) -> Option<Tender> {
    let Value::Object(m) = value else {
        skipped.push("the tender, which is not in the expected form".into());
        return None;
    };
    let mut text = |key: &str, what: &str, max: usize| -> String {
        match m.get(key) {
            None => String::new(),
            Some(Value::String(s)) => {
                let (text, cut) = clean_text(s, max);
                if cut {
                    skipped.push(format!(
                        "the end of the tender's {what}, which is longer than {max} characters"
                    ));
                }
                text
            }
            Some(_) => {
                skipped.push(format!("the tender's {what}, which is not text"));
                String::new()
            }
        }
    };
    let name = text("name", "name", MAX_TENDER);
    let reference = text("reference", "reference", MAX_TENDER_REF);
    let mut fixed = Vec::new();
    match m.get("fixed") {
        None => {}
        Some(Value::Array(keys)) => {
            for key in keys {
                let q = key.as_str().and_then(QuestionId::from_key).filter(|q| {
                    q.question().schedule == answers.schedule
                        && can_fix(*q)
                        && answers.get(*q).is_some()
                });
                match q {
                    Some(q) if !fixed.contains(&q) => fixed.push(q),
                    Some(_) => {}
                    None => skipped.push(format!(
                        "that the Customer set {key}, which is not an answer of this assessment"
                    )),
                }
            }
        }
        Some(_) => skipped.push("the answers the Customer set, which are not a list".into()),
    }
    crate::sort::sort_by_key(&mut fixed, |q| *q);
    let own_figures = m.get("own_figures").and_then(Value::as_bool) == Some(true);
    Some(Tender {
        name,
        reference,
        fixed,
        own_figures,
    })
}
