//! The take-away files the user downloads, made from the saved document: the compliance
//! matrix ([`compliance`](super::compliance)) and the calendar file
//! ([`calendar_file`](super::calendar_file)), each with its file name and media type.
//!
//! What a [`Takeaway`] makes is decided here once: the app calls [`Takeaway::make`] itself
//! in builds that carry the writers, and the take-aways module (the `takeaways/` crate,
//! `security-matrix-takeaways-<hash>.js`, which the production build loads when a file is
//! first asked for) calls it on the document the app hands it.
use super::calendar_file::{ics_file_name, plan_ics};
use super::compliance::{compliance_csv, csv_file_name};
use crate::file::savefile::Document;
use crate::report::report;
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
}

impl Takeaway {
    /// Every take-away file.
    pub const ALL: [Takeaway; 2] = [Takeaway::ComplianceMatrix, Takeaway::Calendar];

    /// Its key, as the take-aways module is asked for it.
    pub fn key(self) -> &'static str {
        match self {
            Takeaway::ComplianceMatrix => "compliance-matrix",
            Takeaway::Calendar => "calendar",
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
}
