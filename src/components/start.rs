//! The start page: what the tool does, the choice of schedule, Start.
use super::{open_file, Dispatch, OpenFileProps};
use crate::edge;
use crate::elements::{button, heading, radio, radios, Button, ButtonKind, Radio, RadiosLayout};
use crate::state::Action;
use security_matrix_core::Schedule;
use yew::prelude::*;

/// What [`start_page`] shows.
pub struct StartPageProps {
    /// When the assessment kept on this device last changed, if one is kept.
    pub device: Option<String>,
    /// The schedule selected.
    pub schedule: Schedule,
    /// Whether to offer the choice.
    pub offer_choice: bool,
    /// Level of the page heading.
    pub heading_level: u8,
    /// Problems with a file the user tried to open.
    pub file_problems: Vec<String>,
    /// The tender a portal set, if any ([`super::tender_line`]): a new assessment of it.
    pub tender: Html,
    /// Dispatches actions.
    pub dispatch: Dispatch,
}

/// The start page.
pub fn start_page(p: &StartPageProps) -> Html {
    let h = p.heading_level;
    let on_start = p.dispatch.on(|e: SubmitEvent| {
        e.prevent_default();
        Action::Start
    });
    html! {
        <form key="start" class="smx-page" novalidate=true onsubmit={on_start} data-testid="start-page">
            { heading(h, "smx-heading-xl", true, html! { { "Work out your security level" } }) }
            { p.tender.clone() }
            if let Some(changed) = &p.device {
                { kept_on_device(changed, &p.dispatch) }
            }
            <p class="smx-body-l">{ "For organisations bidding for Ministry of Justice contracts. Answer a few questions about the contract to find out which security level (S1 to S6) applies to you and every obligation that follows, with the dates they fall due." }</p>
            <p class="smx-body">{ "It takes about 5 minutes. Use it before you submit your Tender Response: paragraph 1.3 of the schedule asks you to tell the Customer which level applies." }</p>
            <div class="smx-inset">
                <p class="smx-body">{ "Your answers never leave this device. Nothing is sent anywhere: the tool works entirely in your browser." }</p>
            </div>
            if p.offer_choice {
                <div class="smx-form-group">
                    <fieldset class="smx-fieldset" aria-describedby="smx-schedule-hint">
                        <legend class="smx-fieldset__legend smx-fieldset__legend--m">{ "Which schedule is in the contract?" }</legend>
                        <div id="smx-schedule-hint" class="smx-hint">{ "Look for \"Schedule 2.4\" in the contract documents." }</div>
                        { radios(RadiosLayout::Stacked, Schedule::ALL.iter().map(|&s| radio(Radio {
                            id: format!("smx-schedule-{}", s.id()),
                            name: "smx-schedule".into(),
                            value: s.id(),
                            label: s.title(),
                            hint: Some(match s {
                                Schedule::Df => "Levels S1 to S6 set by the Security Matrix",
                                Schedule::Sm2017 => "The Security Management Plan, breaches and the own-device policy",
                            }),
                            checked: p.schedule == s,
                            onchange: p.dispatch.on(move |_| Action::ChooseSchedule(s)),
                            testid: format!("schedule-{}", s.id()),
                        }))) }
                    </fieldset>
                </div>
            }
            { button(Button { kind: ButtonKind::Start, submit: true, testid: "start", text: html! { "Start" }, ..Button::default() }) }
            <p class="smx-body-s">{ "This tool is not legal advice. The schedule signed in your contract always prevails." }</p>
            { heading((h + 1).min(6), "smx-heading-s", false, html! { { "Carry on from a saved file" } }) }
            { open_file(&OpenFileProps { problems: p.file_problems.clone(), dispatch: p.dispatch.clone() }) }
        </form>
    }
}

/// The assessment kept on this device: carry on with it, or remove it.
fn kept_on_device(changed: &str, dispatch: &Dispatch) -> Html {
    let carry_on = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| {
            dispatch.send(Action::CarryOn(edge::read_kept().map(|(text, _)| text)))
        })
    };
    let forget = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| match edge::forget_kept() {
            Ok(()) => dispatch.send(Action::ForgetDevice),
            Err(message) => dispatch.send(Action::KeepFailed(message)),
        })
    };
    let when = if changed.is_empty() {
        String::new()
    } else {
        format!(" (last changed {changed})")
    };
    html! {
        <div class="smx-inset" data-testid="kept-on-device">
            <p class="smx-body">{ "An assessment is kept in this browser on this device." }</p>
            <div class="smx-button-group">
                { button(Button { testid: "carry-on-device", onclick: Some(carry_on), text: html! { { format!("Carry on with the assessment kept on this device{when}") } }, ..Button::default() }) }
                { button(Button { kind: ButtonKind::Secondary, testid: "forget-device", onclick: Some(forget), text: html! { "Remove it from this device" }, ..Button::default() }) }
            </div>
        </div>
    }
}
