//! Tests of the dated plan (`security_matrix_core::plan`) against the real catalogue.
//!
//! Every expected date is worked out by hand from the calendar and written literally;
//! the working is in the comments. Useful facts:
//!
//! - 1 January 2027 is a Friday, so 4 January 2027 is a Monday.
//! - Easter Sunday 2027 is 28 March: Good Friday 26 March, Easter Monday 29 March.
//! - 31 May 2027 is the last Monday in May: the spring bank holiday.
//! - Christmas Day 2026 is a Friday, so Boxing Day (Saturday) is substituted on Monday
//!   28 December; New Year's Day 2027 is a Friday.
//! - 2028 is a leap year.
use security_matrix_core::dates::plan::EventDates;
use security_matrix_core::{EventId, ObligationId};
use std::collections::BTreeSet;

use chrono::{Duration, Months, NaiveDate, NaiveDateTime};
use proptest::prelude::*;
use security_matrix_core::assessment::answers::Path;
use security_matrix_core::assessment::schedule::Schedule;
use security_matrix_core::dates::plan::{build_plan, df_term_end, Plan, PlanEntry, PlanInput};
use security_matrix_core::duties::{select, Facts, Selected};
use security_matrix_core::takeaways::calendar_file::{ics_file_name, plan_ics, DISCLAIMER};
use security_matrix_core::takeaways::ics::unfold_and_parse;
use security_matrix_core::{DfAnswers, Level, SmAnswers};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn stamp() -> NaiveDateTime {
    d("2026-11-01").and_hms_opt(9, 30, 0).unwrap()
}

/// Event dates by the events' data ids.
fn events(pairs: &[(&str, &str)]) -> EventDates {
    pairs
        .iter()
        .map(|(k, v)| (EventId::parse(k).unwrap(), d(v)))
        .collect()
}

/// The obligation with this data id.
fn find(id: &str) -> Option<&'static security_matrix_core::duties::Obligation> {
    ObligationId::parse(id).map(ObligationId::obligation)
}

/// DF facts at `level`: access to Customer systems, accreditation route (b).
fn df_selected(level: Level) -> Vec<Selected> {
    select(&Facts {
        schedule: Schedule::Df,
        level: Some(level),
        access: true,
        path: Some(Path::B),
        ..Facts::default()
    })
}

fn sm_selected() -> Vec<Selected> {
    select(&Facts {
        schedule: Schedule::Sm2017,
        ..Facts::default()
    })
}

fn df_plan(
    level: Level,
    commencement: Option<&str>,
    months: u32,
    event_dates: &[(&str, &str)],
    today: &str,
) -> Plan {
    let answers = DfAnswers {
        months,
        access: true,
        commencement: commencement.map(d),
        ..DfAnswers::default()
    };
    build_plan(
        &df_selected(level),
        &PlanInput::df(&answers, events(event_dates), d(today)),
    )
}

fn sm_plan(effective: Option<&str>, event_dates: &[(&str, &str)], today: &str) -> Plan {
    let answers = SmAnswers {
        effective: effective.map(d),
        ..SmAnswers::default()
    };
    build_plan(
        &sm_selected(),
        &PlanInput::sm2017(&answers, events(event_dates), d(today)),
    )
}

/// `(id, reference, date, occurrence, occurrences)` for each dated entry, in order.
fn rows(plan: &Plan) -> Vec<(&'static str, &'static str, NaiveDate, u32, u32)> {
    plan.dated
        .iter()
        .map(|e| {
            (
                e.obligation.id.as_str(),
                e.obligation.reference,
                e.date,
                e.occurrence,
                e.occurrences,
            )
        })
        .collect()
}

fn expect_rows(
    expected: &[(&'static str, &'static str, &str, u32, u32)],
) -> Vec<(&'static str, &'static str, NaiveDate, u32, u32)> {
    expected
        .iter()
        .map(|&(id, r, date, n, of)| (id, r, d(date), n, of))
        .collect()
}

fn entries<'a>(plan: &'a Plan, id: &str) -> Vec<&'a PlanEntry> {
    plan.dated
        .iter()
        .filter(|e| e.obligation.id.as_str() == id)
        .collect()
}

fn ids<T>(items: &[T], id: impl Fn(&T) -> &'static str) -> Vec<&'static str> {
    items.iter().map(id).collect()
}

// ---------------------------------------------------------------------------------------
// The term's end

#[test]
fn df_term_end_is_commencement_plus_months_less_a_day() {
    // 4 Jan 2027 + 36 months = 4 Jan 2030; less a day.
    assert_eq!(df_term_end(d("2027-01-04"), 36), Some(d("2030-01-03")));
    // 31 Aug 2026 + 18 months = "31 Feb 2028", clamped to 29 Feb 2028 (leap year);
    // less a day = 28 Feb 2028.
    assert_eq!(df_term_end(d("2026-08-31"), 18), Some(d("2028-02-28")));
    // 31 Aug 2026 + 17 months = "31 Jan 2028"; less a day = 30 Jan 2028.
    assert_eq!(df_term_end(d("2026-08-31"), 17), Some(d("2028-01-30")));
    // 1 Mar 2027 + 12 months = 1 Mar 2028; less a day = 29 Feb 2028.
    assert_eq!(df_term_end(d("2027-03-01"), 12), Some(d("2028-02-29")));
    // No months answered: no end.
    assert_eq!(df_term_end(d("2027-01-04"), 0), None);
    assert_eq!(df_term_end(NaiveDate::MAX, 1), None);
}

// ---------------------------------------------------------------------------------------
// S6

#[test]
fn s6_route_b_36_months_from_4_january_2027() {
    let plan = df_plan(Level::S6, Some("2027-01-04"), 36, &[], "2026-11-01");
    assert_eq!(plan.start, Some(d("2027-01-04")));
    assert_eq!(plan.end, Some(d("2030-01-03")));
    assert_eq!(plan.needs_start, None);
    assert!(!plan.needs_start_date());

    // By hand, the term being 4 Jan 2027 to 3 Jan 2030:
    // - 3.6.5 ISMP: 4 Jan 2027 − 42 days = 23 Nov 2026.
    // - before processing (3.6.1(b)(i), 3.6.4, Personnel 1st): the day before, 3 Jan 2027.
    // - 6 months after commencement: 4 Jul 2027 (3.6.1(b)(ii) ISO/IEC 27001, 3.6.1(b)(iv)
    //   first ITHC, and 3.6.5's certification change control).
    // - ITHC then annually: 4 Jul 2028, 4 Jul 2029 (4 Jul 2030 is after the term).
    // - 3.6.1(b) certificate copies, the day before each of those deadlines: 3 Jul 2027
    //   (serving (b)(ii) and the first ITHC), 3 Jul 2028, 3 Jul 2029.
    // - 3.6.17 annual review, a year after the 3.6.5 deadline and yearly: 23 Nov 2027,
    //   23 Nov 2028, 23 Nov 2029 (23 Nov 2030 is after the term).
    // - training, the last day of each contract year: 3 Jan 2028, 3 Jan 2029 and
    //   3 Jan 2030, which is the term's last day and so within it.
    // - quarterly restore tests: quarters start on the 4th of Jan, Apr, Jul and Oct, so
    //   each ends on the 3rd of Apr, Jul, Oct and Jan, from 3 Apr 2027 to 3 Jan 2030, the
    //   last day of the term and of its 12th quarter.
    // Ties are in catalogue order.
    const TRAINING: &str = "3.6, Awareness & Training, 2nd paragraph";
    const RESTORE: &str = "3.6, Business Continuity, 3rd paragraph";
    const PERSONNEL: &str = "3.6, Personnel Security, 1st paragraph";
    const COPIES: &str = "df-3-6-1-b-certificates";
    let expected = expect_rows(&[
        ("df-3-6-5", "3.6.5", "2026-11-23", 1, 1),
        ("df-3-6-1-b-i", "3.6.1(b)(i)", "2027-01-03", 1, 1),
        ("df-3-6-4", "3.6.4", "2027-01-03", 1, 1),
        ("df-3-6-personnel-1", PERSONNEL, "2027-01-03", 1, 1),
        ("df-3-6-continuity-3", RESTORE, "2027-04-03", 1, 12),
        (COPIES, "3.6.1(b)", "2027-07-03", 1, 3),
        ("df-3-6-continuity-3", RESTORE, "2027-07-03", 2, 12),
        ("df-3-6-1-b-ii", "3.6.1(b)(ii)", "2027-07-04", 1, 1),
        ("df-3-6-1-b-iv", "3.6.1(b)(iv)", "2027-07-04", 1, 3),
        ("df-3-6-5-certification", "3.6.5", "2027-07-04", 1, 1),
        ("df-3-6-continuity-3", RESTORE, "2027-10-03", 3, 12),
        ("df-3-6-17", "3.6.17", "2027-11-23", 1, 3),
        ("df-3-6-training-2", TRAINING, "2028-01-03", 1, 3),
        ("df-3-6-continuity-3", RESTORE, "2028-01-03", 4, 12),
        ("df-3-6-continuity-3", RESTORE, "2028-04-03", 5, 12),
        (COPIES, "3.6.1(b)", "2028-07-03", 2, 3),
        ("df-3-6-continuity-3", RESTORE, "2028-07-03", 6, 12),
        ("df-3-6-1-b-iv", "3.6.1(b)(iv)", "2028-07-04", 2, 3),
        ("df-3-6-continuity-3", RESTORE, "2028-10-03", 7, 12),
        ("df-3-6-17", "3.6.17", "2028-11-23", 2, 3),
        ("df-3-6-training-2", TRAINING, "2029-01-03", 2, 3),
        ("df-3-6-continuity-3", RESTORE, "2029-01-03", 8, 12),
        ("df-3-6-continuity-3", RESTORE, "2029-04-03", 9, 12),
        (COPIES, "3.6.1(b)", "2029-07-03", 3, 3),
        ("df-3-6-continuity-3", RESTORE, "2029-07-03", 10, 12),
        ("df-3-6-1-b-iv", "3.6.1(b)(iv)", "2029-07-04", 3, 3),
        ("df-3-6-continuity-3", RESTORE, "2029-10-03", 11, 12),
        ("df-3-6-17", "3.6.17", "2029-11-23", 3, 3),
        ("df-3-6-training-2", TRAINING, "2030-01-03", 3, 3),
        ("df-3-6-continuity-3", RESTORE, "2030-01-03", 12, 12),
    ]);
    assert_eq!(rows(&plan), expected);

    // The details of one entry.
    let ithc = entries(&plan, "df-3-6-1-b-iv");
    assert_eq!(ithc[0].uid, "df-3-6-1-b-iv-2027-07-04@security-matrix");
    assert_eq!(ithc[2].uid, "df-3-6-1-b-iv-2029-07-04@security-matrix");
    assert!(ithc.iter().all(|e| e.recurring));
    assert_eq!(
        ithc[0].rule,
        "within 6 months of the Call-Off Commencement Date, then every year"
    );
    // The end of the term is known, so every occurrence is listed: no "then every …".
    assert!(plan.dated.iter().all(|e| e.then_every.is_none()));
    let ismp = entries(&plan, "df-3-6-5");
    assert!(!ismp[0].recurring);
    assert_eq!(
        ismp[0].rule,
        "no later than 6 weeks before the Call-Off Commencement Date"
    );
    assert_eq!(
        entries(&plan, "df-3-6-training-2")[0].rule,
        "once in every Call-Off Contract Year"
    );
    assert_eq!(
        entries(&plan, "df-3-6-continuity-3")[0].rule,
        "at least once in each quarter of the term, by its last day"
    );
    let copies = entries(&plan, COPIES);
    assert_eq!(
        copies[0].rule,
        "the day before each deadline of ¶3.6.1(b)(ii) and ¶3.6.1(b)(iv)"
    );
    assert_eq!(
        copies[1].uid,
        "df-3-6-1-b-certificates-2028-07-03@security-matrix"
    );
    // It comes round with the yearly ITHC it serves.
    assert!(copies.iter().all(|e| e.recurring));
    assert_eq!(
        entries(&plan, "df-3-6-17")[0].rule,
        "every year after the ¶3.6.5 deadline"
    );

    // Before processing: dated the day before commencement, with the assumption.
    const ASSUMPTION: &str =
        "Assumes you start processing Customer Data on the Call-Off Commencement Date.";
    assert_eq!(
        ids(&plan.before_processing.obligations, |o| o.id.as_str()),
        ["df-3-6-1-b-i", "df-3-6-4", "df-3-6-personnel-1"]
    );
    assert_eq!(plan.before_processing.date, Some(d("2027-01-03")));
    assert_eq!(plan.before_processing.assumption, Some(ASSUMPTION));
    for e in &plan.dated {
        let expected = (e.date == d("2027-01-03")).then_some(ASSUMPTION);
        assert_eq!(e.assumption, expected, "{}", e.uid);
    }

    // Standing duties: daily backups, and the event duties with no event date entered.
    assert_eq!(
        ids(&plan.standing, |u| u.obligation.id.as_str()),
        [
            "df-2-8-1",
            "df-3-6-3",
            "df-3-6-8-amend",
            "df-3-6-8-approval",
            "df-3-6-continuity-1"
        ]
    );
    let backups = &plan.standing[4];
    assert_eq!(backups.rule, "at least once every 24 hours");
    assert_eq!(backups.event_label, None);
    assert_eq!(plan.standing[0].rule, "within 24 hours of the event");
    assert!(plan.awaiting_start.is_empty());
    assert!(plan.after_term.is_empty());

    // Event duties, all undated.
    assert_eq!(
        plan.event_duties
            .iter()
            .map(|e| (e.obligation.id.as_str(), e.event_id.as_str(), e.due))
            .collect::<Vec<_>>(),
        [
            ("df-2-8-1", "security-event-awareness", None),
            ("df-3-6-3", "ceasing-compliance", None),
            ("df-3-6-8-amend", "ismp-non-approval", None),
            ("df-3-6-8-approval", "ismp-submission", None),
        ]
    );
    assert_eq!(
        plan.event_duties[2].event_label,
        "the date you receive the Customer's notice that the plan is not approved"
    );
}

#[test]
fn s6_route_a_has_no_certification_or_ithc_dates() {
    // Route (a) drops 3.6.1(b)(i), (b)(ii) and (b)(iv) and adds 3.6.1(a), due before
    // processing.
    let selected = select(&Facts {
        schedule: Schedule::Df,
        level: Some(Level::S6),
        access: true,
        path: Some(Path::A),
        ..Facts::default()
    });
    let answers = DfAnswers {
        months: 36,
        commencement: Some(d("2027-01-04")),
        ..DfAnswers::default()
    };
    let plan = build_plan(
        &selected,
        &PlanInput::df(&answers, EventDates::new(), d("2026-11-01")),
    );
    let on_3_jan: Vec<_> = plan
        .dated
        .iter()
        .filter(|e| e.date == d("2027-01-03"))
        .map(|e| e.obligation.id.as_str())
        .collect();
    assert_eq!(on_3_jan, ["df-3-6-1-a", "df-3-6-4", "df-3-6-personnel-1"]);
    let on = |date: &str| -> Vec<&str> {
        plan.dated
            .iter()
            .filter(|e| e.date == d(date))
            .map(|e| e.obligation.id.as_str())
            .collect()
    };
    assert_eq!(on("2027-07-04"), ["df-3-6-5-certification"]);
    // No certificate copies on route (a): only the quarter's end.
    assert_eq!(on("2027-07-03"), ["df-3-6-continuity-3"]);
    // 30 entries on route (b), less (b)(i), (b)(ii), three ITHCs and three copies, plus
    // (a).
    assert_eq!(plan.dated.len(), 30 - 8 + 1);
}

#[test]
fn event_dates_entered_are_dated() {
    let plan = df_plan(
        Level::S6,
        Some("2027-01-04"),
        36,
        &[
            // Friday, Good Friday. Easter Monday 29 Mar is not a Working Day:
            // Tue 30 (1), Wed 31 (2), Thu 1 Apr (3), Fri 2 (4), Mon 5 .. Fri 9 (5–9),
            // Mon 12 (10).
            ("ismp-non-approval", "2027-03-26"),
            // 24 hours, not Working Days: Friday 31 Dec 2027 → Saturday 1 Jan 2028.
            ("security-event-awareness", "2027-12-31"),
            // Friday 28 May 2027; Monday 31 May is the spring bank holiday:
            // Tue 1 Jun (1), Wed 2 Jun (2).
            ("ceasing-compliance", "2027-05-28"),
            // An event of the other schedule is ignored.
            ("smp-submission", "2027-02-01"),
        ],
        "2027-06-01",
    );
    let dated_events: Vec<_> = plan
        .dated
        .iter()
        .filter(|e| e.event_label.is_some())
        .map(|e| (e.obligation.id.as_str(), e.date, e.past))
        .collect();
    assert_eq!(
        dated_events,
        [
            ("df-3-6-8-amend", d("2027-04-12"), true),
            ("df-3-6-3", d("2027-06-02"), false),
            ("df-2-8-1", d("2028-01-01"), false),
        ]
    );
    assert_eq!(
        plan.event_duties
            .iter()
            .map(|e| (e.obligation.id.as_str(), e.event_date, e.due))
            .collect::<Vec<_>>(),
        [
            ("df-2-8-1", Some(d("2027-12-31")), Some(d("2028-01-01"))),
            ("df-3-6-3", Some(d("2027-05-28")), Some(d("2027-06-02"))),
            (
                "df-3-6-8-amend",
                Some(d("2027-03-26")),
                Some(d("2027-04-12"))
            ),
            ("df-3-6-8-approval", None, None),
        ]
    );
    let rules: Vec<_> = plan.event_duties.iter().map(|e| e.rule.as_str()).collect();
    assert_eq!(
        rules,
        [
            "within 24 hours of the event",
            "within 2 Working Days after the event",
            "within 10 Working Days after the event",
            "within 15 Working Days after the event",
        ]
    );
    // Only the approval, whose event was not entered, and the backups stay standing.
    assert_eq!(
        ids(&plan.standing, |u| u.obligation.id.as_str()),
        ["df-3-6-8-approval", "df-3-6-continuity-1"]
    );
    assert_eq!(
        plan.standing[0].event_label,
        Some("the date you first submit the Information Security Management Plan to the Customer")
    );
    // 30 commencement-based entries and 3 event ones.
    assert_eq!(plan.dated.len(), 33);
    let amend = entries(&plan, "df-3-6-8-amend");
    assert_eq!(amend[0].uid, "df-3-6-8-amend-2027-04-12@security-matrix");
    assert_eq!((amend[0].occurrence, amend[0].occurrences), (1, 1));
    assert!(!amend[0].recurring);
}

#[test]
fn past_is_relative_to_the_today_passed_in() {
    // Today 4 Jul 2027: the seven entries before it are past; those on it are not.
    let plan = df_plan(Level::S6, Some("2027-01-04"), 36, &[], "2027-07-04");
    let past: Vec<_> = plan
        .dated
        .iter()
        .filter(|e| e.past)
        .map(|e| (e.obligation.id.as_str(), e.date))
        .collect();
    assert_eq!(
        past,
        [
            ("df-3-6-5", d("2026-11-23")),
            ("df-3-6-1-b-i", d("2027-01-03")),
            ("df-3-6-4", d("2027-01-03")),
            ("df-3-6-personnel-1", d("2027-01-03")),
            ("df-3-6-continuity-3", d("2027-04-03")),
            ("df-3-6-1-b-certificates", d("2027-07-03")),
            ("df-3-6-continuity-3", d("2027-07-03")),
        ]
    );
    // Before everything: nothing is past; after everything: all is.
    let early = df_plan(Level::S6, Some("2027-01-04"), 36, &[], "2026-11-23");
    assert!(early.dated.iter().all(|e| !e.past));
    let late = df_plan(Level::S6, Some("2027-01-04"), 36, &[], "2030-01-04");
    assert!(late.dated.iter().all(|e| e.past));
    // Today changes nothing but the flags.
    let strip = |p: &Plan| {
        p.dated
            .iter()
            .map(|e| (e.uid.clone(), e.date))
            .collect::<Vec<_>>()
    };
    assert_eq!(strip(&plan), strip(&early));
    assert_eq!(strip(&plan), strip(&late));
}

#[test]
fn no_start_date_dates_only_events_and_asks_for_it() {
    let plan = df_plan(
        Level::S6,
        None,
        36,
        &[("ismp-non-approval", "2027-03-26")],
        "2026-11-01",
    );
    assert_eq!(plan.start, None);
    assert_eq!(plan.end, None);
    assert!(plan.needs_start_date());
    assert_eq!(
        plan.needs_start,
        Some(
            "Enter the Call-Off Commencement Date to see the dates of the duties counted from it."
        )
    );
    assert_eq!(
        rows(&plan),
        expect_rows(&[("df-3-6-8-amend", "3.6.8", "2027-04-12", 1, 1)])
    );
    assert_eq!(
        ids(&plan.awaiting_start, |u| u.obligation.id.as_str()),
        [
            "df-3-6-1-b-ii",
            "df-3-6-1-b-iv",
            "df-3-6-1-b-certificates",
            "df-3-6-5",
            "df-3-6-5-certification",
            "df-3-6-17",
            "df-3-6-training-2",
            "df-3-6-continuity-3",
        ]
    );
    assert_eq!(plan.before_processing.obligations.len(), 3);
    assert_eq!(plan.before_processing.date, None);
    assert_eq!(plan.before_processing.assumption, None);
    assert_eq!(
        ids(&plan.standing, |u| u.obligation.id.as_str()),
        [
            "df-2-8-1",
            "df-3-6-3",
            "df-3-6-8-approval",
            "df-3-6-continuity-1"
        ]
    );

    // Without a start and without events there is nothing to date.
    let empty = df_plan(Level::S6, None, 36, &[], "2026-11-01");
    assert!(empty.dated.is_empty());
    assert!(empty.needs_start_date());

    // At S1 no duty counts from the start, so the plan does not ask for it.
    let s1 = df_plan(Level::S1, None, 12, &[], "2026-11-01");
    assert!(!s1.needs_start_date());
    assert!(s1.awaiting_start.is_empty());
    assert_eq!(
        ids(&s1.standing, |u| u.obligation.id.as_str()),
        ["df-2-8-1"]
    );
}

// ---------------------------------------------------------------------------------------
// S5

#[test]
fn s5_18_months_from_31_august_2026_clamps_to_february() {
    let plan = df_plan(Level::S5, Some("2026-08-31"), 18, &[], "2026-08-01");
    // 31 Aug 2026 + 18 months clamps to 29 Feb 2028; the term ends the day before,
    // 28 Feb 2028 (not 29 Feb).
    assert_eq!(plan.end, Some(d("2028-02-28")));
    // 31 Aug 2026 + 6 months = "31 Feb 2027", clamped to 28 Feb 2027 (not a leap year).
    // The ITHC comes round 12 months after that first date: 28 Feb 2028, the term's
    // last day, so within it. The certificate copies are due the day before each:
    // 27 Feb 2027 (for (b)(ii) and the first ITHC) and 27 Feb 2028.
    assert_eq!(
        rows(&plan),
        expect_rows(&[
            ("df-3-5-1-b-i", "3.5.1(b)(i)", "2026-08-30", 1, 1),
            ("df-3-5-1-b-certificates", "3.5.1(b)", "2027-02-27", 1, 2),
            ("df-3-5-1-b-ii", "3.5.1(b)(ii)", "2027-02-28", 1, 1),
            ("df-3-5-1-b-iv", "3.5.1(b)(iv)", "2027-02-28", 1, 2),
            ("df-3-5-1-b-certificates", "3.5.1(b)", "2028-02-27", 2, 2),
            ("df-3-5-1-b-iv", "3.5.1(b)(iv)", "2028-02-28", 2, 2),
        ])
    );
    assert_eq!(plan.before_processing.date, Some(d("2026-08-30")));

    // One month shorter: the term ends 30 Jan 2028 and the second ITHC falls outside.
    let shorter = df_plan(Level::S5, Some("2026-08-31"), 17, &[], "2026-08-01");
    assert_eq!(shorter.end, Some(d("2028-01-30")));
    let ithc: Vec<_> = entries(&shorter, "df-3-5-1-b-iv")
        .iter()
        .map(|e| (e.date, e.occurrence, e.occurrences))
        .collect();
    assert_eq!(ithc, [(d("2027-02-28"), 1, 1)]);
    let copies: Vec<_> = entries(&shorter, "df-3-5-1-b-certificates")
        .iter()
        .map(|e| (e.date, e.occurrence, e.occurrences))
        .collect();
    assert_eq!(copies, [(d("2027-02-27"), 1, 1)]);
}

#[test]
fn recurring_duties_whose_first_date_is_after_the_term() {
    // A 5-month S6 term from 4 Jan 2027 ends 3 Jun 2027.
    let plan = df_plan(Level::S6, Some("2027-01-04"), 5, &[], "2026-11-01");
    assert_eq!(plan.end, Some(d("2027-06-03")));
    // The annual review (23 Nov 2027, a year after the ISMP's 23 Nov 2026) and the
    // training (3 Jan 2028) never fall within the term. The first ITHC is a deadline of its own ("by no later than six months from
    // the Call-Off Commencement Date"): it is dated 4 Jul 2027 even though the term has
    // ended (the stricter reading), without yearly repeats.
    assert_eq!(
        ids(&plan.after_term, |u| u.obligation.id.as_str()),
        ["df-3-6-17", "df-3-6-training-2"]
    );
    let ithc: Vec<_> = entries(&plan, "df-3-6-1-b-iv")
        .iter()
        .map(|e| e.date)
        .collect();
    assert_eq!(ithc, [d("2027-07-04")]);
    // The certificate copy for both is due the day before, also after the term.
    let copies: Vec<_> = entries(&plan, "df-3-6-1-b-certificates")
        .iter()
        .map(|e| e.date)
        .collect();
    assert_eq!(copies, [d("2027-07-03")]);
    // Two restore tests: the first quarter ends 3 Apr 2027; the second (4 Apr to 3 Jul)
    // is cut short by the term, so its test is due on the term's last day, 3 Jun 2027.
    // One-off deadlines are dated even after the term's end (the schedule states them
    // without regard to it).
    let restore: Vec<_> = entries(&plan, "df-3-6-continuity-3")
        .iter()
        .map(|e| (e.date, e.occurrences))
        .collect();
    assert_eq!(restore, [(d("2027-04-03"), 2), (d("2027-06-03"), 2)]);
    assert_eq!(entries(&plan, "df-3-6-1-b-ii")[0].date, d("2027-07-04"));
    assert!(!plan.needs_start_date());
}

// ---------------------------------------------------------------------------------------
// Readings of issue 13: Quarterly tests, the annual ISMP review, certificate copies

/// The dates of one obligation in `plan`, in order.
fn dates_of(plan: &Plan, id: &str) -> Vec<NaiveDate> {
    entries(plan, id).iter().map(|e| e.date).collect()
}

fn ds(dates: &[&str]) -> Vec<NaiveDate> {
    dates.iter().map(|x| d(x)).collect()
}

const RESTORE_ID: &str = "df-3-6-continuity-3";

#[test]
fn quarterly_restore_tests_fall_on_the_last_day_of_each_quarter() {
    // "no less than Quarterly": one test in each quarter of the Call-Off Term, due by the
    // quarter's last day, the last quarter included. Quarter k starts on commencement +
    // 3(k−1) months (the same day of the month, or the month's last day when it has no
    // such day) and ends the day before the next starts, or on the term's last day.
    //
    // From 1 Jan 2027 the quarters start on 1 Jan, 1 Apr, 1 Jul, 1 Oct.
    // From 31 Aug 2026 they start on 31 Aug, 30 Nov (no 31 Nov), 28 Feb 2027 (not a leap
    // year), 31 May, 31 Aug, 30 Nov, 29 Feb 2028 (leap year), 31 May, 31 Aug, 30 Nov,
    // 28 Feb 2029, 31 May, and the next would be 31 Aug 2029; so they end on 29 Nov,
    // 27 Feb, 30 May, 30 Aug, 29 Nov, 28 Feb, 30 May, 30 Aug, 29 Nov, 27 Feb, 30 May,
    // 30 Aug.
    // From 29 Feb 2028 they start on the 29th of May, Aug, Nov and on 28 Feb (2029, 2030
    // and 2031 have no 29 Feb), so they end on the 28th of May, Aug, Nov and on 27 Feb.
    // Terms (commencement + N months, less a day): 1 Jan 2027 + 3/12/13/36 ends 31 Mar
    // 2027, 31 Dec 2027, 31 Jan 2028, 31 Dec 2029; 31 Aug 2026 + 3/12/13/36 ends 29 Nov
    // 2026, 30 Aug 2027, 29 Sep 2027 (31 Aug + 13 months = 30 Sep 2027), 30 Aug 2029;
    // 29 Feb 2028 + 3/12/13/36 ends 28 May 2028, 27 Feb 2029, 28 Mar 2029, 27 Feb 2031.
    // A 13-month term has a fifth quarter of one month, cut short at the term's end.
    let cases: [(&str, u32, &[&str]); 12] = [
        ("2027-01-01", 3, &["2027-03-31"]),
        (
            "2027-01-01",
            12,
            &["2027-03-31", "2027-06-30", "2027-09-30", "2027-12-31"],
        ),
        (
            "2027-01-01",
            13,
            &[
                "2027-03-31",
                "2027-06-30",
                "2027-09-30",
                "2027-12-31",
                "2028-01-31",
            ],
        ),
        (
            "2027-01-01",
            36,
            &[
                "2027-03-31",
                "2027-06-30",
                "2027-09-30",
                "2027-12-31",
                "2028-03-31",
                "2028-06-30",
                "2028-09-30",
                "2028-12-31",
                "2029-03-31",
                "2029-06-30",
                "2029-09-30",
                "2029-12-31",
            ],
        ),
        ("2026-08-31", 3, &["2026-11-29"]),
        (
            "2026-08-31",
            12,
            &["2026-11-29", "2027-02-27", "2027-05-30", "2027-08-30"],
        ),
        (
            "2026-08-31",
            13,
            &[
                "2026-11-29",
                "2027-02-27",
                "2027-05-30",
                "2027-08-30",
                "2027-09-29",
            ],
        ),
        (
            "2026-08-31",
            36,
            &[
                "2026-11-29",
                "2027-02-27",
                "2027-05-30",
                "2027-08-30",
                "2027-11-29",
                "2028-02-28",
                "2028-05-30",
                "2028-08-30",
                "2028-11-29",
                "2029-02-27",
                "2029-05-30",
                "2029-08-30",
            ],
        ),
        ("2028-02-29", 3, &["2028-05-28"]),
        (
            "2028-02-29",
            12,
            &["2028-05-28", "2028-08-28", "2028-11-28", "2029-02-27"],
        ),
        (
            "2028-02-29",
            13,
            &[
                "2028-05-28",
                "2028-08-28",
                "2028-11-28",
                "2029-02-27",
                "2029-03-28",
            ],
        ),
        (
            "2028-02-29",
            36,
            &[
                "2028-05-28",
                "2028-08-28",
                "2028-11-28",
                "2029-02-27",
                "2029-05-28",
                "2029-08-28",
                "2029-11-28",
                "2030-02-27",
                "2030-05-28",
                "2030-08-28",
                "2030-11-28",
                "2031-02-27",
            ],
        ),
    ];
    for (start, months, expected) in cases {
        let plan = df_plan(Level::S6, Some(start), months, &[], "2026-01-01");
        assert_eq!(
            dates_of(&plan, RESTORE_ID),
            ds(expected),
            "{months} months from {start}"
        );
        // The last test is due on the term's last day: the final quarter is kept.
        assert_eq!(plan.end, Some(d(expected[expected.len() - 1])));
        let restore = entries(&plan, RESTORE_ID);
        assert!(restore
            .iter()
            .all(|e| e.occurrences as usize == expected.len() && e.recurring));
    }
    // The duty says which reading it applies.
    let note = find(RESTORE_ID).unwrap().note.unwrap();
    assert!(note.contains("\"Quarterly\" is capitalised"), "{note}");
    assert!(
        note.contains("Framework Agreement's own definition"),
        "{note}"
    );
    assert!(note.contains("31 March, 30 June, 30 September and 31 December 2027"));

    // The term's end unknown (months not answered): the first quarter's last day, then
    // every quarter.
    let open = df_plan(Level::S6, Some("2027-01-01"), 0, &[], "2026-01-01");
    let restore = entries(&open, RESTORE_ID);
    assert_eq!(restore.len(), 1);
    assert_eq!(restore[0].date, d("2027-03-31"));
    assert_eq!(restore[0].then_every, Some("then every quarter"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Every restore test lies inside the term, and each quarter of the term, worked out
    /// here with chrono's own month arithmetic, has exactly one, on its last day.
    #[test]
    fn each_quarter_of_the_term_has_exactly_one_restore_test(
        offset in 0i64..10_000,
        months in 1u32..=60,
    ) {
        let start = d("2020-01-01") + Duration::days(offset);
        let answers = DfAnswers {
            months,
            access: true,
            commencement: Some(start),
            ..DfAnswers::default()
        };
        let plan = build_plan(
            &df_selected(Level::S6),
            &PlanInput::df(&answers, EventDates::new(), start),
        );
        let at = |n: u32| start.checked_add_months(Months::new(n)).unwrap();
        let end = at(months) - Duration::days(1);
        prop_assert_eq!(plan.end, Some(end));
        let dates = dates_of(&plan, RESTORE_ID);
        prop_assert!(dates.iter().all(|x| start <= *x && *x <= end), "{:?}", dates);
        let quarters = months.div_ceil(3);
        prop_assert_eq!(dates.len(), quarters as usize);
        for k in 0..quarters {
            let first = at(3 * k);
            let last = (at(3 * k + 3) - Duration::days(1)).min(end);
            let inside: Vec<_> = dates.iter().filter(|x| first <= **x && **x <= last).collect();
            prop_assert_eq!(inside, vec![&last], "quarter {} of {:?}", k + 1, dates);
        }
    }
}

#[test]
fn the_ismp_review_counts_from_the_plans_own_deadline() {
    // ¶3.6.5: the plan no later than six weeks (42 days) before commencement; ¶3.6.17:
    // reviewed at least annually, read as within 12 months of that deadline and then every
    // 12 months while the term runs.
    // - 1 Jan 2027 − 42 days = 20 Nov 2026 (1 Dec is 31 days back, 11 more): reviews on
    //   20 Nov 2027, 2028, 2029 up to the term's end (31 Dec 2027, 31 Jan 2028 or 31 Dec
    //   2029); a 3-month term (to 31 Mar 2027) has none.
    // - 31 Aug 2026 − 42 days = 20 Jul 2026 (31 Jul is 31 days back, 11 more): the
    //   13-month term to 29 Sep 2027 has one review, 20 Jul 2027.
    // - 29 Feb 2028 − 42 days = 18 Jan 2028 (31 Jan is 29 days back, 13 more): the 12-month
    //   term to 27 Feb 2029 has one review, 18 Jan 2029.
    // - 11 Apr 2028 − 42 days = 29 Feb 2028 (31 Mar is 11 days back, 31 more to 29 Feb):
    //   12 months later is "29 Feb 2029", clamped to 28 Feb, and likewise 28 Feb 2030 and
    //   2031, each counted from 29 Feb 2028; the 36-month term ends 10 Apr 2031.
    let cases: [(&str, u32, &str, &[&str]); 7] = [
        ("2027-01-01", 3, "2026-11-20", &[]),
        ("2027-01-01", 12, "2026-11-20", &["2027-11-20"]),
        ("2027-01-01", 13, "2026-11-20", &["2027-11-20"]),
        (
            "2027-01-01",
            36,
            "2026-11-20",
            &["2027-11-20", "2028-11-20", "2029-11-20"],
        ),
        ("2026-08-31", 13, "2026-07-20", &["2027-07-20"]),
        ("2028-02-29", 12, "2028-01-18", &["2029-01-18"]),
        (
            "2028-04-11",
            36,
            "2028-02-29",
            &["2029-02-28", "2030-02-28", "2031-02-28"],
        ),
    ];
    for (start, months, ismp, reviews) in cases {
        let plan = df_plan(Level::S6, Some(start), months, &[], "2026-01-01");
        let name = format!("{months} months from {start}");
        assert_eq!(dates_of(&plan, "df-3-6-5"), ds(&[ismp]), "{name}");
        assert_eq!(dates_of(&plan, "df-3-6-17"), ds(reviews), "{name}");
        let after_term = plan
            .after_term
            .iter()
            .any(|u| u.obligation.id.as_str() == "df-3-6-17");
        assert_eq!(after_term, reviews.is_empty(), "{name}");
    }
    // The 12-month term from 1 January: the one review comes 41 days before the term's
    // last day, about six weeks.
    let plan = df_plan(Level::S6, Some("2027-01-01"), 12, &[], "2026-01-01");
    assert_eq!(plan.end, Some(d("2027-12-31")));
    assert_eq!(
        entries(&plan, "df-3-6-17")[0].rule,
        "every year after the ¶3.6.5 deadline"
    );
    let note = find("df-3-6-17").unwrap().note.unwrap();
    assert!(
        note.contains("¶3.6.5") && note.contains("stricter reading"),
        "{note}"
    );
    assert!(note.contains("20 November 2027"), "{note}");
}

#[test]
fn certificate_copies_are_due_the_day_before_each_deadline_they_serve() {
    // ¶3.5.1(b) and ¶3.6.1(b): "a copy of each such certificate of compliance before the
    // deadline for compliance as set out above": the day before the (b)(ii) certification
    // deadline (six months from commencement) and before each (b)(iv) ITHC deadline (six
    // months, then yearly within the term). The first two always coincide: one copy date.
    // - S6, 1 Jan 2027: deadlines 1 Jul 2027, then 1 Jul 2028 and 2029 within a 36-month
    //   term (to 31 Dec 2029), none more within 12 months (to 31 Dec 2027).
    // - S5, 31 Aug 2027, 23 months (to 30 Jul 2029): 31 Aug + 6 months = 29 Feb 2028 (leap
    //   year), then 28 Feb 2029; copies on 28 Feb 2028 and 27 Feb 2029.
    // - S6, 29 Feb 2028, 13 months (to 28 Mar 2029): 29 Aug 2028 only; copy 28 Aug 2028.
    // - S5, 1 Jan 2027, 3 months (to 31 Mar 2027): the six-month deadlines, 1 Jul 2027,
    //   stand after the term, and so does the copy, 30 Jun 2027.
    // - S6, 1 Mar 2027, 12 months: 1 Sep 2027; the copy on 31 Aug 2027.
    let cases: [(Level, &str, u32, &[&str]); 6] = [
        (Level::S6, "2027-01-01", 12, &["2027-06-30"]),
        (
            Level::S6,
            "2027-01-01",
            36,
            &["2027-06-30", "2028-06-30", "2029-06-30"],
        ),
        (Level::S5, "2027-08-31", 23, &["2028-02-28", "2029-02-27"]),
        (Level::S6, "2028-02-29", 13, &["2028-08-28"]),
        (Level::S5, "2027-01-01", 3, &["2027-06-30"]),
        (Level::S6, "2027-03-01", 12, &["2027-08-31"]),
    ];
    for (level, start, months, copies) in cases {
        let n = level.number();
        let plan = df_plan(level, Some(start), months, &[], "2026-01-01");
        let name = format!("{level}, {months} months from {start}");
        let id = format!("df-3-{n}-1-b-certificates");
        let entries = entries(&plan, &id);
        assert_eq!(
            entries.iter().map(|e| e.date).collect::<Vec<_>>(),
            ds(copies),
            "{name}"
        );
        // The same element as before: cited as ¶3.N.1(b), one entry per date.
        let reference = format!("3.{n}.1(b)");
        assert!(entries.iter().all(|e| e.obligation.reference == reference));
        // Each copy lies strictly before, and exactly a day before, a deadline of (b)(ii)
        // or (b)(iv) in the same plan, and every such deadline has its copy.
        let deadlines: BTreeSet<NaiveDate> =
            [format!("df-3-{n}-1-b-ii"), format!("df-3-{n}-1-b-iv")]
                .iter()
                .flat_map(|id| dates_of(&plan, id))
                .collect();
        let day_before: BTreeSet<NaiveDate> =
            deadlines.iter().map(|x| *x - Duration::days(1)).collect();
        assert_eq!(day_before, ds(copies).into_iter().collect(), "{name}");
        // The calendar: yearly copies on the same day are one event that repeats
        // (`RRULE`), with the UID of the first; otherwise one event per copy, each with
        // its own UID.
        let ics = unfold_and_parse(&plan_ics(&plan, stamp()));
        let events: Vec<(String, Option<String>)> = ics
            .iter()
            .filter_map(|e| {
                let uid = e.iter().find(|(k, _)| k == "UID")?.1.clone();
                let rule = e.iter().find(|(k, _)| k == "RRULE").map(|r| r.1.clone());
                uid.starts_with(&format!("{id}-")).then_some((uid, rule))
            })
            .collect();
        let uid = |c: &str| format!("{id}-{c}@security-matrix");
        let want: Vec<(String, Option<String>)> = if copies.len() == 3 {
            vec![(uid(copies[0]), Some("FREQ=YEARLY;COUNT=3".to_string()))]
        } else {
            copies.iter().map(|c| (uid(c), None)).collect()
        };
        assert_eq!(events, want, "{name}");
    }
    // The term's end unknown: the first copy, then one before each later ITHC.
    let open = df_plan(Level::S6, Some("2027-01-01"), 0, &[], "2026-01-01");
    let copies = entries(&open, "df-3-6-1-b-certificates");
    assert_eq!(copies.len(), 1);
    assert_eq!(copies[0].date, d("2027-06-30"));
    assert_eq!(
        copies[0].then_every,
        Some("then the day before each later deadline")
    );
    // Route (a) has neither the deadlines nor the copies.
    let route_a = select(&Facts {
        schedule: Schedule::Df,
        level: Some(Level::S6),
        path: Some(Path::A),
        ..Facts::default()
    });
    let answers = DfAnswers {
        months: 36,
        commencement: Some(d("2027-01-01")),
        ..DfAnswers::default()
    };
    let plan = build_plan(
        &route_a,
        &PlanInput::df(&answers, EventDates::new(), d("2026-01-01")),
    );
    assert!(entries(&plan, "df-3-6-1-b-certificates").is_empty());
    for id in ["df-3-5-1-b-certificates", "df-3-6-1-b-certificates"] {
        let note = find(id).unwrap().note.unwrap();
        assert!(note.contains("the day before"), "{id}: {note}");
    }
}

// ---------------------------------------------------------------------------------------
// 2017

#[test]
fn sm2017_effective_date_14_december_2026() {
    let plan = sm_plan(Some("2026-12-14"), &[], "2026-12-01");
    assert_eq!(plan.end, None);
    // SMP within 20 Working Days of Monday 14 Dec 2026: Dec 15–18 (4), 21–24 (8),
    // [25 Christmas, 28 Boxing Day substitute] 29–31 (11), [1 Jan New Year's Day],
    // Jan 4–8 (16), 11–14 (20): 14 Jan 2027.
    // Annual review: 14 Dec 2027, then every year (the term's end is unknown).
    assert_eq!(
        rows(&plan),
        expect_rows(&[
            ("sm2017-3-2", "3.2", "2027-01-14", 1, 1),
            ("sm2017-4-1", "4.1", "2027-12-14", 1, 1),
        ])
    );
    let smp = &plan.dated[0];
    assert_eq!(smp.rule, "within 20 Working Days after the Effective Date");
    assert_eq!(smp.then_every, None);
    assert!(!smp.recurring);
    let review = &plan.dated[1];
    assert!(review.recurring);
    assert_eq!(review.rule, "every year after the Effective Date");
    assert_eq!(review.then_every, Some("then every year"));
    assert_eq!(review.uid, "sm2017-4-1-2027-12-14@security-matrix");

    assert!(plan.before_processing.obligations.is_empty());
    assert_eq!(plan.before_processing.assumption, None);
    assert!(!plan.needs_start_date());
    assert_eq!(
        plan.event_duties
            .iter()
            .map(|e| (e.obligation.id.as_str(), e.event_id.as_str()))
            .collect::<Vec<_>>(),
        [
            ("sm2017-3-4-amend", "smp-non-approval"),
            ("sm2017-3-4-approval", "smp-submission"),
            ("sm2017-5-2-5", "authority-request"),
        ]
    );

    // Without the Effective Date: asked for, nothing dated.
    let undated = sm_plan(None, &[], "2026-12-01");
    assert!(undated.dated.is_empty());
    assert_eq!(
        undated.needs_start,
        Some("Enter the Effective Date to see the dates of the duties counted from it.")
    );
    assert_eq!(
        ids(&undated.awaiting_start, |u| u.obligation.id.as_str()),
        ["sm2017-3-2", "sm2017-4-1"]
    );
}

#[test]
fn sm2017_event_dates() {
    // Authority request on Thursday 24 Dec 2026: [25, 28 Dec holidays] Tue 29 (1),
    // Wed 30 (2). SMP not approved, notice Friday 26 Mar 2027 (Good Friday): 12 Apr 2027,
    // as for the DF plan.
    let plan = sm_plan(
        Some("2026-12-14"),
        &[
            ("authority-request", "2026-12-24"),
            ("smp-non-approval", "2027-03-26"),
        ],
        "2027-01-01",
    );
    assert_eq!(
        plan.dated
            .iter()
            .map(|e| (e.obligation.id.as_str(), e.date, e.past))
            .collect::<Vec<_>>(),
        [
            ("sm2017-5-2-5", d("2026-12-30"), true),
            ("sm2017-3-2", d("2027-01-14"), false),
            ("sm2017-3-4-amend", d("2027-04-12"), false),
            ("sm2017-4-1", d("2027-12-14"), false),
        ]
    );
    assert_eq!(
        plan.dated[0].event_label,
        Some("the date the Authority asks for data about a possible incident or compromise")
    );
}

// ---------------------------------------------------------------------------------------
// The calendar file

#[test]
fn ics_parses_back_with_one_event_per_date_or_repeating_duty() {
    let plan = df_plan(
        Level::S6,
        Some("2027-01-04"),
        36,
        &[("ismp-non-approval", "2027-03-26")],
        "2026-11-01",
    );
    let ics = plan_ics(&plan, stamp());
    let parsed = unfold_and_parse(&ics);
    // 31 dates: the five recurring duties' 24 dates (the ITHC, the certificate copies,
    // the ISMP review and the training 3 each, the restore tests 12) repeat from their
    // first dates, 5 events; the other 7 dates are an event each.
    assert_eq!(plan.dated.len(), 31);
    assert_eq!(parsed.len(), 12);

    let prop = |event: &Vec<(String, String)>, name: &str| -> String {
        let values: Vec<_> = event.iter().filter(|(n, _)| n == name).collect();
        assert_eq!(values.len(), 1, "{name} in {event:?}");
        values[0].1.clone()
    };
    let mut uids = BTreeSet::new();
    let mut previous = None;
    for event in &parsed {
        let uid = prop(event, "UID");
        let entry = plan
            .dated
            .iter()
            .find(|e| e.uid == uid)
            .unwrap_or_else(|| panic!("no entry {uid}"));
        assert!(uids.insert(uid.clone()), "duplicate UID {uid}");
        let repeats = event.iter().any(|(n, _)| n == "RRULE");
        // A repeating event is its duty's first date; events in date order.
        assert_eq!(repeats, entry.recurring && entry.occurrence == 1, "{uid}");
        assert!(previous <= Some(entry.date), "{uid}");
        previous = Some(entry.date);
        let summary = prop(event, "SUMMARY");
        assert_eq!(
            summary,
            format!("{} {}", entry.obligation.reference, entry.obligation.title)
        );
        assert_eq!(
            prop(event, "DTSTART;VALUE=DATE"),
            entry.date.format("%Y%m%d").to_string()
        );
        assert_eq!(prop(event, "DTSTAMP"), "20261101T093000Z");
        let description = prop(event, "DESCRIPTION");
        assert!(description.contains(&entry.rule), "{description}");
        assert!(
            description.contains("DF Schedule 2.4 Information Security and Assurance"),
            "{description}"
        );
        assert!(description.ends_with(DISCLAIMER), "{description}");
    }

    // Spot checks, by UID.
    let by_uid = |uid: &str| {
        parsed
            .iter()
            .find(|e| e.iter().any(|(n, v)| n == "UID" && v == uid))
            .unwrap_or_else(|| panic!("no event {uid}"))
    };
    let ithc = by_uid("df-3-6-1-b-iv-2027-07-04@security-matrix");
    assert_eq!(prop(ithc, "DTSTART;VALUE=DATE"), "20270704");
    assert_eq!(prop(ithc, "DTEND;VALUE=DATE"), "20270705");
    assert_eq!(prop(ithc, "RRULE"), "FREQ=YEARLY;COUNT=3");
    assert!(prop(ithc, "SUMMARY").starts_with("3.6.1(b)(iv) Route (b): "));
    assert_eq!(
        prop(ithc, "DESCRIPTION"),
        "Due within 6 months of the Call-Off Commencement Date, then every year.\n\
         Every year, 4 July 2027 to 4 July 2029, 3 times.\n\
         DF Schedule 2.4 Information Security and Assurance, paragraph 3.6.1(b)(iv).\n\
         Not legal advice; the signed schedule prevails."
    );
    // The certificate copies: on the paragraph they are cited by.
    let copy = by_uid("df-3-6-1-b-certificates-2027-07-03@security-matrix");
    assert_eq!(prop(copy, "DTSTART;VALUE=DATE"), "20270703");
    assert_eq!(prop(copy, "RRULE"), "FREQ=YEARLY;COUNT=3");
    assert!(prop(copy, "SUMMARY").starts_with("3.6.1(b) Route (b): give the Customer"));
    assert_eq!(
        prop(copy, "DESCRIPTION"),
        "Due the day before each deadline of ¶3.6.1(b)(ii) and ¶3.6.1(b)(iv).\n\
         Every year, 3 July 2027 to 3 July 2029, 3 times.\n\
         DF Schedule 2.4 Information Security and Assurance, paragraph 3.6.1(b).\n\
         Not legal advice; the signed schedule prevails."
    );
    let review = by_uid("df-3-6-17-2027-11-23@security-matrix");
    assert!(prop(review, "DESCRIPTION").starts_with(
        "Due every year after the ¶3.6.5 deadline.\nEvery year, 23 November 2027 to \
         23 November 2029, 3 times."
    ));
    // The restore tests: the 3rd of every third month (the day before the 4th).
    let restore = by_uid("df-3-6-continuity-3-2027-04-03@security-matrix");
    assert_eq!(prop(restore, "RRULE"), "FREQ=MONTHLY;INTERVAL=3;COUNT=12");
    assert!(prop(restore, "DESCRIPTION")
        .contains("Every quarter, 3 April 2027 to 3 January 2030, 12 times."));
    let cep = by_uid("df-3-6-1-b-i-2027-01-03@security-matrix");
    assert!(prop(cep, "DESCRIPTION")
        .contains("Assumes you start processing Customer Data on the Call-Off Commencement Date."));
    let amend = by_uid("df-3-6-8-amend-2027-04-12@security-matrix");
    assert!(prop(amend, "DESCRIPTION").contains(
        "Counted from the date you receive the Customer's notice that the plan is not approved."
    ));

    // Stable: a second run, on another day with another DTSTAMP, gives the same UIDs, and
    // the same inputs give the same file.
    let again = df_plan(
        Level::S6,
        Some("2027-01-04"),
        36,
        &[("ismp-non-approval", "2027-03-26")],
        "2028-05-05",
    );
    let other_stamp = d("2028-05-05").and_hms_opt(23, 59, 59).unwrap();
    let again_uids: BTreeSet<String> = unfold_and_parse(&plan_ics(&again, other_stamp))
        .iter()
        .map(|e| prop(e, "UID"))
        .collect();
    assert_eq!(again_uids, uids);
    assert_eq!(plan_ics(&plan, stamp()), ics);
}

#[test]
fn sm2017_ics_says_then_every_year() {
    let plan = sm_plan(Some("2026-12-14"), &[], "2026-12-01");
    let parsed = unfold_and_parse(&plan_ics(&plan, stamp()));
    assert_eq!(parsed.len(), 2);
    let description = &parsed[1]
        .iter()
        .find(|(n, _)| n == "DESCRIPTION")
        .unwrap()
        .1;
    assert_eq!(
        description,
        "Due every year after the Effective Date.\n\
         This is the first date; then every year.\n\
         Schedule 2.4 Security Management (2017), paragraph 4.1.\n\
         Not legal advice; the signed schedule prevails."
    );
}

#[test]
fn ics_file_names() {
    let s6 = df_plan(Level::S6, Some("2027-01-04"), 36, &[], "2026-11-01");
    assert_eq!(
        ics_file_name(&s6, Some(Level::S6)),
        "security-plan-S6-2027-01-04.ics"
    );
    assert_eq!(ics_file_name(&s6, None), "security-plan-df-2027-01-04.ics");
    let no_start = df_plan(Level::S6, None, 36, &[], "2026-11-01");
    assert_eq!(
        ics_file_name(&no_start, Some(Level::S6)),
        "security-plan-S6.ics"
    );
    let sm = sm_plan(Some("2026-12-14"), &[], "2026-12-01");
    assert_eq!(
        ics_file_name(&sm, Some(Level::S2)),
        "security-plan-sm2017-2026-12-14.ics"
    );
}

// ---------------------------------------------------------------------------------------
// Time zones

/// Set in the child processes of `same_plan_and_ics_in_every_time_zone`: the file to
/// write the child's output to.
const TZ_CHILD_OUTPUT: &str = "SECURITY_MATRIX_PLAN_TZ_CHILD_OUTPUT";

/// The plan and calendar for fixed inputs, as text.
fn tz_reference_output() -> String {
    let plan = df_plan(
        Level::S6,
        Some("2027-01-04"),
        36,
        &[
            ("ismp-non-approval", "2027-03-26"),
            ("security-event-awareness", "2027-12-31"),
        ],
        "2027-07-04",
    );
    let sm = sm_plan(Some("2026-12-14"), &[], "2026-12-01");
    format!(
        "{plan:#?}\n{}\n{sm:#?}\n{}",
        plan_ics(&plan, stamp()),
        plan_ics(&sm, stamp())
    )
}

/// Nothing in the plan reads the machine's time zone: every date is a `NaiveDate`,
/// `today` and the `DTSTAMP` are parameters and chrono is built without its `clock`
/// feature. To check that rather than assume it, this test re-runs itself as a child
/// process under `TZ=Pacific/Kiritimati` (UTC+14) and `TZ=America/Los_Angeles`
/// (UTC−8/−7), whose local dates differ for most of each day; each child writes the same
/// plan and calendar to a file, which must equal the parent's byte for byte. (If a zone
/// file were missing the C library would fall back to UTC; both are in tzdata.)
#[test]
fn same_plan_and_ics_in_every_time_zone() {
    let output = tz_reference_output();
    if let Ok(path) = std::env::var(TZ_CHILD_OUTPUT) {
        std::fs::write(&path, output).unwrap_or_else(|e| panic!("{path}: {e}"));
        return;
    }
    let exe = std::env::current_exe().expect("test executable");
    for tz in ["Pacific/Kiritimati", "America/Los_Angeles"] {
        let path = std::env::temp_dir().join(format!(
            "security-matrix-plan-tz-{}-{}.txt",
            std::process::id(),
            tz.replace('/', "-")
        ));
        let _ = std::fs::remove_file(&path);
        let run = std::process::Command::new(&exe)
            .args([
                "--exact",
                "same_plan_and_ics_in_every_time_zone",
                "--test-threads=1",
            ])
            .env("TZ", tz)
            .env(TZ_CHILD_OUTPUT, &path)
            .output()
            .expect("run the test executable");
        assert!(
            run.status.success(),
            "child under TZ={tz} failed:\n{}\n{}",
            String::from_utf8_lossy(&run.stdout),
            String::from_utf8_lossy(&run.stderr)
        );
        let child = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("TZ={tz}: the child wrote no output ({e})"));
        let _ = std::fs::remove_file(&path);
        assert_eq!(child, output, "output differs under TZ={tz}");
    }
}
