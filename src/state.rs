//! The app's state and its pure reducer. Nothing here touches the DOM, storage or a clock:
//! the edge (effects in `app.rs`) reads those and dispatches actions carrying the values.
//! Here: the pages and the state. The actions, with the clock and the documents' detail
//! fields they carry, are in `action.rs`; the reducer is in `reduce.rs` (the start page's
//! own actions, and holding the rest until the pages' code is there), `apply.rs` (each
//! action's handler) and `flow.rs` (moving through the flow), the parts the start page
//! never runs reached through `later.rs`; the question page's form in `draft.rs`; what is
//! kept (sessionStorage and the saved file, one document) in `persist.rs`; the pages'
//! document titles in `title.rs`.
mod action;
mod apply;
mod contracts;
mod device;
mod draft;
mod flow;
pub mod later;
mod loaded;
mod merge;
mod persist;
mod reduce;
mod saving;
#[cfg(test)]
mod tests;
mod title;

pub use action::{Action, Clock, DetailField};
pub use draft::{Draft, Field, FieldError};
pub use loaded::Loaded;
pub use merge::{conflict_key, merged_message, MergeReview, CHOOSE_EACH};
pub use saving::{SaveState, Saving};

use chrono::NaiveDate;
use security_matrix_core::assessment::flow::{
    parse_contract_key, Answers, ContractDraft, ContractError, ContractField,
};
use security_matrix_core::assessment::questions::QuestionId;
use security_matrix_core::dates::plan::EventDates;
use security_matrix_core::file::link::{ContractLinkError, PresetProblem};
use security_matrix_core::file::savefile::{Changes, DocumentDetails};
use security_matrix_core::file::tracker::Tracker;
use security_matrix_core::takeaways::download::Takeaway;
use security_matrix_core::view::View;
use security_matrix_core::{Contract, IdMap, ObligationId, Schedule};

/// A page of the flow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    /// What the tool does; choose a schedule; Start.
    Start,
    /// One question.
    Question(QuestionId),
    /// The other Call-Off Contracts listed ("add another" summary).
    Contracts,
    /// One other Call-Off Contract: add (`None`) or change the one at an index.
    Contract(Option<usize>),
    /// Check your answers.
    Check,
    /// The result, in one of its views.
    Result(View),
    /// "Start again" with changes that would be lost: are you sure? (from this view).
    ConfirmStartAgain(View),
    /// The conflicts of a colleague's file, to settle one by one.
    Merge,
}

impl Page {
    /// A stable key for storage ("start", "q:subjects", "contracts", "contract:new",
    /// "contract:2" (1-based), "check", "result" for the summary, "result:plan" for
    /// another view).
    pub fn key(self) -> String {
        match self {
            Page::Start => "start".into(),
            Page::Question(q) => format!("q:{}", q.key()),
            Page::Contracts => "contracts".into(),
            Page::Contract(None) => "contract:new".into(),
            Page::Contract(Some(i)) => format!("contract:{}", i + 1),
            Page::Check => "check".into(),
            Page::Result(View::Summary) => "result".into(),
            Page::Result(v) => format!("result:{}", v.key()),
            // (Restored as the view it came from.)
            Page::ConfirmStartAgain(View::Summary) => "result".into(),
            Page::ConfirmStartAgain(v) => format!("result:{}", v.key()),
            Page::Merge => "merge".into(),
        }
    }

    /// The page for a key.
    pub fn from_key(key: &str) -> Option<Page> {
        match key {
            "start" => Some(Page::Start),
            "check" => Some(Page::Check),
            "contracts" => Some(Page::Contracts),
            "contract:new" => Some(Page::Contract(None)),
            "result" => Some(Page::Result(View::Summary)),
            "merge" => Some(Page::Merge),
            _ if key.starts_with("contract:") => {
                let n: usize = key.strip_prefix("contract:")?.parse().ok()?;
                Some(Page::Contract(Some(n.checked_sub(1)?)))
            }
            _ => match key.strip_prefix("result:") {
                Some(view) => View::from_key(view).map(Page::Result),
                None => QuestionId::from_key(key.strip_prefix("q:")?).map(Page::Question),
            },
        }
    }
}

/// A take-away file being made: none, one (a `lazy-takeaways` build loads the module that
/// writes them the first time, a moment), or the last could not be made (its module failed
/// its integrity check or is missing: the buttons' places say so; everything else works).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Making {
    /// No file is being made.
    #[default]
    Idle,
    /// This file is being made; the take-away buttons wait.
    Busy(Takeaway),
    /// The last file asked for, this one, could not be made.
    Failed(Takeaway),
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
    /// The tracker (status, owner, note), by obligation id. Those of both schedules are kept
    /// (the id names its schedule): a link or a choice of the other schedule does not lose
    /// them, and the saved file and storage keep them all.
    pub tracker: Tracker,
    /// Whether the printed view includes the schedule's own words.
    pub print_words: bool,
    /// Increases each time the user asks to print (the edge prints after the render).
    pub print_request: u32,
    /// Whether the schedule's words are there (see [`Loaded`]).
    pub words: Loaded,
    /// Whether the code of every page but the start page is there (see [`Loaded`]).
    pub pages: Loaded,
    /// "Print" was asked for with the words while they were loading: it prints when they
    /// come.
    pub print_waiting: bool,
    /// A take-away file being made, or why the last was not (see [`Making`]).
    pub making: Making,
    /// The duty focus goes to when its subject's view opens (from "what is due next").
    pub focus_duty: Option<ObligationId>,
    /// Why a file the user opened could not be used (the state is left as it was).
    pub file_problems: Vec<String>,
    /// What is typed on a contract's page.
    pub contract_draft: ContractDraft,
    /// Errors on a contract's page, or the list's error (the list is full, or empty).
    pub contract_errors: Vec<ContractError>,
    /// Contracts from a link that could not be accepted: each opens on its page.
    pub pending_contracts: Vec<ContractLinkError>,
    /// The contract just removed from the list (its index), until undone or the list left.
    pub removed_contract: Option<(usize, Contract)>,
    /// The time the edge passed in with the latest action.
    pub clock: Option<Clock>,
    /// Where the work stands: saved, kept, or changed since (see [`SaveState`]).
    pub saving: Saving,
    /// An assessment kept on this device that the start page offers to carry on with: when
    /// it last changed ("4 December 2026 at 14:02"), from the edge.
    pub device: Option<String>,
    /// Another tab kept a different version on this device while this one had changes of
    /// its own: this tab's are not written there until the user chooses.
    pub device_newer: bool,
    /// When each entry of the tracker and of the event dates last changed (the saved
    /// file keeps it; merging a colleague's file goes by it).
    pub changes: Changes,
    /// The documents' title-page details, as typed (the save file keeps them).
    pub details: DocumentDetails,
    /// A colleague's file whose conflicts wait on the review page.
    pub merge_review: Option<MergeReview>,
    /// Why a colleague's file could not be merged (the state is left as it was).
    pub merge_problems: Vec<String>,
    /// A tender's presets, as the portal set them (the tender and the answers its
    /// Customer fixed): what "Start again" begins with.
    pub presets: Option<Answers>,
    /// The presets that could not be used: the edge reports them in the console (once),
    /// and each question they belong to shows a notice.
    pub preset_problems: Vec<PresetProblem>,
    /// Actions that wait for the pages' code (see `reduce.rs`), in the order they came:
    /// while there are any, the page says it is loading (or that it cannot).
    pub held: Vec<Action>,
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
            tracker: Tracker::new(),
            print_words: false,
            print_request: 0,
            words: Loaded::words(),
            pages: Loaded::pages(),
            print_waiting: false,
            making: Making::Idle,
            focus_duty: None,
            file_problems: Vec::new(),
            contract_draft: ContractDraft::default(),
            contract_errors: Vec::new(),
            pending_contracts: Vec::new(),
            removed_contract: None,
            clock: None,
            saving: Saving::default(),
            device: None,
            device_newer: false,
            changes: Changes::default(),
            details: DocumentDetails::default(),
            merge_review: None,
            merge_problems: Vec::new(),
            presets: None,
            preset_problems: Vec::new(),
            held: Vec::new(),
        }
    }
}

impl State {
    /// Whether the widget is ready (`data-smx-ready`): the edge has read the link, the
    /// stored answers and the date; and when it opened on a page other than the start page,
    /// that page's code is there (or known not to come: the page says so). Once set it
    /// stays: a page the user moves to before the code has come says it is loading, without
    /// taking the mark away.
    pub fn shows_ready(&self) -> bool {
        self.ready && !(self.page_change == 0 && self.waits_for_code())
    }

    /// Whether the page shown waits for its code ([`Loaded::Loading`]): any page but the
    /// start page, or actions held for it, in a `lazy-pages` build, until the code has come.
    pub fn waits_for_code(&self) -> bool {
        self.shows_pages() && self.pages == Loaded::Loading
    }

    /// Whether what shows needs the pages' code: a page other than the start page, or
    /// actions held for it (the start page's module draws only the start page).
    pub fn shows_pages(&self) -> bool {
        self.page != Page::Start || !self.held.is_empty()
    }
}

/// Whether a URL fragment carries answers (a deep link) rather than, say, an anchor.
pub fn is_answer_link(fragment: &str) -> bool {
    fragment.split('&').any(|p| {
        let k = p.split('=').next().unwrap_or("");
        k == "schedule"
            || PRESET_KEYS.contains(&k)
            || QuestionId::from_key(k).is_some()
            || parse_contract_key(&k.to_ascii_lowercase()).is_some()
    })
}

/// The keys of a tender's presets: the answers its Customer set, its name and reference
/// (and, in a link the result copies, that the bidder's own figures were used).
pub const PRESET_KEYS: [&str; 4] = ["fixed", "tender", "tender_ref", "own_figures"];

impl State {
    /// Whether the question shows the notice that the page's preset for it could not be
    /// used.
    pub fn preset_notice(&self, q: QuestionId) -> bool {
        self.preset_problems.iter().any(|p| p.question == Some(q))
    }
}

/// What the edge reads once when the widget starts, before its first render: so that first
/// render is already the page a link or a stored session opens (never the start page
/// first, issue 17).
#[derive(Clone, Debug, PartialEq)]
pub struct Boot {
    /// What sessionStorage held, if anything.
    pub stored: Option<String>,
    /// The URL fragment without '#', if any.
    pub fragment: Option<String>,
    /// A direct mount's presets (`data-answers`), if any.
    pub presets: Option<String>,
    /// Today's date.
    pub today: NaiveDate,
}

impl State {
    /// The state the widget opens in: [`Action::Init`] with what the edge read.
    pub fn started(boot: &Boot, schedule: Schedule) -> State {
        let init = Action::Init {
            stored: boot.stored.clone(),
            fragment: boot.fragment.clone(),
            presets: boot.presets.clone(),
            today: boot.today,
            schedule,
        };
        let state = yew::Reducible::reduce(std::rc::Rc::new(State::default()), init);
        std::rc::Rc::unwrap_or_clone(state)
    }
}

/// What [`is_answer_link`] looks for, as data for code that runs before the app does (the
/// boot script the build writes, which must tell a deep link from an anchor without the
/// WebAssembly): the plain keys, and the contract keys `c<n>_<field>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerLinkKeys {
    /// `schedule` and every question's key.
    pub keys: Vec<&'static str>,
    /// The `<field>` of a contract key.
    pub contract_fields: Vec<&'static str>,
    /// The highest `<n>` of a contract key (from 1, no leading zero; any letter case).
    pub max_contracts: usize,
}

/// The keys of [`is_answer_link`].
pub fn answer_link_keys() -> AnswerLinkKeys {
    let questions = security_matrix_core::assessment::questions::QUESTIONS.iter();
    AnswerLinkKeys {
        keys: std::iter::once("schedule")
            .chain(PRESET_KEYS)
            .chain(questions.map(|q| q.id.key()))
            .collect(),
        contract_fields: ContractField::ALL.iter().map(|f| f.key()).collect(),
        max_contracts: security_matrix_core::assessment::answers::MAX_CONTRACTS,
    }
}
