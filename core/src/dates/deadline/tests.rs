//! Unit tests of the deadline grammar, its descriptions and its evaluation.
use super::*;
use crate::duties::{EventId, ObligationId};
use crate::id_map::IdMap;
use chrono::NaiveDate;
use proptest::prelude::*;
use std::fmt::Debug;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn rule(s: &str) -> DeadlineRule<'_> {
    DeadlineRule::parse(s).unwrap_or_else(|e| panic!("{e}"))
}

/// A rule read from `s`, its names taken as the catalogue's ids.
fn typed(s: &str) -> DeadlineRule<'static, EventId, ObligationId> {
    rule(s)
        .resolve()
        .unwrap_or_else(|| panic!("{s} names no catalogue id"))
}

/// The obligation with this data id.
fn ob(id: &str) -> ObligationId {
    ObligationId::parse(id).unwrap()
}

fn event(name: &str) -> Anchor<&str, &str> {
    Anchor::Event(name)
}

/// A `'static` copy of a generated string, for rules built by the property tests.
fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

#[test]
fn parses_every_form_and_writes_it_back() {
    let cases = [
        ("before processing", DeadlineRule::BeforeProcessing),
        (
            "10 working days after event:ismp-non-approval",
            DeadlineRule::WorkingDaysAfter {
                days: 10,
                anchor: event("ismp-non-approval"),
            },
        ),
        (
            "20 working days after effective date",
            DeadlineRule::WorkingDaysAfter {
                days: 20,
                anchor: Anchor::EffectiveDate,
            },
        ),
        (
            "6 weeks before commencement",
            DeadlineRule::WeeksBefore {
                weeks: 6,
                anchor: Anchor::Commencement,
            },
        ),
        (
            "3 months after effective date",
            DeadlineRule::MonthsAfter {
                months: 3,
                anchor: Anchor::EffectiveDate,
            },
        ),
        (
            "6 months after commencement, then annually",
            DeadlineRule::MonthsAfterThenAnnually {
                months: 6,
                anchor: Anchor::Commencement,
            },
        ),
        (
            "annually after event:smp-submission",
            DeadlineRule::AnnuallyAfter {
                anchor: event("smp-submission"),
            },
        ),
        ("every contract year", DeadlineRule::EveryContractYear),
        ("every 24 hours", DeadlineRule::Every24Hours),
        ("quarterly", DeadlineRule::Quarterly),
        (
            "within 24 hours of event:security-event-awareness",
            DeadlineRule::Within24HoursOf {
                anchor: event("security-event-awareness"),
            },
        ),
        (
            "10000 months after event:2nd-review",
            DeadlineRule::MonthsAfter {
                months: 10_000,
                anchor: event("2nd-review"),
            },
        ),
        (
            "annually after deadline:df-3-6-5",
            DeadlineRule::AnnuallyAfter {
                anchor: Anchor::Deadline("df-3-6-5"),
            },
        ),
        (
            "2 weeks before deadline:x-1",
            DeadlineRule::WeeksBefore {
                weeks: 2,
                anchor: Anchor::Deadline("x-1"),
            },
        ),
        (
            "1 days before each deadline of df-3-6-1-b-ii, df-3-6-1-b-iv",
            DeadlineRule::DaysBeforeDeadlines {
                days: 1,
                of: vec!["df-3-6-1-b-ii", "df-3-6-1-b-iv"].into(),
            },
        ),
        (
            "30 days before each deadline of a",
            DeadlineRule::DaysBeforeDeadlines {
                days: 30,
                of: vec!["a"].into(),
            },
        ),
    ];
    for (text, expected) in cases {
        let parsed = rule(text);
        assert_eq!(parsed, expected, "{text}");
        assert_eq!(parsed.to_string(), text);
        assert_eq!(DeadlineRule::try_from(text), Ok(expected));
    }
}

#[test]
fn rejects_malformed_rules_naming_the_bad_part() {
    // (input, a fragment the message must contain)
    let cases = [
        ("0 months after commencement", "at least 1"),
        ("six months after commencement", "\"six\""),
        (
            "3 fortnights before commencement",
            "\"fortnights before commencement\"",
        ),
        ("2 weeks before event:Bad_Name", "\"Bad_Name\""),
        ("annually after event:", "event name"),
        ("5 working days after completion", "\"completion\""),
        (
            "1 working day after commencement",
            "\"working day after commencement\"",
        ),
        ("06 months after commencement", "leading zeros"),
        ("10001 weeks before commencement", "maximum"),
        ("99999999999999999999 weeks before commencement", "maximum"),
        ("-3 months after commencement", "\"-3\""),
        (" quarterly", "whitespace"),
        ("quarterly ", "whitespace"),
        ("", "empty"),
        ("Quarterly", "\"Quarterly\""),
        (
            "6 months  after commencement",
            "found \"months  after commencement\"",
        ),
        (
            "6 weeks before commencement, then annually",
            "\"commencement, then annually\"",
        ),
        ("6 months after commencement, then yearly", "unknown anchor"),
        ("6", "found \"\""),
        ("within 24 hours of event", "unknown anchor \"event\""),
        ("annually after deadline:", "obligation id is missing"),
        ("annually after deadline:DF-1", "\"DF-1\""),
        ("annually after obligation:df-1", "unknown anchor"),
        (
            "1 days before each deadline of a, , b",
            "obligation id is missing",
        ),
        ("1 days before each deadline of a,b", "\"a,b\""),
        (
            "1 days before each deadline of a, a",
            "\"a\" is named twice",
        ),
        ("1 days before each deadline of a and b", "\"a and b\""),
        ("0 days before each deadline of a", "at least 1"),
        (
            "1 day before each deadline of a",
            "found \"day before each deadline of a\"",
        ),
        (
            "1 days before deadline:a",
            "found \"days before deadline:a\"",
        ),
    ];
    for (text, fragment) in cases {
        let err = DeadlineRule::parse(text).expect_err(text);
        let message = err.to_string();
        assert_eq!(err.text(), text);
        assert!(
            message.starts_with(&format!("invalid deadline rule {text:?}: ")),
            "{message}"
        );
        assert!(message.contains(fragment), "{text:?} gave {message:?}");
    }
}

#[test]
fn recurring_and_event() {
    let cases = [
        ("before processing", false, None),
        (
            "10 working days after event:ismp-submission",
            false,
            Some("ismp-submission"),
        ),
        ("6 weeks before commencement", false, None),
        (
            "1 months after event:authority-request",
            false,
            Some("authority-request"),
        ),
        ("6 months after commencement, then annually", true, None),
        (
            "annually after event:smp-submission",
            true,
            Some("smp-submission"),
        ),
        ("every contract year", true, None),
        ("every 24 hours", true, None),
        ("quarterly", true, None),
        (
            "within 24 hours of event:ceasing-compliance",
            false,
            Some("ceasing-compliance"),
        ),
        ("annually after deadline:df-3-6-5", true, None),
        ("1 days before each deadline of a, b", false, None),
    ];
    for (text, recurring, event) in cases {
        let r = rule(text);
        assert_eq!(r.is_recurring(), recurring, "{text}");
        assert_eq!(r.event(), event, "{text}");
    }
    let cases: [(&str, &[&str]); 4] = [
        ("annually after deadline:df-3-6-5", &["df-3-6-5"]),
        ("1 days before each deadline of b, a", &["b", "a"]),
        ("annually after commencement", &[]),
        ("quarterly", &[]),
    ];
    for (text, ids) in cases {
        assert_eq!(rule(text).deadline_ids(), ids, "{text}");
    }
    assert_eq!(
        rule("6 weeks before effective date").anchor(),
        Some(&Anchor::EffectiveDate)
    );
}

#[test]
fn descriptions() {
    let cases = [
        (
            "10 working days after event:ismp-non-approval",
            "within 10 Working Days after the event",
        ),
        (
            "1 working days after commencement",
            "within 1 Working Day after the Call-Off Commencement Date",
        ),
        (
            "6 weeks before commencement",
            "no later than 6 weeks before the Call-Off Commencement Date",
        ),
        (
            "1 weeks before effective date",
            "no later than 1 week before the Effective Date",
        ),
        (
            "6 months after commencement, then annually",
            "within 6 months of the Call-Off Commencement Date, then every year",
        ),
        (
            "3 months after effective date",
            "within 3 months of the Effective Date",
        ),
        (
            "annually after commencement",
            "every year after the Call-Off Commencement Date",
        ),
        ("every 24 hours", "at least once every 24 hours"),
        (
            "quarterly",
            "at least once in each quarter of the term, by its last day",
        ),
        (
            "every contract year",
            "once in every Call-Off Contract Year",
        ),
        (
            "before processing",
            "by the day before you first process Customer Data",
        ),
        (
            "within 24 hours of event:security-event-awareness",
            "within 24 hours of the event",
        ),
        // Obligations named by id are cited by their paragraph in the catalogue.
        (
            "annually after deadline:df-3-6-5",
            "every year after the ¶3.6.5 deadline",
        ),
        (
            "1 days before each deadline of df-3-6-1-b-ii, df-3-6-1-b-iv",
            "the day before each deadline of ¶3.6.1(b)(ii) and ¶3.6.1(b)(iv)",
        ),
        (
            "2 days before each deadline of df-3-5-1-b-ii",
            "2 days before each deadline of ¶3.5.1(b)(ii)",
        ),
        (
            "1 days before each deadline of df-3-6-5, df-3-6-1-b-ii, df-3-6-1-b-iv",
            "the day before each deadline of ¶3.6.5, ¶3.6.1(b)(ii) and ¶3.6.1(b)(iv)",
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(typed(text).describe(), expected, "{text}");
    }
}

#[test]
fn resolve_takes_names_as_catalogue_ids() {
    assert_eq!(
        typed("10 working days after event:ismp-non-approval"),
        DeadlineRule::WorkingDaysAfter {
            days: 10,
            anchor: Anchor::Event(EventId::IsmpNonApproval),
        }
    );
    assert_eq!(
        typed("1 days before each deadline of df-3-6-5, df-2-7"),
        DeadlineRule::DaysBeforeDeadlines {
            days: 1,
            of: vec![ob("df-3-6-5"), ob("df-2-7")].into(),
        }
    );
    for unknown in [
        "annually after event:launch",
        "annually after deadline:df-99",
        "1 days before each deadline of df-2-7, df-99",
    ] {
        assert_eq!(rule(unknown).resolve(), None, "{unknown}");
    }
}

fn anchors(commencement: Option<&str>, effective: Option<&str>, end: Option<&str>) -> Anchors {
    Anchors {
        commencement: commencement.map(d),
        effective: effective.map(d),
        end: end.map(d),
        events: IdMap::new(),
        deadlines: IdMap::new(),
    }
}

#[test]
fn due_dates_hand_worked() {
    let mut with_events = anchors(Some("2026-01-01"), None, Some("2028-12-31"));
    with_events
        .events
        .insert(EventId::IsmpNonApproval, d("2026-04-01"));
    with_events
        .events
        .insert(EventId::SecurityEventAwareness, d("2026-12-31"));
    // Deadlines of other obligations, as build_plan would work them out (whatever their
    // own rules: here df-3-6-1-b-ii falls once and df-3-6-1-b-iv three times).
    let mut with_deadlines = anchors(Some("2026-01-01"), None, Some("2028-12-31"));
    with_deadlines
        .deadlines
        .insert(ob("df-3-6-5"), vec![d("2025-11-20")]);
    with_deadlines
        .deadlines
        .insert(ob("df-3-6-1-b-ii"), vec![d("2027-07-01")]);
    with_deadlines.deadlines.insert(
        ob("df-3-6-1-b-iv"),
        vec![d("2027-03-01"), d("2027-07-01"), d("2028-07-01")],
    );
    // (rule, anchors, expected due dates)
    let cases: Vec<(&str, Anchors, Vec<&str>)> = vec![
        // 31 Aug + 6 months clamps to the end of February.
        (
            "6 months after commencement",
            anchors(Some("2026-08-31"), None, None),
            vec!["2027-02-28"],
        ),
        (
            "6 months after commencement",
            anchors(Some("2023-08-31"), None, None),
            vec!["2024-02-29"],
        ),
        // Dec 15–18 (4), 21–24 (8), 29–31 (11), Jan 4–8 (16), 11–14 (20).
        (
            "20 working days after effective date",
            anchors(None, Some("2026-12-14"), None),
            vec!["2027-01-14"],
        ),
        // 4 Jan 2027 − 42 days.
        (
            "6 weeks before commencement",
            anchors(Some("2027-01-04"), None, None),
            vec!["2026-11-23"],
        ),
        // 36-month term from 1 Jan 2026, ending 31 Dec 2028.
        (
            "6 months after commencement, then annually",
            anchors(Some("2026-01-01"), None, Some("2028-12-31")),
            vec!["2026-07-01", "2027-07-01", "2028-07-01"],
        ),
        // Without a known end, only the first.
        (
            "6 months after commencement, then annually",
            anchors(Some("2026-01-01"), None, None),
            vec!["2026-07-01"],
        ),
        // Later years count from the (clamped) first date: 28 Feb stays 28 Feb.
        (
            "6 months after commencement, then annually",
            anchors(Some("2025-08-31"), None, Some("2028-08-30")),
            vec!["2026-02-28", "2027-02-28", "2028-02-28"],
        ),
        // A first date past the end of the term is still a deadline; no repeats.
        (
            "6 months after commencement, then annually",
            anchors(Some("2026-01-01"), None, Some("2026-03-31")),
            vec!["2026-07-01"],
        ),
        (
            "annually after commencement",
            anchors(Some("2026-01-01"), None, Some("2028-12-31")),
            vec!["2027-01-01", "2028-01-01"],
        ),
        (
            "annually after commencement",
            anchors(Some("2026-01-01"), None, Some("2029-01-01")),
            vec!["2027-01-01", "2028-01-01", "2029-01-01"],
        ),
        (
            "annually after effective date",
            anchors(None, Some("2024-02-29"), None),
            vec!["2025-02-28"],
        ),
        // Contract years 1 Apr–31 Mar over a 36-month term.
        (
            "every contract year",
            anchors(Some("2026-04-01"), None, Some("2029-03-31")),
            vec!["2027-03-31", "2028-03-31", "2029-03-31"],
        ),
        (
            "every contract year",
            anchors(None, Some("2026-04-01"), None),
            vec!["2027-03-31"],
        ),
        // Commencement wins over the effective date.
        (
            "every contract year",
            anchors(Some("2026-01-15"), Some("2026-04-01"), None),
            vec!["2027-01-14"],
        ),
        // Quarters from 31 Jan 2026, each counted from the start (no drift to the 30th):
        // they start on 31 Jan, 30 Apr (31 Apr clamped), 31 Jul, 31 Oct and end the day
        // before the next: 29 Apr, 30 Jul, 30 Oct, and the fourth (31 Oct to 30 Jan) is
        // cut short by the end given, 31 Dec 2026.
        (
            "quarterly",
            anchors(Some("2026-01-31"), None, Some("2026-12-31")),
            vec!["2026-04-29", "2026-07-30", "2026-10-30", "2026-12-31"],
        ),
        // End unknown: the first quarter only.
        (
            "quarterly",
            anchors(None, Some("2026-01-31"), None),
            vec!["2026-04-29"],
        ),
        // A term of one day is one quarter, due on that day.
        (
            "quarterly",
            anchors(Some("2027-01-01"), None, Some("2027-01-01")),
            vec!["2027-01-01"],
        ),
        // The quarter that starts on the term's last day counts: 1 Jan 2027 to 1 Apr
        // 2027 has a second quarter of one day.
        (
            "quarterly",
            anchors(Some("2027-01-01"), None, Some("2027-04-01")),
            vec!["2027-03-31", "2027-04-01"],
        ),
        // An end before the start: no quarter.
        (
            "quarterly",
            anchors(Some("2027-01-01"), None, Some("2026-12-31")),
            vec![],
        ),
        (
            "every 24 hours",
            anchors(Some("2026-01-01"), None, Some("2028-12-31")),
            vec![],
        ),
        (
            "before processing",
            anchors(Some("2026-03-01"), None, None),
            vec!["2026-02-28"],
        ),
        (
            "before processing",
            anchors(None, Some("2025-01-01"), None),
            vec!["2024-12-31"],
        ),
        // 1 Apr 2026 is a Wednesday: 2 Apr (1), [3 Good Friday, 6 Easter Monday],
        // 7–10 (5), 13–17 (10).
        (
            "10 working days after event:ismp-non-approval",
            with_events.clone(),
            vec!["2026-04-17"],
        ),
        (
            "within 24 hours of event:security-event-awareness",
            with_events.clone(),
            vec!["2027-01-01"],
        ),
        // Obligations named by id: their dates come from `deadlines`.
        (
            "annually after deadline:df-3-6-5",
            with_deadlines.clone(),
            vec!["2026-11-20", "2027-11-20", "2028-11-20"],
        ),
        // 1 Mar 2027 less 2 days crosses into February; the shared 2027-07-01 once.
        (
            "2 days before each deadline of df-3-6-1-b-iv, df-3-6-1-b-ii",
            with_deadlines.clone(),
            vec!["2027-02-27", "2027-06-29", "2028-06-29"],
        ),
        (
            "1 days before each deadline of df-3-6-1-b-ii",
            with_deadlines.clone(),
            vec!["2027-06-30"],
        ),
        // Not in `deadlines`: no dates.
        (
            "annually after deadline:df-2-7",
            with_deadlines.clone(),
            vec![],
        ),
        (
            "1 days before each deadline of df-2-7",
            with_deadlines.clone(),
            vec![],
        ),
        // Missing anchors give nothing.
        (
            "10 working days after event:smp-non-approval",
            with_events.clone(),
            vec![],
        ),
        ("6 weeks before effective date", with_events.clone(), vec![]),
        ("quarterly", Anchors::default(), vec![]),
        ("every contract year", Anchors::default(), vec![]),
        ("before processing", Anchors::default(), vec![]),
        ("annually after commencement", Anchors::default(), vec![]),
        // Out of chrono's range: no date rather than a panic.
        (
            "1 months after commencement",
            Anchors {
                commencement: Some(NaiveDate::MAX),
                ..Anchors::default()
            },
            vec![],
        ),
    ];
    for (text, anchors, expected) in cases {
        let expected: Vec<NaiveDate> = expected.into_iter().map(d).collect();
        assert_eq!(
            typed(text).due_dates(&anchors),
            expected,
            "{text} with {anchors:?}"
        );
    }
}

fn any_anchor<E, O>(
    event: impl Strategy<Value = E> + 'static,
    obligation: impl Strategy<Value = O> + 'static,
) -> BoxedStrategy<Anchor<E, O>>
where
    E: Clone + Debug + 'static,
    O: Clone + Debug + 'static,
{
    prop_oneof![
        Just(Anchor::Commencement),
        Just(Anchor::EffectiveDate),
        event.prop_map(Anchor::Event),
        obligation.prop_map(Anchor::Deadline),
    ]
    .boxed()
}

/// Any rule, its events and obligations drawn from `event` and `obligation`.
fn any_rule<E, O>(
    event: impl Strategy<Value = E> + Clone + 'static,
    obligation: impl Strategy<Value = O> + Clone + 'static,
) -> BoxedStrategy<DeadlineRule<'static, E, O>>
where
    E: Clone + Debug + 'static,
    O: Clone + Debug + Ord + 'static,
{
    let anchor = || any_anchor(event.clone(), obligation.clone());
    let n = 1..=MAX_COUNT;
    prop_oneof![
        Just(DeadlineRule::BeforeProcessing),
        (n.clone(), anchor())
            .prop_map(|(days, anchor)| DeadlineRule::WorkingDaysAfter { days, anchor }),
        (n.clone(), anchor())
            .prop_map(|(weeks, anchor)| DeadlineRule::WeeksBefore { weeks, anchor }),
        (n.clone(), anchor())
            .prop_map(|(months, anchor)| DeadlineRule::MonthsAfter { months, anchor }),
        (n, anchor()).prop_map(|(months, anchor)| {
            DeadlineRule::MonthsAfterThenAnnually { months, anchor }
        }),
        anchor().prop_map(|anchor| DeadlineRule::AnnuallyAfter { anchor }),
        Just(DeadlineRule::EveryContractYear),
        Just(DeadlineRule::Every24Hours),
        Just(DeadlineRule::Quarterly),
        anchor().prop_map(|anchor| DeadlineRule::Within24HoursOf { anchor }),
        (
            1..=MAX_COUNT,
            proptest::collection::btree_set(obligation.clone(), 1..4)
        )
            .prop_map(|(days, of)| DeadlineRule::DaysBeforeDeadlines {
                days,
                of: of.into_iter().collect::<Vec<_>>().into(),
            }),
    ]
    .boxed()
}

/// Any rule as read from a text, with any names.
fn any_text_rule() -> BoxedStrategy<DeadlineRule<'static>> {
    let name = "[a-z0-9-]{1,24}".prop_map(leak);
    any_rule(name.clone(), name)
}

/// Any rule naming the catalogue's events and obligations.
fn any_typed_rule() -> BoxedStrategy<DeadlineRule<'static, EventId, ObligationId>> {
    any_rule(
        proptest::sample::select(EventId::ALL.to_vec()),
        proptest::sample::select(ObligationId::all().collect::<Vec<_>>()),
    )
}

proptest! {
    #[test]
    fn display_then_parse_round_trips(r in any_text_rule()) {
        let text = r.to_string();
        prop_assert_eq!(DeadlineRule::parse(&text), Ok(r.clone()));
        // Canonical: writing the parsed rule again gives the same text.
        prop_assert_eq!(rule(&text).to_string(), text);
    }

    /// A typed rule writes its ids' data ids, which read back as the same ids.
    #[test]
    fn typed_rules_write_data_ids_and_resolve_back(r in any_typed_rule()) {
        let text = r.to_string();
        prop_assert_eq!(rule(&text).resolve(), Some(r));
    }

    #[test]
    fn due_dates_are_sorted_and_within_the_term(
        r in any_typed_rule(),
        start in 0i64..20_000,
        term_days in 0i64..3_000,
    ) {
        let start = d("1995-01-01") + chrono::Duration::days(start);
        let end = start + chrono::Duration::days(term_days);
        let mut anchors = Anchors {
            commencement: Some(start),
            effective: Some(start),
            end: Some(end),
            events: IdMap::new(),
            deadlines: IdMap::new(),
        };
        if let Some(event) = r.event() {
            anchors.events.insert(event, start);
        }
        // A named obligation falls due on the start, and on the end for the second.
        for (i, id) in r.deadline_ids().into_iter().enumerate() {
            let dates = if i == 1 { vec![start, end] } else { vec![start] };
            anchors.deadlines.insert(id, dates);
        }
        let dates = r.due_dates(&anchors);
        prop_assert!(dates.windows(2).all(|w| w[0] < w[1]), "{:?}", dates);
        match &r {
            DeadlineRule::MonthsAfterThenAnnually { .. } => {
                // The first deadline stands even past the term; repeats stay within it.
                prop_assert!(!dates.is_empty());
                prop_assert!(
                    dates.iter().skip(1).all(|x| *x <= end && *x > start),
                    "{:?}",
                    dates
                );
            }
            DeadlineRule::Quarterly => {
                // The first quarter's date may be the start itself (a one-day term).
                prop_assert!(!dates.is_empty());
                prop_assert!(dates.iter().all(|x| *x <= end && *x >= start), "{:?}", dates);
            }
            DeadlineRule::DaysBeforeDeadlines { days, of } => {
                // One date per distinct deadline, each `days` before it.
                let mut want: Vec<NaiveDate> = [start, end][..if of.len() > 1 { 2 } else { 1 }]
                    .iter()
                    .map(|x| *x - chrono::Duration::days(i64::from(*days)))
                    .collect();
                want.dedup();
                prop_assert_eq!(dates, want);
            }
            _ if r.is_recurring() => {
                prop_assert!(dates.iter().all(|x| *x <= end && *x > start), "{:?}", dates);
            }
            _ if r != DeadlineRule::Every24Hours => prop_assert_eq!(dates.len(), 1),
            _ => prop_assert!(dates.is_empty()),
        }
    }

    /// Each quarter of the term, worked out here with chrono's own month arithmetic,
    /// holds exactly one date, its last day (or the term's, if sooner).
    #[test]
    fn quarterly_has_one_date_per_quarter(
        start in 0i64..20_000,
        term_days in 0i64..3_000,
    ) {
        let start = d("1995-01-01") + chrono::Duration::days(start);
        let end = start + chrono::Duration::days(term_days);
        let dates = DeadlineRule::Quarterly.due_dates(&Anchors {
            commencement: Some(start),
            end: Some(end),
            ..Anchors::default()
        });
        let mut k = 0;
        let mut expected = Vec::new();
        loop {
            let first = start.checked_add_months(chrono::Months::new(3 * k)).unwrap();
            if first > end {
                break;
            }
            let next = start.checked_add_months(chrono::Months::new(3 * k + 3)).unwrap();
            let last = (next - chrono::Duration::days(1)).min(end);
            let inside: Vec<_> = dates.iter().filter(|x| first <= **x && **x <= last).collect();
            prop_assert_eq!(inside.len(), 1, "quarter {} from {} to {}: {:?}", k, first, last, dates);
            prop_assert_eq!(*inside[0], last);
            expected.push(last);
            k += 1;
        }
        prop_assert_eq!(dates, expected);
    }
}
