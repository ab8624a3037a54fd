//! One obligation: a keyed component whose props are cheap to compare (its id, its own
//! [`Track`], its open conditions, its dates), so that a change to one duty re-renders
//! only that duty. In a subject's view it has the tracker's controls; in the
//! all-on-one-page view it is a compact entry that shows the tracker as text. Its due
//! dates are read from the plan ([`due_dates`]).
//!
//! Everything the user typed is put in the page as text nodes and attribute values, never
//! parsed as HTML.
use super::tracker_controls::{status_radios, text_field};
use super::Dispatch;
use crate::elements::{details, details_class, details_text, heading, Details};
use crate::state::Loaded;
use chrono::NaiveDate;
use security_matrix_core::dates::plan::Plan;
use security_matrix_core::duties::{Condition, Obligation};
use security_matrix_core::file::tracker::{status_key, Track, TrackField};
use security_matrix_core::format::long_date;
use security_matrix_core::ObligationId;
use yew::prelude::*;

/// An obligation's due dates in the plan.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DueDates {
    /// Each due date in date order, and whether it is past.
    pub dates: Vec<(NaiveDate, bool)>,
    /// "then every year" and the like, when the rule recurs past the dates listed (the
    /// term's end is unknown).
    pub then_every: Option<&'static str>,
}

/// The due dates of obligation `id` in `plan` (none for a duty without a calendar date).
pub fn due_dates(plan: &Plan, id: ObligationId) -> DueDates {
    let mut due = DueDates::default();
    for e in plan.dated.iter().filter(|e| e.obligation.id == id) {
        if due.dates.is_empty() {
            due.then_every = e.then_every;
        }
        due.dates.push((e.date, e.past));
    }
    due
}

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
    pub words: Loaded,
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
                class: details_class!("smx-tracker"),
                testid: Some("track-details"),
                open,
                summary: html! { <>
                    { "Owner and evidence" }<span class="smx-visually-hidden">{ format!(" (¶{})", o.reference) }</span>
                    if !p.track.owner.is_empty() {
                        <span class="smx-tracker__summary-owner" data-testid="owner-summary">{ format!(": {}", p.track.owner) }</span>
                    }
                </> },
                body: html! {
                    <div class={details_text!("smx-tracker__fields")}>
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
                body: clause_words(o, p.words, details_text!()),
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
            { clause_words(o, p.words, details_text!("smx-obligation__words")) }
        }
    </> }
}

/// The clause's own words (`data-testid="words-text"`); while they load, a line that says
/// so (`words-loading`); if they could not be loaded, a message that says so
/// (`words-error`). Nothing else waits for them.
fn clause_words(o: &Obligation, words: Loaded, class: &'static str) -> Html {
    match (o.text(), words) {
        (Some(text), _) => html! {
            <blockquote {class} data-testid="words-text">{ text }</blockquote>
        },
        (None, Loaded::Failed) => html! {
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

#[cfg(test)]
mod tests {
    use super::*;
    use security_matrix_core::dates::plan::EventDates;
    use security_matrix_core::file::link::from_fragment;
    use security_matrix_core::report::{df_report, sm_report};

    const S6: &str = "schedule=df&subjects=3000&special=40&professional=no&value=450000&months=36&access=yes&other=no&commencement=2027-04-01";

    fn plan(today: NaiveDate) -> Plan {
        let answers = from_fragment(S6).answers.df().unwrap();
        df_report(&answers, &EventDates::new(), today).plan
    }

    fn id(s: &str) -> ObligationId {
        ObligationId::parse(s).unwrap()
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_recurring_duty_has_every_date_of_the_term_in_order() {
        let plan = plan(day(2026, 11, 1));
        let due = due_dates(&plan, id("df-3-6-continuity-3"));
        assert_eq!(due.dates.len(), 12, "{due:?}");
        assert!(due.dates.windows(2).all(|w| w[0].0 < w[1].0), "{due:?}");
        assert!(due.dates.iter().all(|(_, past)| !past));
        // The term's end is known (36 months): no "then every …".
        assert_eq!(due.then_every, None);
    }

    #[test]
    fn an_undated_duty_has_no_dates_and_past_dates_are_marked() {
        let plan = plan(day(2026, 11, 1));
        assert_eq!(due_dates(&plan, id("df-1-3")), DueDates::default());
        let later = self::plan(day(2031, 1, 1));
        let due = due_dates(&later, id("df-3-6-continuity-3"));
        assert!(!due.dates.is_empty() && due.dates.iter().all(|(_, past)| *past));
    }

    #[test]
    fn without_the_term_a_recurring_duty_says_it_goes_on() {
        // The 2017 schedule has no term: its annual review is dated once, then every year.
        let link = "schedule=sm2017&effective=2026-12-14&own_devices=yes&marking=official&bulk=no";
        let answers = from_fragment(link)
            .answers
            .sm()
            .expect("complete 2017 answers");
        let plan = sm_report(&answers, &EventDates::new(), day(2026, 12, 1)).plan;
        let due = due_dates(&plan, id("sm2017-4-1"));
        assert_eq!(due.dates, vec![(day(2027, 12, 14), false)]);
        assert_eq!(due.then_every, Some("then every year"));
    }
}
