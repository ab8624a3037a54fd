//! Check your answers: a summary list with a Change link for every answer the bidder gave;
//! an answer the tender's Customer set says so, and has none.
use super::{back, tender_line, tender_section, Dispatch, SET_BY_CUSTOMER};
use crate::elements::{button, heading, summary_list, summary_row, Button, SummaryRow};
use crate::state::Action;
use security_matrix_core::assessment::flow::Answers;
use yew::prelude::*;

/// What [`check_answers`] shows.
pub struct CheckAnswersProps {
    /// The answers.
    pub answers: Answers,
    /// Level of the page heading.
    pub heading_level: u8,
    /// Dispatches actions.
    pub dispatch: Dispatch,
}

/// The check-answers page.
pub fn check_answers(p: &CheckAnswersProps) -> Html {
    let on_submit = p.dispatch.on(|e: SubmitEvent| {
        e.prevent_default();
        Action::ShowResult
    });
    let rows = p.answers.sequence().into_iter().map(|q| {
        let question = q.question();
        let onclick = p.dispatch.on(move |_| Action::Change(q));
        let fixed = p.answers.is_fixed(q);
        summary_row(SummaryRow {
            key: q.key().into(),
            testid: Some(format!("row-{}", q.key())),
            index: None,
            name: html! { { question.label } },
            name_testid: None,
            value: html! { <>
                { p.answers.display(q) }
                if fixed {
                    <span class="smx-hint smx-fixed" data-testid={format!("fixed-{}", q.key())}>{ SET_BY_CUSTOMER }</span>
                }
            </> },
            value_testid: Some(format!("value-{}", q.key())),
            actions: (!fixed).then(|| html! {
                <button type="button" class="smx-link-button" {onclick} data-testid={format!("change-{}", q.key())}>
                    { "Change" }<span class="smx-visually-hidden">{ format!(" {}", question.label.to_ascii_lowercase()) }</span>
                </button>
            }),
        })
    });
    html! {
        <form key="check-answers" class="smx-page" novalidate=true onsubmit={on_submit} data-testid="check-answers">
            { back(&p.dispatch) }
            { heading(p.heading_level, "smx-heading-l", true, html! { { "Check your answers" } }) }
            <p class="smx-body">{ p.answers.schedule.title() }</p>
            { tender_line(&p.answers) }
            { summary_list(Some("summary"), rows) }
            { tender_section(&p.answers, (p.heading_level + 1).min(6), &p.dispatch) }
            { button(Button { submit: true, testid: "show-result", text: html! { "Get your result" }, ..Button::default() }) }
        </form>
    }
}
