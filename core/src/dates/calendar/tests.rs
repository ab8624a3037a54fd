//! Unit tests of the Working Day calendar.
use super::*;
use proptest::prelude::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn dates(year: i32) -> Vec<NaiveDate> {
    bank_holidays(year).into_iter().map(|h| h.date).collect()
}

/// The GOV.UK England and Wales lists (www.gov.uk/bank-holidays), written out by hand.
const GOV_UK: &[(i32, &[&str])] = &[
    (
        2018,
        &[
            "2018-01-01",
            "2018-03-30",
            "2018-04-02",
            "2018-05-07",
            "2018-05-28",
            "2018-08-27",
            "2018-12-25",
            "2018-12-26",
        ],
    ),
    (
        2019,
        &[
            "2019-01-01",
            "2019-04-19",
            "2019-04-22",
            "2019-05-06",
            "2019-05-27",
            "2019-08-26",
            "2019-12-25",
            "2019-12-26",
        ],
    ),
    (
        2020,
        &[
            "2020-01-01",
            "2020-04-10",
            "2020-04-13",
            "2020-05-08",
            "2020-05-25",
            "2020-08-31",
            "2020-12-25",
            "2020-12-28",
        ],
    ),
    (
        2021,
        &[
            "2021-01-01",
            "2021-04-02",
            "2021-04-05",
            "2021-05-03",
            "2021-05-31",
            "2021-08-30",
            "2021-12-27",
            "2021-12-28",
        ],
    ),
    (
        2022,
        &[
            "2022-01-03",
            "2022-04-15",
            "2022-04-18",
            "2022-05-02",
            "2022-06-02",
            "2022-06-03",
            "2022-08-29",
            "2022-09-19",
            "2022-12-26",
            "2022-12-27",
        ],
    ),
    (
        2023,
        &[
            "2023-01-02",
            "2023-04-07",
            "2023-04-10",
            "2023-05-01",
            "2023-05-08",
            "2023-05-29",
            "2023-08-28",
            "2023-12-25",
            "2023-12-26",
        ],
    ),
    (
        2024,
        &[
            "2024-01-01",
            "2024-03-29",
            "2024-04-01",
            "2024-05-06",
            "2024-05-27",
            "2024-08-26",
            "2024-12-25",
            "2024-12-26",
        ],
    ),
    (
        2025,
        &[
            "2025-01-01",
            "2025-04-18",
            "2025-04-21",
            "2025-05-05",
            "2025-05-26",
            "2025-08-25",
            "2025-12-25",
            "2025-12-26",
        ],
    ),
    (
        2026,
        &[
            "2026-01-01",
            "2026-04-03",
            "2026-04-06",
            "2026-05-04",
            "2026-05-25",
            "2026-08-31",
            "2026-12-25",
            "2026-12-28",
        ],
    ),
    (
        2027,
        &[
            "2027-01-01",
            "2027-03-26",
            "2027-03-29",
            "2027-05-03",
            "2027-05-31",
            "2027-08-30",
            "2027-12-27",
            "2027-12-28",
        ],
    ),
];

#[test]
fn matches_gov_uk_lists_2018_to_2027() {
    assert_eq!(GOV_UK.len(), 10);
    for (year, expected) in GOV_UK {
        let expected: Vec<NaiveDate> = expected.iter().map(|s| d(s)).collect();
        assert_eq!(dates(*year), expected, "bank holidays in {year}");
    }
}

#[test]
fn every_holiday_is_a_weekday_in_its_year_and_sorted_without_duplicates() {
    for year in SUPPORTED_YEARS {
        let list = bank_holidays(year);
        assert!((8..=10).contains(&list.len()), "{year}: {list:?}");
        for h in &list {
            assert_eq!(h.date.year(), year);
            assert!(!is_weekend(h.date), "{year}: {h:?} at a weekend");
            assert!(!h.name.is_empty());
        }
        for pair in list.windows(2) {
            assert!(pair[0].date < pair[1].date, "{year}: {pair:?}");
        }
    }
}

#[test]
fn holiday_names() {
    assert_eq!(bank_holiday(d("2026-12-25")), Some("Christmas Day"));
    assert_eq!(
        bank_holiday(d("2026-12-28")),
        Some("Boxing Day (substitute day)")
    );
    assert_eq!(bank_holiday(d("2026-12-26")), None);
    assert_eq!(bank_holiday(d("2026-04-03")), Some("Good Friday"));
    assert_eq!(bank_holiday(d("2026-04-06")), Some("Easter Monday"));
    assert_eq!(
        bank_holiday(d("2026-05-04")),
        Some("Early May bank holiday")
    );
    assert_eq!(bank_holiday(d("2026-05-25")), Some("Spring bank holiday"));
    assert_eq!(bank_holiday(d("2026-08-31")), Some("Summer bank holiday"));
    assert_eq!(bank_holiday(d("2026-01-01")), Some("New Year's Day"));
    assert_eq!(
        bank_holiday(d("2022-01-03")),
        Some("New Year's Day (substitute day)")
    );
    assert_eq!(
        bank_holiday(d("2022-09-19")),
        Some("Bank Holiday for the State Funeral of Queen Elizabeth II")
    );
    assert_eq!(
        bank_holiday(d("2023-05-08")),
        Some("Bank holiday for the coronation of King Charles III")
    );
    assert_eq!(
        bank_holiday(d("2020-05-08")),
        Some("Early May bank holiday (VE day)")
    );
    assert_eq!(bank_holiday(d("2026-06-01")), None);
}

#[test]
fn one_off_changes_before_2018() {
    // 1995: early May moved from Mon 1 May to Mon 8 May (VE Day 50).
    assert!(dates(1995).contains(&d("1995-05-08")));
    assert!(!dates(1995).contains(&d("1995-05-01")));
    // 1999: Fri 31 December, millennium; 2000: New Year's Day on Saturday, so Mon 3 Jan.
    assert_eq!(
        bank_holiday(d("1999-12-31")),
        Some("Millennium celebrations")
    );
    assert_eq!(dates(2000)[0], d("2000-01-03"));
    // 2002: spring moved from Mon 27 May to Tue 4 June, Golden Jubilee Mon 3 June.
    let y2002 = dates(2002);
    assert!(y2002.contains(&d("2002-06-03")) && y2002.contains(&d("2002-06-04")));
    assert!(!y2002.contains(&d("2002-05-27")));
    assert_eq!(y2002.len(), 9);
    // 2011: Fri 29 April, royal wedding (Easter Monday was 25 April).
    assert_eq!(
        dates(2011),
        [
            "2011-01-03",
            "2011-04-22",
            "2011-04-25",
            "2011-04-29",
            "2011-05-02",
            "2011-05-30",
            "2011-08-29",
            "2011-12-26",
            "2011-12-27",
        ]
        .map(d)
    );
    // 2012: spring moved from Mon 28 May to Mon 4 June, Diamond Jubilee Tue 5 June.
    let y2012 = dates(2012);
    assert!(y2012.contains(&d("2012-06-04")) && y2012.contains(&d("2012-06-05")));
    assert!(!y2012.contains(&d("2012-05-28")));
}

#[test]
fn regular_rules_only_outside_supported_years() {
    // 2101: 1 Jan is a Saturday; Easter is 17 April; 25 Dec is a Sunday.
    assert_eq!(
        dates(2101),
        [
            "2101-01-03",
            "2101-04-15",
            "2101-04-18",
            "2101-05-02",
            "2101-05-30",
            "2101-08-29",
            "2101-12-26",
            "2101-12-27",
        ]
        .map(d)
    );
    // 1989 had no one-off changes either: the rules alone.
    assert_eq!(
        dates(1989),
        [
            "1989-01-02",
            "1989-03-24",
            "1989-03-27",
            "1989-05-01",
            "1989-05-29",
            "1989-08-28",
            "1989-12-25",
            "1989-12-26",
        ]
        .map(d)
    );
    assert!(bank_holidays(NaiveDate::MAX.year()).is_empty());
}

#[test]
fn christmas_in_every_weekday_position() {
    // (year, weekday of 25 Dec, expected Christmas/Boxing days off)
    let cases: &[(i32, Weekday, [&str; 2])] = &[
        (2023, Weekday::Mon, ["2023-12-25", "2023-12-26"]),
        (2018, Weekday::Tue, ["2018-12-25", "2018-12-26"]),
        (2024, Weekday::Wed, ["2024-12-25", "2024-12-26"]),
        (2025, Weekday::Thu, ["2025-12-25", "2025-12-26"]),
        (2026, Weekday::Fri, ["2026-12-25", "2026-12-28"]),
        (2021, Weekday::Sat, ["2021-12-27", "2021-12-28"]),
        (2022, Weekday::Sun, ["2022-12-26", "2022-12-27"]),
    ];
    for (year, weekday, expected) in cases {
        assert_eq!(d(&format!("{year}-12-25")).weekday(), *weekday);
        let december: Vec<NaiveDate> = dates(*year)
            .into_iter()
            .filter(|x| x.month() == 12)
            .collect();
        assert_eq!(december, expected.map(d), "{year}");
    }
    assert_eq!(
        bank_holiday(d("2021-12-27")),
        Some("Christmas Day (substitute day)")
    );
    assert_eq!(
        bank_holiday(d("2021-12-28")),
        Some("Boxing Day (substitute day)")
    );
    assert_eq!(bank_holiday(d("2022-12-26")), Some("Boxing Day"));
    assert_eq!(
        bank_holiday(d("2022-12-27")),
        Some("Christmas Day (substitute day)")
    );
}

#[test]
fn new_year_substitutes() {
    assert_eq!(dates(2022)[0], d("2022-01-03")); // Saturday
    assert_eq!(dates(2023)[0], d("2023-01-02")); // Sunday
    assert_eq!(dates(2028)[0], d("2028-01-03")); // Saturday
    assert_eq!(dates(2034)[0], d("2034-01-02")); // Sunday
    assert_eq!(dates(2030)[0], d("2030-01-01")); // Tuesday
}

#[test]
fn easter_across_years() {
    let known = [
        (1990, "1990-04-15"),
        (1991, "1991-03-31"),
        (2000, "2000-04-23"),
        (2008, "2008-03-23"),
        (2011, "2011-04-24"),
        (2019, "2019-04-21"),
        (2024, "2024-03-31"),
        (2025, "2025-04-20"),
        (2038, "2038-04-25"),
        (2285, "2285-03-22"),
    ];
    for (year, expected) in known {
        assert_eq!(easter_sunday(year), d(expected), "Easter {year}");
    }
    for year in 1583..=3000 {
        let e = easter_sunday(year);
        assert_eq!(e.weekday(), Weekday::Sun, "{year}");
        assert!(e >= d(&format!("{year}-03-22")) && e <= d(&format!("{year}-04-25")));
    }
}

#[test]
fn working_days() {
    assert!(is_working_day(d("2026-12-24"))); // Thursday
    assert!(!is_working_day(d("2026-12-25"))); // Christmas
    assert!(!is_working_day(d("2026-12-26"))); // Saturday
    assert!(!is_working_day(d("2026-12-27"))); // Sunday
    assert!(!is_working_day(d("2026-12-28"))); // Boxing Day substitute
    assert!(is_working_day(d("2026-12-29")));
}

#[test]
fn add_working_days_zero_and_one() {
    assert_eq!(add_working_days(d("2026-12-26"), 0), d("2026-12-26"));
    assert_eq!(add_working_days(d("2026-12-24"), 1), d("2026-12-29"));
    assert_eq!(add_working_days(d("2026-06-05"), 1), d("2026-06-08")); // Fri → Mon
    assert_eq!(add_working_days(d("2026-06-01"), 5), d("2026-06-08")); // Mon → Mon
}

#[test]
fn twenty_working_days_across_christmas_and_new_year() {
    // From Mon 14 Dec 2026: 15–18 (4), 21–24 (8), [25 hol, 28 hol] 29–31 (11),
    // [1 Jan 2027 hol] 4–8 (16), 11–14 (20).
    assert_eq!(add_working_days(d("2026-12-14"), 20), d("2027-01-14"));
    assert_eq!(add_working_days(d("2026-12-14"), 11), d("2026-12-31"));
    assert_eq!(add_working_days(d("2026-12-14"), 12), d("2027-01-04"));
}

#[test]
fn twenty_working_days_across_easter() {
    // From Mon 23 Mar 2026: 24–27 (4), 30–2 Apr (8), [3 Apr GF, 6 Apr EM] 7–10 (12),
    // 13–17 (17), 20–22 (20).
    assert_eq!(add_working_days(d("2026-03-23"), 20), d("2026-04-22"));
}

#[test]
fn twenty_working_days_across_one_off_holidays() {
    // Coronation: from Mon 24 Apr 2023: 25–28 (4), [1 May hol] 2–5 (8),
    // [8 May hol] 9–12 (12), 15–19 (17), 22–24 (20).
    assert_eq!(add_working_days(d("2023-04-24"), 20), d("2023-05-24"));
    // Platinum Jubilee: from Mon 23 May 2022: 24–27 (4), 30 May–1 Jun (7),
    // [2, 3 Jun hol] 6–10 (12), 13–17 (17), 20–22 (20). Under the regular rules
    // alone (spring bank holiday on Mon 30 May) it would end a day earlier.
    assert_eq!(add_working_days(d("2022-05-23"), 20), d("2022-06-22"));
    assert!(is_working_day(d("2022-05-30")));
    assert_eq!(add_working_days(d("2022-06-01"), 1), d("2022-06-06"));
}

#[test]
fn months_clamped() {
    assert_eq!(add_months_clamped(d("2026-08-31"), 6), d("2027-02-28"));
    assert_eq!(add_months_clamped(d("2023-08-31"), 6), d("2024-02-29"));
    assert_eq!(add_months_clamped(d("2099-08-31"), 6), d("2100-02-28"));
    assert_eq!(add_months_clamped(d("1999-08-31"), 6), d("2000-02-29"));
    assert_eq!(add_months_clamped(d("2024-02-29"), 12), d("2025-02-28"));
    assert_eq!(add_months_clamped(d("2024-02-29"), 48), d("2028-02-29"));
    assert_eq!(add_months_clamped(d("2026-01-31"), 1), d("2026-02-28"));
    assert_eq!(add_months_clamped(d("2026-01-31"), 3), d("2026-04-30"));
    assert_eq!(add_months_clamped(d("2026-03-15"), 0), d("2026-03-15"));
    assert_eq!(add_months_clamped(d("2026-11-30"), 14), d("2028-01-30"));
    assert_eq!(checked_add_months_clamped(NaiveDate::MAX, 1), None);
}

#[test]
fn weeks_before() {
    assert_eq!(sub_weeks(d("2027-01-04"), 6), d("2026-11-23"));
    assert_eq!(sub_weeks(d("2024-03-07"), 1), d("2024-02-29"));
    assert_eq!(sub_weeks(d("2024-03-07"), 0), d("2024-03-07"));
    assert_eq!(checked_sub_weeks(NaiveDate::MIN, 1), None);
}

#[test]
fn end_of_range() {
    assert_eq!(checked_add_working_days(NaiveDate::MAX, 1), None);
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    (1985i32..=2105, 1u32..=366).prop_map(|(y, ordinal)| {
        NaiveDate::from_yo_opt(y, ordinal)
            .unwrap_or_else(|| NaiveDate::from_yo_opt(y, 365).unwrap())
    })
}

proptest! {
    #[test]
    fn add_working_days_lands_on_working_day_and_increases(
        from in any_date(),
        n in 1u32..400,
    ) {
        let here = add_working_days(from, n);
        let next = add_working_days(from, n + 1);
        prop_assert!(is_working_day(here));
        prop_assert!(is_working_day(next));
        prop_assert!(from < here && here < next);
        // Exactly n Working Days lie in (from, here].
        let counted = from
            .iter_days()
            .skip(1)
            .take_while(|x| *x <= here)
            .filter(|x| is_working_day(*x))
            .count();
        prop_assert_eq!(counted, n as usize);
    }
}
