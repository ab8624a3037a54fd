//! Fuzzing the parsers of what users and files bring in: the link fragment, the saved file
//! (and what the tab kept), the number and date parsers. Whatever comes in, none panics and
//! each answers with a value or a message in words. Plus inputs nested far deeper than any
//! file, which must not overflow the stack.
use proptest::prelude::*;
use security_matrix_core::assessment::questions::{
    max_for, number_message, parse_date, parse_number, QuestionKind, QUESTIONS,
};
use security_matrix_core::duties::{events, obligations};
use security_matrix_core::file::link::{from_fragment, parse_value};
use security_matrix_core::file::savefile::{from_json, from_storage, to_json, write, FORMAT};
use security_matrix_core::format::parse_iso_date;
use security_matrix_core::Schedule;

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Any text, weighted towards the characters the parsers treat specially.
fn junk() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9a-zA-Z£%&=+.,_ \\-kmbKMB:/\"\\\\{}\\[\\]\u{a0}\u{212a}\u{2212}]{0,24}",
        Just(String::new()),
    ]
}

/// A key a link or a file might have: a real question key (any case), or junk.
fn key() -> impl Strategy<Value = String> {
    let keys: Vec<String> = QUESTIONS.iter().map(|q| q.id.key().to_string()).collect();
    prop_oneof![
        6 => proptest::sample::select(keys),
        1 => proptest::sample::select(keys_upper()),
        1 => Just("schedule".to_string()),
        1 => junk(),
    ]
}

fn keys_upper() -> Vec<String> {
    QUESTIONS
        .iter()
        .map(|q| q.id.key().to_ascii_uppercase())
        .collect()
}

/// A value a link or a file might carry: plausible ones and junk.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(vec![
            "df", "sm2017", "yes", "no", "skip", "S3", "none", "official", "2027-01-04",
            "2027-02-30", "0", "12", "3000", "45k", "1,500", "-0", "1.5", "%C2%A345%2C000",
            "%+1", "%",
        ])
        .prop_map(String::from),
        1 => (0u64..=u64::MAX).prop_map(|n| n.to_string()),
        1 => junk(),
    ]
}

fn fragment() -> impl Strategy<Value = String> {
    let schedule = proptest::sample::select(vec!["", "schedule=df&", "schedule=sm2017&", "#"]);
    let pairs = proptest::collection::vec((key(), value()), 0..12);
    prop_oneof![
        1 => junk(),
        3 => (schedule, pairs).prop_map(|(schedule, pairs)| {
            let pairs: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
            format!("{schedule}{}", pairs.join("&"))
        }),
    ]
}

/// A JSON value as the fuzzer builds it: an object may repeat a key, and a number is any
/// text the grammar allows (`1e400` too), which a `serde_json::Value` could not hold.
#[derive(Clone, Debug)]
enum Json {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The JSON text, indented as the tool writes files.
    fn write(&self) -> String {
        self.write_at(0)
    }

    fn write_at(&self, indent: usize) -> String {
        let quoted = |s: &str| serde_json::to_string(s).unwrap();
        let pad = "  ".repeat(indent + 1);
        let list = |items: Vec<String>, open: char, close: char| {
            if items.is_empty() {
                format!("{open}{close}")
            } else {
                let end = "  ".repeat(indent);
                format!(
                    "{open}\n{pad}{}\n{end}{close}",
                    items.join(&format!(",\n{pad}"))
                )
            }
        };
        match self {
            Json::Null => "null".into(),
            Json::Bool(b) => b.to_string(),
            Json::Number(n) => n.clone(),
            Json::String(s) => quoted(s),
            Json::Array(items) => list(
                items.iter().map(|v| v.write_at(indent + 1)).collect(),
                '[',
                ']',
            ),
            Json::Object(members) => list(
                (members.iter())
                    .map(|(k, v)| format!("{}: {}", quoted(k), v.write_at(indent + 1)))
                    .collect(),
                '{',
                '}',
            ),
        }
    }
}

/// Any JSON value, mostly small, with keys that are sometimes the file's own.
fn json() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        proptest::sample::select(vec!["0", "3", "-1", "2.5", "1e400", "18446744073709551616"])
            .prop_map(|n| Json::Number(n.into())),
        value().prop_map(Json::String),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Json::Array),
            proptest::collection::vec((member_key(), inner), 0..6).prop_map(Json::Object),
        ]
    })
}

fn member_key() -> impl Strategy<Value = String> {
    let mut names: Vec<String> = [
        "format",
        "schema",
        "rules_version",
        "schedule",
        "answers",
        "readiness",
        "event_dates",
        "page",
    ]
    .map(String::from)
    .to_vec();
    names.extend(
        obligations(Schedule::Df)
            .iter()
            .take(5)
            .map(|o| o.id.to_string()),
    );
    names.extend(
        obligations(Schedule::Sm2017)
            .iter()
            .take(5)
            .map(|o| o.id.to_string()),
    );
    names.extend(
        Schedule::ALL
            .iter()
            .flat_map(|s| events(*s))
            .map(|e| e.id.to_string()),
    );
    prop_oneof![proptest::sample::select(names), key()]
}

/// A document shaped like a saved file, each part right or wrong.
fn document() -> impl Strategy<Value = String> {
    let marks = || {
        proptest::collection::vec(
            (
                member_key(),
                prop_oneof![
                    proptest::sample::select(vec!["in-place", "in-progress", "not-yet"])
                        .prop_map(|s| Json::String(s.into())),
                    json()
                ],
            ),
            0..5,
        )
        .prop_map(Json::Object)
    };
    let answers = prop_oneof![
        3 => proptest::collection::vec((key(), value().prop_map(Json::String)), 0..12)
            .prop_map(Json::Object),
        1 => fragment().prop_map(Json::String),
        1 => json(),
    ];
    let schema = prop_oneof![
        4 => (1u64..=3).prop_map(|n| Json::Number(n.to_string())),
        1 => (0u64..5).prop_map(|n| Json::Number(n.to_string())),
        1 => json()
    ];
    let schedule = prop_oneof![
        4 => proptest::sample::select(vec!["df", "sm2017"]).prop_map(|s| Json::String(s.into())),
        1 => value().prop_map(Json::String),
        1 => json()
    ];
    (
        schema,
        schedule,
        answers,
        prop_oneof![3 => marks(), 1 => json()],
        prop_oneof![3 => marks(), 1 => json()],
        value(),
    )
        .prop_map(|(schema, schedule, answers, readiness, dates, page)| {
            Json::Object(vec![
                ("format".into(), Json::String(FORMAT.into())),
                ("schema".into(), schema),
                ("schedule".into(), schedule),
                ("answers".into(), answers),
                ("readiness".into(), readiness),
                ("event_dates".into(), dates),
                ("page".into(), Json::String(page)),
            ])
            .write()
        })
}

/// What the tab kept before it kept the document, right or wrong.
fn legacy_storage() -> impl Strategy<Value = String> {
    let marks = proptest::collection::vec((member_key(), value()), 0..4).prop_map(|pairs| {
        let pairs: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
        pairs.join("&")
    });
    (
        proptest::sample::select(vec!["smx1", "smx2", "smx2", "smx2", "smx0", "smx"]),
        proptest::sample::select(vec!["schedule=df&", "schedule=sm2017&", "schedule=x&", ""]),
        fragment(),
        junk(),
        prop_oneof![marks, junk()],
    )
        .prop_map(|(v, s, a, p, m)| format!("{v}\n{s}{a}\n{p}\n{m}"))
}

/// Opens `text` as a file and as storage; whatever opens says what it left out, and saves
/// and opens again unchanged with nothing left out.
fn check_reader(text: &str) -> Result<(), TestCaseError> {
    for read in [from_json, from_storage] {
        match read(text) {
            Err(problems) => {
                prop_assert!(!problems.is_empty());
                prop_assert!(problems.iter().all(|p| p.trim().len() > 10), "{problems:?}");
            }
            Ok(loaded) => {
                prop_assert_eq!(
                    loaded.message().is_some(),
                    !(loaded.skipped.is_empty() && loaded.notes.is_empty())
                );
                let again = from_json(&to_json(&loaded.document)).unwrap();
                prop_assert_eq!(&again.document, &loaded.document);
                prop_assert!(again.skipped.is_empty(), "{:?}", again.skipped);
                let stored = from_storage(&write(&loaded.document, Some("result"))).unwrap();
                prop_assert_eq!(stored.document, loaded.document);
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(20_000))]

    #[test]
    fn the_link_parser_takes_anything(f in fragment()) {
        let link = from_fragment(&f);
        for e in &link.errors {
            prop_assert!(!e.message.trim().is_empty());
            prop_assert_eq!(e.question.question().schedule, link.answers.schedule);
        }
        // What it accepted, written as a link, reads back as the same link with no errors.
        let written = link.answers.to_fragment();
        let again = from_fragment(&written);
        prop_assert!(again.errors.is_empty(), "{written}: {:?}", again.errors);
        prop_assert_eq!(again.answers.to_fragment(), written);
    }

    #[test]
    fn every_value_of_every_question_is_an_answer_or_a_message(raw in value()) {
        for q in QUESTIONS {
            if let Err(message) = parse_value(q.id, &raw) {
                prop_assert!(message.len() > 5, "{}: {raw:?}: {message:?}", q.id);
            }
        }
    }

    #[test]
    fn numbers_are_in_range_or_a_message(raw in junk()) {
        for kind in [QuestionKind::Count, QuestionKind::Money, QuestionKind::Months] {
            let q = QUESTIONS.iter().find(|q| q.kind == kind).unwrap();
            match parse_number(&raw, kind) {
                Ok(n) => prop_assert!(n <= max_for(kind)),
                Err(e) => prop_assert!(number_message(q, e).len() > 5),
            }
        }
    }

    #[test]
    fn dates_are_real_or_a_message(d in junk(), m in junk(), y in junk(), iso in junk()) {
        for q in QUESTIONS.iter().filter(|q| q.kind == QuestionKind::Date) {
            if let Err(e) = parse_date(q, &d, &m, &y) {
                prop_assert!(e.message.len() > 5);
            }
        }
        if let Some(date) = parse_iso_date(&iso) {
            prop_assert_eq!(parse_iso_date(&date.to_string()), Some(date));
        }
    }
}

proptest! {
    #![proptest_config(config(5_000))]

    #[test]
    fn the_file_reader_takes_any_text(text in junk()) {
        check_reader(&text)?;
    }

    #[test]
    fn the_file_reader_takes_any_json(v in json()) {
        check_reader(&v.write())?;
    }

    #[test]
    fn the_file_reader_takes_any_file_shaped_document(text in document()) {
        check_reader(&text)?;
    }

    #[test]
    fn older_storage_never_crashes(text in legacy_storage()) {
        check_reader(&text)?;
    }
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    let n = 100_000;
    for text in [
        "[".repeat(n),
        format!("{}{}", "[".repeat(n), "]".repeat(n)),
        "{\"a\":".repeat(n),
        format!(
            "{{\"format\": \"{FORMAT}\", \"schema\": 3, \"schedule\": \"df\", \"answers\": {}}}",
            "[".repeat(n)
        ),
    ] {
        let problems = from_json(&text).expect_err("refused");
        assert!(problems[0].contains("not a JSON file"), "{problems:?}");
        assert!(from_storage(&text).is_err());
        assert!(serde_json::from_str::<serde_json::Value>(&text).is_err());
    }
    // serde_json's limit is 128 levels: a file nested less deeply opens, the part named.
    let nested = |n: usize| {
        format!(
            "{{\"format\": \"{FORMAT}\", \"schema\": 3, \"schedule\": \"df\", \"readiness\": {}1{}}}",
            "[".repeat(n),
            "]".repeat(n)
        )
    };
    let loaded = from_json(&nested(126)).expect("126 levels inside the document open");
    assert_eq!(
        loaded.skipped,
        ["the readiness marks, which are not in the expected form"]
    );
    assert!(from_json(&nested(200)).is_err());
}
