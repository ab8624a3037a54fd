//! The saved document itself: the marks that say what it is (`format`, `schema`), the
//! largest file that can be one, and what it holds ([`Document`]).
use crate::assessment::flow::Answers;
use crate::dates::plan::EventDates;
use crate::file::tracker::Tracker;

/// The value of the document's `format` member.
pub const FORMAT: &str = "security-matrix-assessment";
/// The current schema version (see the module's notes for the earlier ones).
pub const SCHEMA: u64 = 4;
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
}
