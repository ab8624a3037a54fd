//! The obligations that apply, grouped by category, each with its reference, plain title,
//! conditions and the clause's own words behind a disclosure.
use super::{heading, readiness_radios, ReadinessRadiosProps};
use crate::state::Action;
use security_matrix_core::plan::Plan;
use security_matrix_core::readiness::ReadinessMap;
use security_matrix_core::report::ObligationGroup;
use yew::prelude::*;

/// What [`obligation_list`] shows.
#[derive(PartialEq)]
pub struct ObligationListProps {
    /// The groups.
    pub groups: Vec<ObligationGroup>,
    /// Level of the group headings.
    pub heading_level: u8,
    /// The plan, to show each obligation's due dates.
    pub plan: Plan,
    /// The readiness marks.
    pub readiness: ReadinessMap,
    /// Emits actions (readiness marks).
    pub on_action: Callback<Action>,
}

/// The grouped list.
pub fn obligation_list(p: &ObligationListProps) -> Html {
    html! {
        <div class="smx-obligations" data-testid="obligations">
            { for p.groups.iter().map(|g| html! {
                <section class="smx-obligation-group" data-testid="obligation-group">
                    { heading(p.heading_level, "smx-heading-s", false, html! { <>
                        { format!("{} ({})", g.category.name(), g.items.len()) }
                    </> }) }
                    <ul class="smx-list">
                        { for g.items.iter().map(|s| {
                            let o = s.obligation;
                            html! {
                                <li class="smx-obligation" data-ref={o.reference} data-testid="obligation" data-id={o.id}>
                                    <p class="smx-obligation__title">
                                        <span class="smx-ref">{ format!("¶{}", o.reference) }</span>{ " " }{ o.title }
                                    </p>
                                    { due_dates(&p.plan, o.id) }
                                    { for s.open_conditions.iter().map(|c| html! {
                                        <p class="smx-obligation__condition">{ format!("Applies {}", c.describe()) }</p>
                                    }) }
                                    if let Some(note) = o.note {
                                        <p class="smx-obligation__note"><strong>{ "Drafting note: " }</strong>{ note }</p>
                                    }
                                    { readiness_radios(&ReadinessRadiosProps { id: o.id, title: o.title, mark: p.readiness.get(o.id).copied(), on_action: p.on_action.clone() }) }
                                    <details class="smx-details">
                                        <summary class="smx-details__summary">{ "The schedule's words" }</summary>
                                        <blockquote class="smx-details__text">{ o.text }</blockquote>
                                    </details>
                                </li>
                            }
                        }) }
                    </ul>
                </section>
            }) }
        </div>
    }
}

fn due_dates(plan: &Plan, id: &str) -> Html {
    let entries: Vec<_> = plan
        .dated
        .iter()
        .filter(|e| e.obligation.id == id)
        .collect();
    if entries.is_empty() {
        return html! {};
    }
    html! {
        <p class="smx-obligation__due">
            { "Due by " }
            { for entries.iter().enumerate().map(|(i, e)| html! {
                <>
                    if i > 0 { { ", " } }
                    { super::plan::time(e.date) }
                    if e.past { { " (past)" } }
                </>
            }) }
            if let Some(then) = entries.first().and_then(|e| e.then_every) { { format!(", {then}") } }
        </p>
    }
}
