//! The save state line on every result view (`[data-testid="save-state"][data-state]`):
//! changes not saved to a file, all saved to a named file, or kept on this device.
use crate::state::State;
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
