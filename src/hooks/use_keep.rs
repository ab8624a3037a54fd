//! "Keep on this device" (opt-in): while it is on, every change is written at once to this
//! browser's localStorage (`DEVICE_KEY` in `src/edge/device.rs`), as the document the saved file holds. Off,
//! nothing is written there (turning it off, or "Remove it from this device", removes it
//! in the click's handler).
use crate::components::Dispatch;
use crate::edge::{self, KeepError};
use crate::state::{Action, State};
use yew::functional::Hook;
use yew::prelude::*;

/// Writes the document to this device whenever it changes while "keep" is on (and no
/// newer version from another tab waits for the user's choice). If the browser refuses,
/// turns it off with a message (nothing on the page is lost); if another tab kept a
/// different version since, writes nothing and says a newer version exists. `kept`: the
/// document's saved-file text while "keep" is on ([`State::kept_text`]).
pub fn use_keep(
    state: &State,
    kept: Option<String>,
    dispatch: &Dispatch,
) -> impl Hook<Output = ()> {
    let kept = kept
        .filter(|_| !state.device_newer)
        .map(|json| (json, state.kept_label().unwrap_or_default()));
    let dispatch = dispatch.clone();
    use_effect_with(kept, move |kept| {
        if let Some((json, label)) = kept {
            match edge::keep_on_device(json, label) {
                Ok(()) => {}
                Err(KeepError::Refused(message)) => dispatch.send(Action::KeepFailed(message)),
                Err(KeepError::Newer) => dispatch.send(Action::DeviceNewer(true)),
            }
        }
    })
}
