//! Reading what the user keeps track of against the catalogue: each duty's status, owner
//! and note (the tracker, schema 4; the readiness marks before it, schemas 2 and 3) and the
//! dates of events. Each is an object keyed by a catalogue id (an obligation's `df-3-6-5`,
//! an event's `ismp-non-approval`), of either schedule; a member that cannot be placed is
//! left out and named, and the rest are kept.
use super::document::parse_time;
use crate::dates::plan::EventDates;
use crate::duties::{EventId, ObligationId};
use crate::file::tracker::{Status, Track, Tracker};
use crate::format::parse_iso_date;
use crate::id_map::{Id, IdMap};
use chrono::NaiveDateTime;
use serde_json::{Map, Value};

/// The members of an object, or why they are left out.
fn members<'a>(
    value: Option<&'a Value>,
    what: &str,
    skipped: &mut Vec<String>,
) -> impl Iterator<Item = (&'a String, &'a Value)> {
    let members = match value {
        Some(Value::Object(m)) => Some(m),
        None => None,
        Some(_) => {
            skipped.push(format!("the {what}, which are not in the expected form"));
            None
        }
    };
    members.into_iter().flat_map(Map::iter)
}

/// Readiness marks by obligation id, of either schedule (schemas 2 and 3).
pub(super) fn marks(value: Option<&Value>, skipped: &mut Vec<String>) -> Tracker {
    let mut tracker = Tracker::new();
    for (id, value) in members(value, "readiness marks", skipped) {
        let Some(obligation) = ObligationId::parse(id) else {
            skipped.push(format!(
                "a mark for an obligation this tool does not know: \"{id}\""
            ));
            continue;
        };
        match value.as_str().and_then(Status::from_key) {
            Some(status) => {
                tracker.insert(
                    obligation,
                    Track {
                        status: Some(status),
                        ..Track::default()
                    },
                );
            }
            None => skipped.push(format!(
                "the mark for \"{id}\", which must be \"in-place\", \"in-progress\" or \"not-yet\""
            )),
        }
    }
    tracker
}

/// The tracker by obligation id, of either schedule (schema 4): each obligation's status,
/// owner and note. A member of the wrong shape is left out and named; the others of the
/// same obligation are kept. Text is kept as written, even when longer than the field
/// takes (the page then shows the error; nothing is cut). From schema 5 an entry may say
/// when it last changed (`changed`), which goes to `changes`.
pub(super) fn tracker(
    value: Option<&Value>,
    schema: u64,
    changes: &mut IdMap<ObligationId, NaiveDateTime>,
    skipped: &mut Vec<String>,
) -> Tracker {
    let mut tracker = Tracker::new();
    for (id, value) in members(value, "status, owners and notes", skipped) {
        let Some(obligation) = ObligationId::parse(id) else {
            skipped.push(format!(
                "the status, owner or note of an obligation this tool does not know: \"{id}\""
            ));
            continue;
        };
        let Some(fields) = value.as_object() else {
            skipped.push(format!(
                "the status, owner and note of \"{id}\", which are not in the expected form"
            ));
            continue;
        };
        let mut track = Track::default();
        let mut changed = None;
        for (key, v) in fields {
            match (key.as_str(), v.as_str()) {
                ("changed", Some(t)) if schema >= 5 && parse_time(t).is_some() => {
                    changed = parse_time(t);
                }
                ("changed", _) if schema >= 5 => skipped.push(format!(
                    "when \"{id}\" last changed, which is not a time written as YYYY-MM-DDThh:mm:ssZ"
                )),
                ("status", Some(k)) if Status::from_key(k).is_some() => {
                    track.status = Status::from_key(k);
                }
                ("status", _) => skipped.push(format!(
                    "the status of \"{id}\", which must be \"not-started\", \"in-progress\" or \"in-place\""
                )),
                ("owner", Some(text)) => track.owner = text.to_string(),
                ("note", Some(text)) => track.note = text.to_string(),
                ("owner" | "note", None) => {
                    skipped.push(format!("the {key} of \"{id}\", which is not text"))
                }
                _ => skipped.push(format!(
                    "\"{key}\" recorded for \"{id}\", which this tool does not know"
                )),
            }
        }
        if !track.is_empty() {
            tracker.insert(obligation, track);
            if let Some(t) = changed {
                changes.insert(obligation, t);
            }
        }
    }
    tracker
}

/// Event dates by event id, of either schedule.
pub(super) fn event_dates(value: Option<&Value>, skipped: &mut Vec<String>) -> EventDates {
    let mut dates = EventDates::new();
    for (id, value) in members(value, "dates of events", skipped) {
        let Some(event) = EventId::parse(id) else {
            skipped.push(format!(
                "a date for an event this tool does not know: \"{id}\""
            ));
            continue;
        };
        match value.as_str().and_then(parse_iso_date) {
            Some(d) => {
                dates.insert(event, d);
            }
            None => skipped.push(format!(
                "the date entered for \"{}\", which is not a date written as YYYY-MM-DD",
                event.event().label
            )),
        }
    }
    dates
}

/// When each event's date last changed (schema 5's `event_dates_changed`), kept only for
/// the events that have a date in `dates`.
pub(super) fn changed_times<K: Id>(
    value: Option<&Value>,
    parse: impl Fn(&str) -> Option<K>,
    has: impl Fn(K) -> bool,
    skipped: &mut Vec<String>,
) -> IdMap<K, NaiveDateTime> {
    let mut times = IdMap::new();
    for (id, value) in members(value, "times the dates of events changed", skipped) {
        match (parse(id), value.as_str().and_then(parse_time)) {
            (Some(k), Some(t)) => {
                if has(k) {
                    times.insert(k, t);
                }
            }
            _ => skipped.push(format!(
                "when the date of \"{id}\" last changed, which is not a time this tool knows"
            )),
        }
    }
    times
}
