//! The reducer. The start page's own actions (the schedule chosen, a notice dismissed, the
//! clock, the pages' code come, opening on a blank start page) are applied here, by code the
//! start page's module holds. Every other action is applied by the pages' code (`apply.rs`,
//! through `later.rs`): when it is not there yet (a `lazy-pages` build, a moment after the
//! app is ready) the action waits in [`State::held`], in order, and the page says it is
//! loading; when the code comes, the actions held are applied as if they had just come.
//! Pure: what it needs from the browser comes in the actions.
use super::{is_answer_link, later, Action, Loaded, Saving, State};
use chrono::NaiveDate;
use security_matrix_core::assessment::flow::Answers;
use security_matrix_core::Schedule;
use std::rc::Rc;
use yew::Reducible;

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // The same minute: nothing to render.
        if matches!(&action, Action::Clock(t) if self.clock.as_ref() == Some(t)) {
            return self;
        }
        let mut s = (*self).clone();
        if let Some(action) = s.own(action) {
            s.with_pages_code(&self, action);
        }
        Rc::new(s)
    }
}

impl State {
    /// Applies `action` if it is one of the start page's own: `None` when done, else the
    /// action for the pages' code (a takeover with Start pressed gives [`Action::Start`]).
    /// While actions are held, every other waits behind them.
    pub(super) fn own(&mut self, action: Action) -> Option<Action> {
        match action {
            Action::Clock(time) => self.clock = Some(time),
            Action::PagesLoaded(ok) => self.pages_loaded(ok),
            // A print waiting for the words goes ahead when they come, or when they cannot
            // (their places then say so).
            Action::WordsLoaded => {
                self.words = Loaded::Ready;
                self.print_now_if_waiting();
            }
            Action::WordsFailed => {
                self.words = Loaded::Failed;
                self.print_now_if_waiting();
            }
            action if !self.held.is_empty() => return Some(action),
            // Opening: a blank start page, then what was stored, linked or preset, if
            // anything, with the pages' code (the page waits for it: it is not marked ready).
            Action::Init {
                ref stored,
                ref fragment,
                ref presets,
                today,
                schedule,
            } => {
                self.init_blank(today, schedule);
                let link = fragment.as_deref().is_some_and(is_answer_link);
                if stored.is_some() || presets.is_some() || link {
                    return Some(action);
                }
            }
            Action::ChooseSchedule(schedule) => self.choose_schedule(schedule),
            Action::TakeOver { schedule, start } => {
                if self.is_blank() {
                    self.choose_schedule(schedule);
                    if start {
                        return Some(Action::Start);
                    }
                }
            }
            Action::DeviceKept(label) => self.device = label,
            Action::ForgetDevice => self.device = None,
            Action::DismissNotice => self.notice = None,
            Action::DismissFileProblems => self.file_problems.clear(),
            action => return Some(action),
        }
        None
    }

    /// Applies `action` (the state was `before` it) with the pages' code, or holds it until
    /// that code is there. The first action held by the user's hand moves focus, to the
    /// page that says the code is loading.
    fn with_pages_code(&mut self, before: &State, action: Action) {
        if self.pages == Loaded::Ready && later::reduce(self, before, &action).is_some() {
            return;
        }
        if self.held.is_empty() && !matches!(action, Action::Init { .. }) {
            self.page_change = self.page_change.wrapping_add(1);
        }
        self.held.push(action);
    }

    /// The pages' code has come (`true`: the actions held are applied, in order), or could
    /// not (they stay held, and the page says so).
    fn pages_loaded(&mut self, ok: bool) {
        self.pages = if ok { Loaded::Ready } else { Loaded::Failed };
        if ok {
            for action in std::mem::take(&mut self.held) {
                let before = self.clone();
                self.with_pages_code(&before, action);
            }
        }
    }

    /// Opening the widget with nothing stored, linked or preset: a blank start page. (The
    /// whole reducer's `init` and `note_change` write the same lines: they run in the pages'
    /// module, and each call from there into this code makes the start page's module export
    /// it, bytes measured before `data-smx-ready`.)
    fn init_blank(&mut self, today: NaiveDate, schedule: Schedule) {
        self.today = Some(today);
        self.ready = true;
        self.answers = Answers::new(schedule);
        self.default_schedule = schedule;
        // (What `note_change` makes of opening: nothing to save yet.)
        self.saving = Saving {
            dirty: !self.document_is_blank(),
            last_change: self.minute(),
            ..Saving::default()
        };
        // Opening the widget is not a page change: focus stays where the host put it.
        self.page_change = 0;
    }

    /// The schedule chosen: a new assessment of it, unless it is the one shown (a change
    /// of the document, as `note_change` notes it).
    pub(super) fn choose_schedule(&mut self, schedule: Schedule) {
        if self.answers.schedule != schedule {
            self.answers = Answers::new(schedule);
            self.pending.clear();
            self.pending_contracts.clear();
            self.saving.dirty = true;
            self.saving.last_change = self.minute();
        }
    }

    /// Prints the print that waits for the words, if there is one.
    pub(super) fn print_now_if_waiting(&mut self) {
        if std::mem::take(&mut self.print_waiting) {
            self.print_request = self.print_request.wrapping_add(1);
        }
    }
}
