//! "Your answers": the answers under a result, behind a disclosure (opened for printing).
use security_matrix_core::flow::Answers;
use yew::prelude::*;

/// The answers as a summary list inside `<details>`.
pub fn answers_summary(answers: &Answers) -> Html {
    html! {
        <details class="smx-details smx-answers" data-testid="answers-summary">
            <summary class="smx-details__summary">{ "Your answers" }</summary>
            <dl class="smx-summary-list">
                { for answers.sequence().into_iter().map(|q| html! {
                    <div class="smx-summary-list__row">
                        <dt class="smx-summary-list__key">{ q.question().label }</dt>
                        <dd class="smx-summary-list__value">{ answers.display(q) }</dd>
                    </div>
                }) }
            </dl>
        </details>
    }
}
