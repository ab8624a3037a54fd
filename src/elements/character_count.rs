//! Character count: a text input or text area with the count of what is left under it,
//! announced politely. A text over the limit is kept as typed, never cut: the count says by
//! how much, and an error says the limit.
use super::error_message;
use yew::prelude::*;

/// The control of a [`character_count`].
#[derive(Clone, Copy)]
pub enum CountedControl {
    /// One line (`<input type="text">`).
    Input,
    /// A text area of `rows` lines.
    Textarea {
        /// Its height in lines.
        rows: &'static str,
    },
}

/// What [`character_count`] shows.
pub struct CharacterCount<'a> {
    /// The control's id; its hint, error and count are `{id}-hint`, `{id}-error` and
    /// `{id}-count`.
    pub id: String,
    /// The control.
    pub control: CountedControl,
    /// The control's `data-testid`; its error and count are `{testid}-error` and
    /// `{testid}-count`.
    pub testid: &'static str,
    /// A class for the form group besides `smx-form-group`.
    pub group_class: &'static str,
    /// The label's class: `smx-label` and the page's own.
    pub label_class: &'static str,
    /// The hint's class: `smx-hint` and the page's own.
    pub hint_class: &'static str,
    /// A class for the control besides `smx-input` or `smx-textarea`.
    pub control_class: &'static str,
    /// The label.
    pub label: Html,
    /// The hint under the label.
    pub hint: &'static str,
    /// What is typed.
    pub value: &'a str,
    /// What is wrong with it (too long), if anything.
    pub error: Option<String>,
    /// The count ("You have 12 characters remaining").
    pub message: String,
    /// Called on every change.
    pub oninput: Callback<InputEvent>,
}

/// The form group: label, hint, error, the control, the count.
pub fn character_count(c: CharacterCount) -> Html {
    let id = c.id;
    let (hint_id, error_id, count_id) = (
        format!("{id}-hint"),
        format!("{id}-error"),
        format!("{id}-count"),
    );
    let over = c.error.is_some();
    let described = if over {
        format!("{hint_id} {error_id} {count_id}")
    } else {
        format!("{hint_id} {count_id}")
    };
    let value = AttrValue::from(c.value.to_string());
    let (testid, oninput) = (c.testid, c.oninput);
    let control = match c.control {
        CountedControl::Input => html! {
            <input id={id.clone()} type="text" autocomplete="off" spellcheck="false"
                class={classes!("smx-input", c.control_class, over.then_some("smx-input--error"))}
                {value} aria-describedby={described} data-testid={testid} {oninput} />
        },
        CountedControl::Textarea { rows } => html! {
            <textarea id={id.clone()} {rows}
                class={classes!("smx-textarea", c.control_class, over.then_some("smx-textarea--error"))}
                {value} aria-describedby={described} data-testid={testid} {oninput} />
        },
    };
    html! {
        <div class={classes!("smx-form-group", c.group_class, over.then_some("smx-form-group--error"))}>
            <label class={c.label_class} for={id}>{ c.label }</label>
            <div id={hint_id} class={c.hint_class}>{ c.hint }</div>
            if let Some(error) = c.error {
                { error_message(Some(error_id), format!("{testid}-error").into(), &error) }
            }
            { control }
            <div id={count_id} aria-live="polite" data-testid={format!("{testid}-count")}
                class={classes!("smx-hint", "smx-character-count__message", over.then_some("smx-character-count__message--error"))}>
                { c.message }
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::elements::render::render;

    fn note(error: Option<&str>) -> Html {
        character_count(CharacterCount {
            id: "smx-note".into(),
            control: CountedControl::Textarea { rows: "3" },
            testid: "note",
            group_class: "smx-x__field",
            label_class: "smx-label smx-x__label",
            hint_class: "smx-hint smx-x__hint",
            control_class: "smx-x__note",
            label: html! { "Note" },
            hint: "What is left",
            value: "abc",
            error: error.map(str::to_string),
            message: "You have 1 character remaining".into(),
            oninput: Callback::noop(),
        })
    }

    #[test]
    fn the_count_is_named_by_the_control() {
        let html = render(|| note(None));
        assert!(html.starts_with(r#"<div class="smx-form-group smx-x__field"><label for="smx-note" class="smx-label smx-x__label">Note</label>"#), "{html}");
        assert!(html.contains(r#"<textarea id="smx-note" rows="3" aria-describedby="smx-note-hint smx-note-count" data-testid="note" class="smx-textarea smx-x__note">abc</textarea>"#), "{html}");
        assert!(html.contains(r#"<div id="smx-note-count" aria-live="polite" data-testid="note-count" class="smx-hint smx-character-count__message">You have 1 character remaining</div>"#), "{html}");
        assert!(!html.contains("error"), "{html}");
    }

    #[test]
    fn over_the_limit_the_error_says_so() {
        let html = render(|| note(Some("Too long")));
        assert!(html.contains("smx-form-group--error"), "{html}");
        assert!(
            html.contains(r#"<p id="smx-note-error" data-testid="note-error""#),
            "{html}"
        );
        assert!(
            html.contains(r#"aria-describedby="smx-note-hint smx-note-error smx-note-count""#),
            "{html}"
        );
        assert!(
            html.contains("smx-character-count__message--error"),
            "{html}"
        );
    }
}
