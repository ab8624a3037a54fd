//! The other Call-Off Contracts, GOV.UK "add another": the list with Change and Remove,
//! and one contract's page (add or change). Names are the user's text: shown as text.
use super::{back, Dispatch};
use crate::elements::{
    button, error_message, error_summary, heading, radio, radios, summary_list, summary_row,
    Button, ButtonKind, ErrorSummaryProps, Radio, RadiosLayout, SummaryRow,
};
use crate::state::Action;
use security_matrix_core::assessment::answers::{Contract, MAX_CONTRACTS, MAX_NAME};
use security_matrix_core::assessment::flow::{
    ContractDraft, ContractError, ContractField, LEVEL_VALUES,
};
use security_matrix_core::format::thousands;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What [`contracts_page`] shows.
pub struct ContractsPageProps {
    /// The contracts listed.
    pub contracts: Vec<Contract>,
    /// The name of the contract just removed (it can be put back).
    pub removed: Option<String>,
    /// The list's error (full, or empty on Continue).
    pub errors: Vec<ContractError>,
    /// Level of the page heading.
    pub heading_level: u8,
    /// Dispatches actions.
    pub dispatch: Dispatch,
}

/// The list of other Call-Off Contracts.
pub fn contracts_page(p: &ContractsPageProps) -> Html {
    let h = p.heading_level;
    let n = p.contracts.len();
    let title = match n {
        0 => "You have not listed any other Call-Off Contracts".to_string(),
        1 => "You have listed 1 other Call-Off Contract".to_string(),
        n => format!("You have listed {n} other Call-Off Contracts"),
    };
    let summary: Vec<(String, String)> = p
        .errors
        .iter()
        .map(|e| ("smx-add-contract".to_string(), e.message.clone()))
        .collect();
    let on_submit = p.dispatch.on(|e: SubmitEvent| {
        e.prevent_default();
        Action::ContractsDone
    });
    html! {
        <div key="contracts" class="smx-page" data-testid="contracts">
            { back(&p.dispatch) }
            if !summary.is_empty() {
                { error_summary(&ErrorSummaryProps { errors: summary, heading_level: (h + 1).min(6) }) }
            }
            if let Some(name) = &p.removed {
                <div class="smx-notice" role="status" data-testid="contract-removed">
                    <p class="smx-body">{ format!("You removed {name}.") }</p>
                    { button(Button { kind: ButtonKind::Secondary, testid: "undo-remove-contract", onclick: Some(p.dispatch.on(|_| Action::UndoRemoveContract)), text: html! { "Undo" }, ..Button::default() }) }
                </div>
            }
            { heading(h, "smx-heading-l", true, html! { { title } }) }
            <p class="smx-hint">{ format!("List each Call-Off Contract you hold under this Framework, up to {MAX_CONTRACTS}. Their data is added to this contract's (paragraph 1.3), and the Customer of each one whose level changes must be told (paragraph 1.4).") }</p>
            { summary_list(Some("contract-list"), p.contracts.iter().enumerate().map(|(i, c)| contract_row(i, c, &p.dispatch))) }
            if let Some(e) = p.errors.first() {
                { error_message(None, "field-error".into(), &e.message) }
            }
            <form novalidate=true onsubmit={on_submit}>
                <div class="smx-button-group">
                    { button(Button {
                        kind: ButtonKind::Secondary,
                        id: Some("smx-add-contract"),
                        testid: "add-contract",
                        onclick: Some(p.dispatch.on(|_| Action::AddContract)),
                        text: html! { { if n == 0 { "Add a contract" } else { "Add another contract" } } },
                        ..Button::default()
                    }) }
                    { button(Button { submit: true, testid: "continue", text: html! { "Continue" }, ..Button::default() }) }
                </div>
            </form>
        </div>
    }
}

/// A contract's name as the list shows it ("Contract 2 (no name)" without one).
pub fn contract_name(i: usize, c: &Contract) -> String {
    if c.name.is_empty() {
        format!("Contract {} (no name)", i + 1)
    } else {
        c.name.clone()
    }
}

fn contract_row(i: usize, c: &Contract, dispatch: &Dispatch) -> Html {
    let name = contract_name(i, c);
    let special = if c.special == 0 {
        String::new()
    } else {
        format!(", {} with special category data", thousands(c.special))
    };
    summary_row(SummaryRow {
        key: i.into(),
        testid: Some("contract".into()),
        index: Some((i + 1).to_string()),
        name: html! { { name.clone() } },
        name_testid: Some("contract-name"),
        value: html! { <>
            <span data-testid="contract-customer">{ format!("Customer: {}", c.customer) }</span><br />
            { format!("{} data subjects{special}. Level set: {}", thousands(c.subjects), c.level_text()) }
        </> },
        value_testid: None,
        actions: Some(html! { <>
            <button type="button" class="smx-link-button" data-testid="change-contract"
                onclick={dispatch.on(move |_| Action::ChangeContract(i))}>
                { "Change" }<span class="smx-visually-hidden">{ format!(" {name}") }</span>
            </button>
            { " " }
            <button type="button" class="smx-link-button" data-testid="remove-contract"
                onclick={dispatch.on(move |_| Action::RemoveContract(i))}>
                { "Remove" }<span class="smx-visually-hidden">{ format!(" {name}") }</span>
            </button>
        </> }),
    })
}

/// What [`contract_page`] shows.
pub struct ContractPageProps {
    /// `None`: adding; else the index of the contract changed.
    pub index: Option<usize>,
    /// What is typed.
    pub draft: ContractDraft,
    /// Errors to show.
    pub errors: Vec<ContractError>,
    /// Level of the page heading.
    pub heading_level: u8,
    /// Dispatches actions.
    pub dispatch: Dispatch,
}

fn field_id(f: ContractField) -> String {
    format!("smx-contract-{}", f.key())
}

fn text_input(
    p: &ContractPageProps,
    f: ContractField,
    label: &str,
    hint: &str,
    width: &str,
) -> Html {
    let id = field_id(f);
    let error = p.errors.iter().find(|e| e.field == f);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = if error.is_some() {
        format!("{hint_id} {error_id}")
    } else {
        hint_id.clone()
    };
    let oninput = p.dispatch.on(move |e: InputEvent| {
        Action::ContractInput(f, e.target_unchecked_into::<HtmlInputElement>().value())
    });
    let numeric = matches!(f, ContractField::Subjects | ContractField::Special);
    html! {
        <div class={classes!("smx-form-group", error.is_some().then_some("smx-form-group--error"))}>
            <label class="smx-label smx-label--s" for={id.clone()}>{ label.to_string() }</label>
            <div id={hint_id} class="smx-hint">{ hint.to_string() }</div>
            if let Some(e) = error {
                { error_message(Some(error_id), "field-error".into(), &e.message) }
            }
            <input id={id.clone()} name={id} type="text" spellcheck={(!numeric).to_string()} autocomplete="off"
                inputmode={numeric.then_some("numeric")}
                value={p.draft.get(f).to_string()} aria-describedby={described} {oninput}
                class={classes!("smx-input", width.to_string(), error.is_some().then_some("smx-input--error"))}
                data-testid={format!("contract-{}", f.key())} />
        </div>
    }
}

/// One contract's page: add or change.
pub fn contract_page(p: &ContractPageProps) -> Html {
    let h = p.heading_level;
    let title = if p.index.is_some() {
        "Change a Call-Off Contract"
    } else {
        "Add a Call-Off Contract"
    };
    let summary: Vec<(String, String)> = p
        .errors
        .iter()
        .map(|e| (field_id(e.field), e.message.clone()))
        .collect();
    let on_submit = p.dispatch.on(|e: SubmitEvent| {
        e.prevent_default();
        Action::SaveContract
    });
    let level_error = p.errors.iter().find(|e| e.field == ContractField::Level);
    let level_label = |v: &'static str| {
        if v == "none" {
            "None has been set"
        } else {
            v
        }
    };
    html! {
        <div key={p.index.map_or("contract-new".to_string(), |i| format!("contract-{i}"))} class="smx-page" data-testid="contract-page">
            { back(&p.dispatch) }
            if !summary.is_empty() {
                { error_summary(&ErrorSummaryProps { errors: summary, heading_level: (h + 1).min(6) }) }
            }
            { heading(h, "smx-heading-l", true, html! { { title } }) }
            <form novalidate=true onsubmit={on_submit}>
                { text_input(p, ContractField::Name, "Name or reference (optional)", &format!("For example the contract's title or number, up to {MAX_NAME} characters."), "smx-input--width-20") }
                { text_input(p, ContractField::Customer, "Customer", &format!("Who the contract is with, for example HM Prison and Probation Service. Up to {MAX_NAME} characters."), "smx-input--width-20") }
                { text_input(p, ContractField::Subjects, "How many people's personal data do you process under it?", "You can write 1,500 or 1.5k.", "smx-input--width-10") }
                { text_input(p, ContractField::Special, "How many of them have special category data?", "Enter 0 if there is none.", "smx-input--width-10") }
                <div class={classes!("smx-form-group", level_error.is_some().then_some("smx-form-group--error"))}>
                    <fieldset class="smx-fieldset" aria-describedby="smx-contract-level-hint">
                        <legend class="smx-fieldset__legend smx-fieldset__legend--s">{ "Which security level does this contract set?" }</legend>
                        <div id="smx-contract-level-hint" class="smx-hint">{ "Each Call-Off Contract sets out its level (paragraph 1.4)." }</div>
                        if let Some(e) = level_error {
                            { error_message(None, "field-error".into(), &e.message) }
                        }
                        { radios(RadiosLayout::Inline, LEVEL_VALUES.iter().enumerate().map(|(i, &v)| {
                            let value = v.to_string();
                            radio(Radio {
                                id: if i == 0 { field_id(ContractField::Level) } else { format!("smx-contract-level-{i}") },
                                name: "smx-contract-level".into(),
                                value: v,
                                label: level_label(v),
                                hint: None,
                                checked: p.draft.level.eq_ignore_ascii_case(v),
                                onchange: p.dispatch.on(move |_| Action::ContractInput(ContractField::Level, value.clone())),
                                testid: format!("contract-level-{v}"),
                            })
                        })) }
                    </fieldset>
                </div>
                <div class="smx-button-group">
                    { button(Button { submit: true, testid: "save-contract", text: html! { "Save and continue" }, ..Button::default() }) }
                </div>
            </form>
        </div>
    }
}
