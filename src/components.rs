//! The widget's components, one per file. They render what they are given and emit
//! actions through `on_action`; none of them reads the browser.
mod answers_summary;
mod back_link;
mod check_answers;
mod df_result;
mod error_summary;
mod heading;
mod notice;
mod obligations;
mod open_file;
mod plan;
mod question;
mod readiness;
mod result_actions;
mod sm_result;
mod start;
mod takeaways;

pub use answers_summary::answers_summary;
pub use back_link::BackLink;
pub use check_answers::CheckAnswers;
pub use df_result::DfResultPage;
pub use error_summary::ErrorSummary;
pub use heading::Heading;
pub use notice::Notice;
pub use obligations::ObligationList;
pub use open_file::OpenFile;
pub use plan::PlanSection;
pub use question::QuestionPage;
pub use readiness::{ReadinessRadios, ReadinessSummaryView};
pub use result_actions::ResultActions;
pub use sm_result::SmResultPage;
pub use start::StartPage;
pub use takeaways::Takeaways;

use crate::state::Action;
use chrono::NaiveDate;
use security_matrix_core::flow::Answers;
use security_matrix_core::readiness::ReadinessMap;
use security_matrix_core::report::EventDates;
use yew::Callback;

/// What both result pages need besides their schedule's answers.
#[derive(Clone, PartialEq)]
pub struct ResultContext {
    /// The answers as a link fragment.
    pub fragment: String,
    /// Today, from the edge.
    pub today: Option<NaiveDate>,
    /// Dates of events the user entered.
    pub event_dates: EventDates,
    /// Every answer (for the saved file and the answers summary).
    pub all_answers: Answers,
    /// The readiness marks.
    pub readiness: ReadinessMap,
    /// Level of the page heading.
    pub heading_level: u8,
    /// Emits actions.
    pub on_action: Callback<Action>,
}
