//! The question page's form: what is typed before it is accepted, the draft that shows a
//! saved answer, and turning the draft into an answer or an error for its field.
use super::State;
use security_matrix_core::assessment::flow::Answer;
use security_matrix_core::assessment::questions::{
    number_message, parse_date, parse_number, DatePart, QuestionId, QuestionKind,
};

/// What the user has typed on the current question page, before it is accepted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    /// A number's text, or the chosen option's value.
    pub text: String,
    /// A date's day box.
    pub day: String,
    /// A date's month box.
    pub month: String,
    /// A date's year box.
    pub year: String,
}

/// Which input of a question an edit or an error is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// The number box, or the radios.
    Main,
    /// The day box.
    Day,
    /// The month box.
    Month,
    /// The year box.
    Year,
}

/// An error on the current page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The input to link to and highlight.
    pub field: Field,
    /// Which date boxes to highlight (all three for a whole-date error).
    pub date_part: Option<DatePart>,
    /// The message, shown in the summary and by the field.
    pub message: String,
}

impl State {
    /// The draft that shows a question's saved answer (or a link's rejected value).
    pub(super) fn draft_for(&self, q: QuestionId) -> Draft {
        if let Some((raw, _)) = self.pending.get(&q) {
            if q.question().kind == QuestionKind::Date {
                let mut it = raw.splitn(3, '-');
                let (y, m, d) = (
                    it.next().unwrap_or(""),
                    it.next().unwrap_or(""),
                    it.next().unwrap_or(""),
                );
                return Draft {
                    day: d.into(),
                    month: m.into(),
                    year: y.into(),
                    ..Draft::default()
                };
            }
            return Draft {
                text: raw.clone(),
                ..Draft::default()
            };
        }
        match self.answers.get(q) {
            Some(Answer::Number(n)) => Draft {
                text: n.to_string(),
                ..Draft::default()
            },
            Some(Answer::YesNo(b)) => Draft {
                text: (if *b { "yes" } else { "no" }).into(),
                ..Draft::default()
            },
            Some(Answer::Choice(c)) => Draft {
                text: (*c).into(),
                ..Draft::default()
            },
            Some(Answer::Date(d)) => {
                use chrono::Datelike;
                Draft {
                    day: d.day().to_string(),
                    month: d.month().to_string(),
                    year: d.year().to_string(),
                    ..Draft::default()
                }
            }
            Some(Answer::Skipped) | None => Draft::default(),
        }
    }

    pub(super) fn accept(&mut self, q: QuestionId) -> Result<Answer, FieldError> {
        let question = q.question();
        let main = |message: String| FieldError {
            field: Field::Main,
            date_part: None,
            message,
        };
        match question.kind {
            QuestionKind::Count | QuestionKind::Money | QuestionKind::Months => {
                parse_number(&self.draft.text, question.kind)
                    .map(Answer::Number)
                    .map_err(|e| main(number_message(question, e)))
            }
            QuestionKind::YesNo => match self.draft.text.as_str() {
                "yes" => Ok(Answer::YesNo(true)),
                "no" => Ok(Answer::YesNo(false)),
                _ => Err(main(format!("Select {}", question.noun))),
            },
            QuestionKind::Choice => question
                .options
                .iter()
                .find(|o| o.value == self.draft.text)
                .map(|o| Answer::Choice(o.value))
                .ok_or_else(|| main(format!("Select {}", question.noun))),
            QuestionKind::Date => match parse_date(
                question,
                &self.draft.day,
                &self.draft.month,
                &self.draft.year,
            ) {
                Ok(Some(d)) => Ok(Answer::Date(d)),
                Ok(None) if question.optional => Ok(Answer::Skipped),
                Ok(None) => Err(FieldError {
                    field: Field::Day,
                    date_part: Some(DatePart::All),
                    message: format!("Enter {}", question.noun),
                }),
                Err(e) => Err(FieldError {
                    field: match e.part {
                        DatePart::Month => Field::Month,
                        DatePart::Year => Field::Year,
                        _ => Field::Day,
                    },
                    date_part: Some(e.part),
                    message: e.message,
                }),
            },
        }
    }
}
