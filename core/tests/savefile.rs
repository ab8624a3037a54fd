//! The saved assessment: every file this tool has written opens (fixtures in `fixtures/`),
//! parts that cannot be placed are left out and named, and sessionStorage keeps the same
//! document (older storage still restores).
use chrono::NaiveDate;
use security_matrix_core::assessment::flow::{Answer, Answers};
use security_matrix_core::assessment::questions::QuestionId;
use security_matrix_core::dates::plan::EventDates;
use security_matrix_core::duties::obligations;
use security_matrix_core::file::link::from_fragment;
use security_matrix_core::file::savefile::{
    from_json, from_storage, to_json, write, Document, DocumentDetails, DETAIL_MAX, FORMAT, SCHEMA,
    STORAGE_UNREADABLE,
};
use security_matrix_core::file::tracker::{Status, Track, Tracker};
use security_matrix_core::{Contract, EventId, Level, ObligationId, Schedule, RULES_VERSION};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn s6_answers() -> Answers {
    from_fragment("schedule=df&subjects=2000&special=0&value=200000&months=18&access=no&other_subjects=1000&other_special=0&current_level=S3&commencement=2027-01-04").answers
}

/// The S6 answers of the files saved before schema 4: without route and hosting, which
/// read as "not decided" (skipped), as in a link without them.
fn s6_file_answers() -> Answers {
    let mut a = s6_answers();
    a.set(QuestionId::Route, Answer::Skipped);
    a.set(QuestionId::Hosting, Answer::Skipped);
    a
}

fn sm_answers() -> Answers {
    from_fragment(
        "schedule=sm2017&effective=2026-12-14&own_devices=yes&marking=official-sensitive&bulk=no",
    )
    .answers
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Marks by the obligations' data ids.
fn marks(pairs: &[(&str, Status)]) -> Tracker {
    let mut m = Tracker::new();
    for (id, r) in pairs {
        m.insert(ObligationId::parse(id).unwrap(), (*r).into());
    }
    m
}

/// Dates by the events' data ids.
fn dates(pairs: &[(&str, NaiveDate)]) -> EventDates {
    let mut m = EventDates::new();
    for (id, d) in pairs {
        m.insert(EventId::parse(id).unwrap(), *d);
    }
    m
}

/// The data-loss bug of issue 16: a DF result marked, then a 2017 link opened and finished
/// and saved. The file kept the DF mark and was refused on opening.
#[test]
fn the_issue_16_file_opens_with_every_mark() {
    let loaded = from_json(&fixture("schema2-bug-sm2017-with-df-mark.json"))
        .expect("a file this tool wrote opens");
    assert_eq!(loaded.skipped, Vec::<String>::new());
    assert_eq!(loaded.document.answers, sm_answers());
    assert_eq!(
        loaded.document.tracker,
        marks(&[
            ("df-2-7", Status::NotStarted),
            ("sm2017-2-3", Status::InPlace)
        ])
    );
}

#[test]
fn every_file_this_tool_has_written_opens() {
    let mut s6_decided = s6_file_answers();
    s6_decided.set(QuestionId::Route, Answer::Choice("b"));
    s6_decided.set(QuestionId::Hosting, Answer::Choice("unsure"));
    // Schema 4 lists the other contracts (earlier schemas: one contract with no name).
    s6_decided.set_contracts(vec![
        Contract {
            name: "Prison health <b>& \"PH-2\"".into(),
            customer: "HMPPS".into(),
            subjects: 600,
            special: 0,
            level: Some(Level::S3),
        },
        Contract {
            name: String::new(),
            customer: "=Legal Aid Agency".into(),
            subjects: 400,
            special: 0,
            level: None,
        },
    ]);
    let mut tracked = marks(&[
        ("df-2-7", Status::InPlace),
        ("sm2017-2-3", Status::NotStarted),
    ]);
    tracked.insert(
        ObligationId::parse("df-2-7").unwrap(),
        Track {
            status: Some(Status::InPlace),
            owner: "Priya Shah, IT lead".into(),
            note: "ISO/IEC 27001 certificate no. 12345 \u{2014} valid to 31 March 2028; copy in the bid folder.\nSecond line: <img src=x onerror=alert(1)> & \"quotes\"".into(),
        },
    );
    tracked.insert(
        ObligationId::parse("df-3-6-5").unwrap(),
        Track {
            owner: "=cmd|' /C calc'!A0".into(),
            ..Track::default()
        },
    );
    let expected: [(&str, Answers, Tracker, EventDates); 6] = [
        (
            "schema1-df.json",
            from_fragment("schedule=df&subjects=50&special=0&value=1000&months=6&access=no")
                .answers,
            Tracker::new(),
            EventDates::new(),
        ),
        (
            "schema2-df.json",
            s6_file_answers(),
            marks(&[
                ("df-2-7", Status::InPlace),
                ("df-3-6-5", Status::InProgress),
            ]),
            EventDates::new(),
        ),
        (
            "schema2-sm2017.json",
            sm_answers(),
            marks(&[("sm2017-2-3", Status::NotStarted)]),
            EventDates::new(),
        ),
        (
            "schema2-bug-sm2017-with-df-mark.json",
            sm_answers(),
            marks(&[
                ("df-2-7", Status::NotStarted),
                ("sm2017-2-3", Status::InPlace),
            ]),
            EventDates::new(),
        ),
        (
            "schema3-df.json",
            s6_file_answers(),
            marks(&[
                ("df-2-7", Status::InPlace),
                ("sm2017-2-3", Status::NotStarted),
            ]),
            dates(&[
                ("ismp-non-approval", date(2027, 3, 1)),
                ("smp-submission", date(2026, 12, 1)),
            ]),
        ),
        (
            "schema4-df.json",
            s6_decided,
            tracked,
            dates(&[
                ("ismp-non-approval", date(2027, 3, 1)),
                ("smp-submission", date(2026, 12, 1)),
            ]),
        ),
    ];
    for (name, answers, readiness, event_dates) in expected {
        let loaded = from_json(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert!(loaded.skipped.is_empty(), "{name}: {:?}", loaded.skipped);
        // The 2017 files predate the long-term question (CIO ¶4, asked with own computers
        // and OFFICIAL-SENSITIVE data): every answer opens, and that question comes next;
        // the S6 files before schema 4 may predate the certification route (S3–S6) and
        // hosting (S5–S6), which then read as "not decided", as a link without them does.
        let next = name.contains("sm2017").then_some(QuestionId::LongTerm);
        assert_eq!(loaded.document.answers.first_unanswered(), next, "{name}");
        let want = Document {
            answers,
            tracker: readiness,
            event_dates,
            ..Document::default()
        };
        assert_eq!(loaded.document, want, "{name}");
        assert_eq!(loaded.page, None, "a file carries no page");
    }
}

#[test]
fn the_writer_writes_schema_5_as_the_fixture_shows() {
    let doc = from_json(&fixture("schema5-df.json")).unwrap().document;
    let written = to_json(&doc);
    let fixture = fixture("schema5-df.json");
    let saved_with = fixture
        .lines()
        .find_map(|l| l.trim().strip_prefix("\"rules_version\": "))
        .unwrap();
    assert_eq!(
        written.replace(&format!("\"{RULES_VERSION}\","), saved_with),
        fixture,
        "a change to what is written needs a new schema and a new fixture"
    );
    assert_eq!(SCHEMA, 5);
}

/// Schema 5 says when each entry changed; the schema-4 file of the same entries has none.
#[test]
fn schema_5_keeps_when_each_entry_changed() {
    let v5 = from_json(&fixture("schema5-df.json")).unwrap();
    assert!(v5.skipped.is_empty(), "{:?}", v5.skipped);
    let v4 = from_json(&fixture("schema4-df.json")).unwrap().document;
    let doc = v5.document;
    assert_eq!(
        (&doc.tracker, &doc.event_dates),
        (&v4.tracker, &v4.event_dates)
    );
    assert_eq!(v4.changes, Default::default());
    let time = |s: &str| security_matrix_core::file::savefile::parse_time(s).unwrap();
    let df27 = ObligationId::parse("df-2-7").unwrap();
    assert_eq!(
        doc.changes.tracker.get(&df27),
        Some(&time("2026-12-04T09:15:30Z"))
    );
    assert_eq!(doc.changes.tracker.len(), 2);
    let event = EventId::parse("ismp-non-approval").unwrap();
    assert_eq!(
        doc.changes.event_dates.get(&event),
        Some(&time("2026-12-03T16:40:00Z"))
    );
    assert_eq!(doc.changes.event_dates.len(), 1);
    // A time that is not one is left out and named; the entry is kept.
    let bad = fixture("schema5-df.json").replace("2026-12-04T09:15:30Z", "yesterday");
    let loaded = from_json(&bad).unwrap();
    assert_eq!(loaded.document.tracker, doc.tracker);
    assert_eq!(loaded.document.changes.tracker.get(&df27), None);
    assert!(
        loaded.skipped[0].contains("\"df-2-7\" last changed"),
        "{:?}",
        loaded.skipped
    );
    for wrong in [
        "2026-12-04 09:15:30Z",
        "2026-12-04T9:15:30Z",
        "2026-13-04T09:15:30Z",
        "2026-12-04T24:00:00Z",
        "2026-12-04T09:15:30",
    ] {
        assert_eq!(
            security_matrix_core::file::savefile::parse_time(wrong),
            None,
            "{wrong}"
        );
    }
}

/// Marks and dates are written by data id in string order, as files have always been
/// ("df-10…" before "df-2…"), not in catalogue order.
#[test]
fn marks_and_dates_are_written_in_data_id_order() {
    let readiness: Tracker = Schedule::ALL
        .into_iter()
        .flat_map(obligations)
        .map(|o| (o.id, Status::NotStarted.into()))
        .collect();
    let event_dates: EventDates = EventId::ALL
        .into_iter()
        .map(|e| (e, date(2027, 1, 1)))
        .collect();
    let text = to_json(&Document {
        answers: s6_answers(),
        tracker: readiness.clone(),
        event_dates: event_dates.clone(),
        ..Document::default()
    });
    let mut ids: Vec<String> = readiness.iter().map(|(id, _)| id.to_string()).collect();
    ids.extend(event_dates.iter().map(|(e, _)| e.to_string()));
    let at = |id: &String| text.find(&format!("\"{id}\": ")).unwrap();
    let (marks, events) = ids.split_at_mut(readiness.len());
    for list in [marks, events] {
        list.sort();
        let in_file: Vec<usize> = list.iter().map(at).collect();
        assert!(in_file.windows(2).all(|w| w[0] < w[1]), "{list:?}");
    }
}

#[test]
fn save_then_open_gives_the_same_document() {
    // Every kind of answer, an answer kept for a question that no longer applies, marks
    // and event dates of both schedules.
    let mut answers = s6_answers();
    answers.set(QuestionId::Commencement, Answer::Skipped);
    answers.set(QuestionId::Professional, Answer::YesNo(false));
    let doc = Document {
        answers,
        tracker: marks(&[
            ("df-3-6-5", Status::InProgress),
            ("df-2-7", Status::InPlace),
            ("sm2017-2-3", Status::NotStarted),
        ]),
        event_dates: dates(&[
            ("ismp-submission", date(2027, 2, 1)),
            ("authority-request", date(2026, 12, 24)),
        ]),
        ..Document::default()
    };
    let text = to_json(&doc);
    assert!(text.contains(&format!("\"format\": \"{FORMAT}\"")));
    assert!(text.contains(&format!("\"rules_version\": \"{RULES_VERSION}\"")));
    assert!(text.contains("\"ismp-submission\": \"2027-02-01\""));
    let loaded = from_json(&text).expect("opens");
    assert_eq!(loaded.document, doc);
    assert_eq!((loaded.notes.len(), loaded.skipped.len()), (0, 0));
    assert_eq!(loaded.message(), None);
    let sm = Document {
        answers: sm_answers(),
        ..Document::default()
    };
    assert_eq!(from_json(&to_json(&sm)).unwrap().document, sm);
}

#[test]
fn storage_keeps_the_same_document_and_the_page() {
    let doc = Document {
        answers: from_fragment("schedule=df&subjects=12").answers,
        tracker: marks(&[("df-2-7", Status::NotStarted)]),
        event_dates: dates(&[("security-event-awareness", date(2027, 5, 6))]),
        ..Document::default()
    };
    let stored = write(&doc, Some("q:special"));
    assert_eq!(
        stored.replace(",\n  \"page\": \"q:special\"", ""),
        to_json(&doc),
        "sessionStorage keeps the save file's document plus the page"
    );
    let loaded = from_storage(&stored).unwrap();
    assert_eq!(loaded.document, doc);
    assert_eq!(loaded.page.as_deref(), Some("q:special"));
    assert_eq!(
        loaded.message(),
        None,
        "answers still to give are no news in the tab"
    );
    assert_eq!(from_json(&stored).unwrap().page, None);
}

#[test]
fn older_storage_is_restored() {
    let v2 = from_storage(&fixture("storage-smx2.txt")).expect("smx2 restores");
    assert_eq!(v2.document.answers, s6_file_answers());
    assert_eq!(
        v2.document.tracker,
        marks(&[
            ("df-2-7", Status::NotStarted),
            ("df-3-6-5", Status::InPlace)
        ])
    );
    assert_eq!((v2.page.as_deref(), v2.message()), (Some("result"), None));
    let v1 = from_storage(&fixture("storage-smx1.txt")).expect("smx1 restores");
    assert_eq!(
        v1.document.answers,
        from_fragment("schedule=sm2017&own_devices=no").answers
    );
    assert!(v1.document.tracker.is_empty());
    // A part that no longer fits is left out and named; the rest is restored.
    let changed =
        from_storage("smx2\nschedule=df&subjects=12&gone=1\nq:special\nxx-1=in-place").unwrap();
    let mut twelve = Answers::new(Schedule::Df);
    twelve.set(QuestionId::Subjects, Answer::Number(12));
    assert_eq!(changed.document.answers, twelve);
    assert_eq!(changed.page.as_deref(), Some("q:special"));
    let message = changed.message().unwrap();
    assert!(
        message.starts_with("Your earlier answers were restored, but 2 parts"),
        "{message}"
    );
    assert!(message.contains("\"gone\"") && message.contains("\"xx-1\""));
    for (junk, expected) in [
        ("smx0\nschedule=df\nstart", "older version"),
        ("smx1\n%%%\nresult", STORAGE_UNREADABLE),
        ("{\"format\": 1", STORAGE_UNREADABLE),
        ("schedule=df&subjects=3", STORAGE_UNREADABLE),
    ] {
        let problems = from_storage(junk).expect_err(junk);
        assert!(
            problems.join(" ").contains(expected),
            "{junk}: {problems:?}"
        );
    }
}

/// Each part the reader cannot place is left out with its own words, and the rest opens.
#[test]
fn a_part_that_cannot_be_placed_is_left_out_and_named() {
    let good = to_json(&Document {
        answers: s6_answers(),
        tracker: marks(&[("df-2-7", Status::InPlace)]),
        event_dates: dates(&[("ismp-submission", date(2027, 2, 1))]),
        ..Document::default()
    });
    let with = |from: &str, to: &str| {
        assert!(good.contains(from), "{from}");
        good.replace(from, to)
    };
    let cases = [
        (
            with("\"subjects\": \"2000\"", "\"subjects\": \"-2\""),
            "the answer to \"Data subjects in this contract\", which is not valid (Data subjects in this contract must be 0 or more)",
        ),
        (
            with("\"subjects\": \"2000\"", "\"colour\": \"blue\""),
            "an answer this tool does not know: \"colour\"",
        ),
        (
            with("\"subjects\": \"2000\"", "\"effective\": \"2027-01-01\""),
            "an answer this tool does not know: \"effective\"",
        ),
        (
            with("\"subjects\": \"2000\"", "\"subjects\": 2000"),
            "the answer to \"Data subjects in this contract\", which is not text",
        ),
        (
            with("\"status\": \"in-place\"", "\"status\": \"done\""),
            "the status of \"df-2-7\", which must be \"not-started\", \"in-progress\" or \"in-place\"",
        ),
        (
            with("\"df-2-7\": {", "\"nope\": {"),
            "the status, owner or note of an obligation this tool does not know: \"nope\"",
        ),
        (
            with("\"ismp-submission\": \"2027-02-01\"", "\"launch\": \"2027-02-01\""),
            "a date for an event this tool does not know: \"launch\"",
        ),
        (
            with("\"2027-02-01\"", "\"1 Feb\""),
            "the date entered for \"the date you first submit the Information Security Management Plan to the Customer\", which is not a date written as YYYY-MM-DD",
        ),
        (
            with("\"tracker\": {", "\"tracker\": [], \"x\": {"),
            "the status, owners and notes, which are not in the expected form",
        ),
    ];
    for (text, expected) in &cases {
        let loaded = from_json(text).unwrap_or_else(|e| panic!("{expected}: refused: {e:?}"));
        assert_eq!(loaded.skipped, [expected.to_string()], "{text}");
        let message = loaded.message().unwrap();
        assert!(
            message.contains("The file opened, but one part could not be used and was left out: ")
                && message.contains(expected),
            "{message}"
        );
        // Everything else opened: the answers other than subjects, and the mark or the date
        // that was not the broken one.
        assert_eq!(
            loaded.document.answers.get(QuestionId::Value),
            Some(&Answer::Number(200_000))
        );
        let df_2_7 = ObligationId::parse("df-2-7").unwrap();
        let kept = loaded.document.tracker.get(&df_2_7).is_some()
            || loaded
                .document
                .event_dates
                .get(&EventId::IsmpSubmission)
                .is_some();
        assert!(kept, "{text}");
    }
    // A missing answer is no part left out, but the file says which question to answer.
    let loaded = from_json(&with("\"value\": \"200000\",", "")).unwrap();
    assert_eq!(
        loaded.notes,
        ["The file has no answer to \"Value of the services\": answer it to see the result."]
    );
    assert_eq!(
        loaded.document.answers.first_unanswered(),
        Some(QuestionId::Value)
    );
}

#[test]
fn what_is_not_a_saved_assessment_is_refused_with_its_reason() {
    let good = to_json(&Document {
        answers: s6_answers(),
        ..Document::default()
    });
    let with = |from: &str, to: &str| {
        assert!(good.contains(from), "{from}");
        good.replace(from, to)
    };
    let cases: Vec<(String, &str)> = vec![
        (String::new(), "The file is empty."),
        ("subjects,value\n1,2".into(), "not a JSON file"),
        ("[1, 2]".into(), "JSON, but not a saved assessment"),
        ("{\"hello\": 1}".into(), "has no \"format\""),
        (with("\"schema\": 5,", ""), "\"schema\" is missing"),
        (
            with("\"schema\": 5", "\"schema\": \"two\""),
            "not a whole number",
        ),
        (
            with("\"schema\": 5", "\"schema\": 9"),
            "newer version of this tool (format version 9",
        ),
        (
            with("\"schema\": 5", "\"schema\": 0"),
            "format version is 0",
        ),
        (
            with("\"schedule\": \"df\"", "\"schedule\": \"xx\""),
            "schedule this tool does not know: \"xx\"",
        ),
        (
            with("\"schedule\": \"df\",", ""),
            "does not say which schedule",
        ),
        ("x".repeat(600 * 1024), "too large"),
    ];
    let mut seen = std::collections::BTreeSet::new();
    for (text, expected) in &cases {
        let problems = from_json(text).expect_err(expected);
        let all = problems.join(" | ");
        assert!(all.contains(expected), "{expected:?} not in {all:?}");
        assert!(seen.insert(all.clone()), "two gave the same message: {all}");
    }
}

/// The JSON is read as the browser's `JSON.parse` reads it, where a Rust string can hold it.
#[test]
fn the_json_is_read_as_json_parse_reads_it() {
    let good = to_json(&Document {
        answers: s6_answers(),
        ..Document::default()
    });
    let with = |from: &str, to: &str| {
        assert!(good.contains(from), "{from}");
        good.replace(from, to)
    };
    // Duplicate keys: the last one wins, in the document and in its parts.
    let twice = with("\"schema\": 5,", "\"schema\": 9, \"schema\": 3,").replace(
        "\"subjects\": \"2000\",",
        "\"subjects\": \"1\", \"subjects\": \"2000\",",
    );
    assert_eq!(from_json(&twice).unwrap().document.answers, s6_answers());
    // Escapes: a surrogate pair is one character; `\u+041` is no escape.
    let smiley = with(
        "\"tracker\": {}",
        "\"tracker\": {\"\\ud83d\\ude00\": {\"status\": \"in-place\"}}",
    );
    let loaded = from_json(&smiley).expect("opens");
    assert_eq!(
        loaded.skipped,
        ["the status, owner or note of an obligation this tool does not know: \"\u{1f600}\""]
    );
    for bad in [
        "\"\\u+041\"",
        "\"\\ud83d\"",
        "\"\\u00e\"",
        "[1,]",
        "{\"a\" 1}",
        "01",
    ] {
        let text = with("\"df\"", bad);
        let problems = from_json(&text).expect_err(bad);
        assert!(
            problems[0].contains("not a JSON file"),
            "{bad}: {problems:?}"
        );
    }
    // What a Rust string or an f64 cannot hold is refused: JSON.parse would give a lone
    // surrogate or Infinity.
    let huge = with("\"schema\": 5,", "\"schema\": 5, \"x\": 1e400,");
    assert!(from_json(&huge).unwrap_err()[0].contains("not a JSON file"));
    // A byte order mark before the document is allowed.
    assert!(from_json(&format!("\u{feff}{good}")).is_ok());
}

#[test]
fn an_older_schema_migrates_and_another_rules_version_warns() {
    let loaded = from_json(&fixture("schema1-df.json")).expect("version 1 opens");
    assert_eq!(loaded.document.answers.df().unwrap().subjects, 50);
    assert!(loaded.notes[0].contains("earlier version"));
    let bad_v1 = fixture("schema1-df.json").replace("subjects=50", "subjects=lots&colour=red");
    let loaded = from_json(&bad_v1).unwrap();
    assert_eq!(loaded.skipped.len(), 2, "{:?}", loaded.skipped);
    assert_eq!(
        loaded.document.answers.get(QuestionId::Value),
        Some(&Answer::Number(1000))
    );
    let other_rules = to_json(&Document {
        answers: s6_answers(),
        ..Document::default()
    })
    .replace(RULES_VERSION, "000000000000");
    let loaded = from_json(&other_rules).unwrap();
    assert!(loaded.notes[0].contains("rules version 000000000000"));
    assert_eq!(loaded.document.answers.schedule, Schedule::Df);
}

#[test]
fn the_documents_details_go_through_a_file_and_a_bad_one_is_named() {
    let doc = Document {
        answers: s6_answers(),
        details: DocumentDetails {
            organisation: "Acme \"Secure\" <Ltd>".into(),
            contract: String::new(),
            customer: "HMPPS".into(),
        },
        ..Document::default()
    };
    let text = to_json(&doc);
    assert!(text.contains("\"details\""), "{text}");
    assert!(
        !text.contains("\"contract\""),
        "an empty detail is left out: {text}"
    );
    assert_eq!(from_json(&text).unwrap().document, doc);
    // Without details, no member at all.
    let plain = to_json(&Document {
        answers: s6_answers(),
        ..Document::default()
    });
    assert!(!plain.contains("\"details\""));
    // A detail that is not a short text, or one this tool does not have: left out, named.
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["details"]["customer"] = serde_json::json!(42);
    v["details"]["signature"] = serde_json::json!("x");
    v["details"]["contract"] = serde_json::json!("x".repeat(DETAIL_MAX + 1));
    let loaded = from_json(&v.to_string()).unwrap();
    assert_eq!(
        loaded.document.details.organisation,
        doc.details.organisation
    );
    assert_eq!(loaded.document.details.customer, "");
    assert_eq!(loaded.document.details.contract, "");
    let message = loaded.message().unwrap();
    for part in ["\"customer\"", "\"signature\"", "\"contract\""] {
        assert!(message.contains(part), "{part} in {message}");
    }
}
