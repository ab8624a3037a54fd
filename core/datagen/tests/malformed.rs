//! The data compiler refuses malformed obligations data, naming the file and the entry:
//! each test writes a small data file with one fault and reads the error.
use security_matrix_datagen::catalogue::{from_toml, DataError};

/// A TOML basic string; `"`, `\\` and control characters escaped.
fn s(v: &str) -> String {
    let mut out = String::from("\"");
    for c in v.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A TOML array of strings.
fn l(v: &[&str]) -> String {
    let items: Vec<String> = v.iter().map(|x| s(x)).collect();
    format!("[{}]", items.join(", "))
}

/// A `[[section]]` entry from (key, TOML value) pairs.
fn entry(section: &str, fields: &[(&str, String)]) -> String {
    let mut out = format!("[[{section}]]\n");
    for (k, v) in fields {
        out.push_str(&format!("{k} = {v}\n"));
    }
    out
}

fn event(id: &str) -> String {
    entry("event", &[("id", s(id)), ("label", s("something happens"))])
}

fn obligation(id: &str) -> Vec<(&'static str, String)> {
    vec![
        ("id", s(id)),
        ("ref", s("3.2.1(a)")),
        ("title", s("Be certified")),
        ("category", s("Certification")),
        ("levels", l(&["S2"])),
        ("when", l(&["special-category"])),
        ("deadline", s("10 working days after event:thing")),
        (
            "text",
            s("certified and compliant with Cyber Essentials Basic"),
        ),
    ]
}

fn with(id: &str, key: &'static str, value: Option<String>) -> String {
    let mut fields = obligation(id);
    fields.retain(|(k, _)| *k != key);
    if let Some(v) = value {
        fields.push((key, v));
    }
    entry("obligation", &fields)
}

fn df(obligations: Vec<String>) -> String {
    format!("{}\n{}", event("thing"), obligations.join("\n"))
}

fn build(files: &[(&str, &String)]) -> Result<String, DataError> {
    let files: Vec<(&str, &str)> = files.iter().map(|(f, t)| (*f, t.as_str())).collect();
    from_toml(&files)
}

fn error(doc: &String) -> DataError {
    build(&[("df-obligations.toml", doc)]).expect_err("malformed data accepted")
}

fn assert_names(e: &DataError, id: &str, what: &str) {
    assert_eq!(e.file, "df-obligations.toml");
    assert!(e.message.contains(id), "{e:?} does not name {id}");
    assert!(e.message.contains(what), "{e:?} does not say {what}");
}

#[test]
fn well_formed_data_generates_statics() {
    let code = build(&[(
        "df-obligations.toml",
        &df(vec![with("df-ok", "note", None)]),
    )])
    .expect("valid");
    assert!(code.contains(
        "static DF_OBLIGATION_CODES: &[Codes] = &[\n    \
         Codes { category: Category::Certification, levels: 0, when: 0, deadline: \
         Some(DeadlineRule::WorkingDaysAfter { days: 10, anchor: Anchor::Event(EventId::Thing) }) \
         },\n];"
    ));
    assert!(code.contains(
        "static DF_OBLIGATION_TEXT: &str = \"3.2.1(a)\\u{1f}Be certified\\u{1f}\\u{1f}\";"
    ));
    assert!(code.contains(
        "static DF_OBLIGATION_WORDS: &str = \"certified and compliant with Cyber Essentials \
         Basic\\u{1f}\";"
    ));
    // The ids: the events' enum and data ids, the obligations' data ids, and this
    // file's share of each.
    assert!(code.contains("pub enum EventId {\n    /// `thing`\n    Thing,\n}"));
    assert!(code.contains("static EVENT_IDS: [&str; EVENT_COUNT] = [\n    \"thing\",\n];"));
    assert!(
        code.contains("static OBLIGATION_IDS: [&str; OBLIGATION_COUNT] = [\n    \"df-ok\",\n];")
    );
    assert!(code.contains("const DF_EVENTS: ::std::ops::Range<usize> = 0..1;"));
    assert!(code.contains("const DF_OBLIGATIONS: ::std::ops::Range<usize> = 0..1;"));
    assert!(code.contains("static LEVEL_SETS: &[&[Level]] = &[\n    &[Level::S2],\n];"));
    assert!(code.contains(
        "static WHEN_SETS: &[&[Condition]] = &[\n    &[Condition::SpecialCategory],\n];"
    ));
}

#[test]
fn duplicate_id() {
    let e = error(&df(vec![
        with("df-twice", "note", None),
        with("df-twice", "note", None),
    ]));
    assert_names(&e, "df-twice", "duplicate id");
}

/// Each event becomes an `EventId` variant: ids that would name the same one, or none,
/// are refused.
#[test]
fn event_ids_must_name_distinct_variants() {
    let ok = df(vec![with("df-ok", "note", None)]);
    let e = error(&format!("{}{}{ok}", event("step-2"), event("step2")));
    assert_names(
        &e,
        "step2",
        "`EventId::Step2` is taken by the event `step-2`",
    );
    let e = error(&format!("{}{ok}", event("2nd-review")));
    assert_names(&e, "2nd-review", "must start with a letter");
}

#[test]
fn unknown_category_level_and_condition() {
    let e = error(&df(vec![with("df-cat", "category", Some(s("Misc")))]));
    assert_names(&e, "df-cat", "unknown category `Misc`");
    let e = error(&df(vec![with("df-lvl", "levels", Some(l(&["S7"])))]));
    assert_names(&e, "df-lvl", "unknown level `S7`");
    let e = error(&df(vec![with("df-cond", "when", Some(l(&["raining"])))]));
    assert_names(&e, "df-cond", "unknown condition `raining`");
    let e = error(&df(vec![with("df-cond2", "when", Some(l(&["bulk"])))]));
    assert_names(&e, "df-cond2", "does not belong to this schedule");
    let e = error(&df(vec![with(
        "df-both",
        "when",
        Some(l(&["path-a", "path-b"])),
    )]));
    assert_names(&e, "df-both", "can never both hold");
}

#[test]
fn malformed_reference() {
    for bad in [
        "3.2.1(z)",
        "Annex 1, ¶2",
        "3.6, Somewhere, 2nd paragraph",
        "para 3",
    ] {
        let e = error(&df(vec![with("df-ref", "ref", Some(s(bad)))]));
        assert_names(&e, "df-ref", "malformed reference");
    }
}

#[test]
fn missing_fields() {
    for key in ["ref", "title", "category", "levels", "text"] {
        let e = error(&df(vec![with("df-missing", key, None)]));
        assert_names(&e, "df-missing", &format!("missing field `{key}`"));
    }
    let e = error(&df(vec![with("df-x", "id", None)]));
    assert_names(&e, "#1", "missing field `id`");
    let e = error(&df(vec![with("df-empty", "title", Some(s("  ")))]));
    assert_names(&e, "df-empty", "is empty");
}

#[test]
fn bad_deadline_field_and_id() {
    let e = error(&df(vec![with(
        "df-deadline",
        "deadline",
        Some(s("10 working days after event:nothing")),
    )]));
    assert_names(&e, "df-deadline", "no [[event]] with id `nothing`");
    // A rule naming an obligation: it must be in the file with a deadline of its own.
    let e = error(&df(vec![with(
        "df-follows",
        "deadline",
        Some(s("annually after deadline:df-missing")),
    )]));
    assert_names(&e, "df-follows", "no [[obligation]] with id `df-missing`");
    let e = error(&df(vec![
        with("df-first", "deadline", None),
        with(
            "df-copy",
            "deadline",
            Some(s("1 days before each deadline of df-first")),
        ),
    ]));
    assert_names(&e, "df-copy", "`df-first`");
    // A later entry may be named; a deadline that names an obligation may not be.
    build(&[(
        "df-obligations.toml",
        &df(vec![
            with(
                "df-copy",
                "deadline",
                Some(s("1 days before each deadline of df-due")),
            ),
            with("df-due", "deadline", Some(s("6 months after commencement"))),
        ]),
    )])
    .map(|code| {
        // Named by its number in the catalogue, the second.
        assert!(code.contains(
            "deadline: Some(DeadlineRule::DaysBeforeDeadlines { days: 1, of: \
             Ids::Borrowed(&[ObligationId(1)]) }) },"
        ))
    })
    .expect("a later obligation may be named");
    let e = error(&df(vec![
        with("df-due", "deadline", Some(s("6 months after commencement"))),
        with(
            "df-review",
            "deadline",
            Some(s("annually after deadline:df-due")),
        ),
        with(
            "df-chain",
            "deadline",
            Some(s("1 days before each deadline of df-review")),
        ),
    ]));
    assert_names(&e, "df-chain", "names another obligation");
    let e = error(&df(vec![with("df-extra", "colour", Some(s("red")))]));
    assert_names(&e, "df-extra", "unknown field `colour`");
    let e = error(&df(vec![with("DF_Upper", "note", None)]));
    assert_names(&e, "DF_Upper", "[a-z0-9-]+");
    let e = error(&df(vec![with("sm2017-wrong-file", "note", None)]));
    assert_names(&e, "sm2017-wrong-file", "must start with `df-`");
    let e = error(&df(vec![with(
        "df-bookmark",
        "text",
        Some(s("x [bookmark: _Ref1]y")),
    )]));
    assert_names(&e, "df-bookmark", "bookmark");
    let e = error(&df(vec![with(
        "df-separator",
        "title",
        Some(s("a\u{1f}b")),
    )]));
    assert_names(&e, "df-separator", "`title` must not contain");
    let e = error(&df(vec![with(
        "df-separator-words",
        "text",
        Some(s("a\u{1f}b")),
    )]));
    assert_names(&e, "df-separator-words", "`text` must not contain");
    let e = error(&df(vec![with("df-type", "title", Some("3".to_string()))]));
    assert_names(
        &e,
        "df-type",
        "invalid type: integer `3`, expected a string",
    );
}

#[test]
fn serde_errors_name_the_line_and_the_entry() {
    // The event takes lines 1-3, then a blank line; the first obligation's header is
    // line 5 (where serde places a missing field).
    let doc = df(vec![
        entry("obligation", &[("id", s("df-first"))]),
        with("df-extra", "colour", Some(s("red"))),
    ]);
    let e = error(&doc);
    assert_names(
        &e,
        "line 5, [[obligation]] `df-first`",
        "missing field `ref`",
    );
    let doc = df(vec![
        with("df-first", "note", None),
        with("df-extra", "colour", Some(s("red"))),
    ]);
    let e = error(&doc);
    assert_names(
        &e,
        "line 24, [[obligation]] `df-extra`",
        "unknown field `colour`",
    );
    let doc = df(vec![with("df-first", "note", None)]);
    let e = error(&format!("{doc}\n[[obligations]]\nid = \"df-x\"\n"));
    assert_names(&e, "line 15", "unknown field `obligations`");
    assert!(!e.message.contains("df-x"), "{e:?}");
}

#[test]
fn sm2017_rules() {
    let fields = |levels: bool| {
        let mut f = vec![
            ("id", s("sm2017-x")),
            ("ref", s("Annex 1, ¶3")),
            ("title", s("Tell staff")),
            ("category", s("Personnel")),
            ("text", s("must be made aware")),
        ];
        if levels {
            f.push(("levels", l(&["S2"])));
        }
        entry("obligation", &f)
    };
    let e = build(&[("sm2017-obligations.toml", &fields(true))]).unwrap_err();
    assert_eq!(e.file, "sm2017-obligations.toml");
    assert!(e.message.contains("sm2017-x"), "{e:?}");
    assert!(
        e.message.contains("`levels` is for the DF schedule only"),
        "{e:?}"
    );
    // Without levels the obligation is fine, but the own-device verdicts are required.
    let e = build(&[("sm2017-obligations.toml", &fields(false))]).unwrap_err();
    assert!(
        e.message.contains("`not-using-own-devices` is missing"),
        "{e:?}"
    );
}

// ---------------------------------------------------------------------------------------
// plans.toml: the plans' quotes are text of the schedules, their duty ids exist.

mod plans {
    use security_matrix_datagen::plans::{from_toml, Sources};
    use std::collections::BTreeSet;

    const DF_SOURCE: &str = "3.6.7 [bookmark: _Ref1]The Information Security Management Plan shall: \n\
        comply with ISO/IEC 27001 or such alterative security accreditation\n   confirmed in Paragraphs 3.6.1;\n\
        the Supplier shall amend it within ten (10) Working Days of a notice of non-approval.\n\
        no longer than fifteen (15) Working Days from the date of its first submission.\n";
    const SM_SOURCE: &str = "3.3 The Security Management Plan shall:\n";

    fn ids() -> BTreeSet<String> {
        [
            "df-submit",
            "df-amend",
            "df-approve",
            "df-content",
            "sm2017-3-3-1",
        ]
        .into_iter()
        .map(String::from)
        .collect()
    }

    /// A plan with one requirement; `edit` replaces a line that starts with its key.
    fn plan(edit: &[(&str, &str)]) -> String {
        let lines = [
            "[[plan]]",
            "id = \"df-s6\"",
            "schedule = \"df\"",
            "level = \"S6\"",
            "name = \"Information Security Management Plan\"",
            "purpose = { ref = \"3.6.7\", quote = \"The Information Security Management Plan shall:\" }",
            "submission = [\"df-submit\"]",
            "approval = { ref = \"3.6.8\", amend_days = 10, amend = \"shall amend it within ten (10) Working Days\", amend_duty = \"df-amend\", approve_days = 15, approve = \"no longer than fifteen (15) Working Days\", approve_duty = \"df-approve\" }",
            "review = []",
            "[[plan.requirement]]",
            "ref = \"3.6.7(a)\"",
            "title = \"ISO/IEC 27001\"",
            // Whitespace differs from the source's (a line break and spaces): it still matches.
            "quote = \"comply with ISO/IEC 27001 or such alterative security accreditation confirmed in Paragraphs 3.6.1;\"",
            "plain = \"Meet ISO/IEC 27001.\"",
            "duties = [\"df-content\"]",
        ];
        lines
            .iter()
            .map(|line| {
                edit.iter()
                    .find(|(key, _)| line.starts_with(&format!("{key} =")))
                    .map_or(line.to_string(), |(key, value)| format!("{key} = {value}"))
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn check(text: &str) -> Result<String, String> {
        let sources = Sources {
            df: DF_SOURCE,
            sm2017: SM_SOURCE,
        };
        from_toml(text, &sources, &ids()).map_err(|e| {
            assert_eq!(e.file, "plans.toml");
            e.message
        })
    }

    #[test]
    fn well_formed_plans_generate_statics() {
        let code = check(&plan(&[])).expect("valid");
        assert!(
            code.contains("pub static PLANS: &[PlanSpec] = &["),
            "{code}"
        );
        assert!(code.contains(
            "Requirement { text: Quoted { reference: \"3.6.7(a)\", quote: \"comply with ISO/IEC 27001 or such alterative security accreditation confirmed in Paragraphs 3.6.1;\" }, title: \"ISO/IEC 27001\", plain: \"Meet ISO/IEC 27001.\", duties: &[\"df-content\"] }"
        ), "{code}");
        assert!(code.contains("level: Some(Level::S6)"));
    }

    /// Each fault, and what the message must say.
    #[test]
    fn malformed_plans_are_refused() {
        let cases: [(&[(&str, &str)], &str); 10] = [
            // A quote that is not the schedule's text (one word changed).
            (
                &[("quote", "\"comply with ISO/IEC 27001 or any alternative security accreditation confirmed in Paragraphs 3.6.1;\"")],
                "is not text of the schedule",
            ),
            // Words of the other schedule.
            (
                &[("purpose", "{ ref = \"3.6.7\", quote = \"The Security Management Plan shall:\" }")],
                "purpose: the quote \"The Security Management Plan shall:",
            ),
            (&[("duties", "[\"df-no-such-duty\"]")], "unknown duty id `df-no-such-duty`"),
            // A duty of the other schedule.
            (&[("duties", "[\"sm2017-3-3-1\"]")], "unknown duty id `sm2017-3-3-1`"),
            (&[("submission", "[\"df-gone\"]")], "submission: unknown duty id `df-gone`"),
            (&[("review", "[\"df-content\", \"df-content\"]")], "listed twice"),
            (
                &[("approval", "{ ref = \"3.6.8\", amend_days = 5, amend = \"shall amend it within ten (10) Working Days\", amend_duty = \"df-amend\", approve_days = 15, approve = \"no longer than fifteen (15) Working Days\", approve_duty = \"df-approve\" }")],
                "does not say \"(5) Working Days\"",
            ),
            (&[("ref", "\"3.6.7a\"")], "malformed reference `3.6.7a`"),
            (&[("level", "\"S7\"")], "unknown level `S7`"),
            (&[("plain", "\"  \"")], "plain` is empty"),
        ];
        for (edit, want) in cases {
            let message = check(&plan(edit)).expect_err("malformed plans accepted");
            assert!(
                message.contains(want),
                "{edit:?}: {message:?} does not say {want:?}"
            );
            assert!(
                message.contains("[[plan]] `df-s6`") || message.contains("S7"),
                "{message}"
            );
        }
        // Unknown fields are refused, naming them.
        let message = check(&format!("{}\nextra = 1", plan(&[]))).expect_err("unknown field");
        assert!(message.contains("extra"), "{message}");
    }
}
