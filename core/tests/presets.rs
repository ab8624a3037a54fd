//! Tender presets (issue 25): a portal's link or `data-answers` sets the answers the
//! Customer knows (`fixed`), names the tender (`tender`, `tender_ref`); what cannot be used
//! is reported (one console message naming each key) and its question asked normally.
//! The fixed flags through the flow, the link and the saved file.
use security_matrix_core::assessment::flow::{Answer, Tender};
use security_matrix_core::assessment::questions::QuestionId::{self, *};
use security_matrix_core::file::link::{console_message, from_fragment};
use security_matrix_core::file::savefile::{from_json, from_storage, to_json, write, Document};

const TENDER: &str = "schedule=df&value=450000&months=36&subjects=3000&special=40&professional=no&access=yes&fixed=value,months,subjects,special,professional,access&tender=Prison%20education%20services&tender_ref=MOJ-2027-041";

#[test]
fn the_issues_example_fixes_the_customers_answers_and_asks_the_bidders_side() {
    let l = from_fragment(TENDER);
    assert!(l.problems.is_empty(), "{:?}", l.problems);
    assert!(l.errors.is_empty());
    let a = &l.answers;
    let t = a.tender().expect("a tender");
    assert_eq!(t.name, "Prison education services");
    assert_eq!(t.reference, "MOJ-2027-041");
    assert_eq!(
        t.fixed,
        [Subjects, Special, Professional, Value, Months, Access]
    );
    assert!(!t.own_figures);
    // Straight to "Do you have other Call-Off Contracts?"
    assert_eq!(a.first_unanswered(), Some(Other));
    assert_eq!(a.asked()[0], Other);
    // Back from it goes to the start page: nothing before it is asked.
    assert_eq!(a.previous(Other), None);
    for q in [Subjects, Special, Professional, Value, Months, Access] {
        assert!(a.is_fixed(q), "{q:?}");
    }
    assert!(!a.is_fixed(Other) && !a.is_fixed(Commencement));
    assert_eq!(t.title(), "Prison education services (MOJ-2027-041)");
    assert_eq!(
        t.statement().unwrap(),
        "The Customer set these answers for Prison education services (MOJ-2027-041): data subjects in this contract, special category data subjects in this contract, recipient has a professional duty of confidentiality, value of the services, duration of the services and access to MoJ systems."
    );
}

#[test]
fn the_flow_passes_over_fixed_questions_both_ways() {
    let mut a = from_fragment("schedule=df&subjects=10&special=0&value=1000&fixed=value").answers;
    assert_eq!(a.first_unanswered(), Some(Months));
    // Special is the bidder's here; Value the Customer's: after Special comes Months.
    assert_eq!(a.next_after(Special), Some(Months));
    assert_eq!(a.previous(Months), Some(Special));
    a.set(Months, Answer::Number(6));
    a.set(Access, Answer::YesNo(false));
    a.set(Other, Answer::YesNo(false));
    assert_eq!(a.first_unanswered(), Some(Commencement));
    assert!(!a.asked().contains(&Value));
    assert!(a.sequence().contains(&Value));
}

#[test]
fn every_key_of_a_preset_is_read() {
    // (fragment, the fixed questions, the tender's name, its reference)
    let cases: &[(&str, &[QuestionId], &str, &str)] = &[
        ("schedule=df&value=45k&fixed=value", &[Value], "", ""),
        (
            "schedule=df&access=no&fixed=ACCESS,%20&tender=A",
            &[Access],
            "A",
            "",
        ),
        (
            "schedule=df&commencement=2027-01-04&fixed=commencement",
            &[Commencement],
            "",
            "",
        ),
        ("schedule=df&route=a&fixed=route", &[Route], "", ""),
        ("schedule=df&hosting=no&fixed=hosting", &[Hosting], "", ""),
        ("schedule=df&tender_ref=R1", &[], "", "R1"),
        (
            "schedule=df&tender=%20Plain%20%3Cb%3Etext%3C%2Fb%3E%20",
            &[],
            "Plain <b>text</b>",
            "",
        ),
        (
            "schedule=sm2017&own_devices=yes&marking=official&fixed=own_devices,marking",
            &[OwnDevices, Marking],
            "",
            "",
        ),
        (
            "schedule=df&months=12&months=24&fixed=months,months",
            &[Months],
            "",
            "",
        ),
    ];
    for (fragment, fixed, name, reference) in cases {
        let l = from_fragment(fragment);
        assert!(l.problems.is_empty(), "{fragment}: {:?}", l.problems);
        let t = l.answers.tender().expect(fragment);
        assert_eq!(
            (&t.fixed[..], &t.name[..], &t.reference[..]),
            (*fixed, *name, *reference),
            "{fragment}"
        );
    }
    assert_eq!(from_fragment("schedule=df&value=1").answers.tender(), None);
    // An ordinary link's invalid value is shown on its question, as before: not a preset.
    assert!(from_fragment("schedule=df&value=x").problems.is_empty());
}

#[test]
fn a_preset_that_cannot_be_used_is_reported_by_its_key_and_asked() {
    // (fragment, the problems' keys, the questions they belong to)
    type Case = (
        &'static str,
        &'static [&'static str],
        &'static [Option<QuestionId>],
    );
    let cases: &[Case] = &[
        ("schedule=df&value=lots&fixed=value", &["fixed=value"], &[Some(Value)]),
        ("schedule=df&fixed=months", &["fixed=months"], &[Some(Months)]),
        ("schedule=df&value=1&fixed=value,colour", &["fixed=colour"], &[None]),
        ("schedule=df&other=yes&fixed=other", &["fixed=other"], &[None]),
        ("schedule=df&effective=2027-01-01&fixed=effective", &["fixed=effective"], &[None]),
        ("schedule=df&commencement=&fixed=commencement", &["fixed=commencement"], &[Some(Commencement)]),
        ("schedule=df&c51_customer=X&c51_subjects=1&c51_special=0&c51_level=S1", &["c51_…"], &[Some(Other)]),
        // A tender's page: a value it set that cannot be used is reported, fixed or not.
        ("schedule=df&route=z&tender=T", &["route"], &[Some(Route)]),
        ("schedule=df&value=x&months=0&fixed=value&tender=T", &["fixed=value", "months"], &[Some(Value), Some(Months)]),
        ("schedule=df&c1_customer=X&c1_subjects=1&c1_special=0&c1_level=S1&c99_customer=Y&c100_subjects=2", &["c99_…", "c100_…"], &[Some(Other), Some(Other)]),
    ];
    for (fragment, keys, questions) in cases {
        let l = from_fragment(fragment);
        let got: Vec<&str> = l.problems.iter().map(|p| p.key.as_str()).collect();
        assert_eq!(&got[..], *keys, "{fragment}");
        let got: Vec<Option<QuestionId>> = l.problems.iter().map(|p| p.question).collect();
        assert_eq!(&got[..], *questions, "{fragment}");
        // Nothing fixed that was reported; everything else kept.
        let fixed = l.answers.tender().map_or(0, |t| t.fixed.len());
        assert!(l
            .problems
            .iter()
            .all(|p| p.question.is_none_or(|q| !l.answers.is_fixed(q))));
        let message = console_message(&l.problems).unwrap();
        for key in *keys {
            assert!(message.contains(key), "{message}");
        }
        let _ = fixed;
    }
    // The contracts up to the limit are kept with c51 reported.
    let l = from_fragment(
        "schedule=df&c1_customer=X&c1_subjects=1&c1_special=0&c1_level=S1&c51_customer=Y",
    );
    assert_eq!(l.answers.contracts().len(), 1);
    assert_eq!(l.answers.get(Other), Some(&Answer::YesNo(true)));
    assert!(console_message(&l.problems).unwrap().contains("at most 50"));
    assert_eq!(console_message(&[]), None);
}

#[test]
fn tender_names_over_their_limits_are_cut_and_reported() {
    let long = "x".repeat(151);
    let l = from_fragment(&format!(
        "schedule=df&tender={long}&tender_ref={}",
        "r".repeat(51)
    ));
    let t = l.answers.tender().unwrap();
    assert_eq!(t.name.chars().count(), 150);
    assert_eq!(t.reference.chars().count(), 50);
    let keys: Vec<&str> = l.problems.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(keys, ["tender", "tender_ref"]);
    let ok = from_fragment(&format!("schedule=df&tender={}", "é".repeat(150)));
    assert!(ok.problems.is_empty());
}

#[test]
fn own_figures_unfix_the_answers_and_say_so() {
    let mut a = from_fragment(TENDER).answers;
    let before = a.clone();
    assert!(a.use_own_figures());
    assert!(!a.use_own_figures());
    let t = a.tender().unwrap();
    assert!(t.fixed.is_empty() && t.own_figures);
    assert_eq!(a.asked()[0], Subjects);
    for q in [Subjects, Value, Access] {
        assert_eq!(a.get(q), before.get(q));
        assert!(!a.is_fixed(q));
    }
    assert!(t.statement().unwrap().starts_with("Worked out with the bidder's own figures, not the answers the Customer set for Prison education services"));
    // The link keeps the label.
    assert_eq!(from_fragment(&a.to_fragment()).answers, a);
}

#[test]
fn the_link_round_trips_the_tender() {
    let l = from_fragment(TENDER);
    let fragment = l.answers.to_fragment();
    assert!(
        fragment.contains("fixed=subjects,special,professional,value,months,access"),
        "{fragment}"
    );
    assert!(
        fragment.contains("tender=Prison+education+services&tender_ref=MOJ-2027-041"),
        "{fragment}"
    );
    assert_eq!(from_fragment(&fragment).answers, l.answers);
}

#[test]
fn the_saved_file_records_and_reopens_the_fixed_answers_and_the_tender() {
    let mut answers = from_fragment(TENDER).answers;
    answers.set(Other, Answer::YesNo(false));
    let doc = Document {
        answers,
        ..Document::default()
    };
    let json = to_json(&doc);
    assert!(json.contains("\"schema\": 5"), "{json}");
    assert!(json.contains("\"tender\": {\n    \"name\": \"Prison education services\",\n    \"reference\": \"MOJ-2027-041\",\n    \"fixed\": [\n      \"subjects\""), "{json}");
    let loaded = from_json(&json).unwrap();
    assert_eq!(loaded.document, doc);
    assert!(loaded.skipped.is_empty(), "{:?}", loaded.skipped);
    assert!(loaded.document.answers.is_fixed(Value));
    // The tab keeps it too.
    let stored = from_storage(&write(&doc, Some("check"))).unwrap();
    assert_eq!(stored.document, doc);
    // Own figures are kept as such.
    let mut own = doc.clone();
    own.answers.use_own_figures();
    let json = to_json(&own);
    assert!(json.contains("\"own_figures\": true"));
    assert_eq!(from_json(&json).unwrap().document, own);
}

#[test]
fn a_saved_tender_that_cannot_be_placed_is_named_and_the_rest_opens() {
    let base = r#"{"format":"security-matrix-assessment","schema":5,"schedule":"df","answers":{"value":"1000","months":"6"},"tender":TENDER}"#;
    // (tender member, fixed, what is skipped)
    let cases: &[(&str, &[QuestionId], usize)] = &[
        (
            r#"{"name":"T","fixed":["value","months"]}"#,
            &[Value, Months],
            0,
        ),
        (r#"{"fixed":["value","access"]}"#, &[Value], 1),
        (r#"{"fixed":["other","colour",3]}"#, &[], 3),
        (r#"{"fixed":"value"}"#, &[], 1),
        (r#"{"name":7}"#, &[], 1),
        (r#""a tender""#, &[], 1),
    ];
    for (member, fixed, skipped) in cases {
        let json = base.replace("TENDER", member);
        let loaded = from_json(&json).unwrap_or_else(|e| panic!("{member}: {e:?}"));
        let got = loaded
            .document
            .answers
            .tender()
            .map_or(vec![], |t: &Tender| t.fixed.clone());
        assert_eq!(&got[..], *fixed, "{member}");
        assert_eq!(
            loaded.skipped.len(),
            *skipped,
            "{member}: {:?}",
            loaded.skipped
        );
        assert_eq!(
            loaded.document.answers.get(Value),
            Some(&Answer::Number(1000))
        );
    }
}

#[test]
fn every_earlier_file_opens_with_no_tender() {
    for name in [
        "schema1-df.json",
        "schema2-df.json",
        "schema3-df.json",
        "schema4-df.json",
        "schema5-df.json",
    ] {
        let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap();
        let loaded = from_json(&text).unwrap();
        assert_eq!(loaded.document.answers.tender(), None, "{name}");
    }
}

#[test]
fn a_complete_tender_assessment_round_trips_through_its_link() {
    let mut a = from_fragment(TENDER).answers;
    a.set(Other, Answer::YesNo(false));
    a.set(Commencement, Answer::Skipped);
    a.set(Route, Answer::Skipped);
    a.set(Hosting, Answer::Choice("no"));
    assert!(a.is_complete());
    let fragment = a.to_fragment();
    assert!(
        fragment.contains("other=no") && fragment.contains("commencement=skip"),
        "{fragment}"
    );
    assert_eq!(from_fragment(&fragment).answers, a);
    // Without a tender, links are as before.
    let plain =
        from_fragment("schedule=df&subjects=1&special=0&value=1&months=1&access=no").answers;
    assert!(plain.is_complete());
    assert!(!plain.to_fragment().contains("other="));
}

#[test]
fn starting_again_keeps_the_tenders_presets_only() {
    let mut a = from_fragment(TENDER).answers;
    a.set(Other, Answer::YesNo(false));
    a.set(Commencement, Answer::Skipped);
    let fresh = a.presets_only().unwrap();
    assert_eq!(fresh, from_fragment(TENDER).answers);
    assert_eq!(fresh.first_unanswered(), Some(Other));
    // After own figures: the tender's name stays, nothing fixed.
    a.use_own_figures();
    let fresh = a.presets_only().unwrap();
    let t = fresh.tender().unwrap();
    assert!(t.fixed.is_empty() && !t.own_figures);
    assert_eq!(fresh.first_unanswered(), Some(Subjects));
    assert_eq!(
        from_fragment("schedule=df&value=1").answers.presets_only(),
        None
    );
}

#[test]
fn the_statement_names_the_tender_and_what_its_customer_set() {
    use security_matrix_core::takeaways::statement::with_tender;
    let a = from_fragment(TENDER).answers;
    let s = with_tender("We assess S6.".into(), a.tender());
    assert!(s.starts_with("For Prison education services (MOJ-2027-041). We assess S6. The Customer set these answers for"), "{s}");
    assert_eq!(with_tender("We assess S6.".into(), None), "We assess S6.");
}
