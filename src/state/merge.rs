//! "Add a colleague's file": another saved file of the same assessment merged into this one
//! (`security_matrix_core::file::merge`), with a review page for the conflicts the change
//! times do not settle; and when each entry changed, which the merge goes by
//! ([`Action::Timed`]).
use super::{Action, Page, State};
use chrono::NaiveDateTime;
use security_matrix_core::file::merge::{answers_differ, merge, settle, Conflict, MergeOutcome};
use security_matrix_core::file::savefile;
use security_matrix_core::id_map::{Id, IdMap};
use security_matrix_core::view::View;

/// A merge waiting on the review page for the user's choices.
#[derive(Clone, Debug, PartialEq)]
pub struct MergeReview {
    /// What the merge made: the merged document keeps our value where there is a conflict.
    pub outcome: MergeOutcome,
    /// Each conflict's choice, in order: `Some(true)` to take theirs, `Some(false)` to keep
    /// ours, `None` until chosen.
    pub choices: Vec<Option<bool>>,
    /// "Finish merging" was pressed before every conflict had a choice.
    pub unchosen_error: bool,
    /// What the colleague's file said as it opened (parts left out, another rules version).
    pub message: Option<String>,
}

/// The message when some conflicts have no choice yet.
pub const CHOOSE_EACH: &str = "Choose whether to keep yours or take theirs for each entry";

impl State {
    /// After an edit of the tracker or an event date (status, owner, note, date): the
    /// entries it changed are stamped with the clock's time (UTC), and one it emptied forgets
    /// its time. Opening a file, a link or a merge brings its own times; nothing else is an
    /// entry's change.
    pub(super) fn stamp_changes(&mut self, before: &State, action: &Action) {
        let edit = matches!(
            action,
            Action::SetStatus(..) | Action::SetTrackText(..) | Action::SetEventDate(..)
        );
        let Some(at) = self.clock.as_ref().map(|c| c.utc).filter(|_| edit) else {
            return;
        };
        stamp(
            &before.tracker,
            &self.tracker,
            &mut self.changes.tracker,
            at,
        );
        stamp(
            &before.event_dates,
            &self.event_dates,
            &mut self.changes.event_dates,
            at,
        );
    }

    /// A colleague's file was read at the edge (its text, or why it could not be read):
    /// merged when its answers are ours, else nothing changes and the problems say why.
    pub(super) fn merge_file(&mut self, read: Result<String, String>) {
        self.merge_problems.clear();
        let loaded = match read
            .map_err(|e| vec![e])
            .and_then(|text| savefile::from_json(&text))
        {
            Ok(loaded) => loaded,
            Err(problems) => {
                self.merge_problems = problems;
                self.page_change = self.page_change.wrapping_add(1);
                return;
            }
        };
        let differ = answers_differ(&self.answers, &loaded.document.answers);
        if !differ.is_empty() {
            let level = |a: &security_matrix_core::assessment::flow::Answers| {
                a.df()
                    .map(|df| security_matrix_core::assessment::matrix::level(&df))
            };
            let levels = match (level(&self.answers), level(&loaded.document.answers)) {
                (Some(ours), Some(theirs)) if ours != theirs => {
                    format!(" Your level is {ours}; theirs is {theirs}.")
                }
                _ => String::new(),
            };
            self.merge_problems = vec![format!(
                "The file is for different answers, so it was not merged. These answers differ: {}.{levels} Merge only files of the same assessment: change the answers to match, or ask your colleague to.",
                differ.join("; ")
            )];
            self.page_change = self.page_change.wrapping_add(1);
            return;
        }
        let outcome = merge(&self.document(), &loaded.document);
        let review = MergeReview {
            choices: vec![None; outcome.conflicts.len()],
            outcome,
            unchosen_error: false,
            message: loaded.message(),
        };
        if review.outcome.conflicts.is_empty() {
            self.finish(review);
        } else {
            self.merge_review = Some(review);
            self.go(Page::Merge);
        }
    }

    /// A choice on the review page for conflict `index`.
    pub(super) fn choose_merge(&mut self, index: usize, take_theirs: bool) {
        if let Some(choice) = self
            .merge_review
            .as_mut()
            .and_then(|r| r.choices.get_mut(index))
        {
            *choice = Some(take_theirs);
        }
    }

    /// "Finish merging": with a choice for every conflict, the merge is applied (each
    /// choice a change at the clock's time) and the result's "Take it with you" says what
    /// came in; else the page says what is missing.
    pub(super) fn finish_merge(&mut self) {
        // (The edge sends the clock before every action; without one, the choices are
        // stamped as the earliest time, so any later change wins over them.)
        let now = self.clock.as_ref().map(|c| c.utc).unwrap_or_default();
        let Some(mut review) = self.merge_review.take() else {
            return;
        };
        if review.choices.iter().any(Option::is_none) {
            review.unchosen_error = true;
            self.merge_review = Some(review);
            self.page_change = self.page_change.wrapping_add(1);
            return;
        }
        for (conflict, choice) in review.outcome.conflicts.iter().zip(&review.choices) {
            settle(
                &mut review.outcome.merged,
                conflict,
                *choice == Some(true),
                now,
            );
        }
        self.finish(review);
    }

    /// "Cancel" on the review page: nothing is merged.
    pub(super) fn cancel_merge(&mut self) {
        if self.merge_review.take().is_some() || self.page == Page::Merge {
            self.go(Page::Result(View::Take));
        }
    }

    /// Applies a settled merge and says what came in.
    fn finish(&mut self, review: MergeReview) {
        let MergeReview {
            outcome,
            choices,
            message,
            ..
        } = review;
        let theirs_chosen = choices.iter().filter(|c| **c == Some(true)).count();
        let came_in = outcome.taken + theirs_chosen;
        let settled = outcome.settled_by_time + outcome.conflicts.len();
        let merged = outcome.merged;
        self.tracker = merged.tracker;
        self.event_dates = merged.event_dates;
        self.changes = merged.changes;
        self.merge_problems.clear();
        let mut notice = merged_message(came_in, settled);
        if let Some(m) = message {
            notice = format!("{notice} About your colleague's file: {m}");
        }
        self.notice = Some(notice);
        if self.page != Page::Result(View::Take) {
            self.go(Page::Result(View::Take));
        } else {
            self.page_change = self.page_change.wrapping_add(1);
        }
    }
}

/// "Your colleague's file was merged: 3 entries came in and 1 conflict was settled."
pub fn merged_message(came_in: usize, settled: usize) -> String {
    let entries = if came_in == 1 {
        "1 entry came in".to_string()
    } else {
        format!("{came_in} entries came in")
    };
    let conflicts = if settled == 1 {
        "1 conflict was settled".to_string()
    } else {
        format!("{settled} conflicts were settled")
    };
    format!("Your colleague's file was merged: {entries} and {conflicts}.")
}

/// Stamps the entries that differ between `before` and `after` with `at` (and forgets the
/// time of those `after` no longer has).
fn stamp<K: Id + PartialEq, V: PartialEq>(
    before: &IdMap<K, V>,
    after: &IdMap<K, V>,
    times: &mut IdMap<K, NaiveDateTime>,
    at: NaiveDateTime,
) {
    for (id, value) in after.iter() {
        if before.get(&id) != Some(value) {
            times.insert(id, at);
        }
    }
    for (id, _) in before.iter() {
        if !after.contains_key(&id) {
            times.remove(&id);
        }
    }
}

/// Which conflict a row of the review page is about, for its hooks: the duty's or the
/// event's data id.
pub fn conflict_key(c: &Conflict) -> &'static str {
    match c {
        Conflict::Duty(c) => c.id.as_str(),
        Conflict::Event(c) => c.id.as_str(),
    }
}
