//! "Your answers": the answers under a result, behind a disclosure (open in the all-on-one-page view, which prints).
use crate::elements::{details, details_class, summary_list, summary_row, Details, SummaryRow};
use security_matrix_core::assessment::flow::Answers;
use yew::prelude::*;

/// The answers as a summary list inside `<details>`, `open` in the printed view.
pub fn answers_summary(answers: &Answers, open: bool) -> Html {
    let rows = answers.sequence().into_iter().map(|q| {
        summary_row(SummaryRow {
            key: q.key().into(),
            testid: None,
            index: None,
            name: html! { { q.question().label } },
            name_testid: None,
            value: html! { <>
                { answers.display(q) }
                if answers.is_fixed(q) {
                    <span class="smx-hint smx-fixed">{ super::SET_BY_CUSTOMER }</span>
                }
            </> },
            value_testid: None,
            actions: None,
        })
    });
    details(Details {
        class: details_class!("smx-answers"),
        testid: Some("answers-summary"),
        open,
        summary: html! { "Your answers" },
        body: summary_list(None, rows),
    })
}
