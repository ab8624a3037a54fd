//! What users type: numbers as people write them ("1,000", "£45k", "2 years") and dates
//! typed as day, month and year, each refused with a message in the GOV.UK style.
use super::{Question, QuestionKind};
use chrono::NaiveDate;

/// Why a typed number was not accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberError {
    /// Nothing was typed.
    Empty,
    /// It is not a number.
    NotANumber,
    /// It is below zero.
    Negative,
    /// It has a fraction where a whole number is meant.
    Fraction,
    /// It is below the smallest sensible value (months: 1).
    TooSmall,
    /// It is larger than any real contract.
    TooLarge,
}

/// The largest accepted value of each kind: anything above is a typing mistake.
pub fn max_for(kind: QuestionKind) -> u64 {
    match kind {
        QuestionKind::Money => 100_000_000_000,
        QuestionKind::Months => 1_200,
        _ => 1_000_000_000,
    }
}

/// Parses a number as people write it: "1,000", "£45,000", "45k", "1.2m", "2 years".
///
/// Accepted: digits with commas, spaces or underscores between them; a leading "£" for
/// money; a decimal point; the suffixes k (thousand), m (million) and bn (billion); for
/// months also "month(s)" and "year(s)". The result must be a whole number within range.
pub fn parse_number(input: &str, kind: QuestionKind) -> Result<u64, NumberError> {
    let mut s: String = fold_case(input.trim());
    if s.is_empty() {
        return Err(NumberError::Empty);
    }
    let negative = s.starts_with('-') || s.starts_with('\u{2212}');
    if negative {
        s = s
            .trim_start_matches(['-', '\u{2212}'])
            .trim_start()
            .to_string();
    }
    if kind == QuestionKind::Money {
        s = s.trim_start_matches('£').trim().to_string();
        if let Some(rest) = s.strip_suffix("gbp").or_else(|| s.strip_suffix("pounds")) {
            s = rest.trim_end().to_string();
        }
    }
    let mut multiplier: u64 = 1;
    let suffixes: &[(&str, u64)] = if kind == QuestionKind::Months {
        &[
            ("months", 1),
            ("month", 1),
            ("mo", 1),
            ("years", 12),
            ("year", 12),
            ("yrs", 12),
            ("yr", 12),
            ("y", 12),
        ]
    } else {
        &[
            ("thousand", 1_000),
            ("million", 1_000_000),
            ("billion", 1_000_000_000),
            ("bn", 1_000_000_000),
            ("k", 1_000),
            ("m", 1_000_000),
            ("b", 1_000_000_000),
        ]
    };
    for (suffix, m) in suffixes {
        if let Some(rest) = s.strip_suffix(suffix) {
            s = rest.trim_end().to_string();
            multiplier = *m;
            break;
        }
    }
    let cleaned: String = s
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '_' | '\u{a0}'))
        .collect();
    let (int_part, frac_part) = match cleaned.split_once('.') {
        Some((i, f)) => (i, f),
        None => (cleaned.as_str(), ""),
    };
    let digits_ok = |p: &str| p.chars().all(|c| c.is_ascii_digit());
    if (int_part.is_empty() && frac_part.is_empty())
        || !digits_ok(int_part)
        || !digits_ok(frac_part)
        || frac_part.len() > 9
        || int_part.len() > 15
    {
        return Err(NumberError::NotANumber);
    }
    if negative {
        let zero = int_part.chars().chain(frac_part.chars()).all(|c| c == '0');
        if !zero {
            return Err(NumberError::Negative);
        }
    }
    let int: u128 = if int_part.is_empty() {
        0
    } else {
        int_part.parse().map_err(|_| NumberError::NotANumber)?
    };
    let frac: u128 = if frac_part.is_empty() {
        0
    } else {
        frac_part.parse().map_err(|_| NumberError::NotANumber)?
    };
    let scale = 10u128.pow(frac_part.len() as u32);
    let scaled = (int * scale + frac) * u128::from(multiplier);
    if !scaled.is_multiple_of(scale) {
        return Err(NumberError::Fraction);
    }
    let value = scaled / scale;
    if value > u128::from(max_for(kind)) {
        return Err(NumberError::TooLarge);
    }
    let value = value as u64;
    if kind == QuestionKind::Months && value == 0 {
        return Err(NumberError::TooSmall);
    }
    Ok(value)
}

/// The error message for a number, in the GOV.UK style.
pub fn number_message(q: &Question, e: NumberError) -> String {
    let label = q.label;
    match (e, q.kind) {
        (NumberError::Empty, _) => format!("Enter {}", q.noun),
        (NumberError::NotANumber, QuestionKind::Money) => {
            format!("{label} must be an amount in pounds, like 45,000 or £45k")
        }
        (NumberError::NotANumber, QuestionKind::Months) => {
            format!("{label} must be a number of months, like 18 or 2 years")
        }
        (NumberError::NotANumber, _) => format!("{label} must be a number, like 1,500 or 1.5k"),
        (NumberError::Negative, _) => format!("{label} must be 0 or more"),
        (NumberError::Fraction, QuestionKind::Money) => format!("{label} must be in whole pounds"),
        (NumberError::Fraction, QuestionKind::Months) => {
            format!("{label} must be a whole number of months: count a part month as a whole month")
        }
        (NumberError::Fraction, _) => format!("{label} must be a whole number"),
        (NumberError::TooSmall, _) => format!("{label} must be at least 1 month"),
        (NumberError::TooLarge, QuestionKind::Money) => {
            format!(
                "{label} must be £{} or less",
                crate::format::thousands(max_for(q.kind))
            )
        }
        (NumberError::TooLarge, QuestionKind::Months) => {
            format!(
                "{label} must be {} months or less",
                crate::format::thousands(max_for(q.kind))
            )
        }
        (NumberError::TooLarge, _) => {
            format!(
                "{label} must be {} or fewer",
                crate::format::thousands(max_for(q.kind))
            )
        }
    }
}

/// Which part of a date field is wrong (for highlighting the right input).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DatePart {
    /// The day box.
    Day,
    /// The month box.
    Month,
    /// The year box.
    Year,
    /// The whole date.
    All,
}

/// Why a typed date was not accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError {
    /// The part to highlight.
    pub part: DatePart,
    /// The message.
    pub message: String,
}

/// Parses a date typed as day, month and year boxes. `Ok(None)`: all three are empty.
pub fn parse_date(
    q: &Question,
    day: &str,
    month: &str,
    year: &str,
) -> Result<Option<NaiveDate>, DateError> {
    let (d, m, y) = (day.trim(), month.trim(), year.trim());
    let noun = q.label;
    let err = |part, message: String| Err(DateError { part, message });
    if d.is_empty() && m.is_empty() && y.is_empty() {
        return Ok(None);
    }
    let missing: Vec<&str> = [("day", d), ("month", m), ("year", y)]
        .iter()
        .filter(|(_, v)| v.is_empty())
        .map(|(n, _)| *n)
        .collect();
    match missing.as_slice() {
        [] => {}
        [one] => {
            let part = match *one {
                "day" => DatePart::Day,
                "month" => DatePart::Month,
                _ => DatePart::Year,
            };
            return err(part, format!("{noun} must include a {one}"));
        }
        [a, b] => {
            return err(
                DatePart::All,
                format!("{noun} must include a {a} and a {b}"),
            )
        }
        _ => unreachable!("all empty is handled above"),
    }
    let num = |s: &str| -> Option<u32> {
        (s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let month_number = num(m).or_else(|| month_from_name(m));
    let (Some(dn), Some(mn)) = (num(d), month_number) else {
        return err(DatePart::All, format!("{noun} must be a real date"));
    };
    if y.len() != 4 || !y.chars().all(|c| c.is_ascii_digit()) {
        return err(DatePart::Year, "Year must include 4 numbers".to_string());
    }
    let yn: i32 = y.parse().map_err(|_| DateError {
        part: DatePart::Year,
        message: "Year must include 4 numbers".into(),
    })?;
    if !(1990..=2100).contains(&yn) {
        return err(
            DatePart::Year,
            format!("{noun} must be between 1990 and 2100"),
        );
    }
    match NaiveDate::from_ymd_opt(yn, mn, dn) {
        Some(date) => Ok(Some(date)),
        None if !(1..=12).contains(&mn) => {
            err(DatePart::Month, format!("{noun} must be a real date"))
        }
        None => err(DatePart::Day, format!("{noun} must be a real date")),
    }
}

/// Lower-cases what the user typed for matching suffixes and month names. It reads exactly
/// as `str::to_lowercase` would for these parsers: ASCII letters fold as usual, and the
/// Kelvin sign (U+212A) becomes `k`, the only other character whose lower case is ASCII.
/// Any other non-ASCII character is rejected by the parsers either way. This avoids std's
/// Unicode case tables (about 15 KB) in the WebAssembly bundle.
pub(super) fn fold_case(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{212a}' => 'k',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

fn month_from_name(s: &str) -> Option<u32> {
    const NAMES: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let s = fold_case(s);
    if s.len() < 3 {
        return None;
    }
    NAMES
        .iter()
        .position(|n| s.starts_with(n))
        .map(|i| i as u32 + 1)
}
