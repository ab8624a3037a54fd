//! The saved document itself: the marks that say what it is (`format`, `schema`), the
//! largest file that can be one, and what it holds ([`Document`]).
use crate::assessment::flow::Answers;
use crate::dates::plan::EventDates;
use crate::duties::{EventId, ObligationId};
use crate::file::tracker::Tracker;
use crate::format::parse_iso_date;
use crate::id_map::IdMap;
use chrono::{NaiveDateTime, Timelike};

/// The value of the document's `format` member.
pub const FORMAT: &str = "security-matrix-assessment";
/// The current schema version (see the module's notes for the earlier ones).
pub const SCHEMA: u64 = 5;
/// Files larger than this are not ours.
pub const MAX_BYTES: usize = 512 * 1024;

/// Everything the user typed that is kept.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    /// The answers, for one schedule.
    pub answers: Answers,
    /// What was recorded for each obligation (status, owner, note), of either schedule.
    pub tracker: Tracker,
    /// The dates of events (to date the duties that run from them), by event id.
    pub event_dates: EventDates,
    /// When each entry of the tracker and of the event dates last changed (schema 5).
    pub changes: Changes,
    /// The documents' title-page details, as typed (schema 5, `details`; optional).
    pub details: DocumentDetails,
}

/// The optional title-page details the user types for the documents (the draft plan, the
/// security response, the letters). Empty strings are left out, of the file and of the
/// documents.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocumentDetails {
    /// The bidder's organisation.
    pub organisation: String,
    /// The contract's name or reference.
    pub contract: String,
    /// The Customer (DF) or Authority (2017).
    pub customer: String,
}

impl DocumentDetails {
    /// Nothing typed.
    pub fn is_empty(&self) -> bool {
        self.organisation.is_empty() && self.contract.is_empty() && self.customer.is_empty()
    }
}

/// When each entry last changed, in UTC to the second (schema 5): what merging two files
/// of one assessment goes by. An entry with no time (from an earlier file, or recorded
/// before times were kept) has none here.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// By obligation: when its status, owner or note last changed.
    pub tracker: IdMap<ObligationId, NaiveDateTime>,
    /// By event: when its date last changed.
    pub event_dates: IdMap<EventId, NaiveDateTime>,
}

/// A change time as files write it: `2026-12-04T21:28:54Z` (UTC, to the second).
pub fn time_text(t: NaiveDateTime) -> String {
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        t.date(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// The change time written as [`time_text`] writes it, if `s` is one.
pub fn parse_time(s: &str) -> Option<NaiveDateTime> {
    let (date, time) = s.strip_suffix('Z')?.split_once('T')?;
    let date = parse_iso_date(date).filter(|_| date.len() == 10)?;
    let mut parts = time.split(':');
    let mut part = || -> Option<u32> {
        let p = parts.next()?;
        (p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    let (h, m, sec) = (part()?, part()?, part()?);
    if parts.next().is_some() {
        return None;
    }
    date.and_hms_opt(h, m, sec)
}
