//! An iCalendar (RFC 5545) writer for all-day deadline events, and a small reader used to
//! verify what it writes.
//!
//! [`to_ics`] writes a `VCALENDAR` with one all-day `VEVENT` per [`IcsEvent`]. The output
//! uses CRLF line endings, escapes TEXT values (`\`, `;`, `,` and newlines) and folds
//! lines longer than 75 octets without splitting a UTF-8 character. The `DTSTAMP` is
//! passed in: nothing here reads a clock.
//!
//! [`unfold_lines`] and [`unfold_and_parse`] read such a file back; they are test and
//! verification helpers, not a general iCalendar parser.
use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

/// The most octets on one line, not counting the CRLF (RFC 5545 §3.1).
pub const MAX_LINE_OCTETS: usize = 75;

/// The `PRODID` written into every calendar.
pub const PRODID: &str = "-//Security Matrix//Self-assessment//EN";

/// One all-day event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IcsEvent {
    /// A globally unique identifier, kept stable between exports so that calendar apps
    /// update the event rather than duplicate it.
    pub uid: String,
    /// The day of the event.
    pub date: NaiveDate,
    /// The one-line title.
    pub summary: String,
    /// The longer text; newlines are kept.
    pub description: String,
}

/// `YYYYMMDD`, or `None` for years RFC 5545 cannot write (outside 0000–9999).
fn ics_date(date: NaiveDate) -> Option<String> {
    (0..=9999)
        .contains(&date.year())
        .then(|| format!("{:04}{:02}{:02}", date.year(), date.month(), date.day()))
}

/// Escapes a TEXT value: `\` `;` `,` are backslashed, CRLF, CR and LF become `\n`, and
/// other ASCII control characters (which TEXT cannot hold) are dropped; tabs are kept.
pub fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\t' => out.push('\t'),
            c if c.is_ascii_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Undoes [`escape_text`]: `\\`, `\;`, `\,`, `\n` and `\N`. Any other backslash is kept.
pub fn unescape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(e @ ('\\' | ';' | ',')) => out.push(e),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// Appends one content line, folded so that no physical line is longer than
/// [`MAX_LINE_OCTETS`] octets and no UTF-8 character is split, then CRLF.
fn push_line(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

/// Writes an iCalendar file with one all-day `VEVENT` per event, in order.
///
/// Each event has `UID`, `DTSTAMP` (`dtstamp`, taken to be UTC and written to the
/// second; it should lie in the years 0000–9999), `DTSTART;VALUE=DATE`,
/// `DTEND;VALUE=DATE` (the next day), `SUMMARY` and `DESCRIPTION`. Events whose date is
/// outside the years 0000–9999, which the format cannot write, are left out; RFC 5545
/// also expects at least one event, so callers should not export an empty list.
pub fn to_ics(events: &[IcsEvent], dtstamp: NaiveDateTime) -> String {
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        &format!("PRODID:{PRODID}"),
        "CALSCALE:GREGORIAN",
    ] {
        push_line(&mut out, line);
    }
    let stamp = format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        dtstamp.year(),
        dtstamp.month(),
        dtstamp.day(),
        dtstamp.hour(),
        dtstamp.minute(),
        dtstamp.second()
    );
    for event in events {
        let Some(start) = ics_date(event.date) else {
            continue;
        };
        // The day after; absent only for chrono's last date, where a DATE start alone
        // already means one day.
        let end = event.date.succ_opt().and_then(ics_date);
        push_line(&mut out, "BEGIN:VEVENT");
        push_line(&mut out, &format!("UID:{}", escape_text(&event.uid)));
        push_line(&mut out, &format!("DTSTAMP:{stamp}"));
        push_line(&mut out, &format!("DTSTART;VALUE=DATE:{start}"));
        if let Some(end) = end {
            push_line(&mut out, &format!("DTEND;VALUE=DATE:{end}"));
        }
        push_line(
            &mut out,
            &format!("SUMMARY:{}", escape_text(&event.summary)),
        );
        push_line(
            &mut out,
            &format!("DESCRIPTION:{}", escape_text(&event.description)),
        );
        push_line(&mut out, "END:VEVENT");
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

/// Splits an iCalendar text into logical content lines, undoing line folding: a line
/// that starts with a space or tab continues the previous one, without that first
/// character. Accepts CRLF or bare LF line endings. A test and verification helper.
pub fn unfold_lines(ics: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for raw in ics.split('\n') {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        match (raw.strip_prefix([' ', '\t']), lines.last_mut()) {
            (Some(rest), Some(last)) => last.push_str(rest),
            _ if raw.is_empty() => {}
            _ => lines.push(raw.to_string()),
        }
    }
    lines
}

/// Reads the `VEVENT`s of an iCalendar text back: for each event, its properties in
/// order as `(name, value)`, where `name` keeps any parameters (`DTSTART;VALUE=DATE`)
/// and `value` is unescaped as TEXT ([`unescape_text`]). A test and verification helper
/// for [`to_ics`]'s output, not a general parser (it does not handle quoted parameter
/// values containing `:`).
pub fn unfold_and_parse(ics: &str) -> Vec<Vec<(String, String)>> {
    let mut events = Vec::new();
    let mut current: Option<Vec<(String, String)>> = None;
    for line in unfold_lines(ics) {
        match line.as_str() {
            "BEGIN:VEVENT" => current = Some(Vec::new()),
            "END:VEVENT" => events.extend(current.take()),
            _ => {
                if let (Some(props), Some((name, value))) = (current.as_mut(), line.split_once(':'))
                {
                    props.push((name.to_string(), unescape_text(value)));
                }
            }
        }
    }
    events
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn stamp() -> NaiveDateTime {
        d("2026-05-01").and_hms_opt(9, 5, 7).unwrap()
    }

    fn event(uid: &str, date: &str, summary: &str, description: &str) -> IcsEvent {
        IcsEvent {
            uid: uid.to_string(),
            date: d(date),
            summary: summary.to_string(),
            description: description.to_string(),
        }
    }

    /// Every line ends in CRLF, there is no bare CR or LF, and no line (without its CRLF)
    /// is longer than 75 octets.
    fn assert_well_formed(ics: &str) {
        assert!(ics.ends_with("\r\n"));
        let body = ics.strip_suffix("\r\n").unwrap();
        for line in body.split("\r\n") {
            assert!(!line.contains('\r') && !line.contains('\n'), "{line:?}");
            assert!(
                line.len() <= MAX_LINE_OCTETS,
                "{} octets: {line:?}",
                line.len()
            );
        }
    }

    #[test]
    fn writes_the_exact_calendar() {
        let ics = to_ics(
            &[event(
                "isms-1@security-matrix",
                "2026-12-31",
                "Submit the ISMS",
                "Clause 4.1",
            )],
            stamp(),
        );
        let expected = "BEGIN:VCALENDAR\r\n\
                        VERSION:2.0\r\n\
                        PRODID:-//Security Matrix//Self-assessment//EN\r\n\
                        CALSCALE:GREGORIAN\r\n\
                        BEGIN:VEVENT\r\n\
                        UID:isms-1@security-matrix\r\n\
                        DTSTAMP:20260501T090507Z\r\n\
                        DTSTART;VALUE=DATE:20261231\r\n\
                        DTEND;VALUE=DATE:20270101\r\n\
                        SUMMARY:Submit the ISMS\r\n\
                        DESCRIPTION:Clause 4.1\r\n\
                        END:VEVENT\r\n\
                        END:VCALENDAR\r\n";
        assert_eq!(ics, expected);
    }

    #[test]
    fn leap_day_end_and_skipped_years() {
        let ics = to_ics(
            &[
                event("a", "2024-02-28", "x", "y"),
                IcsEvent {
                    date: NaiveDate::from_ymd_opt(10_000, 1, 1).unwrap(),
                    ..event("b", "2024-01-01", "x", "y")
                },
            ],
            stamp(),
        );
        let events = unfold_and_parse(&ics);
        assert_eq!(events.len(), 1);
        assert!(events[0].contains(&("DTEND;VALUE=DATE".to_string(), "20240229".to_string())));
    }

    #[test]
    fn escapes_text() {
        assert_eq!(
            escape_text("a\\b;c,d\ne\r\nf\rg\u{7}h\ti"),
            "a\\\\b\\;c\\,d\\ne\\nf\\ng".to_string() + "h\ti"
        );
        assert_eq!(
            unescape_text("a\\\\b\\;c\\,d\\ne\\Nf\\x"),
            "a\\b;c,d\ne\nf\\x"
        );
        let ics = to_ics(
            &[event("u", "2026-01-01", "Cost: £5, due; now", "x")],
            stamp(),
        );
        assert!(ics.contains("\r\nSUMMARY:Cost: £5\\, due\\; now\r\n"));
    }

    #[test]
    fn folds_ascii_at_75_octets() {
        let summary = "x".repeat(100);
        let ics = to_ics(&[event("u", "2026-01-01", &summary, "")], stamp());
        let lines: Vec<&str> = ics.split("\r\n").collect();
        let i = lines
            .iter()
            .position(|l| l.starts_with("SUMMARY:"))
            .unwrap();
        // "SUMMARY:" is 8 octets, so 67 x's fit on the first line and 33 follow.
        assert_eq!(lines[i], format!("SUMMARY:{}", "x".repeat(67)));
        assert_eq!(lines[i + 1], format!(" {}", "x".repeat(33)));
        assert!(lines[i + 2].starts_with("DESCRIPTION:"));
        assert_well_formed(&ics);
    }

    #[test]
    fn folds_without_splitting_characters() {
        // 8 + 66 = 74 octets, then "é" (2 octets) would make 76: it moves to the next line.
        let summary = format!("{}é{}", "a".repeat(66), "b".repeat(10));
        let ics = to_ics(&[event("u", "2026-01-01", &summary, "")], stamp());
        let lines: Vec<&str> = ics.split("\r\n").collect();
        let i = lines
            .iter()
            .position(|l| l.starts_with("SUMMARY:"))
            .unwrap();
        assert_eq!(lines[i].len(), 74);
        assert_eq!(lines[i + 1], format!(" é{}", "b".repeat(10)));
        // A 4-octet emoji after 72 octets (75 would still fit, 76 would not).
        let summary = format!("{}😀{}😀", "a".repeat(63), "c".repeat(70));
        let ics = to_ics(&[event("u", "2026-01-01", &summary, "")], stamp());
        let lines: Vec<&str> = ics.split("\r\n").collect();
        let i = lines
            .iter()
            .position(|l| l.starts_with("SUMMARY:"))
            .unwrap();
        assert_eq!(lines[i], format!("SUMMARY:{}😀", "a".repeat(63)));
        assert_eq!(lines[i].len(), 75);
        // The continuation: 1 + 70 = 71 octets, the emoji would make 75, which fits.
        assert_eq!(lines[i + 1], format!(" {}😀", "c".repeat(70)));
        assert_well_formed(&ics);
        assert_eq!(unfold_and_parse(&ics)[0][4].1, summary);
    }

    #[test]
    fn round_trips_awkward_text_and_uids() {
        let long = "The Supplier shall, within 10 Working Days; notify the Customer — \
                    costing £1,250.00 (café «résumé») 😀🔐🇬🇧 — and then\nreport back\r\nagain. "
            .repeat(4);
        let events = vec![
            event(
                "obligation-df-2.4-3.1.2@security-matrix.example",
                "2026-12-14",
                "£5, café; résumé 😀",
                &long,
            ),
            event(
                "uid,with;special\\chars and a very long tail that goes well past seventy-five octets",
                "2027-01-14",
                &long,
                "Line one\nLine two, with a comma; and a semicolon \\ and a backslash",
            ),
            event("plain", "2024-02-29", "", ""),
        ];
        let ics = to_ics(&events, stamp());
        assert_well_formed(&ics);
        let parsed = unfold_and_parse(&ics);
        assert_eq!(parsed.len(), events.len());
        for (props, e) in parsed.iter().zip(&events) {
            let names: Vec<&str> = props.iter().map(|(n, _)| n.as_str()).collect();
            assert_eq!(
                names,
                [
                    "UID",
                    "DTSTAMP",
                    "DTSTART;VALUE=DATE",
                    "DTEND;VALUE=DATE",
                    "SUMMARY",
                    "DESCRIPTION"
                ]
            );
            let value = |name: &str| props.iter().find(|(n, _)| n == name).unwrap().1.clone();
            assert_eq!(value("UID"), e.uid);
            assert_eq!(value("DTSTAMP"), "20260501T090507Z");
            assert_eq!(
                value("DTSTART;VALUE=DATE"),
                e.date.format("%Y%m%d").to_string()
            );
            assert_eq!(
                value("DTEND;VALUE=DATE"),
                e.date.succ_opt().unwrap().format("%Y%m%d").to_string()
            );
            // CRLF inside the text comes back as LF.
            assert_eq!(value("SUMMARY"), e.summary.replace("\r\n", "\n"));
            assert_eq!(value("DESCRIPTION"), e.description.replace("\r\n", "\n"));
        }
        let calendar = unfold_lines(&ics);
        assert_eq!(
            calendar[..4],
            [
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                "PRODID:-//Security Matrix//Self-assessment//EN",
                "CALSCALE:GREGORIAN"
            ]
        );
        assert_eq!(calendar.last().map(String::as_str), Some("END:VCALENDAR"));
    }

    /// What a TEXT value reads back as: line breaks become LF, other ASCII controls but
    /// tab are dropped.
    fn normalised(s: &str) -> String {
        s.replace("\r\n", "\n")
            .replace('\r', "\n")
            .chars()
            .filter(|c| !c.is_ascii_control() || *c == '\n' || *c == '\t')
            .collect()
    }

    proptest! {
        #[test]
        fn any_text_round_trips_within_line_limits(
            uid in "[ -~]{1,120}",
            summary in any::<String>(),
            description in "(\\PC|[\\r\\n,;\\\\])*",
            day in 0i64..40_000,
        ) {
            let date = d("1990-01-01") + chrono::Duration::days(day);
            let e = IcsEvent { uid, date, summary, description };
            let ics = to_ics(std::slice::from_ref(&e), stamp());
            assert_well_formed(&ics);
            let parsed = unfold_and_parse(&ics);
            prop_assert_eq!(parsed.len(), 1);
            prop_assert_eq!(&parsed[0][0].1, &e.uid);
            prop_assert_eq!(&parsed[0][4].1, &normalised(&e.summary));
            prop_assert_eq!(&parsed[0][5].1, &normalised(&e.description));
        }
    }
}
