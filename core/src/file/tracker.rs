//! The tracker: for each obligation, a status (not started, in progress, in place; unmarked
//! until the user chooses), who owns it and the evidence or a note; and what follows from
//! them: the counts, the action list (soonest deadline first) and each subject's progress
//! for the task list.
use crate::dates::plan::Plan;
use crate::duties::{Category, Obligation, ObligationId};
use crate::id_map::IdMap;
use crate::report::ObligationGroup;
use chrono::NaiveDate;

/// Where the bidder is with one obligation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// Not started.
    NotStarted,
    /// In progress.
    InProgress,
    /// In place.
    InPlace,
}

impl Status {
    /// All states, in the order the radios show them.
    pub const ALL: [Status; 3] = [Status::NotStarted, Status::InProgress, Status::InPlace];

    /// The key used in files, storage and the `data-status` hook.
    pub fn key(self) -> &'static str {
        match self {
            Status::NotStarted => "not-started",
            Status::InProgress => "in-progress",
            Status::InPlace => "in-place",
        }
    }

    /// The state for a key; `not-yet` is what files before schema 4 wrote for "not started".
    pub fn from_key(key: &str) -> Option<Status> {
        match key {
            "not-yet" => Some(Status::NotStarted),
            _ => Status::ALL.into_iter().find(|r| r.key() == key),
        }
    }

    /// What the user sees.
    pub fn label(self) -> &'static str {
        match self {
            Status::NotStarted => "Not started",
            Status::InProgress => "In progress",
            Status::InPlace => "In place",
        }
    }
}

/// The `data-status` of an obligation with this status (or none): `unmarked`,
/// `not-started`, `in-progress` or `in-place`.
pub fn status_key(status: Option<Status>) -> &'static str {
    status.map_or("unmarked", Status::key)
}

/// The longest owner, in characters.
pub const OWNER_MAX: usize = 100;
/// The longest evidence or note, in characters.
pub const NOTE_MAX: usize = 1000;

/// What the user recorded for one obligation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Track {
    /// The status, once the user chooses one.
    pub status: Option<Status>,
    /// Who owns the duty (one line; at most [`OWNER_MAX`] characters to be valid).
    pub owner: String,
    /// Evidence or a note (at most [`NOTE_MAX`] characters to be valid).
    pub note: String,
}

impl Track {
    /// Nothing recorded.
    pub fn is_empty(&self) -> bool {
        self.status.is_none() && self.owner.is_empty() && self.note.is_empty()
    }
}

impl From<Status> for Track {
    /// A status with no owner or note.
    fn from(status: Status) -> Track {
        Track {
            status: Some(status),
            ..Track::default()
        }
    }
}

/// Which text of a [`Track`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TrackField {
    /// The owner.
    Owner,
    /// The evidence or note.
    Note,
}

impl TrackField {
    /// A stable key (`owner`, `note`) for element ids and test hooks.
    pub fn key(self) -> &'static str {
        match self {
            TrackField::Owner => "owner",
            TrackField::Note => "note",
        }
    }

    /// The field's label ("Owner", "Evidence or note").
    pub fn label(self) -> &'static str {
        match self {
            TrackField::Owner => "Owner",
            TrackField::Note => "Evidence or note",
        }
    }

    /// The text of this field in `track`.
    pub fn of(self, track: &Track) -> &str {
        match self {
            TrackField::Owner => &track.owner,
            TrackField::Note => &track.note,
        }
    }

    /// The most characters the field takes.
    pub fn max(self) -> usize {
        match self {
            TrackField::Owner => OWNER_MAX,
            TrackField::Note => NOTE_MAX,
        }
    }

    /// Characters left for `text` (negative when over), GOV.UK character count style.
    pub fn remaining(self, text: &str) -> i64 {
        self.max() as i64 - text.chars().count() as i64
    }

    /// "You have 12 characters remaining" / "You have 3 characters too many".
    pub fn count_message(self, text: &str) -> String {
        let left = self.remaining(text);
        let n = left.unsigned_abs();
        let s = if n == 1 { "" } else { "s" };
        if left >= 0 {
            format!(
                "You have {} character{s} remaining",
                crate::format::thousands(n)
            )
        } else {
            format!(
                "You have {} character{s} too many",
                crate::format::thousands(n)
            )
        }
    }

    /// The error for `text`, if it is too long (the text is kept as typed, never cut).
    pub fn error(self, text: &str) -> Option<String> {
        (self.remaining(text) < 0).then(|| match self {
            TrackField::Owner => format!(
                "Owner must be {} characters or fewer",
                crate::format::thousands(OWNER_MAX as u64)
            ),
            TrackField::Note => format!(
                "Evidence or note must be {} characters or fewer",
                crate::format::thousands(NOTE_MAX as u64)
            ),
        })
    }
}

/// What was recorded, by obligation, of either schedule (an id names its schedule).
pub type Tracker = IdMap<ObligationId, Track>;

/// The status recorded for `id`, if any.
pub fn status_of(tracker: &Tracker, id: ObligationId) -> Option<Status> {
    tracker.get(&id).and_then(|t| t.status)
}

/// One item of the action list: a duty not started or in progress.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionItem {
    /// The obligation.
    pub obligation: &'static Obligation,
    /// Its status (not started or in progress).
    pub status: Status,
    /// Its soonest due date in the plan, if it has one.
    pub due: Option<NaiveDate>,
}

/// Counts and the action list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Marked "in place".
    pub in_place: usize,
    /// Marked "in progress".
    pub in_progress: usize,
    /// Marked "not started".
    pub not_started: usize,
    /// Not marked.
    pub unmarked: usize,
    /// "Not started" and "in progress" items, soonest deadline first, undated last.
    pub actions: Vec<ActionItem>,
}

impl Progress {
    /// How many obligations were counted.
    pub fn total(&self) -> usize {
        self.in_place + self.in_progress + self.not_started + self.unmarked
    }
}

/// Counts the statuses of the obligations in `groups`.
pub fn summarise(groups: &[ObligationGroup], plan: &Plan, tracker: &Tracker) -> Progress {
    let mut s = Progress::default();
    for item in groups.iter().flat_map(|g| &g.items) {
        let o = item.obligation;
        let status = match status_of(tracker, o.id) {
            None => {
                s.unmarked += 1;
                continue;
            }
            Some(Status::InPlace) => {
                s.in_place += 1;
                continue;
            }
            Some(Status::InProgress) => {
                s.in_progress += 1;
                Status::InProgress
            }
            Some(Status::NotStarted) => {
                s.not_started += 1;
                Status::NotStarted
            }
        };
        let due = plan
            .dated
            .iter()
            .filter(|e| e.obligation.id == o.id)
            .map(|e| e.date)
            .min();
        s.actions.push(ActionItem {
            obligation: o,
            status,
            due,
        });
    }
    // Soonest first, undated last; the sort is stable, so the list's order among equals.
    crate::sort::sort_by_key(&mut s.actions, |a| (a.due.is_none(), a.due));
    s
}

/// A subject's state in the task list (GOV.UK task list statuses).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TaskStatus {
    /// Nothing marked in progress or in place.
    NotStarted,
    /// Something marked, not everything in place.
    InProgress,
    /// Every duty in place.
    Completed,
}

impl TaskStatus {
    /// What the task list shows.
    pub fn label(self) -> &'static str {
        match self {
            TaskStatus::NotStarted => "Not started",
            TaskStatus::InProgress => "In progress",
            TaskStatus::Completed => "Completed",
        }
    }

    /// A stable key (`not-started`, `in-progress`, `completed`) for hooks.
    pub fn key(self) -> &'static str {
        match self {
            TaskStatus::NotStarted => "not-started",
            TaskStatus::InProgress => "in-progress",
            TaskStatus::Completed => "completed",
        }
    }
}

/// One subject's row of the task list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SubjectProgress {
    /// The subject.
    pub category: Category,
    /// Its duties.
    pub total: usize,
    /// How many are in place.
    pub in_place: usize,
    /// Its state.
    pub status: TaskStatus,
}

/// The task list's subject rows, in the groups' order.
pub fn subject_progress(groups: &[ObligationGroup], tracker: &Tracker) -> Vec<SubjectProgress> {
    groups
        .iter()
        .map(|g| {
            let statuses: Vec<Option<Status>> = g
                .items
                .iter()
                .map(|s| status_of(tracker, s.obligation.id))
                .collect();
            let in_place = statuses
                .iter()
                .filter(|s| **s == Some(Status::InPlace))
                .count();
            let started = statuses
                .iter()
                .any(|s| matches!(s, Some(Status::InPlace | Status::InProgress)));
            let status = if in_place == g.items.len() {
                TaskStatus::Completed
            } else if started {
                TaskStatus::InProgress
            } else {
                TaskStatus::NotStarted
            };
            SubjectProgress {
                category: g.category,
                total: g.items.len(),
                in_place,
                status,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_name_themselves_and_read_their_text() {
        let track = Track {
            status: None,
            owner: "Head of IT".into(),
            note: "Policy v2 on the intranet".into(),
        };
        assert_eq!(TrackField::Owner.key(), "owner");
        assert_eq!(TrackField::Note.key(), "note");
        assert_eq!(TrackField::Owner.label(), "Owner");
        assert_eq!(TrackField::Note.label(), "Evidence or note");
        assert_eq!(TrackField::Owner.of(&track), "Head of IT");
        assert_eq!(TrackField::Note.of(&track), "Policy v2 on the intranet");
    }

    #[test]
    fn counts_are_in_characters_not_bytes() {
        // 100 two-byte characters fit an owner exactly; one more is one too many.
        let fits = "é".repeat(100);
        assert_eq!(TrackField::Owner.remaining(&fits), 0);
        assert_eq!(
            TrackField::Owner.count_message(&fits),
            "You have 0 characters remaining"
        );
        assert_eq!(TrackField::Owner.error(&fits), None);
        let over = format!("{fits}é");
        assert_eq!(
            TrackField::Owner.count_message(&over),
            "You have 1 character too many"
        );
        assert_eq!(
            TrackField::Owner.error(&over).as_deref(),
            Some("Owner must be 100 characters or fewer")
        );
        assert_eq!(
            TrackField::Note.count_message(""),
            "You have 1,000 characters remaining"
        );
    }
}
