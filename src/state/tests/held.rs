//! Actions that wait for the pages' code (a `lazy-pages` build, before its module has come):
//! the start page's own are applied at once; every other waits, in order, and is applied
//! when the code comes, to the same state as if the code had been there all along; nothing
//! waiting is lost when it cannot come.
use super::*;
use security_matrix_core::file::tracker::Status;

const S6: &str = "schedule=df&subjects=3000&special=40&professional=no&value=450000&months=36&access=yes&other=no&commencement=2027-04-01";

/// A `lazy-pages` build's state before the pages' code has come.
fn loading() -> State {
    State {
        pages: Loaded::Loading,
        ..State::default()
    }
}

fn init_action(fragment: Option<&str>, stored: Option<&str>) -> Action {
    Action::Init {
        stored: stored.map(String::from),
        fragment: fragment.map(String::from),
        presets: None,
        today: today(),
        schedule: Schedule::Df,
    }
}

/// `actions` with the code built in, and with it coming only after them: the same state
/// but for when the pages moved (the focus the waiting page took).
fn same_either_way(actions: Vec<Action>) -> State {
    let built_in = run(State::default(), actions.clone());
    let waited = run(loading(), actions);
    let came = run(waited, [Action::PagesLoaded(true)]);
    assert!(came.held.is_empty(), "nothing is left waiting");
    assert_eq!(
        State {
            page_change: built_in.page_change,
            ..came
        },
        built_in
    );
    built_in
}

#[test]
fn the_start_pages_own_actions_need_no_code() {
    let actions = [
        init_action(Some("main-content"), None),
        Action::DeviceKept(Some("4 December 2026 at 14:02".into())),
        Action::ChooseSchedule(Schedule::Sm2017),
        Action::DismissNotice,
        Action::DismissFileProblems,
        Action::ForgetDevice,
    ];
    let s = run(loading(), actions.clone());
    assert!(s.held.is_empty(), "{:?}", s.held);
    assert!(s.ready && s.shows_ready() && !s.shows_pages());
    assert_eq!(
        (s.page, s.answers.schedule),
        (Page::Start, Schedule::Sm2017)
    );
    assert_eq!(s.page_change, 0, "no page change: focus stays where it is");
    // The same as the whole reducer (the pages' code) makes of them.
    let mut whole = State::default();
    for action in actions {
        let before = whole.clone();
        later::reduce(&mut whole, &before, &action).expect("built in");
    }
    assert_eq!(
        State {
            pages: Loaded::Ready,
            ..s
        },
        whole
    );
}

#[test]
fn start_waits_for_the_code_and_the_loading_page_takes_focus() {
    let s = run(loading(), [init_action(None, None), Action::Start]);
    assert_eq!(s.held, [Action::Start]);
    assert_eq!(s.page, Page::Start, "the page moves only with the code");
    assert!(s.shows_pages() && s.waits_for_code() && s.shows_ready());
    assert_eq!(s.page_change, 1, "the loading page takes focus");
    assert_eq!(s.title(), "Work out your security level");
    let came = run(s, [Action::PagesLoaded(true)]);
    assert_eq!(came.page, Page::Question(QuestionId::Subjects));
    assert_eq!(came.page_change, 2, "then the question does");
}

#[test]
fn every_action_behind_a_held_one_waits_and_all_apply_in_order() {
    // A bidder's walk to a marked result, all of it before the code comes.
    let mut actions = vec![init_action(None, None), Action::Start];
    for text in ["3000", "40", "no", "450000", "36", "yes", "no"] {
        actions.extend(answer(text));
    }
    actions.extend([
        Action::Skip,
        Action::Skip,
        Action::Skip,
        Action::ShowResult,
        Action::SetStatus(
            ObligationId::parse("df-2-7").unwrap(),
            Some(Status::InProgress),
        ),
        Action::ShowView(View::Plan),
        Action::DismissNotice,
    ]);
    let s = same_either_way(actions);
    assert_eq!(s.page, Page::Result(View::Plan));
    assert_eq!(s.tracker.len(), 1, "the mark is there");
    assert!(s.saving.dirty, "and noted as a change");
}

#[test]
fn a_stored_session_or_a_link_waits_and_is_not_ready_until_it_shows() {
    let stored = init(Some(S6), None).to_storage();
    for (fragment, stored) in [(None, Some(stored.as_str())), (Some(S6), None)] {
        let s = run(loading(), [init_action(fragment, stored)]);
        assert_eq!(s.held.len(), 1, "the opening waits");
        assert!(s.ready, "ready to load the code");
        assert!(
            !s.shows_ready(),
            "not marked ready: the page is still to come"
        );
        assert_eq!(s.page_change, 0, "no focus is taken");
        // What the user does on the pre-rendered start page meanwhile waits behind it.
        let s = run(
            s,
            [Action::TakeOver {
                schedule: Schedule::Sm2017,
                start: true,
            }],
        );
        assert_eq!(s.held.len(), 2);
        let came = run(s, [Action::PagesLoaded(true)]);
        assert_eq!(came.page, Page::Result(View::Summary));
        assert_eq!(came.answers, init(Some(S6), None).answers);
        assert!(came.shows_ready() && came.held.is_empty());
        assert_eq!(came.page_change, 0, "opening is not a page change");
    }
}

#[test]
fn when_the_code_cannot_come_nothing_waiting_is_lost() {
    let stored = init(Some(S6), None).to_storage();
    let s = run(
        loading(),
        [init_action(None, Some(&stored)), Action::PagesLoaded(false)],
    );
    assert_eq!(s.pages, Loaded::Failed);
    assert_eq!(
        s.held,
        [init_action(None, Some(&stored))],
        "kept, not applied"
    );
    assert!(s.shows_pages() && !s.waits_for_code());
    assert!(s.shows_ready(), "ready: the page says why it cannot show");
}
