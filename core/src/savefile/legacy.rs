//! What sessionStorage held before it kept the document, so a tab open across an update
//! keeps its answers: `smx2` was four lines (the version; the answers as
//! `schedule=df&subjects=3000&other=no&commencement=skip…`; the page key; the readiness
//! marks as `df-2-7=not-yet&…`), and `smx1` the first three. Both are turned into a schema-2
//! document, so that the one reader places every part or names what it left out.
use super::{FORMAT, STORAGE_UNREADABLE};
use crate::json::Json;

/// `None` if `text` is not in an older form; otherwise the document, or why it cannot be.
pub(super) fn storage_document(text: &str) -> Option<Result<Json, String>> {
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
    let pairs = |s: &str| -> Vec<(String, Json)> {
        s.split('&')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap_or((p, ""));
                (k.to_string(), Json::String(v.to_string()))
            })
            .collect()
    };
    let answers = pairs(answers);
    let page = lines.next().unwrap_or("");
    let marks = pairs(lines.next().unwrap_or(""));
    let text = |s: &str| Json::String(s.to_string());
    Some(Ok(Json::Object(vec![
        ("format".into(), text(FORMAT)),
        ("schema".into(), Json::Number("2".into())),
        ("schedule".into(), text(schedule)),
        ("answers".into(), Json::Object(answers)),
        ("readiness".into(), Json::Object(marks)),
        ("page".into(), text(page)),
    ])))
}
