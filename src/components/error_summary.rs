//! "There is a problem": the error summary at the top of a page.
use crate::edge;
use yew::prelude::*;

/// Properties of [`ErrorSummary`].
#[derive(Properties, PartialEq)]
pub struct ErrorSummaryProps {
    /// Each error: the id of its field and the message.
    pub errors: Vec<(String, String)>,
    /// Heading level of the summary's title.
    pub heading_level: u8,
}

/// The error summary; focus moves to it when a page shows errors.
#[function_component(ErrorSummary)]
pub fn error_summary(p: &ErrorSummaryProps) -> Html {
    html! {
        <div class="smx-error-summary" data-testid="error-summary" tabindex="-1" data-smx-focus="errors"
             aria-labelledby="smx-error-summary-title" role="alert">
            <super::Heading level={p.heading_level} class="smx-error-summary__title">
                <span id="smx-error-summary-title">{ "There is a problem" }</span>
            </super::Heading>
            <ul class="smx-error-summary__list">
                { for p.errors.iter().map(|(id, message)| {
                    let target = id.clone();
                    let onclick = Callback::from(move |e: MouseEvent| {
                        e.prevent_default();
                        edge::focus_id(&target);
                    });
                    html! { <li><a href={format!("#{id}")} {onclick}>{ message }</a></li> }
                }) }
            </ul>
        </div>
    }
}
