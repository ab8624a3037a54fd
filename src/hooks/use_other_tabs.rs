//! Several tabs of an assessment kept on this device: a `storage` event says another tab
//! changed or removed it.
use crate::components::Dispatch;
use crate::edge::{self, OtherTab};
use crate::state::Action;
use yew::functional::Hook;
use yew::prelude::*;

/// While this tab keeps the assessment on this device, listens for other tabs: a newer
/// version is taken at once when this tab has nothing of its own waiting to be written
/// there, else the tab says a newer version exists (and offers to load it); a removal
/// turns keeping off here, with a message. `mine`: this tab's document's saved-file text
/// while "keep" is on ([`crate::state::State::kept_text`]).
pub fn use_other_tabs(mine: Option<String>, dispatch: &Dispatch) -> impl Hook<Output = ()> {
    let dispatch = dispatch.clone();
    use_effect_with(mine, move |mine| {
        let listener = mine.clone().and_then(|mine| {
            edge::watch_other_tabs(move |what| match what {
                OtherTab::Removed => dispatch.send(Action::DeviceRemoved),
                OtherTab::Changed(text, changed) if edge::kept_is(&mine) => {
                    edge::adopt_kept(&text);
                    dispatch.send(Action::DeviceChanged(text, changed));
                }
                OtherTab::Changed(..) => dispatch.send(Action::DeviceNewer(true)),
            })
        });
        move || drop(listener)
    })
}
