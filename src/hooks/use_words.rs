//! The schedule's words (a `lazy-words` build): loaded once, when a result view first
//! shows.
use crate::components::Dispatch;
use crate::edge;
use crate::state::{Action, Loaded, Page, State};
use yew::functional::Hook;
use yew::prelude::*;

/// When a result view shows while the words are still to load, loads them and tells the
/// reducer how it went ([`Action::WordsLoaded`], [`Action::WordsFailed`]).
pub fn use_words(state: &State, dispatch: &Dispatch) -> impl Hook<Output = ()> {
    let dispatch = dispatch.clone();
    let wanted = matches!(state.page, Page::Result(_)) && state.words == Loaded::Loading;
    use_effect_with(wanted, move |wanted| {
        if *wanted {
            wasm_bindgen_futures::spawn_local(async move {
                dispatch.send(match edge::load_words().await {
                    Ok(()) => Action::WordsLoaded,
                    Err(()) => Action::WordsFailed,
                });
            });
        }
    })
}
