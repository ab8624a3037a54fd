//! The code of every page but the start page (a `lazy-pages` build): loaded once, as soon as
//! the app is ready, so it is there by the time the user presses Start (on a slow line, a
//! page shown before it comes says it is loading).
use crate::components::{load_pages, Dispatch};
use crate::state::{Action, Loaded, State};
use yew::functional::Hook;
use yew::prelude::*;

/// Once the app is ready while the pages' code is still to load, loads it and tells the
/// reducer how it went ([`Action::PagesLoaded`]).
pub fn use_pages_code(state: &State, dispatch: &Dispatch) -> impl Hook<Output = ()> {
    let dispatch = dispatch.clone();
    let wanted = state.ready && state.pages == Loaded::Loading;
    use_effect_with(wanted, move |wanted| {
        if *wanted {
            wasm_bindgen_futures::spawn_local(async move {
                dispatch.send(Action::PagesLoaded(load_pages().await.is_ok()));
            });
        }
    })
}
