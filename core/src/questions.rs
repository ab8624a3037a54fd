//! The questions (from `data/questions.toml`) and the parsing of what users type.
use crate::schedule::Schedule as QuestionSchedule;
use chrono::NaiveDate;
use std::fmt;

/// A question's identity; the flow logic refers to questions by these.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum QuestionId {
    /// Data subjects in this Call-Off Contract.
    Subjects,
    /// Special category data subjects in this Call-Off Contract.
    Special,
    /// The recipient is a professional with a duty of confidentiality.
    Professional,
    /// Value of the services.
    Value,
    /// Duration in months.
    Months,
    /// Access to MoJ systems.
    Access,
    /// Other Call-Off Contracts under the Framework: yes or no.
    Other,
    /// Data subjects in the other contracts.
    OtherSubjects,
    /// Special category data subjects in the other contracts.
    OtherSpecial,
    /// The level currently applied to the other contracts.
    CurrentLevel,
    /// The Call-Off Commencement Date (optional).
    Commencement,
    /// The 2017 Effective Date (optional).
    Effective,
    /// Staff use their own computers (2017, CIO policy).
    OwnDevices,
    /// Highest protective marking (2017).
    Marking,
    /// Access to large volumes of data (2017).
    Bulk,
    /// Long-term access to OFFICIAL-SENSITIVE data (2017, CIO ¶4).
    LongTerm,
}

impl QuestionId {
    /// The key used in links, storage and page addresses ("subjects", "other_special" …).
    pub fn key(self) -> &'static str {
        match self {
            QuestionId::Subjects => "subjects",
            QuestionId::Special => "special",
            QuestionId::Professional => "professional",
            QuestionId::Value => "value",
            QuestionId::Months => "months",
            QuestionId::Access => "access",
            QuestionId::Other => "other",
            QuestionId::OtherSubjects => "other_subjects",
            QuestionId::OtherSpecial => "other_special",
            QuestionId::CurrentLevel => "current_level",
            QuestionId::Commencement => "commencement",
            QuestionId::Effective => "effective",
            QuestionId::OwnDevices => "own_devices",
            QuestionId::Marking => "marking",
            QuestionId::Bulk => "bulk",
            QuestionId::LongTerm => "long_term",
        }
    }

    /// The id for a key.
    pub fn from_key(key: &str) -> Option<QuestionId> {
        QUESTIONS.iter().map(|q| q.id).find(|id| id.key() == key)
    }

    /// The question's words.
    pub fn question(self) -> &'static Question {
        QUESTIONS
            .iter()
            .find(|q| q.id == self)
            .expect("every QuestionId has a question (checked at build time)")
    }
}

/// What kind of answer a question takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuestionKind {
    /// A whole number, 0 or more.
    Count,
    /// Whole pounds.
    Money,
    /// Whole months, 1 or more.
    Months,
    /// Yes or no.
    YesNo,
    /// One of the options.
    Choice,
    /// A date as day, month and year.
    Date,
}

/// One option of a choice question.
#[derive(Debug, PartialEq, Eq)]
pub struct QuestionOption {
    /// The value stored and used in links.
    pub value: &'static str,
    /// What the user sees.
    pub label: &'static str,
}

/// A question, one per page.
#[derive(Debug, PartialEq, Eq)]
pub struct Question {
    /// Identity.
    pub id: QuestionId,
    /// The schedule that asks it.
    pub schedule: QuestionSchedule,
    /// The kind of answer.
    pub kind: QuestionKind,
    /// The page heading: the question itself.
    pub heading: &'static str,
    /// Hint text in plain English.
    pub hint: &'static str,
    /// Short name for the check-answers page.
    pub label: &'static str,
    /// How error messages name the answer.
    pub noun: &'static str,
    /// The page may be skipped.
    pub optional: bool,
    /// The options of a choice question.
    pub options: &'static [QuestionOption],
}

include!(concat!(env!("OUT_DIR"), "/questions.rs"));

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
                crate::matrix::thousands(max_for(q.kind))
            )
        }
        (NumberError::TooLarge, QuestionKind::Months) => {
            format!(
                "{label} must be {} months or less",
                crate::matrix::thousands(max_for(q.kind))
            )
        }
        (NumberError::TooLarge, _) => {
            format!(
                "{label} must be {} or fewer",
                crate::matrix::thousands(max_for(q.kind))
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
fn fold_case(s: &str) -> String {
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

impl fmt::Display for QuestionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_case_agrees_with_to_lowercase_wherever_the_parsers_could_tell() {
        // The parsers accept only ASCII and these; any other character fails them.
        let accepted = |s: &str| {
            s.chars()
                .all(|c| c.is_ascii() || "£\u{2212}\u{a0}".contains(c))
        };
        for c in char::MIN..=char::MAX {
            let (folded, lower) = (fold_case(&c.to_string()), c.to_lowercase().to_string());
            if accepted(&folded) || accepted(&lower) {
                assert_eq!(folded, lower, "U+{:04X}", c as u32);
            }
        }
        assert_eq!(count("5\u{212a}"), Ok(5_000));
        assert_eq!(count("5 THOUSAND"), Ok(5_000));
    }

    #[test]
    fn labels_have_no_case_outside_ascii() {
        // The check-answers page lower-cases labels with `to_ascii_lowercase`.
        for q in QUESTIONS {
            assert_eq!(
                q.label.to_ascii_lowercase(),
                q.label.to_lowercase(),
                "{}",
                q.label
            );
        }
    }

    fn count(s: &str) -> Result<u64, NumberError> {
        parse_number(s, QuestionKind::Count)
    }

    #[test]
    fn numbers_as_people_write_them() {
        assert_eq!(count("1,000"), Ok(1_000));
        assert_eq!(count(" 2 500 "), Ok(2_500));
        assert_eq!(count("45k"), Ok(45_000));
        assert_eq!(count("1.2m"), Ok(1_200_000));
        assert_eq!(count("1.5K"), Ok(1_500));
        assert_eq!(count("0"), Ok(0));
        assert_eq!(count("-0"), Ok(0));
        assert_eq!(parse_number("£45,000", QuestionKind::Money), Ok(45_000));
        assert_eq!(parse_number("£45k", QuestionKind::Money), Ok(45_000));
        assert_eq!(parse_number("£1.2m", QuestionKind::Money), Ok(1_200_000));
        assert_eq!(parse_number("45000.00", QuestionKind::Money), Ok(45_000));
        assert_eq!(parse_number("18 months", QuestionKind::Months), Ok(18));
        assert_eq!(parse_number("2 years", QuestionKind::Months), Ok(24));
        assert_eq!(parse_number("1.5 years", QuestionKind::Months), Ok(18));
    }

    #[test]
    fn each_mistake_has_its_own_error() {
        assert_eq!(count(""), Err(NumberError::Empty));
        assert_eq!(count("   "), Err(NumberError::Empty));
        assert_eq!(count("lots"), Err(NumberError::NotANumber));
        assert_eq!(count("12abc"), Err(NumberError::NotANumber));
        assert_eq!(count("1.2.3"), Err(NumberError::NotANumber));
        assert_eq!(count("£5"), Err(NumberError::NotANumber));
        assert_eq!(count("-5"), Err(NumberError::Negative));
        assert_eq!(count("−5"), Err(NumberError::Negative));
        assert_eq!(count("2.5"), Err(NumberError::Fraction));
        assert_eq!(count("1.2345k"), Err(NumberError::Fraction));
        assert_eq!(
            parse_number("£45,000.50", QuestionKind::Money),
            Err(NumberError::Fraction)
        );
        assert_eq!(
            parse_number("0", QuestionKind::Months),
            Err(NumberError::TooSmall)
        );
        assert_eq!(
            parse_number("1.5", QuestionKind::Months),
            Err(NumberError::Fraction)
        );
        assert_eq!(count("2bn"), Err(NumberError::TooLarge));
        assert_eq!(count("99999999999999999999"), Err(NumberError::NotANumber));
        assert_eq!(
            parse_number("1201", QuestionKind::Months),
            Err(NumberError::TooLarge)
        );
    }

    #[test]
    fn messages_name_the_answer() {
        let q = QuestionId::Subjects.question();
        assert_eq!(
            number_message(q, NumberError::Empty),
            "Enter the number of people"
        );
        assert!(number_message(q, NumberError::Fraction).ends_with("must be a whole number"));
        let v = QuestionId::Value.question();
        assert!(number_message(v, NumberError::Fraction).ends_with("must be in whole pounds"));
        assert!(number_message(v, NumberError::TooLarge).contains("£100,000,000,000"));
    }

    #[test]
    fn dates_typed_in_three_boxes() {
        let q = QuestionId::Commencement.question();
        let ok = |d, m, y| parse_date(q, d, m, y).unwrap();
        assert_eq!(ok("4", "1", "2027"), NaiveDate::from_ymd_opt(2027, 1, 4));
        assert_eq!(ok("04", "jan", "2027"), NaiveDate::from_ymd_opt(2027, 1, 4));
        assert_eq!(
            ok(" 29 ", "2", "2028"),
            NaiveDate::from_ymd_opt(2028, 2, 29)
        );
        assert_eq!(ok("", "", ""), None);
        let bad = |d, m, y| parse_date(q, d, m, y).unwrap_err();
        assert_eq!(bad("", "1", "2027").part, DatePart::Day);
        assert!(bad("", "1", "2027").message.ends_with("must include a day"));
        assert!(bad("4", "", "")
            .message
            .ends_with("must include a month and a year"));
        assert_eq!(
            bad("29", "2", "2027").message,
            "Call-Off Commencement Date must be a real date"
        );
        assert_eq!(bad("1", "13", "2027").part, DatePart::Month);
        assert_eq!(bad("1", "1", "27").message, "Year must include 4 numbers");
        assert_eq!(bad("x", "1", "2027").part, DatePart::All);
        assert!(bad("1", "1", "2200")
            .message
            .contains("between 1990 and 2100"));
    }

    #[test]
    fn every_question_is_in_the_data_with_a_key_round_trip() {
        for q in QUESTIONS {
            assert_eq!(QuestionId::from_key(q.id.key()), Some(q.id));
            assert!(std::ptr::eq(q.id.question(), q));
        }
        assert_eq!(QuestionId::from_key("nope"), None);
    }
}
