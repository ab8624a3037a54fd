//! "Start again" with changes that would be lost: a confirmation page (GOV.UK "confirm a
//! destructive action") that says what goes and offers to save first.
use super::{save_button, Dispatch};
use crate::elements::{button, heading, Button, ButtonKind};
use crate::state::{Action, State};
use yew::prelude::*;

/// The confirmation page.
pub fn confirm_start_again_page(state: &State, h: u8, dispatch: &Dispatch) -> Html {
    let marks = state.tracker.len();
    let events = state.event_dates.len();
    let contracts = state.answers.contracts().len();
    let plural = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    let level = state
        .answers
        .df()
        .map(|a| security_matrix_core::assessment::matrix::level(&a));
    let forget = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| match crate::edge::forget_kept() {
            Ok(()) => {
                dispatch.send(Action::ConfirmStartAgain);
                dispatch.send(Action::ForgetDevice);
            }
            Err(message) => dispatch.send(Action::KeepFailed(message)),
        })
    };
    html! {
        <div key="confirm-start-again" class="smx-page" data-testid="confirm-start-again-page">
            { heading(h, "smx-heading-l", true, html! { { "Are you sure you want to start again?" } }) }
            if state.saving.keep {
                <p class="smx-body" data-testid="start-again-kept">{ "Your work is kept on this device. If you start again, it stays there and the start page offers to carry on with it, unless you remove it from this device too." }</p>
            } else {
                <p class="smx-body">{ "You have changes that are not saved to a file. If you start again, this tab forgets:" }</p>
            }
            if !state.saving.keep {
            <ul class="smx-list smx-list--bullet" data-testid="start-again-loses">
                <li>{ "your answers" }</li>
                if contracts > 0 {
                    <li>{ plural(contracts, "other Call-Off Contract", "other Call-Off Contracts") }</li>
                }
                if marks > 0 {
                    <li>{ format!("the status, owner or note of {}", plural(marks, "duty", "duties")) }</li>
                }
                if events > 0 {
                    <li>{ plural(events, "event date", "event dates") }</li>
                }
            </ul>
            }
            if !state.saving.keep {
                <p class="smx-body">{ "Save them to a file first to open them here later." }</p>
            }
            <div class="smx-button-group">
                { save_button(state.document(), level, dispatch) }
                { button(Button { kind: ButtonKind::Warning, testid: "confirm-start-again", onclick: Some(dispatch.on(|_| Action::ConfirmStartAgain)), text: html! { "Yes, start again" }, ..Button::default() }) }
                if state.saving.keep {
                    { button(Button { kind: ButtonKind::Warning, testid: "confirm-start-again-forget", onclick: Some(forget), text: html! { "Start again and remove it from this device" }, ..Button::default() }) }
                }
                { button(Button { kind: ButtonKind::Secondary, testid: "cancel-start-again", onclick: Some(dispatch.on(|_| Action::CancelStartAgain)), text: html! { "No, go back" }, ..Button::default() }) }
            </div>
            { super::save_state_line(state) }
        </div>
    }
}
