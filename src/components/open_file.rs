//! "Open a saved assessment": a file input, and the problems if the file cannot be used;
//! where the browser can (`showOpenFilePicker`), also a button that opens a file the tab
//! then saves back to.
use super::Dispatch;
use crate::edge;
use crate::elements::{button, error_list, Button, ButtonKind};
use crate::state::Action;
use security_matrix_core::file::savefile;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What [`open_file`] shows.
pub struct OpenFileProps {
    /// Problems with the last file opened.
    pub problems: Vec<String>,
    /// Dispatches [`Action::OpenFile`].
    pub dispatch: Dispatch,
}

/// The file input.
pub fn open_file(p: &OpenFileProps) -> Html {
    let onchange = {
        let dispatch = p.dispatch.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                dispatch.send(Action::OpenFile(edge::read_file(file).await));
            });
        })
    };
    let in_place = edge::can_open_in_place().then(|| {
        let dispatch = p.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let is_saved_file = |text: &str| savefile::from_json(text).is_ok();
                if let Some((name, read)) = edge::open_in_place(is_saved_file).await {
                    dispatch.send(Action::OpenFileInPlace(read, name));
                }
            });
        })
    });
    let error = !p.problems.is_empty();
    html! {
        <div class={classes!("smx-form-group", error.then_some("smx-form-group--error"))} data-testid="open-file">
            <label class="smx-label" for="smx-open-file">{ "Open a saved assessment" }</label>
            <div class="smx-hint" id="smx-open-file-hint">{ "A .json file saved from this tool. It is read here, in your browser." }</div>
            if error {
                { error_list("smx-open-file-error", "file-problems", html! { <>
                    <p class="smx-body">{ "The file could not be opened. Your current answers have not changed." }</p>
                    <ul class="smx-list smx-list--bullet">
                        { for p.problems.iter().map(|m| html! { <li>{ m }</li> }) }
                    </ul>
                </> }) }
            }
            <input id="smx-open-file" class="smx-file-upload" type="file" accept=".json,application/json" {onchange}
                aria-describedby={if error { "smx-open-file-hint smx-open-file-error" } else { "smx-open-file-hint" }}
                data-testid="open-file-input" />
            if let Some(onclick) = in_place {
                <p class="smx-body">{ "Or open it so that saving writes your changes back to the same file:" }</p>
                { button(Button {
                    kind: ButtonKind::Secondary,
                    testid: "open-file-in-place",
                    onclick: Some(onclick),
                    text: html! { "Choose a file to open and save back to" },
                    ..Button::default()
                }) }
            }
        </div>
    }
}
