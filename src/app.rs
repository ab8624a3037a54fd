//! The root component.
use yew::prelude::*;

/// The whole widget.
#[function_component(App)]
pub fn app() -> Html {
    html! {
        <main class="smx" data-testid="app">
            <h1 data-testid="page-heading">{ "Work out your security level" }</h1>
            <button type="button" class="smx-button" data-testid="start">{ "Start" }</button>
        </main>
    }
}
