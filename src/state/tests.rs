//! The reducer's tests: the question flow, links and errors (what is kept, in `persist.rs`).
mod contracts;
mod held;
mod merge;
mod persist;
mod presets;
mod saving;
mod views;

use super::*;
use security_matrix_core::assessment::answers::Path;
use security_matrix_core::assessment::flow::Answer;
use security_matrix_core::file::link::from_fragment;
use security_matrix_core::view::View;
use security_matrix_core::Level;
use std::rc::Rc;
use yew::Reducible;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn run(state: State, actions: impl IntoIterator<Item = Action>) -> State {
    let mut s = Rc::new(state);
    for a in actions {
        s = s.reduce(a);
    }
    (*s).clone()
}

fn init(fragment: Option<&str>, stored: Option<&str>) -> State {
    run(
        State::default(),
        [Action::Init {
            stored: stored.map(String::from),
            fragment: fragment.map(String::from),
            presets: None,
            today: today(),
            schedule: Schedule::Df,
        }],
    )
}

fn answer(text: &str) -> [Action; 2] {
    [Action::Input(Field::Main, text.into()), Action::Continue]
}

#[test]
fn a_full_walk_of_the_df_schedule() {
    let mut s = run(init(None, None), [Action::Start]);
    assert_eq!(s.page, Page::Question(QuestionId::Subjects));
    for text in ["1,500", "0", "£45k", "18", "no", "no"] {
        s = run(s, answer(text));
    }
    assert_eq!(s.page, Page::Question(QuestionId::Commencement));
    s = run(
        s,
        [
            Action::Input(Field::Day, "4".into()),
            Action::Input(Field::Month, "1".into()),
            Action::Input(Field::Year, "2027".into()),
            Action::Continue,
        ],
    );
    // S5: the certification route, then hosting.
    assert_eq!(s.page, Page::Question(QuestionId::Route));
    s = run(s, answer("b"));
    assert_eq!(s.page, Page::Question(QuestionId::Hosting));
    s = run(s, answer("no"));
    assert_eq!(s.page, Page::Check);
    s = run(s, [Action::ShowResult]);
    assert_eq!(s.page, Page::Result(View::Summary));
    let df = s.answers.df().unwrap();
    assert_eq!((df.subjects, df.value, df.months), (1_500, 45_000, 18));
    assert_eq!((df.route, df.hosting), (Some(Path::B), Some(false)));
    assert_eq!(security_matrix_core::assess(&df).level, Level::S5);
}

#[test]
fn a_wrong_answer_shows_its_error_and_keeps_the_others() {
    let s = run(init(None, None), [Action::Start]);
    let s = run(s, answer("12"));
    let s = run(s, answer("2.5"));
    assert_eq!(s.page, Page::Question(QuestionId::Special));
    assert_eq!(s.errors.len(), 1);
    assert!(s.errors[0].message.ends_with("must be a whole number"));
    assert_eq!(s.draft.text, "2.5", "what was typed stays in the box");
    assert_eq!(
        s.answers.get(QuestionId::Subjects),
        Some(&Answer::Number(12))
    );
    assert_eq!(s.title(), "Error: How many of those people's data includes special category data? – Work out your security level");
    let s = run(s, [Action::Continue]);
    assert!(!s.errors.is_empty());
    let s = run(s, [Action::Back]);
    assert_eq!(
        (s.page, s.draft.text.as_str()),
        (Page::Question(QuestionId::Subjects), "12")
    );
    assert!(s.errors.is_empty());
}

#[test]
fn change_from_check_answers_returns_to_the_summary() {
    let s = init(
        Some("schedule=df&subjects=50&special=0&value=1000&months=6&access=no"),
        None,
    );
    assert_eq!(s.page, Page::Result(View::Summary));
    let s = run(
        s,
        [Action::ChangeAnswers, Action::Change(QuestionId::Months)],
    );
    assert_eq!(s.draft.text, "6");
    let s = run(s, answer("30"));
    // 30 months is S6: the route and hosting questions now matter, so they are asked.
    assert_eq!(s.page, Page::Question(QuestionId::Route));
    let s = run(s, answer("a"));
    assert_eq!(s.page, Page::Question(QuestionId::Hosting));
    let s = run(s, answer("unsure"));
    assert_eq!(s.page, Page::Check);
    let df = s.answers.df().unwrap();
    assert_eq!((df.months, df.route, df.hosting), (30, Some(Path::A), None));
    // Back to S1: they are not used, and not asked; up again, their answers are kept.
    let s = run(s, [Action::Change(QuestionId::Months)]);
    let s = run(s, answer("6"));
    assert_eq!(s.page, Page::Check);
    assert_eq!(s.answers.df().unwrap().route, None);
    let s = run(s, [Action::Change(QuestionId::Months)]);
    let s = run(s, answer("30"));
    assert_eq!(s.page, Page::Check);
    assert_eq!(s.answers.df().unwrap().route, Some(Path::A));
    // A change that opens a new question asks it first, then returns to the summary.
    let s = run(s, [Action::Change(QuestionId::Special)]);
    let s = run(s, answer("5"));
    assert_eq!(s.page, Page::Question(QuestionId::Professional));
    let s = run(s, answer("yes"));
    assert_eq!(s.page, Page::Check);
}

#[test]
fn links_complete_incomplete_and_invalid() {
    let s = init(Some("schedule=df&subjects=10&value=45k"), None);
    assert_eq!(s.page, Page::Question(QuestionId::Special));
    let s = init(
        Some("schedule=df&subjects=10&special=0&value=-5&months=6&access=no"),
        None,
    );
    assert_eq!(s.page, Page::Question(QuestionId::Value));
    assert_eq!(s.draft.text, "-5");
    assert!(s.errors[0].message.ends_with("must be 0 or more"));
    let s = run(s, answer("5000"));
    assert_eq!(s.page, Page::Check);
    let s = init(
        Some("schedule=sm2017&effective=2026-09-31&own_devices=no"),
        None,
    );
    assert_eq!(s.page, Page::Question(QuestionId::Effective));
    assert_eq!(
        (
            s.draft.day.as_str(),
            s.draft.month.as_str(),
            s.draft.year.as_str()
        ),
        ("31", "09", "2026")
    );
    // A fragment with nothing of ours in it is ignored.
    assert_eq!(init(Some("top"), None).page, Page::Start);
}

#[test]
fn optional_dates_can_be_skipped_and_start_again_clears_all() {
    let s = init(Some("schedule=df&subjects=10&special=0&value=1&months=1&access=no&other_subjects=5&other_special=0&current_level=S1"), None);
    assert_eq!(s.page, Page::Result(View::Summary));
    let s = run(
        s,
        [
            Action::ChangeAnswers,
            Action::Change(QuestionId::Commencement),
            Action::Skip,
        ],
    );
    assert_eq!(s.page, Page::Check);
    assert_eq!(
        s.answers.get(QuestionId::Commencement),
        Some(&Answer::Skipped)
    );
    let s = run(s, [Action::StartAgain]);
    assert_eq!(s.page, Page::Start);
    assert_eq!(s.answers, Answers::new(Schedule::Df));
    assert_eq!(s.today, Some(today()));
}

#[test]
fn yes_no_choice_and_date_errors() {
    let s = init(Some("schedule=sm2017"), None);
    assert_eq!(
        s.page,
        Page::Question(QuestionId::OwnDevices),
        "the effective date is optional"
    );
    assert_eq!(s.page_change, 0, "opening a link does not move focus");
    let s = run(s, [Action::Continue]);
    assert_eq!(
        s.errors[0].message,
        "Select whether your staff will use their own computers"
    );
    assert_eq!(s.page_change, 1);
    let s = run(s, answer("yes"));
    let s = run(s, [Action::Continue]);
    assert_eq!(s.errors[0].message, "Select the highest protective marking");
    let s = run(s, answer("official-sensitive"));
    assert_eq!(
        s.page,
        Page::Question(QuestionId::LongTerm),
        "OFFICIAL-SENSITIVE: long-term access decides the verdict (CIO ¶4)"
    );
    let s = run(s, [Action::Continue]);
    assert_eq!(
        s.errors[0].message,
        "Select whether you need long-term access to OFFICIAL-SENSITIVE data"
    );
    let s = run(s, answer("no"));
    assert_eq!(s.page, Page::Question(QuestionId::Bulk));
    let s = run(s, [Action::Back, Action::Back, Action::Back, Action::Back]);
    assert_eq!(s.page, Page::Question(QuestionId::Effective));
    let s = run(
        s,
        [
            Action::Input(Field::Day, "31".into()),
            Action::Input(Field::Month, "2".into()),
            Action::Input(Field::Year, "2027".into()),
            Action::Continue,
        ],
    );
    assert_eq!(s.errors[0].field, Field::Day);
    assert_eq!(s.errors[0].message, "Effective Date must be a real date");
    let s = run(
        s,
        [
            Action::Input(Field::Year, "27".into()),
            Action::Input(Field::Day, "1".into()),
            Action::Continue,
        ],
    );
    assert_eq!(
        (s.errors[0].field, s.errors[0].message.as_str()),
        (Field::Year, "Year must include 4 numbers")
    );
}

#[test]
fn the_start_page_schedule_choice() {
    let s = run(
        init(None, None),
        [Action::ChooseSchedule(Schedule::Sm2017), Action::Start],
    );
    assert_eq!(s.page, Page::Question(QuestionId::Effective));
    let s = run(s, [Action::Back]);
    assert_eq!(s.page, Page::Start);
    let s = run(s, [Action::ChooseSchedule(Schedule::Df), Action::Start]);
    assert_eq!(s.page, Page::Question(QuestionId::Subjects));
}

#[test]
fn a_start_pressed_on_the_pre_rendered_page_is_acted_on_when_the_app_takes_over() {
    let take = |schedule, start| Action::TakeOver { schedule, start };
    // Chose the 2017 schedule and pressed Start before the app was ready.
    let s = run(init(None, None), [take(Schedule::Sm2017, true)]);
    assert_eq!(s.answers.schedule, Schedule::Sm2017);
    assert!(matches!(s.page, Page::Question(_)), "{:?}", s.page);
    assert_eq!(
        s.page_change, 1,
        "a page change: focus moves to the question"
    );
    // Only chose: still on the start page, with the choice.
    let s = run(init(None, None), [take(Schedule::Sm2017, false)]);
    assert_eq!(
        (s.page, s.answers.schedule),
        (Page::Start, Schedule::Sm2017)
    );
    assert_eq!(
        s.default_schedule,
        Schedule::Df,
        "Start again still means the host's default"
    );
    // A link's answers are never touched by it.
    let linked = init(Some("schedule=df&subjects=3000"), None);
    assert_eq!(run(linked.clone(), [take(Schedule::Sm2017, true)]), linked);
    // Nor a stored session's (a question page in the middle of the walk).
    let walked = run(init(None, None), [Action::Start]);
    let stored = walked.to_storage();
    let restored = init(None, Some(&stored));
    assert_eq!(restored.page, Page::Question(QuestionId::Subjects));
    assert_eq!(
        run(restored.clone(), [take(Schedule::Sm2017, true)]),
        restored
    );
}

#[test]
fn the_answer_link_keys_are_exactly_what_a_link_is_recognised_by() {
    let keys = answer_link_keys();
    for key in &keys.keys {
        assert!(is_answer_link(&format!("{key}=1")), "{key}");
    }
    for field in &keys.contract_fields {
        for n in [1, 9, 10, keys.max_contracts] {
            assert!(is_answer_link(&format!("c{n}_{field}=1")), "c{n}_{field}");
            assert!(is_answer_link(&format!("C{n}_{}=1", field.to_uppercase())));
        }
        for bad in [0, keys.max_contracts + 1] {
            assert!(
                !is_answer_link(&format!("c{bad}_{field}=1")),
                "c{bad}_{field}"
            );
        }
        assert!(!is_answer_link(&format!("c01_{field}=1")));
    }
    for anchor in ["main", "top=1", "view=plan", "c1_colour=red"] {
        assert!(!is_answer_link(anchor), "{anchor}");
    }
    assert!(keys.keys.contains(&"schedule") && keys.keys.contains(&"subjects"));
}

#[test]
fn the_widget_starts_in_the_state_init_gives() {
    let boot = |fragment: Option<&str>, stored: Option<&str>| Boot {
        stored: stored.map(String::from),
        fragment: fragment.map(String::from),
        presets: None,
        today: today(),
    };
    let link = "schedule=df&subjects=3000";
    let started = State::started(&boot(Some(link), None), Schedule::Df);
    assert_eq!(started, init(Some(link), None));
    assert_eq!(started.page, Page::Question(QuestionId::Special));
    assert!(started.ready);
    let stored = run(init(None, None), [Action::Start]).to_storage();
    assert_eq!(
        State::started(&boot(None, Some(&stored)), Schedule::Df),
        init(None, Some(&stored))
    );
    assert_eq!(
        State::started(&boot(None, None), Schedule::Df).page,
        Page::Start
    );
}
