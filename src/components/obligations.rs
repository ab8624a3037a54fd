//! The obligations of one subject (its view) or of every subject (the all-on-one-page view,
//! for printing): one keyed [`Duty`] component per obligation, so that a change to one
//! duty's status, owner or note re-renders that duty alone (each duty's props compare its
//! id, its own [`Track`], its conditions and its dates, all cheap).
//!
//! [`Track`]: security_matrix_core::file::tracker::Track
use super::obligation::{due_dates, Duty, DutyView};
use super::ResultContext;
use crate::elements::heading;
use security_matrix_core::dates::plan::Plan;
use security_matrix_core::report::ObligationGroup;
use yew::prelude::*;

/// The obligations of `groups`. In a subject's view (`all` false) each obligation's title
/// is a heading at `heading_level` and it has the tracker's controls; in the
/// all-on-one-page view (`all` true) each group has a heading at `heading_level` and each
/// obligation is a compact, printable entry that shows the tracker as text.
pub fn obligation_list(
    ctx: &ResultContext,
    groups: &[ObligationGroup],
    plan: &Plan,
    heading_level: u8,
    all: bool,
) -> Html {
    let state = &*ctx.state;
    let h = heading_level.clamp(1, 6);
    let view = if all {
        DutyView::Print {
            words: state.print_words,
        }
    } else {
        DutyView::Track { heading_level: h }
    };
    let group = |g: &ObligationGroup| {
        let duties = g.items.iter().map(|s| {
            let id = s.obligation.id;
            html! {
                <Duty key={id.as_str()} {id} {view}
                    open_conditions={s.open_conditions.clone()}
                    track={state.tracker.get(&id).cloned().unwrap_or_default()}
                    due={due_dates(plan, id)}
                    words={state.words}
                    dispatch={ctx.dispatch.clone()} />
            }
        });
        html! {
            <section key={g.category.key()} class="smx-obligation-group" data-testid="obligation-group">
                if all {
                    { heading(h, "smx-heading-s", false, html! { { format!("{} ({})", g.category.name(), g.items.len()) } }) }
                }
                <ul class={classes!("smx-list", "smx-obligations__list", all.then_some("smx-obligations__list--compact"))}>
                    { for duties }
                </ul>
            </section>
        }
    };
    html! {
        <div class="smx-obligations" data-testid="obligations">
            { for groups.iter().map(group) }
        </div>
    }
}
