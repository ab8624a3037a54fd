//! What sessionStorage held before it kept the document, so a tab open across an update
//! keeps its answers: `smx2` was four lines (the version; the answers as
//! `schedule=df&subjects=3000&other=no&commencement=skip…`; the page key; the readiness
//! marks as `df-2-7=not-yet&…`), and `smx1` the first three. Both are turned into a schema-2
//! document, so that the one reader places every part or names what it left out.
use super::document::FORMAT;
use serde_json::{json, Map, Value};

/// The message when what the tab kept cannot be read at all, in an older form or the
/// document's.
pub const STORAGE_UNREADABLE: &str =
    "Your earlier answers could not be read, so the tool has started again.";

/// `None` if `text` is not in an older form; otherwise the document, or why it cannot be.
pub(super) fn storage_document(text: &str) -> Option<Result<Value, String>> {
    if !text.starts_with("smx") {
        return None;
    }
    let mut lines = text.lines();
    if !matches!(lines.next(), Some("smx1" | "smx2")) {
        return Some(Err("Your earlier answers were saved by an older version of this tool and could not be restored. Please answer the questions again.".into()));
    }
    let line = lines.next().unwrap_or("");
    let (first, answers) = line.split_once('&').unwrap_or((line, ""));
    let Some(schedule) = first.strip_prefix("schedule=") else {
        return Some(Err(STORAGE_UNREADABLE.into()));
    };
    let pairs = |s: &str| {
        let mut members = Map::new();
        for p in s.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            members.insert(k.to_string(), Value::from(v));
        }
        members
    };
    let answers = pairs(answers);
    let page = lines.next().unwrap_or("");
    let marks = pairs(lines.next().unwrap_or(""));
    Some(Ok(json!({
        "format": FORMAT,
        "schema": 2,
        "schedule": schedule,
        "answers": answers,
        "readiness": marks,
        "page": page,
    })))
}
