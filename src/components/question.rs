//! A question page: one question, its hint, its errors, Continue.
use super::{back_link, error_summary, heading, Dispatch, ErrorSummaryProps};
use crate::state::{Action, Draft, Field, FieldError};
use security_matrix_core::assessment::questions::{DatePart, QuestionId, QuestionKind};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What [`question_page`] shows.
pub struct QuestionPageProps {
    /// The question.
    pub question: QuestionId,
    /// What is typed.
    pub draft: Draft,
    /// Errors to show.
    pub errors: Vec<FieldError>,
    /// Level of the page heading.
    pub heading_level: u8,
    /// Dispatches actions.
    pub dispatch: Dispatch,
}

fn field_id(q: QuestionId, f: Field) -> String {
    match f {
        Field::Main => format!("smx-{}", q.key()),
        Field::Day => format!("smx-{}-day", q.key()),
        Field::Month => format!("smx-{}-month", q.key()),
        Field::Year => format!("smx-{}-year", q.key()),
    }
}

fn input_handler(dispatch: &Dispatch, field: Field) -> Callback<InputEvent> {
    dispatch.on(move |e: InputEvent| {
        Action::Input(field, e.target_unchecked_into::<HtmlInputElement>().value())
    })
}

/// The question page.
pub fn question_page(p: &QuestionPageProps) -> Html {
    let q = p.question.question();
    let key = q.id.key();
    let h = p.heading_level;
    let hint_id = format!("smx-{key}-hint");
    let error_id = format!("smx-{key}-error");
    let error = p.errors.first();
    let described = if error.is_some() {
        format!("{hint_id} {error_id}")
    } else {
        hint_id.clone()
    };
    let summary: Vec<(String, String)> = p
        .errors
        .iter()
        .map(|e| (field_id(q.id, e.field), e.message.clone()))
        .collect();
    let input_class = |width: &'static str, bad: bool| {
        classes!("smx-input", width, bad.then_some("smx-input--error"))
    };
    let on_submit = p.dispatch.on(|e: SubmitEvent| {
        e.prevent_default();
        Action::Continue
    });
    let hint = html! { <div id={hint_id.clone()} class="smx-hint">{ q.hint }</div> };
    let error_html = error.map(|e| {
        html! {
            <p id={error_id.clone()} class="smx-error-message" data-testid="field-error">
                <span class="smx-visually-hidden">{ "Error: " }</span>{ &e.message }
            </p>
        }
    });
    let field = match q.kind {
        QuestionKind::Count | QuestionKind::Money | QuestionKind::Months => {
            let id = field_id(q.id, Field::Main);
            let (prefix, suffix, width) = match q.kind {
                QuestionKind::Money => (Some("£"), None, "smx-input--width-10"),
                QuestionKind::Months => (None, Some("months"), "smx-input--width-5"),
                _ => (None, None, "smx-input--width-10"),
            };
            html! {
                <>
                    { heading(h, "smx-label-wrapper", true, html! { <>
                        <label class="smx-label smx-label--l" for={id.clone()}>{ q.heading }</label>
                    </> }) }
                    { hint }
                    { error_html }
                    <div class="smx-input__wrapper">
                        if let Some(prefix) = prefix { <div class="smx-input__prefix" aria-hidden="true">{ prefix }</div> }
                        <input id={id.clone()} name={id.clone()} type="text" spellcheck="false" autocomplete="off"
                            value={p.draft.text.clone()} aria-describedby={described}
                            oninput={input_handler(&p.dispatch, Field::Main)}
                            class={input_class(width, error.is_some())} data-testid="answer" />
                        if let Some(suffix) = suffix { <div class="smx-input__suffix" aria-hidden="true">{ suffix }</div> }
                    </div>
                </>
            }
        }
        QuestionKind::YesNo | QuestionKind::Choice => {
            let yes_no = [("yes", "Yes"), ("no", "No")];
            let options: Vec<(&str, &str)> = if q.kind == QuestionKind::YesNo {
                yes_no.to_vec()
            } else {
                q.options.iter().map(|o| (o.value, o.label)).collect()
            };
            let radios = classes!(
                "smx-radios",
                (q.kind == QuestionKind::YesNo).then_some("smx-radios--inline")
            );
            html! {
                <fieldset class="smx-fieldset" aria-describedby={described}>
                    <legend class="smx-fieldset__legend smx-fieldset__legend--l">
                        { heading(h, "smx-fieldset__heading", true, html! { <>{ q.heading }</> }) }
                    </legend>
                    { hint }
                    { error_html }
                    <div class={radios}>
                        { for options.iter().enumerate().map(|(i, (value, label))| {
                            let id = if i == 0 { field_id(q.id, Field::Main) } else { format!("smx-{key}-{i}") };
                            let v = value.to_string();
                            let onchange = p.dispatch.on(move |_| Action::Input(Field::Main, v.clone()));
                            html! {
                                <div class="smx-radios__item">
                                    <input class="smx-radios__input" id={id.clone()} name={format!("smx-{key}")} type="radio"
                                        value={value.to_string()} checked={p.draft.text == *value} {onchange}
                                        data-testid={format!("option-{value}")} />
                                    <label class="smx-label smx-radios__label" for={id}>{ *label }</label>
                                </div>
                            }
                        }) }
                    </div>
                </fieldset>
            }
        }
        QuestionKind::Date => {
            let part = error.and_then(|e| e.date_part);
            let bad = |f: Field| {
                matches!(
                    (part, f),
                    (Some(DatePart::All), _)
                        | (Some(DatePart::Day), Field::Day)
                        | (Some(DatePart::Month), Field::Month)
                        | (Some(DatePart::Year), Field::Year)
                )
            };
            let boxes = [
                (Field::Day, "Day", &p.draft.day, "smx-input--width-2"),
                (Field::Month, "Month", &p.draft.month, "smx-input--width-2"),
                (Field::Year, "Year", &p.draft.year, "smx-input--width-4"),
            ];
            html! {
                <fieldset class="smx-fieldset" role="group" aria-describedby={described}>
                    <legend class="smx-fieldset__legend smx-fieldset__legend--l">
                        { heading(h, "smx-fieldset__heading", true, html! { <>{ q.heading }</> }) }
                    </legend>
                    { hint }
                    { error_html }
                    <div class="smx-date-input">
                        { for boxes.iter().map(|(f, label, value, width)| {
                            let id = field_id(q.id, *f);
                            html! {
                                <div class="smx-date-input__item">
                                    <label class="smx-label smx-date-input__label" for={id.clone()}>{ *label }</label>
                                    <input id={id.clone()} name={id} type="text" inputmode="numeric" autocomplete="off"
                                        value={(*value).clone()} oninput={input_handler(&p.dispatch, *f)}
                                        class={input_class(width, bad(*f))}
                                        data-testid={format!("date-{}", label.to_ascii_lowercase())} />
                                </div>
                            }
                        }) }
                    </div>
                </fieldset>
            }
        }
    };
    let group_class = classes!(
        "smx-form-group",
        error.is_some().then_some("smx-form-group--error")
    );
    html! {
        // A key of its own per question: Yew builds each question page afresh rather than
        // patching the previous one's elements (focus, inputs and errors start clean).
        <div key={format!("question-{key}")} class="smx-page" data-testid={format!("question-{key}")}>
            { back_link(&p.dispatch) }
            if !summary.is_empty() {
                { error_summary(&ErrorSummaryProps { errors: summary, heading_level: (h + 1).min(6) }) }
            }
            <form novalidate=true onsubmit={on_submit}>
                <div class={group_class}>{ field }</div>
                <div class="smx-button-group">
                    <button type="submit" class="smx-button" data-testid="continue">{ "Continue" }</button>
                    if q.optional {
                        <button type="button" class="smx-link-button" data-testid="skip"
                            onclick={p.dispatch.on(|_| Action::Skip)}>{ "Skip this question" }</button>
                    }
                </div>
            </form>
        </div>
    }
}
