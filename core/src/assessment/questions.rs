//! The questions (from `data/questions.toml`), and the parsing of what users type
//! (`questions/parse.rs`: numbers as people write them, dates in three boxes).
mod parse;
#[cfg(test)]
mod tests;

pub use parse::{
    max_for, number_message, parse_date, parse_number, DateError, DatePart, NumberError,
};

use crate::assessment::schedule::Schedule as QuestionSchedule;
use crate::id_map::Id;
use std::fmt;

/// A question's identity; the flow logic refers to questions by these.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum QuestionId {
    /// Data subjects in this Call-Off Contract.
    Subjects,
    /// Special category data subjects in this Call-Off Contract.
    Special,
    /// The recipient is a professional with a duty of confidentiality.
    Professional,
    /// Value of the services.
    Value,
    /// Duration in months.
    Months,
    /// Access to MoJ systems.
    Access,
    /// Other Call-Off Contracts under the Framework: yes or no.
    Other,
    /// Data subjects in the other contracts.
    OtherSubjects,
    /// Special category data subjects in the other contracts.
    OtherSpecial,
    /// The level currently applied to the other contracts.
    CurrentLevel,
    /// The Call-Off Commencement Date (optional).
    Commencement,
    /// How the certification requirements will be met at S3–S6: route (a), (b) or not
    /// decided (optional).
    Route,
    /// Whether the Supplier will host Customer Data, at S5–S6 (optional).
    Hosting,
    /// The 2017 Effective Date (optional).
    Effective,
    /// Staff use their own computers (2017, CIO policy).
    OwnDevices,
    /// Highest protective marking (2017).
    Marking,
    /// Access to large volumes of data (2017).
    Bulk,
    /// Long-term access to OFFICIAL-SENSITIVE data (2017, CIO ¶4).
    LongTerm,
}

impl QuestionId {
    /// Every id, in the order of the enum (a test checks it against [`QUESTIONS`]).
    pub const ALL: [QuestionId; 18] = [
        QuestionId::Subjects,
        QuestionId::Special,
        QuestionId::Professional,
        QuestionId::Value,
        QuestionId::Months,
        QuestionId::Access,
        QuestionId::Other,
        QuestionId::OtherSubjects,
        QuestionId::OtherSpecial,
        QuestionId::CurrentLevel,
        QuestionId::Commencement,
        QuestionId::Route,
        QuestionId::Hosting,
        QuestionId::Effective,
        QuestionId::OwnDevices,
        QuestionId::Marking,
        QuestionId::Bulk,
        QuestionId::LongTerm,
    ];

    /// The key used in links, storage and page addresses ("subjects", "other_special" …).
    pub fn key(self) -> &'static str {
        match self {
            QuestionId::Subjects => "subjects",
            QuestionId::Special => "special",
            QuestionId::Professional => "professional",
            QuestionId::Value => "value",
            QuestionId::Months => "months",
            QuestionId::Access => "access",
            QuestionId::Other => "other",
            QuestionId::OtherSubjects => "other_subjects",
            QuestionId::OtherSpecial => "other_special",
            QuestionId::CurrentLevel => "current_level",
            QuestionId::Commencement => "commencement",
            QuestionId::Route => "route",
            QuestionId::Hosting => "hosting",
            QuestionId::Effective => "effective",
            QuestionId::OwnDevices => "own_devices",
            QuestionId::Marking => "marking",
            QuestionId::Bulk => "bulk",
            QuestionId::LongTerm => "long_term",
        }
    }

    /// The id for a key.
    pub fn from_key(key: &str) -> Option<QuestionId> {
        // (Not through `QUESTIONS`: a link's keys are told apart without the questions'
        // words, which the start page's module then leaves to the pages' module.)
        QuestionId::ALL.into_iter().find(|id| id.key() == key)
    }

    /// The question's words.
    pub fn question(self) -> &'static Question {
        QUESTIONS
            .iter()
            .find(|q| q.id == self)
            .expect("every QuestionId has a question (checked at build time)")
    }
}

/// What kind of answer a question takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuestionKind {
    /// A whole number, 0 or more.
    Count,
    /// Whole pounds.
    Money,
    /// Whole months, 1 or more.
    Months,
    /// Yes or no.
    YesNo,
    /// One of the options.
    Choice,
    /// A date as day, month and year.
    Date,
}

/// One option of a choice question.
#[derive(Debug, PartialEq, Eq)]
pub struct QuestionOption {
    /// The value stored and used in links.
    pub value: &'static str,
    /// What the user sees.
    pub label: &'static str,
}

/// A question, one per page.
#[derive(Debug, PartialEq, Eq)]
pub struct Question {
    /// Identity.
    pub id: QuestionId,
    /// The schedule that asks it.
    pub schedule: QuestionSchedule,
    /// The kind of answer.
    pub kind: QuestionKind,
    /// The page heading: the question itself.
    pub heading: &'static str,
    /// Hint text in plain English.
    pub hint: &'static str,
    /// Short name for the check-answers page.
    pub label: &'static str,
    /// How error messages name the answer.
    pub noun: &'static str,
    /// The page may be skipped.
    pub optional: bool,
    /// The options of a choice question.
    pub options: &'static [QuestionOption],
}

include!(concat!(env!("OUT_DIR"), "/questions.rs"));

/// The questions, numbered in their declaration order.
impl Id for QuestionId {
    fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for QuestionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}
