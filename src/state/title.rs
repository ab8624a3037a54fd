//! The document title of each page (the edge sets it, `hooks::use_title`): the start page's
//! with the start page's module; every other page's with the pages' code (`later.rs`).
use super::{later, Page, State};
use security_matrix_core::view::View;

/// The tool's title, the start page's document title.
const TITLE: &str = "Work out your security level";

impl State {
    /// The document title for the page (the edge sets it): the start page's, until the
    /// pages' code is there.
    pub fn title(&self) -> String {
        match self.page {
            Page::Start => None,
            _ => later::title(self),
        }
        .unwrap_or_else(|| TITLE.to_string())
    }

    /// The document title of a page other than the start page (in the pages' code).
    pub(super) fn page_title(&self) -> String {
        let base = TITLE;
        let page = match self.page {
            Page::Start => return base.to_string(),
            Page::Question(q) => q.question().heading.to_string(),
            Page::Contracts => "Your other Call-Off Contracts".to_string(),
            Page::Contract(None) => "Add a Call-Off Contract".to_string(),
            Page::Contract(Some(_)) => "Change a Call-Off Contract".to_string(),
            Page::Check => "Check your answers".to_string(),
            Page::Result(view) => return self.result_title(view),
            Page::ConfirmStartAgain(_) => "Are you sure you want to start again?".to_string(),
            Page::Merge => "Settle the differences with your colleague's file".to_string(),
        };
        let merge_error = self.merge_review.as_ref().is_some_and(|r| r.unchosen_error);
        let error = if self.errors.is_empty() && self.contract_errors.is_empty() && !merge_error {
            ""
        } else {
            "Error: "
        };
        format!("{error}{page} – {base}")
    }

    /// The document title of a result view: "Your result" for the summary, else the view's
    /// heading then "Your result".
    fn result_title(&self, view: View) -> String {
        let base = format!("Your result – {TITLE}");
        if view == View::Summary {
            return base;
        }
        let level = self
            .answers
            .df()
            .map(|a| security_matrix_core::assessment::matrix::level(&a));
        format!("{} – {base}", view.heading(level))
    }
}
