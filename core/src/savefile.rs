//! The saved-assessment file: a small JSON document with a schema version, the rules
//! version, the answers and the readiness marks. Opening it explains every problem in
//! words and never half-applies a file.
use crate::catalogue::find;
use crate::flow::{from_fragment, parse_stored_value, Answers};
use crate::json::{parse, Json};
use crate::questions::QuestionId;
use crate::readiness::{Readiness, ReadinessMap};
use crate::{Schedule, RULES_VERSION};

/// The value of the file's `format` member.
pub const FORMAT: &str = "security-matrix-assessment";
/// The current schema version. Version 1 kept the answers as a link fragment.
pub const SCHEMA: u64 = 2;
/// Files larger than this are not ours.
pub const MAX_BYTES: usize = 512 * 1024;

/// A file that opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loaded {
    /// The answers.
    pub answers: Answers,
    /// The readiness marks.
    pub readiness: ReadinessMap,
    /// Things to tell the user that did not stop the file opening.
    pub warnings: Vec<String>,
}

/// Writes the file.
pub fn to_json(answers: &Answers, readiness: &ReadinessMap) -> String {
    let mut given = Vec::new();
    for q in crate::questions::QUESTIONS
        .iter()
        .filter(|q| q.schedule == answers.schedule)
    {
        if let Some(a) = answers.get(q.id) {
            given.push((q.id.key().to_string(), Json::String(a.value_text())));
        }
    }
    let marks = readiness
        .iter()
        .map(|(id, r)| (id.clone(), Json::String(r.key().into())))
        .collect();
    Json::Object(vec![
        ("format".into(), Json::String(FORMAT.into())),
        ("schema".into(), Json::Number(SCHEMA.to_string())),
        ("rules_version".into(), Json::String(RULES_VERSION.into())),
        (
            "schedule".into(),
            Json::String(answers.schedule.id().into()),
        ),
        ("answers".into(), Json::Object(given)),
        ("readiness".into(), Json::Object(marks)),
    ])
    .write()
}

/// Reads a file; on failure, every problem in plain words.
pub fn from_json(text: &str) -> Result<Loaded, Vec<String>> {
    if text.trim().is_empty() {
        return Err(vec!["The file is empty.".into()]);
    }
    if text.len() > MAX_BYTES {
        return Err(vec![
            "The file is too large to be a saved assessment from this tool.".into(),
        ]);
    }
    let doc = parse(text).map_err(|e| {
        vec![format!("The file is not a JSON file: it could not be read past character {}. Choose a file saved by this tool (it ends in .json).", e.at + 1)]
    })?;
    if !matches!(doc, Json::Object(_)) {
        return Err(vec![
            "The file is JSON, but not a saved assessment from this tool.".into(),
        ]);
    }
    if doc.get("format").and_then(Json::as_str) != Some(FORMAT) {
        return Err(vec![format!("The file is not a saved assessment from this tool: it has no \"format\": \"{FORMAT}\".")]);
    }
    let schema = match doc.get("schema") {
        None => {
            return Err(vec![
            "The file does not say which version of the format it uses (\"schema\" is missing)."
                .into(),
        ])
        }
        Some(v) => v.as_u64().ok_or_else(|| {
            vec!["The file's format version (\"schema\") is not a whole number.".to_string()]
        })?,
    };
    if schema > SCHEMA {
        return Err(vec![format!(
            "The file was saved by a newer version of this tool (format version {schema}; this tool reads up to {SCHEMA}). Open it with the newer version."
        )]);
    }
    if schema == 0 {
        return Err(vec![
            "The file's format version is 0, which this tool never wrote.".into(),
        ]);
    }
    let mut warnings = Vec::new();
    match doc.get("rules_version").and_then(Json::as_str) {
        Some(v) if v != RULES_VERSION => warnings.push(format!(
            "This file was saved with rules version {v}; the rules are now version {RULES_VERSION}. Your answers are unchanged, but check the result again: an obligation or a date may differ."
        )),
        _ => {}
    }
    let loaded = if schema == 1 {
        from_v1(&doc)?
    } else {
        from_v2(&doc)?
    };
    Ok(Loaded {
        warnings: [warnings, loaded.warnings].concat(),
        ..loaded
    })
}

/// Version 1 kept the answers as a link fragment and had no readiness marks.
fn from_v1(doc: &Json) -> Result<Loaded, Vec<String>> {
    let Some(fragment) = doc.get("answers").and_then(Json::as_str) else {
        return Err(vec!["The file has no answers.".into()]);
    };
    let link = from_fragment(fragment);
    if !link.errors.is_empty() {
        return Err(link
            .errors
            .iter()
            .map(|e| {
                format!(
                    "The answer to \"{}\" in the file is not valid: {}.",
                    e.question.question().label,
                    e.message
                )
            })
            .collect());
    }
    Ok(Loaded {
        answers: link.answers,
        readiness: ReadinessMap::new(),
        warnings: vec!["The file was saved by an earlier version of this tool; it has been brought up to date.".into()],
    })
}

fn from_v2(doc: &Json) -> Result<Loaded, Vec<String>> {
    let mut problems = Vec::new();
    let schedule = match doc.get("schedule").and_then(Json::as_str) {
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
    let members = match doc.get("answers") {
        None => return Err(vec!["The file has no answers.".into()]),
        Some(Json::Object(m)) => m,
        Some(_) => {
            return Err(vec![
                "The answers in the file are not in the expected form.".into(),
            ])
        }
    };
    let mut answers = Answers::new(schedule);
    for (key, value) in members {
        let Some(q) = QuestionId::from_key(key).filter(|q| q.question().schedule == schedule)
        else {
            problems.push(format!(
                "The file has an answer this tool does not know: \"{key}\"."
            ));
            continue;
        };
        let Some(raw) = value.as_str() else {
            problems.push(format!(
                "The answer to \"{}\" in the file is not text.",
                q.question().label
            ));
            continue;
        };
        match parse_stored_value(q, raw) {
            Ok(a) => answers.set(q, a),
            Err(message) => problems.push(format!(
                "The answer to \"{}\" in the file is not valid: {message}.",
                q.question().label
            )),
        }
    }
    if problems.is_empty() {
        if let Some(q) = answers.first_unanswered() {
            problems.push(format!(
                "The file is missing an answer to \"{}\".",
                q.question().label
            ));
        }
    }
    let mut readiness = ReadinessMap::new();
    match doc.get("readiness") {
        None => {}
        Some(Json::Object(marks)) => {
            for (id, value) in marks {
                let state = value.as_str().and_then(Readiness::from_key);
                match (find(id).filter(|o| o.schedule == schedule), state) {
                    (None, _) => problems.push(format!("The file marks an obligation this tool does not know: \"{id}\".")),
                    (_, None) => problems.push(format!(
                        "The readiness of \"{id}\" in the file must be \"in-place\", \"in-progress\" or \"not-yet\"."
                    )),
                    (Some(_), Some(s)) => {
                        readiness.insert(id.clone(), s);
                    }
                }
            }
        }
        Some(_) => {
            problems.push("The readiness marks in the file are not in the expected form.".into())
        }
    }
    if problems.is_empty() {
        Ok(Loaded {
            answers,
            readiness,
            warnings: Vec::new(),
        })
    } else {
        Err(problems)
    }
}
