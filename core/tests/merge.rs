//! Merging a colleague's file (issue 22): property tests over small trackers and event
//! dates with and without change times, and the schema-5 change times through a file.
use chrono::{NaiveDate, NaiveDateTime};
use proptest::prelude::*;
use security_matrix_core::file::merge::{merge, Conflict};
use security_matrix_core::file::savefile::{from_json, to_json, Document};
use security_matrix_core::file::tracker::{Status, Track};
use security_matrix_core::{EventId, ObligationId};

/// The few duties and events the generated documents use (few, so the two sides meet).
const SLOTS: usize = 5;

fn duty(i: usize) -> ObligationId {
    ObligationId::all().nth(i * 7).unwrap()
}

fn event(i: usize) -> EventId {
    EventId::ALL[i % EventId::ALL.len()]
}

fn at(hour: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 12, 4)
        .unwrap()
        .and_hms_opt(hour, 0, 0)
        .unwrap()
}

/// One entry: a value (status, owner and note drawn from a few) and when it changed.
type Slot = Option<(u8, u8, Option<u32>)>;

fn track(v: u8, w: u8) -> Track {
    Track {
        status: [None, Some(Status::NotStarted), Some(Status::InPlace)][usize::from(v % 3)],
        owner: ["", "Priya", "Sam"][usize::from(w % 3)].into(),
        note: if v >= 3 {
            "ISO cert".into()
        } else {
            String::new()
        },
    }
}

fn document(duties: &[Slot], events: &[Slot]) -> Document {
    let mut doc = Document::default();
    for (i, slot) in duties.iter().enumerate() {
        if let Some((v, w, t)) = slot {
            let t_ = track(*v, *w);
            if t_.is_empty() {
                continue;
            }
            doc.tracker.insert(duty(i), t_);
            if let Some(h) = t {
                doc.changes.tracker.insert(duty(i), at(*h));
            }
        }
    }
    for (i, slot) in events.iter().enumerate().take(EventId::ALL.len()) {
        if let Some((v, _, t)) = slot {
            let d = NaiveDate::from_ymd_opt(2027, 1, 1 + u32::from(*v % 3)).unwrap();
            doc.event_dates.insert(event(i), d);
            if let Some(h) = t {
                doc.changes.event_dates.insert(event(i), at(*h));
            }
        }
    }
    doc
}

/// A side's entries; `hours` picks the change times (none, or any of them).
fn side(hours: BoxedStrategy<Option<u32>>) -> impl Strategy<Value = Document> {
    let slot = proptest::option::of((0u8..5, 0u8..3, hours));
    (
        proptest::collection::vec(slot.clone(), SLOTS),
        proptest::collection::vec(slot, SLOTS),
    )
        .prop_map(|(d, e)| document(&d, &e))
}

fn any_time() -> BoxedStrategy<Option<u32>> {
    proptest::option::of(0u32..4).boxed()
}

/// Every entry has a time, even hours on one side and odd on the other: no two equal.
fn timed(odd: bool) -> BoxedStrategy<Option<u32>> {
    (0u32..6)
        .prop_map(move |h| Some(h * 2 + u32::from(odd)))
        .boxed()
}

/// The ids of conflicting duties and events.
fn conflict_ids(conflicts: &[Conflict]) -> (Vec<ObligationId>, Vec<EventId>) {
    let duties = conflicts
        .iter()
        .filter_map(|c| match c {
            Conflict::Duty(c) => Some(c.id),
            Conflict::Event(_) => None,
        })
        .collect();
    let events = conflicts
        .iter()
        .filter_map(|c| match c {
            Conflict::Event(c) => Some(c.id),
            Conflict::Duty(_) => None,
        })
        .collect();
    (duties, events)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn merging_a_file_with_itself_changes_nothing(doc in side(any_time())) {
        let out = merge(&doc, &doc);
        prop_assert_eq!(&out.merged, &doc);
        prop_assert!(out.conflicts.is_empty());
        prop_assert_eq!((out.taken, out.settled_by_time), (0, 0));
    }

    #[test]
    fn the_order_does_not_matter_when_the_change_times_differ(
        a in side(timed(false)),
        b in side(timed(true)),
    ) {
        let ab = merge(&a, &b);
        let ba = merge(&b, &a);
        prop_assert!(ab.conflicts.is_empty() && ba.conflicts.is_empty());
        prop_assert_eq!(&ab.merged.tracker, &ba.merged.tracker);
        prop_assert_eq!(&ab.merged.event_dates, &ba.merged.event_dates);
        prop_assert_eq!(&ab.merged.changes, &ba.merged.changes);
        prop_assert_eq!(ab.settled_by_time, ba.settled_by_time);
    }

    #[test]
    fn an_entry_on_one_side_always_survives(a in side(any_time()), b in side(any_time())) {
        let out = merge(&a, &b);
        for (id, t) in a.tracker.iter().chain(b.tracker.iter()) {
            let merged = out.merged.tracker.get(&id);
            prop_assert!(merged.is_some(), "{:?} was lost", id);
            if a.tracker.get(&id).is_none() || b.tracker.get(&id).is_none() {
                prop_assert_eq!(merged, Some(t));
            }
        }
        for (id, d) in a.event_dates.iter().chain(b.event_dates.iter()) {
            let merged = out.merged.event_dates.get(&id);
            prop_assert!(merged.is_some(), "{:?} was lost", id);
            if a.event_dates.get(&id).is_none() || b.event_dates.get(&id).is_none() {
                prop_assert_eq!(merged, Some(d));
            }
        }
    }

    #[test]
    fn conflicts_are_exactly_the_entries_both_changed_differently_without_a_newer_one(
        a in side(any_time()),
        b in side(any_time()),
    ) {
        let out = merge(&a, &b);
        let (duties, events) = conflict_ids(&out.conflicts);
        let unsettled = |ta: Option<&NaiveDateTime>, tb: Option<&NaiveDateTime>| {
            !matches!((ta, tb), (Some(x), Some(y)) if x != y)
        };
        let want_duties: Vec<ObligationId> = a
            .tracker
            .iter()
            .filter(|(id, t)| b.tracker.get(id).is_some_and(|u| u != *t))
            .filter(|(id, _)| unsettled(a.changes.tracker.get(id), b.changes.tracker.get(id)))
            .map(|(id, _)| id)
            .collect();
        let want_events: Vec<EventId> = a
            .event_dates
            .iter()
            .filter(|(id, d)| b.event_dates.get(id).is_some_and(|e| e != *d))
            .filter(|(id, _)| {
                unsettled(a.changes.event_dates.get(id), b.changes.event_dates.get(id))
            })
            .map(|(id, _)| id)
            .collect();
        prop_assert_eq!(duties, want_duties);
        prop_assert_eq!(events, want_events);
        // Those both changed differently, with times that differ, were settled by time.
        let both_differ = a
            .tracker
            .iter()
            .filter(|(id, t)| b.tracker.get(id).is_some_and(|u| u != *t))
            .count()
            + a
                .event_dates
                .iter()
                .filter(|(id, d)| b.event_dates.get(id).is_some_and(|e| e != *d))
                .count();
        prop_assert_eq!(out.settled_by_time + out.conflicts.len(), both_differ);
    }

    #[test]
    fn change_times_go_through_a_file(doc in side(any_time())) {
        let answers = security_matrix_core::file::link::from_fragment(
            "schedule=df&subjects=50&special=0&value=1000&months=6&access=no",
        )
        .answers;
        let doc = Document { answers, ..doc };
        let back = from_json(&to_json(&doc)).unwrap();
        prop_assert!(back.skipped.is_empty(), "{:?}", back.skipped);
        prop_assert_eq!(back.document, doc);
    }
}
