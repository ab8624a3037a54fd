//! Take-aways: the readiness action plan, the Tender Response statement (the saved file is
//! in `file/savefile.rs`).
use chrono::NaiveDate;
use security_matrix_core::assessment::flow::Answers;
use security_matrix_core::dates::plan::EventDates;
use security_matrix_core::file::link::from_fragment;
use security_matrix_core::file::tracker::{summarise, Status, Tracker};
use security_matrix_core::report::{df_report, sm_report};
use security_matrix_core::takeaways::statement::{df_statement, sm_statement};
use security_matrix_core::{ObligationId, RULES_VERSION};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn s6_answers() -> Answers {
    from_fragment("schedule=df&subjects=2000&special=0&value=200000&months=18&access=no&other_subjects=1000&other_special=0&current_level=S3&commencement=2027-01-04").answers
}

/// The obligation with this data id.
fn ob(id: &str) -> ObligationId {
    ObligationId::parse(id).unwrap()
}

#[test]
fn action_plan_lists_not_yet_and_in_progress_soonest_first() {
    let a = s6_answers().df().unwrap();
    let r = df_report(&a, &EventDates::new(), today());
    let mut marks = Tracker::new();
    marks.insert(ob("df-2-7"), Status::NotStarted.into()); // no date
    marks.insert(ob("df-3-6-5"), Status::InProgress.into()); // 23 November 2026
    let ithc = r
        .plan
        .dated
        .iter()
        .find(|e| e.obligation.reference == "3.6.1(b)(iv)")
        .unwrap()
        .obligation
        .id;
    marks.insert(ithc, Status::NotStarted.into()); // 4 July 2027, then yearly
    marks.insert(ob("df-2-5"), Status::InPlace.into());
    let s = summarise(&r.groups, &r.plan, &marks);
    assert_eq!((s.in_place, s.in_progress, s.not_started), (1, 1, 2));
    assert_eq!(s.unmarked, r.count() - 4);
    let order: Vec<ObligationId> = s.actions.iter().map(|a| a.obligation.id).collect();
    assert_eq!(order, [ob("df-3-6-5"), ithc, ob("df-2-7")]);
    assert_eq!(s.actions[0].due, NaiveDate::from_ymd_opt(2026, 11, 23));
    assert_eq!(s.actions[2].due, None);
}

#[test]
fn the_statement_for_fixed_answers() {
    let a = s6_answers().df().unwrap();
    let r = df_report(&a, &EventDates::new(), today());
    let text = df_statement(&a, &r);
    let expected_start = "In accordance with paragraph 1.3 of Schedule 2.4 (Information Security and Assurance), the Supplier has determined that security level S6 applies to this Call-Off Contract, with the corresponding \"Enhanced\" level of Standards under Schedule 2.3 (Standards). The level is set by the number of data subjects in aggregate, three thousand (3,000), which the Annex Security Matrix places at S6 (2,500 or more). The volumes are the aggregate across all Call-Off Contracts the Supplier has entered into under the Framework Agreement: three thousand (3,000) data subjects, of whom none have Special Category Data, comprising two thousand (2,000) data subjects under this Call-Off Contract and one thousand (1,000) under the Supplier's other Call-Off Contracts. In accordance with paragraph 1.4, the Supplier will notify the Customer of each of its other Call-Off Contracts that the applicable level rises from S3 to S6, and will agree with each of them the timetable for implementing the change. Where the Schedule is unclear, the Supplier has applied the stricter reading and asks the Customer to confirm it before award: (1) The worked example in paragraph 1.3 does not match the Annex:";
    assert!(text.starts_with(expected_start), "{text}");
    assert!(
        text.ends_with(&format!("rules version {RULES_VERSION}.")),
        "{text}"
    );

    let sm = from_fragment("schedule=sm2017&effective=2026-12-14&own_devices=no")
        .answers
        .sm()
        .unwrap();
    let r = sm_report(&sm, &EventDates::new(), today());
    let text = sm_statement(&sm, &r);
    assert!(
        text.contains("(the Effective Date being 14 December 2026, by 14 January 2027)"),
        "{text}"
    );
    assert!(
        text.contains("will not use their own computing facilities"),
        "{text}"
    );
}

/// ¶1.1, ¶1.3, ¶1.4: the statement never announces a drop, names the incumbents' level
/// when it holds this contract's, and says plainly when no level has been set.
#[test]
fn the_statement_follows_one_level_for_all_contracts() {
    let statement = |fragment: &str| {
        let a = from_fragment(fragment).answers.df().unwrap();
        df_statement(&a, &df_report(&a, &EventDates::new(), today()))
    };
    // A small contract (S2 by the Annex) beside contracts at S6: S6 applies, no ¶1.4.
    let held = statement("schedule=df&subjects=50&special=0&value=40000&months=6&access=no&other_subjects=100&other_special=0&current_level=S6");
    assert!(held.contains("security level S6 applies"), "{held}");
    assert!(
        held.contains("the level already set for the Supplier's other Call-Off Contracts, S6"),
        "{held}"
    );
    assert!(!held.contains("paragraph 1.4"), "{held}");
    assert!(!held.contains("from S6 to S2"), "{held}");
    assert!(
        held.contains("One level for all your Call-Off Contracts"),
        "the note on the reading: {held}"
    );
    // No level set: no invented change, but the duty is explained.
    let unset = statement("schedule=df&subjects=50&special=0&value=40000&months=6&access=no&other_subjects=100&other_special=0&current_level=none");
    assert!(
        unset.contains("No level of security requirements has yet been set for the Supplier's other Call-Off Contracts; where any of them sets a level below S3"),
        "{unset}"
    );
    assert!(!unset.contains("rises from"), "{unset}");
}

/// The take-away files of a saved document are the writers' output for the result page's
/// report (the same answers, tracker, event dates and today), with their names and types.
#[test]
fn takeaway_files_are_the_writers_output_for_the_document_s_report() {
    use security_matrix_core::file::savefile::Document;
    use security_matrix_core::file::tracker::Track;
    use security_matrix_core::takeaways::calendar_file::{ics_file_name, plan_ics};
    use security_matrix_core::takeaways::compliance::{compliance_csv, csv_file_name};
    use security_matrix_core::takeaways::download::Takeaway;
    use security_matrix_core::{Level, Schedule};

    let now = today().and_hms_opt(9, 30, 5).unwrap();
    let mut tracker = Tracker::new();
    tracker.insert(
        ob("df-3-6-5"),
        Track {
            status: Some(Status::InProgress),
            owner: "=cmd".into(),
            note: "Board, \"ISMP\"".into(),
        },
    );
    let doc = Document {
        answers: s6_answers(),
        tracker,
        event_dates: EventDates::new(),
        changes: Default::default(),
        details: Default::default(),
    };
    let r = df_report(&doc.answers.df().unwrap(), &doc.event_dates, today());
    let csv = Takeaway::ComplianceMatrix.make(&doc, today(), now).unwrap();
    assert_eq!(
        csv.text,
        compliance_csv(
            Schedule::Df,
            Some(Level::S6),
            &r.groups,
            &r.plan,
            &doc.tracker
        )
    );
    assert_eq!(
        csv.name,
        csv_file_name(Some(Level::S6), Schedule::Df, today())
    );
    assert_eq!(csv.mime, "text/csv;charset=utf-8");
    assert!(csv.text.contains("'=cmd"), "the tracker is in it");
    let ics = Takeaway::Calendar.make(&doc, today(), now).unwrap();
    assert_eq!(ics.text, plan_ics(&r.plan, now));
    assert_eq!(ics.name, ics_file_name(&r.plan, Some(Level::S6)));
    assert_eq!(ics.mime, "text/calendar;charset=utf-8");

    let sm = Document {
        answers: from_fragment("schedule=sm2017&effective=2026-12-14&own_devices=no").answers,
        ..Document::default()
    };
    let r = sm_report(&sm.answers.sm().unwrap(), &sm.event_dates, today());
    let csv = Takeaway::ComplianceMatrix.make(&sm, today(), now).unwrap();
    assert_eq!(
        csv.text,
        compliance_csv(Schedule::Sm2017, None, &r.groups, &r.plan, &sm.tracker)
    );
    assert_eq!(
        csv.name,
        format!("security-obligations-sm2017-{}.csv", today())
    );

    let incomplete = Document {
        answers: from_fragment("schedule=df&subjects=3000").answers,
        ..Document::default()
    };
    assert!(Takeaway::Calendar.make(&incomplete, today(), now).is_err());
    for t in Takeaway::ALL {
        assert_eq!(Takeaway::from_key(t.key()), Some(t));
    }
    assert_eq!(Takeaway::from_key("docx"), None);
}
