//! The questions' unit tests: the data, the number and date parsers.
use super::parse::fold_case;
use super::*;
use chrono::NaiveDate;

#[test]
fn fold_case_agrees_with_to_lowercase_wherever_the_parsers_could_tell() {
    // The parsers accept only ASCII and these; any other character fails them.
    let accepted = |s: &str| {
        s.chars()
            .all(|c| c.is_ascii() || "£\u{2212}\u{a0}".contains(c))
    };
    for c in char::MIN..=char::MAX {
        let (folded, lower) = (fold_case(&c.to_string()), c.to_lowercase().to_string());
        if accepted(&folded) || accepted(&lower) {
            assert_eq!(folded, lower, "U+{:04X}", c as u32);
        }
    }
    assert_eq!(count("5\u{212a}"), Ok(5_000));
    assert_eq!(count("5 THOUSAND"), Ok(5_000));
}

#[test]
fn labels_have_no_case_outside_ascii() {
    // The check-answers page lower-cases labels with `to_ascii_lowercase`.
    for q in QUESTIONS {
        assert_eq!(
            q.label.to_ascii_lowercase(),
            q.label.to_lowercase(),
            "{}",
            q.label
        );
    }
}

fn count(s: &str) -> Result<u64, NumberError> {
    parse_number(s, QuestionKind::Count)
}

#[test]
fn numbers_as_people_write_them() {
    assert_eq!(count("1,000"), Ok(1_000));
    assert_eq!(count(" 2 500 "), Ok(2_500));
    assert_eq!(count("45k"), Ok(45_000));
    assert_eq!(count("1.2m"), Ok(1_200_000));
    assert_eq!(count("1.5K"), Ok(1_500));
    assert_eq!(count("0"), Ok(0));
    assert_eq!(count("-0"), Ok(0));
    assert_eq!(parse_number("£45,000", QuestionKind::Money), Ok(45_000));
    assert_eq!(parse_number("£45k", QuestionKind::Money), Ok(45_000));
    assert_eq!(parse_number("£1.2m", QuestionKind::Money), Ok(1_200_000));
    assert_eq!(parse_number("45000.00", QuestionKind::Money), Ok(45_000));
    assert_eq!(parse_number("18 months", QuestionKind::Months), Ok(18));
    assert_eq!(parse_number("2 years", QuestionKind::Months), Ok(24));
    assert_eq!(parse_number("1.5 years", QuestionKind::Months), Ok(18));
}

#[test]
fn each_mistake_has_its_own_error() {
    assert_eq!(count(""), Err(NumberError::Empty));
    assert_eq!(count("   "), Err(NumberError::Empty));
    assert_eq!(count("lots"), Err(NumberError::NotANumber));
    assert_eq!(count("12abc"), Err(NumberError::NotANumber));
    assert_eq!(count("1.2.3"), Err(NumberError::NotANumber));
    assert_eq!(count("£5"), Err(NumberError::NotANumber));
    assert_eq!(count("-5"), Err(NumberError::Negative));
    assert_eq!(count("−5"), Err(NumberError::Negative));
    assert_eq!(count("2.5"), Err(NumberError::Fraction));
    assert_eq!(count("1.2345k"), Err(NumberError::Fraction));
    assert_eq!(
        parse_number("£45,000.50", QuestionKind::Money),
        Err(NumberError::Fraction)
    );
    assert_eq!(
        parse_number("0", QuestionKind::Months),
        Err(NumberError::TooSmall)
    );
    assert_eq!(
        parse_number("1.5", QuestionKind::Months),
        Err(NumberError::Fraction)
    );
    assert_eq!(count("2bn"), Err(NumberError::TooLarge));
    assert_eq!(count("99999999999999999999"), Err(NumberError::NotANumber));
    assert_eq!(
        parse_number("1201", QuestionKind::Months),
        Err(NumberError::TooLarge)
    );
}

#[test]
fn messages_name_the_answer() {
    let q = QuestionId::Subjects.question();
    assert_eq!(
        number_message(q, NumberError::Empty),
        "Enter the number of people"
    );
    assert!(number_message(q, NumberError::Fraction).ends_with("must be a whole number"));
    let v = QuestionId::Value.question();
    assert!(number_message(v, NumberError::Fraction).ends_with("must be in whole pounds"));
    assert!(number_message(v, NumberError::TooLarge).contains("£100,000,000,000"));
}

#[test]
fn dates_typed_in_three_boxes() {
    let q = QuestionId::Commencement.question();
    let ok = |d, m, y| parse_date(q, d, m, y).unwrap();
    assert_eq!(ok("4", "1", "2027"), NaiveDate::from_ymd_opt(2027, 1, 4));
    assert_eq!(ok("04", "jan", "2027"), NaiveDate::from_ymd_opt(2027, 1, 4));
    assert_eq!(
        ok(" 29 ", "2", "2028"),
        NaiveDate::from_ymd_opt(2028, 2, 29)
    );
    assert_eq!(ok("", "", ""), None);
    let bad = |d, m, y| parse_date(q, d, m, y).unwrap_err();
    assert_eq!(bad("", "1", "2027").part, DatePart::Day);
    assert!(bad("", "1", "2027").message.ends_with("must include a day"));
    assert!(bad("4", "", "")
        .message
        .ends_with("must include a month and a year"));
    assert_eq!(
        bad("29", "2", "2027").message,
        "Call-Off Commencement Date must be a real date"
    );
    assert_eq!(bad("1", "13", "2027").part, DatePart::Month);
    assert_eq!(bad("1", "1", "27").message, "Year must include 4 numbers");
    assert_eq!(bad("x", "1", "2027").part, DatePart::All);
    assert!(bad("1", "1", "2200")
        .message
        .contains("between 1990 and 2100"));
}

#[test]
fn every_question_is_in_the_data_with_a_key_round_trip() {
    for q in QUESTIONS {
        assert_eq!(QuestionId::from_key(q.id.key()), Some(q.id));
        assert!(std::ptr::eq(q.id.question(), q));
    }
    assert_eq!(QuestionId::from_key("nope"), None);
}

#[test]
fn every_id_is_in_all_once_and_has_its_question() {
    // (Each id is in `ALL` once and every question's id is there: `ALL` holds every
    // question, and `from_key` finds each one by its key.)
    let mut all = QuestionId::ALL.to_vec();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), QuestionId::ALL.len(), "no id twice");
    let mut asked: Vec<QuestionId> = QUESTIONS.iter().map(|q| q.id).collect();
    asked.sort();
    assert_eq!(asked, all, "the questions and ALL hold the same ids");
    for id in QuestionId::ALL {
        assert_eq!(QuestionId::from_key(id.key()), Some(id));
    }
    assert_eq!(QuestionId::from_key("not_a_question"), None);
}
