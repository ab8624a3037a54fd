//! Reading the other Call-Off Contracts of a saved document (schema 4's `contracts`).
use crate::assessment::answers::{Contract, MAX_CONTRACTS};
use crate::assessment::flow::{ContractDraft, ContractField};
use serde_json::Value;

/// The other Call-Off Contracts (schema 4), in order; one that is not valid is left out
/// and named, and so is any beyond the 50th.
pub(super) fn contracts(value: Option<&Value>, skipped: &mut Vec<String>) -> Vec<Contract> {
    let items = match value {
        None => return Vec::new(),
        Some(Value::Array(items)) => items,
        Some(_) => {
            skipped.push("the other Call-Off Contracts, which are not in the expected form".into());
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let n = i + 1;
        let mut draft = ContractDraft::default();
        let mut form = true;
        match item.as_object() {
            Some(fields) => {
                for (key, v) in fields {
                    let text = match v {
                        Value::String(t) => t.clone(),
                        Value::Number(n) => n.to_string(),
                        _ => {
                            form = false;
                            continue;
                        }
                    };
                    match ContractField::from_key(key) {
                        Some(f) => draft.set(f, text),
                        None => form = false,
                    }
                }
            }
            None => form = false,
        }
        match draft.accept() {
            Ok(_) if out.len() >= MAX_CONTRACTS => skipped.push(format!(
                "other Call-Off Contract {n}, as a list holds at most {MAX_CONTRACTS}"
            )),
            Ok(c) if form => out.push(c),
            Ok(_) => skipped.push(format!(
                "other Call-Off Contract {n}, which is not in the expected form"
            )),
            Err(errors) => skipped.push(format!(
                "other Call-Off Contract {n}, which is not valid ({})",
                errors
                    .iter()
                    .map(|e| e.message.as_str())
                    .collect::<Vec<_>>()
                    .join("; ")
            )),
        }
    }
    out
}
