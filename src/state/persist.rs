//! What the widget keeps. The saved file and this tab's sessionStorage hold the same
//! versioned document (`security_matrix_core::savefile`): the answers, the tracker
//! and the event dates, the tab's with the page the user is on. Opening either places what
//! it can and names what it left out; what the tab kept before (`smx1`, `smx2`) is read too.
use super::{Page, State};
use security_matrix_core::assessment::flow::{Answer, Answers};
use security_matrix_core::assessment::questions::QuestionId;
use security_matrix_core::file::savefile::{self, Document};
use security_matrix_core::view::View;

impl State {
    /// Everything the user typed that is kept: what the saved file holds.
    pub fn document(&self) -> Document {
        Document {
            answers: self.answers.clone(),
            tracker: self.tracker.clone(),
            event_dates: self.event_dates.clone(),
            changes: self.changes.clone(),
            details: self.details.clone(),
        }
    }

    /// What sessionStorage keeps: the document, with the page.
    pub fn to_storage(&self) -> String {
        savefile::write(&self.document(), Some(&self.page.key()))
    }

    /// What this device keeps while "keep" is on (the saved file's text; what another
    /// tab's version is compared with), if the pages' code, which writes it, is there.
    pub fn kept_text(&self) -> Option<String> {
        self.saving
            .keep
            .then(|| super::later::document_json(&self.document()))
            .flatten()
    }

    pub(super) fn take(&mut self, doc: Document) {
        self.answers = doc.answers;
        self.tracker = doc.tracker;
        self.event_dates = doc.event_dates;
        self.changes = doc.changes;
        self.details = doc.details;
    }

    /// Restores what sessionStorage held, on the page the user was on if it still
    /// applies; `Err` (with the message) if nothing in it could be read.
    pub(super) fn restore(&mut self, stored: &str) -> Result<(), String> {
        let loaded = savefile::from_storage(stored).map_err(|p| p.join(" "))?;
        self.notice = loaded.message();
        let page = loaded.page.as_deref().and_then(Page::from_key);
        self.take(loaded.document);
        let page = match page {
            // A page that no longer applies, or a result without complete answers.
            Some(Page::Question(q)) if !self.answers.sequence().contains(&q) => {
                self.next_open_page()
            }
            Some(Page::Contracts | Page::Contract(_))
                if self.answers.get(QuestionId::Other) != Some(&Answer::YesNo(true)) =>
            {
                self.next_open_page()
            }
            Some(Page::Contract(Some(i))) if i >= self.answers.contracts().len() => Page::Contracts,
            Some(Page::Result(_) | Page::Check) if !self.answers.is_complete() => {
                self.next_open_page()
            }
            // (A merge's review is not kept: the view it came from.)
            Some(Page::Merge) if self.answers.is_complete() => Page::Result(View::Take),
            Some(Page::Merge) => self.next_open_page(),
            Some(p) => p,
            None => self.next_open_page(),
        };
        self.go(page);
        Ok(())
    }

    /// Opens a file the user chose (its text, or why it could not be read): it replaces
    /// what the user has, or, if it cannot be opened at all, changes nothing and says why.
    pub(super) fn open_file(&mut self, read: Result<String, String>) {
        match read
            .map_err(|e| vec![e])
            .and_then(|text| savefile::from_json(&text))
        {
            Ok(loaded) => {
                self.notice = loaded.message();
                self.take(loaded.document);
                self.pending.clear();
                self.pending_contracts.clear();
                self.file_problems.clear();
                self.return_to_check = false;
                let page = match self.next_open_page() {
                    Page::Check => Page::Result(View::Summary),
                    p => p,
                };
                self.go(page);
            }
            Err(problems) => {
                self.file_problems = problems;
                self.page_change = self.page_change.wrapping_add(1);
            }
        }
    }

    /// Nothing to keep: the start page, no answers, no marks and no event dates.
    pub fn is_blank(&self) -> bool {
        self.page == Page::Start
            && self.answers == Answers::new(self.answers.schedule)
            && self.tracker.is_empty()
            && self.event_dates.is_empty()
    }
}
