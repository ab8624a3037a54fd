//! The app's state and its pure reducer. Nothing here touches the DOM, storage or a clock:
//! the edge (effects in `app.rs`) reads those and dispatches actions carrying the values.
//! The question page's form is in `draft.rs`; what is kept (sessionStorage and the saved
//! file, one document) in `persist.rs`.
mod draft;
mod persist;
#[cfg(test)]
mod tests;

pub use draft::{Draft, Field, FieldError};

use chrono::NaiveDate;
use security_matrix_core::flow::{from_fragment, Answer, Answers};
use security_matrix_core::questions::{DatePart, QuestionId, QuestionKind};
use security_matrix_core::readiness::{Readiness, ReadinessMap};
use security_matrix_core::report::EventDates;
use security_matrix_core::{EventId, IdMap, ObligationId, Schedule};
use std::rc::Rc;
use yew::Reducible;

/// A page of the flow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    /// What the tool does; choose a schedule; Start.
    Start,
    /// One question.
    Question(QuestionId),
    /// Check your answers.
    Check,
    /// The result.
    Result,
}

impl Page {
    /// A stable key for storage ("start", "q:subjects", "check", "result").
    pub fn key(self) -> String {
        match self {
            Page::Start => "start".into(),
            Page::Question(q) => format!("q:{}", q.key()),
            Page::Check => "check".into(),
            Page::Result => "result".into(),
        }
    }

    /// The page for a key.
    pub fn from_key(key: &str) -> Option<Page> {
        match key {
            "start" => Some(Page::Start),
            "check" => Some(Page::Check),
            "result" => Some(Page::Result),
            _ => QuestionId::from_key(key.strip_prefix("q:")?).map(Page::Question),
        }
    }
}

/// The whole state of the widget.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// Answers accepted so far.
    pub answers: Answers,
    /// The page shown.
    pub page: Page,
    /// What is typed on the current question page.
    pub draft: Draft,
    /// Errors on the current page.
    pub errors: Vec<FieldError>,
    /// Values from a link that were not accepted: shown when their page opens.
    pub pending: IdMap<QuestionId, (String, String)>,
    /// After a change from the check-answers page, go back there.
    pub return_to_check: bool,
    /// A short message for the user (e.g. stored answers could not be restored).
    pub notice: Option<String>,
    /// Today's date, from the edge.
    pub today: Option<NaiveDate>,
    /// Dates of events the user entered to date event-relative duties, by event id (of
    /// either schedule, like the marks).
    pub event_dates: EventDates,
    /// Increases on every page change, so the edge knows when to move focus.
    pub page_change: u32,
    /// The edge has restored state and may now write it back.
    pub ready: bool,
    /// The schedule a fresh start begins with (chosen by the embedding page).
    pub default_schedule: Schedule,
    /// The readiness self-check, by obligation id. Marks of both schedules are kept (the id
    /// names its schedule): a link or a choice of the other schedule does not lose them, and
    /// the saved file and storage keep them all.
    pub readiness: ReadinessMap,
    /// Why a file the user opened could not be used (the state is left as it was).
    pub file_problems: Vec<String>,
}

impl Default for State {
    fn default() -> Self {
        State {
            answers: Answers::new(Schedule::Df),
            page: Page::Start,
            draft: Draft::default(),
            errors: Vec::new(),
            pending: IdMap::new(),
            return_to_check: false,
            notice: None,
            today: None,
            event_dates: EventDates::new(),
            page_change: 0,
            ready: false,
            default_schedule: Schedule::Df,
            readiness: ReadinessMap::new(),
            file_problems: Vec::new(),
        }
    }
}

/// Everything that can happen.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The edge's first report: stored state, the URL fragment and today's date.
    Init {
        /// What sessionStorage held, if anything.
        stored: Option<String>,
        /// The URL fragment without '#', if any.
        fragment: Option<String>,
        /// Today's date.
        today: NaiveDate,
        /// The schedule to start with (the embedding page may choose it).
        schedule: Schedule,
    },
    /// A link was opened while the widget was showing (hashchange).
    OpenLink(String),
    /// The schedule radio on the start page.
    ChooseSchedule(Schedule),
    /// The Start button.
    Start,
    /// Typing in a field.
    Input(Field, String),
    /// Continue on a question page (validate, save, go on).
    Continue,
    /// Skip an optional question.
    Skip,
    /// The back link.
    Back,
    /// A Change link on the check-answers page.
    Change(QuestionId),
    /// Continue on the check-answers page.
    ShowResult,
    /// Back to the check-answers page from the result.
    ChangeAnswers,
    /// Clear everything and go to the start page.
    StartAgain,
    /// Dismiss the notice.
    DismissNotice,
    /// Set or clear the date of an event, to date the duties that follow from it.
    SetEventDate(EventId, Option<NaiveDate>),
    /// Mark an obligation's readiness (or clear the mark).
    SetReadiness(ObligationId, Option<Readiness>),
    /// A saved file was read at the edge: its text, or why it could not be read.
    OpenFile(Result<String, String>),
    /// Dismiss the file problems.
    DismissFileProblems,
}

impl State {
    fn go(&mut self, page: Page) {
        self.page = page;
        self.errors.clear();
        self.draft = Draft::default();
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
    fn next_open_page(&self) -> Page {
        let seq = self.answers.sequence();
        if let Some(q) = seq.iter().find(|q| self.pending.contains_key(q)) {
            return Page::Question(*q);
        }
        match self.answers.first_unanswered() {
            Some(q) => Page::Question(q),
            None => Page::Check,
        }
    }

    fn apply_link(&mut self, fragment: &str) -> bool {
        if !is_answer_link(fragment) {
            return false;
        }
        let link = from_fragment(fragment);
        self.answers = link.answers;
        self.pending = link
            .errors
            .into_iter()
            .map(|e| (e.question, (e.raw, e.message)))
            .collect();
        self.return_to_check = false;
        let page = match self.next_open_page() {
            Page::Check => Page::Result,
            other => other,
        };
        self.go(page);
        true
    }

    fn after_answer(&mut self, q: QuestionId) {
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

    /// The document title for the page (the edge sets it).
    pub fn title(&self) -> String {
        let base = "Work out your security level";
        let page = match self.page {
            Page::Start => return base.to_string(),
            Page::Question(q) => q.question().heading.to_string(),
            Page::Check => "Check your answers".to_string(),
            Page::Result => "Your result".to_string(),
        };
        let error = if self.errors.is_empty() {
            ""
        } else {
            "Error: "
        };
        format!("{error}{page} – {base}")
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Init {
                stored,
                fragment,
                today,
                schedule,
            } => {
                s.today = Some(today);
                s.ready = true;
                s.answers = Answers::new(schedule);
                s.default_schedule = schedule;
                let linked = fragment.as_deref().is_some_and(|f| s.apply_link(f));
                if !linked {
                    if let Some(stored) = stored {
                        if let Err(message) = s.restore(&stored) {
                            let today = s.today;
                            s = State {
                                today,
                                ready: true,
                                notice: Some(message),
                                default_schedule: schedule,
                                ..State::default()
                            };
                            s.answers = Answers::new(schedule);
                        }
                    }
                }
                // Opening the widget is not a page change: focus stays where the host put it.
                s.page_change = 0;
            }
            Action::OpenLink(fragment) => {
                s.apply_link(&fragment);
            }
            Action::ChooseSchedule(schedule) => {
                if s.answers.schedule != schedule {
                    s.answers = Answers::new(schedule);
                    s.pending.clear();
                }
            }
            Action::Start => {
                s.return_to_check = false;
                let page = s.next_open_page();
                s.go(match page {
                    Page::Check => Page::Question(s.answers.sequence()[0]),
                    p => p,
                });
            }
            Action::Input(field, value) => match field {
                Field::Main => s.draft.text = value,
                Field::Day => s.draft.day = value,
                Field::Month => s.draft.month = value,
                Field::Year => s.draft.year = value,
            },
            Action::Continue => {
                if let Page::Question(q) = s.page {
                    match s.accept(q) {
                        Ok(answer) => {
                            s.answers.set(q, answer);
                            s.after_answer(q);
                        }
                        Err(e) => {
                            s.errors = vec![e];
                            s.page_change = s.page_change.wrapping_add(1);
                        }
                    }
                }
            }
            Action::Skip => {
                if let Page::Question(q) = s.page {
                    if q.question().optional {
                        s.answers.set(q, Answer::Skipped);
                        s.after_answer(q);
                    }
                }
            }
            Action::Back => {
                let page = match s.page {
                    Page::Question(_) if s.return_to_check => {
                        s.return_to_check = false;
                        Page::Check
                    }
                    Page::Question(q) => s.answers.previous(q).map_or(Page::Start, Page::Question),
                    Page::Check => s
                        .answers
                        .sequence()
                        .last()
                        .map_or(Page::Start, |q| Page::Question(*q)),
                    Page::Result => Page::Check,
                    Page::Start => Page::Start,
                };
                s.go(page);
            }
            Action::Change(q) => {
                s.return_to_check = true;
                s.go(Page::Question(q));
            }
            Action::ShowResult => {
                if s.answers.is_complete() {
                    s.go(Page::Result);
                } else {
                    let page = s.next_open_page();
                    s.go(page);
                }
            }
            Action::ChangeAnswers => s.go(Page::Check),
            Action::StartAgain => {
                let (today, default_schedule) = (s.today, s.default_schedule);
                // (readiness, file problems and everything else go with the rest)
                let page_change = s.page_change.wrapping_add(1);
                s = State {
                    today,
                    ready: true,
                    page_change,
                    default_schedule,
                    ..State::default()
                };
                s.answers = Answers::new(default_schedule);
            }
            Action::DismissNotice => s.notice = None,
            Action::SetReadiness(id, mark) => match mark {
                Some(r) => {
                    s.readiness.insert(id, r);
                }
                None => {
                    s.readiness.remove(&id);
                }
            },
            Action::OpenFile(read) => s.open_file(read),
            Action::DismissFileProblems => s.file_problems.clear(),
            Action::SetEventDate(event, date) => match date {
                Some(d) => {
                    s.event_dates.insert(event, d);
                }
                None => {
                    s.event_dates.remove(&event);
                }
            },
        }
        Rc::new(s)
    }
}

/// Whether a URL fragment carries answers (a deep link) rather than, say, an anchor.
pub fn is_answer_link(fragment: &str) -> bool {
    fragment.split('&').any(|p| {
        let k = p.split('=').next().unwrap_or("");
        k == "schedule" || QuestionId::from_key(k).is_some()
    })
}
