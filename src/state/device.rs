//! Several tabs of an assessment kept on this device (issue 22 part 4): a change kept by
//! another tab appears here; when this tab has changes of its own not yet written there,
//! it says plainly that a newer version exists and offers to load it (never overwriting
//! newer work with older silently: the edge refuses that write).
use super::{Page, State};
use security_matrix_core::file::savefile;

/// What the notice says when another tab removed the assessment from this device.
pub const REMOVED_ELSEWHERE: &str = "This assessment was removed from this device in another tab or window. This tab still has it: save it to a file, or tick \"Keep on this device\" again.";

impl State {
    /// Takes the version another tab kept, staying on the page shown when it still
    /// applies. Only while this tab keeps it too.
    pub(super) fn take_from_other_tab(&mut self, text: &str) {
        if !self.saving.keep {
            return;
        }
        let Ok(loaded) = savefile::from_json(text) else {
            return;
        };
        self.take(loaded.document);
        self.device_newer = false;
        let page = match self.page {
            Page::Result(_) | Page::ConfirmStartAgain(_) if !self.answers.is_complete() => {
                self.next_open_page()
            }
            Page::Question(q) if !self.answers.sequence().contains(&q) => self.next_open_page(),
            // (A question page shows the answer as it now is.)
            Page::Question(q) => Page::Question(q),
            _ => return,
        };
        self.go(page);
    }

    /// Another tab removed it from this device: this tab keeps its work, no longer kept
    /// there, and says so.
    pub(super) fn removed_by_other_tab(&mut self) {
        if self.saving.keep {
            self.saving.keep = false;
            self.device_newer = false;
            self.notice = Some(REMOVED_ELSEWHERE.to_string());
        }
    }
}
