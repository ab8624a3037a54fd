//! The question flow: which questions apply, in which order, what is still unanswered
//! (`flow/answers.rs`), and the deep-link encoding of answers, a public contract documented
//! in the README (`flow/link.rs`).
mod answers;
mod contracts;
mod link;
#[cfg(test)]
mod tests;

pub use answers::{Answer, Answers};
pub use contracts::{
    contract_link_parts, level_value, parse_contract_key, parse_level, too_many_message,
    ContractDraft, ContractError, ContractField, LEVEL_VALUES,
};
pub use link::{
    from_fragment, parse_stored_value, parse_value, ContractLinkError, LinkAnswers, LinkError,
};

use chrono::{Datelike, NaiveDate};

/// Reads `YYYY-MM-DD` (as `<input type="date">` gives it); `None` if it is not a real date.
pub fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    let mut it = s.trim().splitn(3, '-');
    let (y, m, d) = (it.next()?, it.next()?, it.next()?);
    let digits = |part: &str, n: usize| part.len() == n && part.bytes().all(|b| b.is_ascii_digit());
    if !(digits(y, 4) && digits(m, 2) && digits(d, 2)) {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// Formats a date as "4 January 2027".
pub fn long_date(d: NaiveDate) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
}
