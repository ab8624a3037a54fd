//! The calendar file's repeating events: each `RRULE` written, expanded here by a small
//! expander of its own (for the subset the writer uses, and refusing anything else),
//! gives exactly the plan's dates for that duty; every other date is an event of its own.
use chrono::{Datelike, Duration, NaiveDate};
use proptest::prelude::*;
use security_matrix_core::assessment::answers::Path;
use security_matrix_core::assessment::schedule::Schedule;
use security_matrix_core::dates::plan::EventDates;
use security_matrix_core::dates::plan::{build_plan, Plan, PlanInput};
use security_matrix_core::duties::{select, Facts};
use security_matrix_core::file::link::from_fragment;
use security_matrix_core::report::{df_report, sm_report};
use security_matrix_core::takeaways::calendar_file::plan_ics;
use security_matrix_core::takeaways::ics::unfold_and_parse;
use security_matrix_core::{DfAnswers, Level};
use std::collections::BTreeMap;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn basic(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y%m%d").unwrap_or_else(|e| panic!("{s}: {e}"))
}

/// The dates of `RRULE:rule` from `DTSTART` `start`, walking the calendar day by day and
/// keeping the days the rule matches (RFC 5545 §3.3.10, for FREQ=YEARLY|MONTHLY with
/// INTERVAL, BYMONTH, BYMONTHDAY and COUNT; a day a month lacks never matches).
fn expand(start: NaiveDate, rule: &str) -> Vec<NaiveDate> {
    let mut parts = BTreeMap::new();
    for part in rule.split(';') {
        let (k, v) = part.split_once('=').unwrap_or_else(|| panic!("{rule}"));
        assert!(parts.insert(k, v).is_none(), "{k} twice in {rule}");
    }
    let number = |k: &str| parts.get(k).map(|v| v.parse::<i64>().unwrap());
    for k in parts.keys() {
        assert!(
            ["FREQ", "INTERVAL", "BYMONTH", "BYMONTHDAY", "COUNT"].contains(k),
            "{k} in {rule}"
        );
    }
    let yearly = match parts["FREQ"] {
        "YEARLY" => true,
        "MONTHLY" => false,
        other => panic!("FREQ={other}"),
    };
    let interval = number("INTERVAL").unwrap_or(1);
    let count = number("COUNT").expect("COUNT") as usize;
    let (by_month, by_day) = (number("BYMONTH"), number("BYMONTHDAY"));
    assert!(interval >= 1 && count >= 1);
    let day_matches = |x: NaiveDate| {
        let next_month = x.with_day(1).unwrap() + chrono::Months::new(1);
        let days_in_month = i64::from(next_month.pred_opt().unwrap().day());
        let want = by_day.unwrap_or(i64::from(start.day()));
        let want = if want < 0 {
            days_in_month + 1 + want
        } else {
            want
        };
        i64::from(x.day()) == want
    };
    let month_matches = |x: NaiveDate| match (yearly, by_month, by_day) {
        (_, Some(m), _) => i64::from(x.month()) == m,
        (true, None, Some(_)) => true,
        (true, None, None) => x.month() == start.month(),
        (false, None, _) => true,
    };
    let in_period = |x: NaiveDate| {
        let months = |y: NaiveDate| i64::from(y.year()) * 12 + i64::from(y.month0());
        if yearly {
            (i64::from(x.year()) - i64::from(start.year())) % interval == 0
        } else {
            (months(x) - months(start)) % interval == 0
        }
    };
    let mut out = Vec::new();
    let mut x = start;
    while out.len() < count && x < start + Duration::days(366 * 60) {
        if in_period(x) && month_matches(x) && day_matches(x) {
            out.push(x);
        }
        x += Duration::days(1);
    }
    out
}

/// Checks the calendar of `plan` against its dates; returns each RRULE by obligation id.
fn check(plan: &Plan) -> BTreeMap<String, String> {
    let events = unfold_and_parse(&plan_ics(
        plan,
        d("2026-01-01").and_hms_opt(0, 0, 0).unwrap(),
    ));
    let mut rules = BTreeMap::new();
    let mut uids = Vec::new();
    for row in plan.rows() {
        let id = row.obligation.id.as_str();
        let dates: Vec<NaiveDate> = row.dates.iter().map(|x| x.date).collect();
        let mine: Vec<&Vec<(String, String)>> = events
            .iter()
            .filter(|e| {
                let uid = &e.iter().find(|(n, _)| n == "UID").unwrap().1;
                row.dates.iter().any(|x| &x.uid == uid)
            })
            .collect();
        let prop = |e: &Vec<(String, String)>, name: &str| {
            e.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone())
        };
        let first = |e: &Vec<(String, String)>| basic(&prop(e, "DTSTART;VALUE=DATE").unwrap());
        let got: Vec<NaiveDate> = match mine.as_slice() {
            [one] if prop(one, "RRULE").is_some() => {
                let rule = prop(one, "RRULE").unwrap();
                assert!(row.recurring, "{id}: {rule}");
                assert_eq!(prop(one, "UID").unwrap(), row.dates[0].uid, "{id}");
                assert_eq!(first(one), dates[0], "{id}");
                rules.insert(id.to_string(), rule.clone());
                expand(first(one), &rule)
            }
            each => {
                assert!(each.iter().all(|e| prop(e, "RRULE").is_none()), "{id}");
                each.iter().map(|e| first(e)).collect()
            }
        };
        assert_eq!(got, dates, "{id}: {rules:?}");
        uids.extend(mine.iter().map(|e| prop(e, "UID").unwrap()));
    }
    assert_eq!(uids.len(), events.len(), "every event belongs to a row");
    uids.sort();
    uids.dedup();
    assert_eq!(uids.len(), events.len(), "UIDs are unique");
    rules
}

fn df(fragment: &str) -> Plan {
    let a = from_fragment(fragment).answers.df().unwrap();
    df_report(&a, &EventDates::new(), d("2026-01-01")).plan
}

fn rules(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

const LINK: &str = "schedule=df&special=40&professional=no&access=yes&other=no";

#[test]
fn s6_over_36_months_from_1_april_2027() {
    let plan = df(&format!(
        "{LINK}&subjects=3000&value=450000&months=36&commencement=2027-04-01"
    ));
    assert_eq!(
        check(&plan),
        rules(&[
            ("df-3-6-1-b-certificates", "FREQ=YEARLY;COUNT=3"),
            ("df-3-6-1-b-iv", "FREQ=YEARLY;COUNT=3"),
            ("df-3-6-17", "FREQ=YEARLY;COUNT=3"),
            (
                "df-3-6-continuity-3",
                "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1;COUNT=12"
            ),
            ("df-3-6-training-2", "FREQ=YEARLY;COUNT=3"),
        ])
    );
}

/// A DF plan at `level` (route (b)) over `months` from `start`.
fn at_level(level: Level, months: u32, start: NaiveDate) -> Plan {
    let selected = select(&Facts {
        schedule: Schedule::Df,
        level: Some(level),
        path: Some(Path::B),
        ..Facts::default()
    });
    let answers = DfAnswers {
        months,
        commencement: Some(start),
        ..DfAnswers::default()
    };
    build_plan(
        &selected,
        &PlanInput::df(&answers, EventDates::new(), start),
    )
}

#[test]
fn s3_and_s5() {
    // S3: nothing recurs. S5 (route (b)) over 36 months from 4 January 2027: the ITHC
    // and the certificate copies, yearly.
    let s3 = at_level(Level::S3, 36, d("2027-01-04"));
    assert_eq!(check(&s3), rules(&[]));
    assert!(!s3.dated.is_empty());
    let s5 = at_level(Level::S5, 36, d("2027-01-04"));
    assert_eq!(
        check(&s5),
        rules(&[
            ("df-3-5-1-b-certificates", "FREQ=YEARLY;COUNT=3"),
            ("df-3-5-1-b-iv", "FREQ=YEARLY;COUNT=3"),
        ])
    );
}

#[test]
fn the_2017_schedule_has_no_repeating_event() {
    let a = from_fragment("schedule=sm2017&effective=2026-12-14&own_devices=no")
        .answers
        .sm()
        .unwrap();
    let plan = sm_report(&a, &EventDates::new(), d("2026-01-01")).plan;
    // The review's one date, "then every year": the term's end is unknown, so no COUNT.
    assert_eq!(check(&plan), rules(&[]));
    assert_eq!(plan.dated.len(), 2);
}

#[test]
fn a_31_august_start() {
    // The quarters clamp (29 November, 27 February, 30 May, 30 August): no rule gives
    // them, so one event each. The yearly dates (28 February; the contract years end on
    // 30 August) repeat.
    let plan = df(&format!(
        "{LINK}&subjects=3000&value=450000&months=36&commencement=2026-08-31"
    ));
    assert_eq!(
        check(&plan),
        rules(&[
            ("df-3-6-1-b-certificates", "FREQ=YEARLY;COUNT=3"),
            ("df-3-6-1-b-iv", "FREQ=YEARLY;COUNT=3"),
            ("df-3-6-17", "FREQ=YEARLY;COUNT=3"),
            ("df-3-6-training-2", "FREQ=YEARLY;COUNT=3"),
        ])
    );
    assert_eq!(
        plan.rows()
            .iter()
            .find(|r| r.obligation.id.as_str() == "df-3-6-continuity-3")
            .unwrap()
            .dates
            .len(),
        12
    );
    // Each of those events still says which occurrence it is.
    let ics = plan_ics(&plan, d("2026-01-01").and_hms_opt(0, 0, 0).unwrap());
    let second = unfold_and_parse(&ics)
        .into_iter()
        .find(|e| {
            e.iter()
                .any(|(n, v)| n == "UID" && v == "df-3-6-continuity-3-2027-02-27@security-matrix")
        })
        .unwrap();
    assert!(second
        .iter()
        .any(|(n, v)| n == "DESCRIPTION" && v.contains("Occurrence 2 of 12 within the term.")));
    // From 29 August 2027 the health checks fall on 29 February 2028, then on the last
    // day of February; from 1 March 2027 the contract years end on the last day of
    // February, 29 February in 2028.
    let leap = df(&format!(
        "{LINK}&subjects=3000&value=450000&months=60&commencement=2027-08-29"
    ));
    assert_eq!(
        check(&leap)["df-3-6-1-b-iv"],
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1;COUNT=5"
    );
    let march = df(&format!(
        "{LINK}&subjects=3000&value=450000&months=36&commencement=2027-03-01"
    ));
    assert_eq!(
        check(&march)["df-3-6-training-2"],
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1;COUNT=3"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn every_calendar_gives_exactly_the_plans_dates(
        offset in 0i64..3_000,
        months in 0u32..=48,
        level in 3usize..6,
    ) {
        let start = d("2026-01-01") + Duration::days(offset);
        let plan = at_level(Level::ALL[level], months, start);
        check(&plan);
    }
}

#[test]
fn the_expander_here_follows_rfc_5545() {
    // RFC 5545's own example: monthly on the 31st skips the months without one.
    assert_eq!(
        expand(d("2027-01-31"), "FREQ=MONTHLY;COUNT=3"),
        [d("2027-01-31"), d("2027-03-31"), d("2027-05-31")]
    );
    assert_eq!(
        expand(d("2026-11-29"), "FREQ=MONTHLY;INTERVAL=3;COUNT=3"),
        [d("2026-11-29"), d("2027-05-29"), d("2027-08-29")]
    );
    assert_eq!(
        expand(
            d("2028-02-29"),
            "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1;COUNT=2"
        ),
        [d("2028-02-29"), d("2029-02-28")]
    );
    assert_eq!(
        expand(d("2028-02-29"), "FREQ=YEARLY;COUNT=2"),
        [d("2028-02-29"), d("2032-02-29")]
    );
}
