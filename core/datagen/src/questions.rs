//! Generates `$OUT_DIR/questions.rs` from `data/questions.toml`.
use crate::util::{fail, lit, read};
use serde::Deserialize;
use std::fmt::Write as _;
use std::path::Path;

const FILE: &str = "questions.toml";

/// The ids the flow logic knows, with their Rust variant names and kinds.
const KNOWN: [(&str, &str, &str); 18] = [
    ("subjects", "Subjects", "count"),
    ("special", "Special", "count"),
    ("professional", "Professional", "yesno"),
    ("value", "Value", "money"),
    ("months", "Months", "months"),
    ("access", "Access", "yesno"),
    ("other", "Other", "yesno"),
    ("other_subjects", "OtherSubjects", "count"),
    ("other_special", "OtherSpecial", "count"),
    ("current_level", "CurrentLevel", "choice"),
    ("commencement", "Commencement", "date"),
    ("route", "Route", "choice"),
    ("hosting", "Hosting", "choice"),
    ("effective", "Effective", "date"),
    ("own_devices", "OwnDevices", "yesno"),
    ("marking", "Marking", "choice"),
    ("bulk", "Bulk", "yesno"),
    ("long_term", "LongTerm", "yesno"),
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    question: Vec<Question>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Question {
    id: String,
    schedule: String,
    kind: String,
    heading: String,
    hint: String,
    label: String,
    noun: String,
    #[serde(default)]
    optional: bool,
    #[serde(default)]
    options: Vec<Choice>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Choice {
    value: String,
    label: String,
}

pub fn generate(data: &Path, out: &Path) {
    let parsed: File = toml::from_str(&read(data, FILE)).unwrap_or_else(|e| fail(FILE, e));
    let mut code = String::from(
        "/// Every question, in asking order.\npub static QUESTIONS: &[Question] = &[\n",
    );
    for (id, _, _) in KNOWN {
        if !parsed.question.iter().any(|q| q.id == id) {
            fail(FILE, format!("question {id:?} is missing"));
        }
    }
    for q in &parsed.question {
        let Some((_, variant, kind)) = KNOWN.iter().find(|(id, _, _)| *id == q.id) else {
            fail(FILE, format!("unknown question id {:?}", q.id));
        };
        if q.kind != *kind {
            fail(FILE, format!("question {:?} must have kind {kind:?}", q.id));
        }
        let schedule = match q.schedule.as_str() {
            "df" => "Df",
            "sm2017" => "Sm2017",
            other => fail(
                FILE,
                format!("question {:?}: unknown schedule {other:?}", q.id),
            ),
        };
        if (q.kind == "choice") == q.options.is_empty() {
            fail(
                FILE,
                format!("question {:?}: options go with kind \"choice\" only", q.id),
            );
        }
        for field in [&q.heading, &q.hint, &q.label, &q.noun] {
            if field.trim().is_empty() {
                fail(FILE, format!("question {:?} has an empty text", q.id));
            }
        }
        let options: Vec<String> = q
            .options
            .iter()
            .map(|o| {
                format!(
                    "QuestionOption {{ value: {}, label: {} }}",
                    lit(&o.value),
                    lit(&o.label)
                )
            })
            .collect();
        let kind_variant = match q.kind.as_str() {
            "count" => "Count",
            "money" => "Money",
            "months" => "Months",
            "yesno" => "YesNo",
            "choice" => "Choice",
            _ => "Date",
        };
        writeln!(
            code,
            "    Question {{ id: QuestionId::{variant}, schedule: QuestionSchedule::{schedule}, kind: QuestionKind::{kind_variant}, heading: {}, hint: {}, label: {}, noun: {}, optional: {}, options: &[{}] }},",
            lit(&q.heading),
            lit(&q.hint),
            lit(&q.label),
            lit(&q.noun),
            q.optional,
            options.join(", ")
        )
        .unwrap();
    }
    code.push_str("];\n");
    std::fs::write(out.join("questions.rs"), code).expect("write questions.rs");
}
