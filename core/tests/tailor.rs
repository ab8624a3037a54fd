//! Issue 14, "Tailor the duties": the certification route (asked at S3–S6) and hosting
//! (asked at S5–S6), from the questions they add to the duties they leave out.
use chrono::NaiveDate;
use security_matrix_core::assessment::answers::Path;
use security_matrix_core::assessment::flow::{Answer, Answers};
use security_matrix_core::assessment::questions::QuestionId::{self, *};
use security_matrix_core::dates::plan::EventDates;
use security_matrix_core::duties::Condition;
use security_matrix_core::file::link::from_fragment;
use security_matrix_core::file::savefile::{from_json, to_json, Document};
use security_matrix_core::report::{df_report, DfReport};
use security_matrix_core::{assess, Level};

/// The questions that decide the level, one link per level.
const LEVELS: [(Level, &str); 6] = [
    (
        Level::S1,
        "subjects=5&special=0&value=1000&months=6&access=no",
    ),
    (
        Level::S2,
        "subjects=50&special=0&value=40000&months=6&access=no",
    ),
    (
        Level::S3,
        "subjects=500&special=0&value=60000&months=6&access=no",
    ),
    (
        Level::S4,
        "subjects=500&special=0&value=60000&months=6&access=yes",
    ),
    (
        Level::S5,
        "subjects=1500&special=0&value=45000&months=18&access=no",
    ),
    (
        Level::S6,
        "subjects=3000&special=0&value=45000&months=18&access=no",
    ),
];

fn link(level: Level, extra: &str) -> Answers {
    let core = LEVELS.iter().find(|(l, _)| *l == level).unwrap().1;
    let l = from_fragment(&format!(
        "schedule=df&{core}&commencement=2027-01-04{extra}"
    ));
    assert!(l.errors.is_empty(), "{:?}", l.errors);
    l.answers
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn report(a: &Answers) -> DfReport {
    df_report(&a.df().expect("complete"), &EventDates::new(), today())
}

/// The selected duty with this reference, with its open conditions.
fn duty(r: &DfReport, reference: &str) -> Option<Vec<Condition>> {
    r.groups
        .iter()
        .flat_map(|g| &g.items)
        .find(|s| s.obligation.reference == reference)
        .map(|s| s.open_conditions.clone())
}

fn has_condition(r: &DfReport, c: Condition) -> bool {
    r.groups
        .iter()
        .flat_map(|g| &g.items)
        .any(|s| s.obligation.when.contains(&c))
}

#[test]
fn route_is_asked_at_s3_to_s6_and_hosting_at_s5_and_s6_after_the_date() {
    for (level, core) in LEVELS {
        // As a walk gives them: every question that decides the level, then the date.
        let mut a = from_fragment(&format!("schedule=df&{core}")).answers;
        for q in [Commencement, Route, Hosting] {
            a.clear(q);
        }
        assert_eq!(assess(&link(level, "").df().unwrap()).level, level);
        assert_eq!(a.first_unanswered(), Some(Commencement), "{level:?}");
        a.set(Commencement, Answer::Skipped);
        let want: Vec<QuestionId> = [(Level::S3, Route), (Level::S5, Hosting)]
            .into_iter()
            .filter(|(from, _)| level >= *from)
            .map(|(_, q)| q)
            .collect();
        let seq = a.sequence();
        assert_eq!(&seq[seq.len() - want.len()..], want.as_slice(), "{level:?}");
        assert_eq!(seq[seq.len() - want.len() - 1], Commencement, "{level:?}");
        assert_eq!(a.first_unanswered(), want.first().copied(), "{level:?}");
        // Before the level is known they are not asked.
        let partial = from_fragment("schedule=df&subjects=3000&special=0&value=45000");
        assert!(!partial.answers.sequence().contains(&Route));
    }
}

#[test]
fn a_link_without_them_is_complete_and_means_not_decided() {
    for (level, _) in LEVELS {
        let a = link(level, "");
        assert!(a.is_complete(), "{level:?}");
        let df = a.df().unwrap();
        assert_eq!((df.route, df.hosting), (None, None), "{level:?}");
        assert!(!a.to_fragment().contains("route") && !a.to_fragment().contains("hosting"));
    }
    // A link that stops before the level leaves them to be asked once it is known.
    let mut a = from_fragment("schedule=df&subjects=3000&special=0&value=45000&months=18").answers;
    assert_eq!(a.get(Route), None);
    a.set(Access, Answer::YesNo(false));
    assert_eq!(a.first_unanswered(), Some(Route));
}

#[test]
fn a_level_change_re_asks_them_only_when_they_now_matter() {
    let mut a = link(Level::S1, "");
    assert!(a.is_complete());
    // Up to S6: both are new in the sequence and unanswered, so asked next.
    a.set(Months, Answer::Number(30));
    assert_eq!(a.first_unanswered(), Some(Route));
    a.set(Route, Answer::Choice("a"));
    assert_eq!(a.first_unanswered(), Some(Hosting));
    a.set(Hosting, Answer::Choice("no"));
    assert!(a.is_complete());
    let df = a.df().unwrap();
    assert_eq!((df.route, df.hosting), (Some(Path::A), Some(false)));
    // Down to S4: hosting leaves the sequence and is not used; the route still applies.
    a.set(Months, Answer::Number(6));
    a.set(Subjects, Answer::Number(500));
    a.set(Value, Answer::Number(60_000));
    a.set(Access, Answer::YesNo(true));
    assert_eq!(assess(&a.df().unwrap()).level, Level::S4);
    assert!(a.is_complete());
    let df = a.df().unwrap();
    assert_eq!((df.route, df.hosting), (Some(Path::A), None));
    assert!(!a.to_fragment().contains("hosting"), "{}", a.to_fragment());
    // Down to S1: neither; back up to S6: the answers given are kept, nothing is re-asked.
    a.set(Access, Answer::YesNo(false));
    a.set(Subjects, Answer::Number(5));
    a.set(Value, Answer::Number(1_000));
    assert_eq!(a.df().unwrap().route, None);
    a.set(Subjects, Answer::Number(3_000));
    assert!(a.is_complete());
    assert_eq!(a.df().unwrap().hosting, Some(false));
}

#[test]
fn the_link_keys_round_trip() {
    for (route, path) in [("a", Some(Path::A)), ("b", Some(Path::B)), ("unsure", None)] {
        for (hosting, hosts) in [("yes", Some(true)), ("no", Some(false)), ("unsure", None)] {
            let extra = format!("&route={route}&hosting={hosting}");
            let a = link(Level::S6, &extra);
            assert!(a.is_complete());
            let df = a.df().unwrap();
            assert_eq!((df.route, df.hosting), (path, hosts), "{extra}");
            let fragment = a.to_fragment();
            assert!(
                fragment.ends_with(&format!("commencement=2027-01-04{extra}")),
                "{fragment}"
            );
            assert_eq!(from_fragment(&fragment).answers, a);
            // Any case, as the other keys.
            let upper = from_fragment(
                &fragment
                    .to_ascii_uppercase()
                    .replace("SCHEDULE=DF", "schedule=df"),
            );
            assert_eq!(upper.answers.df().unwrap().route, path);
        }
    }
    // At S3 hosting is not asked: a key for it is kept but not used, nor written.
    let a = link(Level::S3, "&route=b&hosting=yes");
    assert_eq!(a.df().unwrap().hosting, None);
    assert!(a.to_fragment().ends_with("&route=b"), "{}", a.to_fragment());
    // A value that is not an option is an error, named on the question's page.
    let l = from_fragment(
        "schedule=df&subjects=3000&special=0&value=45000&months=18&access=no&route=c&hosting=maybe",
    );
    let errors: Vec<(QuestionId, &str)> = l
        .errors
        .iter()
        .map(|e| (e.question, e.raw.as_str()))
        .collect();
    assert_eq!(errors, [(Route, "c"), (Hosting, "maybe")]);
    assert!(l.errors[0].message.starts_with("Select how you will meet"));
    assert_eq!(l.answers.first_unanswered(), Some(Route));
}

#[test]
fn check_answers_shows_them_in_words() {
    let a = link(Level::S6, "&route=a&hosting=unsure");
    assert!(a
        .display(Route)
        .starts_with("Route (a): another UK Government security accreditation scheme"));
    assert_eq!(a.display(Hosting), "Not sure yet");
    assert_eq!(
        link(Level::S6, "&route=unsure").display(Route),
        "Not decided yet"
    );
    assert_eq!(link(Level::S6, "").display(Route), "Not given");
}

#[test]
fn the_route_selects_its_duties() {
    let unsure = report(&link(Level::S6, "&route=unsure"));
    assert_eq!(duty(&unsure, "3.6.1(a)"), Some(vec![Condition::PathA]));
    assert_eq!(duty(&unsure, "3.6.1(b)(ii)"), Some(vec![Condition::PathB]));
    assert_eq!(
        report(&link(Level::S6, "")),
        unsure,
        "skipped is not decided"
    );
    let a = report(&link(Level::S6, "&route=a"));
    assert_eq!(duty(&a, "3.6.1(a)"), Some(vec![]));
    assert_eq!(duty(&a, "3.6.1(b)(ii)"), None);
    assert!(!has_condition(&a, Condition::PathB));
    let b = report(&link(Level::S6, "&route=b"));
    assert_eq!(duty(&b, "3.6.1(a)"), None);
    assert_eq!(duty(&b, "3.6.1(b)(ii)"), Some(vec![]));
    assert!(!has_condition(&b, Condition::PathA));
    assert!(a.count() < unsure.count() && b.count() < unsure.count());
    // The same at S3, S4 and S5.
    for (level, reference) in [
        (Level::S3, "3.3.1(b)(i)"),
        (Level::S4, "3.4.1(b)(i)"),
        (Level::S5, "3.5.1(b)(i)"),
    ] {
        assert!(
            duty(&report(&link(level, "&route=b")), reference).is_some(),
            "{level:?}"
        );
        assert_eq!(
            duty(&report(&link(level, "&route=a")), reference),
            None,
            "{level:?}"
        );
    }
}

#[test]
fn hosting_selects_its_duties() {
    let cases = [
        ("yes", Some(true), Some(vec![])),
        ("no", Some(false), None),
        ("unsure", None, Some(vec![Condition::Hosting])),
    ];
    for (hosting, fact, want) in cases {
        let r = report(&link(Level::S5, &format!("&hosting={hosting}")));
        assert_eq!(r.facts.hosting, fact, "{hosting}");
        assert_eq!(duty(&r, "3.5.1(c)"), want, "{hosting}");
    }
    let r = report(&link(Level::S6, "&route=a&hosting=no"));
    assert!(!has_condition(&r, Condition::Hosting));
    assert!(!has_condition(&r, Condition::PathB));
}

#[test]
fn the_save_file_keeps_them() {
    for extra in ["&route=b&hosting=unsure", "&route=a&hosting=no", ""] {
        let doc = Document {
            answers: link(Level::S6, extra),
            ..Document::default()
        };
        let text = to_json(&doc);
        if extra.is_empty() {
            assert!(text.contains("\"route\": \"skip\""), "{text}");
        } else {
            assert!(text.contains("\"route\": \""), "{text}");
        }
        let loaded = from_json(&text).unwrap();
        assert_eq!(loaded.document, doc, "{extra}");
        assert!(loaded.document.answers.is_complete());
        assert_eq!(loaded.message(), None);
    }
    let doc = Document {
        answers: link(Level::S6, "&route=b&hosting=unsure"),
        ..Document::default()
    };
    let text = to_json(&doc);
    assert!(
        text.contains("\"route\": \"b\",\n    \"hosting\": \"unsure\""),
        "{text}"
    );
}
