//! The result's summary: the panel, why in a sentence, what is due next, the counts and
//! the task list (GOV.UK "complete multiple tasks"): a row for each view, with each
//! subject's progress.
use super::context::{view_click, ResultContext, ResultParts};
use crate::components::{
    plan::time, save_buttons, save_state_section, tender_line, tender_section, ResultActions,
};
use crate::elements::{button, heading, panel, task, task_list, Button, ButtonKind, Task};
use crate::state::Action;
use security_matrix_core::file::tracker::{subject_progress, summarise, TaskStatus};
use security_matrix_core::view::View;
use yew::prelude::*;

/// What [`summary_view`] shows.
pub struct SummaryProps<'a> {
    /// The result's context.
    pub ctx: &'a ResultContext,
    /// The schedule's parts.
    pub parts: &'a ResultParts<'a>,
}

/// The summary view.
pub fn summary_view(p: &SummaryProps) -> Html {
    let (ctx, parts) = (p.ctx, p.parts);
    let state = &*ctx.state;
    let h = ctx.heading_level;
    let h2 = (h + 1).min(6);
    let progress = summarise(parts.groups, parts.plan, &state.tracker);
    let total = progress.total();
    let due = parts.plan.due_next(5);
    let row = |view: View, text: String, hint: Option<String>, status: Option<Html>| {
        task(Task {
            view: view.key(),
            href: ctx.href(view),
            onclick: view_click(&ctx.dispatch, view),
            text,
            hint,
            status,
        })
    };
    html! {
        <div class="smx-page" data-testid="result" data-view="summary" key="summary">
            { panel(h, parts.title.clone(), html! { <>{ parts.summary.clone() }{ tender_line(&state.answers) }</> }) }
            <p class="smx-body-l" data-testid="why-sentence">{ parts.why_sentence.clone() }</p>
            { parts.warnings.clone() }
            { tender_section(&state.answers, h2, &ctx.dispatch) }

            <section class="smx-due-next" data-testid="due-next">
                { heading(h2, "smx-heading-m", false, html! { { "What is due next" } }) }
                if due.is_empty() {
                    <p class="smx-body">{
                        if parts.plan.needs_start_date() {
                            "Add the start date to see what is due when: open your dated plan."
                        } else {
                            "Nothing dated is due from today. Your dated plan lists the standing duties."
                        }
                    }</p>
                } else {
                    <ol class="smx-list smx-due-next__list">
                        { for due.iter().map(|e| {
                            let o = e.obligation;
                            let view = View::Subject(o.category);
                            let id = o.id;
                            let onclick = {
                                let dispatch = ctx.dispatch.clone();
                                Callback::from(move |ev: MouseEvent| {
                                    if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
                                        return;
                                    }
                                    ev.prevent_default();
                                    dispatch.send(Action::ShowDuty(id));
                                })
                            };
                            html! {
                                <li data-ref={o.reference} data-testid="due-next-item">
                                    { time(e.date) }{ " " }
                                    <a class="smx-link" href={ctx.href(view)} {onclick}>
                                        <span class="smx-ref">{ format!("¶{}", o.reference) }</span>{ " " }{ o.title }
                                    </a>
                                </li>
                            }
                        }) }
                    </ol>
                }
            </section>

            <p class="smx-body" data-testid="readiness-counts">
                { format!("{} of {total} duties in place, {} in progress, {} not started, {} not marked yet.", progress.in_place, progress.in_progress, progress.not_started, progress.unmarked) }
            </p>

            { heading(h2, "smx-heading-m", false, html! { { "Your workspace" } }) }
            { task_list(html! { <>
                { row(View::Why, parts.why_label.clone(), None, None) }
                if let Some((n, _)) = &parts.notes {
                    { row(View::Notes, View::Notes.heading(parts.level), Some(if *n == 1 { "1 note: the stricter reading is applied".to_string() } else { format!("{n} notes: the stricter reading is applied") }), None) }
                }
                { for subject_progress(parts.groups, &state.tracker).into_iter().map(|s| {
                    let tag = match s.status {
                        TaskStatus::Completed => "smx-tag smx-tag--green",
                        TaskStatus::InProgress => "smx-tag smx-tag--blue",
                        TaskStatus::NotStarted => "smx-tag smx-tag--grey",
                    };
                    row(
                        View::Subject(s.category),
                        s.category.name().to_string(),
                        Some(format!("{} of {} in place", s.in_place, s.total)),
                        Some(html! { <strong class={tag} data-status={s.status.key()}>{ s.status.label() }</strong> }),
                    )
                }) }
                { row(View::Plan, "Your dated plan".into(), Some(if parts.plan.dated.is_empty() { "Duties and when they fall due".to_string() } else { format!("{} dates", parts.plan.dated.len()) }), None) }
                { row(View::Take, "Take it with you".into(), Some("Print, save, the statement for your Tender Response, a link, the calendar".into()), None) }
                { row(View::All, "Everything on one page".into(), Some("The view that prints".into()), None) }
            </> }) }

            { save_state_section(state, &ctx.dispatch) }
            <div class="smx-button-group">
                { save_buttons(state.document(), parts.level, &ctx.dispatch, state.saving.saved.is_some()) }
                { button(Button { kind: ButtonKind::Secondary, testid: "print", onclick: Some(ctx.dispatch.on(|_| Action::Print)), text: html! { "Print or save as PDF" }, ..Button::default() }) }
            </div>
            <ResultActions fragment={ctx.fragment.clone()} view={View::Summary} dispatch={ctx.dispatch.clone()} />
        </div>
    }
}
