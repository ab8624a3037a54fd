//! Every action, as the pages' code applies it (`later.rs`: in a `lazy-pages` build this is
//! in the pages' module): how each [`Action`] changes the [`State`], and the handlers of
//! those that do more than set one field. Pure: what it needs from the browser comes in the
//! actions. (The start page's own actions are applied in `reduce.rs` without this code
//! while it loads; they are here too, for when an action waits for it.)
use super::{Action, DetailField, Field, Loaded, Making, Page, State};
use chrono::NaiveDate;
use security_matrix_core::assessment::flow::{Answer, Answers};
use security_matrix_core::assessment::questions::QuestionId;
use security_matrix_core::file::link::from_fragment;
use security_matrix_core::file::tracker::{Track, TrackField};
use security_matrix_core::view::View;
use security_matrix_core::{ObligationId, Schedule};

impl State {
    /// Applies `action`.
    pub(super) fn apply(&mut self, action: &Action) {
        let s = self;
        let action = action.clone();
        match action {
            // The start page's own (`reduce.rs`), when one waits behind an action held for
            // this code; a takeover with Start pressed starts.
            Action::Clock(_)
            | Action::PagesLoaded(_)
            | Action::WordsLoaded
            | Action::WordsFailed
            | Action::ChooseSchedule(_)
            | Action::TakeOver { .. }
            | Action::DeviceKept(_)
            | Action::ForgetDevice
            | Action::DismissNotice
            | Action::DismissFileProblems => {
                if let Some(Action::Start) = s.own(action) {
                    s.start();
                }
            }
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
            Action::OpenFile(read) | Action::OpenFileInPlace(read, _) => s.open_file(read),
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
            Action::DeviceChanged(text, _) => s.take_from_other_tab(&text),
            Action::DeviceNewer(on) => s.device_newer = on && s.saving.keep,
            Action::DeviceRemoved => s.removed_by_other_tab(),
            Action::SaveFailed(message) => s.notice = Some(message),
            Action::CancelStartAgain => {
                if let Page::ConfirmStartAgain(view) = s.page {
                    s.go(Page::Result(view));
                }
            }
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
            // A print waiting for the words goes ahead when they are no longer wanted.
            Action::SetPrintWords(on) => {
                s.print_words = on;
                if !on {
                    s.print_now_if_waiting();
                }
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
