//! "Print or save as PDF": the browser's print, once the view to print is rendered.
use crate::edge;
use yew::functional::Hook;
use yew::prelude::*;

/// Prints each time `request` goes up (the reducer has opened the all-on-one-page view
/// and counts the requests; it is rendered when the effect runs).
pub fn use_print(request: u32) -> impl Hook<Output = ()> {
    use_effect_with(request, |request| {
        if *request > 0 {
            edge::print();
        }
    })
}
