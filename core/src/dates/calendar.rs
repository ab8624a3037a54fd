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

    crate::sort::sort_by(&mut out, Ord::cmp);
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
mod tests;
