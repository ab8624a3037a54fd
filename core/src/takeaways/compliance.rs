//! The compliance matrix as a spreadsheet: one CSV row per selected duty, with what the
//! user recorded for it (issue 15).
//!
//! The file is made to open the same in Excel, LibreOffice Calc and Google Sheets:
//!
//! - UTF-8 with a byte-order mark first ([`BOM`]), so that Excel reads "£" and curly
//!   quotes as UTF-8 rather than as the system code page;
//! - RFC 4180: a header row ([`HEADER`]), fields quoted when they hold a comma, a double
//!   quote (doubled inside) or a line break, every record ended by CRLF; line breaks inside
//!   a quoted field are kept as they were typed;
//! - CSV injection (OWASP): a cell the user typed that begins with `=`, `+`, `-`, `@`, a tab
//!   or a carriage return is written with a leading `'` ([`guard_cell`]), so no spreadsheet
//!   runs it as a formula. The schedule's own text is never altered.
//!
//! The writer is hand-written ([`write_csv`]): the `csv` crate's writer cost 20,720 bytes
//! gzip in the bundle, over the 10 KB line of issue 16 (`reports/size.md`). The tests read
//! every file back with the crate's reader and compare it byte for byte with its writer.
//! Nothing here reads a clock: the date in the file name is passed in.
use std::borrow::Cow;

use chrono::NaiveDate;

use crate::assessment::level::Level;
use crate::assessment::schedule::Schedule;
use crate::dates::plan::Plan;
use crate::duties::{Obligation, Selected};
use crate::file::tracker::{Track, Tracker};
use crate::report::ObligationGroup;

/// The byte-order mark the file starts with (U+FEFF, the bytes EF BB BF in UTF-8).
pub const BOM: char = '\u{feff}';

/// How many columns the matrix has.
pub const COLUMNS: usize = 11;

/// The header row, in column order.
pub const HEADER: [&str; COLUMNS] = [
    "Schedule",
    "Level",
    "Paragraph",
    "Duty",
    "The schedule's words",
    "Applies if",
    "Due dates",
    "Status",
    "Owner",
    "Evidence or note",
    "Drafting note",
];

/// What the Status column says of a duty the user has not marked.
pub const NOT_MARKED: &str = "Not marked";

/// The characters that make a spreadsheet read a cell as a formula when it begins with
/// one (OWASP, "CSV Injection").
pub const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// One row of the matrix: its cells in the order of [`HEADER`].
pub type Row<'a> = [Cow<'a, str>; COLUMNS];

/// A cell the user typed (owner, note, Customer, contract name), made safe to open in a
/// spreadsheet: when it begins with one of [`FORMULA_STARTS`] it gets a leading `'`, which
/// spreadsheets show as text rather than run; any other text is returned as it is.
pub fn guard_cell(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// The Paragraph column: the reference with "¶" before it when it begins with a number
/// ("¶3.6.5"), as the product shows it. The mark also keeps the cell text: a bare "3.10"
/// would be read by Excel as the number 3.1, and "1.3" as a date in some locales. A
/// reference that begins with a word ("Annex 1, ¶5") is kept as it is.
pub fn paragraph(reference: &str) -> Cow<'_, str> {
    if reference.starts_with(|c: char| c.is_ascii_digit()) {
        Cow::Owned(format!("¶{reference}"))
    } else {
        Cow::Borrowed(reference)
    }
}

/// What the matrix holds for one selected duty, before any format writes it: the CSV's
/// row ([`rows`]) and the Word documents' tables (`takeaways::documents`) are both made
/// from it. The user's texts are as typed (a format guards them its own way).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DutyRecord<'a> {
    /// The duty.
    pub obligation: &'static Obligation,
    /// Its open conditions, described ("if you host Customer Data"), in order.
    pub applies_if: Vec<&'static str>,
    /// Every date of it in the plan, in the plan's order.
    pub due: Vec<NaiveDate>,
    /// Its status label ([`NOT_MARKED`] when none).
    pub status: &'static str,
    /// The owner, as typed.
    pub owner: &'a str,
    /// The evidence or note, as typed.
    pub note: &'a str,
}

/// One selected duty's record: its dates in `plan`, what `track` holds for it.
pub fn record<'a>(s: &Selected, plan: &Plan, track: Option<&'a Track>) -> DutyRecord<'a> {
    let o = s.obligation;
    DutyRecord {
        obligation: o,
        applies_if: s.open_conditions.iter().map(|c| c.describe()).collect(),
        due: plan
            .dated
            .iter()
            .filter(|e| e.obligation.id == o.id)
            .map(|e| e.date)
            .collect(),
        status: track
            .and_then(|t| t.status)
            .map_or(NOT_MARKED, |s| s.label()),
        owner: track.map_or("", |t| t.owner.as_str()),
        note: track.map_or("", |t| t.note.as_str()),
    }
}

/// The records of every duty in `groups`, in the groups' order.
pub fn records<'a>(
    groups: &[ObligationGroup],
    plan: &Plan,
    tracker: &'a Tracker,
) -> Vec<DutyRecord<'a>> {
    groups
        .iter()
        .flat_map(|g| &g.items)
        .map(|s| record(s, plan, tracker.get(&s.obligation.id)))
        .collect()
}

/// The matrix's rows, one per selected duty, in the groups' order (the header not
/// included). `level` fills the Level column for DF; for the 2017 schedule, which has no
/// levels, it stays empty. The schedule's words are empty in a `lazy-words` build that
/// has not been given them yet ([`crate::duties::words`]): the app waits for them.
pub fn rows<'a>(
    schedule: Schedule,
    level: Option<Level>,
    groups: &[ObligationGroup],
    plan: &Plan,
    tracker: &'a Tracker,
) -> Vec<Row<'a>> {
    let level = match schedule {
        Schedule::Df => level.map(|l| l.to_string()).unwrap_or_default(),
        Schedule::Sm2017 => String::new(),
    };
    records(groups, plan, tracker)
        .into_iter()
        .map(|r| row(schedule, &level, r))
        .collect()
}

/// One duty's row.
fn row<'a>(schedule: Schedule, level: &str, r: DutyRecord<'a>) -> Row<'a> {
    let o = r.obligation;
    let due: Vec<String> = r.due.iter().map(NaiveDate::to_string).collect();
    [
        Cow::Borrowed(schedule.title()),
        Cow::Owned(level.to_string()),
        paragraph(o.reference),
        Cow::Borrowed(o.title),
        Cow::Borrowed(o.text().unwrap_or_default()),
        Cow::Owned(r.applies_if.join("; ")),
        Cow::Owned(due.join("; ")),
        Cow::Borrowed(r.status),
        guard_cell(r.owner),
        guard_cell(r.note),
        Cow::Borrowed(o.note.unwrap_or_default()),
    ]
}

/// The file's text: the [`BOM`], the [`HEADER`] and `rows`, RFC 4180 with CRLF line ends.
/// The cells are written as given: guard user text with [`guard_cell`] first.
pub fn write_csv(rows: &[Row<'_>]) -> String {
    let mut out = String::with_capacity(1024 * (rows.len() + 1));
    out.push(BOM);
    let header = HEADER.map(Cow::Borrowed);
    for record in std::iter::once(&header).chain(rows) {
        for (i, cell) in record.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_field(&mut out, cell);
        }
        out.push_str("\r\n");
    }
    out
}

/// One field, RFC 4180: quoted when it holds a comma, a double quote or a line break (a
/// double quote doubled inside); line breaks inside are kept as they are.
fn push_field(out: &mut String, cell: &str) {
    if cell.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&cell.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(cell);
    }
}

/// The compliance matrix of a result as a CSV file's text: the [`BOM`], the [`HEADER`]
/// and one row per duty in `groups` ([`rows`]).
///
/// Columns: the schedule's title; the level (DF; empty for 2017); the paragraph
/// ([`paragraph`]); the duty in plain English; the schedule's words; the duty's open
/// conditions, joined by "; "; every date of it in `plan.dated`, ISO 8601, joined by "; ";
/// its status ([`NOT_MARKED`] when none); the owner and the evidence or note from `tracker`,
/// each through [`guard_cell`]; the drafting note.
pub fn compliance_csv(
    schedule: Schedule,
    level: Option<Level>,
    groups: &[ObligationGroup],
    plan: &Plan,
    tracker: &Tracker,
) -> String {
    write_csv(&rows(schedule, level, groups, plan, tracker))
}

/// The file name: `security-obligations-S6-2026-11-30.csv` (DF with a level),
/// `security-obligations-df-2026-11-30.csv` (DF, level unknown),
/// `security-obligations-sm2017-2026-11-30.csv` (2017; `level` is ignored). `today` comes
/// from the caller.
pub fn csv_file_name(level: Option<Level>, schedule: Schedule, today: NaiveDate) -> String {
    let what = match (schedule, level) {
        (Schedule::Df, Some(level)) => level.to_string(),
        (schedule, _) => schedule.id().to_string(),
    };
    format!("security-obligations-{what}-{today}.csv")
}
