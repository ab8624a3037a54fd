//! The readiness summary with the action plan (the radios are in the obligations list).
use super::heading;
use security_matrix_core::tracker::Progress;
use yew::prelude::*;

/// What [`readiness_summary`] shows.
pub struct ReadinessSummaryProps {
    /// The summary.
    pub summary: Progress,
    /// Heading level.
    pub heading_level: u8,
}

/// Counts and the action plan, soonest deadline first.
pub fn readiness_summary(p: &ReadinessSummaryProps) -> Html {
    let s = &p.summary;
    html! {
        <section class="smx-readiness-summary" data-testid="readiness-summary">
            { heading(p.heading_level, "smx-heading-m", false, html! { <>{ "Your readiness" }</> }) }
            <p class="smx-body" data-testid="readiness-counts">
                { format!("{} in place, {} in progress, {} not started, {} not marked.", s.in_place, s.in_progress, s.not_started, s.unmarked) }
            </p>
            if s.actions.is_empty() {
                <p class="smx-body">{ "Mark each obligation below as in place, in progress or not yet: the ones still to do appear here as your action plan, soonest deadline first." }</p>
            } else {
                <ol class="smx-list smx-list--number" data-testid="action-plan">
                    { for s.actions.iter().map(|a| html! {
                        <li data-ref={a.obligation.reference} data-testid="action">
                            <span class="smx-ref">{ format!("¶{}", a.obligation.reference) }</span>{ " " }{ a.obligation.title }
                            { format!(" ({})", a.status.label().to_ascii_lowercase()) }
                            if let Some(due) = a.due {
                                { " — due by " }{ super::plan::time(due) }
                            }
                        </li>
                    }) }
                </ol>
            }
        </section>
    }
}
