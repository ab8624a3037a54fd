//! Focus after a page change: to the error summary, the duty asked for, or the page's
//! heading.
use crate::edge;
use crate::state::State;
use yew::functional::Hook;
use yew::prelude::*;

/// After every page change made by the user (not on first load, so an embedded widget
/// never steals focus), moves focus inside `root`: to the error summary when the page
/// shows errors; to the duty "What is due next" opened; else to the new page's heading.
pub fn use_focus(state: &State, root: &NodeRef) -> impl Hook<Output = ()> {
    let root = root.clone();
    let has_errors = !state.errors.is_empty() || !state.contract_errors.is_empty();
    let duty = state.focus_duty;
    let waiting = state.waits_for_code();
    use_effect_with((state.page_change, waiting), move |(change, _)| {
        if *change > 0 {
            let target = match duty {
                _ if has_errors => "[data-smx-focus=\"errors\"]".to_string(),
                // "What is due next" opens the duty's subject, on the duty.
                Some(id) => format!("[data-testid=\"obligation\"][data-id=\"{id}\"]"),
                None => "[data-smx-focus=\"heading\"]".to_string(),
            };
            edge::focus_in(&root, &target);
        }
    })
}
