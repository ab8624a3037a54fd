//! The saved assessment: one small, versioned JSON document holding everything the user
//! typed (the answers, the readiness marks and the dates of events). It is the file the user
//! saves and, with the page they are on, what the tab keeps in sessionStorage: the tool has
//! two encodings of answers, the public link and this document.
//!
//! Reading never refuses a document this tool wrote. A part it cannot place (an answer to a
//! question that is gone, a mark for an obligation it does not know, a date that is not one)
//! is left out and named in the message, and everything else opens. Only a text that is not
//! such a document at all (not JSON, no `format`, a newer schema, no known schedule) is
//! refused, with the reason in words.
//!
//! Schemas: 1 kept the answers as a link fragment (`"answers": "schedule=df&…"`); 2 keeps
//! them by question key, with the readiness marks; 3 adds `event_dates`, and its marks may
//! be of either schedule: an obligation's id names its schedule (`df-…`, `sm2017-…`), so
//! marks made for the schedule not being assessed are kept for when the user goes back to it.
//! Schema 2 files saved after a schedule change hold such marks too (issue 16: they were
//! refused then) and open the same way. Schema 4 replaces the marks (`readiness`: id to
//! `in-place`, `in-progress` or `not-yet`) with the tracker (`tracker`: id to an object with
//! any of `status`, `owner` and `note`); an earlier file's marks become statuses ("not yet"
//! is "not started"), and where an earlier file has no answer to the route or hosting
//! question (they came after it), the question reads as "not decided", as in a link.
//! Schema 4 also lists the other Call-Off Contracts (`contracts`: an array of objects with
//! `name` (when there is one), `customer`, `subjects`, `special` and `level`); an earlier
//! file's totals (`other_subjects`, `other_special`, `current_level`) become one contract
//! with no name. Schema 5 adds when each entry last changed, in UTC to the second
//! (`2026-12-04T21:28:54Z`): a tracker entry's `changed`, and `event_dates_changed` (event
//! id to time) for the dates of events; merging two files of one assessment goes by them
//! ([`merge`](crate::file::merge)). An earlier file's entries have no time.
//!
//! A schema 5 file may also hold `tender` (issue 25): the tender the assessment is for,
//! as a tender portal set it (`name`, `reference`, each when there is one; `fixed`, the
//! keys of the answers its Customer set; `own_figures: true` when the bidder worked it out
//! with their own figures instead). It is an optional member, so the schema stays 5: a
//! version of the tool from before it opens such a file as an ordinary assessment, with
//! every answer.
//!
//! This module reads a document and its answers; `document` is what a document is and
//! holds, `tracking` and `contracts` read its other parts, `legacy` what the tab kept
//! before, and `write` writes one.
mod contracts;
mod document;
mod legacy;
mod tender;
mod tracking;
mod write;

pub use document::{
    parse_time, time_text, Changes, Document, DocumentDetails, FORMAT, MAX_BYTES, SCHEMA,
};
pub use legacy::STORAGE_UNREADABLE;
pub use write::{to_json, write};

use tracking::{changed_times, event_dates, marks, tracker};

use crate::assessment::flow::Answers;
use crate::assessment::questions::QuestionId;
use crate::assessment::schedule::Schedule;
use crate::file::link::{from_fragment, parse_stored_value};
use crate::rules_version::RULES_VERSION;
use serde_json::Value;

/// Where a document is read from: it decides how the messages are worded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A file the user chose.
    File,
    /// This tab's sessionStorage.
    Storage,
}

/// A document that opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loaded {
    /// What could be placed.
    pub document: Document,
    /// The page the user was on, as the UI's page key (kept in sessionStorage only).
    pub page: Option<String>,
    /// Things to know that did not stop it opening (another rules version, an earlier
    /// schema, a question still to answer).
    pub notes: Vec<String>,
    /// The parts left out, each named in words.
    pub skipped: Vec<String>,
    origin: Origin,
}

impl Loaded {
    /// Everything to tell the user, as one message; `None` when there is nothing to say.
    pub fn message(&self) -> Option<String> {
        let mut parts = self.notes.clone();
        if !self.skipped.is_empty() {
            let n = self.skipped.len();
            let what = if n == 1 {
                "one part could not be used and was left out".to_string()
            } else {
                format!("{n} parts could not be used and were left out")
            };
            let lead = match self.origin {
                Origin::File => "The file opened, but",
                Origin::Storage => "Your earlier answers were restored, but",
            };
            parts.push(format!(
                "{lead} {what}: {}. Everything else was kept.",
                self.skipped.join("; ")
            ));
        }
        (!parts.is_empty()).then(|| parts.join(" "))
    }
}

/// Reads a file the user chose; if it cannot be opened at all, why, in plain words.
pub fn from_json(text: &str) -> Result<Loaded, Vec<String>> {
    read(text, Origin::File)
}

/// Reads what sessionStorage holds: the document, or what the tool kept there before it
/// kept the document (`smx1` and `smx2` lines), so nothing is lost across an update.
pub fn from_storage(text: &str) -> Result<Loaded, Vec<String>> {
    match legacy::storage_document(text) {
        Some(doc) => read_document(&doc.map_err(|e| vec![e])?, Origin::Storage),
        None => read(text, Origin::Storage).map_err(|_| vec![STORAGE_UNREADABLE.into()]),
    }
}

fn read(text: &str, origin: Origin) -> Result<Loaded, Vec<String>> {
    if text.trim().is_empty() {
        return Err(vec!["The file is empty.".into()]);
    }
    if text.len() > MAX_BYTES {
        return Err(vec![
            "The file is too large to be a saved assessment from this tool.".into(),
        ]);
    }
    // Read as a JSON value first, and each member from it: a member of the wrong shape is
    // then one part left out, not a refused file. serde_json keeps the last of duplicate
    // keys (as the browser's JSON.parse does) and refuses nesting deeper than 128.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let doc: Value = serde_json::from_str(text).map_err(|e| {
        vec![format!("The file is not a JSON file: it could not be read past line {}, column {}. Choose a file saved by this tool (it ends in .json).", e.line(), e.column())]
    })?;
    read_document(&doc, origin)
}

fn schema_of(doc: &Value) -> Result<u64, String> {
    if !doc.is_object() {
        return Err("The file is JSON, but not a saved assessment from this tool.".into());
    }
    if doc.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(format!("The file is not a saved assessment from this tool: it has no \"format\": \"{FORMAT}\"."));
    }
    let schema = doc
        .get("schema")
        .ok_or(
            "The file does not say which version of the format it uses (\"schema\" is missing).",
        )?
        .as_u64()
        .ok_or("The file's format version (\"schema\") is not a whole number.")?;
    if schema > SCHEMA {
        return Err(format!(
            "The file was saved by a newer version of this tool (format version {schema}; this tool reads up to {SCHEMA}). Open it with the newer version."
        ));
    }
    if schema == 0 {
        return Err("The file's format version is 0, which this tool never wrote.".into());
    }
    Ok(schema)
}

/// The documents' title-page details (`details`, schema 5): each a string of at most
/// [`DETAIL_MAX`] characters; anything else is left out and named.
fn details(v: Option<&Value>, skipped: &mut Vec<String>) -> DocumentDetails {
    let mut out = DocumentDetails::default();
    let Some(v) = v else { return out };
    let Some(map) = v.as_object() else {
        skipped.push("the documents' details (not a list of names and values)".into());
        return out;
    };
    for (key, value) in map {
        let field = match key.as_str() {
            "organisation" => &mut out.organisation,
            "contract" => &mut out.contract,
            "customer" => &mut out.customer,
            _ => {
                skipped.push(format!(
                    "the documents' detail \"{key}\" (not one this tool has)"
                ));
                continue;
            }
        };
        match value.as_str() {
            Some(s) if s.chars().count() <= DETAIL_MAX => *field = s.to_string(),
            _ => skipped.push(format!(
                "the documents' detail \"{key}\" (not a text of at most {DETAIL_MAX} characters)"
            )),
        }
    }
    out
}

/// The longest title-page detail a file may hold, in characters (the page's fields take
/// as many).
pub const DETAIL_MAX: usize = 200;

fn read_document(doc: &Value, origin: Origin) -> Result<Loaded, Vec<String>> {
    let schema = schema_of(doc).map_err(|e| vec![e])?;
    let mut notes = Vec::new();
    if let Some(v) = doc.get("rules_version").and_then(Value::as_str) {
        if v != RULES_VERSION {
            let saved = match origin {
                Origin::File => "This file was saved",
                Origin::Storage => "Your answers were kept",
            };
            notes.push(format!("{saved} with rules version {v}; the rules are now version {RULES_VERSION}. Your answers are unchanged, but check the result again: an obligation or a date may differ."));
        }
    }
    let mut skipped = Vec::new();
    let mut bad = Vec::new();
    let answers = if schema == 1 {
        if origin == Origin::File {
            notes.push("The file was saved by an earlier version of this tool; it has been brought up to date.".into());
        }
        answers_v1(doc, &mut skipped, &mut bad)
    } else {
        let schedule = match doc.get("schedule").and_then(Value::as_str) {
            None => {
                return Err(vec![
                    "The file does not say which schedule was assessed.".into()
                ])
            }
            Some(s) => Schedule::from_id(s).ok_or_else(|| {
                vec![format!(
                    "The file names a schedule this tool does not know: \"{s}\"."
                )]
            })?,
        };
        answers_v2(doc.get("answers"), schedule, &mut skipped, &mut bad)
    };
    let mut answers = answers;
    // (Only schema 4 writes the list; an earlier one never has the member.)
    answers.set_contracts(contracts::contracts(doc.get("contracts"), &mut skipped));
    answers.migrate_totals();
    if let Some(t) = doc.get("tender") {
        let tender = tender::tender(t, &answers, &mut skipped);
        answers.set_tender(tender);
    }
    if schema < 4 {
        // Files before schema 4 may predate the route and hosting questions: like a link
        // without them, the file means "not decided", and its result opens.
        for q in answers.sequence() {
            if matches!(q, QuestionId::Route | QuestionId::Hosting)
                && answers.get(q).is_none()
                && !bad.contains(&q)
            {
                answers.set(q, crate::assessment::flow::Answer::Skipped);
            }
        }
    }
    if origin == Origin::File {
        if let Some(q) = answers.first_unanswered().filter(|q| !bad.contains(q)) {
            notes.push(format!(
                "The file has no answer to \"{}\": answer it to see the result.",
                q.question().label
            ));
        }
    }
    let mut changes = Changes::default();
    let tracker = if schema < 4 {
        marks(doc.get("readiness"), &mut skipped)
    } else {
        tracker(
            doc.get("tracker"),
            schema,
            &mut changes.tracker,
            &mut skipped,
        )
    };
    let event_dates = event_dates(doc.get("event_dates"), &mut skipped);
    if schema >= 5 {
        changes.event_dates = changed_times(
            doc.get("event_dates_changed"),
            crate::duties::EventId::parse,
            |e| event_dates.contains_key(&e),
            &mut skipped,
        );
    }
    let document = Document {
        answers,
        tracker,
        event_dates,
        changes,
        details: details(doc.get("details"), &mut skipped),
    };
    let page = match origin {
        Origin::File => None,
        Origin::Storage => doc.get("page").and_then(Value::as_str).map(String::from),
    };
    Ok(Loaded {
        document,
        page,
        notes,
        skipped,
        origin,
    })
}

fn invalid(q: QuestionId, why: &str) -> String {
    format!("the answer to \"{}\", which {why}", q.question().label)
}

/// Schema 1: the answers as a link fragment.
fn answers_v1(doc: &Value, skipped: &mut Vec<String>, bad: &mut Vec<QuestionId>) -> Answers {
    let fragment = match doc.get("answers") {
        None => "",
        Some(Value::String(s)) => s,
        Some(_) => {
            skipped.push("the answers, which are not in the expected form".into());
            ""
        }
    };
    let link = from_fragment(fragment);
    for key in &link.unknown_keys {
        skipped.push(format!("an answer this tool does not know: \"{key}\""));
    }
    for p in &link.problems {
        skipped.push(format!("\"{}\": {}", p.key, p.message));
    }
    for e in &link.contract_errors {
        skipped.push(format!(
            "other Call-Off Contract {} of the link, which is not complete or not valid ({})",
            e.number,
            e.errors
                .iter()
                .map(|e| e.message.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        ));
    }
    for e in &link.errors {
        bad.push(e.question);
        let why = format!("is not valid ({})", e.message);
        skipped.push(invalid(e.question, &why));
    }
    link.answers
}

/// Schemas 2 and 3: the answers by question key.
fn answers_v2(
    members: Option<&Value>,
    schedule: Schedule,
    skipped: &mut Vec<String>,
    bad: &mut Vec<QuestionId>,
) -> Answers {
    let mut answers = Answers::new(schedule);
    let members = match members {
        None => return answers,
        Some(Value::Object(m)) => m,
        Some(_) => {
            skipped.push("the answers, which are not in the expected form".into());
            return answers;
        }
    };
    for (key, value) in members {
        let Some(q) = QuestionId::from_key(key).filter(|q| q.question().schedule == schedule)
        else {
            skipped.push(format!("an answer this tool does not know: \"{key}\""));
            continue;
        };
        let Some(raw) = value.as_str() else {
            bad.push(q);
            skipped.push(invalid(q, "is not text"));
            continue;
        };
        match parse_stored_value(q, raw) {
            Ok(a) => answers.set(q, a),
            Err(message) => {
                bad.push(q);
                skipped.push(invalid(q, &format!("is not valid ({message})")));
            }
        }
    }
    answers
}
