//! The obligations that apply, grouped by category, each with its reference, plain title,
//! due dates, conditions, readiness radios and the clause's own words behind a disclosure.
//!
//! Speed (issue 9): an S6 result lists over 70 obligations, about 1,400 elements, and building
//! them node by node through Yew took most of the time from "Get your result" to the page.
//! The list is static for a given report, so [`obligations_markup`] writes it as one HTML
//! string (every text and attribute escaped) that the browser parses in one go, and Yew
//! keeps it as raw HTML: it is replaced only when the string changes, i.e. when the report
//! does. The readiness radios inside it are therefore not Yew nodes: one `onchange` on the
//! list reads which radio changed ([`edge::readiness_choice`]) and the result page sets the
//! radios from the marks after each render ([`edge::sync_readiness`]), so a mark never
//! rebuilds the list (and focus stays on the radio the user is on).
use super::markup::{esc, time};
use super::{Dispatch, ResultContext};
use crate::edge;
use crate::state::Action;
use chrono::NaiveDate;
use security_matrix_core::plan::Plan;
use security_matrix_core::report::EventDates;
use security_matrix_core::report::ObligationGroup;
use security_matrix_core::tracker::Status;
use security_matrix_core::ObligationId;
use std::fmt::Write;
use std::rc::Rc;
use yew::prelude::*;

/// The grouped list, from [`obligations_markup`], in an element `list` refers to (for
/// [`edge::sync_readiness`]); readiness marks are dispatched as [`Action::SetReadiness`].
pub fn obligation_list(markup: &AttrValue, list: &NodeRef, dispatch: &Dispatch) -> Html {
    let onchange = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            if let Some((id, mark)) = edge::readiness_choice(&e) {
                dispatch.send(Action::SetStatus(id, Some(mark)));
            }
        })
    };
    html! {
        <div class="smx-obligations" data-testid="obligations" ref={list.clone()} {onchange}>
            { Html::from_html_unchecked(markup.clone()) }
        </div>
    }
}

/// A result page's report for `answers` (from `build`, e.g. `df_report`), memoised with its
/// obligations list's HTML (headings one level below the page's sections), and the element
/// the list is rendered in (pass it to [`obligation_list`]): after every render where the
/// list or the marks changed, its readiness radios are set from the marks.
#[hook]
pub fn use_result_report<A, R>(
    answers: &A,
    ctx: &ResultContext,
    build: fn(&A, &EventDates, NaiveDate) -> R,
    lists: fn(&R) -> (&[ObligationGroup], &Plan),
) -> (Rc<(R, AttrValue)>, NodeRef)
where
    A: Clone + PartialEq + 'static,
    R: 'static,
{
    let h3 = (ctx.heading_level + 2).min(6);
    let memo = use_memo(
        (answers.clone(), ctx.event_dates.clone(), ctx.today, h3),
        move |(a, e, t, h3)| {
            let report = build(a, e, t.unwrap_or_default());
            let (groups, plan) = lists(&report);
            let markup = AttrValue::from(obligations_markup(groups, plan, *h3));
            (report, markup)
        },
    );
    let list = use_node_ref();
    {
        let list = list.clone();
        use_effect_with((memo.1.clone(), ctx.tracker.clone()), move |(_, marks)| {
            edge::sync_readiness(&list, marks)
        });
    }
    (memo, list)
}

/// The list's HTML: for each group a section with a heading at `heading_level` (clamped to
/// 1–6), and for each obligation an `<li data-testid="obligation" data-ref data-id>` with
/// its title, due dates (`<time datetime>`), open conditions, drafting note, the readiness
/// radios (none checked: see the module's notes) and the clause's words.
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
            out.push_str(r#"<li class="smx-obligation" data-ref=""#);
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

/// "Due by <time>…</time> (past), <time>…</time>, then every year".
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

/// "Ready? In place / In progress / Not yet" for one obligation. Each input carries
/// `data-smx-ready` (the obligation's id) for [`edge::readiness_choice`] and
/// [`edge::sync_readiness`].
fn radios(out: &mut String, id: &str, title: &str) {
    out.push_str(r#"<fieldset class="smx-fieldset smx-readiness" data-testid="readiness"><legend class="smx-readiness__legend">Ready?<span class="smx-visually-hidden"> "#);
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

#[cfg(test)]
mod tests {
    use super::*;
    use security_matrix_core::report::df_report;
    use security_matrix_core::DfAnswers;

    fn s6() -> security_matrix_core::report::DfReport {
        let answers = DfAnswers {
            subjects: 3000,
            special: 0,
            professional: None,
            value: 45_000,
            months: 18,
            access: false,
            other: None,
            commencement: chrono::NaiveDate::from_ymd_opt(2027, 1, 4),
            route: None,
            hosting: None,
        };
        df_report(
            &answers,
            &Default::default(),
            chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
        )
    }

    #[test]
    fn every_obligation_is_listed_once_with_its_hooks_radios_and_words() {
        let report = s6();
        let html = obligations_markup(&report.groups, &report.plan, 3);
        let count: usize = report.groups.iter().map(|g| g.items.len()).sum();
        assert!(count > 50);
        assert_eq!(html.matches(r#"data-testid="obligation""#).count(), count);
        assert_eq!(
            html.matches(r#"data-testid="obligation-group""#).count(),
            report.groups.len()
        );
        assert_eq!(html.matches("<h3 ").count(), report.groups.len());
        assert_eq!(html.matches(r#"type="radio""#).count(), 3 * count);
        assert!(!html.contains(" checked"), "marks are set after rendering");
        for g in &report.groups {
            for s in &g.items {
                let mut li = String::from(r#"data-ref=""#);
                esc(&mut li, s.obligation.reference);
                assert!(html.contains(&li), "{}", s.obligation.id);
                let mut words = String::new();
                esc(&mut words, s.obligation.text);
                assert!(html.contains(&words), "{}", s.obligation.id);
            }
        }
        // Each dated entry's <time> is inside its obligation's element.
        for e in &report.plan.dated {
            let start = html
                .find(&format!(r#"data-id="{}""#, e.obligation.id))
                .expect("dated obligation listed");
            let end = start + html[start..].find("</li>").unwrap();
            assert!(
                html[start..end].contains(&format!(r#"<time datetime="{}">"#, e.date)),
                "{} {}",
                e.obligation.id,
                e.date
            );
        }
        // Balanced tags.
        for tag in [
            "section", "ul", "li", "p", "fieldset", "details", "div", "time",
        ] {
            assert_eq!(
                html.matches(&format!("<{tag}>")).count()
                    + html.matches(&format!("<{tag} ")).count(),
                html.matches(&format!("</{tag}>")).count(),
                "{tag}"
            );
        }
    }

    #[test]
    fn open_conditions_read_as_one_sentence() {
        // No route or hosting answer: the route and hosting duties say when they apply.
        let report = s6();
        let html = obligations_markup(&report.groups, &report.plan, 3);
        assert!(
            html.contains(r#"<p class="smx-obligation__condition">Applies if you take route (b)"#),
            "the route (b) condition starts the sentence"
        );
        assert!(!html.to_ascii_lowercase().contains("applies applies"));
    }

    #[test]
    fn heading_levels_are_clamped() {
        let report = s6();
        assert!(obligations_markup(&report.groups, &report.plan, 9).contains("<h6 "));
        assert!(obligations_markup(&report.groups, &report.plan, 0).contains("<h1 "));
    }
}
