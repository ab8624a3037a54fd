//! The warning before work is lost: while closing the tab would lose changes (the save
//! state is "unsaved"), the browser asks before the tab closes or navigates away.
use crate::edge;
use yew::functional::Hook;
use yew::prelude::*;

/// Sets a `beforeunload` guard while `would_lose` is true; removes it as soon as nothing
/// would be lost (saved to a file, or kept on this device).
pub fn use_leave_guard(would_lose: bool) -> impl Hook<Output = ()> {
    use_effect_with(would_lose, move |on| {
        let guard = on.then(edge::leave_guard).flatten();
        move || drop(guard)
    })
}
