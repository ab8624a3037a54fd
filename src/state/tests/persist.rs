//! What is kept: sessionStorage and the saved file hold the same document; nothing the user
//! typed or marked is lost across a reload, a schedule change or a save.
use super::*;
use security_matrix_core::file::savefile::{self, Document};
use security_matrix_core::file::tracker::{Status, Tracker};
use security_matrix_core::view::View;
use security_matrix_core::EventId;

const DF_LINK: &str = "schedule=df&subjects=5&special=0&value=1&months=1&access=no";
const SM_LINK: &str = "schedule=sm2017&own_devices=yes&marking=official&bulk=no";

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The obligation with this data id.
fn ob(id: &str) -> ObligationId {
    ObligationId::parse(id).unwrap()
}

fn mark(id: &str, r: Status) -> Action {
    Action::SetStatus(ob(id), Some(r))
}

/// Issue 16: a DF result marked, a 2017 link opened and finished, saved: the file was
/// refused ("The file marks an obligation this tool does not know").
#[test]
fn a_schedule_change_keeps_the_marks_and_the_saved_file_opens() {
    let s = run(
        init(Some(DF_LINK), None),
        [mark("df-2-7", Status::InProgress)],
    );
    let s = run(s, [Action::OpenLink(SM_LINK.into())]);
    assert_eq!(
        (s.page, s.answers.schedule),
        (Page::Result(View::Summary), Schedule::Sm2017)
    );
    assert_eq!(
        s.tracker.get(&ob("df-2-7")).and_then(|t| t.status.as_ref()),
        Some(&Status::InProgress),
        "the DF mark is kept, not dropped"
    );
    let s = run(s, [mark("sm2017-2-3", Status::InPlace)]);
    let file = savefile::to_json(&s.document());
    let opened = run(init(None, None), [Action::OpenFile(Ok(file))]);
    assert_eq!(opened.file_problems, Vec::<String>::new());
    assert_eq!(
        (opened.page, opened.notice.clone()),
        (Page::Result(View::Summary), None)
    );
    assert_eq!(opened.answers, s.answers);
    assert_eq!(opened.tracker, s.tracker);
    // Back to the DF answers: their mark is there.
    let back = run(opened, [Action::OpenLink(DF_LINK.into())]);
    assert_eq!(
        back.tracker
            .get(&ob("df-2-7"))
            .and_then(|t| t.status.as_ref()),
        Some(&Status::InProgress)
    );
    // Choosing the other schedule on the start page keeps the marks too, in storage.
    let chosen = run(
        back,
        [Action::StartAgain, mark("df-2-7", Status::NotStarted)],
    );
    let chosen = run(chosen, [Action::ChooseSchedule(Schedule::Sm2017)]);
    assert!(!chosen.is_blank(), "marks are something to keep");
    let restored = init(None, Some(&chosen.to_storage()));
    assert_eq!(
        restored
            .tracker
            .get(&ob("df-2-7"))
            .and_then(|t| t.status.as_ref()),
        Some(&Status::NotStarted)
    );
}

#[test]
fn event_dates_survive_reload_and_go_into_the_saved_file() {
    let s = init(Some(&format!("{DF_LINK}&commencement=2027-01-04")), None);
    let s = run(
        s,
        [
            Action::SetEventDate(EventId::IsmpNonApproval, Some(date(2027, 3, 1))),
            Action::SetEventDate(EventId::SecurityEventAwareness, Some(date(2027, 2, 2))),
            Action::SetEventDate(EventId::SecurityEventAwareness, None),
        ],
    );
    let mut expected = EventDates::new();
    expected.insert(EventId::IsmpNonApproval, date(2027, 3, 1));
    assert_eq!(s.event_dates, expected);
    let reloaded = init(None, Some(&s.to_storage()));
    assert_eq!(reloaded.event_dates, expected);
    assert_eq!(reloaded.page, Page::Result(View::Summary));
    let file = savefile::to_json(&s.document());
    assert!(
        file.contains("\"ismp-non-approval\": \"2027-03-01\""),
        "{file}"
    );
    let opened = run(init(None, None), [Action::OpenFile(Ok(file))]);
    assert_eq!(opened.event_dates, expected);
    // Opening a file replaces the event dates along with the rest.
    let other = savefile::to_json(&Document {
        answers: from_fragment(DF_LINK).answers,
        ..Document::default()
    });
    assert!(run(opened, [Action::OpenFile(Ok(other))])
        .event_dates
        .is_empty());
}

#[test]
fn storage_is_the_saved_document_plus_the_page() {
    let s = run(init(None, None), [Action::Start]);
    let s = run(s, answer("700"));
    let stored = s.to_storage();
    let as_file = savefile::from_json(&stored).expect("storage holds the file's document");
    assert_eq!(as_file.document, s.document());
    assert!(stored.contains("\"page\": \"q:special\""), "{stored}");
    let restored = init(None, Some(&stored));
    assert_eq!(restored.page, Page::Question(QuestionId::Special));
    assert_eq!((restored.answers, restored.notice), (s.answers, None));
    // A link wins over what is stored.
    let linked = init(Some("schedule=sm2017"), Some(&stored));
    assert_eq!(linked.answers.schedule, Schedule::Sm2017);
    // A page that no longer applies gives the next open one.
    let gone = stored.replace("q:special", "q:professional");
    assert_eq!(
        init(None, Some(&gone)).page,
        Page::Question(QuestionId::Special)
    );
}

#[test]
fn older_storage_is_restored_and_junk_gives_a_message() {
    let v2 = init(
        None,
        Some("smx2\nschedule=df&subjects=5&special=0&value=1&months=1&access=no&other=no&commencement=skip\nresult\ndf-2-7=not-yet"),
    );
    assert_eq!(
        (v2.page, v2.notice.clone()),
        (Page::Result(View::Summary), None)
    );
    assert_eq!(
        v2.tracker
            .get(&ob("df-2-7"))
            .and_then(|t| t.status.as_ref()),
        Some(&Status::NotStarted)
    );
    assert_eq!(v2.answers, from_fragment(DF_LINK).answers);
    let v1 = init(
        None,
        Some("smx1\nschedule=df&subjects=5&special=0&value=1&months=1&access=no&other=no&commencement=skip\nresult"),
    );
    assert_eq!(v1.page, Page::Result(View::Summary));
    assert!(v1.tracker.is_empty() && v1.notice.is_none());
    let old = init(None, Some("smx0\nschedule=df\nstart"));
    assert_eq!(old.page, Page::Start);
    assert!(old.notice.as_deref().unwrap().contains("older version"));
    for junk in ["smx1\n%%%\nresult", "{\"format\"", "[[[[", "\u{0}"] {
        let s = init(None, Some(junk));
        assert_eq!(
            (s.page, s.answers.clone()),
            (Page::Start, Answers::default())
        );
        assert_eq!(
            s.notice.as_deref(),
            Some(savefile::STORAGE_UNREADABLE),
            "{junk:?}"
        );
    }
}

#[test]
fn opening_a_file_replaces_the_state_or_leaves_it_alone() {
    let s = init(Some(DF_LINK), None);
    let mut marks = Tracker::new();
    marks.insert(ob("df-2-7"), Status::InProgress.into());
    let other =
        from_fragment("schedule=df&subjects=3000&special=0&value=1&months=1&access=no").answers;
    let file = savefile::to_json(&Document {
        answers: other.clone(),
        tracker: marks.clone(),
        event_dates: EventDates::new(),
        ..Document::default()
    });
    let opened = run(s.clone(), [Action::OpenFile(Ok(file.clone()))]);
    assert_eq!(opened.answers, other);
    assert_eq!(opened.tracker, marks);
    assert_eq!(opened.page, Page::Result(View::Summary));
    // A part it cannot place is left out and named; the rest opens.
    let odd = file.replace("\"df-2-7\"", "\"df-99-99\"");
    let partly = run(s.clone(), [Action::OpenFile(Ok(odd))]);
    assert_eq!(
        (partly.answers.clone(), partly.page),
        (other, Page::Result(View::Summary))
    );
    assert!(partly.tracker.is_empty() && partly.file_problems.is_empty());
    let notice = partly.notice.unwrap();
    assert!(
        notice.contains("left out: the status, owner or note of an obligation this tool does not know: \"df-99-99\""),
        "{notice}"
    );
    let bad = run(s.clone(), [Action::OpenFile(Ok("not json".into()))]);
    assert_eq!(
        bad.answers, s.answers,
        "a bad file leaves the answers alone"
    );
    assert_eq!(bad.page, s.page);
    assert!(bad.file_problems[0].contains("not a JSON file"));
    let unreadable = run(
        s.clone(),
        [Action::OpenFile(Err("The file could not be read.".into()))],
    );
    assert_eq!(unreadable.file_problems, ["The file could not be read."]);
    assert!(run(bad, [Action::DismissFileProblems])
        .file_problems
        .is_empty());
    let cleared = run(opened, [Action::SetStatus(ob("df-2-7"), None)]);
    assert!(cleared.tracker.is_empty());
}
