//! The app's state and its pure reducer. Nothing here touches the DOM, storage or a clock:
//! the edge (effects in `app.rs`) reads those and dispatches actions carrying the values.
use chrono::NaiveDate;
use security_matrix_core::flow::{from_fragment, Answer, Answers};
use security_matrix_core::questions::{
    number_message, parse_date, parse_number, DatePart, QuestionId, QuestionKind,
};
use security_matrix_core::readiness::{Readiness, ReadinessMap};
use security_matrix_core::savefile;
use security_matrix_core::{Schedule, VecMap};
use std::rc::Rc;
use yew::Reducible;

/// Version of what is kept in sessionStorage; bump it when the format changes.
pub const STORAGE_VERSION: &str = "smx2";
/// The previous version, migrated on reading (it had no readiness marks).
pub const STORAGE_VERSION_1: &str = "smx1";

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

/// What the user has typed on the current question page, before it is accepted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    /// A number's text, or the chosen option's value.
    pub text: String,
    /// A date's day box.
    pub day: String,
    /// A date's month box.
    pub month: String,
    /// A date's year box.
    pub year: String,
}

/// Which input of a question an edit or an error is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// The number box, or the radios.
    Main,
    /// The day box.
    Day,
    /// The month box.
    Month,
    /// The year box.
    Year,
}

/// An error on the current page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The input to link to and highlight.
    pub field: Field,
    /// Which date boxes to highlight (all three for a whole-date error).
    pub date_part: Option<DatePart>,
    /// The message, shown in the summary and by the field.
    pub message: String,
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
    pub pending: VecMap<QuestionId, (String, String)>,
    /// After a change from the check-answers page, go back there.
    pub return_to_check: bool,
    /// A short message for the user (e.g. stored answers could not be restored).
    pub notice: Option<String>,
    /// Today's date, from the edge.
    pub today: Option<NaiveDate>,
    /// Dates of events the user entered to date event-relative duties, by event id.
    pub event_dates: VecMap<String, NaiveDate>,
    /// Increases on every page change, so the edge knows when to move focus.
    pub page_change: u32,
    /// The edge has restored state and may now write it back.
    pub ready: bool,
    /// The schedule a fresh start begins with (chosen by the embedding page).
    pub default_schedule: Schedule,
    /// The readiness self-check, by obligation id.
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
            pending: VecMap::new(),
            return_to_check: false,
            notice: None,
            today: None,
            event_dates: VecMap::new(),
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
    SetEventDate(String, Option<NaiveDate>),
    /// Mark an obligation's readiness (or clear the mark).
    SetReadiness(String, Option<Readiness>),
    /// A saved file was read at the edge: its text, or why it could not be read.
    OpenFile(Result<String, String>),
    /// Dismiss the file problems.
    DismissFileProblems,
}

impl State {
    /// The state to keep in sessionStorage: version, answers, page and readiness marks,
    /// one per line.
    pub fn to_storage(&self) -> String {
        let marks: Vec<String> = self
            .readiness
            .iter()
            .map(|(id, r)| format!("{id}={}", r.key()))
            .collect();
        format!(
            "{STORAGE_VERSION}\n{}\n{}\n{}",
            self.answers.to_storage(),
            self.page.key(),
            marks.join("&")
        )
    }

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

    /// The draft that shows a question's saved answer (or a link's rejected value).
    fn draft_for(&self, q: QuestionId) -> Draft {
        if let Some((raw, _)) = self.pending.get(&q) {
            if q.question().kind == QuestionKind::Date {
                let mut it = raw.splitn(3, '-');
                let (y, m, d) = (
                    it.next().unwrap_or(""),
                    it.next().unwrap_or(""),
                    it.next().unwrap_or(""),
                );
                return Draft {
                    day: d.into(),
                    month: m.into(),
                    year: y.into(),
                    ..Draft::default()
                };
            }
            return Draft {
                text: raw.clone(),
                ..Draft::default()
            };
        }
        match self.answers.get(q) {
            Some(Answer::Number(n)) => Draft {
                text: n.to_string(),
                ..Draft::default()
            },
            Some(Answer::YesNo(b)) => Draft {
                text: (if *b { "yes" } else { "no" }).into(),
                ..Draft::default()
            },
            Some(Answer::Choice(c)) => Draft {
                text: (*c).into(),
                ..Draft::default()
            },
            Some(Answer::Date(d)) => {
                use chrono::Datelike;
                Draft {
                    day: d.day().to_string(),
                    month: d.month().to_string(),
                    year: d.year().to_string(),
                    ..Draft::default()
                }
            }
            Some(Answer::Skipped) | None => Draft::default(),
        }
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

    fn restore(&mut self, stored: &str) -> Result<(), String> {
        let mut lines = stored.lines();
        let version = lines.next();
        if version != Some(STORAGE_VERSION) && version != Some(STORAGE_VERSION_1) {
            return Err("Your earlier answers were saved by an older version of this tool and could not be restored. Please answer the questions again.".into());
        }
        let answers = lines.next().and_then(Answers::from_storage);
        let page = lines.next().and_then(Page::from_key);
        // Version 1 had no readiness line: it migrates with no marks.
        let mut readiness = ReadinessMap::new();
        for pair in lines
            .next()
            .unwrap_or("")
            .split('&')
            .filter(|p| !p.is_empty())
        {
            let mark = pair
                .split_once('=')
                .and_then(|(id, r)| Some((id.to_string(), Readiness::from_key(r)?)));
            let Some((id, r)) = mark else {
                return Err(
                    "Your earlier answers could not be read, so the tool has started again.".into(),
                );
            };
            readiness.insert(id, r);
        }
        self.readiness = readiness;
        let (Some(answers), Some(page)) = (answers, page) else {
            return Err(
                "Your earlier answers could not be read, so the tool has started again.".into(),
            );
        };
        self.answers = answers;
        let page = match page {
            // A page that no longer applies, or a result without complete answers.
            Page::Question(q) if !self.answers.sequence().contains(&q) => self.next_open_page(),
            Page::Result | Page::Check if !self.answers.is_complete() => self.next_open_page(),
            p => p,
        };
        self.go(page);
        Ok(())
    }

    fn accept(&mut self, q: QuestionId) -> Result<Answer, FieldError> {
        let question = q.question();
        let main = |message: String| FieldError {
            field: Field::Main,
            date_part: None,
            message,
        };
        match question.kind {
            QuestionKind::Count | QuestionKind::Money | QuestionKind::Months => {
                parse_number(&self.draft.text, question.kind)
                    .map(Answer::Number)
                    .map_err(|e| main(number_message(question, e)))
            }
            QuestionKind::YesNo => match self.draft.text.as_str() {
                "yes" => Ok(Answer::YesNo(true)),
                "no" => Ok(Answer::YesNo(false)),
                _ => Err(main(format!("Select {}", question.noun))),
            },
            QuestionKind::Choice => question
                .options
                .iter()
                .find(|o| o.value == self.draft.text)
                .map(|o| Answer::Choice(o.value))
                .ok_or_else(|| main(format!("Select {}", question.noun))),
            QuestionKind::Date => match parse_date(
                question,
                &self.draft.day,
                &self.draft.month,
                &self.draft.year,
            ) {
                Ok(Some(d)) => Ok(Answer::Date(d)),
                Ok(None) if question.optional => Ok(Answer::Skipped),
                Ok(None) => Err(FieldError {
                    field: Field::Day,
                    date_part: Some(DatePart::All),
                    message: format!("Enter {}", question.noun),
                }),
                Err(e) => Err(FieldError {
                    field: match e.part {
                        DatePart::Month => Field::Month,
                        DatePart::Year => Field::Year,
                        _ => Field::Day,
                    },
                    date_part: Some(e.part),
                    message: e.message,
                }),
            },
        }
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
            Action::OpenFile(read) => {
                let opened = read
                    .map_err(|e| vec![e])
                    .and_then(|text| savefile::from_json(&text));
                match opened {
                    Ok(loaded) => {
                        s.answers = loaded.answers;
                        s.readiness = loaded.readiness;
                        s.pending.clear();
                        s.event_dates.clear();
                        s.file_problems.clear();
                        s.return_to_check = false;
                        s.notice = (!loaded.warnings.is_empty()).then(|| loaded.warnings.join(" "));
                        let page = match s.next_open_page() {
                            Page::Check => Page::Result,
                            p => p,
                        };
                        s.go(page);
                    }
                    // The current answers are left exactly as they were.
                    Err(problems) => {
                        s.file_problems = problems;
                        s.page_change = s.page_change.wrapping_add(1);
                    }
                }
            }
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

impl State {
    /// Nothing to keep: the start page with no answers.
    pub fn is_blank(&self) -> bool {
        self.page == Page::Start && self.answers == Answers::new(self.answers.schedule)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use security_matrix_core::Level;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    fn run(state: State, actions: impl IntoIterator<Item = Action>) -> State {
        let mut s = Rc::new(state);
        for a in actions {
            s = s.reduce(a);
        }
        (*s).clone()
    }

    fn init(fragment: Option<&str>, stored: Option<&str>) -> State {
        run(
            State::default(),
            [Action::Init {
                stored: stored.map(String::from),
                fragment: fragment.map(String::from),
                today: today(),
                schedule: Schedule::Df,
            }],
        )
    }

    fn answer(text: &str) -> [Action; 2] {
        [Action::Input(Field::Main, text.into()), Action::Continue]
    }

    #[test]
    fn a_full_walk_of_the_df_schedule() {
        let mut s = run(init(None, None), [Action::Start]);
        assert_eq!(s.page, Page::Question(QuestionId::Subjects));
        for text in ["1,500", "0", "£45k", "18", "no", "no"] {
            s = run(s, answer(text));
        }
        assert_eq!(s.page, Page::Question(QuestionId::Commencement));
        s = run(
            s,
            [
                Action::Input(Field::Day, "4".into()),
                Action::Input(Field::Month, "1".into()),
                Action::Input(Field::Year, "2027".into()),
                Action::Continue,
            ],
        );
        assert_eq!(s.page, Page::Check);
        s = run(s, [Action::ShowResult]);
        assert_eq!(s.page, Page::Result);
        let df = s.answers.df().unwrap();
        assert_eq!((df.subjects, df.value, df.months), (1_500, 45_000, 18));
        assert_eq!(security_matrix_core::assess(&df).level, Level::S5);
    }

    #[test]
    fn a_wrong_answer_shows_its_error_and_keeps_the_others() {
        let s = run(init(None, None), [Action::Start]);
        let s = run(s, answer("12"));
        let s = run(s, answer("2.5"));
        assert_eq!(s.page, Page::Question(QuestionId::Special));
        assert_eq!(s.errors.len(), 1);
        assert!(s.errors[0].message.ends_with("must be a whole number"));
        assert_eq!(s.draft.text, "2.5", "what was typed stays in the box");
        assert_eq!(
            s.answers.get(QuestionId::Subjects),
            Some(&Answer::Number(12))
        );
        assert_eq!(s.title(), "Error: How many of those people's data includes special category data? – Work out your security level");
        let s = run(s, [Action::Continue]);
        assert!(!s.errors.is_empty());
        let s = run(s, [Action::Back]);
        assert_eq!(
            (s.page, s.draft.text.as_str()),
            (Page::Question(QuestionId::Subjects), "12")
        );
        assert!(s.errors.is_empty());
    }

    #[test]
    fn change_from_check_answers_returns_to_the_summary() {
        let s = init(
            Some("schedule=df&subjects=50&special=0&value=1000&months=6&access=no"),
            None,
        );
        assert_eq!(s.page, Page::Result);
        let s = run(
            s,
            [Action::ChangeAnswers, Action::Change(QuestionId::Months)],
        );
        assert_eq!(s.draft.text, "6");
        let s = run(s, answer("30"));
        assert_eq!(s.page, Page::Check);
        assert_eq!(s.answers.df().unwrap().months, 30);
        // A change that opens a new question asks it first, then returns to the summary.
        let s = run(s, [Action::Change(QuestionId::Special)]);
        let s = run(s, answer("5"));
        assert_eq!(s.page, Page::Question(QuestionId::Professional));
        let s = run(s, answer("yes"));
        assert_eq!(s.page, Page::Check);
    }

    #[test]
    fn links_complete_incomplete_and_invalid() {
        let s = init(Some("schedule=df&subjects=10&value=45k"), None);
        assert_eq!(s.page, Page::Question(QuestionId::Special));
        let s = init(
            Some("schedule=df&subjects=10&special=0&value=-5&months=6&access=no"),
            None,
        );
        assert_eq!(s.page, Page::Question(QuestionId::Value));
        assert_eq!(s.draft.text, "-5");
        assert!(s.errors[0].message.ends_with("must be 0 or more"));
        let s = run(s, answer("5000"));
        assert_eq!(s.page, Page::Check);
        let s = init(
            Some("schedule=sm2017&effective=2026-09-31&own_devices=no"),
            None,
        );
        assert_eq!(s.page, Page::Question(QuestionId::Effective));
        assert_eq!(
            (
                s.draft.day.as_str(),
                s.draft.month.as_str(),
                s.draft.year.as_str()
            ),
            ("31", "09", "2026")
        );
        // A fragment with nothing of ours in it is ignored.
        assert_eq!(init(Some("top"), None).page, Page::Start);
    }

    #[test]
    fn storage_round_trip_and_bad_storage() {
        let s = run(init(None, None), [Action::Start]);
        let s = run(s, answer("700"));
        let restored = init(None, Some(&s.to_storage()));
        assert_eq!(restored.page, Page::Question(QuestionId::Special));
        assert_eq!(restored.answers, s.answers);
        let old = init(None, Some("smx0\nschedule=df\nstart"));
        assert_eq!(old.page, Page::Start);
        assert!(old.notice.as_deref().unwrap().contains("older version"));
        let junk = init(None, Some("smx1\n%%%\nresult"));
        assert!(junk.notice.is_some());
        // A link wins over what is stored.
        let linked = init(Some("schedule=sm2017"), Some(&s.to_storage()));
        assert_eq!(linked.answers.schedule, Schedule::Sm2017);
    }

    #[test]
    fn optional_dates_can_be_skipped_and_start_again_clears_all() {
        let s = init(Some("schedule=df&subjects=10&special=0&value=1&months=1&access=no&other_subjects=5&other_special=0&current_level=S1"), None);
        assert_eq!(s.page, Page::Result);
        let s = run(
            s,
            [
                Action::ChangeAnswers,
                Action::Change(QuestionId::Commencement),
                Action::Skip,
            ],
        );
        assert_eq!(s.page, Page::Check);
        assert_eq!(
            s.answers.get(QuestionId::Commencement),
            Some(&Answer::Skipped)
        );
        let s = run(s, [Action::StartAgain]);
        assert_eq!(s.page, Page::Start);
        assert_eq!(s.answers, Answers::new(Schedule::Df));
        assert_eq!(s.today, Some(today()));
    }

    #[test]
    fn yes_no_choice_and_date_errors() {
        let s = init(Some("schedule=sm2017"), None);
        assert_eq!(
            s.page,
            Page::Question(QuestionId::OwnDevices),
            "the effective date is optional"
        );
        assert_eq!(s.page_change, 0, "opening a link does not move focus");
        let s = run(s, [Action::Continue]);
        assert_eq!(
            s.errors[0].message,
            "Select whether your staff will use their own computers"
        );
        assert_eq!(s.page_change, 1);
        let s = run(s, answer("yes"));
        let s = run(s, [Action::Continue]);
        assert_eq!(s.errors[0].message, "Select the highest protective marking");
        let s = run(s, answer("official-sensitive"));
        assert_eq!(
            s.page,
            Page::Question(QuestionId::LongTerm),
            "OFFICIAL-SENSITIVE: long-term access decides the verdict (CIO ¶4)"
        );
        let s = run(s, [Action::Continue]);
        assert_eq!(
            s.errors[0].message,
            "Select whether you need long-term access to OFFICIAL-SENSITIVE data"
        );
        let s = run(s, answer("no"));
        assert_eq!(s.page, Page::Question(QuestionId::Bulk));
        let s = run(s, [Action::Back, Action::Back, Action::Back, Action::Back]);
        assert_eq!(s.page, Page::Question(QuestionId::Effective));
        let s = run(
            s,
            [
                Action::Input(Field::Day, "31".into()),
                Action::Input(Field::Month, "2".into()),
                Action::Input(Field::Year, "2027".into()),
                Action::Continue,
            ],
        );
        assert_eq!(s.errors[0].field, Field::Day);
        assert_eq!(s.errors[0].message, "Effective Date must be a real date");
        let s = run(
            s,
            [
                Action::Input(Field::Year, "27".into()),
                Action::Input(Field::Day, "1".into()),
                Action::Continue,
            ],
        );
        assert_eq!(
            (s.errors[0].field, s.errors[0].message.as_str()),
            (Field::Year, "Year must include 4 numbers")
        );
    }

    #[test]
    fn opening_a_file_replaces_the_state_or_leaves_it_alone() {
        let s = init(
            Some("schedule=df&subjects=5&special=0&value=1&months=1&access=no"),
            None,
        );
        let mut marks = ReadinessMap::new();
        marks.insert("df-2-7".to_string(), Readiness::InProgress);
        let other =
            from_fragment("schedule=df&subjects=3000&special=0&value=1&months=1&access=no").answers;
        let file = savefile::to_json(&other, &marks);
        let opened = run(s.clone(), [Action::OpenFile(Ok(file))]);
        assert_eq!(opened.answers, other);
        assert_eq!(opened.readiness, marks);
        assert_eq!(opened.page, Page::Result);
        let bad = run(s.clone(), [Action::OpenFile(Ok("not json".into()))]);
        assert_eq!(
            bad.answers, s.answers,
            "a bad file leaves the answers alone"
        );
        assert_eq!(bad.page, s.page);
        assert!(bad.file_problems[0].contains("not a JSON file"));
        let unreadable = run(
            s.clone(),
            [Action::OpenFile(Err("The file could not be read.".into()))],
        );
        assert_eq!(unreadable.file_problems, ["The file could not be read."]);
        assert!(run(bad, [Action::DismissFileProblems])
            .file_problems
            .is_empty());
    }

    #[test]
    fn readiness_is_kept_in_storage_and_version_1_migrates() {
        let s = init(
            Some("schedule=df&subjects=5&special=0&value=1&months=1&access=no"),
            None,
        );
        let s = run(
            s,
            [Action::SetReadiness(
                "df-2-7".into(),
                Some(Readiness::NotYet),
            )],
        );
        let restored = init(None, Some(&s.to_storage()));
        assert_eq!(restored.readiness.get("df-2-7"), Some(&Readiness::NotYet));
        let v1 = s.to_storage().replacen("smx2", "smx1", 1);
        let v1: String = v1.lines().take(3).collect::<Vec<_>>().join("\n");
        let migrated = init(None, Some(&v1));
        assert_eq!(migrated.page, Page::Result);
        assert!(migrated.readiness.is_empty() && migrated.notice.is_none());
        let cleared = run(s, [Action::SetReadiness("df-2-7".into(), None)]);
        assert!(cleared.readiness.is_empty());
    }

    #[test]
    fn the_start_page_schedule_choice() {
        let s = run(
            init(None, None),
            [Action::ChooseSchedule(Schedule::Sm2017), Action::Start],
        );
        assert_eq!(s.page, Page::Question(QuestionId::Effective));
        let s = run(s, [Action::Back]);
        assert_eq!(s.page, Page::Start);
        let s = run(s, [Action::ChooseSchedule(Schedule::Df), Action::Start]);
        assert_eq!(s.page, Page::Question(QuestionId::Subjects));
    }
}
