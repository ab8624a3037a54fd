//! Radios: one choice among a few, each a radio with its label (and a hint, if it has
//! one). The page puts them in its fieldset, under its legend.
use yew::prelude::*;

/// One radio of [`radios`].
pub struct Radio {
    /// The input's id (the label's `for`).
    pub id: String,
    /// The group's name, the same for every radio of it.
    pub name: AttrValue,
    /// The value it stands for.
    pub value: &'static str,
    /// Its label.
    pub label: &'static str,
    /// A hint under the label (`id="{id}-hint"`, which the input names), if any.
    pub hint: Option<&'static str>,
    /// Whether it is the one chosen.
    pub checked: bool,
    /// Called when it is chosen.
    pub onchange: Callback<Event>,
    /// The input's `data-testid`.
    pub testid: String,
}

/// How [`radios`] are set out.
#[derive(Clone, Copy)]
pub enum RadiosLayout {
    /// One under another.
    Stacked,
    /// Side by side (two or three short options).
    Inline,
    /// Side by side and small (many on one page).
    InlineSmall,
}

/// The radios' box, laid out as `layout` says, holding `items` (each a [`radio`]).
pub fn radios(layout: RadiosLayout, items: impl IntoIterator<Item = Html>) -> Html {
    // Whole class strings, not `classes!`: no class list built at run time.
    let class = match layout {
        RadiosLayout::Stacked => "smx-radios",
        RadiosLayout::Inline => "smx-radios smx-radios--inline",
        RadiosLayout::InlineSmall => "smx-radios smx-radios--inline smx-radios--small",
    };
    html! {
        <div {class}>
            { for items }
        </div>
    }
}

/// One radio: the input, its label, its hint.
pub fn radio(r: Radio) -> Html {
    // One string for the id and the label's `for`, shared rather than copied.
    let id = AttrValue::from(r.id);
    let hint_id = r.hint.map(|_| AttrValue::from(format!("{id}-hint")));
    html! {
        <div class="smx-radios__item">
            <input class="smx-radios__input" id={id.clone()} name={r.name} type="radio"
                value={r.value} checked={r.checked} onchange={r.onchange}
                aria-describedby={hint_id.clone()} data-testid={r.testid} />
            <label class="smx-label smx-radios__label" for={id}>{ r.label }</label>
            if let (Some(hint), Some(hint_id)) = (r.hint, hint_id) {
                <div id={hint_id} class="smx-hint smx-radios__hint">{ hint }</div>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::elements::render::render;

    fn yes(hint: Option<&'static str>) -> Html {
        radio(Radio {
            id: "smx-q".into(),
            name: "smx-q".into(),
            value: "yes",
            label: "Yes",
            hint,
            checked: true,
            onchange: Callback::noop(),
            testid: "option-yes".into(),
        })
    }

    #[test]
    fn a_radio_with_its_label() {
        assert_eq!(
            render(|| radios(RadiosLayout::Inline, [yes(None)])),
            concat!(
                r#"<div class="smx-radios smx-radios--inline"><div class="smx-radios__item">"#,
                r#"<input value="yes" checked id="smx-q" name="smx-q" type="radio" data-testid="option-yes" class="smx-radios__input">"#,
                r#"<label for="smx-q" class="smx-label smx-radios__label">Yes</label></div></div>"#
            )
        );
    }

    #[test]
    fn a_hint_is_named_by_the_input() {
        let html = render(|| yes(Some("Say so")));
        assert!(html.contains(r#"aria-describedby="smx-q-hint""#), "{html}");
        assert!(
            html.contains(r#"<div id="smx-q-hint" class="smx-hint smx-radios__hint">Say so</div>"#),
            "{html}"
        );
    }
}
