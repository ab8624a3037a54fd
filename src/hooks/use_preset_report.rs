//! The presets a page set that could not be used: one clear message in the host page's
//! console, naming each key, whenever a link or `data-answers` brings some.
use crate::edge;
use security_matrix_core::file::link::{console_message, PresetProblem};
use yew::functional::Hook;
use yew::prelude::*;

/// Writes [`console_message`] for `problems` when they change (once for each set).
pub fn use_preset_report(problems: Vec<PresetProblem>) -> impl Hook<Output = ()> {
    use_effect_with(problems, |problems| {
        if let Some(message) = console_message(problems) {
            edge::console_warn(&message);
        }
    })
}
