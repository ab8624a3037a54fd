//! The obligations of one or more subjects, each with its reference, plain title, due
//! dates, conditions, drafting note, status radios and the clause's own words behind a
//! disclosure. (Placeholder: still the HTML-string list of issue 9, to be replaced by keyed
//! components with the tracker's owner and note.)
use super::markup::{esc, time};
use super::ResultContext;
use crate::edge;
use crate::state::Action;
use security_matrix_core::plan::Plan;
use security_matrix_core::report::ObligationGroup;
use security_matrix_core::tracker::Status;
use security_matrix_core::ObligationId;
use std::fmt::Write;
use yew::prelude::*;

/// The obligations of `groups`, a heading per group at `heading_level`; `all` is the
/// all-on-one-page view (printing).
pub fn obligation_list(
    ctx: &ResultContext,
    groups: &[ObligationGroup],
    plan: &Plan,
    heading_level: u8,
    all: bool,
) -> Html {
    let _ = all;
    let onchange = ctx
        .dispatch
        .on(|e: Event| match edge::readiness_choice(&e) {
            Some((id, mark)) => Action::SetStatus(id, Some(mark)),
            None => Action::DismissFileProblems,
        });
    let markup = obligations_markup(groups, plan, heading_level);
    html! {
        <div class="smx-obligations" data-testid="obligations" {onchange}>
            { Html::from_html_unchecked(markup.into()) }
        </div>
    }
}

/// The list's HTML.
pub fn obligations_markup(groups: &[ObligationGroup], plan: &Plan, heading_level: u8) -> String {
    let h = heading_level.clamp(1, 6);
    let mut out = String::with_capacity(groups.len() * 16_384);
    for g in groups {
        let _ = write!(
            out,
            r#"<section class="smx-obligation-group" data-testid="obligation-group"><h{h} class="smx-heading-s">"#
        );
        esc(&mut out, g.category.name());
        let _ = write!(out, " ({})</h{h}><ul class=\"smx-list\">", g.items.len());
        for s in &g.items {
            let o = s.obligation;
            out.push_str(r#"<li class="smx-obligation" tabindex="-1" data-ref=""#);
            esc(&mut out, o.reference);
            out.push_str(r#"" data-testid="obligation" data-id=""#);
            esc(&mut out, o.id.as_str());
            out.push_str(r#""><p class="smx-obligation__title"><span class="smx-ref">¶"#);
            esc(&mut out, o.reference);
            out.push_str("</span> ");
            esc(&mut out, o.title);
            out.push_str("</p>");
            due_dates(&mut out, plan, o.id);
            for c in &s.open_conditions {
                out.push_str(r#"<p class="smx-obligation__condition">"#);
                esc(&mut out, c.describe());
                out.push_str("</p>");
            }
            if let Some(note) = o.note {
                out.push_str(r#"<p class="smx-obligation__note"><strong>Drafting note: </strong>"#);
                esc(&mut out, note);
                out.push_str("</p>");
            }
            radios(&mut out, o.id.as_str(), o.title);
            out.push_str(
                r#"<details class="smx-details"><summary class="smx-details__summary">The schedule's words</summary><blockquote class="smx-details__text">"#,
            );
            esc(&mut out, o.text);
            out.push_str("</blockquote></details></li>");
        }
        out.push_str("</ul></section>");
    }
    out
}

fn due_dates(out: &mut String, plan: &Plan, id: ObligationId) {
    let mut entries = plan.dated.iter().filter(|e| e.obligation.id == id);
    let Some(first) = entries.next() else {
        return;
    };
    out.push_str(r#"<p class="smx-obligation__due">Due by "#);
    for (i, e) in std::iter::once(first).chain(entries).enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        time(out, e.date);
        if e.past {
            out.push_str(" (past)");
        }
    }
    if let Some(then) = first.then_every {
        out.push_str(", ");
        esc(out, then);
    }
    out.push_str("</p>");
}

fn radios(out: &mut String, id: &str, title: &str) {
    out.push_str(r#"<fieldset class="smx-fieldset smx-readiness" data-testid="readiness"><legend class="smx-readiness__legend">Status<span class="smx-visually-hidden"> "#);
    esc(out, title);
    out.push_str(
        r#"</span></legend><div class="smx-radios smx-radios--inline smx-radios--small">"#,
    );
    for r in Status::ALL {
        let key = r.key();
        out.push_str(r#"<div class="smx-radios__item"><input class="smx-radios__input" type="radio" id="smx-ready-"#);
        esc(out, id);
        let _ = write!(out, r#"-{key}" name="smx-ready-"#);
        esc(out, id);
        let _ = write!(
            out,
            r#"" value="{key}" data-testid="ready-{key}" data-smx-ready=""#
        );
        esc(out, id);
        out.push_str(r#""><label class="smx-label smx-radios__label" for="smx-ready-"#);
        esc(out, id);
        let _ = write!(out, r#"-{key}">{}</label></div>"#, r.label());
    }
    out.push_str("</div></fieldset>");
}

/// A result page's report for `answers` (from `build`), memoised.
#[hook]
pub fn use_result_report<A, R>(
    answers: &A,
    ctx: &ResultContext,
    build: fn(&A, &security_matrix_core::report::EventDates, chrono::NaiveDate) -> R,
) -> std::rc::Rc<R>
where
    A: Clone + PartialEq + 'static,
    R: 'static,
{
    use_memo(
        (answers.clone(), ctx.event_dates.clone(), ctx.today),
        move |(a, e, t)| build(a, e, t.unwrap_or_default()),
    )
}
