//! What the tab keeps: the answers, for a reload in this tab.
use crate::edge;
use crate::state::{later, State};
use yew::functional::Hook;
use yew::prelude::*;

/// Once the state is ready (restored), writes what sessionStorage keeps whenever it
/// changes; forgets it when the state is blank again ("Start again"). Writes nothing while
/// actions wait for the pages' code (what was stored may be among them, not yet restored).
/// Forgets the file this tab saves in place when the work is no longer the one saved there
/// (started again, or another file or the device's version opened).
pub fn use_persist(state: &State) -> impl Hook<Output = ()> {
    // `Some(None)`: forget it; `None`: nothing to write yet.
    let stored = if !state.held.is_empty() {
        None
    } else if state.is_blank() {
        Some(None)
    } else {
        later::storage(state).map(Some)
    };
    let unsaved_file = state.saving.saved.is_none();
    use_effect_with(
        (state.ready, stored, unsaved_file),
        move |(ready, stored, unsaved_file)| {
            if let (true, Some(stored)) = (*ready, stored) {
                edge::write_storage(stored.as_deref());
            }
            if *unsaved_file {
                edge::forget_file();
            }
        },
    )
}
