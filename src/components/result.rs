//! The result, as short views (the same for both schedules): the summary with its task
//! list, and a view for each row of it (why, where the schedule is unclear, one per subject,
//! the dated plan, take it with you), plus everything on one page for printing. Each
//! schedule's page supplies its parts ([`ResultParts`]); this module lays out the view the
//! state names: the summary in `result/summary.rs`, the others here, from what
//! `result/context.rs` holds.
mod context;
mod summary;

pub use context::{use_result_report, view_click, ResultContext, ResultParts};

use super::takeaways::{csv_button, takeaway_error};
use super::{
    answers_summary, documents_section, merge_file, obligation_list, plan_section, save_buttons,
    save_state_section, tender_line, tender_section, DocumentsProps, PlanSectionProps,
    ResultActions, Takeaways,
};
use crate::elements::{back_link_to, button, checkbox, heading, panel, Button, Checkbox};
use crate::state::Action;
use security_matrix_core::takeaways::documents::plans::required_plan_name;
use security_matrix_core::takeaways::download::Takeaway;
use security_matrix_core::takeaways::notices::notices;
use security_matrix_core::view::View;
use summary::{summary_view, SummaryProps};
use yew::prelude::*;

/// A result page in the view the state names.
pub fn result_layout(ctx: &ResultContext, parts: ResultParts) -> Html {
    let state = &*ctx.state;
    let h = ctx.heading_level;
    let h2 = (h + 1).min(6);
    let view = ctx.view();
    let level = parts.level;
    let page_heading = |text: String| heading(h, "smx-heading-l", true, html! { { text } });
    let body = match view {
        View::Summary => return summary_view(&SummaryProps { ctx, parts: &parts }),
        View::Why => html! { <>
            { page_heading(view.heading(parts.level)) }
            { tender_section(&state.answers, h2, &ctx.dispatch) }
            { parts.why }
        </> },
        View::Notes => html! { <>
            { page_heading(view.heading(parts.level)) }
            { parts.notes.map(|(_, notes)| notes).unwrap_or_else(|| html! {
                <p class="smx-body">{ "For your answers the schedule reads one way only." }</p>
            }) }
        </> },
        View::Plan => html! { <>
            { page_heading(view.heading(parts.level)) }
            { plan_section(&PlanSectionProps { plan: parts.plan.clone(), making: state.making, start_question: parts.start_question, heading_level: h, titled: false, dispatch: ctx.dispatch.clone() }) }
        </> },
        View::Subject(category) => {
            let group = parts.groups.iter().find(|g| g.category == category);
            html! { <>
                { page_heading(view.heading(parts.level)) }
                if let Some(intro) = parts.obligations_intro {
                    <p class="smx-body">{ intro }</p>
                }
                { match group {
                    Some(g) => obligation_list(ctx, std::slice::from_ref(g), parts.plan, h2, false),
                    None => html! { <p class="smx-body" data-testid="no-duties">{ format!("No duties about {} apply to you.", category.name().to_ascii_lowercase()) }</p> },
                } }
            </> }
        }
        View::Take => {
            let docs = documents(ctx, &parts, h2);
            html! { <>
                { page_heading(view.heading(parts.level)) }
                <Takeaways statement={parts.statement} document={state.document()} dated={!parts.plan.dated.is_empty()} level={parts.level} making={state.making} heading_level={h2} dispatch={ctx.dispatch.clone()} />
                { docs }
                { merge_file(&state.merge_problems, &ctx.dispatch) }
                { answers_summary(&state.answers, false) }
                <ResultActions fragment={ctx.fragment.clone()} view={view} dispatch={ctx.dispatch.clone()} />
            </> }
        }
        View::All => all_view(ctx, parts),
    };
    html! {
        <div class="smx-page" data-testid="result" data-view={view.key()} key={view.key()}>
            { back_to_summary(ctx) }
            { body }
            { save_state_section(state, &ctx.dispatch) }
            // (Take it with you has the button among the others.)
            if view != View::Take {
                <div class="smx-button-group smx-view-footer">
                    { save_buttons(state.document(), level, &ctx.dispatch, state.saving.saved.is_some()) }
                </div>
            }
        </div>
    }
}

/// "Back to your result" at the top of a view other than the summary.
fn back_to_summary(ctx: &ResultContext) -> Html {
    back_link_to(
        ctx.href(View::Summary),
        view_click(&ctx.dispatch, View::Summary),
        "Back to your result",
    )
}

/// Everything on one page: what printing uses.
/// The documents section ("Take it with you" and the all view): the draft plan where the
/// schedule requires one at this level, the letters where there are Customers to notify.
fn documents(ctx: &ResultContext, parts: &ResultParts, heading_level: u8) -> Html {
    let state = &*ctx.state;
    let selected = parts
        .groups
        .iter()
        .flat_map(|g| &g.items)
        .map(|s| s.obligation.id);
    let plan = required_plan_name(state.answers.schedule, parts.level, selected);
    let letters = match (state.answers.df(), parts.level) {
        (Some(a), Some(level)) => a
            .other
            .as_ref()
            .is_some_and(|o| !notices(o, level).is_empty()),
        _ => false,
    };
    documents_section(&DocumentsProps {
        details: state.details.clone(),
        plan,
        letters,
        making: state.making,
        heading_level,
        dispatch: ctx.dispatch.clone(),
    })
}

fn all_view(ctx: &ResultContext, parts: ResultParts) -> Html {
    let state = &*ctx.state;
    let h = ctx.heading_level;
    let h2 = (h + 1).min(6);
    let on_words = ctx.dispatch.on(|e: Event| {
        Action::SetPrintWords(
            e.target_unchecked_into::<web_sys::HtmlInputElement>()
                .checked(),
        )
    });
    let docs = documents(ctx, &parts, h2);
    html! { <>
        { panel(h, parts.title, html! { <>{ parts.summary }{ tender_line(&state.answers) }</> }) }
        { checkbox(true, Checkbox {
            id: "smx-print-words",
            testid: "print-words",
            label: "Include the schedule's own words",
            checked: state.print_words,
            onchange: on_words,
        }) }
        <div class="smx-button-group smx-no-print">
            { button(Button { testid: "print", onclick: Some(ctx.dispatch.on(|_| Action::Print)), text: html! { "Print or save as PDF" }, ..Button::default() }) }
            { csv_button(state.making, &ctx.dispatch) }
        </div>
        { takeaway_error(state.making, &[Takeaway::ComplianceMatrix]) }
        <div class="smx-no-print">{ docs }</div>
        { parts.warnings }
        { heading(h2, "smx-heading-m", false, html! { { parts.why_label.clone() } }) }
        if let Some(line) = state.answers.tender().and_then(|t| t.statement()) {
            <p class="smx-body" data-testid="tender-fixed">{ line }</p>
        }
        { parts.why }
        if let Some((_, notes)) = parts.notes {
            { heading(h2, "smx-heading-m", false, html! { { View::Notes.heading(parts.level) } }) }
            { notes }
        }
        { plan_section(&PlanSectionProps { plan: parts.plan.clone(), making: state.making, start_question: parts.start_question, heading_level: h2, titled: true, dispatch: ctx.dispatch.clone() }) }
        { heading(h2, "smx-heading-m", false, html! { { "Your obligations" } }) }
        { obligation_list(ctx, parts.groups, parts.plan, (h2 + 1).min(6), true) }
        { answers_summary(&state.answers, true) }
    </> }
}
