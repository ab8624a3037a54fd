//! "Add a colleague's file" on "Take it with you": a file input, and why the file could not
//! be merged if it cannot. The file is read at the edge; the reducer merges it
//! ([`Action::MergeFile`]).
use super::Dispatch;
use crate::edge;
use crate::elements::error_list;
use crate::state::Action;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The file input (`data-testid="merge-file"`), with `problems` (`data-testid=
/// "merge-problems"`) when the last file could not be merged.
pub fn merge_file(problems: &[String], dispatch: &Dispatch) -> Html {
    let onchange = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                dispatch.send(Action::MergeFile(edge::read_file(file).await));
            });
        })
    };
    let error = !problems.is_empty();
    html! {
        <div class={classes!("smx-form-group", error.then_some("smx-form-group--error"))}>
            <label class="smx-label" for="smx-merge-file">{ "Add a colleague's file" }</label>
            <div class="smx-hint" id="smx-merge-file-hint">{ "A file a colleague saved from this tool for the same answers. Their statuses, owners, notes and dates of events are added to yours; where you both changed the same entry, the later change is kept, or you choose. It is read here, in your browser." }</div>
            if error {
                { error_list("smx-merge-file-error", "merge-problems", html! { <>
                    <p class="smx-body">{ "The file could not be merged. Nothing has changed." }</p>
                    <ul class="smx-list smx-list--bullet">
                        { for problems.iter().map(|m| html! { <li>{ m }</li> }) }
                    </ul>
                </> }) }
            }
            <input id="smx-merge-file" class="smx-file-upload" type="file" accept=".json,application/json" {onchange}
                aria-describedby={if error { "smx-merge-file-hint smx-merge-file-error" } else { "smx-merge-file-hint" }}
                data-testid="merge-file" />
        </div>
    }
}
