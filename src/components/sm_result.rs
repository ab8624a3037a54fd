//! The 2017 Security Management result: own-device verdict, obligations, plan.
use super::{
    answers_summary, heading, obligation_list, plan_section, readiness_summary, use_result_report,
    PlanSectionProps, ReadinessSummaryProps, ResultActions, ResultContext, Takeaways,
};
use security_matrix_core::catalogue::DeviceVerdictKind;
use security_matrix_core::questions::QuestionId;
use security_matrix_core::readiness::summarise;
use security_matrix_core::report::sm_report;
use security_matrix_core::statement::sm_statement;
use security_matrix_core::SmAnswers;
use yew::prelude::*;

/// Properties of [`SmResultPage`].
#[derive(Properties, PartialEq)]
pub struct SmResultPageProps {
    /// The complete answers.
    pub answers: SmAnswers,
    /// Everything else a result page needs.
    pub ctx: ResultContext,
}

/// The 2017 result page.
#[function_component(SmResultPage)]
pub fn sm_result_page(p: &SmResultPageProps) -> Html {
    let h = p.ctx.heading_level;
    let (memo, list) = use_result_report(&p.answers, &p.ctx, sm_report, |r| (&r.groups, &r.plan));
    let (report, markup) = (&memo.0, &memo.1);
    let statement = sm_statement(&p.answers, report);
    let readiness = summarise(&report.groups, &report.plan, &p.ctx.readiness);
    let h2 = (h + 1).min(6);
    let v = &report.verdict;
    let count: usize = report.groups.iter().map(|g| g.items.len()).sum();
    let verdict_class = match v.kind {
        DeviceVerdictKind::MustUseMojFacilities
        | DeviceVerdictKind::MustUseMojFacilitiesLongTerm => "smx-warning",
        _ => "smx-inset",
    };
    html! {
        <div class="smx-page" data-testid="result">
            <div class="smx-panel" data-testid="result-panel">
                { heading(h, "smx-panel__title", true, html! { <>
                    { "Your obligations under Schedule 2.4 Security Management (2017)" }
                </> }) }
                <div class="smx-panel__body">{ format!("{count} obligations apply") }</div>
            </div>
            { heading(h2, "smx-heading-m", false, html! { <>{ "Using your own computers" }</> }) }
            <div class={verdict_class}>
                <div data-testid="device-verdict">
                    <p class="smx-body-l"><strong>{ v.headline }</strong></p>
                    <p class="smx-body">{ v.explanation }</p>
                </div>
                if !v.conditions.is_empty() {
                    <ul class="smx-list smx-list--bullet" data-testid="device-conditions">
                        { for v.conditions.iter().map(|o| html! {
                            <li data-ref={o.reference}>{ o.title }{ " " }<span class="smx-ref">{ format!("({})", o.reference) }</span></li>
                        }) }
                    </ul>
                }
            </div>
            { plan_section(&PlanSectionProps { plan: report.plan.clone(), level: None, start_question: QuestionId::Effective, heading_level: h2, dispatch: p.ctx.dispatch.clone() }) }
            { readiness_summary(&ReadinessSummaryProps { summary: readiness, heading_level: h2 }) }
            { heading(h2, "smx-heading-m", false, html! { <>{ "Your obligations" }</> }) }
            { obligation_list(markup, &list, &p.ctx.dispatch) }
            <Takeaways statement={statement} document={p.ctx.document()} plan={report.plan.clone()} heading_level={h2} />
            { answers_summary(&p.ctx.all_answers) }
            <ResultActions fragment={p.ctx.fragment.clone()} dispatch={p.ctx.dispatch.clone()} />
        </div>
    }
}
