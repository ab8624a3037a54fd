//! The ground floor: numbers, money and dates as the product writes and reads them
//! ("3,000", "£45,000", "4 January 2027", `2027-01-04`).
//!
//! Uses nothing of the crate; every other module may use it.
use chrono::{Datelike, NaiveDate};

/// Formats a whole number with thousands separators: 3000 → "3,000".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Formats whole pounds: 45000 → "£45,000".
pub fn pounds(n: u64) -> String {
    format!("£{}", thousands(n))
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_iso_date_reads_what_chrono_writes() {
        for d in [
            NaiveDate::from_ymd_opt(2027, 1, 4).unwrap(),
            NaiveDate::from_ymd_opt(1999, 12, 31).unwrap(),
        ] {
            assert_eq!(parse_iso_date(&d.to_string()), Some(d));
        }
        for bad in [
            "",
            "2027-02-30",
            "2027-1-4",
            "27-01-04",
            "2027-01-04x",
            "x",
            "+123-01-01",
            "2027-+1-01",
            "2027-01-+4",
        ] {
            assert_eq!(parse_iso_date(bad), None, "{bad}");
        }
    }
}
