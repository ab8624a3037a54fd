//! Where the work stands (issue 22): the save state through every kind of change, a save,
//! a file opened; Start again asks first; a removed contract can be put back.
use super::*;
use security_matrix_core::assessment::flow::ContractField as F;
use security_matrix_core::file::savefile::{self, Document};
use security_matrix_core::file::tracker::{Status, TrackField, Tracker};
use security_matrix_core::view::View;

const DF_LINK: &str = "schedule=df&subjects=5&special=0&value=1&months=1&access=no";

fn ob(id: &str) -> ObligationId {
    ObligationId::parse(id).unwrap()
}

fn at(time: &str) -> Action {
    let (h, m) = time.split_once(':').unwrap();
    Action::Clock(Clock {
        local: time.into(),
        utc: today()
            .and_hms_opt(h.parse().unwrap(), m.parse().unwrap(), 0)
            .unwrap(),
    })
}

fn saved(file: &str, time: &str) -> SaveState {
    SaveState::Saved {
        file: Some(file.into()),
        at: Some(time.into()),
    }
}

#[test]
fn a_link_opens_unsaved_and_a_save_names_the_file_and_the_time() {
    let s = init(Some(DF_LINK), None);
    assert_eq!(s.save_state(), SaveState::Unsaved);
    assert!(s.would_lose_work());
    assert_eq!(
        s.save_state().text(),
        "You have changes that are not saved to a file"
    );
    let s = run(
        s,
        [
            at("14:02"),
            Action::Saved("security-assessment-S1.json".into()),
        ],
    );
    assert_eq!(
        s.save_state(),
        saved("security-assessment-S1.json", "14:02")
    );
    assert_eq!(
        s.save_state().text(),
        "All changes saved to security-assessment-S1.json at 14:02"
    );
    assert_eq!(s.save_state().key(), "saved");
    assert!(!s.would_lose_work());
}

#[test]
fn every_kind_of_change_makes_it_unsaved_again_and_looking_does_not() {
    let base = run(
        init(Some(DF_LINK), None),
        [at("09:00"), Action::Saved("a.json".into()), at("09:30")],
    );
    // Moving about, printing, words: nothing to lose.
    let looked = run(
        base.clone(),
        [
            Action::ShowView(View::Plan),
            Action::ShowView(View::Summary),
            Action::SetPrintWords(true),
            Action::WordsLoaded,
            Action::DismissNotice,
        ],
    );
    assert_eq!(looked.save_state(), saved("a.json", "09:00"));
    let changes: Vec<Vec<Action>> = vec![
        vec![Action::SetStatus(ob("df-2-7"), Some(Status::InPlace))],
        vec![Action::SetTrackText(
            ob("df-2-7"),
            TrackField::Owner,
            "Priya".into(),
        )],
        vec![Action::SetTrackText(
            ob("df-2-7"),
            TrackField::Note,
            "In the folder".into(),
        )],
        vec![Action::SetEventDate(
            security_matrix_core::EventId::IsmpNonApproval,
            NaiveDate::from_ymd_opt(2027, 3, 1),
        )],
        // An answer changed from check answers.
        vec![
            Action::ChangeAnswers,
            Action::Change(QuestionId::Subjects),
            Action::Input(Field::Main, "6".into()),
            Action::Continue,
        ],
        // A contract listed.
        vec![
            Action::ChangeAnswers,
            Action::Change(QuestionId::Other),
            Action::Input(Field::Main, "yes".into()),
            Action::Continue,
            Action::ContractInput(F::Customer, "HMPPS".into()),
            Action::ContractInput(F::Subjects, "10".into()),
            Action::ContractInput(F::Special, "0".into()),
            Action::ContractInput(F::Level, "S1".into()),
            Action::SaveContract,
        ],
        vec![Action::OpenLink(
            "schedule=df&subjects=7&special=0&value=1&months=1&access=no".into(),
        )],
    ];
    for actions in changes {
        let s = run(base.clone(), actions.clone());
        assert_eq!(s.save_state(), SaveState::Unsaved, "{actions:?}");
        assert_eq!(
            s.saving.last_change.as_deref(),
            Some("09:30"),
            "{actions:?}"
        );
        // Saved again: nothing to lose.
        let s = run(s, [at("09:31"), Action::Saved("a.json".into())]);
        assert_eq!(s.save_state(), saved("a.json", "09:31"));
    }
    // Typing and deleting it again is a change that was undone: still a change, kept
    // simple (the user saves again).
    let s = run(
        base,
        [
            Action::SetTrackText(ob("df-2-7"), TrackField::Owner, "P".into()),
            Action::SetTrackText(ob("df-2-7"), TrackField::Owner, String::new()),
        ],
    );
    assert_eq!(s.save_state(), SaveState::Unsaved);
}

#[test]
fn a_file_opened_is_saved_until_changed_and_a_bad_one_changes_nothing() {
    let mut marks = Tracker::new();
    marks.insert(ob("df-2-7"), Status::InProgress.into());
    let file = savefile::to_json(&Document {
        answers: from_fragment(DF_LINK).answers,
        tracker: marks,
        event_dates: Default::default(),
        changes: Default::default(),
        details: Default::default(),
    });
    let s = run(init(None, None), [Action::OpenFile(Ok(file))]);
    assert_eq!(s.page, Page::Result(View::Summary));
    assert_eq!(
        s.save_state(),
        SaveState::Saved {
            file: None,
            at: None
        }
    );
    assert_eq!(
        s.save_state().text(),
        "No changes since you opened your saved file"
    );
    let bad = run(s.clone(), [Action::OpenFile(Ok("not json".into()))]);
    assert_eq!(bad.save_state(), s.save_state());
    let changed = run(s, [at("10:15"), Action::SetStatus(ob("df-2-7"), None)]);
    assert_eq!(changed.save_state(), SaveState::Unsaved);
}

#[test]
fn a_file_opened_to_save_back_to_is_named_until_changed_then_saved_there_again() {
    let file = savefile::to_json(&Document {
        answers: from_fragment(DF_LINK).answers,
        tracker: Tracker::new(),
        event_dates: Default::default(),
        changes: Default::default(),
        details: Default::default(),
    });
    let s = run(
        init(None, None),
        [
            at("09:00"),
            Action::OpenFileInPlace(Ok(file), "my-bid.json".into()),
        ],
    );
    assert_eq!(s.page, Page::Result(View::Summary));
    assert_eq!(
        s.save_state().text(),
        "No changes since you opened my-bid.json"
    );
    let changed = run(s, [at("10:15"), Action::SetStatus(ob("df-2-7"), None)]);
    let changed = run(
        changed,
        [Action::SetStatus(ob("df-2-7"), Some(Status::InPlace))],
    );
    assert_eq!(changed.save_state(), SaveState::Unsaved);
    let again = run(changed, [at("10:16"), Action::Saved("my-bid.json".into())]);
    assert_eq!(again.save_state(), saved("my-bid.json", "10:16"));
    // A file that is not a saved assessment changes nothing (the edge keeps no handle).
    let bad = run(
        again.clone(),
        [Action::OpenFileInPlace(
            Ok("{}".into()),
            "notes.json".into(),
        )],
    );
    assert_eq!(bad.save_state(), again.save_state());
    assert!(!bad.file_problems.is_empty());
}

#[test]
fn the_start_page_and_a_blank_state_have_nothing_to_lose() {
    let s = init(None, None);
    assert!(!s.would_lose_work());
    let s = run(s, [Action::ChooseSchedule(Schedule::Sm2017)]);
    assert!(!s.would_lose_work(), "a schedule chosen is not work");
    let s = run(
        s,
        [
            Action::Start,
            Action::Input(Field::Main, "yes".into()),
            Action::Continue,
        ],
    );
    assert!(s.would_lose_work(), "an answer is");
}

#[test]
fn a_session_restored_in_the_tab_is_not_in_a_file() {
    let s = init(Some(DF_LINK), None);
    let again = init(None, Some(&s.to_storage()));
    assert_eq!(again.page, Page::Result(View::Summary));
    assert_eq!(again.save_state(), SaveState::Unsaved);
}

#[test]
fn start_again_with_unsaved_work_asks_first_and_can_go_back() {
    let s = run(
        init(Some(DF_LINK), None),
        [
            Action::ShowView(View::Plan),
            Action::SetStatus(ob("df-2-7"), Some(Status::InPlace)),
            Action::StartAgain,
        ],
    );
    assert_eq!(s.page, Page::ConfirmStartAgain(View::Plan));
    assert_eq!(
        s.title(),
        "Are you sure you want to start again? – Work out your security level"
    );
    assert_eq!(s.tracker.len(), 1, "nothing is lost by asking");
    let back = run(s.clone(), [Action::CancelStartAgain]);
    assert_eq!(back.page, Page::Result(View::Plan));
    assert_eq!(
        run(s.clone(), [Action::Back]).page,
        Page::Result(View::Plan)
    );
    // Save first (from the page), then start again: gone.
    let s = run(s, [at("11:00"), Action::Saved("f.json".into())]);
    assert_eq!(s.page, Page::ConfirmStartAgain(View::Plan));
    let gone = run(s, [Action::ConfirmStartAgain]);
    assert_eq!(gone.page, Page::Start);
    assert!(gone.is_blank() && !gone.would_lose_work());
    // Saved work: Start again goes straight to the start page.
    let s = run(
        init(Some(DF_LINK), None),
        [Action::Saved("f.json".into()), Action::StartAgain],
    );
    assert_eq!(s.page, Page::Start);
}

#[test]
fn a_removed_contract_can_be_put_back_where_it_was() {
    let link = "schedule=df&subjects=5&special=0&value=1&months=1&access=no&other=yes\
        &c1_customer=A&c1_subjects=1&c1_special=0&c1_level=none\
        &c2_customer=B&c2_subjects=1&c2_special=0&c2_level=none\
        &c3_customer=C&c3_subjects=1&c3_special=0&c3_level=none";
    let s = run(
        init(Some(link), None),
        [
            Action::ChangeAnswers,
            Action::Change(QuestionId::Other),
            Action::Input(Field::Main, "yes".into()),
            Action::Continue,
        ],
    );
    assert_eq!(s.page, Page::Contracts);
    let customers = |s: &State| -> Vec<String> {
        s.answers
            .contracts()
            .iter()
            .map(|c| c.customer.clone())
            .collect()
    };
    let removed = run(s.clone(), [Action::RemoveContract(1)]);
    assert_eq!(customers(&removed), ["A", "C"]);
    assert_eq!(
        removed
            .removed_contract
            .as_ref()
            .map(|(i, c)| (*i, c.customer.as_str())),
        Some((1, "B"))
    );
    let undone = run(removed.clone(), [Action::UndoRemoveContract]);
    assert_eq!(customers(&undone), ["A", "B", "C"]);
    assert_eq!(undone.removed_contract, None);
    // Leaving the list: the undo goes.
    let left = run(removed, [Action::AddContract]);
    assert_eq!(left.removed_contract, None);
    assert_eq!(
        customers(&run(left, [Action::UndoRemoveContract])),
        ["A", "C"]
    );
}

#[test]
fn kept_on_this_device_nothing_is_lost_and_the_line_says_so() {
    let s = run(init(Some(DF_LINK), None), [at("14:02"), Action::Keep(true)]);
    assert_eq!(
        s.save_state(),
        SaveState::Kept {
            at: Some("14:02".into())
        }
    );
    assert_eq!(
        s.save_state().text(),
        "Kept on this device, last change 14:02"
    );
    assert!(!s.would_lose_work());
    assert_eq!(s.kept_label().as_deref(), Some("22 November 2026 at 14:02"));
    let s = run(
        s,
        [
            at("14:10"),
            Action::SetStatus(ob("df-2-7"), Some(Status::InPlace)),
        ],
    );
    assert_eq!(
        s.save_state().text(),
        "Kept on this device, last change 14:10"
    );
    // Turned off: unsaved again (the edge removed it from the device).
    let off = run(s.clone(), [Action::Keep(false)]);
    assert_eq!(off.save_state(), SaveState::Unsaved);
    // Refused by the browser: off, with a message; nothing on the page is lost.
    let refused = run(s.clone(), [Action::KeepFailed("No room.".into())]);
    assert_eq!(refused.save_state(), SaveState::Unsaved);
    assert_eq!(refused.notice.as_deref(), Some("No room."));
    assert_eq!(refused.tracker, s.tracker);
}

#[test]
fn carry_on_from_this_device_and_start_again_asks_whether_to_remove_it() {
    let s = run(
        init(Some(DF_LINK), None),
        [
            at("14:02"),
            Action::Keep(true),
            Action::SetTrackText(ob("df-2-7"), TrackField::Owner, "Priya".into()),
        ],
    );
    let kept = savefile::to_json(&s.document());
    // A new tab: the start page offers it.
    let fresh = run(
        init(None, None),
        [Action::DeviceKept(Some("22 November 2026 at 14:02".into()))],
    );
    assert_eq!(fresh.page, Page::Start);
    assert_eq!(fresh.device.as_deref(), Some("22 November 2026 at 14:02"));
    assert!(fresh.is_blank());
    let on = run(fresh.clone(), [at("09:00"), Action::CarryOn(Ok(kept))]);
    assert_eq!(on.page, Page::Result(View::Summary));
    assert_eq!(on.tracker, s.tracker);
    assert!(on.saving.keep && on.device.is_none());
    assert_eq!(
        on.save_state().text(),
        "Kept on this device, last change 22 November 2026 at 14:02"
    );
    // Gone from the device in the meantime: a message, nothing changes.
    let gone = run(
        fresh.clone(),
        [Action::CarryOn(Err("Nothing is kept.".into()))],
    );
    assert_eq!(gone.page, Page::Start);
    assert!(!gone.saving.keep && gone.file_problems == ["Nothing is kept."]);
    // Remove it.
    assert_eq!(run(fresh, [Action::ForgetDevice]).device, None);
    // Start again while kept: asks; starting again leaves it on the device, offered.
    let asked = run(on, [at("09:05"), Action::StartAgain]);
    assert_eq!(asked.page, Page::ConfirmStartAgain(View::Summary));
    let again = run(asked, [Action::ConfirmStartAgain]);
    assert_eq!(again.page, Page::Start);
    assert!(!again.saving.keep);
    assert_eq!(again.device.as_deref(), Some("22 November 2026 at 14:02"));
}

#[test]
fn another_tabs_version_appears_here_on_the_same_page_or_is_offered() {
    let s = run(
        init(Some(DF_LINK), None),
        [
            at("14:02"),
            Action::Keep(true),
            Action::ShowView(View::Plan),
        ],
    );
    // The other tab marked a duty.
    let mut marks = Tracker::new();
    marks.insert(ob("df-2-7"), Status::InPlace.into());
    let other = savefile::to_json(&Document {
        tracker: marks.clone(),
        ..s.document()
    });
    let took = run(
        s.clone(),
        [
            at("14:05"),
            Action::DeviceChanged(other.clone(), "22 November 2026 at 14:04".into()),
        ],
    );
    assert_eq!(took.tracker, marks);
    assert_eq!(took.page, Page::Result(View::Plan), "on the page it was on");
    assert_eq!(
        took.save_state().text(),
        "Kept on this device, last change 22 November 2026 at 14:04"
    );
    // This tab had changes of its own: it says a newer version exists; nothing is taken
    // or lost until the user chooses.
    let mine = run(
        s.clone(),
        [
            Action::SetTrackText(ob("df-2-7"), TrackField::Note, "Mine".into()),
            Action::DeviceNewer(true),
        ],
    );
    assert!(mine.device_newer);
    assert_eq!(mine.save_state(), SaveState::Unsaved);
    assert!(mine.would_lose_work());
    let loaded = run(mine.clone(), [Action::DeviceChanged(other, "x".into())]);
    assert_eq!(loaded.tracker, marks);
    assert!(!loaded.device_newer);
    let kept_mine = run(mine, [Action::DeviceNewer(false)]);
    assert_eq!(
        kept_mine
            .tracker
            .get(&ob("df-2-7"))
            .map(|t| t.note.as_str()),
        Some("Mine")
    );
    assert!(matches!(kept_mine.save_state(), SaveState::Kept { .. }));
    // Not kept in this tab: another tab's version changes nothing here.
    let not_kept = run(
        init(Some(DF_LINK), None),
        [Action::DeviceChanged(
            savefile::to_json(&s.document()),
            "x".into(),
        )],
    );
    assert_eq!(not_kept.document(), init(Some(DF_LINK), None).document());
    // Removed in another tab: this tab keeps its work and says so.
    let removed = run(s, [Action::DeviceRemoved]);
    assert!(!removed.saving.keep);
    assert_eq!(removed.save_state(), SaveState::Unsaved);
    assert!(removed
        .notice
        .unwrap()
        .contains("removed from this device in another tab"));
}

#[test]
fn a_save_that_did_not_happen_says_why_and_changes_nothing() {
    let s = init(Some(DF_LINK), None);
    let failed = run(
        s.clone(),
        [Action::SaveFailed("The save was cancelled.".into())],
    );
    assert_eq!(failed.notice.as_deref(), Some("The save was cancelled."));
    assert_eq!(failed.document(), s.document());
    assert_eq!(failed.save_state(), SaveState::Unsaved);
}

#[test]
fn a_document_detail_typed_is_a_change_the_saved_file_keeps() {
    let s = run(
        init(Some(DF_LINK), None),
        [at("09:00"), Action::Saved("a.json".into())],
    );
    assert_eq!(s.save_state(), saved("a.json", "09:00"));
    let s = run(
        s,
        [
            at("09:05"),
            Action::SetDetail(DetailField::Organisation, "Acme Ltd".into()),
            Action::SetDetail(DetailField::Customer, "HMPPS".into()),
        ],
    );
    assert_eq!(s.save_state(), SaveState::Unsaved);
    assert_eq!(s.document().details.organisation, "Acme Ltd");
    let reopened = run(
        init(None, None),
        [Action::OpenFile(Ok(savefile::to_json(&s.document())))],
    );
    assert_eq!(reopened.details, s.details);
    // Start again forgets them with the rest.
    let again = run(s, [Action::StartAgain, Action::ConfirmStartAgain]);
    assert_eq!(again.details, Default::default());
}
