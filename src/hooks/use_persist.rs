//! What the tab keeps: the answers, for a reload in this tab.
use crate::edge;
use crate::state::State;
use yew::functional::Hook;
use yew::prelude::*;

/// Once the state is ready (restored), writes what sessionStorage keeps whenever it
/// changes; forgets it when the state is blank again ("Start again").
pub fn use_persist(state: &State) -> impl Hook<Output = ()> {
    let stored = if state.is_blank() {
        None
    } else {
        Some(state.to_storage())
    };
    use_effect_with((state.ready, stored), move |(ready, stored)| {
        if *ready {
            edge::write_storage(stored.as_deref());
        }
    })
}
