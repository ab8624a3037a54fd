//! Moving through the flow: which page comes next, what a page opens with, and a link's
//! answers taken (part of the pages' code, `later.rs`).
use super::{is_answer_link, Draft, Field, FieldError, Page, State};
use security_matrix_core::assessment::flow::Answer;
use security_matrix_core::assessment::questions::{DatePart, QuestionId, QuestionKind};
use security_matrix_core::file::link::from_fragment;

/// Moving through the flow.
impl State {
    /// Shows `page`: a question page opens with its saved answer (or the value a link gave
    /// it, with why it was not accepted).
    pub(super) fn go(&mut self, page: Page) {
        // A question the Customer set is not asked: the flow goes on from it.
        let page = match page {
            Page::Question(q) if self.answers.is_fixed(q) => self.next_open_page(),
            p => p,
        };
        // A merge's review lasts while its page shows; why a file could not be merged, while
        // its view does.
        if page != Page::Merge {
            self.merge_review = None;
        }
        if page != self.page {
            self.merge_problems.clear();
        }
        self.page = page;
        self.focus_duty = None;
        if page != Page::Contracts {
            self.removed_contract = None;
        }
        self.errors.clear();
        self.draft = Draft::default();
        self.contract_errors.clear();
        self.contract_draft = Default::default();
        if let Page::Contract(index) = page {
            self.open_contract(index);
        }
        if let Page::Question(q) = page {
            self.draft = self.draft_for(q);
            if let Some((_, message)) = self.pending.get(&q) {
                self.errors = vec![FieldError {
                    field: if q.question().kind == QuestionKind::Date {
                        Field::Day
                    } else {
                        Field::Main
                    },
                    date_part: (q.question().kind == QuestionKind::Date).then_some(DatePart::All),
                    message: message.clone(),
                }];
            }
        }
        self.page_change = self.page_change.wrapping_add(1);
    }

    /// Where the flow goes when answers are as they are: the first unanswered or
    /// rejected question, else check answers.
    pub(super) fn next_open_page(&self) -> Page {
        let seq = self.answers.sequence();
        if let Some(q) = seq.iter().find(|q| self.pending.contains_key(q)) {
            return Page::Question(*q);
        }
        if !self.pending_contracts.is_empty()
            && seq.contains(&QuestionId::Other)
            && self.answers.get(QuestionId::Other) == Some(&Answer::YesNo(true))
        {
            return Page::Contract(None);
        }
        match self.answers.first_unanswered() {
            Some(QuestionId::Other) if self.answers.needs_contracts() => Page::Contract(None),
            Some(q) => Page::Question(q),
            None => Page::Check,
        }
    }

    /// Takes the answers a link carries (`false` if the fragment carries none).
    pub(super) fn apply_link(&mut self, fragment: &str) -> bool {
        if !is_answer_link(fragment) {
            return false;
        }
        let link = from_fragment(fragment);
        self.presets = link.answers.presets_only();
        self.preset_problems = link.problems;
        self.answers = link.answers;
        self.pending = link
            .errors
            .into_iter()
            .map(|e| (e.question, (e.raw, e.message)))
            .collect();
        self.pending_contracts = link.contract_errors;
        self.return_to_check = false;
        let page = match self.next_open_page() {
            Page::Check => Page::Result(link.view.unwrap_or_default()),
            other => other,
        };
        if let Some(message) = link.view_error {
            self.notice = Some(message);
        }
        self.go(page);
        true
    }

    pub(super) fn after_answer(&mut self, q: QuestionId) {
        self.pending.remove(&q);
        let next = if self.return_to_check {
            // Return to the summary unless the change opened a question not yet answered.
            match self.next_open_page() {
                Page::Check => {
                    self.return_to_check = false;
                    Page::Check
                }
                p => p,
            }
        } else {
            // The next question if it still needs an answer; otherwise the first one that
            // does, or the summary (so a fixed link value or a revisited answer does not
            // walk the user through pages already answered).
            match self.answers.next_after(q) {
                Some(n) if self.answers.get(n).is_none() || self.pending.contains_key(&n) => {
                    Page::Question(n)
                }
                _ => self.next_open_page(),
            }
        };
        self.go(next);
    }
}
