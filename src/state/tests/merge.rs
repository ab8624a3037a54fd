//! "Add a colleague's file": when each entry changed, merging, the review page.
use super::*;
use chrono::NaiveDateTime;
use security_matrix_core::file::savefile;
use security_matrix_core::file::tracker::{Status, TrackField};
use security_matrix_core::view::View;

const LINK: &str = "schedule=df&subjects=5&special=0&value=1&months=1&access=no";

fn at(h: u32) -> NaiveDateTime {
    today().and_hms_opt(h, 0, 0).unwrap()
}

fn ob(id: &str) -> ObligationId {
    ObligationId::parse(id).unwrap()
}

fn status_of(s: &State, id: &str) -> Option<Status> {
    security_matrix_core::file::tracker::status_of(&s.tracker, ob(id))
}

/// The clock at `h` o'clock, as the edge sends it before each action.
fn clock(h: u32) -> Action {
    Action::Clock(Clock {
        local: format!("{h:02}:00"),
        utc: at(h),
    })
}

/// `action` done at `h` o'clock.
fn timed(h: u32, action: Action) -> [Action; 2] {
    [clock(h), action]
}

fn status(id: &str, s: Status, h: u32) -> [Action; 2] {
    timed(h, Action::SetStatus(ob(id), Some(s)))
}

/// A result on "Take it with you", for `LINK`.
fn on_take() -> State {
    run(init(Some(LINK), None), [Action::ShowView(View::Take)])
}

/// The file a colleague saved after `actions` on the same result.
fn colleague(actions: impl IntoIterator<Item = Action>) -> String {
    savefile::to_json(&run(on_take(), actions).document())
}

#[test]
fn a_timed_change_stamps_its_entries_and_a_cleared_one_forgets_its_time() {
    let s = run(
        on_take(),
        [
            status("df-2-7", Status::InProgress, 9),
            timed(
                10,
                Action::SetTrackText(ob("df-2-7"), TrackField::Owner, "Priya".into()),
            ),
            status("df-1-3", Status::InPlace, 11),
        ]
        .concat(),
    );
    assert_eq!(s.changes.tracker.get(&ob("df-2-7")), Some(&at(10)));
    assert_eq!(s.changes.tracker.get(&ob("df-1-3")), Some(&at(11)));
    assert_eq!(s.tracker.get(&ob("df-2-7")).unwrap().owner, "Priya");
    // The saved file keeps the times.
    let reopened = run(
        init(None, None),
        [Action::OpenFile(Ok(savefile::to_json(&s.document())))],
    );
    assert_eq!(reopened.changes, s.changes);
    let cleared = run(s, timed(12, Action::SetStatus(ob("df-1-3"), None)));
    assert_eq!(cleared.changes.tracker.get(&ob("df-1-3")), None);
}

#[test]
fn a_merge_without_conflicts_takes_their_entries_and_says_how_many() {
    let file = colleague(
        [
            status("df-1-3", Status::InPlace, 9),
            status("df-2-7", Status::InProgress, 12),
        ]
        .concat(),
    );
    let ours = run(on_take(), status("df-2-7", Status::NotStarted, 10));
    let s = run(ours, [Action::MergeFile(Ok(file))]);
    assert_eq!(s.page, Page::Result(View::Take));
    assert_eq!(status_of(&s, "df-1-3"), Some(Status::InPlace));
    assert_eq!(
        status_of(&s, "df-2-7"),
        Some(Status::InProgress),
        "their change is more recent"
    );
    assert_eq!(
        s.notice.as_deref(),
        Some("Your colleague's file was merged: 2 entries came in and 1 conflict was settled.")
    );
    assert!(s.merge_problems.is_empty() && s.merge_review.is_none());
}

#[test]
fn a_conflict_waits_on_the_review_page_for_a_choice() {
    // No times on their side (a schema-4 file, say): the times cannot settle it.
    let file = colleague([
        Action::SetStatus(ob("df-2-7"), Some(Status::InPlace)),
        Action::SetStatus(ob("df-1-3"), Some(Status::InProgress)),
    ]);
    let ours = run(on_take(), status("df-2-7", Status::NotStarted, 10));
    let s = run(ours.clone(), [Action::MergeFile(Ok(file.clone()))]);
    assert_eq!(s.page, Page::Merge);
    assert_eq!(
        s.tracker, ours.tracker,
        "nothing changes until the merge is finished"
    );
    assert_eq!(s.merge_review.as_ref().unwrap().outcome.conflicts.len(), 1);
    // Finish without a choice: the page says what is missing.
    let s = run(s, [clock(13), Action::FinishMerge]);
    assert_eq!(s.page, Page::Merge);
    assert!(s.merge_review.as_ref().unwrap().unchosen_error);
    assert!(s.title().starts_with("Error: "));
    let s = run(
        s,
        [Action::ChooseMerge(0, true), clock(13), Action::FinishMerge],
    );
    assert_eq!(s.page, Page::Result(View::Take));
    assert_eq!(status_of(&s, "df-2-7"), Some(Status::InPlace));
    assert_eq!(status_of(&s, "df-1-3"), Some(Status::InProgress));
    assert_eq!(
        s.changes.tracker.get(&ob("df-2-7")),
        Some(&at(13)),
        "the choice is a change"
    );
    assert_eq!(
        s.notice.as_deref(),
        Some("Your colleague's file was merged: 2 entries came in and 1 conflict was settled.")
    );
    // Keeping yours, or cancelling, keeps our status.
    let kept = run(
        ours.clone(),
        [
            Action::MergeFile(Ok(file.clone())),
            Action::ChooseMerge(0, false),
            clock(13),
            Action::FinishMerge,
        ],
    );
    assert_eq!(status_of(&kept, "df-2-7"), Some(Status::NotStarted));
    assert!(kept.notice.unwrap().contains("1 entry came in"));
    let cancelled = run(
        ours.clone(),
        [Action::MergeFile(Ok(file)), Action::CancelMerge],
    );
    assert_eq!(cancelled.page, Page::Result(View::Take));
    assert_eq!(
        (cancelled.tracker, cancelled.merge_review),
        (ours.tracker, None)
    );
}

#[test]
fn a_file_for_other_answers_or_no_file_at_all_changes_nothing_and_says_why() {
    let ours = run(on_take(), status("df-2-7", Status::NotStarted, 10));
    let other = run(
        init(
            Some("schedule=df&subjects=5&special=0&value=2&months=1&access=no"),
            None,
        ),
        status("df-1-3", Status::InPlace, 9),
    );
    let s = run(
        ours.clone(),
        [Action::MergeFile(Ok(savefile::to_json(&other.document())))],
    );
    assert_eq!(s.tracker, ours.tracker);
    assert_eq!(s.page, ours.page);
    assert_eq!(s.merge_problems.len(), 1);
    assert!(
        s.merge_problems[0].contains("These answers differ: Value of the services."),
        "{:?}",
        s.merge_problems
    );
    // Another level is said too.
    let higher = init(
        Some("schedule=df&subjects=3000&special=0&value=1&months=1&access=no"),
        None,
    );
    let s = run(
        ours.clone(),
        [Action::MergeFile(Ok(savefile::to_json(&higher.document())))],
    );
    assert!(
        s.merge_problems[0].contains("Data subjects in this contract")
            && s.merge_problems[0].contains(" Your level is S1; theirs is S"),
        "{:?}",
        s.merge_problems
    );
    let s = run(ours.clone(), [Action::MergeFile(Ok("not json".into()))]);
    assert_eq!(s.tracker, ours.tracker);
    assert!(
        s.merge_problems[0].contains("not a JSON file"),
        "{:?}",
        s.merge_problems
    );
    // Leaving the view clears the message.
    let s = run(s, [Action::ShowView(View::Plan)]);
    assert!(s.merge_problems.is_empty());
}

#[test]
fn the_review_page_is_not_kept_across_a_reload() {
    assert_eq!(Page::from_key("merge"), Some(Page::Merge));
    let ours = run(on_take(), status("df-2-7", Status::NotStarted, 10));
    let file = colleague([Action::SetStatus(ob("df-2-7"), Some(Status::InPlace))]);
    let s = run(ours, [Action::MergeFile(Ok(file))]);
    assert_eq!(s.page, Page::Merge);
    let reloaded = init(None, Some(&s.to_storage()));
    assert_eq!(reloaded.page, Page::Result(View::Take));
    assert_eq!(reloaded.merge_review, None);
}
