//! "Open a saved assessment": a file input, and the problems if the file cannot be used.
//! Where the browser can (`showOpenFilePicker`), choosing the file goes through that picker
//! instead, so that the tab can save back to the file it opened; the markup is the same in
//! every browser (the pre-rendered start page is the app's own).
use super::Dispatch;
use crate::edge;
use crate::elements::error_list;
use crate::state::{later, Action};
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
    // A click (or Enter or Space) on the input: the File System Access picker where there
    // is one, in place of the input's own; a file dropped on the input still comes through
    // `onchange`, without a file to save back to.
    let onclick = {
        let dispatch = p.dispatch.clone();
        Callback::from(move |e: MouseEvent| {
            if !edge::can_open_in_place() {
                return;
            }
            e.prevent_default();
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                // (Before the pages' code has come, which reads it, the tab does not save
                // back to the file: it downloads instead.)
                let is_saved_file = |text: &str| later::is_saved_file(text).unwrap_or(false);
                if let Some((name, read)) = edge::open_in_place(is_saved_file).await {
                    dispatch.send(Action::OpenFileInPlace(read, name));
                }
            });
        })
    };
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
            <input id="smx-open-file" class="smx-file-upload" type="file" accept=".json,application/json" {onchange} {onclick}
                aria-describedby={if error { "smx-open-file-hint smx-open-file-error" } else { "smx-open-file-hint" }}
                data-testid="open-file-input" />
        </div>
    }
}
