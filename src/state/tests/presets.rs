//! A tender's presets (issue 25): the Customer's answers are not asked and cannot be
//! changed, a bad preset is asked with a notice, "Start again" keeps the presets, and
//! "own figures" unfixes them.
use super::*;

const TENDER: &str = "schedule=df&value=450000&months=36&subjects=3000&special=40&professional=no&access=yes&fixed=value,months,subjects,special,professional,access&tender=Prison%20education%20services&tender_ref=MOJ-2027-041";

/// The bidder's side of the tender, answered: no other contracts, no date, route (a),
/// hosting not decided.
fn bidder_side(s: State) -> State {
    let mut s = run(s, answer("no"));
    assert_eq!(s.page, Page::Question(QuestionId::Commencement));
    s = run(s, [Action::Skip]);
    assert_eq!(s.page, Page::Question(QuestionId::Route));
    s = run(s, answer("a"));
    assert_eq!(s.page, Page::Question(QuestionId::Hosting));
    run(s, answer("unsure"))
}

#[test]
fn a_tender_link_asks_only_the_bidders_side() {
    let s = init(Some(TENDER), None);
    assert_eq!(s.page, Page::Question(QuestionId::Other));
    assert!(s.preset_problems.is_empty());
    // Back from the first question the bidder answers is the start page.
    assert_eq!(run(s.clone(), [Action::Back]).page, Page::Start);
    let s = bidder_side(s);
    assert_eq!(s.page, Page::Check);
    assert!(s.answers.is_fixed(QuestionId::Value));
    // No Change for the Customer's answers: the action does nothing.
    let same = run(s.clone(), [Action::Change(QuestionId::Value)]);
    assert_eq!(same.page, Page::Check);
    assert_eq!(
        run(s.clone(), [Action::Change(QuestionId::Route)]).page,
        Page::Question(QuestionId::Route)
    );
    // Back from check answers goes to the last question the bidder answered.
    assert_eq!(
        run(s.clone(), [Action::Back]).page,
        Page::Question(QuestionId::Hosting)
    );
    let s = run(s, [Action::ShowResult]);
    assert_eq!(s.page, Page::Result(View::Summary));
    assert_eq!(
        s.answers
            .df()
            .map(|a| security_matrix_core::assess(&a).level),
        Some(Level::S6)
    );
}

#[test]
fn start_again_keeps_the_tenders_presets() {
    let s = bidder_side(init(Some(TENDER), None));
    let s = run(s, [Action::ShowResult, Action::StartAgain]);
    assert_eq!(s.page, Page::ConfirmStartAgain(View::Summary));
    let s = run(s, [Action::ConfirmStartAgain]);
    assert_eq!(s.page, Page::Start);
    assert_eq!(s.answers, from_fragment(TENDER).answers);
    let s = run(s, [Action::Start]);
    assert_eq!(s.page, Page::Question(QuestionId::Other));
}

#[test]
fn own_figures_unfix_the_answers_and_start_again_returns_to_the_tender() {
    let s = bidder_side(init(Some(TENDER), None));
    let s = run(s, [Action::OwnFigures]);
    assert_eq!(s.page, Page::Check);
    assert!(!s.answers.is_fixed(QuestionId::Value));
    assert!(s.answers.tender().unwrap().own_figures);
    let s = run(s, [Action::Change(QuestionId::Value)]);
    assert_eq!(s.page, Page::Question(QuestionId::Value));
    let s = run(s, answer("1000"));
    assert_eq!(
        s.answers.get(QuestionId::Value),
        Some(&Answer::Number(1000))
    );
    // A new assessment of the same tender has the Customer's answers again.
    let s = run(s, [Action::StartAgain]);
    assert_eq!(s.answers, from_fragment(TENDER).answers);
}

#[test]
fn a_bad_preset_is_asked_with_a_notice_and_the_rest_is_kept() {
    let s = init(
        Some("schedule=df&value=lots&months=36&fixed=value,months,colour&tender=T"),
        None,
    );
    let keys: Vec<&str> = s.preset_problems.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(keys, ["fixed=value", "fixed=colour"]);
    assert_eq!(s.page, Page::Question(QuestionId::Value));
    assert!(s.preset_notice(QuestionId::Value));
    assert!(!s.preset_notice(QuestionId::Subjects));
    assert!(s.answers.is_fixed(QuestionId::Months));
    assert_eq!(s.draft.text, "lots");
}

#[test]
fn a_tender_survives_the_tab_and_its_fixed_question_is_never_opened() {
    let s = bidder_side(init(Some(TENDER), None));
    let stored = s.to_storage();
    let mut r = init(None, Some(&stored));
    assert_eq!(r.answers, s.answers);
    // A stored page that is a fixed question goes on to the flow's next page.
    r = run(r, [Action::Change(QuestionId::Subjects)]);
    assert_eq!(r.page, Page::Check);
}

fn mount(presets: &str, stored: Option<&str>) -> State {
    run(
        State::default(),
        [Action::Init {
            stored: stored.map(String::from),
            fragment: None,
            presets: Some(presets.into()),
            today: today(),
            schedule: Schedule::Df,
        }],
    )
}

#[test]
fn a_direct_mounts_presets_open_like_the_link_and_a_reload_keeps_the_bidders_work() {
    let s = mount(TENDER, None);
    assert_eq!(s.page, Page::Question(QuestionId::Other));
    assert_eq!(s.answers, init(Some(TENDER), None).answers);
    // The bidder answered; the page reloads: their work goes on.
    let s = run(s, answer("no"));
    let again = mount(TENDER, Some(&s.to_storage()));
    assert_eq!(
        again.answers.get(QuestionId::Other),
        Some(&Answer::YesNo(false))
    );
    assert_eq!(again.page, Page::Question(QuestionId::Commencement));
    // Another tender's page on the same site: its presets, not the other's answers.
    let other = TENDER.replace("MOJ-2027-041", "MOJ-2027-042");
    let fresh = mount(&other, Some(&s.to_storage()));
    assert_eq!(fresh.answers.get(QuestionId::Other), None);
    assert_eq!(fresh.answers.tender().unwrap().reference, "MOJ-2027-042");
    // A link in the address bar wins, as always.
    let s = run(
        State::default(),
        [Action::Init {
            stored: None,
            fragment: Some("schedule=sm2017".into()),
            presets: Some(TENDER.into()),
            today: today(),
            schedule: Schedule::Df,
        }],
    );
    assert_eq!(s.answers.schedule, Schedule::Sm2017);
}
