//! The result's views: opened by the task list, a link or a reload; back to the summary;
//! printing; the title of each.
use super::*;
use security_matrix_core::duties::Category;
use security_matrix_core::file::tracker::{Status, TrackField};

const S6: &str = "schedule=df&subjects=3000&special=40&professional=no&value=450000&months=36&access=yes&other=no&commencement=2027-04-01";

fn ob(id: &str) -> ObligationId {
    ObligationId::parse(id).unwrap()
}

#[test]
fn views_open_go_back_to_the_summary_and_each_has_its_title() {
    let s = init(Some(S6), None);
    assert_eq!(s.page, Page::Result(View::Summary));
    assert_eq!(s.title(), "Your result – Work out your security level");
    let before = s.page_change;
    let plan = run(s.clone(), [Action::ShowView(View::Plan)]);
    assert_eq!(plan.page, Page::Result(View::Plan));
    assert!(plan.page_change > before, "focus moves to the new heading");
    assert_eq!(
        plan.title(),
        "Your dated plan – Your result – Work out your security level"
    );
    let why = run(s.clone(), [Action::ShowView(View::Why)]);
    assert!(
        why.title().starts_with("Why your level is S6 – "),
        "{}",
        why.title()
    );
    let subject = run(
        s.clone(),
        [Action::ShowView(View::Subject(
            Category::BusinessContinuity,
        ))],
    );
    assert!(subject.title().starts_with("Business continuity – "));
    // Back from a view is the summary; back from the summary is check answers.
    let back = run(subject, [Action::Back]);
    assert_eq!(back.page, Page::Result(View::Summary));
    assert_eq!(run(back, [Action::Back]).page, Page::Check);
    // A view is only for the result: elsewhere the action does nothing.
    let start = run(init(None, None), [Action::ShowView(View::Plan)]);
    assert_eq!(start.page, Page::Start);
}

#[test]
fn a_link_opens_its_view_and_a_bad_view_says_so() {
    let s = init(Some(&format!("{S6}&view=subject-audit")), None);
    assert_eq!(s.page, Page::Result(View::Subject(Category::Audit)));
    assert_eq!(s.notice, None);
    let s = init(Some(&format!("{S6}&view=plan")), None);
    assert_eq!(s.page, Page::Result(View::Plan));
    let bad = init(Some(&format!("{S6}&view=everything")), None);
    assert_eq!(bad.page, Page::Result(View::Summary));
    assert!(
        bad.notice.as_deref().unwrap().contains("\"everything\""),
        "{:?}",
        bad.notice
    );
    // An incomplete link opens its question, whatever view it names.
    let incomplete = init(Some("schedule=df&subjects=3000&view=plan"), None);
    assert_eq!(incomplete.page, Page::Question(QuestionId::Special));
}

#[test]
fn the_view_survives_a_reload() {
    let s = run(
        init(Some(S6), None),
        [Action::ShowView(View::Subject(Category::Certification))],
    );
    let stored = s.to_storage();
    assert!(stored.contains("\"page\": \"result:subject-certification\""));
    let reloaded = init(None, Some(&stored));
    assert_eq!(reloaded.page, s.page);
    // The summary is kept as "result", as before views.
    let summary = run(s, [Action::ShowView(View::Summary)]);
    assert!(summary.to_storage().contains("\"page\": \"result\""));
    assert_eq!(
        Page::from_key("result:nonsense"),
        None,
        "an unknown view is no page"
    );
}

#[test]
fn a_duty_link_opens_its_subject_focused_on_it_and_printing_opens_the_all_view() {
    let s = init(Some(S6), None);
    let id = ob("df-3-6-5");
    let duty = run(s.clone(), [Action::ShowDuty(id)]);
    assert_eq!(
        duty.page,
        Page::Result(View::Subject(id.obligation().category))
    );
    assert_eq!(duty.focus_duty, Some(id));
    // Any other page change forgets it.
    assert_eq!(run(duty, [Action::Back]).focus_duty, None);
    let printed = run(s.clone(), [Action::Print]);
    assert_eq!(printed.page, Page::Result(View::All));
    assert_eq!(printed.print_request, s.print_request + 1);
    let again = run(printed.clone(), [Action::Print]);
    assert_eq!(
        (again.page, again.page_change),
        (Page::Result(View::All), printed.page_change),
        "printing from the all view does not move focus"
    );
    assert!(run(s, [Action::SetPrintWords(true)]).print_words);
}

#[test]
fn status_owner_and_note_are_kept_as_typed_and_forgotten_when_cleared() {
    let id = ob("df-3-6-5");
    let long = "x".repeat(1200);
    let s = run(
        init(Some(S6), None),
        [
            Action::SetStatus(id, Some(Status::InProgress)),
            Action::SetTrackText(id, TrackField::Owner, "<b>Priya</b>".into()),
            Action::SetTrackText(id, TrackField::Note, long.clone()),
        ],
    );
    let t = s.tracker.get(&id).unwrap();
    assert_eq!(t.status, Some(Status::InProgress));
    assert_eq!(t.owner, "<b>Priya</b>");
    assert_eq!(t.note, long, "an over-long note is kept, never cut");
    let cleared = run(
        s,
        [
            Action::SetStatus(id, None),
            Action::SetTrackText(id, TrackField::Owner, String::new()),
            Action::SetTrackText(id, TrackField::Note, String::new()),
        ],
    );
    assert!(cleared.tracker.is_empty());
}

#[test]
fn printing_with_the_words_waits_for_them_and_a_failure_does_not_block_it() {
    let mut s = init(Some(S6), None);
    assert_eq!(
        s.words,
        Loaded::Ready,
        "built in (tests leave lazy-words off)"
    );
    // A lazy-words build before the words have come.
    s.words = Loaded::Loading;
    let without = run(s.clone(), [Action::Print]);
    assert_eq!(
        without.print_request,
        s.print_request + 1,
        "no words: prints"
    );
    let waiting = run(s.clone(), [Action::SetPrintWords(true), Action::Print]);
    assert_eq!(waiting.page, Page::Result(View::All));
    assert_eq!(waiting.print_request, s.print_request, "not yet");
    assert!(waiting.print_waiting);
    let loaded = run(waiting.clone(), [Action::WordsLoaded]);
    assert_eq!(loaded.words, Loaded::Ready);
    assert_eq!(
        loaded.print_request,
        s.print_request + 1,
        "printed once they came"
    );
    assert!(!loaded.print_waiting);
    assert_eq!(
        run(loaded.clone(), [Action::WordsLoaded]).print_request,
        loaded.print_request,
        "only once"
    );
    let failed = run(waiting.clone(), [Action::WordsFailed]);
    assert_eq!(failed.words, Loaded::Failed);
    assert_eq!(
        failed.print_request,
        s.print_request + 1,
        "prints, saying so"
    );
    let unticked = run(waiting, [Action::SetPrintWords(false), Action::WordsLoaded]);
    assert_eq!(
        unticked.print_request,
        s.print_request + 1,
        "unticked: prints at once, and not again when they come"
    );
    // Starting again keeps the words.
    assert_eq!(run(failed, [Action::StartAgain]).words, Loaded::Failed);
}

/// The pages' code (a `lazy-pages` build): every page but the start page waits for it, and
/// a link that opens on one is not marked ready until it comes or is known not to; the start
/// page never waits; the mark, once set, stays; the code stays loaded when the user starts
/// again.
#[test]
fn a_page_is_ready_once_its_code_is_there() {
    let mut s = init(Some(S6), None);
    assert_eq!(
        s.pages,
        Loaded::Ready,
        "built in (tests leave lazy-pages off)"
    );
    assert!(s.shows_ready());
    // A lazy-pages build before the code has come.
    s.pages = Loaded::Loading;
    assert!(
        s.waits_for_code() && !s.shows_ready(),
        "the result the link opened waits"
    );
    let mut start = init(None, None);
    start.pages = Loaded::Loading;
    assert!(
        start.page == Page::Start && !start.waits_for_code() && start.shows_ready(),
        "the start page never waits for it"
    );
    let later = run(start, [Action::Start]);
    assert!(
        later.held == [Action::Start] && later.waits_for_code() && later.shows_ready(),
        "Start waits for the code, the page says it is loading; the mark stays"
    );
    let loaded = run(s.clone(), [Action::PagesLoaded(true)]);
    assert_eq!(loaded.pages, Loaded::Ready);
    assert!(loaded.shows_ready() && !loaded.waits_for_code());
    assert_eq!(loaded.page, s.page, "nothing else changes");
    let failed = run(s.clone(), [Action::PagesLoaded(false)]);
    assert_eq!(failed.pages, Loaded::Failed);
    assert!(
        failed.shows_ready(),
        "ready: the page says why it cannot show"
    );
    assert_eq!(failed.answers, s.answers, "the answers are kept");
    assert_eq!(
        run(loaded, [Action::StartAgain]).pages,
        Loaded::Ready,
        "starting again keeps the code"
    );
}

/// A take-away file: asked for, it is being made (one at a time); made, the buttons are free
/// again; not made, the state says which, and nothing else changes.
#[test]
fn a_take_away_file_is_made_one_at_a_time_and_a_failure_is_kept_until_the_next() {
    use security_matrix_core::takeaways::download::Takeaway::{Calendar, ComplianceMatrix};
    let s = run(init(Some(S6), None), [Action::ShowView(View::Take)]);
    assert_eq!(s.making, Making::Idle);
    let busy = run(s.clone(), [Action::MakeTakeaway(ComplianceMatrix)]);
    assert_eq!(busy.making, Making::Busy(ComplianceMatrix));
    assert_eq!(
        run(busy.clone(), [Action::MakeTakeaway(Calendar)]).making,
        Making::Busy(ComplianceMatrix),
        "a second click while one is made is not another request"
    );
    let made = run(busy.clone(), [Action::TakeawayMade(ComplianceMatrix, true)]);
    assert_eq!(made.making, Making::Idle);
    let failed = run(busy, [Action::TakeawayMade(ComplianceMatrix, false)]);
    assert_eq!(failed.making, Making::Failed(ComplianceMatrix));
    assert_eq!(
        State {
            making: Making::Idle,
            ..failed.clone()
        },
        s,
        "nothing else changed"
    );
    assert_eq!(
        run(failed, [Action::MakeTakeaway(Calendar)]).making,
        Making::Busy(Calendar),
        "asked again"
    );
}
