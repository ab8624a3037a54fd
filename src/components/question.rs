//! A question page: one question, its hint, its errors, Continue. The field is the
//! question's kind: a number (with its prefix or suffix), radios, or a date.
use super::{back, Dispatch};
use crate::elements::{
    button, error_message, error_summary, heading, radio, radios, Button, ErrorSummaryProps, Radio,
    RadiosLayout,
};
use crate::state::{Action, Draft, Field, FieldError};
use security_matrix_core::assessment::questions::{DatePart, QuestionId, QuestionKind};
use security_matrix_core::file::link::PRESET_NOTICE;
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
    /// The page's preset for this question could not be used: a short notice says so.
    pub preset_notice: bool,
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

fn input_class(width: &'static str, bad: bool) -> Classes {
    classes!("smx-input", width, bad.then_some("smx-input--error"))
}

/// What every kind of field shows around its control: the question, its hint, its error.
struct Frame<'a> {
    id: QuestionId,
    p: &'a QuestionPageProps,
    error: Option<&'a FieldError>,
    /// The ids of the hint and of the error, when there is one (`aria-describedby`).
    described: String,
    hint: Html,
    error_message: Option<Html>,
}

/// The question page.
pub fn question_page(p: &QuestionPageProps) -> Html {
    let q = p.question.question();
    let key = q.id.key();
    let h = p.heading_level;
    let hint_id = format!("smx-{key}-hint");
    let error_id = format!("smx-{key}-error");
    let error = p.errors.first();
    let frame = Frame {
        id: q.id,
        p,
        error,
        described: if error.is_some() {
            format!("{hint_id} {error_id}")
        } else {
            hint_id.clone()
        },
        hint: html! { <div id={hint_id} class="smx-hint">{ q.hint }</div> },
        error_message: error
            .map(|e| error_message(Some(error_id), "field-error".into(), &e.message)),
    };
    let summary: Vec<(String, String)> = p
        .errors
        .iter()
        .map(|e| (field_id(q.id, e.field), e.message.clone()))
        .collect();
    let on_submit = p.dispatch.on(|e: SubmitEvent| {
        e.prevent_default();
        Action::Continue
    });
    let field = match q.kind {
        QuestionKind::Count | QuestionKind::Money | QuestionKind::Months => number_field(frame),
        QuestionKind::YesNo | QuestionKind::Choice => choice_field(frame),
        QuestionKind::Date => date_field(frame),
    };
    let group_class = classes!(
        "smx-form-group",
        error.is_some().then_some("smx-form-group--error")
    );
    html! {
        // A key of its own per question: Yew builds each question page afresh rather than
        // patching the previous one's elements (focus, inputs and errors start clean).
        <div key={format!("question-{key}")} class="smx-page" data-testid={format!("question-{key}")}>
            { back(&p.dispatch) }
            if !summary.is_empty() {
                { error_summary(&ErrorSummaryProps { errors: summary, heading_level: (h + 1).min(6) }) }
            }
            if p.preset_notice {
                <div class="smx-inset" data-testid="preset-notice">
                    <p class="smx-body">{ PRESET_NOTICE }</p>
                </div>
            }
            <form novalidate=true onsubmit={on_submit}>
                <div class={group_class}>{ field }</div>
                <div class="smx-button-group">
                    { button(Button { submit: true, testid: "continue", text: html! { "Continue" }, ..Button::default() }) }
                    if q.optional {
                        <button type="button" class="smx-link-button" data-testid="skip"
                            onclick={p.dispatch.on(|_| Action::Skip)}>{ "Skip this question" }</button>
                    }
                </div>
            </form>
        </div>
    }
}

/// A count, an amount of money (after "£") or a number of months (before "months"): the
/// heading is the field's label.
fn number_field(f: Frame) -> Html {
    let (q, p) = (f.id.question(), f.p);
    let id = field_id(q.id, Field::Main);
    let (prefix, suffix, width) = match q.kind {
        QuestionKind::Money => (Some("£"), None, "smx-input--width-10"),
        QuestionKind::Months => (None, Some("months"), "smx-input--width-5"),
        _ => (None, None, "smx-input--width-10"),
    };
    html! {
        <>
            { heading(p.heading_level, "smx-label-wrapper", true, html! { <>
                <label class="smx-label smx-label--l" for={id.clone()}>{ q.heading }</label>
            </> }) }
            { f.hint }
            { f.error_message }
            <div class="smx-input__wrapper">
                if let Some(prefix) = prefix { <div class="smx-input__prefix" aria-hidden="true">{ prefix }</div> }
                <input id={id.clone()} name={id.clone()} type="text" spellcheck="false" autocomplete="off"
                    value={p.draft.text.clone()} aria-describedby={f.described}
                    oninput={input_handler(&p.dispatch, Field::Main)}
                    class={input_class(width, f.error.is_some())} data-testid="answer" />
                if let Some(suffix) = suffix { <div class="smx-input__suffix" aria-hidden="true">{ suffix }</div> }
            </div>
        </>
    }
}

/// Yes or no (inline), or one of the question's options: radios in a fieldset whose
/// legend is the heading.
fn choice_field(f: Frame) -> Html {
    let (q, p) = (f.id.question(), f.p);
    let key = q.id.key();
    let yes_no = q.kind == QuestionKind::YesNo;
    let options: Vec<(&'static str, &'static str)> = if yes_no {
        vec![("yes", "Yes"), ("no", "No")]
    } else {
        q.options.iter().map(|o| (o.value, o.label)).collect()
    };
    let name = AttrValue::from(format!("smx-{key}"));
    let items = options.iter().enumerate().map(|(i, &(value, label))| {
        let v = value.to_string();
        radio(Radio {
            id: if i == 0 {
                field_id(q.id, Field::Main)
            } else {
                format!("smx-{key}-{i}")
            },
            name: name.clone(),
            value,
            label,
            hint: None,
            checked: p.draft.text == value,
            onchange: p
                .dispatch
                .on(move |_| Action::Input(Field::Main, v.clone())),
            testid: format!("option-{value}"),
        })
    });
    html! {
        <fieldset class="smx-fieldset" aria-describedby={f.described}>
            <legend class="smx-fieldset__legend smx-fieldset__legend--l">
                { heading(p.heading_level, "smx-fieldset__heading", true, html! { { q.heading } }) }
            </legend>
            { f.hint }
            { f.error_message }
            { radios(if yes_no { RadiosLayout::Inline } else { RadiosLayout::Stacked }, items) }
        </fieldset>
    }
}

/// A date: day, month and year boxes in a fieldset whose legend is the heading; the boxes
/// the error is about are marked.
fn date_field(f: Frame) -> Html {
    let (q, p) = (f.id.question(), f.p);
    let part = f.error.and_then(|e| e.date_part);
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
        <fieldset class="smx-fieldset" role="group" aria-describedby={f.described}>
            <legend class="smx-fieldset__legend smx-fieldset__legend--l">
                { heading(p.heading_level, "smx-fieldset__heading", true, html! { { q.heading } }) }
            </legend>
            { f.hint }
            { f.error_message }
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
