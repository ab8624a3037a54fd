//! The 2017 Security Management result: the own-device verdict; then the layout both
//! schedules share (plan, readiness, obligations, …).
use super::{heading, result_layout, use_result_report, ResultContext, ResultParts};
use security_matrix_core::catalogue::{DeviceVerdict, DeviceVerdictKind};
use security_matrix_core::questions::QuestionId;
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
    let (memo, list) = use_result_report(&p.answers, &p.ctx, sm_report, |r| (&r.groups, &r.plan));
    let (report, markup) = (&memo.0, &memo.1);
    let count: usize = report.groups.iter().map(|g| g.items.len()).sum();
    let parts = ResultParts {
        title: html! { <>{ "Your obligations under Schedule 2.4 Security Management (2017)" }</> },
        summary: html! { <>{ format!("{count} obligations apply") }</> },
        details: device_verdict(&report.verdict, (p.ctx.heading_level + 1).min(6)),
        level: None,
        start_question: QuestionId::Effective,
        obligations_intro: None,
        groups: &report.groups,
        plan: &report.plan,
        list: (markup, &list),
        statement: sm_statement(&p.answers, report),
    };
    result_layout(&p.ctx, parts)
}

/// "Using your own computers" (a heading at `h2`): the verdict, why, and its conditions; a
/// warning when the work needs MoJ computing facilities.
fn device_verdict(v: &DeviceVerdict, h2: u8) -> Html {
    let class = match v.kind {
        DeviceVerdictKind::MustUseMojFacilities
        | DeviceVerdictKind::MustUseMojFacilitiesLongTerm => "smx-warning",
        _ => "smx-inset",
    };
    html! {
        <>
            { heading(h2, "smx-heading-m", false, html! { <>{ "Using your own computers" }</> }) }
            <div {class}>
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
        </>
    }
}
