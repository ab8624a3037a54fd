//! The widget's components, one per file. They render what they are given and emit
//! actions through `on_action`; none of them reads the browser.
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
