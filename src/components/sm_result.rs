//! The 2017 Security Management result: own-device verdict, obligations, plan.
use super::{
    answers_summary, Heading, ObligationList, PlanSection, ReadinessSummaryView, ResultActions,
    ResultContext, Takeaways,
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
    let report = use_memo(
        (p.answers.clone(), p.ctx.event_dates.clone(), p.ctx.today),
        |(a, e, t)| sm_report(a, e, t.unwrap_or_default()),
    );
    let statement = sm_statement(&p.answers, &report);
    let readiness = summarise(&report.groups, &report.plan, &p.ctx.readiness);
    let h = p.ctx.heading_level;
    let h2 = (h + 1).min(6);
    let h3 = (h + 2).min(6);
    let v = &report.verdict;
    let count: usize = report.groups.iter().map(|g| g.items.len()).sum();
    let verdict_class = match v.kind {
        DeviceVerdictKind::MustUseMojFacilities => "smx-warning",
        _ => "smx-inset",
    };
    html! {
        <div class="smx-page" data-testid="result">
            <div class="smx-panel" data-testid="result-panel">
                <Heading level={h} class="smx-panel__title" focus=true testid="page-heading">
                    { "Your obligations under Schedule 2.4 Security Management (2017)" }
                </Heading>
                <div class="smx-panel__body">{ format!("{count} obligations apply") }</div>
            </div>
            <Heading level={h2} class="smx-heading-m">{ "Using your own computers" }</Heading>
            <div class={verdict_class}>
                <p class="smx-body-l" data-testid="device-verdict"><strong>{ v.headline }</strong></p>
                <p class="smx-body">{ v.explanation }</p>
                if !v.conditions.is_empty() {
                    <ul class="smx-list smx-list--bullet" data-testid="device-conditions">
                        { for v.conditions.iter().map(|o| html! {
                            <li data-ref={o.reference}>{ o.title }{ " " }<span class="smx-ref">{ format!("({})", o.reference) }</span></li>
                        }) }
                    </ul>
                }
            </div>
            <PlanSection plan={report.plan.clone()}  start_question={QuestionId::Effective} heading_level={h2} on_action={p.ctx.on_action.clone()} />
            <ReadinessSummaryView summary={readiness} heading_level={h2} />
            <Heading level={h2} class="smx-heading-m">{ "Your obligations" }</Heading>
            <ObligationList groups={report.groups.clone()} heading_level={h3} plan={report.plan.clone()} readiness={p.ctx.readiness.clone()} on_action={p.ctx.on_action.clone()} />
            <Takeaways statement={statement} answers={p.ctx.all_answers.clone()} readiness={p.ctx.readiness.clone()} plan={report.plan.clone()} heading_level={h2} />
            { answers_summary(&p.ctx.all_answers) }
            <ResultActions fragment={p.ctx.fragment.clone()} on_action={p.ctx.on_action.clone()} />
        </div>
    }
}
