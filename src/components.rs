//! The widget's components, one per file. They render what they are given and emit
//! actions through `on_action`; none of them reads the browser.
mod back_link;
mod check_answers;
mod df_result;
mod error_summary;
mod heading;
mod notice;
mod obligations;
mod plan;
mod question;
mod result_actions;
mod sm_result;
mod start;

pub use back_link::BackLink;
pub use check_answers::CheckAnswers;
pub use df_result::DfResultPage;
pub use error_summary::ErrorSummary;
pub use heading::Heading;
pub use notice::Notice;
pub use obligations::ObligationList;
pub use plan::PlanSection;
pub use question::QuestionPage;
pub use result_actions::ResultActions;
pub use sm_result::SmResultPage;
pub use start::StartPage;
