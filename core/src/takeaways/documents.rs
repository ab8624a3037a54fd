//! The documents a bidder hands over (issue 23), as a model no file format knows about: a
//! [`Document`] is a title, a subject, a language and a list of [`Block`]s (headings of
//! level 1 to 3, paragraphs, quotes, the "How we meet this" placeholder, tables with a
//! header row, page breaks, a contents-list marker). A writer turns it into a file: the
//! `security-matrix-docx` crate writes Word's `.docx`.
//!
//! - [`plans`]: the plans each schedule requires and their contents (`core/data/plans.toml`);
//! - [`plan_draft`]: the draft Information Security Management Plan (DF) or Security
//!   Management Plan (2017);
//! - [`security_response`]: the security response for the Tender Response;
//! - [`letters`]: the ¶1.4 letters to the Customers of the other Call-Off Contracts.
//!
//! What goes in is what the result already has ([`Inputs`]): the answers and the report,
//! the tracker, today's date (passed in, never read here) and the optional title-page
//! details the user typed ([`DocumentDetails`]). Every text the user typed is kept as
//! typed in the model; the writer makes it safe for its format.
use chrono::NaiveDate;

use crate::assessment::answers::{DfAnswers, SmAnswers};
use crate::assessment::level::Level;
use crate::assessment::schedule::Schedule;
use crate::dates::plan::Plan;
use crate::file::tracker::Tracker;
use crate::format::long_date;
use crate::report::{DfReport, ObligationGroup, SmReport};
use crate::takeaways::compliance::{paragraph, DutyRecord};

pub mod letters;
pub mod plan_draft;
pub mod plans;
pub mod security_response;

/// The language every document is written in (BCP 47).
pub const LANGUAGE: &str = "en-GB";

/// The placeholder's label: the start of every placeholder paragraph.
pub const PLACEHOLDER_LABEL: &str = "How we meet this";

/// A document, ready for a writer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// The title: the title page's first line and the file's title property.
    pub title: String,
    /// The subject property (what it is for).
    pub subject: String,
    /// The language, [`LANGUAGE`].
    pub language: &'static str,
    /// The body, in order.
    pub blocks: Vec<Block>,
}

/// A heading's level: 1 to 3 (Word's Heading 1–3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum HeadingLevel {
    /// A part of the document ("Contents requirements", "Annex").
    H1,
    /// A section (one content requirement, one subject).
    H2,
    /// A part of a section.
    H3,
}

impl HeadingLevel {
    /// 1, 2 or 3.
    pub fn number(self) -> u8 {
        match self {
            HeadingLevel::H1 => 1,
            HeadingLevel::H2 => 2,
            HeadingLevel::H3 => 3,
        }
    }
}

/// A table: a header row (repeated on every page a writer breaks it across) and rows of
/// as many cells.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// The header row's cells.
    pub header: Vec<String>,
    /// The rows, each with as many cells as the header.
    pub rows: Vec<Vec<String>>,
}

/// A block of a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// The title page's title (the document's title, large).
    Title(String),
    /// A heading.
    Heading(HeadingLevel, String),
    /// A paragraph of plain text; a line break in it is a line break.
    Paragraph(String),
    /// A label and its value on one line ("Customer: Ministry of Justice").
    Field {
        /// The label, without its colon.
        label: String,
        /// The value, as given.
        value: String,
    },
    /// Words quoted from a schedule, with the paragraph they come from ("¶3.6.7(a)").
    Quote {
        /// The paragraph cited.
        reference: String,
        /// The schedule's words.
        text: String,
    },
    /// A list of items, one paragraph each.
    Bullets(Vec<String>),
    /// The clearly marked place for the bidder's own text: a writer shows it starting
    /// "[`PLACEHOLDER_LABEL`]:" and marks it visibly (shaded, bordered). The text is a
    /// prompt.
    Placeholder(String),
    /// A table.
    Table(Table),
    /// What follows starts on a new page.
    PageBreak,
    /// Where the contents list goes: the writer lists the headings of level 1 and 2.
    Contents,
}

/// The optional title-page details (the save file keeps them).
pub use crate::file::savefile::DocumentDetails;

/// The result a document is made from: a schedule's answers and report.
#[derive(Clone, Copy, Debug)]
pub enum Assessed<'a> {
    /// DF Schedule 2.4.
    Df(&'a DfAnswers, &'a DfReport),
    /// Schedule 2.4 (2017).
    Sm2017(&'a SmAnswers, &'a SmReport),
}

/// Everything a document is made from.
#[derive(Clone, Copy, Debug)]
pub struct Inputs<'a> {
    /// The answers and the report.
    pub assessed: Assessed<'a>,
    /// What the user recorded for each duty.
    pub tracker: &'a Tracker,
    /// Today (the letters' date and the file names'), from the caller.
    pub today: NaiveDate,
    /// The title-page details.
    pub details: &'a DocumentDetails,
    /// The tender the assessment is for, when a portal set it (issue 25): the title page
    /// names it, and the statement says which answers its Customer set.
    pub tender: Option<&'a crate::assessment::flow::Tender>,
}

impl<'a> Inputs<'a> {
    /// The schedule.
    pub fn schedule(&self) -> Schedule {
        match self.assessed {
            Assessed::Df(..) => Schedule::Df,
            Assessed::Sm2017(..) => Schedule::Sm2017,
        }
    }

    /// The level (DF only).
    pub fn level(&self) -> Option<Level> {
        match self.assessed {
            Assessed::Df(_, r) => Some(r.assessment.level),
            Assessed::Sm2017(..) => None,
        }
    }

    /// The selected duties, by subject.
    pub fn groups(&self) -> &'a [ObligationGroup] {
        match self.assessed {
            Assessed::Df(_, r) => &r.groups,
            Assessed::Sm2017(_, r) => &r.groups,
        }
    }

    /// The dated plan.
    pub fn plan(&self) -> &'a Plan {
        match self.assessed {
            Assessed::Df(_, r) => &r.plan,
            Assessed::Sm2017(_, r) => &r.plan,
        }
    }

    /// "S6" for DF with its level, "Schedule 2.4 (2017)" otherwise: what the documents'
    /// titles say the assessment is for.
    fn level_words(&self) -> String {
        match self.level() {
            Some(level) => format!("security level {level}"),
            None => "Schedule 2.4 (2017)".to_string(),
        }
    }
}

/// Which of the three documents: its file name's stem.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The draft plan.
    PlanDraft,
    /// The security response.
    SecurityResponse,
    /// The ¶1.4 letters.
    Letters,
}

impl Kind {
    /// The file name's stem: `security-plan-draft`, `security-response`,
    /// `security-letters`.
    pub fn stem(self) -> &'static str {
        match self {
            Kind::PlanDraft => "security-plan-draft",
            Kind::SecurityResponse => "security-response",
            Kind::Letters => "security-letters",
        }
    }
}

/// The file name, as the compliance CSV's ([`csv_file_name`](crate::takeaways::compliance::csv_file_name)):
/// `security-plan-draft-S6-2026-11-30.docx` (DF with its level),
/// `security-response-sm2017-2026-11-30.docx` (2017: the schedule's id).
pub fn file_name(kind: Kind, level: Option<Level>, schedule: Schedule, today: NaiveDate) -> String {
    let what = match (schedule, level) {
        (Schedule::Df, Some(level)) => level.to_string(),
        (schedule, _) => schedule.id().to_string(),
    };
    format!("{}-{what}-{today}.docx", kind.stem())
}

/// The title page: the title, then each detail given, the assessment and the date.
fn title_page(title: &str, inputs: &Inputs, blocks: &mut Vec<Block>) {
    blocks.push(Block::Title(title.to_string()));
    let customer_label = match inputs.schedule() {
        Schedule::Df => "Customer",
        Schedule::Sm2017 => "Authority",
    };
    if let Some(t) = inputs.tender {
        blocks.push(Block::Field {
            label: "Tender".to_string(),
            value: t.title(),
        });
        if let Some(line) = t.statement() {
            blocks.push(Block::Paragraph(line));
        }
    }
    let d = inputs.details;
    for (label, value) in [
        ("Organisation", &d.organisation),
        ("Contract", &d.contract),
        (customer_label, &d.customer),
    ] {
        if !value.trim().is_empty() {
            blocks.push(Block::Field {
                label: label.to_string(),
                value: value.clone(),
            });
        }
    }
    blocks.push(Block::Field {
        label: "Schedule".to_string(),
        value: inputs.schedule().title().to_string(),
    });
    if let Some(level) = inputs.level() {
        blocks.push(Block::Field {
            label: "Security level".to_string(),
            value: level.to_string(),
        });
    }
    blocks.push(Block::Field {
        label: "Prepared".to_string(),
        value: long_date(inputs.today),
    });
    blocks.push(Block::Field {
        label: "Rules version".to_string(),
        value: crate::rules_version::RULES_VERSION.to_string(),
    });
}

/// Dates as the documents write them: "1 April 2027; 1 April 2028", or `none` when there
/// are none.
fn dates_text(dates: &[NaiveDate], none: &str) -> String {
    if dates.is_empty() {
        return none.to_string();
    }
    dates
        .iter()
        .map(|d| long_date(*d))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The header of the duty tables: what the compliance CSV holds of a duty the user acts
/// on (the paragraph, the duty, its due dates, its status, owner and evidence or note).
pub const DUTY_HEADER: [&str; 6] = [
    "Paragraph",
    "Duty",
    "Due dates",
    "Status",
    "Owner",
    "Evidence or note",
];

/// What the duty tables say of a duty with no date.
pub const NO_DATE: &str = "No fixed date";

/// A duty table: one row per record, in [`DUTY_HEADER`]'s columns; the owner and note as
/// typed.
fn duty_table(records: &[DutyRecord]) -> Table {
    Table {
        header: DUTY_HEADER.iter().map(|s| s.to_string()).collect(),
        rows: records
            .iter()
            .map(|r| {
                vec![
                    paragraph(r.obligation.reference).into_owned(),
                    r.obligation.title.to_string(),
                    dates_text(&r.due, NO_DATE),
                    r.status.to_string(),
                    r.owner.to_string(),
                    r.note.to_string(),
                ]
            })
            .collect(),
    }
}
