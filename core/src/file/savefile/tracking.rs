//! Reading what the user keeps track of against the catalogue: each duty's status, owner
//! and note (the tracker, schema 4; the readiness marks before it, schemas 2 and 3) and the
//! dates of events. Each is an object keyed by a catalogue id (an obligation's `df-3-6-5`,
//! an event's `ismp-non-approval`), of either schedule; a member that cannot be placed is
//! left out and named, and the rest are kept.
use crate::dates::plan::EventDates;
use crate::duties::{EventId, ObligationId};
use crate::file::tracker::{Status, Track, Tracker};
use crate::format::parse_iso_date;
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
/// takes (the page then shows the error; nothing is cut).
pub(super) fn tracker(value: Option<&Value>, skipped: &mut Vec<String>) -> Tracker {
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
        for (key, v) in fields {
            match (key.as_str(), v.as_str()) {
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
