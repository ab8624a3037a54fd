//! One obligation: a keyed component whose props are cheap to compare (its id, its own
//! [`Track`], its open conditions, its dates), so that a change to one duty re-renders
//! only that duty. In a subject's view it has the tracker's controls; in the
//! all-on-one-page view it is a compact entry that shows the tracker as text.
//!
//! Everything the user typed is put in the page as text nodes and attribute values, never
//! parsed as HTML.
use super::obligations::DueDates;
use super::tracker_controls::{status_radios, text_field};
use super::Dispatch;
use crate::elements::{details, heading, Details, DETAILS_TEXT};
use crate::state::Words;
use security_matrix_core::catalogue::{Condition, Obligation};
use security_matrix_core::flow::long_date;
use security_matrix_core::tracker::{status_key, Track, TrackField};
use security_matrix_core::ObligationId;
use yew::prelude::*;

/// How a [`Duty`] is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DutyView {
    /// In a subject's view: the title a heading at `heading_level`, the tracker's controls,
    /// the clause's words behind a disclosure.
    Track {
        /// Level of the title's heading.
        heading_level: u8,
    },
    /// In the all-on-one-page view (printing): compact, the tracker as text, the clause's
    /// words (and drafting note) only when `words`.
    Print {
        /// Whether "Include the schedule's own words" is ticked.
        words: bool,
    },
}

/// Properties of [`Duty`].
#[derive(Properties, PartialEq)]
pub struct DutyProps {
    /// The obligation (its id; the catalogue has the rest).
    pub id: ObligationId,
    /// How it is shown.
    pub view: DutyView,
    /// Its conditions whose facts are unknown ("Applies where …").
    pub open_conditions: Vec<Condition>,
    /// What the user recorded for it.
    pub track: Track,
    /// Its due dates.
    pub due: DueDates,
    /// Whether the schedule's words are there, loading, or could not be loaded.
    pub words: Words,
    /// Dispatches actions.
    pub dispatch: Dispatch,
}

/// One obligation (`[data-testid="obligation"]`, with `data-ref`, `data-id` and
/// `data-status`; focusable from a link to it).
#[function_component(Duty)]
pub fn duty(p: &DutyProps) -> Html {
    let o = p.id.obligation();
    // "Owner and evidence" opens by itself where something is recorded, when the duty is
    // first shown; after that it stays as the user leaves it (the value never changes, so
    // Yew never touches the attribute again).
    let recorded = use_state(|| !p.track.owner.is_empty() || !p.track.note.is_empty());
    let (body, compact) = match p.view {
        DutyView::Track { heading_level } => (tracked(p, o, heading_level, *recorded), false),
        DutyView::Print { words } => (printed(p, o, words), true),
    };
    html! {
        <li class={classes!("smx-obligation", compact.then_some("smx-obligation--compact"))}
            tabindex="-1" data-testid="obligation" data-ref={o.reference}
            data-id={o.id.as_str()} data-status={status_key(p.track.status)}>
            { body }
        </li>
    }
}

/// In a subject's view: what the duty is, its status, then two disclosures side by side:
/// the owner and the evidence or note (`open` when something was recorded), and the
/// clause's words. (Keeping the owner and note behind a disclosure keeps the longest
/// subject, 33 duties at S6, under 6,000 px at 1280 px wide.)
fn tracked(p: &DutyProps, o: &'static Obligation, heading_level: u8, open: bool) -> Html {
    let title = html! { <><span class="smx-ref">{ format!("¶{}", o.reference) }</span>{ " " }{ o.title }</> };
    html! { <>
        { heading(heading_level, "smx-obligation__title", false, title) }
        if !p.due.dates.is_empty() {
            <p class="smx-obligation__due">{ due_line(&p.due) }</p>
        }
        { for p.open_conditions.iter().map(|c| html! {
            <p class="smx-obligation__condition">{ c.describe() }</p>
        }) }
        if let Some(note) = o.note {
            <p class="smx-obligation__note"><strong>{ "Drafting note: " }</strong>{ note }</p>
        }
        { status_radios(o, p.track.status, &p.dispatch) }
        <div class="smx-obligation__disclosures">
            { details(Details {
                class: Some("smx-tracker"),
                testid: Some("track-details"),
                open,
                summary: html! { <>
                    { "Owner and evidence" }<span class="smx-visually-hidden">{ format!(" (¶{})", o.reference) }</span>
                    if !p.track.owner.is_empty() {
                        <span class="smx-tracker__summary-owner" data-testid="owner-summary">{ format!(": {}", p.track.owner) }</span>
                    }
                </> },
                body: html! {
                    <div class={classes!(DETAILS_TEXT, "smx-tracker__fields")}>
                        { text_field(o, TrackField::Owner, &p.track.owner, &p.dispatch) }
                        { text_field(o, TrackField::Note, &p.track.note, &p.dispatch) }
                    </div>
                },
            }) }
            { details(Details {
                testid: Some("words"),
                summary: html! { <>
                    { "The schedule's words" }<span class="smx-visually-hidden">{ format!(" (¶{})", o.reference) }</span>
                </> },
                body: clause_words(o, p.words, classes!(DETAILS_TEXT)),
                ..Details::default()
            }) }
        </div>
    </> }
}

/// In the all-on-one-page view: the title; the dates and conditions; the status and owner
/// (beside the title on a wide page or in print), the note; the drafting note and the
/// clause's words when asked for.
fn printed(p: &DutyProps, o: &'static Obligation, words: bool) -> Html {
    let t = &p.track;
    let status = t.status.map_or("Not marked", |s| s.label());
    let has_meta = !p.due.dates.is_empty() || !p.open_conditions.is_empty();
    let text = |field: TrackField, testid: &'static str| {
        let value = field.of(t);
        (!value.is_empty()).then(|| {
            html! {
                <span class="smx-obligation__field">
                    <strong>{ format!("{}: ", field.label()) }</strong>
                    <span class="smx-obligation__text" data-testid={testid}>{ value.to_string() }</span>
                </span>
            }
        })
    };
    html! { <>
        <p class="smx-obligation__title">
            <span class="smx-ref">{ format!("¶{}", o.reference) }</span>{ " " }{ o.title }
        </p>
        if has_meta {
            <p class="smx-obligation__meta">
                if !p.due.dates.is_empty() {
                    <span class="smx-obligation__field smx-obligation__due">{ due_line(&p.due) }</span>
                }
                { for p.open_conditions.iter().map(|c| html! {
                    <span class="smx-obligation__field smx-obligation__condition">{ c.describe() }</span>
                }) }
            </p>
        }
        <p class="smx-obligation__track">
            <span class="smx-obligation__field">
                <strong>{ "Status: " }</strong><span data-testid="status-text">{ status }</span>
            </span>
            { text(TrackField::Owner, "owner-text") }
        </p>
        if !t.note.is_empty() {
            <p class="smx-obligation__track-note">{ text(TrackField::Note, "note-text") }</p>
        }
        if words {
            if let Some(note) = o.note {
                <p class="smx-obligation__note"><strong>{ "Drafting note: " }</strong>{ note }</p>
            }
            { clause_words(o, p.words, classes!(DETAILS_TEXT, "smx-obligation__words")) }
        }
    </> }
}

/// The clause's own words (`data-testid="words-text"`); while they load, a line that says
/// so (`words-loading`); if they could not be loaded, a message that says so
/// (`words-error`). Nothing else waits for them.
fn clause_words(o: &Obligation, words: Words, class: Classes) -> Html {
    match (o.text(), words) {
        (Some(text), _) => html! {
            <blockquote {class} data-testid="words-text">{ text }</blockquote>
        },
        (None, Words::Failed) => html! {
            <p {class} role="alert" data-testid="words-error">
                { "The schedule's words could not be loaded. Reload the page to try again: your answers and marks are kept." }
            </p>
        },
        (None, _) => html! {
            <p {class} data-testid="words-loading">{ "Loading the schedule's words…" }</p>
        },
    }
}

/// "Due by 31 March 2027, 30 June 2027 (past), then every quarter": a `<time>` per date.
fn due_line(due: &DueDates) -> Html {
    let dates = due.dates.iter().enumerate().map(|(i, &(d, past))| {
        html! { <>
            if i > 0 { { ", " } }
            <time datetime={d.to_string()}>{ long_date(d) }</time>
            if past { <span class="smx-obligation__past">{ " (past)" }</span> }
        </> }
    });
    html! { <>
        { "Due by " }
        { for dates }
        if let Some(then) = due.then_every {
            { format!(", {then}") }
        }
    </> }
}
