//! The DF Schedule 2.4 result: level, why, unclear points, obligations, plan.
use super::{
    answers_summary, heading, obligation_list, plan_section, readiness_summary, use_result_report,
    with_class, PlanSectionProps, ReadinessSummaryProps, ResultActions, ResultContext, Takeaways,
};
use security_matrix_core::matrix::thousands;
use security_matrix_core::questions::QuestionId;
use security_matrix_core::readiness::summarise;
use security_matrix_core::report::df_report;
use security_matrix_core::statement::df_statement;
use security_matrix_core::DfAnswers;
use yew::prelude::*;

/// Properties of [`DfResultPage`].
#[derive(Properties, PartialEq)]
pub struct DfResultPageProps {
    /// The complete answers.
    pub answers: DfAnswers,
    /// Everything else a result page needs.
    pub ctx: ResultContext,
}

/// The DF result page.
#[function_component(DfResultPage)]
pub fn df_result_page(p: &DfResultPageProps) -> Html {
    let h = p.ctx.heading_level;
    let h3 = (h + 2).min(6);
    let (memo, list) = use_result_report(&p.answers, &p.ctx, df_report, |r| (&r.groups, &r.plan));
    let (report, markup) = (&memo.0, &memo.1);
    let a = &report.assessment;
    let statement = df_statement(&p.answers, report);
    let readiness = summarise(&report.groups, &report.plan, &p.ctx.readiness);
    let h2 = (h + 1).min(6);
    html! {
        <div class="smx-page" data-testid="result">
            <div class="smx-panel" data-testid="result-panel">
                { heading(h, "smx-panel__title", true, html! { <>
                    { "Your security level is " }<span data-testid="level">{ a.level.to_string() }</span>
                </> }) }
                <div class="smx-panel__body">
                    { "Standards level (Schedule 2.3): " }<strong data-testid="standards">{ a.standards.as_str() }</strong>
                    if let Some(note) = a.standards_note {
                        <span data-testid="standards-note">{ format!(" ({note})") }</span>
                    }
                </div>
            </div>
            if let Some(notice) = a.notice {
                <div class="smx-warning" data-testid="level-notice">
                    <p class="smx-body"><strong>{ notice }</strong></p>
                </div>
            }
            <p class="smx-body-l">
                { format!("{} obligations of DF Schedule 2.4 apply to you at {}. ", report.count(), a.level) }
                { format!("The requirements for {} are in paragraph {}.", a.level, a.level.paragraph()) }
            </p>

            { heading(h2, "smx-heading-m", false, html! { <>{ format!("Why your level is {}", a.level) }</> }) }
            <p class="smx-body">{ "Each answer needs at least the level shown; your level is the highest of them (the Annex Security Matrix)." }</p>
            <table class="smx-table" data-testid="criteria">
                <caption class="smx-visually-hidden">{ "How each answer sets your level" }</caption>
                <thead><tr>
                    <th scope="col">{ "Criterion" }</th>
                    <th scope="col">{ "Your answer" }</th>
                    <th scope="col">{ "Needs" }</th>
                    <th scope="col">{ "The schedule says" }</th>
                </tr></thead>
                <tbody>
                    { for a.criteria.iter().map(|c| with_class(html! {
                        <tr data-testid={format!("criterion-{}", c.criterion.key())}>
                            <th scope="row">{ c.criterion.label() }</th>
                            <td>{ &c.answer }</td>
                            <td>
                                <strong>{ c.level.to_string() }</strong>
                                if c.deciding { <span class="smx-tag" data-testid="deciding">{ "sets your level" }</span> }
                            </td>
                            <td>{ format!("{}: {} (\u{201c}{}\u{201d})", c.level, c.cell_plain, c.cell) }</td>
                        </tr>
                    }, if c.deciding { "smx-table__row--deciding" } else { "" })) }
                </tbody>
            </table>
            if !a.what_if.is_empty() {
                { heading(h3, "smx-heading-s", false, html! { <>{ "What would change it" }</> }) }
                <ul class="smx-list smx-list--bullet">
                    { for a.what_if.iter().map(|w| html! { <li data-testid="what-if">{ &w.text }</li> }) }
                </ul>
            }
            if let Some(change) = a.level_change {
                <div class="smx-warning" data-testid="level-change">
                    <p class="smx-body"><strong>{ "Paragraph 1.4: " }</strong>
                    { match change.from {
                        Some(from) => format!(
                            "the level that applies to your other Call-Off Contracts rises from {from} to {}. You must tell the Customer of each of those contracts and agree with them the timetable for the change.",
                            change.to
                        ),
                        None => format!(
                            "you told us no level has been set for your other Call-Off Contracts, so the tool cannot tell whether this award changes it. Each Call-Off Contract sets out its level: check them. Where one is below {0}, you must tell its Customer that the level rises to {0} and agree with them the timetable for the change.",
                            change.to
                        ),
                    } }</p>
                </div>
            }
            if !a.ambiguities.is_empty() {
                { heading(h2, "smx-heading-m", false, html! { <>{ "Where the schedule is unclear" }</> }) }
                <p class="smx-body">{ "For your answers the schedule can be read more than one way. The tool applies the stricter reading; ask the Customer to confirm it before award." }</p>
                { for a.ambiguities.iter().map(|n| html! {
                    <div class="smx-inset" data-testid="ambiguity" data-ambiguity={n.id().as_str()}>
                        { heading(h3, "smx-heading-s", false, html! { <>{ n.text.title }</> }) }
                        <blockquote class="smx-quote">{ n.text.quote }</blockquote>
                        <p class="smx-body">{ n.text.reading }</p>
                        if let Some(detail) = &n.detail {
                            <p class="smx-body" data-testid="ambiguity-detail">{ detail }</p>
                        }
                    </div>
                }) }
            }
            if a.aggregate_subjects != p.answers.subjects {
                <p class="smx-body-s">{ format!("Volumes are counted across all your Call-Off Contracts (paragraph 1.3): {} data subjects in all.", thousands(a.aggregate_subjects)) }</p>
            }

            { plan_section(&PlanSectionProps { plan: report.plan.clone(), level: Some(report.assessment.level), start_question: QuestionId::Commencement, heading_level: h2, on_action: p.ctx.on_action.clone() }) }
            { readiness_summary(&ReadinessSummaryProps { summary: readiness, heading_level: h2 }) }
            { heading(h2, "smx-heading-m", false, html! { <>{ "Your obligations" }</> }) }
            <p class="smx-body">{ "Grouped by subject. Open \"The schedule's words\" to read each clause as written. Where a duty depends on something you have not told us (for example whether you host Customer Data, or which accreditation route you take), it says so." }</p>
            { obligation_list(markup, &list, &p.ctx.on_action) }

            <Takeaways statement={statement} document={p.ctx.document()} plan={report.plan.clone()} level={Some(report.assessment.level)} heading_level={h2} />
            { answers_summary(&p.ctx.all_answers) }
            <ResultActions fragment={p.ctx.fragment.clone()} on_action={p.ctx.on_action.clone()} />
        </div>
    }
}
