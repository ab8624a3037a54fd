//! Check your answers: a summary list with a Change link for every answer.
use super::{back_link, heading, Dispatch};
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
    html! {
        <form key="check-answers" class="smx-page" novalidate=true onsubmit={on_submit} data-testid="check-answers">
            { back_link(&p.dispatch) }
            { heading(p.heading_level, "smx-heading-l", true, html! { <>{ "Check your answers" }</> }) }
            <p class="smx-body">{ p.answers.schedule.title() }</p>
            <dl class="smx-summary-list" data-testid="summary">
                { for p.answers.sequence().into_iter().map(|q| {
                    let question = q.question();
                    let onclick = p.dispatch.on(move |_| Action::Change(q));
                    html! {
                        <div class="smx-summary-list__row" data-testid={format!("row-{}", q.key())}>
                            <dt class="smx-summary-list__key">{ question.label }</dt>
                            <dd class="smx-summary-list__value" data-testid={format!("value-{}", q.key())}>{ p.answers.display(q) }</dd>
                            <dd class="smx-summary-list__actions">
                                <button type="button" class="smx-link-button" {onclick} data-testid={format!("change-{}", q.key())}>
                                    { "Change" }<span class="smx-visually-hidden">{ format!(" {}", question.label.to_ascii_lowercase()) }</span>
                                </button>
                            </dd>
                        </div>
                    }
                }) }
            </dl>
            <button type="submit" class="smx-button" data-testid="show-result">{ "Get your result" }</button>
        </form>
    }
}
