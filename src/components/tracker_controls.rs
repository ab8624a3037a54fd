//! The tracker's controls for one obligation: its status radios (GOV.UK small inline
//! radios, unmarked until the user chooses), and its owner and its evidence or note, each
//! with a GOV.UK character count. A text over the limit is kept as typed, never cut: the
//! count says by how much, and an error says the limit.
use super::Dispatch;
use crate::edge;
use crate::state::Action;
use security_matrix_core::duties::Obligation;
use security_matrix_core::file::tracker::{Status, TrackField};
use security_matrix_core::ObligationId;
use yew::prelude::*;

/// The element id of obligation `id`'s `field`: `smx-owner-df-3-6-5`, `smx-note-df-3-6-5`
/// (the data id keeps to letters, digits and hyphens, so the id is valid and unique).
pub fn field_id(field: TrackField, id: ObligationId) -> String {
    format!("smx-{}-{}", field.key(), id.as_str())
}

/// The element id of obligation `id`'s radio for `status` (`smx-status-df-3-6-5-in-place`);
/// without a status, the radios' shared `name` (`smx-status-df-3-6-5`).
pub fn status_id(id: ObligationId, status: Option<Status>) -> String {
    match status {
        Some(s) => format!("smx-status-{}-{}", id.as_str(), s.key()),
        None => format!("smx-status-{}", id.as_str()),
    }
}

/// The status radios of `o` (`status` checked; none checked while unmarked). The legend
/// reads "Status" and, for screen readers, names the duty.
pub fn status_radios(o: &'static Obligation, status: Option<Status>, dispatch: &Dispatch) -> Html {
    let id = o.id;
    let name = status_id(id, None);
    let radio = |s: Status| {
        let input_id = status_id(id, Some(s));
        html! {
            <div class="smx-radios__item" key={s.key()}>
                <input class="smx-radios__input" type="radio" id={input_id.clone()} name={name.clone()}
                    value={s.key()} data-testid={format!("status-{}", s.key())}
                    checked={status == Some(s)}
                    onchange={dispatch.on(move |_: Event| Action::SetStatus(id, Some(s)))} />
                <label class="smx-label smx-radios__label" for={input_id}>{ s.label() }</label>
            </div>
        }
    };
    html! {
        <fieldset class="smx-fieldset smx-readiness" data-testid="readiness">
            <legend class="smx-readiness__legend">
                { "Status" }<span class="smx-visually-hidden">{ format!(" of ¶{}: {}", o.reference, o.title) }</span>
            </legend>
            <div class="smx-radios smx-radios--inline smx-radios--small">
                { for Status::ALL.into_iter().map(radio) }
            </div>
        </fieldset>
    }
}

/// The hint under a field's label.
fn hint(field: TrackField) -> &'static str {
    match field {
        TrackField::Owner => "The person, role or team responsible.",
        TrackField::Note => "Where the evidence is, or what is still to do.",
    }
}

/// The owner (`<input>`, one line) or the evidence or note (`<textarea>`) of `o`, holding
/// `text`, with its character count (`[data-testid="owner-count"]`, announced politely)
/// and, when `text` is too long, its error (`[data-testid="owner-error"]`).
pub fn text_field(
    o: &'static Obligation,
    field: TrackField,
    text: &str,
    dispatch: &Dispatch,
) -> Html {
    let key = field.key();
    let input_id = field_id(field, o.id);
    let (hint_id, error_id, count_id) = (
        format!("{input_id}-hint"),
        format!("{input_id}-error"),
        format!("{input_id}-count"),
    );
    let error = field.error(text);
    let over = error.is_some();
    let described = if over {
        format!("{hint_id} {error_id} {count_id}")
    } else {
        format!("{hint_id} {count_id}")
    };
    let id = o.id;
    let oninput =
        dispatch.on(move |e: InputEvent| Action::SetTrackText(id, field, edge::field_text(&e)));
    let value = AttrValue::from(text.to_string());
    let control = match field {
        TrackField::Owner => html! {
            <input id={input_id.clone()} type="text" autocomplete="off" spellcheck="false"
                class={classes!("smx-input", "smx-tracker__owner", over.then_some("smx-input--error"))}
                {value} aria-describedby={described} data-testid={key} {oninput} />
        },
        TrackField::Note => html! {
            <textarea id={input_id.clone()} rows="3"
                class={classes!("smx-textarea", "smx-tracker__note", over.then_some("smx-textarea--error"))}
                {value} aria-describedby={described} data-testid={key} {oninput} />
        },
    };
    html! {
        <div class={classes!("smx-form-group", "smx-tracker__field", over.then_some("smx-form-group--error"))}>
            <label class="smx-label smx-tracker__label" for={input_id}>
                { field.label() }<span class="smx-visually-hidden">{ format!(" (¶{})", o.reference) }</span>
            </label>
            <div id={hint_id} class="smx-hint smx-tracker__hint">{ hint(field) }</div>
            if let Some(error) = error {
                <p id={error_id} class="smx-error-message" data-testid={format!("{key}-error")}>
                    <span class="smx-visually-hidden">{ "Error: " }</span>{ error }
                </p>
            }
            { control }
            <div id={count_id} aria-live="polite" data-testid={format!("{key}-count")}
                class={classes!("smx-hint", "smx-character-count__message", over.then_some("smx-character-count__message--error"))}>
                { field.count_message(text) }
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_per_obligation_and_field() {
        let id = ObligationId::parse("df-3-6-5").unwrap();
        assert_eq!(field_id(TrackField::Owner, id), "smx-owner-df-3-6-5");
        assert_eq!(field_id(TrackField::Note, id), "smx-note-df-3-6-5");
        assert_eq!(
            status_id(id, Some(Status::InPlace)),
            "smx-status-df-3-6-5-in-place"
        );
        assert_eq!(status_id(id, None), "smx-status-df-3-6-5");
        // Every obligation's ids are distinct, and valid: letters, digits and hyphens.
        let mut all: Vec<String> = ObligationId::all()
            .flat_map(|o| {
                let fields = [TrackField::Owner, TrackField::Note].map(|f| field_id(f, o));
                let radios = Status::ALL.map(|s| status_id(o, Some(s)));
                fields.into_iter().chain(radios)
            })
            .collect();
        assert!(all
            .iter()
            .all(|i| i.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')));
        let n = all.len();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), n, "an id is used twice");
    }
}
