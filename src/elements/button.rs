//! Button: an action, or a form's submit; and the group that sets buttons side by side.
use yew::prelude::*;

/// How a [`button`] looks.
#[derive(Clone, Copy, Default)]
pub enum ButtonKind {
    /// The page's main action.
    #[default]
    Primary,
    /// Another action.
    Secondary,
    /// An action that loses work (Start again).
    Warning,
    /// Start, on the start page.
    Start,
}

/// What [`button`] shows.
#[derive(Default)]
pub struct Button {
    /// How it looks.
    pub kind: ButtonKind,
    /// Whether it submits its form (`type="submit"`; else `type="button"`).
    pub submit: bool,
    /// Its id, if any.
    pub id: Option<&'static str>,
    /// Its `data-testid`.
    pub testid: &'static str,
    /// Whether it waits for something (disabled, `aria-busy`).
    pub busy: bool,
    /// Called when it is pressed (a submit button has none: its form's submit is called).
    pub onclick: Option<Callback<MouseEvent>>,
    /// Its text.
    pub text: Html,
}

/// The button.
pub fn button(b: Button) -> Html {
    let class = match b.kind {
        ButtonKind::Primary => "smx-button",
        ButtonKind::Secondary => "smx-button smx-button--secondary",
        ButtonKind::Warning => "smx-button smx-button--warning",
        ButtonKind::Start => "smx-button smx-button--start",
    };
    html! {
        <button type={if b.submit { "submit" } else { "button" }} id={b.id} {class} data-testid={b.testid}
            disabled={b.busy} aria-busy={b.busy.then_some("true")} onclick={b.onclick}>
            { b.text }
        </button>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::elements::render::render;

    #[test]
    fn kinds_and_states() {
        assert_eq!(
            render(|| button(Button {
                submit: true,
                testid: "continue",
                text: html! { "Continue" },
                ..Button::default()
            })),
            r#"<button type="submit" data-testid="continue" class="smx-button">Continue</button>"#
        );
        assert_eq!(
            render(|| button(Button {
                kind: ButtonKind::Secondary,
                id: Some("smx-add"),
                testid: "add",
                busy: true,
                text: html! { "Add" },
                ..Button::default()
            })),
            r#"<button type="button" id="smx-add" data-testid="add" aria-busy="true" disabled="disabled" class="smx-button smx-button--secondary">Add</button>"#
        );
    }
}
