//! The save state line on every result view (`[data-testid="save-state"][data-state]`):
//! changes not saved to a file, all saved to a named file, or kept on this device.
use super::Dispatch;
use crate::edge;
use crate::elements::{button, checkbox, Button, ButtonKind, Checkbox};
use crate::state::{Action, State};
use yew::prelude::*;

/// The line: what closing the tab would lose, or where the work is.
pub fn save_state_line(state: &State) -> Html {
    let save = state.save_state();
    html! {
        <p class="smx-body-s smx-save-state" role="status" data-testid="save-state" data-state={save.key()}>
            { save.text() }
        </p>
    }
}

/// The save state line, then "Keep on this device" (off by default) and what it means.
pub fn save_state_section(state: &State, dispatch: &Dispatch) -> Html {
    let onchange = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let on = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .checked();
            if !on {
                if let Err(message) = edge::forget_kept() {
                    dispatch.send(Action::KeepFailed(message));
                    return;
                }
            }
            dispatch.send(Action::Keep(on));
        })
    };
    let load_newer = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| match edge::read_kept() {
            Ok((text, changed)) => dispatch.send(Action::DeviceChanged(text, changed)),
            Err(message) => dispatch.send(Action::KeepFailed(message)),
        })
    };
    let keep_mine = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| {
            edge::accept_kept();
            dispatch.send(Action::DeviceNewer(false));
        })
    };
    html! {
        <div class="smx-save-section">
            if state.device_newer {
                <div class="smx-notice" role="alert" data-testid="device-newer">
                    <p class="smx-body">{ "A newer version of this assessment was kept on this device in another tab or window. This tab's changes since then are not kept there yet." }</p>
                    <div class="smx-button-group">
                        { button(Button { testid: "load-newer", onclick: Some(load_newer), text: html! { "Load the newer version" }, ..Button::default() }) }
                        { button(Button { kind: ButtonKind::Secondary, testid: "keep-this-version", onclick: Some(keep_mine), text: html! { "Keep this tab's version instead" }, ..Button::default() }) }
                    </div>
                </div>
            }
            { save_state_line(state) }
            { checkbox(true, Checkbox {
                id: "smx-keep-on-device",
                testid: "keep-on-device",
                label: "Keep on this device",
                checked: state.saving.keep,
                onchange,
            }) }
            <p class="smx-hint smx-no-print">{ "Kept in this browser on this device until you remove it; anyone using this browser profile can open it; nothing is sent anywhere." }</p>
        </div>
    }
}
