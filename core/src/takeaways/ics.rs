//! An iCalendar (RFC 5545) writer for all-day deadline events, and a small reader used to
//! verify what it writes.
//!
//! [`to_ics`] writes a `VCALENDAR` with one all-day `VEVENT` per [`IcsEvent`], which may
//! repeat by a [`Recurrence`] (`RRULE`; `ics/rrule.rs` has the subset used, its expansion
//! and [`Recurrence::fitting`], the rule that gives a list of dates exactly). The output
//! uses CRLF line endings, escapes TEXT values (`\`, `;`, `,` and newlines) and folds
//! lines longer than 75 octets without splitting a UTF-8 character. The `DTSTAMP` is
//! passed in: nothing here reads a clock.
//!
//! [`unfold_lines`] and [`unfold_and_parse`] read such a file back; they are test and
//! verification helpers, not a general iCalendar parser.
use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

mod rrule;

pub use rrule::{Frequency, Recurrence};

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
    /// The day of the event (its first, when it repeats).
    pub date: NaiveDate,
    /// How it repeats (`RRULE`), if it does.
    pub repeat: Option<Recurrence>,
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
/// `DTEND;VALUE=DATE` (the next day), `RRULE` when it repeats, `SUMMARY` and
/// `DESCRIPTION`. Events whose date is
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
        if let Some(repeat) = &event.repeat {
            push_line(&mut out, &format!("RRULE:{repeat}"));
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
mod tests;
