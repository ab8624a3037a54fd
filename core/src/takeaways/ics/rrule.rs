//! Repeating events: the subset of RFC 5545 recurrence rules (§3.3.10) that the plan's
//! dates need, how a rule expands, and which rule, if any, gives a list of dates exactly.
use chrono::{Datelike, NaiveDate};
use std::fmt;

/// The `FREQ` of a [`Recurrence`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Frequency {
    /// `MONTHLY`.
    Monthly,
    /// `YEARLY`.
    Yearly,
}

/// A recurrence rule of an all-day event, such as
/// `FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1;COUNT=12` (the last day of every third month,
/// 12 times). The event's `DTSTART` is the first occurrence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recurrence {
    /// `FREQ`.
    pub frequency: Frequency,
    /// `INTERVAL`: every how many months or years, at least 1 (written only when more).
    pub interval: u32,
    /// `BYMONTH`: the month, 1–12.
    pub by_month: Option<u32>,
    /// `BYMONTHDAY`: the day of the month, 1 to 31, or counted from its end, −1 (the
    /// last day) to −31.
    pub by_month_day: Option<i32>,
    /// `COUNT`: how many occurrences, `DTSTART` included.
    pub count: u32,
}

impl fmt::Display for Recurrence {
    /// The rule's value: `FREQ=YEARLY;COUNT=3`, with `INTERVAL`, `BYMONTH` and
    /// `BYMONTHDAY` between when set.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let freq = match self.frequency {
            Frequency::Monthly => "MONTHLY",
            Frequency::Yearly => "YEARLY",
        };
        write!(f, "FREQ={freq}")?;
        if self.interval > 1 {
            write!(f, ";INTERVAL={}", self.interval)?;
        }
        if let Some(m) = self.by_month {
            write!(f, ";BYMONTH={m}")?;
        }
        if let Some(d) = self.by_month_day {
            write!(f, ";BYMONTHDAY={d}")?;
        }
        write!(f, ";COUNT={}", self.count)
    }
}

/// The day `day` of a month (negative: counted back from its last day, −1 being the last
/// day), if the month has it.
fn day_of(year: i32, month: u32, day: i32) -> Option<NaiveDate> {
    if day > 0 {
        return NaiveDate::from_ymd_opt(year, month, day.unsigned_abs());
    }
    let last = NaiveDate::from_ymd_opt(year, month, 1)?
        .checked_add_months(chrono::Months::new(1))?
        .pred_opt()?;
    let from_end = last.day() as i32 + 1 + day;
    u32::try_from(from_end)
        .ok()
        .filter(|&d| d >= 1)
        .and_then(|d| NaiveDate::from_ymd_opt(year, month, d))
}

impl Recurrence {
    /// The dates of the occurrences of an event starting on `start`, as RFC 5545 expands
    /// the rule: period after period (`interval` months or years from `start`'s), the
    /// days `BYMONTH`/`BYMONTHDAY` pick in each (by default `start`'s month and day;
    /// `BYMONTHDAY` without `BYMONTH` in a yearly rule picks that day of every month),
    /// skipping days a month does not have (never moving them) and days before `start`,
    /// until `count` dates. `start` should be the first of them.
    pub fn expand(&self, start: NaiveDate) -> Vec<NaiveDate> {
        let day = self.by_month_day.unwrap_or(start.day() as i32);
        let mut out = Vec::new();
        // Bounded: a date that recurs at all (29 February, a 31st) recurs within 8 periods.
        let periods = u64::from(self.count) * 8 + 8;
        let base = i64::from(start.year()) * 12 + i64::from(start.month0());
        for i in 0..periods {
            if out.len() >= self.count as usize {
                break;
            }
            let step = i as i64 * i64::from(self.interval);
            let months: Vec<i64> = match self.frequency {
                Frequency::Monthly => vec![base + step],
                Frequency::Yearly => {
                    let year = i64::from(start.year()) + step;
                    let in_year: Vec<u32> = match (self.by_month, self.by_month_day) {
                        (Some(m), _) => vec![m],
                        (None, Some(_)) => (1..=12).collect(),
                        (None, None) => vec![start.month()],
                    };
                    in_year
                        .into_iter()
                        .map(|m| year * 12 + i64::from(m) - 1)
                        .collect()
                }
            };
            for m in months {
                let (Ok(year), month) = (i32::try_from(m.div_euclid(12)), m.rem_euclid(12) + 1)
                else {
                    return out;
                };
                if self.by_month.is_some_and(|b| i64::from(b) != month) {
                    continue;
                }
                let Some(date) = day_of(year, month as u32, day) else {
                    continue;
                };
                if date >= start && out.len() < self.count as usize {
                    out.push(date);
                }
            }
        }
        out
    }

    /// A rule whose expansion from `dates[0]` is exactly `dates`, if one of these forms
    /// gives them: every `k` months or years on the first date's day of the month, or on
    /// the last day of the month (`BYMONTHDAY=-1`, with `BYMONTH` when yearly), `k` being
    /// the months from the first date to the second. `None` for fewer than two dates.
    pub fn fitting(dates: &[NaiveDate]) -> Option<Recurrence> {
        let (&first, &second) = (dates.first()?, dates.get(1)?);
        let month = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month0());
        let step = u32::try_from(month(second) - month(first))
            .ok()
            .filter(|&s| s > 0)?;
        let (frequency, interval) = if step % 12 == 0 {
            (Frequency::Yearly, step / 12)
        } else {
            (Frequency::Monthly, step)
        };
        let plain = Recurrence {
            frequency,
            interval,
            by_month: None,
            by_month_day: None,
            count: u32::try_from(dates.len()).ok()?,
        };
        let month_end = Recurrence {
            by_month: (frequency == Frequency::Yearly).then(|| first.month()),
            by_month_day: Some(-1),
            ..plain.clone()
        };
        let last_day = first.succ_opt().is_some_and(|next| next.day() == 1);
        [Some(plain), last_day.then_some(month_end)]
            .into_iter()
            .flatten()
            .find(|r| r.expand(first) == dates)
    }
}

#[cfg(test)]
mod tests;
