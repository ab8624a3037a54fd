//! The DF Schedule 2.4 result's own parts: the level, why it is that level, the S1 notice
//! and ¶1.4, where the schedule is unclear; the views lay them out (`result`).
use super::{notices_section, result_layout, use_result_report, ResultContext, ResultParts};
use crate::elements::heading;
use security_matrix_core::assessment::answers::UNNAMED_CUSTOMER;
use security_matrix_core::assessment::questions::QuestionId;
use security_matrix_core::format::thousands;
use security_matrix_core::report::{df_report, DfReport};
use security_matrix_core::takeaways::notices::notices;
use security_matrix_core::takeaways::statement::{df_statement, with_tender};
use security_matrix_core::view::View;
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
    let report = use_result_report(&p.answers, &p.ctx, df_report);
    let a = &report.assessment;
    let h = p.ctx.heading_level;
    let (h2, h3) = ((h + 1).min(6), (h + 2).min(6));
    // In the all-on-one-page view the why part sits under a heading of its own.
    let sub = if p.ctx.view() == View::All { h3 } else { h2 };
    let parts = ResultParts {
        title: html! { <>
            { "Your security level is " }<span data-testid="level">{ a.level.to_string() }</span>
        </> },
        summary: html! { <>
            { "Standards level (Schedule 2.3): " }<strong data-testid="standards">{ a.standards.as_str() }</strong>
            if let Some(note) = a.standards_note {
                <span data-testid="standards-note">{ format!(" ({note})") }</span>
            }
        </> },
        why_sentence: why_sentence(&report),
        warnings: warnings(&p.answers, &report, h2),
        why: why(&p.answers, &report, sub),
        why_label: View::Why.heading(Some(a.level)),
        notes: (!a.ambiguities.is_empty()).then(|| (a.ambiguities.len(), notes(&report, sub))),
        level: Some(a.level),
        start_question: QuestionId::Commencement,
        obligations_intro: Some("Open \"The schedule's words\" to read each clause as written. Where a duty depends on something you have not told us (for example whether you host Customer Data, or which accreditation route you take), it says so."),
        groups: &report.groups,
        plan: &report.plan,
        statement: with_tender(df_statement(&p.answers, &report), p.ctx.state.answers.tender()),
    };
    result_layout(&p.ctx, parts)
}

/// One or two sentences: how many duties, and which answer sets the level.
fn why_sentence(report: &DfReport) -> Html {
    let a = &report.assessment;
    let deciding: Vec<String> = a
        .criteria
        .iter()
        .filter(|c| c.deciding)
        .map(|c| format!("{} ({})", c.criterion.label().to_lowercase(), c.answer))
        .collect();
    html! { <>
        { format!("{} obligations of DF Schedule 2.4 apply to you at {} (paragraph {}). ", report.count(), a.level, a.level.paragraph()) }
        if let Some((last, rest)) = deciding.split_last() {
            if rest.is_empty() {
                { format!("Your level is set by {last}.") }
            } else {
                { format!("Your level is set by {} and {last}.", rest.join(", ")) }
            }
        }
    </> }
}

/// The S1 notice and ¶1.4 (with the Customers to tell and a draft for each): on the
/// summary, where they cannot be missed. `h` is the level of each Customer's heading.
fn warnings(answers: &DfAnswers, report: &DfReport, h: u8) -> Html {
    let a = &report.assessment;
    let to_tell = answers
        .other
        .as_ref()
        .map(|o| notices(o, a.level))
        .unwrap_or_default();
    let named = to_tell
        .iter()
        .any(|n| n.customer != UNNAMED_CUSTOMER || n.contracts.iter().any(|c| !c.name.is_empty()));
    html! { <>
        if let Some(notice) = a.notice {
            <div class="smx-warning" data-testid="level-notice">
                <p class="smx-body"><strong>{ notice }</strong></p>
            </div>
        }
        if let Some(change) = a.level_change {
            <div class="smx-warning" data-testid="level-change">
                <p class="smx-body"><strong>{ "Paragraph 1.4: " }</strong>
                { match change.from {
                    _ if named => format!(
                        "with this award the level that applies to all your Call-Off Contracts is {}. Tell the Customers below, whose contracts set a lower level or none.",
                        change.to
                    ),
                    Some(from) => format!(
                        "the level that applies to your other Call-Off Contracts rises from {from} to {}. You must tell the Customer of each of those contracts and agree with them the timetable for the change.",
                        change.to
                    ),
                    None => format!(
                        "you told us no level has been set for your other Call-Off Contracts, so the tool cannot tell whether this award changes it. Each Call-Off Contract sets out its level: check them. Where one is below {0}, you must tell its Customer that the level rises to {0} and agree with them the timetable for the change.",
                        change.to
                    ),
                } }</p>
                if named {
                    { notices_section(&to_tell, h) }
                }
            </div>
        }
    </> }
}

/// Why the level is what it is: each answer's row of the Annex matrix and what would
/// change it. `h` is the level of its sub-headings.
fn why(answers: &DfAnswers, report: &DfReport, h: u8) -> Html {
    let a = &report.assessment;
    html! {
        <>
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
                    { for a.criteria.iter().map(|c| html! {
                        <tr data-testid={format!("criterion-{}", c.criterion.key())}
                            class={c.deciding.then_some("smx-table__row--deciding")}>
                            <th scope="row">{ c.criterion.label() }</th>
                            <td>{ &c.answer }</td>
                            <td>
                                <strong>{ c.level.to_string() }</strong>
                                if c.deciding { <span class="smx-tag" data-testid="deciding">{ "sets your level" }</span> }
                            </td>
                            <td>{ format!("{}: {} (\u{201c}{}\u{201d})", c.level, c.cell_plain, c.cell) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            if !a.what_if.is_empty() {
                { heading(h, "smx-heading-s", false, html! { { "What would change it" } }) }
                <ul class="smx-list smx-list--bullet">
                    { for a.what_if.iter().map(|w| html! { <li data-testid="what-if">{ &w.text }</li> }) }
                </ul>
            }
            if a.aggregate_subjects != answers.subjects {
                <p class="smx-body-s">{ format!("Volumes are counted across all your Call-Off Contracts (paragraph 1.3): {} data subjects in all.", thousands(a.aggregate_subjects)) }</p>
            }
        </>
    }
}

/// Where the schedule is unclear: each note, with the stricter reading applied.
fn notes(report: &DfReport, h: u8) -> Html {
    html! { <>
        <p class="smx-body">{ "For your answers the schedule can be read more than one way. The tool applies the stricter reading; ask the Customer to confirm it before award." }</p>
        { for report.assessment.ambiguities.iter().map(|n| html! {
            <div class="smx-inset" data-testid="ambiguity" data-ambiguity={n.id().as_str()}>
                { heading(h, "smx-heading-s", false, html! { { n.text.title } }) }
                <blockquote class="smx-quote">{ n.text.quote }</blockquote>
                <p class="smx-body">{ n.text.reading }</p>
                if let Some(detail) = &n.detail {
                    <p class="smx-body" data-testid="ambiguity-detail">{ detail }</p>
                }
            </div>
        }) }
    </> }
}
