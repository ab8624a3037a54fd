//! The shape of an obligations data file, as serde reads it: unknown sections and fields,
//! missing fields and values of the wrong type are refused here. What serde cannot say
//! (vocabularies, references, deadlines, ids…) is checked in `checks.rs`.
//!
//! [`read`] turns a TOML error into a message that names the entry it is in.
use serde::Deserialize;

/// A data file: its arrays of tables, each possibly absent (`checks.rs` requires
/// obligations, and the own-device verdicts in the 2017 file only).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogueFile {
    /// `[[event]]`: what event-anchored deadlines count from.
    #[serde(default)]
    pub event: Vec<Event>,
    /// `[[obligation]]`: the duties, in schedule order.
    #[serde(default)]
    pub obligation: Vec<Obligation>,
    /// `[[not_an_obligation]]`: "shall"/"must" sentences deliberately left out.
    #[serde(default)]
    pub not_an_obligation: Vec<NotAnObligation>,
    /// `[[device_verdict]]`: the CIO own-device verdict texts (2017 file only).
    #[serde(default)]
    pub device_verdict: Vec<DeviceVerdict>,
}

/// `[[event]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Cited by deadlines as `event:<id>`.
    pub id: String,
    /// What the event is, in plain English.
    pub label: String,
}

/// `[[obligation]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Obligation {
    /// `df-…` or `sm2017-…`, unique across both files.
    pub id: String,
    /// The paragraph reference, as cited.
    #[serde(rename = "ref")]
    pub reference: String,
    /// One line, in plain English.
    pub title: String,
    /// A category name, such as `Data handling`.
    pub category: String,
    /// DF only: `S1`…`S6`, or `all`.
    pub levels: Option<Vec<String>>,
    /// Condition ids that must all hold.
    #[serde(default)]
    pub when: Vec<String>,
    /// A rule in the deadline grammar (the `deadline-grammar` crate, `core/grammar/`).
    pub deadline: Option<String>,
    /// The clause's own words.
    pub text: String,
    /// A drafting problem and the reading applied.
    pub note: Option<String>,
}

/// `[[not_an_obligation]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotAnObligation {
    /// The start of the sentence.
    pub start: String,
    /// Why it is not a Supplier obligation.
    pub reason: String,
}

/// `[[device_verdict]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeviceVerdict {
    /// One of the verdict kinds, such as `must-use-moj-facilities`.
    pub kind: String,
    /// One sentence.
    pub headline: String,
    /// Why, in a sentence or two.
    pub explanation: String,
}

/// Reads a data file's text. The error gives the line and, when it lies in an entry,
/// names the entry: "line 12, `[[obligation]]` `df-2-7`: unknown field `colour`, expected
/// one of …".
pub fn read(text: &str) -> Result<CatalogueFile, String> {
    toml::from_str(text).map_err(|e| match e.span() {
        Some(span) => format!("{}: {}", locate(text, span.start), e.message().trim_end()),
        None => e.to_string(),
    })
}

/// "line 12", and the entry around byte `at` if there is one: "line 12, [[obligation]]
/// `df-2-7`" ("[[obligation]] #3 (no `id`)" when the entry has no id).
fn locate(text: &str, at: usize) -> String {
    let at = at.min(text.len());
    let line = text[..at].matches('\n').count() + 1;
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    // A span inside a header line, after its start, is about the section name itself.
    if at > line_start && text[line_start..].starts_with('[') {
        return format!("line {line}");
    }
    // The entry: the last `[[section]]` header at or before `at`.
    let mut header = None;
    let mut offset = 0;
    for l in text.split_inclusive('\n') {
        if offset > at {
            break;
        }
        if l.starts_with('[') {
            header = l.starts_with("[[").then_some(offset);
        }
        offset += l.len();
    }
    let Some(start) = header else {
        return format!("line {line}");
    };
    let rest = &text[start..];
    let (head, body) = rest.split_once('\n').unwrap_or((rest, ""));
    let body = body.find("\n[").map_or(body, |i| &body[..i]);
    let section = head.trim().trim_start_matches("[[").trim_end_matches("]]");
    let index = text[..start]
        .lines()
        .filter(|l| l.trim_end() == head.trim_end())
        .count();
    let key = name_key(section);
    let value = body.lines().find_map(|l| {
        let (k, v) = l.split_once('=')?;
        (k.trim() == key).then(|| v.trim().trim_matches(|c| c == '"' || c == '\''))
    });
    format!(
        "line {line}, {}",
        entry_name(section, index, value.unwrap_or_default())
    )
}

/// The field that names an entry of a section: `id`, or `start`, or `kind`.
fn name_key(section: &str) -> &'static str {
    match section {
        "not_an_obligation" => "start",
        "device_verdict" => "kind",
        _ => "id",
    }
}

/// "[[obligation]] `df-2-7`" from the value of the entry's [`name_key`] field (its
/// first 60 characters), or "[[obligation]] #3 (no `id`)" when that is blank.
pub fn entry_name(section: &str, i: usize, value: &str) -> String {
    if value.trim().is_empty() {
        return format!("[[{section}]] #{} (no `{}`)", i + 1, name_key(section));
    }
    let value: String = value.chars().take(60).collect();
    format!("[[{section}]] `{value}`")
}
