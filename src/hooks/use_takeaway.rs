//! The take-away files (the compliance matrix, the calendar): made at the edge when asked
//! for, by the take-aways module in a `lazy-takeaways` build (loaded the first time).
use crate::components::Dispatch;
use crate::edge;
use crate::state::{Action, Making, State};
use yew::functional::Hook;
use yew::prelude::*;

/// When the reducer asks for a file ([`Making::Busy`]), makes it from the saved document and
/// today (as the result page works the result out) and offers it for download, then tells
/// the reducer how it went ([`Action::TakeawayMade`]).
pub fn use_takeaway(state: &State, dispatch: &Dispatch) -> impl Hook<Output = ()> {
    let dispatch = dispatch.clone();
    // What the file is made of, read only while one is asked for.
    let job = match state.making {
        Making::Busy(kind) => Some((kind, state.document(), state.today.unwrap_or_default())),
        _ => None,
    };
    use_effect_with(state.making, move |_| {
        if let Some((kind, document, today)) = job {
            edge::make_takeaway(kind, &document, today, move |made| {
                dispatch.send(Action::TakeawayMade(kind, made))
            });
        }
    })
}
