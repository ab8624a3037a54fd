//! The take-away files the user downloads, made from the saved document: the compliance
//! matrix ([`compliance`](super::compliance)), the calendar file
//! ([`calendar_file`](super::calendar_file)) and the three Word documents
//! ([`documents`](super::documents): their contents here, the `.docx` written by the
//! `security-matrix-docx` crate in the take-aways module), each with its file name and media
//! type.
//!
//! What a [`Takeaway`] makes is decided here once: the app calls [`Takeaway::make`] itself
//! in builds that carry the writers, and the take-aways module (the `takeaways/` crate,
//! `security-matrix-takeaways-<hash>.js`, which the production build loads when a file is
//! first asked for) calls it on the document the app hands it.
use super::calendar_file::{ics_file_name, plan_ics};
use super::compliance::{compliance_csv, csv_file_name};
use super::documents::{self, file_name, Assessed, Inputs, Kind};
use crate::file::savefile::Document;
use crate::report::{report, Report};
use chrono::{NaiveDate, NaiveDateTime};

/// A file to offer for download.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TakeawayFile {
    /// Its file name.
    pub name: String,
    /// Its media type.
    pub mime: &'static str,
    /// Its content.
    pub text: String,
}

/// A file the user can take away.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Takeaway {
    /// The compliance matrix, a spreadsheet (`.csv`).
    ComplianceMatrix,
    /// The dated plan, a calendar file (`.ics`).
    Calendar,
    /// A Word document (`.docx`): the draft plan, the security response or the letters.
    Document(Kind),
}

/// The media type of a Word document.
pub const DOCX_MIME: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

impl Takeaway {
    /// Every take-away file.
    pub const ALL: [Takeaway; 5] = [
        Takeaway::ComplianceMatrix,
        Takeaway::Calendar,
        Takeaway::Document(Kind::PlanDraft),
        Takeaway::Document(Kind::SecurityResponse),
        Takeaway::Document(Kind::Letters),
    ];

    /// Its key, as the take-aways module is asked for it.
    pub fn key(self) -> &'static str {
        match self {
            Takeaway::ComplianceMatrix => "compliance-matrix",
            Takeaway::Calendar => "calendar",
            Takeaway::Document(Kind::PlanDraft) => "plan-draft",
            Takeaway::Document(Kind::SecurityResponse) => "response",
            Takeaway::Document(Kind::Letters) => "letters",
        }
    }

    /// The take-away file of a key.
    pub fn from_key(key: &str) -> Option<Takeaway> {
        Takeaway::ALL.into_iter().find(|t| t.key() == key)
    }

    /// The file for `document`'s result, worked out for `today` (the result page's date),
    /// as the result page shows it; `now` (UTC) is the calendar's `DTSTAMP`. `Err` when the
    /// answers are not complete (there is no result to take away).
    pub fn make(
        self,
        document: &Document,
        today: NaiveDate,
        now: NaiveDateTime,
    ) -> Result<TakeawayFile, String> {
        let r = report(&document.answers, &document.event_dates, today)
            .ok_or("the answers are not complete: there is no result to take away")?;
        let (level, plan) = (r.level(), r.plan());
        Ok(match self {
            Takeaway::Document(_) => {
                return Err("a Word document is written by the take-aways module".into())
            }
            Takeaway::ComplianceMatrix => TakeawayFile {
                name: csv_file_name(level, plan.schedule, today),
                mime: "text/csv;charset=utf-8",
                text: compliance_csv(plan.schedule, level, r.groups(), plan, &document.tracker),
            },
            Takeaway::Calendar => TakeawayFile {
                name: ics_file_name(plan, level),
                mime: "text/calendar;charset=utf-8",
                text: plan_ics(plan, now),
            },
        })
    }

    /// A Word document's contents (a [`Takeaway::Document`]) for `document`'s result,
    /// worked out for `today`, with its file name: what the take-aways module writes as
    /// `.docx`. `Ok(None)` when this result has no such document (no plan required, no
    /// Customer to notify); `Err` when the answers are not complete or it is not a document.
    pub fn document(
        self,
        document: &Document,
        today: NaiveDate,
    ) -> Result<Option<(String, documents::Document)>, String> {
        let Takeaway::Document(kind) = self else {
            return Err("not a Word document".into());
        };
        let r = report(&document.answers, &document.event_dates, today)
            .ok_or("the answers are not complete: there is no result to take away")?;
        let (df, sm) = (document.answers.df(), document.answers.sm());
        let assessed = match (&r, &df, &sm) {
            (Report::Df(r), Some(a), _) => Assessed::Df(a, r),
            (Report::Sm(r), _, Some(a)) => Assessed::Sm2017(a, r),
            _ => {
                return Err("the answers are not complete: there is no result to take away".into())
            }
        };
        let inputs = Inputs {
            assessed,
            tracker: &document.tracker,
            today,
            details: &document.details,
            tender: document.answers.tender(),
        };
        let model = match kind {
            Kind::PlanDraft => documents::plan_draft::plan_draft(&inputs),
            Kind::SecurityResponse => {
                Some(documents::security_response::security_response(&inputs))
            }
            Kind::Letters => documents::letters::letters(&inputs),
        };
        Ok(model.map(|m| (file_name(kind, r.level(), inputs.schedule(), today), m)))
    }
}
