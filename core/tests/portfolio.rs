//! The other Call-Off Contracts as a list (issue 15, part 1): volumes sum across the list,
//! the level is never below the highest set in it, the ¶1.4 notices are exactly the
//! contracts below the applied level, grouped by Customer, and any list survives a link.
use proptest::prelude::*;
use security_matrix_core::assessment::flow::Answer;
use security_matrix_core::assessment::questions::QuestionId;
use security_matrix_core::dates::plan::EventDates;
use security_matrix_core::file::link::from_fragment;
use security_matrix_core::report::df_report;
use security_matrix_core::takeaways::notices::{is_due, notices};
use security_matrix_core::takeaways::statement::df_statement;
use security_matrix_core::{assess, Contract, Criterion, DfAnswers, Level, OtherContracts};

fn base() -> DfAnswers {
    DfAnswers {
        subjects: 50,
        value: 40_000,
        months: 6,
        ..DfAnswers::default()
    }
}

fn contract(name: &str, customer: &str, subjects: u64, level: Option<Level>) -> Contract {
    Contract {
        name: name.into(),
        customer: customer.into(),
        subjects,
        special: 0,
        level,
    }
}

/// The example: three contracts for three Customers.
fn three() -> DfAnswers {
    DfAnswers {
        subjects: 2_000,
        months: 18,
        value: 200_000,
        other: Some(OtherContracts {
            contracts: vec![
                contract("Prison health", "HMPPS", 300, Some(Level::S3)),
                contract("", "Legal Aid Agency", 200, None),
                contract(
                    "Courts <script>alert(1)</script>",
                    "HMCTS & \"Tribunals\"",
                    100,
                    Some(Level::S6),
                ),
            ],
        }),
        ..base()
    }
}

#[test]
fn volumes_sum_and_the_why_trace_names_the_contract_that_holds_the_level() {
    let a = three();
    let r = assess(&a);
    assert_eq!(r.aggregate_subjects, 2_600);
    assert_eq!(r.level, Level::S6);
    let held = r
        .criteria
        .iter()
        .find(|c| c.criterion == Criterion::Incumbents)
        .unwrap();
    assert_eq!(held.level, Level::S6);
    assert!(
        held.answer.contains(
            "S6 is set in \u{201c}Courts <script>alert(1)</script>\u{201d} (HMCTS & \"Tribunals\")"
        ),
        "{}",
        held.answer
    );
}

#[test]
fn notices_group_by_customer_with_a_draft_each() {
    let mut a = three();
    // A second HMPPS contract (spelled differently) joins the first Customer's notice.
    a.other.as_mut().unwrap().contracts.push(contract(
        "Probation data",
        " hmpps ",
        10,
        Some(Level::S1),
    ));
    let r = assess(&a);
    let n = notices(a.other.as_ref().unwrap(), r.level);
    let customers: Vec<&str> = n.iter().map(|n| n.customer.as_str()).collect();
    assert_eq!(
        customers,
        ["HMPPS", "Legal Aid Agency"],
        "HMCTS is at S6 already"
    );
    assert_eq!(n[0].contracts.len(), 2);
    let d = &n[0].draft;
    for part in [
        "Dear HMPPS,",
        "paragraph 1.4 of Schedule 2.4",
        "\u{201c}Prison health\u{201d}: from S3 to S6",
        "\u{201c}Probation data\u{201d}: from S1 to S6",
        "these Call-Off Contracts",
        "agree with you a timetable",
    ] {
        assert!(d.contains(part), "{part:?} not in {d}");
    }
    let d = &n[1].draft;
    assert!(d.contains("no level has been set; S6 applies"), "{d}");
    assert!(d.contains("this Call-Off Contract we hold"), "{d}");
    // The statement names the aggregate, the contracts counted and the Customers.
    let report = df_report(
        &a,
        &EventDates::new(),
        chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
    );
    let s = df_statement(&a, &report);
    assert!(
        s.contains("two thousand, six hundred and ten (2,610) data subjects"),
        "{s}"
    );
    assert!(
        s.contains("\u{201c}Prison health\u{201d} (HMPPS): 300 data subjects"),
        "{s}"
    );
    assert!(
        s.contains("a contract with Legal Aid Agency: 200 data subjects"),
        "{s}"
    );
    assert!(
        s.contains("will notify HMPPS and Legal Aid Agency that"),
        "{s}"
    );
}

#[test]
fn a_link_with_a_half_filled_contract_keeps_the_rest() {
    let l = from_fragment("schedule=df&subjects=50&special=0&value=1000&months=6&access=no&c1_customer=HMPPS&c1_subjects=10&c1_special=0&c1_level=S2&c3_name=Half&c3_subjects=x&commencement=2027-01-04");
    assert_eq!(l.answers.contracts().len(), 1);
    assert_eq!(l.contract_errors.len(), 1);
    let e = &l.contract_errors[0];
    assert_eq!((e.number, e.draft.name.as_str()), (3, "Half"));
    let fields: Vec<&str> = e.errors.iter().map(|e| e.field.key()).collect();
    assert_eq!(fields, ["customer", "subjects", "special", "level"]);
    assert_eq!(
        l.answers
            .get(QuestionId::Commencement)
            .map(Answer::value_text),
        Some("2027-01-04".into())
    );
    // A name over 100 characters is refused; 100 is fine.
    let long = "n".repeat(101);
    let l = from_fragment(&format!(
        "schedule=df&c1_name={long}&c1_customer=A&c1_subjects=1&c1_special=0&c1_level=none"
    ));
    assert_eq!(
        l.contract_errors[0].errors[0].message,
        "Name or reference must be 100 characters or fewer"
    );
    // c51 is over the limit: not a contract, and reported (not dropped without a word).
    let l = from_fragment("schedule=df&c51_customer=A");
    assert!(l.unknown_keys.is_empty());
    assert_eq!(l.problems[0].key, "c51_…");
    assert!(l.answers.contracts().is_empty());
}

fn level() -> impl Strategy<Value = Option<Level>> {
    prop::option::of((1u8..=6).prop_map(|n| Level::from_number(n).unwrap()))
}

fn a_contract() -> impl Strategy<Value = Contract> {
    (
        "[ -~]{0,12}",
        "[A-Za-z&=<>\"' ]{0,8}[A-Za-z]",
        prop_oneof![0..3_000u64, 0..=1_000_000_000u64],
        prop_oneof![Just(0u64), 0..500u64],
        level(),
    )
        .prop_map(|(name, customer, subjects, special, level)| Contract {
            name: name.trim().to_string(),
            customer: customer.trim().to_string(),
            subjects,
            special,
            level,
        })
}

fn answers_with(contracts: Vec<Contract>, subjects: u64, value: u64, access: bool) -> DfAnswers {
    DfAnswers {
        subjects,
        value,
        access,
        months: 12,
        other: Some(OtherContracts { contracts }),
        ..DfAnswers::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn contract_order_never_matters(list in prop::collection::vec(a_contract(), 1..8), subjects in 0..3_000u64, value in 0..2_000_000u64, access: bool, seed: u64) {
        let a = answers_with(list.clone(), subjects, value, access);
        let mut shuffled = list;
        let k = (seed as usize) % shuffled.len();
        shuffled.rotate_left(k);
        shuffled.reverse();
        let b = answers_with(shuffled, subjects, value, access);
        let (ra, rb) = (assess(&a), assess(&b));
        prop_assert_eq!(ra.level, rb.level);
        prop_assert_eq!(ra.aggregate_subjects, rb.aggregate_subjects);
        prop_assert_eq!(ra.level_change, rb.level_change);
        let due = |a: &DfAnswers, l| {
            let mut v: Vec<Contract> = notices(a.other.as_ref().unwrap(), l).into_iter().flat_map(|n| n.contracts).collect();
            v.sort_by(|x, y| format!("{x:?}").cmp(&format!("{y:?}")));
            v
        };
        prop_assert_eq!(due(&a, ra.level), due(&b, rb.level));
    }

    #[test]
    fn adding_a_contract_never_lowers_the_level(list in prop::collection::vec(a_contract(), 0..6), extra in a_contract(), subjects in 0..3_000u64, value in 0..2_000_000u64, access: bool) {
        let before = assess(&answers_with(list.clone(), subjects, value, access)).level;
        let mut more = list;
        more.push(extra);
        let after = answers_with(more, subjects, value, access);
        let r = assess(&after);
        prop_assert!(r.level >= before);
        // Never below the highest level set in the list.
        if let Some(top) = after.other.as_ref().unwrap().current_level() {
            prop_assert!(r.level >= top);
        }
    }

    #[test]
    fn the_notice_list_is_exactly_the_contracts_below_the_applied_level(list in prop::collection::vec(a_contract(), 1..8), subjects in 0..3_000u64, value in 0..2_000_000u64, access: bool) {
        let a = answers_with(list.clone(), subjects, value, access);
        let r = assess(&a);
        let ns = notices(a.other.as_ref().unwrap(), r.level);
        let listed: Vec<&Contract> = ns.iter().flat_map(|n| n.contracts.iter()).collect();
        let due: Vec<&Contract> = list.iter().filter(|c| c.level.is_none_or(|l| l < r.level)).collect();
        prop_assert_eq!(listed.len(), due.len());
        for c in &due {
            prop_assert!(listed.contains(c));
            prop_assert!(is_due(c, r.level));
        }
        prop_assert_eq!(r.level_change.is_some(), !due.is_empty());
        // One notice per Customer, each draft naming its Customer.
        for n in &ns {
            let dear = format!("Dear {},", n.customer);
            prop_assert!(n.draft.contains(&dear), "{}", n.draft);
        }
    }

    #[test]
    fn any_list_survives_copy_link(list in prop::collection::vec(a_contract(), 1..12)) {
        let mut link = from_fragment("schedule=df&subjects=50&special=0&value=1000&months=6&access=no&other_subjects=1&other_special=0&current_level=S1");
        link.answers.set_contracts(list.clone());
        let fragment = link.answers.to_fragment();
        let back = from_fragment(&fragment);
        prop_assert!(back.contract_errors.is_empty(), "{:?}", back.contract_errors);
        prop_assert_eq!(back.answers.contracts(), list.as_slice());
        prop_assert_eq!(back.answers.to_fragment(), fragment);
    }
}

#[test]
fn the_save_file_keeps_the_list_and_names_what_it_leaves_out() {
    use security_matrix_core::file::savefile::{from_json, to_json, Document};
    let mut answers = from_fragment("schedule=df&subjects=50&special=0&value=1000&months=6&access=no&other_subjects=1&other_special=0&current_level=S1").answers;
    // The old keys are one contract with no name, for "your other Customers".
    assert_eq!(
        answers.contracts(),
        [Contract {
            name: String::new(),
            customer: "your other Customers".into(),
            subjects: 1,
            special: 0,
            level: Some(Level::S1)
        }]
    );
    answers.set_contracts(vec![
        contract("=SUM(A1) \"quoted\"\nline", "HMPPS <b>", 5, Some(Level::S2)),
        contract("", "LAA", 0, None),
    ]);
    let doc = Document {
        answers,
        ..Document::default()
    };
    let text = to_json(&doc);
    assert!(text.contains("\"contracts\": ["), "{text}");
    let back = from_json(&text).unwrap();
    assert!(back.skipped.is_empty(), "{:?}", back.skipped);
    assert_eq!(back.document, doc);
    // A contract that is not valid is left out and named; the others open.
    let broken = text.replace("\"customer\": \"LAA\"", "\"customer\": \"\"");
    let back = from_json(&broken).unwrap();
    assert_eq!(back.document.answers.contracts().len(), 1);
    assert!(
        back.skipped[0]
            .starts_with("other Call-Off Contract 2, which is not valid (Enter the Customer"),
        "{:?}",
        back.skipped
    );
}
