//! What a bidder takes away: print or PDF, the Tender Response statement, a saved file,
//! the calendar file, the compliance matrix spreadsheet. Everything is made in the browser;
//! nothing is sent anywhere.
use super::Dispatch;
use crate::edge;
use crate::elements::{button, heading, Button, ButtonKind};
use crate::state::{Action, Making};
use security_matrix_core::file::savefile::{to_json, Document};
use security_matrix_core::takeaways::download::Takeaway;
use security_matrix_core::Level;
use yew::prelude::*;

/// Properties of [`Takeaways`].
#[derive(Properties, PartialEq)]
pub struct TakeawaysProps {
    /// The Tender Response statement.
    pub statement: String,
    /// What the saved file holds: every answer, readiness mark and event date.
    pub document: Document,
    /// Whether the plan has dates (then the calendar file is offered).
    pub dated: bool,
    /// The level, for file names.
    #[prop_or_default]
    pub level: Option<Level>,
    /// A take-away file being made, or why the last was not.
    pub making: Making,
    /// Heading level.
    pub heading_level: u8,
    /// Dispatches actions (printing opens the all-on-one-page view).
    pub dispatch: Dispatch,
}

/// "Save your answers to a file" (`data-testid="save-file"`): the document as JSON, named
/// after the level (DF) or the schedule; the save state then names the file. Where the
/// browser can save in place (`showSaveFilePicker`), the first save asks where and later
/// ones write the same file; elsewhere it is a download. Once saved, "Save as a new file"
/// (`save-file-new`) asks again (or downloads again).
pub fn save_button(document: Document, level: Option<Level>, dispatch: &Dispatch) -> Html {
    save_buttons(document, level, dispatch, false)
}

/// [`save_button`], and "Save as a new file" once something was saved (`saved`).
pub fn save_buttons(
    document: Document,
    level: Option<Level>,
    dispatch: &Dispatch,
    saved: bool,
) -> Html {
    let name = match level {
        Some(l) => format!("security-assessment-{l}.json"),
        None => format!(
            "security-assessment-{}.json",
            document.answers.schedule.id()
        ),
    };
    let save = |new_file: bool| {
        let (dispatch, name, json) = (dispatch.clone(), name.clone(), to_json(&document));
        Callback::from(move |_| {
            if !edge::can_save_in_place() {
                edge::download(&name, "application/json", json.as_str());
                dispatch.send(Action::Saved(name.clone()));
                return;
            }
            let (dispatch, name, json) = (dispatch.clone(), name.clone(), json.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match edge::save_in_place(&name, &json, new_file).await {
                    Ok(file) => dispatch.send(Action::Saved(file)),
                    Err(edge::SaveError::Cancelled) => dispatch.send(Action::SaveFailed(
                        "The save was cancelled: no file was written. Nothing on this page is lost.".into(),
                    )),
                    Err(edge::SaveError::Refused(message)) => {
                        dispatch.send(Action::SaveFailed(message))
                    }
                }
            });
        })
    };
    html! { <>
        { button(Button {
            kind: ButtonKind::Secondary,
            testid: "save-file",
            onclick: Some(save(false)),
            text: html! { "Save your answers to a file" },
            ..Button::default()
        }) }
        if saved {
            { button(Button {
                kind: ButtonKind::Secondary,
                testid: "save-file-new",
                onclick: Some(save(true)),
                text: html! { "Save as a new file" },
                ..Button::default()
            }) }
        }
    </> }
}

/// A take-away file's button: asks for the file ([`Action::MakeTakeaway`]; the edge makes
/// it and offers it for download, `hooks/use_takeaway.rs`). While a file is being made (a
/// moment, the first time, in a `lazy-takeaways` build: its module loads) the take-away
/// buttons wait, and the one asked for says so.
pub fn takeaway_button(
    kind: Takeaway,
    testid: &'static str,
    text: &'static str,
    making: Making,
    dispatch: &Dispatch,
) -> Html {
    let asked = making == Making::Busy(kind);
    button(Button {
        kind: ButtonKind::Secondary,
        testid,
        busy: matches!(making, Making::Busy(_)),
        onclick: Some(dispatch.on(move |_| Action::MakeTakeaway(kind))),
        text: html! { <>
            { text }
            if asked {
                <span class="smx-visually-hidden">{ " (making the file…)" }</span>
            }
        </> },
        ..Button::default()
    })
}

/// "Download the compliance matrix (.csv)" (`data-testid="download-csv"`): one row per
/// duty of the result with its paragraph, words, conditions, due dates, status, owner and
/// note, named after the level (DF) or the schedule and today (the core's
/// `takeaways::download`).
pub fn csv_button(making: Making, dispatch: &Dispatch) -> Html {
    takeaway_button(
        Takeaway::ComplianceMatrix,
        "download-csv",
        "Download the compliance matrix (.csv)",
        making,
        dispatch,
    )
}

/// When the last take-away file asked for could not be made (its module was refused or is
/// missing) and `shown` says it is one of the buttons above, a message that says so
/// (`data-testid="takeaway-error"`); else nothing.
pub fn takeaway_error(making: Making, shown: &[Takeaway]) -> Html {
    html! {
        if matches!(making, Making::Failed(kind) if shown.contains(&kind)) {
            <p class="smx-error-message" role="alert" data-testid="takeaway-error">
                { "The file could not be made: the part of this tool that writes it could not be loaded. Reload the page to try again: your answers and marks are kept." }
            </p>
        }
    }
}

/// The take-aways section.
#[function_component(Takeaways)]
pub fn takeaways(p: &TakeawaysProps) -> Html {
    let copy_status = use_state(String::new);
    let on_copy = super::copy_on_click(
        p.statement.clone(),
        copy_status.clone(),
        "Statement copied.",
        "Your browser did not allow copying: select the text above and copy it.",
    );
    let h = p.heading_level;
    html! {
        <section class="smx-takeaways" data-testid="takeaways">
            // (The view's page heading is "Take it with you".)
            { heading(h, "smx-heading-m", false, html! { { "For your Tender Response" } }) }
            <label class="smx-label" for="smx-statement">{ "A statement of your level for your Tender Response (paragraph 1.3)" }</label>
            <textarea id="smx-statement" class="smx-textarea" rows="8" readonly=true data-testid="statement" value={p.statement.clone()} />
            <div class="smx-button-group">
                { button(Button { kind: ButtonKind::Secondary, testid: "copy-statement", onclick: Some(on_copy), text: html! { "Copy the statement" }, ..Button::default() }) }
                { button(Button { kind: ButtonKind::Secondary, testid: "print", onclick: Some(p.dispatch.on(|_| Action::Print)), text: html! { "Print or save as PDF" }, ..Button::default() }) }
                { save_button(p.document.clone(), p.level, &p.dispatch) }
                if p.dated {
                    { takeaway_button(Takeaway::Calendar, "download-ics-takeaway", "Download the calendar (.ics)", p.making, &p.dispatch) }
                }
                { csv_button(p.making, &p.dispatch) }
            </div>
            { takeaway_error(p.making, &[Takeaway::ComplianceMatrix, Takeaway::Calendar]) }
            <p class="smx-body" role="status" aria-live="polite" data-testid="statement-status">{ (*copy_status).clone() }</p>
            <p class="smx-body-s">{ "The saved file holds your answers, each duty's status, owner and note, and the dates of events you entered. Open it here later (from the start page) to carry on; it stays on your computer. The compliance matrix is a spreadsheet of your duties with their status, owner and note, for Excel, LibreOffice or Google Sheets." }</p>
        </section>
    }
}
