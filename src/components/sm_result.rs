//! The 2017 Security Management result: the own-device verdict; then the layout both
//! schedules share (plan, readiness, obligations, …).
use super::{result_layout, use_result_report, ResultContext, ResultParts};
use security_matrix_core::assessment::questions::QuestionId;
use security_matrix_core::duties::{DeviceVerdict, DeviceVerdictKind};
use security_matrix_core::report::sm_report;
use security_matrix_core::takeaways::statement::{sm_statement, with_tender};
use security_matrix_core::view::View;
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
    let report = use_result_report(&p.answers, &p.ctx, sm_report);
    let count: usize = report.groups.iter().map(|g| g.items.len()).sum();
    let v = &report.verdict;
    let parts = ResultParts {
        title: html! { { View::Summary.heading(None) } },
        summary: html! { { format!("{count} obligations apply") } },
        why_sentence: html! { <>{ "Using your own computers: " }{ v.headline }</> },
        warnings: html! {},
        why: device_verdict(v),
        why_label: View::Why.heading(None),
        notes: None,
        level: None,
        start_question: QuestionId::Effective,
        obligations_intro: None,
        groups: &report.groups,
        plan: &report.plan,
        statement: with_tender(
            sm_statement(&p.answers, &report),
            p.ctx.state.answers.tender(),
        ),
    };
    result_layout(&p.ctx, parts)
}

/// "Using your own computers" (the view's heading says so): the verdict, why, and its
/// conditions; a warning when the work needs MoJ computing facilities.
fn device_verdict(v: &DeviceVerdict) -> Html {
    let class = match v.kind {
        DeviceVerdictKind::MustUseMojFacilities
        | DeviceVerdictKind::MustUseMojFacilitiesLongTerm => "smx-warning",
        _ => "smx-inset",
    };
    html! {
        <>
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
