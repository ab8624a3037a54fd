//! Restore: the stored answers, a link in the URL and today's date, read once at the edge;
//! then what the user did on the pre-rendered start page before the app was ready.
use crate::components::Dispatch;
use crate::edge;
use crate::state::{Action, Boot};
use security_matrix_core::Schedule;
use web_sys::Element;
use yew::functional::Hook;
use yew::prelude::*;

/// Once, after the first render: unless the page read them before it (`boot`, already in
/// the state the widget started with), reads the stored answers, the link and today's date
/// and dispatches [`Action::Init`] (a fresh start begins with `schedule`; a link with
/// answers is cleared from the URL once taken, `use_clear_link`). Then, when the user did
/// something on the pre-rendered start page (`takeover`), dispatches its action (the
/// schedule chosen, Start pressed) and carries the rest over to the app's `root` element
/// (`apply`: the focus, a file chosen).
pub fn use_restore<F>(
    dispatch: &Dispatch,
    boot: Option<Boot>,
    schedule: Schedule,
    root: &NodeRef,
    takeover: Option<(Action, F)>,
) -> impl Hook<Output = ()>
where
    F: FnOnce(&Element) + 'static,
{
    let (dispatch, root) = (dispatch.clone(), root.clone());
    use_effect_with((), move |_| {
        // (Unless already in the state: the widget started there.)
        if boot.is_none() {
            dispatch.send(Action::Init {
                stored: edge::read_storage(),
                fragment: edge::fragment(),
                presets: None,
                today: edge::today(),
                schedule,
            });
        }
        // An assessment kept on this device, offered on the start page.
        if let Some(label) = edge::kept_label() {
            dispatch.send(Action::DeviceKept(Some(label)));
        }
        if let Some((action, apply)) = takeover {
            dispatch.send(action);
            if let Some(root) = root.cast::<Element>() {
                apply(&root);
            }
        }
    })
}
