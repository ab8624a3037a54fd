//! Checkboxes: options the user may tick, each a checkbox with its label.
use yew::prelude::*;

/// One checkbox of [`checkbox`].
pub struct Checkbox {
    /// The input's id (the label's `for`).
    pub id: &'static str,
    /// The input's `data-testid`.
    pub testid: &'static str,
    /// Its label.
    pub label: &'static str,
    /// Whether it is ticked.
    pub checked: bool,
    /// Called when it is ticked or cleared.
    pub onchange: Callback<Event>,
}

/// A single checkbox in its box, left out of print when `no_print`.
pub fn checkbox(no_print: bool, c: Checkbox) -> Html {
    let class = if no_print {
        "smx-checkboxes smx-no-print"
    } else {
        "smx-checkboxes"
    };
    html! {
        <div {class}>
            <div class="smx-checkboxes__item">
                <input class="smx-checkboxes__input" id={c.id} type="checkbox" data-testid={c.testid}
                    checked={c.checked} onchange={c.onchange} />
                <label class="smx-label smx-checkboxes__label" for={c.id}>{ c.label }</label>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::elements::render::render;

    #[test]
    fn a_checkbox_with_its_label() {
        let html = render(|| {
            checkbox(
                true,
                Checkbox {
                    id: "smx-x",
                    testid: "x",
                    label: "Include it",
                    checked: false,
                    onchange: Callback::noop(),
                },
            )
        });
        assert_eq!(
            html,
            concat!(
                r#"<div class="smx-checkboxes smx-no-print"><div class="smx-checkboxes__item">"#,
                r#"<input id="smx-x" type="checkbox" data-testid="x" class="smx-checkboxes__input">"#,
                r#"<label for="smx-x" class="smx-label smx-checkboxes__label">Include it</label></div></div>"#
            )
        );
    }
}
