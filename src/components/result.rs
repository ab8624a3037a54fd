//! The result, as short views (the same for both schedules): the summary with its task
//! list, and a view for each row of it (why, where the schedule is unclear, one per subject,
//! the dated plan, take it with you), plus everything on one page for printing. Each
//! schedule's page supplies its parts ([`ResultParts`]); this module lays out the view the
//! state names.
use super::summary::{summary_view, SummaryProps};
use super::takeaways::csv_button;
use super::{
    answers_summary, obligation_list, plan_section, save_button, Dispatch, PlanSectionProps,
    ResultActions, Takeaways,
};
use crate::elements::{back_link_to, button, checkbox, heading, panel, Button, Checkbox};
use crate::state::{Action, Words};
use chrono::NaiveDate;
use security_matrix_core::flow::Answers;
use security_matrix_core::plan::Plan;
use security_matrix_core::questions::QuestionId;
use security_matrix_core::report::{EventDates, ObligationGroup};
use security_matrix_core::savefile::Document;
use security_matrix_core::tracker::Tracker;
use security_matrix_core::view::View;
use security_matrix_core::Level;
use yew::prelude::*;

/// What both result pages need besides their schedule's answers.
#[derive(Clone, PartialEq)]
pub struct ResultContext {
    /// The answers as a link fragment.
    pub fragment: String,
    /// Today, from the edge.
    pub today: Option<NaiveDate>,
    /// Dates of events the user entered.
    pub event_dates: EventDates,
    /// Every answer (for the saved file and the answers summary).
    pub all_answers: Answers,
    /// The tracker (status, owner, note by obligation).
    pub tracker: Tracker,
    /// The view shown.
    pub view: View,
    /// Whether the printed view includes the schedule's own words.
    pub print_words: bool,
    /// Whether the schedule's own words are there (loaded when a result view first shows).
    pub words: Words,
    /// Level of the page heading.
    pub heading_level: u8,
    /// Dispatches actions.
    pub dispatch: Dispatch,
}

impl ResultContext {
    /// What the saved file holds: every answer, the tracker and event dates.
    pub fn document(&self) -> Document {
        Document {
            answers: self.all_answers.clone(),
            tracker: self.tracker.clone(),
            event_dates: self.event_dates.clone(),
        }
    }

    /// The `href` of a link to `view` (the answers and the view: it opens the same view
    /// in a new tab); a click on it dispatches [`Action::ShowView`] instead.
    pub fn href(&self, view: View) -> String {
        match view {
            View::Summary => format!("#{}", self.fragment),
            v => format!("#{}&view={}", self.fragment, v.key()),
        }
    }
}

/// What a schedule's result page supplies to [`result_layout`].
pub struct ResultParts<'a> {
    /// The panel's title, the summary's heading.
    pub title: Html,
    /// The panel's body, under the title.
    pub summary: Html,
    /// One or two sentences of why, on the summary.
    pub why_sentence: Html,
    /// Warnings that belong on the summary (the S1 notice, ¶1.4).
    pub warnings: Html,
    /// The "why" view's body (DF: the matrix; 2017: the own-device verdict).
    pub why: Html,
    /// The task list's label for the why view ("Why your level is S6").
    pub why_label: String,
    /// Where the schedule is unclear, when there are notes: how many, and the notes.
    pub notes: Option<(usize, Html)>,
    /// The level (DF only): headings and file names.
    pub level: Option<Level>,
    /// The question that gives the plan's start date (to add it when missing).
    pub start_question: QuestionId,
    /// A paragraph at the top of each subject's view, if any.
    pub obligations_intro: Option<&'static str>,
    /// The report's obligations, by group.
    pub groups: &'a [ObligationGroup],
    /// The report's plan.
    pub plan: &'a Plan,
    /// The Tender Response statement.
    pub statement: String,
}

/// A result page in the view `ctx.view`.
pub fn result_layout(ctx: &ResultContext, parts: ResultParts) -> Html {
    let h = ctx.heading_level;
    let h2 = (h + 1).min(6);
    let view = ctx.view;
    let level = parts.level;
    let page_heading = |text: String| heading(h, "smx-heading-l", true, html! { <>{ text }</> });
    let body = match view {
        View::Summary => return summary_view(&SummaryProps { ctx, parts: &parts }),
        View::Why => html! { <>
            { page_heading(view.heading(parts.level)) }
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
            { plan_section(&PlanSectionProps { plan: parts.plan.clone(), level: parts.level, start_question: parts.start_question, heading_level: h, titled: false, dispatch: ctx.dispatch.clone() }) }
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
        View::Take => html! { <>
            { page_heading(view.heading(parts.level)) }
            <Takeaways statement={parts.statement} document={ctx.document()} plan={parts.plan.clone()} level={parts.level} groups={parts.groups.to_vec()} tracker={ctx.tracker.clone()} today={ctx.today} words={ctx.words} heading_level={h2} dispatch={ctx.dispatch.clone()} />
            { answers_summary(&ctx.all_answers, false) }
            <ResultActions fragment={ctx.fragment.clone()} view={view} dispatch={ctx.dispatch.clone()} />
        </> },
        View::All => all_view(ctx, parts),
    };
    html! {
        <div class="smx-page" data-testid="result" data-view={view.key()} key={view.key()}>
            { back_to_summary(ctx) }
            { body }
            // (Take it with you has the button among the others.)
            if view != View::Take {
                <div class="smx-button-group smx-view-footer">
                    { save_button(ctx.document(), level) }
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

/// A link's click handler: show `view` in place (the `href` is for a new tab).
pub fn view_click(dispatch: &Dispatch, view: View) -> Callback<MouseEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |e: MouseEvent| {
        if e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0 {
            return; // a new tab or window: let the browser open the link
        }
        e.prevent_default();
        dispatch.send(Action::ShowView(view));
    })
}

/// Everything on one page: what printing uses.
fn all_view(ctx: &ResultContext, parts: ResultParts) -> Html {
    let h = ctx.heading_level;
    let h2 = (h + 1).min(6);
    let on_words = ctx.dispatch.on(|e: Event| {
        Action::SetPrintWords(
            e.target_unchecked_into::<web_sys::HtmlInputElement>()
                .checked(),
        )
    });
    html! { <>
        { panel(h, parts.title, parts.summary) }
        { checkbox("smx-no-print", Checkbox {
            id: "smx-print-words",
            testid: "print-words",
            label: "Include the schedule's own words",
            checked: ctx.print_words,
            onchange: on_words,
        }) }
        <div class="smx-button-group smx-no-print">
            { button(Button { testid: "print", onclick: Some(ctx.dispatch.on(|_| Action::Print)), text: html! { "Print or save as PDF" }, ..Button::default() }) }
            { csv_button(parts.groups, parts.plan, &ctx.tracker, parts.level, ctx.today, ctx.words) }
        </div>
        { parts.warnings }
        { heading(h2, "smx-heading-m", false, html! { <>{ parts.why_label.clone() }</> }) }
        { parts.why }
        if let Some((_, notes)) = parts.notes {
            { heading(h2, "smx-heading-m", false, html! { <>{ View::Notes.heading(parts.level) }</> }) }
            { notes }
        }
        { plan_section(&PlanSectionProps { plan: parts.plan.clone(), level: parts.level, start_question: parts.start_question, heading_level: h2, titled: true, dispatch: ctx.dispatch.clone() }) }
        { heading(h2, "smx-heading-m", false, html! { <>{ "Your obligations" }</> }) }
        { obligation_list(ctx, parts.groups, parts.plan, (h2 + 1).min(6), true) }
        { answers_summary(&ctx.all_answers, true) }
    </> }
}
