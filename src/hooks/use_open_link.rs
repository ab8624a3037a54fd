//! A link opened while the widget is showing (`hashchange`).
use crate::components::Dispatch;
use crate::edge;
use crate::state::Action;
use yew::functional::Hook;
use yew::prelude::*;

/// While the widget is mounted: a link with answers opened in the URL is dispatched
/// ([`Action::OpenLink`]; cleared from the URL once taken, `use_clear_link`).
pub fn use_open_link(dispatch: &Dispatch) -> impl Hook<Output = ()> {
    let dispatch = dispatch.clone();
    use_effect_with((), move |_| {
        let listener =
            gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                if let Some(f) = edge::fragment().filter(|f| crate::state::is_answer_link(f)) {
                    dispatch.send(Action::OpenLink(f));
                }
            });
        move || drop(listener)
    })
}
