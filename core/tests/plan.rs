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
use security_matrix_core::VecMap;
use std::collections::BTreeSet;

use chrono::{NaiveDate, NaiveDateTime};
use security_matrix_core::catalogue::{select, Facts, Path, Schedule, Selected};
use security_matrix_core::ics::unfold_and_parse;
use security_matrix_core::plan::{
    build_plan, df_term_end, ics_file_name, plan_ics, Plan, PlanEntry, PlanInput, DISCLAIMER,
};
use security_matrix_core::{DfAnswers, Level, SmAnswers};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn stamp() -> NaiveDateTime {
    d("2026-11-01").and_hms_opt(9, 30, 0).unwrap()
}

fn events(pairs: &[(&str, &str)]) -> VecMap<String, NaiveDate> {
    pairs.iter().map(|(k, v)| (k.to_string(), d(v))).collect()
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
                e.obligation.id,
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
        .filter(|e| e.obligation.id == id)
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
    // - 3.6.17 annual review: 4 Jan 2028, 4 Jan 2029 (4 Jan 2030 is a day after the term).
    // - training, the last day of each contract year: 3 Jan 2028, 3 Jan 2029 and
    //   3 Jan 2030, which is the term's last day and so within it.
    // - quarterly restore tests: the 4th of Apr, Jul, Oct, Jan from 4 Apr 2027 to
    //   4 Oct 2029 (11 of them; 4 Jan 2030 is after the term).
    // Ties are in catalogue order.
    const TRAINING: &str = "3.6, Awareness & Training, 2nd paragraph";
    const RESTORE: &str = "3.6, Business Continuity, 3rd paragraph";
    const PERSONNEL: &str = "3.6, Personnel Security, 1st paragraph";
    let expected = expect_rows(&[
        ("df-3-6-5", "3.6.5", "2026-11-23", 1, 1),
        ("df-3-6-1-b-i", "3.6.1(b)(i)", "2027-01-03", 1, 1),
        ("df-3-6-4", "3.6.4", "2027-01-03", 1, 1),
        ("df-3-6-personnel-1", PERSONNEL, "2027-01-03", 1, 1),
        ("df-3-6-continuity-3", RESTORE, "2027-04-04", 1, 11),
        ("df-3-6-1-b-ii", "3.6.1(b)(ii)", "2027-07-04", 1, 1),
        ("df-3-6-1-b-iv", "3.6.1(b)(iv)", "2027-07-04", 1, 3),
        ("df-3-6-5-certification", "3.6.5", "2027-07-04", 1, 1),
        ("df-3-6-continuity-3", RESTORE, "2027-07-04", 2, 11),
        ("df-3-6-continuity-3", RESTORE, "2027-10-04", 3, 11),
        ("df-3-6-training-2", TRAINING, "2028-01-03", 1, 3),
        ("df-3-6-17", "3.6.17", "2028-01-04", 1, 2),
        ("df-3-6-continuity-3", RESTORE, "2028-01-04", 4, 11),
        ("df-3-6-continuity-3", RESTORE, "2028-04-04", 5, 11),
        ("df-3-6-1-b-iv", "3.6.1(b)(iv)", "2028-07-04", 2, 3),
        ("df-3-6-continuity-3", RESTORE, "2028-07-04", 6, 11),
        ("df-3-6-continuity-3", RESTORE, "2028-10-04", 7, 11),
        ("df-3-6-training-2", TRAINING, "2029-01-03", 2, 3),
        ("df-3-6-17", "3.6.17", "2029-01-04", 2, 2),
        ("df-3-6-continuity-3", RESTORE, "2029-01-04", 8, 11),
        ("df-3-6-continuity-3", RESTORE, "2029-04-04", 9, 11),
        ("df-3-6-1-b-iv", "3.6.1(b)(iv)", "2029-07-04", 3, 3),
        ("df-3-6-continuity-3", RESTORE, "2029-07-04", 10, 11),
        ("df-3-6-continuity-3", RESTORE, "2029-10-04", 11, 11),
        ("df-3-6-training-2", TRAINING, "2030-01-03", 3, 3),
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
        "at least once every quarter"
    );

    // Before processing: dated the day before commencement, with the assumption.
    const ASSUMPTION: &str =
        "Assumes you start processing Customer Data on the Call-Off Commencement Date.";
    assert_eq!(
        ids(&plan.before_processing.obligations, |o| o.id),
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
        ids(&plan.standing, |u| u.obligation.id),
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
            .map(|e| (e.obligation.id, e.event_id, e.due))
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
        &PlanInput::df(&answers, VecMap::new(), d("2026-11-01")),
    );
    let on_3_jan: Vec<_> = plan
        .dated
        .iter()
        .filter(|e| e.date == d("2027-01-03"))
        .map(|e| e.obligation.id)
        .collect();
    assert_eq!(on_3_jan, ["df-3-6-1-a", "df-3-6-4", "df-3-6-personnel-1"]);
    let on_4_jul: Vec<_> = plan
        .dated
        .iter()
        .filter(|e| e.date == d("2027-07-04"))
        .map(|e| e.obligation.id)
        .collect();
    assert_eq!(on_4_jul, ["df-3-6-5-certification", "df-3-6-continuity-3"]);
    // 25 entries on route (b), less (b)(i), (b)(ii) and three ITHCs, plus (a).
    assert_eq!(plan.dated.len(), 25 - 5 + 1);
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
        .map(|e| (e.obligation.id, e.date, e.past))
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
            .map(|e| (e.obligation.id, e.event_date, e.due))
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
        ids(&plan.standing, |u| u.obligation.id),
        ["df-3-6-8-approval", "df-3-6-continuity-1"]
    );
    assert_eq!(
        plan.standing[0].event_label,
        Some("the date you first submit the Information Security Management Plan to the Customer")
    );
    // 25 commencement-based entries and 3 event ones.
    assert_eq!(plan.dated.len(), 28);
    let amend = entries(&plan, "df-3-6-8-amend");
    assert_eq!(amend[0].uid, "df-3-6-8-amend-2027-04-12@security-matrix");
    assert_eq!((amend[0].occurrence, amend[0].occurrences), (1, 1));
    assert!(!amend[0].recurring);
}

#[test]
fn past_is_relative_to_the_today_passed_in() {
    // Today 4 Jul 2027: the five entries before it are past; those on it are not.
    let plan = df_plan(Level::S6, Some("2027-01-04"), 36, &[], "2027-07-04");
    let past: Vec<_> = plan
        .dated
        .iter()
        .filter(|e| e.past)
        .map(|e| (e.obligation.id, e.date))
        .collect();
    assert_eq!(
        past,
        [
            ("df-3-6-5", d("2026-11-23")),
            ("df-3-6-1-b-i", d("2027-01-03")),
            ("df-3-6-4", d("2027-01-03")),
            ("df-3-6-personnel-1", d("2027-01-03")),
            ("df-3-6-continuity-3", d("2027-04-04")),
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
        ids(&plan.awaiting_start, |u| u.obligation.id),
        [
            "df-3-6-1-b-ii",
            "df-3-6-1-b-iv",
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
        ids(&plan.standing, |u| u.obligation.id),
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
    assert_eq!(ids(&s1.standing, |u| u.obligation.id), ["df-2-8-1"]);
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
    // last day, so within it.
    assert_eq!(
        rows(&plan),
        expect_rows(&[
            ("df-3-5-1-b-i", "3.5.1(b)(i)", "2026-08-30", 1, 1),
            ("df-3-5-1-b-ii", "3.5.1(b)(ii)", "2027-02-28", 1, 1),
            ("df-3-5-1-b-iv", "3.5.1(b)(iv)", "2027-02-28", 1, 2),
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
}

#[test]
fn recurring_duties_whose_first_date_is_after_the_term() {
    // A 5-month S6 term from 4 Jan 2027 ends 3 Jun 2027.
    let plan = df_plan(Level::S6, Some("2027-01-04"), 5, &[], "2026-11-01");
    assert_eq!(plan.end, Some(d("2027-06-03")));
    // The annual review (4 Jan 2028) and the training (3 Jan 2028) never fall within
    // the term. The first ITHC is a deadline of its own ("by no later than six months from
    // the Call-Off Commencement Date"): it is dated 4 Jul 2027 even though the term has
    // ended (the stricter reading), without yearly repeats.
    assert_eq!(
        ids(&plan.after_term, |u| u.obligation.id),
        ["df-3-6-17", "df-3-6-training-2"]
    );
    let ithc: Vec<_> = entries(&plan, "df-3-6-1-b-iv")
        .iter()
        .map(|e| e.date)
        .collect();
    assert_eq!(ithc, [d("2027-07-04")]);
    // One restore test, 4 Apr 2027. One-off deadlines are dated even after the term's end
    // (the schedule states them without regard to it).
    let restore: Vec<_> = entries(&plan, "df-3-6-continuity-3")
        .iter()
        .map(|e| (e.date, e.occurrences))
        .collect();
    assert_eq!(restore, [(d("2027-04-04"), 1)]);
    assert_eq!(entries(&plan, "df-3-6-1-b-ii")[0].date, d("2027-07-04"));
    assert!(!plan.needs_start_date());
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
            .map(|e| (e.obligation.id, e.event_id))
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
        ids(&undated.awaiting_start, |u| u.obligation.id),
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
            .map(|e| (e.obligation.id, e.date, e.past))
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
fn ics_parses_back_with_one_event_per_dated_entry() {
    let plan = df_plan(
        Level::S6,
        Some("2027-01-04"),
        36,
        &[("ismp-non-approval", "2027-03-26")],
        "2026-11-01",
    );
    let ics = plan_ics(&plan, stamp());
    let parsed = unfold_and_parse(&ics);
    assert_eq!(parsed.len(), plan.dated.len());
    assert_eq!(parsed.len(), 26);

    let prop = |event: &Vec<(String, String)>, name: &str| -> String {
        let values: Vec<_> = event.iter().filter(|(n, _)| n == name).collect();
        assert_eq!(values.len(), 1, "{name} in {event:?}");
        values[0].1.clone()
    };
    let mut uids = BTreeSet::new();
    for (event, entry) in parsed.iter().zip(&plan.dated) {
        let uid = prop(event, "UID");
        assert_eq!(uid, entry.uid);
        assert!(uids.insert(uid.clone()), "duplicate UID {uid}");
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
    let ithc = by_uid("df-3-6-1-b-iv-2028-07-04@security-matrix");
    assert_eq!(prop(ithc, "DTSTART;VALUE=DATE"), "20280704");
    assert_eq!(prop(ithc, "DTEND;VALUE=DATE"), "20280705");
    assert!(prop(ithc, "SUMMARY").starts_with("3.6.1(b)(iv) Route (b): "));
    assert_eq!(
        prop(ithc, "DESCRIPTION"),
        "Due within 6 months of the Call-Off Commencement Date, then every year.\n\
         Occurrence 2 of 3 within the term.\n\
         DF Schedule 2.4 Information Security and Assurance, paragraph 3.6.1(b)(iv).\n\
         Not legal advice; the signed schedule prevails."
    );
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
