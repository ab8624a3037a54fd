//! What can happen, as the reducer is told it: every [`Action`] the components, the hooks
//! and the edge send, with the values the edge read for it (the clock, a file's text, what
//! the device keeps).
use super::Field;
use chrono::{NaiveDate, NaiveDateTime};
use security_matrix_core::assessment::flow::ContractField;
use security_matrix_core::assessment::questions::QuestionId;
use security_matrix_core::file::tracker::{Status, TrackField};
use security_matrix_core::takeaways::download::Takeaway;
use security_matrix_core::view::View;
use security_matrix_core::{EventId, ObligationId, Schedule};

/// A title-page detail of the documents (on "Take it with you" and the all view).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DetailField {
    /// The bidder's organisation.
    Organisation,
    /// The contract's name or reference.
    Contract,
    /// The Customer (DF) or the Authority (2017).
    Customer,
}

/// What the edge reads of the clock before each action ([`Action::Clock`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clock {
    /// The local time, "14:02", as the save state says it.
    pub local: String,
    /// The time in UTC, to the second: when a tracker entry or an event date changed.
    pub utc: NaiveDateTime,
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
        /// A direct mount's presets (`data-answers`), if any.
        presets: Option<String>,
        /// Today's date.
        today: NaiveDate,
        /// The schedule to start with (the embedding page may choose it).
        schedule: Schedule,
    },
    /// A link was opened while the widget was showing (hashchange).
    OpenLink(String),
    /// The app took over the pre-rendered start page, on which the user had already chosen
    /// `schedule` and perhaps pressed Start (`start`). Acted on only while the widget is
    /// still on a blank start page, so it never touches a link's or a stored session's
    /// answers.
    TakeOver {
        /// The schedule chosen on the pre-rendered page.
        schedule: Schedule,
        /// Whether Start was pressed there.
        start: bool,
    },
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
    /// Set an obligation's status (or clear it).
    SetStatus(ObligationId, Option<Status>),
    /// Typing in an obligation's owner or note (kept as typed, even when too long).
    SetTrackText(ObligationId, TrackField, String),
    /// Open a view of the result.
    ShowView(View),
    /// A link to one duty (what is due next): open its subject's view, focused on it.
    ShowDuty(ObligationId),
    /// "Print or save as PDF": open the all-on-one-page view and print it.
    Print,
    /// "Include the schedule's own words" in the printed view.
    SetPrintWords(bool),
    /// The edge has loaded the schedule's words and installed them.
    WordsLoaded,
    /// The edge could not load the schedule's words.
    WordsFailed,
    /// The edge has loaded the code of the pages (`true`), or could not.
    PagesLoaded(bool),
    /// A take-away file's button: make it and offer it (the edge does, [`Making::Busy`]).
    MakeTakeaway(Takeaway),
    /// The edge has offered the take-away file (`true`) or could not make it.
    TakeawayMade(Takeaway, bool),
    /// A saved file was read at the edge: its text, or why it could not be read.
    OpenFile(Result<String, String>),
    /// A saved file opened through the browser's file picker (`showOpenFilePicker`), which
    /// the tab can save back to: what it holds (or why it could not be read), and its name.
    OpenFileInPlace(Result<String, String>, String),
    /// Dismiss the file problems.
    DismissFileProblems,
    /// "Add another contract" on the list.
    AddContract,
    /// "Change" a listed contract.
    ChangeContract(usize),
    /// "Remove" a listed contract.
    RemoveContract(usize),
    /// Typing in a contract's field.
    ContractInput(ContractField, String),
    /// "Save and continue" on a contract's page.
    SaveContract,
    /// "Continue" on the list.
    ContractsDone,
    /// "Undo" after removing a contract: it goes back where it was.
    UndoRemoveContract,
    /// The time: the edge sends it before each action, so a change is noted with it (the
    /// save state's local minute, each tracker entry's and event date's change time in
    /// UTC); the reducer reads no clock.
    Clock(Clock),
    /// The document was saved to a file of this name.
    Saved(String),
    /// "Yes, start again" on the confirmation page.
    ConfirmStartAgain,
    /// "Cancel" on the confirmation page: back to the view.
    CancelStartAgain,
    /// What this device keeps, read at the edge on start: when it last changed, if there
    /// is an assessment kept.
    DeviceKept(Option<String>),
    /// "Keep on this device" turned on or off (the edge removes it when off).
    Keep(bool),
    /// The browser refused to keep it (private browsing, storage full or turned off): why.
    KeepFailed(String),
    /// "Carry on with the assessment kept on this device": what it holds, or why it could
    /// not be read.
    CarryOn(Result<String, String>),
    /// "Remove it from this device" (the edge has removed it).
    ForgetDevice,
    /// Another tab kept a newer version on this device: its document and when it changed
    /// (this tab had nothing unwritten, so it takes it, on the page it is on).
    DeviceChanged(String, String),
    /// Another tab kept a different version while this one had changes of its own (`true`),
    /// or the user chose which to keep (`false`).
    DeviceNewer(bool),
    /// Another tab removed it from this device.
    DeviceRemoved,
    /// A save to a file did not happen (cancelled, or refused by the browser): why.
    SaveFailed(String),
    /// A colleague's file was read at the edge ("Add a colleague's file"): its text, or why
    /// it could not be read.
    MergeFile(Result<String, String>),
    /// On the merge's review page: for conflict `0`, take theirs (`true`) or keep yours.
    ChooseMerge(usize, bool),
    /// "Finish merging" (the settled entries are stamped with the clock's time).
    FinishMerge,
    /// A title-page detail of the documents typed: which, and its text.
    SetDetail(DetailField, String),
    /// "Cancel" on the merge's review page.
    CancelMerge,
    /// "Work it out with your own figures instead": the same answers, none fixed, labelled
    /// as not the tender's.
    OwnFigures,
}
