//! "Your answers": the answers under a result, behind a disclosure (open in the all-on-one-page view, which prints).
use security_matrix_core::assessment::flow::Answers;
use yew::prelude::*;

/// The answers as a summary list inside `<details>`, `open` in the printed view.
pub fn answers_summary(answers: &Answers, open: bool) -> Html {
    html! {
        <details class="smx-details smx-answers" data-testid="answers-summary" {open}>
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
