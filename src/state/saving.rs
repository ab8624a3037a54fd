//! Where the work stands (issue 22): changed since it was last saved to a file, saved, or
//! kept on this device. The reducer notes every change to the document (answers, contracts,
//! status, owner, note, event dates) with the local time the edge passed in
//! ([`super::Action::Clock`]); it never reads a clock.
use super::{Action, State};
use security_matrix_core::assessment::flow::Answers;

/// What the state remembers about saving.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Saving {
    /// The document has changed since it was last saved to a file (or opened from one).
    pub dirty: bool,
    /// The last save to a file: its name and the local time ("14:02").
    pub saved: Option<(String, Option<String>)>,
    /// The local time of the last change to the document.
    pub last_change: Option<String>,
    /// "Keep on this device" is on: every change is written to this browser's storage.
    pub keep: bool,
}

/// The save state line (`[data-testid="save-state"][data-state]`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    /// Changes that closing the tab would lose.
    Unsaved,
    /// Nothing to lose: saved to a file (its name and the time), or just opened from one
    /// and not changed since (no time; the name when the tab can save back to it).
    Saved {
        /// The file's name, if the widget wrote it or can write it back.
        file: Option<String>,
        /// When it was saved (none for a file just opened).
        at: Option<String>,
    },
    /// Kept on this device; the time of the last change.
    Kept {
        /// The local time of the last change.
        at: Option<String>,
    },
}

impl SaveState {
    /// The `data-state` key: `unsaved`, `saved` or `kept`.
    pub fn key(&self) -> &'static str {
        match self {
            SaveState::Unsaved => "unsaved",
            SaveState::Saved { .. } => "saved",
            SaveState::Kept { .. } => "kept",
        }
    }

    /// The sentence the line shows.
    pub fn text(&self) -> String {
        match self {
            SaveState::Unsaved => "You have changes that are not saved to a file".into(),
            SaveState::Saved {
                file: Some(file),
                at: Some(at),
            } => format!("All changes saved to {file} at {at}"),
            SaveState::Saved {
                file: Some(file),
                at: None,
            } => format!("No changes since you opened {file}"),
            SaveState::Saved { file: None, .. } => {
                "No changes since you opened your saved file".into()
            }
            SaveState::Kept { at: Some(at) } => {
                format!("Kept on this device, last change {at}")
            }
            SaveState::Kept { at: None } => "Kept on this device".into(),
        }
    }
}

impl State {
    /// Where the work stands.
    pub fn save_state(&self) -> SaveState {
        if self.saving.keep && self.device_newer {
            // This tab's latest changes wait for the user's choice between versions.
            SaveState::Unsaved
        } else if self.saving.keep {
            SaveState::Kept {
                at: self.saving.last_change.clone(),
            }
        } else if self.saving.dirty && !self.document_is_blank() {
            SaveState::Unsaved
        } else {
            let (file, at) = self.saving.saved.clone().unzip();
            SaveState::Saved {
                file,
                at: at.flatten(),
            }
        }
    }

    /// Closing the tab now would lose work (the `beforeunload` guard is set).
    pub fn would_lose_work(&self) -> bool {
        self.save_state() == SaveState::Unsaved
    }

    /// When the work kept on this device last changed, as the start page says it: "4
    /// December 2026 at 14:02" (today's date and the clock, both from the edge).
    pub fn kept_label(&self) -> Option<String> {
        let at = self.saving.last_change.clone().or(self.minute())?;
        if at.contains(" at ") {
            return Some(at);
        }
        Some(match self.today {
            Some(d) => format!("{} at {at}", security_matrix_core::format::long_date(d)),
            None => at,
        })
    }

    /// The local time of the latest action ("14:02"), as the edge passed it in.
    pub(super) fn minute(&self) -> Option<String> {
        self.clock.as_ref().map(|c| c.local.clone())
    }

    /// No answer, mark or event date (whatever the page).
    pub fn document_is_blank(&self) -> bool {
        self.answers == Answers::new(self.answers.schedule)
            && self.tracker.is_empty()
            && self.event_dates.is_empty()
    }

    /// After each action: notes a change to the document (dirty, at the clock's time),
    /// or what opening, saving or starting again means for it.
    pub(super) fn note_change(&mut self, before: &State, action: &Action) {
        match action {
            // What the tab kept, or a link: not in any file yet.
            Action::Init { .. } => {
                self.saving = Saving {
                    dirty: !self.document_is_blank(),
                    last_change: self.minute(),
                    ..Saving::default()
                };
            }
            // A file opened: its document is in the file. Opened through the picker, the
            // tab saves back to that file, which it names.
            Action::OpenFile(_) | Action::OpenFileInPlace(..) if self.file_problems.is_empty() => {
                let in_place = match action {
                    Action::OpenFileInPlace(_, name) => Some((name.clone(), None)),
                    _ => None,
                };
                self.saving = Saving {
                    keep: before.saving.keep,
                    last_change: self.minute(),
                    saved: in_place,
                    ..Saving::default()
                };
            }
            // Carried on from this device: kept there, not in a file.
            Action::CarryOn(_) if self.file_problems.is_empty() => {
                self.saving = Saving {
                    keep: true,
                    dirty: true,
                    last_change: before.device.clone(),
                    saved: None,
                };
            }
            // Another tab's version, kept on this device: when it changed there.
            Action::DeviceChanged(_, changed)
                if self.saving.keep && self.document() != before.document() =>
            {
                self.saving.last_change = Some(changed.clone());
            }
            Action::Saved(file) => {
                self.saving.dirty = false;
                self.saving.saved = Some((file.clone(), self.minute()));
            }
            _ if self.answers != before.answers
                || self.tracker != before.tracker
                || self.event_dates != before.event_dates
                || self.details != before.details =>
            {
                self.saving.dirty = true;
                self.saving.last_change = self.minute();
            }
            _ => {}
        }
    }
}
