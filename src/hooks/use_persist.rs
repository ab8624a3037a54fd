//! What the tab keeps: the answers, for a reload in this tab.
use crate::edge;
use crate::state::State;
use yew::functional::Hook;
use yew::prelude::*;

/// Once the state is ready (restored), writes what sessionStorage keeps whenever it
/// changes; forgets it when the state is blank again ("Start again"). Forgets the file
/// this tab saves in place when the work is no longer the one saved there (started
/// again, or another file or the device's version opened).
pub fn use_persist(state: &State) -> impl Hook<Output = ()> {
    let stored = if state.is_blank() {
        None
    } else {
        Some(state.to_storage())
    };
    let unsaved_file = state.saving.saved.is_none();
    use_effect_with(
        (state.ready, stored, unsaved_file),
        move |(ready, stored, unsaved_file)| {
            if *ready {
                edge::write_storage(stored.as_deref());
            }
            if *unsaved_file {
                edge::forget_file();
            }
        },
    )
}
