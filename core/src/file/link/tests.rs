//! The link's unit tests, and the flow's sequence as links give it.
use super::*;
use crate::assessment::flow::Answer;
use crate::assessment::level::Level;
use crate::assessment::questions::QuestionId;
use crate::assessment::schedule::Schedule;
use chrono::NaiveDate;
use QuestionId::*;

#[test]
fn dates_are_written_by_chrono_as_iso_8601() {
    let d = NaiveDate::from_ymd_opt(2027, 1, 4).unwrap();
    assert_eq!(d.to_string(), "2027-01-04");
    assert_eq!(Answer::Date(d).value_text(), "2027-01-04");
    // Years outside 0–9999 get a sign, as ISO 8601's expanded years do.
    assert_eq!(
        NaiveDate::from_ymd_opt(10_000, 1, 1).unwrap().to_string(),
        "+10000-01-01"
    );
    assert_eq!(
        NaiveDate::from_ymd_opt(-1, 12, 31).unwrap().to_string(),
        "-0001-12-31"
    );
}

fn df_link(s: &str) -> LinkAnswers {
    from_fragment(s)
}

#[test]
fn a_complete_link_gives_complete_answers_and_round_trips() {
    let f = "#schedule=df&subjects=3000&special=0&value=200000&months=18&access=no&commencement=2027-01-04";
    let l = df_link(f);
    assert!(l.errors.is_empty(), "{:?}", l.errors);
    assert!(l.answers.is_complete());
    let df = l.answers.df().unwrap();
    assert_eq!(
        (df.subjects, df.special, df.value, df.months, df.access),
        (3000, 0, 200_000, 18, false)
    );
    assert_eq!(df.commencement, NaiveDate::from_ymd_opt(2027, 1, 4));
    assert_eq!(df.other, None);
    assert_eq!(l.answers.to_fragment(), f.trim_start_matches('#'));
    assert_eq!(from_fragment(&l.answers.to_fragment()).answers, l.answers);
}

#[test]
fn other_contracts_and_professional_follow_the_answers() {
    // The old keys without the level: one contract, half filled, to be completed on its page.
    let l = df_link("schedule=df&subjects=50&special=0&value=1000&months=6&access=no&other_subjects=10&other_special=3");
    assert_eq!(l.answers.get(Other), Some(&Answer::YesNo(true)));
    assert_eq!(l.contract_errors.len(), 1);
    assert_eq!(l.contract_errors[0].draft.subjects, "10");
    assert_eq!(l.answers.first_unanswered(), Some(Other));
    let l = df_link("schedule=df&subjects=50&special=0&value=1000&months=6&access=no&other_subjects=10&other_special=3&current_level=S2");
    let mut a = l.answers.clone();
    // Aggregate special category data is above 0: the professional question applies.
    assert_eq!(a.first_unanswered(), Some(Professional));
    a.set(Professional, Answer::YesNo(true));
    // Special category data with a professional recipient is S3: the route comes next.
    assert_eq!(a.first_unanswered(), Some(Route));
    a.set(Route, Answer::Choice("a"));
    let df = a.df().unwrap();
    assert_eq!(df.professional, Some(true));
    assert_eq!(df.route, Some(crate::assessment::answers::Path::A));
    assert_eq!(df.other.unwrap().current_level(), Some(Level::S2));
    // "Copy link" writes the new keys.
    assert!(a.to_fragment().contains(
        "access=no&c1_customer=your+other+Customers&c1_subjects=10&c1_special=3&c1_level=S2&professional=yes&route=a"
    ), "{}", a.to_fragment());
}

#[test]
fn an_incomplete_link_names_the_first_unanswered_question() {
    let l = df_link("schedule=df&subjects=10&value=45k");
    assert!(l.errors.is_empty());
    assert_eq!(l.answers.first_unanswered(), Some(Special));
    assert_eq!(l.answers.get(Value), Some(&Answer::Number(45_000)));
    let l = df_link("");
    assert_eq!(l.answers.schedule, Schedule::Df);
    assert_eq!(l.answers.first_unanswered(), Some(Subjects));
}

#[test]
fn invalid_values_are_errors_and_the_rest_is_kept() {
    let l = df_link("schedule=df&subjects=-4&special=0&value=12.5&months=18&access=maybe&commencement=2027-02-30&colour=blue");
    let qs: Vec<_> = l.errors.iter().map(|e| e.question).collect();
    assert_eq!(qs, [Subjects, Value, Access, Commencement]);
    assert_eq!(l.errors[0].raw, "-4");
    assert!(l.errors[0].message.ends_with("must be 0 or more"));
    assert!(l.errors[1].message.ends_with("must be in whole pounds"));
    assert!(l.errors[3].message.ends_with("must be a real date"));
    assert_eq!(l.answers.get(Months), Some(&Answer::Number(18)));
    assert_eq!(l.unknown_keys, ["colour"]);
}

#[test]
fn percent_encoded_values_are_read() {
    let l = df_link("schedule=df&subjects=1%2C500&value=%C2%A345%2C000&months=2+years");
    assert_eq!(l.answers.get(Subjects), Some(&Answer::Number(1_500)));
    assert_eq!(l.answers.get(Value), Some(&Answer::Number(45_000)));
    assert_eq!(l.answers.get(Months), Some(&Answer::Number(24)));
    // An escape at the very end is read; `%+1`, `%4` and `%zz` are no escapes and stay.
    let l = df_link("schedule=df&special=1%2C5&subjects=%+1&value=%4&months=%zz");
    assert_eq!(l.answers.get(Special), Some(&Answer::Number(15)));
    let raws: Vec<&str> = l.errors.iter().map(|e| e.raw.as_str()).collect();
    assert_eq!(raws, ["% 1", "%4", "%zz"]);
    // Keys are escaped too, and any case.
    let l = df_link("schedule=df&%53ubjects=7&VALUE=8");
    assert_eq!(l.answers.get(Subjects), Some(&Answer::Number(7)));
    assert_eq!(l.answers.get(Value), Some(&Answer::Number(8)));
}

#[test]
fn the_2017_schedule_asks_marking_and_bulk_only_for_own_devices() {
    let l = from_fragment("schedule=sm2017&effective=2026-09-01&own_devices=no");
    assert!(l.answers.is_complete());
    let sm = l.answers.sm().unwrap();
    assert!(!sm.own_devices && sm.marking.is_none() && sm.long_term.is_none());
    let l = from_fragment("schedule=sm2017&own_devices=yes&marking=official-sensitive");
    assert_eq!(l.answers.first_unanswered(), Some(LongTerm));
    assert_eq!(l.answers.get(Effective), Some(&Answer::Skipped));
    let l = from_fragment(
        "schedule=sm2017&own_devices=yes&marking=official-sensitive&long_term=yes&bulk=no",
    );
    assert_eq!(l.answers.sm().unwrap().long_term, Some(true));
    assert!(
        l.answers.to_fragment().contains("long_term=yes"),
        "Copy link keeps it: {}",
        l.answers.to_fragment()
    );
    // OFFICIAL data: the long-term question is not asked, and a stray key is ignored.
    let l = from_fragment("schedule=sm2017&own_devices=yes&marking=official&long_term=yes&bulk=no");
    assert_eq!(l.answers.sm().unwrap().long_term, None);
    let l = from_fragment("schedule=sm2017&own_devices=yes&marking=secret&bulk=no");
    assert_eq!(l.errors[0].question, Marking);
}

#[test]
fn back_and_next_follow_the_sequence() {
    let mut a = Answers::new(Schedule::Df);
    assert_eq!(a.previous(Subjects), None);
    assert_eq!(a.next_after(Subjects), Some(Special));
    a.set(Special, Answer::Number(2));
    assert_eq!(a.next_after(Special), Some(Professional));
    assert_eq!(a.previous(Value), Some(Professional));
    a.set(Special, Answer::Number(0));
    assert_eq!(a.next_after(Special), Some(Value));
}

#[test]
fn display_values_for_check_answers() {
    let mut a = Answers::new(Schedule::Df);
    a.set(Subjects, Answer::Number(3000));
    a.set(Value, Answer::Number(45_000));
    a.set(Months, Answer::Number(1));
    a.set(CurrentLevel, Answer::Choice("none"));
    a.set(
        Commencement,
        Answer::Date(NaiveDate::from_ymd_opt(2027, 1, 4).unwrap()),
    );
    assert_eq!(a.display(Subjects), "3,000");
    assert_eq!(a.display(Value), "£45,000");
    assert_eq!(a.display(Months), "1 month");
    assert_eq!(a.display(CurrentLevel), "None has been set");
    assert_eq!(a.display(Commencement), "4 January 2027");
    assert_eq!(a.display(Access), "Not answered");
}
