//! A link's answers leave the address bar once they are taken: they then live in the tab
//! (sessionStorage), and a reload or a copied address does not open the link again.
use crate::edge;
use crate::state::{is_answer_link, State};
use yew::functional::Hook;
use yew::prelude::*;

/// Clears a link with answers from the URL once the state has taken it: when the state is
/// ready and holds no action for the pages' code (the opening, or a link opened since, may
/// wait for it), after each page change (taking a link moves to its page). Until then the
/// link stays, so a reload opens it again and its answers are never lost, even when the
/// pages' code cannot come.
pub fn use_clear_link(state: &State) -> impl Hook<Output = ()> {
    let taken = state.ready && state.held.is_empty();
    use_effect_with((taken, state.page_change), move |(taken, _)| {
        if *taken && edge::fragment().is_some_and(|f| is_answer_link(&f)) {
            edge::clear_fragment();
        }
    })
}
