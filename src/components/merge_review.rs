//! The merge's review page: each entry both files changed differently, when the change
//! times do not settle it, side by side (`data-testid="merge-conflict"`), with "Keep yours"
//! or "Take theirs"; then "Finish merging". All text is the users' own, as plain text.
use super::Dispatch;
use crate::elements::{
    button, error_message, error_summary, heading, radio, radios, Button, ButtonKind,
    ErrorSummaryProps, Radio, RadiosLayout,
};
use crate::state::{conflict_key, Action, MergeReview, CHOOSE_EACH};
use chrono::{NaiveDateTime, Timelike};
use security_matrix_core::file::merge::Conflict;
use security_matrix_core::file::tracker::Track;
use security_matrix_core::format::long_date;
use yew::prelude::*;

/// What [`merge_review`] shows.
pub struct MergeReviewProps {
    /// The merge waiting for choices.
    pub review: MergeReview,
    /// Heading level of the page.
    pub heading_level: u8,
    /// Dispatches the choices, "Finish merging" and "Cancel".
    pub dispatch: Dispatch,
}

/// The element id of conflict `i`'s radio (`take`: "Take theirs").
fn choice_id(i: usize, take: bool) -> String {
    format!("smx-merge-{i}-{}", if take { "theirs" } else { "yours" })
}

/// "4 December 2026, 09:15 UTC", or that the file does not say.
fn when(t: Option<NaiveDateTime>) -> String {
    match t {
        Some(t) => format!(
            "{}, {:02}:{:02} UTC",
            long_date(t.date()),
            t.hour(),
            t.minute()
        ),
        None => "Not recorded".into(),
    }
}

fn or_none(text: &str) -> String {
    if text.is_empty() {
        "None".into()
    } else {
        text.to_string()
    }
}

/// A duty's status, owner and note.
fn track_rows(ours: &Track, theirs: &Track) -> Vec<(&'static str, String, String)> {
    let status = |t: &Track| t.status.map_or("Not marked", |s| s.label()).to_string();
    vec![
        ("Status", status(ours), status(theirs)),
        ("Owner", or_none(&ours.owner), or_none(&theirs.owner)),
        (
            "Evidence or note",
            or_none(&ours.note),
            or_none(&theirs.note),
        ),
    ]
}

/// The review page.
pub fn merge_review(p: &MergeReviewProps) -> Html {
    let h = p.heading_level;
    let review = &p.review;
    let n = review.outcome.conflicts.len();
    let unchosen: Vec<usize> = (0..n)
        .filter(|i| review.choices.get(*i).copied().flatten().is_none())
        .collect();
    let show_errors = review.unchosen_error && !unchosen.is_empty();
    let rows = review.outcome.conflicts.iter().enumerate().map(|(i, c)| {
        let (title, fields, ours_changed, theirs_changed) = match c {
            Conflict::Duty(c) => {
                let o = c.id.obligation();
                (
                    format!("¶{} {}", o.reference, o.title),
                    track_rows(&c.ours, &c.theirs),
                    c.ours_changed,
                    c.theirs_changed,
                )
            }
            Conflict::Event(c) => (
                {
                    // (ASCII only, as elsewhere: `char::to_uppercase` brings in Unicode's
                    // case tables, some 20 KB of the bundle.)
                    let mut label = c.id.event().label.to_owned();
                    if let Some(first) = label.get_mut(..1) {
                        first.make_ascii_uppercase();
                    }
                    label
                },
                vec![("Date", long_date(c.ours), long_date(c.theirs))],
                c.ours_changed,
                c.theirs_changed,
            ),
        };
        let choice = review.choices.get(i).copied().flatten();
        let name = AttrValue::from(format!("smx-merge-{i}"));
        let item = |take: bool| {
            radio(Radio {
                id: choice_id(i, take),
                name: name.clone(),
                value: if take { "theirs" } else { "yours" },
                label: if take { "Take theirs" } else { "Keep yours" },
                hint: None,
                checked: choice == Some(take),
                onchange: p.dispatch.on(move |_: Event| Action::ChooseMerge(i, take)),
                testid: format!("merge-{}", if take { "take" } else { "keep" }),
            })
        };
        let error = show_errors && choice.is_none();
        let error_id = format!("smx-merge-{i}-error");
        html! {
            <div class={classes!("smx-form-group", error.then_some("smx-form-group--error"))}
                 data-testid="merge-conflict" data-entry={conflict_key(c)} key={conflict_key(c)}>
                <fieldset class="smx-fieldset" aria-describedby={error.then(|| error_id.clone())}>
                    <legend class="smx-fieldset__legend smx-fieldset__legend--m">{ title }</legend>
                    <table class="smx-table">
                        <thead><tr><th scope="col">{ "" }</th><th scope="col">{ "Yours" }</th><th scope="col">{ "Theirs" }</th></tr></thead>
                        <tbody>
                            { for fields.into_iter().map(|(label, ours, theirs)| html! {
                                <tr><th scope="row">{ label }</th><td data-testid="merge-yours">{ ours }</td><td data-testid="merge-theirs">{ theirs }</td></tr>
                            }) }
                            <tr><th scope="row">{ "Last changed" }</th><td>{ when(ours_changed) }</td><td>{ when(theirs_changed) }</td></tr>
                        </tbody>
                    </table>
                    if error {
                        { error_message(Some(error_id), "merge-error".into(), "Choose whether to keep yours or take theirs") }
                    }
                    { radios(RadiosLayout::Inline, [item(false), item(true)]) }
                </fieldset>
            </div>
        }
    });
    let now = p.dispatch.on(|_: MouseEvent| Action::FinishMerge);
    let cancel = p.dispatch.on(|_: MouseEvent| Action::CancelMerge);
    let conflicts = if n == 1 {
        "1 entry".to_string()
    } else {
        format!("{n} entries")
    };
    html! {
        <div class="smx-page" data-testid="merge-review" key="merge">
            if show_errors {
                { error_summary(&ErrorSummaryProps {
                    errors: vec![(choice_id(unchosen[0], false), CHOOSE_EACH.to_string())],
                    heading_level: (h + 1).min(6),
                }) }
            }
            { heading(h, "smx-heading-l", true, html! { { "Settle the differences with your colleague's file" } }) }
            <p class="smx-body">{ format!("You and your colleague both changed {conflicts}, and the files do not say which change is more recent. For each, keep yours or take theirs. Everything else in their file has already been added; nothing changes until you finish.") }</p>
            { for rows }
            <div class="smx-button-group">
                { button(Button { kind: ButtonKind::Primary, testid: "finish-merge", onclick: Some(now), text: html! { "Finish merging" }, ..Button::default() }) }
                { button(Button { kind: ButtonKind::Secondary, testid: "cancel-merge", onclick: Some(cancel), text: html! { "Cancel" }, ..Button::default() }) }
            </div>
        </div>
    }
}
