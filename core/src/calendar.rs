//! England and Wales Working Days and bank holidays.
//!
//! A *Working Day* is Monday to Friday, except bank holidays in England and Wales.
//!
//! # API
//!
//! - [`bank_holidays`]`(year) -> Vec<BankHoliday>`: the year's bank holidays, sorted by date.
//! - [`bank_holiday`]`(date) -> Option<&'static str>`: the name of the bank holiday on `date`.
//! - [`is_working_day`]`(date) -> bool`.
//! - [`add_working_days`]`(from, n) -> NaiveDate`: the `n`-th Working Day after `from`
//!   (`n = 0` gives `from` itself); [`checked_add_working_days`] returns `None` instead of
//!   panicking at the end of chrono's date range.
//! - [`add_months_clamped`]`(date, months) -> NaiveDate`: calendar months, clamped to the
//!   end of the target month; [`checked_add_months_clamped`] is the non-panicking form.
//! - [`sub_weeks`]`(date, weeks) -> NaiveDate`; [`checked_sub_weeks`] is the non-panicking form.
//! - [`easter_sunday`]`(year) -> NaiveDate`: Easter Sunday (anonymous Gregorian algorithm).
//! - [`SUPPORTED_YEARS`], the years the one-off table covers: `1990..=2100`.
//!
//! # Where the holidays come from
//!
//! Regular holidays follow the rules of the Banking and Financial Dealings Act 1971 as
//! applied since 1978: New Year's Day, Good Friday, Easter Monday, the early May bank
//! holiday (first Monday in May), the spring bank holiday (last Monday in May), the summer
//! bank holiday (last Monday in August), Christmas Day and Boxing Day, with substitute
//! days when New Year's Day, Christmas Day or Boxing Day falls at a weekend.
//!
//! One-off changes made by proclamation (jubilees, royal events, VE Day anniversaries, the
//! millennium, the State Funeral of Queen Elizabeth II) are in a table that covers
//! [`SUPPORTED_YEARS`]. **Outside those years** weekends still count, but bank holidays come
//! from the regular rules only: no one-off change is known or applied there, and the rules
//! are applied even to years before they were enacted.
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use std::ops::RangeInclusive;

/// The years for which the table of one-off changes is complete: 1990 to 2100.
///
/// Outside this range weekends still count and the regular rules still give bank
/// holidays, but no one-off change (extra or moved holiday) is applied.
pub const SUPPORTED_YEARS: RangeInclusive<i32> = 1990..=2100;

/// One bank holiday in England and Wales.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct BankHoliday {
    /// The day on which the holiday is taken (a substitute day where one applies).
    pub date: NaiveDate,
    /// Its name, as GOV.UK gives it (substitute days end in "(substitute day)").
    pub name: &'static str,
}

/// The regular holidays that a one-off change can move.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Movable {
    EarlyMay,
    Spring,
}

/// A one-off change to the regular rules.
enum OneOff {
    /// A regular holiday moved to another day in the same year, with its name.
    Move {
        holiday: Movable,
        to: (i32, u32, u32),
        name: &'static str,
    },
    /// An extra holiday.
    Extra {
        on: (i32, u32, u32),
        name: &'static str,
    },
}

/// One-off changes in England and Wales, 1990–2100 (there are none known after 2023).
const ONE_OFFS: &[OneOff] = &[
    OneOff::Move {
        holiday: Movable::EarlyMay,
        to: (1995, 5, 8),
        name: "Early May bank holiday (VE day)",
    },
    OneOff::Extra {
        on: (1999, 12, 31),
        name: "Millennium celebrations",
    },
    OneOff::Move {
        holiday: Movable::Spring,
        to: (2002, 6, 4),
        name: "Spring bank holiday",
    },
    OneOff::Extra {
        on: (2002, 6, 3),
        name: "Golden Jubilee bank holiday",
    },
    OneOff::Extra {
        on: (2011, 4, 29),
        name: "Royal wedding bank holiday",
    },
    OneOff::Move {
        holiday: Movable::Spring,
        to: (2012, 6, 4),
        name: "Spring bank holiday",
    },
    OneOff::Extra {
        on: (2012, 6, 5),
        name: "Queen's Diamond Jubilee",
    },
    OneOff::Move {
        holiday: Movable::EarlyMay,
        to: (2020, 5, 8),
        name: "Early May bank holiday (VE day)",
    },
    OneOff::Move {
        holiday: Movable::Spring,
        to: (2022, 6, 2),
        name: "Spring bank holiday",
    },
    OneOff::Extra {
        on: (2022, 6, 3),
        name: "Platinum Jubilee bank holiday",
    },
    OneOff::Extra {
        on: (2022, 9, 19),
        name: "Bank Holiday for the State Funeral of Queen Elizabeth II",
    },
    OneOff::Extra {
        on: (2023, 5, 8),
        name: "Bank holiday for the coronation of King Charles III",
    },
];

fn ymd(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Easter Sunday in the Gregorian calendar, by the anonymous Gregorian algorithm
/// (Meeus/Jones/Butcher).
///
/// # Panics
///
/// Only if the year is outside chrono's date range.
pub fn easter_sunday(year: i32) -> NaiveDate {
    let y = i64::from(year);
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c.div_euclid(4);
    let k = c.rem_euclid(4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let month = (h + l - 7 * m + 114).div_euclid(31);
    let day = (h + l - 7 * m + 114).rem_euclid(31) + 1;
    // month is 3 or 4 and day is 1..=31 by construction.
    ymd(year, month as u32, day as u32).expect("year within chrono's range")
}

/// The first `weekday` on or after `date`.
fn on_or_after(date: NaiveDate, weekday: Weekday) -> NaiveDate {
    let ahead = (7 + weekday.num_days_from_monday() - date.weekday().num_days_from_monday()) % 7;
    date + Days::new(u64::from(ahead))
}

/// The last `weekday` on or before `date`.
fn on_or_before(date: NaiveDate, weekday: Weekday) -> NaiveDate {
    let back = (7 + date.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
    date - Days::new(u64::from(back))
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The bank holidays in England and Wales in `year`, sorted by date.
///
/// Within [`SUPPORTED_YEARS`] the one-off changes are applied; outside, the list comes
/// from the regular rules only (see the module documentation). Years outside chrono's
/// date range give an empty list.
pub fn bank_holidays(year: i32) -> Vec<BankHoliday> {
    let mut out = Vec::with_capacity(10);
    // Every date below exists whenever 1 January and 31 December of the year do.
    let (Some(jan1), Some(_)) = (ymd(year, 1, 1), ymd(year, 12, 31)) else {
        return out;
    };
    // Easter can fall as early as 22 March, so Good Friday never leaves the year; still,
    // guard the extreme ends of chrono's range.
    if year <= NaiveDate::MIN.year() || year >= NaiveDate::MAX.year() {
        return out;
    }
    let mut push = |date: NaiveDate, name: &'static str| out.push(BankHoliday { date, name });

    // New Year's Day.
    match jan1.weekday() {
        Weekday::Sat | Weekday::Sun => push(
            on_or_after(jan1, Weekday::Mon),
            "New Year's Day (substitute day)",
        ),
        _ => push(jan1, "New Year's Day"),
    }

    // Easter.
    let easter = easter_sunday(year);
    push(easter - Days::new(2), "Good Friday");
    push(easter + Days::new(1), "Easter Monday");

    // May and August, with one-off moves.
    let moved = |holiday: Movable| {
        ONE_OFFS.iter().find_map(|change| match *change {
            OneOff::Move {
                holiday: h,
                to: (y, m, d),
                name,
            } if h == holiday && y == year => Some((ymd(y, m, d).expect("valid table date"), name)),
            _ => None,
        })
    };
    let (early_may, early_may_name) = moved(Movable::EarlyMay).unwrap_or((
        on_or_after(ymd(year, 5, 1).expect("1 May"), Weekday::Mon),
        "Early May bank holiday",
    ));
    push(early_may, early_may_name);
    let (spring, spring_name) = moved(Movable::Spring).unwrap_or((
        on_or_before(ymd(year, 5, 31).expect("31 May"), Weekday::Mon),
        "Spring bank holiday",
    ));
    push(spring, spring_name);
    push(
        on_or_before(ymd(year, 8, 31).expect("31 August"), Weekday::Mon),
        "Summer bank holiday",
    );

    // Christmas Day and Boxing Day.
    let christmas = ymd(year, 12, 25).expect("25 December");
    let boxing = ymd(year, 12, 26).expect("26 December");
    let d = |day: u32| ymd(year, 12, day).expect("late December");
    match christmas.weekday() {
        // Sat 25, Sun 26: both substituted, Mon 27 and Tue 28.
        Weekday::Sat => {
            push(d(27), "Christmas Day (substitute day)");
            push(d(28), "Boxing Day (substitute day)");
        }
        // Sun 25, Mon 26: Boxing Day stands, Christmas moves to Tue 27.
        Weekday::Sun => {
            push(boxing, "Boxing Day");
            push(d(27), "Christmas Day (substitute day)");
        }
        // Fri 25, Sat 26: Boxing Day moves to Mon 28.
        Weekday::Fri => {
            push(christmas, "Christmas Day");
            push(d(28), "Boxing Day (substitute day)");
        }
        // Mon–Thu: both on weekdays.
        _ => {
            push(christmas, "Christmas Day");
            push(boxing, "Boxing Day");
        }
    }

    // One-off extra holidays.
    if SUPPORTED_YEARS.contains(&year) {
        for change in ONE_OFFS {
            if let OneOff::Extra {
                on: (y, m, d),
                name,
            } = *change
            {
                if y == year {
                    push(ymd(y, m, d).expect("valid table date"), name);
                }
            }
        }
    }

    crate::vec_map::sort_small_by_key(&mut out, |h| *h);
    out
}

/// The name of the England and Wales bank holiday on `date`, if there is one.
pub fn bank_holiday(date: NaiveDate) -> Option<&'static str> {
    bank_holidays(date.year())
        .into_iter()
        .find(|h| h.date == date)
        .map(|h| h.name)
}

/// Whether `date` is a Working Day: Monday to Friday and not an England and Wales bank
/// holiday.
pub fn is_working_day(date: NaiveDate) -> bool {
    !is_weekend(date) && bank_holiday(date).is_none()
}

/// The `n`-th Working Day after `from`, counting from the day after `from`; `n = 0`
/// gives `from` itself, whether or not it is a Working Day. `None` if the answer would
/// be past the end of chrono's date range.
///
/// Runs in time proportional to `n`.
pub fn checked_add_working_days(from: NaiveDate, n: u32) -> Option<NaiveDate> {
    let mut date = from;
    let mut left = n;
    // Holidays of the year in hand, so that each year's list is worked out once.
    let mut cached: Option<(i32, Vec<BankHoliday>)> = None;
    while left > 0 {
        date = date.succ_opt()?;
        if is_weekend(date) {
            continue;
        }
        let year = date.year();
        if cached.as_ref().is_none_or(|(y, _)| *y != year) {
            cached = Some((year, bank_holidays(year)));
        }
        let holidays = cached.as_ref().map(|(_, h)| h.as_slice()).unwrap_or(&[]);
        if holidays.iter().all(|h| h.date != date) {
            left -= 1;
        }
    }
    Some(date)
}

/// The `n`-th Working Day after `from`, counting from the day after `from`; `n = 0`
/// gives `from` itself, whether or not it is a Working Day.
///
/// So 1 Working Day after a Friday is the next Monday (or Tuesday, after a bank holiday
/// Monday). Runs in time proportional to `n`.
///
/// # Panics
///
/// If the answer would be past the end of chrono's date range; see
/// [`checked_add_working_days`].
pub fn add_working_days(from: NaiveDate, n: u32) -> NaiveDate {
    checked_add_working_days(from, n).expect("date out of range")
}

/// `date` plus `months` calendar months, clamped to the last day of the target month
/// (31 August + 6 months is 28 February, or 29 February in a leap year). `None` if the
/// answer is outside chrono's date range.
pub fn checked_add_months_clamped(date: NaiveDate, months: u32) -> Option<NaiveDate> {
    // chrono's month arithmetic clamps to the end of the month.
    date.checked_add_months(Months::new(months))
}

/// `date` plus `months` calendar months, clamped to the last day of the target month
/// (31 August + 6 months is 28 February, or 29 February in a leap year).
///
/// # Panics
///
/// If the answer is outside chrono's date range; see [`checked_add_months_clamped`].
pub fn add_months_clamped(date: NaiveDate, months: u32) -> NaiveDate {
    checked_add_months_clamped(date, months).expect("date out of range")
}

/// `date` minus `weeks` weeks (7 days each). `None` if the answer is outside chrono's
/// date range.
pub fn checked_sub_weeks(date: NaiveDate, weeks: u32) -> Option<NaiveDate> {
    date.checked_sub_days(Days::new(7 * u64::from(weeks)))
}

/// `date` minus `weeks` weeks (7 days each).
///
/// # Panics
///
/// If the answer is outside chrono's date range; see [`checked_sub_weeks`].
pub fn sub_weeks(date: NaiveDate, weeks: u32) -> NaiveDate {
    checked_sub_weeks(date, weeks).expect("date out of range")
}

#[cfg(test)]
mod tests {
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
}
