//! The reducer: how each [`Action`] changes the [`State`], page by page, and where the flow
//! goes next. Pure: what it needs from the browser comes in the actions.
use super::{
    is_answer_link, Action, DetailField, Draft, Field, FieldError, Loaded, Making, Page, State,
};
use chrono::NaiveDate;
use security_matrix_core::assessment::flow::{Answer, Answers};
use security_matrix_core::assessment::questions::{DatePart, QuestionId, QuestionKind};
use security_matrix_core::file::link::from_fragment;
use security_matrix_core::file::tracker::{Track, TrackField};
use security_matrix_core::view::View;
use security_matrix_core::{ObligationId, Schedule};
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
        s.apply(&action);
        s.note_change(&self, &action);
        s.stamp_changes(&self, &action);
        Rc::new(s)
    }
}

impl State {
    fn apply(&mut self, action: &Action) {
        let s = self;
        let action = action.clone();
        match action {
            // A colleague's file ("Add a colleague's file").
            Action::MergeFile(read) => s.merge_file(read),
            Action::ChooseMerge(index, theirs) => s.choose_merge(index, theirs),
            Action::FinishMerge => s.finish_merge(),
            Action::SetDetail(field, text) => {
                let d = &mut s.details;
                *match field {
                    DetailField::Organisation => &mut d.organisation,
                    DetailField::Contract => &mut d.contract,
                    DetailField::Customer => &mut d.customer,
                } = text;
            }
            Action::CancelMerge => s.cancel_merge(),
            // Opening the widget, a link, a file.
            Action::Init {
                stored,
                fragment,
                presets,
                today,
                schedule,
            } => s.init(stored, fragment, presets, today, schedule),
            Action::OpenLink(fragment) => {
                s.apply_link(&fragment);
            }
            Action::TakeOver { schedule, start } => {
                if s.is_blank() {
                    s.choose_schedule(schedule);
                    if start {
                        s.start();
                    }
                }
            }
            Action::OpenFile(read) | Action::OpenFileInPlace(read, _) => s.open_file(read),
            Action::DismissFileProblems => s.file_problems.clear(),
            Action::DismissNotice => s.notice = None,
            // The start page.
            Action::ChooseSchedule(schedule) => s.choose_schedule(schedule),
            Action::Start => s.start(),
            // A question page.
            Action::Input(field, value) => s.input(field, value),
            Action::Continue => s.continue_question(),
            Action::Skip => s.skip(),
            Action::Back => s.back(),
            // Check your answers.
            // (The Customer's answers have no Change link, and cannot be changed.)
            Action::Change(q) if s.answers.is_fixed(q) => {}
            Action::Change(q) => {
                s.return_to_check = true;
                s.go(Page::Question(q));
            }
            Action::OwnFigures => {
                if s.answers.use_own_figures() {
                    s.return_to_check = false;
                    s.go(Page::Check);
                }
            }
            Action::ShowResult => s.show_result(),
            // The result.
            Action::ChangeAnswers => s.go(Page::Check),
            Action::StartAgain => match s.page {
                Page::Result(view) if s.would_lose_work() || s.saving.keep => {
                    s.go(Page::ConfirmStartAgain(view))
                }
                _ => s.start_again(),
            },
            Action::ConfirmStartAgain => {
                // What is kept on this device stays there, offered on the start page.
                let kept = s.saving.keep.then(|| s.kept_label()).flatten();
                let device = kept.or(s.device.take());
                s.start_again();
                s.device = device;
            }
            Action::DeviceKept(label) => s.device = label,
            Action::Keep(on) => {
                s.saving.keep = on;
                if on && s.saving.last_change.is_none() {
                    s.saving.last_change = s.minute();
                }
            }
            Action::KeepFailed(message) => {
                s.saving.keep = false;
                s.notice = Some(message);
            }
            Action::CarryOn(read) => {
                s.open_file(read);
                if s.file_problems.is_empty() {
                    s.saving.keep = true;
                    s.device = None;
                }
            }
            Action::ForgetDevice => s.device = None,
            Action::DeviceChanged(text, _) => s.take_from_other_tab(&text),
            Action::DeviceNewer(on) => s.device_newer = on && s.saving.keep,
            Action::DeviceRemoved => s.removed_by_other_tab(),
            Action::SaveFailed(message) => s.notice = Some(message),
            Action::CancelStartAgain => {
                if let Page::ConfirmStartAgain(view) = s.page {
                    s.go(Page::Result(view));
                }
            }
            Action::Clock(time) => s.clock = Some(time),
            Action::Saved(_) => {}
            Action::UndoRemoveContract => s.undo_remove_contract(),
            Action::SetStatus(id, status) => s.track(id, |t| t.status = status),
            Action::SetTrackText(id, field, text) => s.track(id, |t| match field {
                TrackField::Owner => t.owner = text,
                TrackField::Note => t.note = text,
            }),
            Action::ShowView(view) => {
                if matches!(s.page, Page::Result(_)) {
                    s.go(Page::Result(view));
                }
            }
            Action::ShowDuty(id) => {
                if matches!(s.page, Page::Result(_)) {
                    s.go(Page::Result(View::Subject(id.category())));
                    s.focus_duty = Some(id);
                }
            }
            Action::Print => s.print(),
            // A print waiting for the words goes ahead when they are no longer wanted, when
            // they come, or when they cannot (their places then say so).
            Action::SetPrintWords(on) => {
                s.print_words = on;
                if !on {
                    s.print_now_if_waiting();
                }
            }
            Action::WordsLoaded => {
                s.words = Loaded::Ready;
                s.print_now_if_waiting();
            }
            Action::WordsFailed => {
                s.words = Loaded::Failed;
                s.print_now_if_waiting();
            }
            Action::PagesLoaded(ok) => {
                s.pages = if ok { Loaded::Ready } else { Loaded::Failed };
            }
            // One file at a time: a click while one is being made is not another request.
            Action::MakeTakeaway(kind) => {
                if !matches!(s.making, Making::Busy(_)) {
                    s.making = Making::Busy(kind);
                }
            }
            Action::TakeawayMade(kind, made) => {
                s.making = if made {
                    Making::Idle
                } else {
                    Making::Failed(kind)
                };
            }
            // The other Call-Off Contracts ("add another").
            Action::AddContract => s.add_contract(),
            Action::ChangeContract(i) => s.go(Page::Contract(Some(i))),
            Action::RemoveContract(i) => s.remove_contract(i),
            Action::ContractInput(field, value) => s.contract_draft.set(field, value),
            Action::SaveContract => s.save_contract(),
            Action::ContractsDone => s.contracts_done(),
            Action::SetEventDate(event, date) => match date {
                Some(d) => {
                    s.event_dates.insert(event, d);
                }
                None => {
                    s.event_dates.remove(&event);
                }
            },
        }
    }
}

/// The handlers of the actions that do more than set one field.
impl State {
    fn init(
        &mut self,
        stored: Option<String>,
        fragment: Option<String>,
        presets: Option<String>,
        today: NaiveDate,
        schedule: Schedule,
    ) {
        self.today = Some(today);
        self.ready = true;
        self.answers = Answers::new(schedule);
        self.default_schedule = schedule;
        let linked = fragment.as_deref().is_some_and(|f| self.apply_link(f));
        if !linked {
            if let Some(stored) = stored {
                if let Err(message) = self.restore(&stored) {
                    *self = State {
                        today: self.today,
                        ready: true,
                        notice: Some(message),
                        default_schedule: schedule,
                        words: self.words,
                        pages: self.pages,
                        ..State::default()
                    };
                    self.answers = Answers::new(schedule);
                }
            }
            // A direct mount's presets, unless this tab already holds an assessment of
            // the same tender (the bidder's work goes on after a reload).
            if let Some(presets) = presets {
                let tender = |a: &Answers| {
                    a.tender()
                        .map(|t| (a.schedule, t.name.clone(), t.reference.clone()))
                };
                let same = tender(&self.answers).is_some()
                    && tender(&self.answers) == tender(&from_fragment(&presets).answers);
                if !same {
                    self.apply_link(&presets);
                }
            }
        }
        // Opening the widget is not a page change: focus stays where the host put it.
        self.page_change = 0;
    }

    fn choose_schedule(&mut self, schedule: Schedule) {
        if self.answers.schedule != schedule {
            self.answers = Answers::new(schedule);
            self.pending.clear();
            self.pending_contracts.clear();
        }
    }

    fn start(&mut self) {
        self.return_to_check = false;
        let page = self.next_open_page();
        self.go(match page {
            Page::Check => match self.answers.asked().first() {
                Some(q) => Page::Question(*q),
                None => Page::Check,
            },
            p => p,
        });
    }

    fn input(&mut self, field: Field, value: String) {
        match field {
            Field::Main => self.draft.text = value,
            Field::Day => self.draft.day = value,
            Field::Month => self.draft.month = value,
            Field::Year => self.draft.year = value,
        }
    }

    /// Continue on a question page: accept the draft and go on, or show why not.
    fn continue_question(&mut self) {
        if let Page::Question(q) = self.page {
            match self.accept(q) {
                Ok(answer) => {
                    let listing = q == QuestionId::Other && answer == Answer::YesNo(true);
                    self.answers.set(q, answer);
                    if listing {
                        self.pending.remove(&q);
                        self.go(self.contracts_page());
                    } else {
                        self.after_answer(q);
                    }
                }
                Err(e) => {
                    self.errors = vec![e];
                    self.page_change = self.page_change.wrapping_add(1);
                }
            }
        }
    }

    fn skip(&mut self) {
        if let Page::Question(q) = self.page {
            if q.question().optional {
                self.answers.set(q, Answer::Skipped);
                self.after_answer(q);
            }
        }
    }

    fn back(&mut self) {
        let page = match self.page {
            Page::Question(_) if self.return_to_check => {
                self.return_to_check = false;
                Page::Check
            }
            Page::Question(q) => match self.answers.previous(q) {
                Some(QuestionId::Other)
                    if self.answers.get(QuestionId::Other) == Some(&Answer::YesNo(true)) =>
                {
                    Page::Contracts
                }
                p => p.map_or(Page::Start, Page::Question),
            },
            Page::Contract(_) if !self.answers.contracts().is_empty() => Page::Contracts,
            Page::Contract(_) | Page::Contracts => Page::Question(QuestionId::Other),
            Page::Check => self
                .answers
                .asked()
                .last()
                .map_or(Page::Start, |q| Page::Question(*q)),
            Page::Result(View::Summary) => Page::Check,
            Page::Result(_) => Page::Result(View::Summary),
            Page::ConfirmStartAgain(view) => Page::Result(view),
            Page::Merge => {
                self.merge_review = None;
                Page::Result(View::Take)
            }
            Page::Start => Page::Start,
        };
        self.go(page);
    }

    fn show_result(&mut self) {
        if self.answers.is_complete() {
            self.go(Page::Result(View::Summary));
        } else {
            let page = self.next_open_page();
            self.go(page);
        }
    }

    /// Changes what is recorded for obligation `id` (forgetting it when nothing is left).
    fn track(&mut self, id: ObligationId, change: impl FnOnce(&mut Track)) {
        let mut track = self.tracker.get(&id).cloned().unwrap_or_default();
        change(&mut track);
        if track.is_empty() {
            self.tracker.remove(&id);
        } else {
            self.tracker.insert(id, track);
        }
    }

    /// "Print or save as PDF": opens the all-on-one-page view and asks the edge to print
    /// it, once the schedule's words are there when they are to be printed.
    fn print(&mut self) {
        if !matches!(self.page, Page::Result(_)) {
            return;
        }
        if self.page != Page::Result(View::All) {
            self.go(Page::Result(View::All));
        }
        if self.print_words && self.words == Loaded::Loading {
            self.print_waiting = true;
        } else {
            self.print_request = self.print_request.wrapping_add(1);
        }
    }

    /// Prints the print that waits for the words, if there is one.
    fn print_now_if_waiting(&mut self) {
        if std::mem::take(&mut self.print_waiting) {
            self.print_request = self.print_request.wrapping_add(1);
        }
    }

    fn start_again(&mut self) {
        // (the contracts and any pending from a link go too)
        // (the tracker, file problems and everything else go with the rest; the words,
        // and the pages' code, once loaded, stay; a tender's presets stay: a new assessment of the same tender)
        let presets = self.presets.take().or_else(|| self.answers.presets_only());
        *self = State {
            today: self.today,
            clock: self.clock.take(),
            words: self.words,
            pages: self.pages,
            ready: true,
            page_change: self.page_change.wrapping_add(1),
            default_schedule: self.default_schedule,
            ..State::default()
        };
        self.answers = presets
            .clone()
            .unwrap_or_else(|| Answers::new(self.default_schedule));
        self.presets = presets;
    }
}

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
    fn apply_link(&mut self, fragment: &str) -> bool {
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
