//! Tests of the folded plan (`Plan::rows`, `Plan::periods`): the periods a person plans
//! by, one row per duty and rule with every date, and the fold texts.
//!
//! Dates worked out by hand: 1 April 2027 + 6 months is 1 October 2027, so the first six
//! months end on 30 September; 31 August 2026 + 6 months clamps to 28 February 2027, so
//! they end on 27 February; the quarters from 1 April end on the last days of June,
//! September, December and March.
use chrono::{Duration, NaiveDate};
use proptest::prelude::*;
use security_matrix_core::assessment::answers::Path;
use security_matrix_core::assessment::schedule::Schedule;
use security_matrix_core::dates::plan::EventDates;
use security_matrix_core::dates::plan::{build_plan, PeriodKind, Plan, PlanInput};
use security_matrix_core::duties::{select, Facts};
use security_matrix_core::file::link::from_fragment;
use security_matrix_core::report::{df_report, sm_report};
use security_matrix_core::{DfAnswers, EventId, Level, SmAnswers};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_else(|e| panic!("{s}: {e}"))
}

/// The S6 example of issue 14.
const S6: &str = "schedule=df&subjects=3000&special=40&professional=no&value=450000&months=36&access=yes&other=no&commencement=2027-04-01";

fn events(pairs: &[(&str, &str)]) -> EventDates {
    pairs
        .iter()
        .map(|(k, v)| (EventId::parse(k).unwrap(), d(v)))
        .collect()
}

fn from_link(fragment: &str, dates: &[(&str, &str)], today: &str) -> Plan {
    let answers = from_fragment(fragment).answers;
    match answers.df() {
        Some(a) => df_report(&a, &events(dates), d(today)).plan,
        None => sm_report(&answers.sm().unwrap(), &events(dates), d(today)).plan,
    }
}

/// A DF plan at `level` (route (b), access) from `start` over `months` (0: unknown end).
fn df_plan(level: Level, start: Option<NaiveDate>, months: u32, ev: EventDates) -> Plan {
    let selected = select(&Facts {
        schedule: Schedule::Df,
        level: Some(level),
        access: true,
        path: Some(Path::B),
        ..Facts::default()
    });
    let answers = DfAnswers {
        months,
        access: true,
        commencement: start,
        ..DfAnswers::default()
    };
    let today = start.unwrap_or(d("2027-01-01")) + Duration::days(200);
    build_plan(&selected, &PlanInput::df(&answers, ev, today))
}

/// Each period's heading, then `(reference, first date, dates, fold)` for its rows.
type Shape = Vec<(
    String,
    Vec<(&'static str, NaiveDate, usize, Option<String>)>,
)>;

fn shape(plan: &Plan) -> Shape {
    plan.periods()
        .iter()
        .map(|p| {
            let rows = p
                .rows
                .iter()
                .map(|r| (r.obligation.reference, r.first(), r.dates.len(), r.fold()))
                .collect();
            (p.heading_text(), rows)
        })
        .collect()
}

/// `(reference, first date, dates, fold)` as written in a table.
type Row = (&'static str, &'static str, usize, Option<&'static str>);

fn expect(table: &[(&str, &[Row])]) -> Shape {
    table
        .iter()
        .map(|(heading, rows)| {
            let rows = rows
                .iter()
                .map(|&(r, date, n, fold)| (r, d(date), n, fold.map(String::from)))
                .collect();
            (heading.to_string(), rows)
        })
        .collect()
}

const RESTORE: &str = "3.6, Business Continuity, 3rd paragraph";
const TRAINING: &str = "3.6, Awareness & Training, 2nd paragraph";
const PERSONNEL: &str = "3.6, Personnel Security, 1st paragraph";

#[test]
fn s6_over_36_months_from_1_april_2027() {
    let plan = from_link(S6, &[], "2027-06-01");
    // Route not chosen: both routes' duties are listed. The restore tests: the last days
    // of the 12 quarters. The certificate copies: the day before each health check.
    assert_eq!(
        shape(&plan),
        expect(&[
            (
                "Before the Call-Off Commencement Date (1 April 2027)",
                &[
                    ("3.6.5", "2027-02-18", 1, None),
                    ("3.6.1(a)", "2027-03-31", 1, None),
                    ("3.6.1(b)(i)", "2027-03-31", 1, None),
                    ("3.6.4", "2027-03-31", 1, None),
                    (PERSONNEL, "2027-03-31", 1, None),
                ],
            ),
            (
                "The first six months: 1 April 2027 to 30 September 2027",
                &[
                    (
                        RESTORE,
                        "2027-06-30",
                        12,
                        Some("every quarter, 30 June 2027 to 31 March 2030, 12 times"),
                    ),
                    (
                        "3.6.1(b)",
                        "2027-09-30",
                        3,
                        Some("every year, 30 September 2027 to 30 September 2029, 3 times"),
                    ),
                ],
            ),
            (
                "The rest of contract year 1: 1 October 2027 to 31 March 2028",
                &[
                    ("3.6.1(b)(ii)", "2027-10-01", 1, None),
                    (
                        "3.6.1(b)(iv)",
                        "2027-10-01",
                        3,
                        Some("every year, 1 October 2027 to 1 October 2029, 3 times"),
                    ),
                    ("3.6.5", "2027-10-01", 1, None),
                    (
                        "3.6.17",
                        "2028-02-18",
                        3,
                        Some("every year, 18 February 2028 to 18 February 2030, 3 times"),
                    ),
                    (
                        TRAINING,
                        "2028-03-31",
                        3,
                        Some("every year, 31 March 2028 to 31 March 2030, 3 times"),
                    ),
                ],
            ),
        ])
    );
    let periods = plan.periods();
    let kinds: Vec<PeriodKind> = periods.iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        [
            PeriodKind::BeforeStart,
            PeriodKind::FirstSixMonths,
            PeriodKind::RestOfFirstYear
        ]
    );
    assert_eq!(
        kinds.iter().map(|k| k.key()).collect::<Vec<_>>(),
        ["before-start", "first-six-months", "rest-of-year-1"]
    );
    // Seen on 1 June 2027: what is before the start is past, nothing else.
    let restore = &periods[1].rows[0];
    assert!(periods[0]
        .rows
        .iter()
        .all(|r| r.dates.iter().all(|x| x.past)));
    assert!(restore.dates.iter().all(|x| !x.past));
    assert_eq!(
        restore.dates[11].uid,
        "df-3-6-continuity-3-2030-03-31@security-matrix"
    );
    assert_eq!(restore.then_every, None);
    assert_eq!(
        restore.rule,
        "at least once in each quarter of the term, by its last day"
    );
    // Seen later, the dates before today are past, each on its own.
    let later = from_link(S6, &[], "2028-07-01");
    let restore = later.periods()[1].rows[0].clone();
    let past: Vec<bool> = restore.dates.iter().map(|x| x.past).collect();
    assert_eq!(past.iter().filter(|p| **p).count(), 5, "{past:?}");
    assert!(past[..5].iter().all(|p| *p) && past[5..].iter().all(|p| !*p));
}

#[test]
fn a_31_august_start_clamps_the_periods_and_a_short_year_ends_with_the_term() {
    // S6 over 18 months from 31 August 2026: the term ends on 28 February 2028. An ISMP
    // not approved on Friday 1 October 2027: the amendment is due 10 Working Days later,
    // Friday 15 October 2027, in contract year 2 (31 August 2027 to the end of the term).
    let ev = events(&[("ismp-non-approval", "2027-10-01")]);
    let plan = df_plan(Level::S6, Some(d("2026-08-31")), 18, ev);
    let headings: Vec<String> = plan.periods().iter().map(|p| p.heading_text()).collect();
    assert_eq!(
        headings,
        [
            "Before the Call-Off Commencement Date (31 August 2026)",
            "The first six months: 31 August 2026 to 27 February 2027",
            "The rest of contract year 1: 28 February 2027 to 30 August 2027",
            "Contract year 2: 31 August 2027 to 28 February 2028, when the term ends",
        ]
    );
    let periods = plan.periods();
    let year2 = &periods[3];
    assert_eq!(year2.kind, PeriodKind::ContractYear(2));
    assert_eq!(
        (year2.from, year2.to),
        (Some(d("2027-08-31")), Some(d("2028-02-28")))
    );
    assert_eq!(year2.rows.len(), 1);
    assert_eq!(year2.rows[0].first(), d("2027-10-15"));
    assert_eq!(
        year2.rows[0].event_label,
        Some("the date you receive the Customer's notice that the plan is not approved")
    );
    // The quarters, clamped: 29 November, 27 February, 30 May, 30 August, 29 November,
    // 28 February (the end of the term).
    let restore = &periods[1].rows[0];
    assert_eq!(restore.obligation.reference, RESTORE);
    assert_eq!(
        restore.fold().as_deref(),
        Some("every quarter, 29 November 2026 to 28 February 2028, 6 times")
    );
    // The ITHC: 28 February 2027 and 2028, twice.
    let ithc = periods[2]
        .rows
        .iter()
        .find(|r| r.obligation.reference == "3.6.1(b)(iv)");
    assert_eq!(
        ithc.unwrap().fold().as_deref(),
        Some("every year, 28 February 2027 to 28 February 2028, twice")
    );
    // The ISMP review (a year after 20 July 2026) falls once within the term: the date.
    let review = periods[2]
        .rows
        .iter()
        .find(|r| r.obligation.reference == "3.6.17");
    assert_eq!(review.unwrap().fold().as_deref(), Some("20 July 2027"));
}

#[test]
fn the_2017_schedule_keeps_then_every_year() {
    let link = "schedule=sm2017&effective=2026-12-14&own_devices=no";
    let plan = from_link(link, &[("authority-request", "2026-12-10")], "2026-12-01");
    // The authority request, 2 Working Days after Thursday 10 December: Monday 14th.
    assert_eq!(
        shape(&plan),
        expect(&[
            (
                "The first six months: 14 December 2026 to 13 June 2027",
                &[
                    ("5.2.5", "2026-12-14", 1, None),
                    ("3.2", "2027-01-14", 1, None),
                ],
            ),
            // The first review falls on the first day of the second year.
            (
                "Contract year 2: 14 December 2027 to 13 December 2028",
                &[(
                    "4.1",
                    "2027-12-14",
                    1,
                    Some("14 December 2027, then every year")
                )],
            ),
        ])
    );
    // Nothing is dated before the Effective Date, so that period is left out; an event
    // before it is.
    let early = from_link(link, &[("authority-request", "2026-11-02")], "2026-12-01");
    let periods = early.periods();
    assert_eq!(
        periods[0].heading_text(),
        "Before the Effective Date (14 December 2026)"
    );
    assert_eq!(periods[0].rows[0].first(), d("2026-11-04"));
    assert!(periods[0].rows[0].dates[0].past);
}

#[test]
fn without_a_start_date_one_period_of_what_is_dated() {
    let plan = df_plan(Level::S6, None, 36, EventDates::new());
    assert!(plan.periods().is_empty() && plan.rows().is_empty());
    let ev = events(&[("security-event-awareness", "2027-03-04")]);
    let plan = df_plan(Level::S6, None, 36, ev);
    let periods = plan.periods();
    assert_eq!(periods.len(), 1);
    assert_eq!(periods[0].kind, PeriodKind::Dated);
    assert_eq!(
        periods[0].heading_text(),
        "Deadlines from the dates you entered"
    );
    assert_eq!(periods[0].rows.len(), 1);
    assert_eq!(periods[0].rows[0].first(), d("2027-03-05"));
}

/// The folded plan's invariants, for any plan.
fn check_folded(plan: &Plan) -> Result<(), TestCaseError> {
    let periods = plan.periods();
    // Every dated entry exactly once, with its flags.
    let mut folded: Vec<(&str, NaiveDate, bool, String)> = Vec::new();
    for p in &periods {
        prop_assert!(!p.rows.is_empty());
        for r in &p.rows {
            for x in &r.dates {
                folded.push((r.obligation.id.as_str(), x.date, x.past, x.uid.clone()));
            }
        }
    }
    let mut dated: Vec<(&str, NaiveDate, bool, String)> = plan
        .dated
        .iter()
        .map(|e| (e.obligation.id.as_str(), e.date, e.past, e.uid.clone()))
        .collect();
    folded.sort();
    dated.sort();
    prop_assert_eq!(&folded, &dated);
    for x in &plan.dated {
        prop_assert_eq!(x.past, x.date < plan.today);
    }
    // Periods in order, apart; rows in their first date's period, in date order.
    for w in periods.windows(2) {
        prop_assert!(w[0].to.unwrap() < w[1].from.unwrap(), "{:?}", w[0].kind);
    }
    let mut seen = Vec::new();
    for p in &periods {
        for r in &p.rows {
            prop_assert!(!seen.contains(&r.obligation.id), "one row per duty");
            seen.push(r.obligation.id);
            prop_assert!(p.from.is_none_or(|f| f <= r.first()));
            prop_assert!(p.to.is_none_or(|t| r.first() <= t));
            prop_assert!(r.dates.windows(2).all(|w| w[0].date < w[1].date));
            let fold = r.fold();
            prop_assert_eq!(fold.is_some(), r.recurring);
            if r.dates.len() > 2 {
                let times = format!(", {} times", r.dates.len());
                prop_assert!(
                    fold.as_deref()
                        .is_some_and(|f| f.starts_with("every ") && f.ends_with(&times)),
                    "{:?}",
                    fold
                );
            }
        }
        let keys: Vec<_> = p
            .rows
            .iter()
            .map(|r| (r.first(), r.obligation.id))
            .collect();
        prop_assert!(keys.windows(2).all(|w| w[0] < w[1]), "{:?}", keys);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn every_date_is_folded_exactly_once(
        offset in 0i64..4_000,
        months in 0u32..=60,
        level in 1usize..6,
        known in any::<bool>(),
        event in proptest::option::of(0i64..2_000),
    ) {
        let start = d("2025-01-01") + Duration::days(offset);
        let ev = event.map(|e| {
            let at = start + Duration::days(e - 400);
            events(&[("ismp-submission", &at.to_string()), ("ceasing-compliance", &at.to_string())])
        });
        let plan = df_plan(Level::ALL[level], known.then_some(start), months, ev.unwrap_or_default());
        check_folded(&plan)?;
        if known && !plan.dated.is_empty() {
            let periods = plan.periods();
            let first_half = periods.iter().find(|p| p.kind == PeriodKind::FirstSixMonths);
            if let Some(p) = first_half {
                prop_assert_eq!(p.from, Some(start));
            }
        }
    }

    #[test]
    fn every_2017_date_is_folded_exactly_once(offset in 0i64..4_000, request in 0i64..900) {
        let start = d("2025-01-01") + Duration::days(offset);
        let answers = SmAnswers { effective: Some(start), ..SmAnswers::default() };
        let at = start + Duration::days(request - 300);
        let ev = events(&[("authority-request", &at.to_string())]);
        let plan = sm_report(&answers, &ev, start + Duration::days(30)).plan;
        check_folded(&plan)?;
    }
}
