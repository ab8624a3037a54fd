//! Merging a colleague's saved file of the same assessment into this one: each duty's
//! status, owner and note, and the dates of events.
//!
//! - Files whose answers differ are not merged ([`answers_differ`] names the answers).
//! - An entry only one file has is taken.
//! - Where both files have an entry with different values, the more recent change wins
//!   when both files say when the entry changed (schema 5) and the times differ; otherwise
//!   it is a [`Conflict`], for the user to settle ([`settle`]). Until then the merged
//!   document keeps this file's value.
//!
//! There is no common ancestor to compare with: "both changed it" is "both have it, with
//! different values".
use crate::assessment::flow::Answers;
use crate::assessment::questions::QUESTIONS;
use crate::duties::{EventId, ObligationId};
use crate::file::savefile::Document;
use crate::file::tracker::Track;
use crate::id_map::{Id, IdMap};
use chrono::{NaiveDate, NaiveDateTime};

/// One entry both files hold with different values, with when each side changed it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clash<K, V> {
    /// The entry.
    pub id: K,
    /// This file's value.
    pub ours: V,
    /// The colleague's value.
    pub theirs: V,
    /// When this file's entry changed, if it says.
    pub ours_changed: Option<NaiveDateTime>,
    /// When the colleague's entry changed, if it says.
    pub theirs_changed: Option<NaiveDateTime>,
}

/// An entry the change times do not settle: the user chooses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Conflict {
    /// A duty's status, owner and note.
    Duty(Clash<ObligationId, Track>),
    /// The date of an event.
    Event(Clash<EventId, NaiveDate>),
}

/// What [`merge`] made of two documents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergeOutcome {
    /// Our document with the colleague's entries in; a conflict keeps our value.
    pub merged: Document,
    /// Entries that came in from the colleague's file: those only it has, and those it
    /// changed more recently.
    pub taken: usize,
    /// Entries both changed differently that the change times settled.
    pub settled_by_time: usize,
    /// Entries both changed differently that the times do not settle, in id order (duties
    /// first).
    pub conflicts: Vec<Conflict>,
}

/// Merges `theirs` into `ours` (whose answers are taken to be the same: see
/// [`answers_differ`]); the answers are ours.
pub fn merge(ours: &Document, theirs: &Document) -> MergeOutcome {
    let mut merged = ours.clone();
    let mut taken = 0;
    let mut settled_by_time = 0;
    let mut duties = Vec::new();
    let mut events = Vec::new();
    merge_map(
        (&ours.tracker, &ours.changes.tracker),
        (&theirs.tracker, &theirs.changes.tracker),
        (&mut merged.tracker, &mut merged.changes.tracker),
        (&mut taken, &mut settled_by_time),
        &mut duties,
    );
    merge_map(
        (&ours.event_dates, &ours.changes.event_dates),
        (&theirs.event_dates, &theirs.changes.event_dates),
        (&mut merged.event_dates, &mut merged.changes.event_dates),
        (&mut taken, &mut settled_by_time),
        &mut events,
    );
    let conflicts = duties
        .into_iter()
        .map(Conflict::Duty)
        .chain(events.into_iter().map(Conflict::Event))
        .collect();
    MergeOutcome {
        merged,
        taken,
        settled_by_time,
        conflicts,
    }
}

type Side<'a, K, V> = (&'a IdMap<K, V>, &'a IdMap<K, NaiveDateTime>);

fn merge_map<K: Id + PartialEq, V: Clone + PartialEq>(
    ours: Side<K, V>,
    theirs: Side<K, V>,
    out: (&mut IdMap<K, V>, &mut IdMap<K, NaiveDateTime>),
    (taken, settled): (&mut usize, &mut usize),
    conflicts: &mut Vec<Clash<K, V>>,
) {
    let (values, times) = out;
    for (id, theirs_value) in theirs.0.iter() {
        let theirs_changed = theirs.1.get(&id).copied();
        let Some(ours_value) = ours.0.get(&id) else {
            values.insert(id, theirs_value.clone());
            set_time(times, id, theirs_changed);
            *taken += 1;
            continue;
        };
        let ours_changed = ours.1.get(&id).copied();
        if ours_value == theirs_value {
            // The same either way: it changed when the later of the two says.
            set_time(times, id, ours_changed.max(theirs_changed));
            continue;
        }
        match (ours_changed, theirs_changed) {
            (Some(a), Some(b)) if a != b => {
                *settled += 1;
                if b > a {
                    values.insert(id, theirs_value.clone());
                    times.insert(id, b);
                    *taken += 1;
                }
            }
            _ => conflicts.push(Clash {
                id,
                ours: ours_value.clone(),
                theirs: theirs_value.clone(),
                ours_changed,
                theirs_changed,
            }),
        }
    }
}

fn set_time<K: Id>(times: &mut IdMap<K, NaiveDateTime>, id: K, t: Option<NaiveDateTime>) {
    match t {
        Some(t) => times.insert(id, t),
        None => times.remove(&id),
    };
}

/// Settles a conflict in `doc`: the colleague's value (`take_theirs`) or ours, changed
/// `now` (the choice is a change, so a later merge of either file goes by it).
pub fn settle(doc: &mut Document, conflict: &Conflict, take_theirs: bool, now: NaiveDateTime) {
    match conflict {
        Conflict::Duty(c) => {
            let value = if take_theirs { &c.theirs } else { &c.ours };
            doc.tracker.insert(c.id, value.clone());
            doc.changes.tracker.insert(c.id, now);
        }
        Conflict::Event(c) => {
            let value = if take_theirs { c.theirs } else { c.ours };
            doc.event_dates.insert(c.id, value);
            doc.changes.event_dates.insert(c.id, now);
        }
    }
}

/// The answers that differ between two files, named in words (the schedule, each
/// question's own label, the other Call-Off Contracts); empty when they are the same
/// assessment.
pub fn answers_differ(ours: &Answers, theirs: &Answers) -> Vec<String> {
    if ours.schedule != theirs.schedule {
        return vec![format!(
            "the schedule (yours is {}; theirs is {})",
            ours.schedule.title(),
            theirs.schedule.title()
        )];
    }
    // (A question neither file asks, such as one an earlier answer made moot, is not
    // compared.)
    let (asked, also) = (ours.sequence(), theirs.sequence());
    let mut differ: Vec<String> = QUESTIONS
        .iter()
        .filter(|q| asked.contains(&q.id) || also.contains(&q.id))
        .filter(|q| ours.get(q.id) != theirs.get(q.id))
        .map(|q| q.label.to_string())
        .collect();
    if ours.contracts() != theirs.contracts() {
        differ.push("the other Call-Off Contracts listed".into());
    }
    differ
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::file::link::from_fragment;
    use crate::file::tracker::Status;

    fn at(h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 12, 4)
            .unwrap()
            .and_hms_opt(h, 0, 0)
            .unwrap()
    }

    #[test]
    fn the_newer_change_wins_and_unknown_times_conflict() {
        let a = ObligationId::all().next().unwrap();
        let mut ours = Document::default();
        ours.tracker.insert(a, Status::InProgress.into());
        let mut theirs = Document::default();
        theirs.tracker.insert(a, Status::InPlace.into());
        let out = merge(&ours, &theirs);
        assert_eq!(out.conflicts.len(), 1);
        assert_eq!(out.merged, ours);
        ours.changes.tracker.insert(a, at(9));
        theirs.changes.tracker.insert(a, at(10));
        let out = merge(&ours, &theirs);
        assert!(out.conflicts.is_empty());
        assert_eq!((out.taken, out.settled_by_time), (1, 1));
        assert_eq!(out.merged.tracker.get(&a), theirs.tracker.get(&a));
        let mut settled = ours.clone();
        let c = merge(
            &ours,
            &Document {
                changes: Default::default(),
                details: Default::default(),
                ..theirs
            },
        )
        .conflicts;
        settle(&mut settled, &c[0], true, at(11));
        assert_eq!(
            settled.tracker.get(&a).unwrap().status,
            Some(Status::InPlace)
        );
        assert_eq!(settled.changes.tracker.get(&a), Some(&at(11)));
    }

    #[test]
    fn differing_answers_are_named_by_their_labels() {
        let a = from_fragment("schedule=df&subjects=3000&special=0&value=1000&months=6&access=no")
            .answers;
        let b = from_fragment("schedule=df&subjects=50&special=0&value=1000&months=6&access=no")
            .answers;
        assert!(answers_differ(&a, &a).is_empty());
        assert_eq!(answers_differ(&a, &b)[0], "Data subjects in this contract");
        let c = from_fragment("schedule=df&subjects=3000&special=0&value=2000&months=6&access=no")
            .answers;
        assert_eq!(answers_differ(&a, &c), ["Value of the services"]);
        let sm = from_fragment("schedule=sm2017").answers;
        assert!(answers_differ(&a, &sm)[0].starts_with("the schedule"));
    }
}
