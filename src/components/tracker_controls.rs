//! The tracker's controls for one obligation: its status radios (GOV.UK small inline
//! radios, unmarked until the user chooses), and its owner and its evidence or note, each
//! a GOV.UK character count (`crate::elements::character_count`).
use super::Dispatch;
use crate::edge;
use crate::elements::{
    character_count, radio, radios, CharacterCount, CountedControl, Radio, RadiosLayout,
};
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
    let name = AttrValue::from(status_id(id, None));
    let item = |s: Status| {
        radio(Radio {
            id: status_id(id, Some(s)),
            name: name.clone(),
            value: s.key(),
            label: s.label(),
            hint: None,
            checked: status == Some(s),
            onchange: dispatch.on(move |_: Event| edge::timed(Action::SetStatus(id, Some(s)))),
            testid: format!("status-{}", s.key()),
        })
    };
    html! {
        <fieldset class="smx-fieldset smx-readiness" data-testid="readiness">
            <legend class="smx-readiness__legend">
                { "Status" }<span class="smx-visually-hidden">{ format!(" of ¶{}: {}", o.reference, o.title) }</span>
            </legend>
            { radios(RadiosLayout::InlineSmall, Status::ALL.into_iter().map(item)) }
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
    let id = o.id;
    let (control, control_class) = match field {
        TrackField::Owner => (CountedControl::Input, "smx-tracker__owner"),
        TrackField::Note => (CountedControl::Textarea { rows: "3" }, "smx-tracker__note"),
    };
    character_count(CharacterCount {
        id: field_id(field, id),
        control,
        testid: field.key(),
        group_class: "smx-tracker__field",
        label_class: "smx-label smx-tracker__label",
        hint_class: "smx-hint smx-tracker__hint",
        control_class,
        label: html! { <>
            { field.label() }<span class="smx-visually-hidden">{ format!(" (¶{})", o.reference) }</span>
        </> },
        hint: hint(field),
        value: text,
        error: field.error(text),
        message: field.count_message(text),
        oninput: dispatch.on(move |e: InputEvent| {
            edge::timed(Action::SetTrackText(id, field, edge::field_text(&e)))
        }),
    })
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
