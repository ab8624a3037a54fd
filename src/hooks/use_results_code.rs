//! The result pages' code (a `lazy-results` build): loaded once, as soon as the user leaves
//! the start page (or the app opens on another page), so it is there by the time a result
//! shows; never on the start page, which waits for as little as it can.
use crate::components::{load_result_pages, Dispatch};
use crate::state::{Action, Loaded, Page, State};
use yew::functional::Hook;
use yew::prelude::*;

/// Once the app is ready on a page other than the start page while the result pages' code
/// is still to load, loads it and tells the reducer how it went
/// ([`Action::ResultsLoaded`]).
pub fn use_results_code(state: &State, dispatch: &Dispatch) -> impl Hook<Output = ()> {
    let dispatch = dispatch.clone();
    let wanted = state.ready && state.page != Page::Start && state.results == Loaded::Loading;
    use_effect_with(wanted, move |wanted| {
        if *wanted {
            wasm_bindgen_futures::spawn_local(async move {
                dispatch.send(Action::ResultsLoaded(load_result_pages().await.is_ok()));
            });
        }
    })
}
