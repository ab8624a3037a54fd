//! What to do with a result: copy a link to the answers, change them, start again.
use super::Dispatch;
use crate::edge;
use crate::elements::{button, Button, ButtonKind};
use crate::state::Action;
use security_matrix_core::view::View;
use yew::prelude::*;

/// Properties of [`ResultActions`].
#[derive(Properties, PartialEq)]
pub struct ResultActionsProps {
    /// The answers as a link fragment.
    pub fragment: String,
    /// The view shown (the copied link opens it).
    pub view: View,
    /// Dispatches actions.
    pub dispatch: Dispatch,
}

/// Buttons under a result.
#[function_component(ResultActions)]
pub fn result_actions(p: &ResultActionsProps) -> Html {
    // The link text shown for manual copying, and what the copy did (UI-only state).
    let link = use_state(|| None::<String>);
    let status = use_state(String::new);
    let on_copy = {
        let (link, status, fragment, view) =
            (link.clone(), status.clone(), p.fragment.clone(), p.view);
        Callback::from(move |_| {
            let url = match view {
                View::Summary => format!("{}#{}", edge::page_url(), fragment),
                v => format!("{}#{}&view={}", edge::page_url(), fragment, v.key()),
            };
            link.set(Some(url.clone()));
            let status = status.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let copied = edge::copy_text(url).await;
                status.set(if copied {
                    "Link copied. Anyone who opens it sees these answers; they are in the link itself, not stored anywhere.".into()
                } else {
                    "Your browser did not allow copying. Select the link below and copy it.".into()
                });
            });
        })
    };
    html! {
        <div class="smx-result-actions" data-testid="result-actions">
            <div class="smx-button-group">
                { button(Button { kind: ButtonKind::Secondary, testid: "copy-link", onclick: Some(on_copy), text: html! { "Copy link to these answers" }, ..Button::default() }) }
                { button(Button { kind: ButtonKind::Secondary, testid: "change-answers", onclick: Some(p.dispatch.on(|_| Action::ChangeAnswers)), text: html! { "Change your answers" }, ..Button::default() }) }
                { button(Button { kind: ButtonKind::Warning, testid: "start-again", onclick: Some(p.dispatch.on(|_| Action::StartAgain)), text: html! { "Start again" }, ..Button::default() }) }
            </div>
            <p class="smx-body" role="status" aria-live="polite" data-testid="copy-status">{ (*status).clone() }</p>
            if let Some(url) = (*link).clone() {
                <label class="smx-label" for="smx-link">{ "Link to these answers" }</label>
                <input id="smx-link" class="smx-input" type="text" readonly=true value={url} data-testid="link-text" />
            }
        </div>
    }
}
