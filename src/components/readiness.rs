//! The readiness self-check: radios on each obligation, and the summary with the action plan.
use super::heading;
use crate::state::Action;
use security_matrix_core::readiness::{Readiness, ReadinessSummary};
use yew::prelude::*;

/// What [`readiness_radios`] shows.
#[derive(PartialEq)]
pub struct ReadinessRadiosProps {
    /// The obligation's id.
    pub id: &'static str,
    /// Its title (for the legend).
    pub title: &'static str,
    /// The current mark.
    pub mark: Option<Readiness>,
    /// Emits actions.
    pub on_action: Callback<Action>,
}

/// "In place / In progress / Not yet" for one obligation.
pub fn readiness_radios(p: &ReadinessRadiosProps) -> Html {
    html! {
        <fieldset class="smx-fieldset smx-readiness" data-testid="readiness">
            <legend class="smx-readiness__legend">
                { "Ready?" }<span class="smx-visually-hidden">{ format!(" {}", p.title) }</span>
            </legend>
            <div class="smx-radios smx-radios--inline smx-radios--small">
                { for Readiness::ALL.iter().map(|&r| {
                    let input_id = format!("smx-ready-{}-{}", p.id, r.key());
                    let id = p.id.to_string();
                    let onchange = p.on_action.reform(move |_| Action::SetReadiness(id.clone(), Some(r)));
                    html! {
                        <div class="smx-radios__item">
                            <input class="smx-radios__input" type="radio" id={input_id.clone()} name={format!("smx-ready-{}", p.id)}
                                value={r.key()} checked={p.mark == Some(r)} {onchange} data-testid={format!("ready-{}", r.key())} />
                            <label class="smx-label smx-radios__label" for={input_id}>{ r.label() }</label>
                        </div>
                    }
                }) }
            </div>
        </fieldset>
    }
}

/// What [`readiness_summary`] shows.
#[derive(PartialEq)]
pub struct ReadinessSummaryProps {
    /// The summary.
    pub summary: ReadinessSummary,
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
                { format!("{} in place, {} in progress, {} not yet, {} not marked.", s.in_place, s.in_progress, s.not_yet, s.unmarked) }
            </p>
            if s.actions.is_empty() {
                <p class="smx-body">{ "Mark each obligation below as in place, in progress or not yet: the ones still to do appear here as your action plan, soonest deadline first." }</p>
            } else {
                <ol class="smx-list smx-list--number" data-testid="action-plan">
                    { for s.actions.iter().map(|a| html! {
                        <li data-ref={a.obligation.reference} data-testid="action">
                            <span class="smx-ref">{ format!("¶{}", a.obligation.reference) }</span>{ " " }{ a.obligation.title }
                            { format!(" ({})", a.state.label().to_ascii_lowercase()) }
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
