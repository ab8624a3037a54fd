//! Writing the document: the saved file, and sessionStorage's copy with the page.
use super::document::{time_text, Document, FORMAT, SCHEMA};
use crate::assessment::flow::level_value;
use crate::assessment::questions::QUESTIONS;
use crate::rules_version::RULES_VERSION;
use serde::{Serialize, Serializer};

/// Writes the file the user saves.
pub fn to_json(doc: &Document) -> String {
    write(doc, None)
}

/// The document as written (schema 5): these members in this order, each map in the order
/// given (answers in question order, marks and dates by id), indented by two spaces.
#[derive(Serialize)]
struct Written<'a> {
    format: &'static str,
    schema: u64,
    rules_version: &'static str,
    schedule: &'static str,
    #[serde(serialize_with = "in_order")]
    answers: Vec<(&'static str, String)>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    contracts: Vec<WrittenContract<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tender: Option<WrittenTender<'a>>,
    #[serde(serialize_with = "in_order")]
    event_dates: Vec<(&'a str, String)>,
    #[serde(serialize_with = "in_order", skip_serializing_if = "Vec::is_empty")]
    event_dates_changed: Vec<(&'a str, String)>,
    #[serde(serialize_with = "in_order")]
    tracker: Vec<(&'a str, Written4<'a>)>,
    #[serde(skip_serializing_if = "Option::is_none")]
    details: Option<WrittenDetails<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    page: Option<&'a str>,
}

/// The documents' title-page details: only those typed.
#[derive(Serialize)]
struct WrittenDetails<'a> {
    #[serde(skip_serializing_if = "str::is_empty")]
    organisation: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    contract: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    customer: &'a str,
}

/// One other Call-Off Contract (the name only when there is one).
#[derive(Serialize)]
struct WrittenContract<'a> {
    #[serde(skip_serializing_if = "str::is_empty")]
    name: &'a str,
    customer: &'a str,
    subjects: String,
    special: String,
    level: &'static str,
}

/// The tender: its name and reference (when there are), the answers its Customer set,
/// and whether the bidder used their own figures instead.
#[derive(Serialize)]
struct WrittenTender<'a> {
    #[serde(skip_serializing_if = "str::is_empty")]
    name: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    reference: &'a str,
    fixed: Vec<&'static str>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    own_figures: bool,
}

/// One obligation's record: only what the user set.
#[derive(Serialize)]
struct Written4<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<&'static str>,
    #[serde(skip_serializing_if = "str::is_empty")]
    owner: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    note: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    changed: Option<String>,
}

/// Marks and dates by data id, in the order files have always been written (the typed ids
/// run in catalogue order).
fn by_data_id<'a, V>(pairs: impl Iterator<Item = (&'a str, V)>) -> Vec<(&'a str, V)> {
    let mut pairs: Vec<_> = pairs.collect();
    crate::sort::sort_by_key(&mut pairs, |(id, _)| *id);
    pairs
}

/// Writes pairs as a JSON object, keeping their order.
fn in_order<S: Serializer, K: Serialize, V: Serialize>(
    pairs: &[(K, V)],
    s: S,
) -> Result<S::Ok, S::Error> {
    s.collect_map(pairs.iter().map(|(k, v)| (k, v)))
}

/// Writes the document, with the page the user is on for sessionStorage.
pub fn write(doc: &Document, page: Option<&str>) -> String {
    let schedule = doc.answers.schedule;
    let written =
        Written {
            format: FORMAT,
            schema: SCHEMA,
            rules_version: RULES_VERSION,
            schedule: schedule.id(),
            answers: QUESTIONS
                .iter()
                .filter(|q| q.schedule == schedule)
                .filter_map(|q| Some((q.id.key(), doc.answers.get(q.id)?.value_text())))
                .collect(),
            contracts: doc
                .answers
                .contracts()
                .iter()
                .map(|c| WrittenContract {
                    name: &c.name,
                    customer: &c.customer,
                    subjects: c.subjects.to_string(),
                    special: c.special.to_string(),
                    level: level_value(c.level),
                })
                .collect(),
            tender: doc.answers.tender().map(|t| WrittenTender {
                name: &t.name,
                reference: &t.reference,
                fixed: t.fixed.iter().map(|q| q.key()).collect(),
                own_figures: t.own_figures,
            }),
            event_dates: by_data_id(
                doc.event_dates
                    .iter()
                    .map(|(e, d)| (e.as_str(), d.to_string())),
            ),
            event_dates_changed: by_data_id(
                doc.changes
                    .event_dates
                    .iter()
                    .filter(|(e, _)| doc.event_dates.contains_key(e))
                    .map(|(e, t)| (e.as_str(), time_text(*t))),
            ),
            tracker: by_data_id(doc.tracker.iter().filter(|(_, t)| !t.is_empty()).map(
                |(id, t)| {
                    (
                        id.as_str(),
                        Written4 {
                            status: t.status.map(|s| s.key()),
                            owner: &t.owner,
                            note: &t.note,
                            changed: doc.changes.tracker.get(&id).map(|t| time_text(*t)),
                        },
                    )
                },
            )),
            details: (!doc.details.is_empty()).then_some(WrittenDetails {
                organisation: &doc.details.organisation,
                contract: &doc.details.contract,
                customer: &doc.details.customer,
            }),
            page,
        };
    match serde_json::to_string_pretty(&written) {
        Ok(text) => text + "\n",
        // (Not `expect`: it would bring the error's `Debug` into the bundle.)
        Err(_) => unreachable!("strings and whole numbers always serialize"),
    }
}
