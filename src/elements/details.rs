//! Details: a disclosure, its summary line and the part it shows when opened.
use yew::prelude::*;

/// The class of a disclosure, with a class of its own if any, put together when the crate
/// is compiled: `details_class!("smx-answers")` is `"smx-details smx-answers"`.
macro_rules! details_class {
    () => {
        "smx-details"
    };
    ($own:literal) => {
        concat!("smx-details ", $own)
    };
}

/// The class of a disclosure's text (the part opened, indented under the summary), with a
/// class of its own if any, put together when the crate is compiled; also for text set out
/// like one outside a disclosure (the printed clause words).
macro_rules! details_text {
    () => {
        "smx-details__text"
    };
    ($own:literal) => {
        concat!("smx-details__text ", $own)
    };
}

pub(crate) use {details_class, details_text};

/// What [`details`] shows.
pub struct Details {
    /// Its class ([`details_class!`]).
    pub class: &'static str,
    /// Its `data-testid`, if any.
    pub testid: Option<&'static str>,
    /// Whether it is open when first shown (the user opens and closes it after that).
    pub open: bool,
    /// The summary line.
    pub summary: Html,
    /// What it shows when opened (inside a [`details_text!`] box, or not, as the page
    /// wants).
    pub body: Html,
}

impl Default for Details {
    fn default() -> Self {
        Details {
            class: details_class!(),
            testid: None,
            open: false,
            summary: Html::default(),
            body: Html::default(),
        }
    }
}

/// The disclosure.
pub fn details(d: Details) -> Html {
    html! {
        <details class={d.class} data-testid={d.testid} open={d.open}>
            <summary class="smx-details__summary">{ d.summary }</summary>
            { d.body }
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::elements::render::render;

    #[test]
    fn a_disclosure_closed_or_open() {
        assert_eq!(
            render(|| details(Details {
                summary: html! { "More" },
                body: html! { <p>{ "Text" }</p> },
                ..Details::default()
            })),
            r#"<details class="smx-details"><summary class="smx-details__summary">More</summary><p>Text</p></details>"#
        );
        assert_eq!(
            render(|| details(Details {
                class: details_class!("smx-answers"),
                testid: Some("answers"),
                open: true,
                summary: html! { "More" },
                body: html! {},
            })),
            r#"<details data-testid="answers" open="open" class="smx-details smx-answers"><summary class="smx-details__summary">More</summary></details>"#
        );
    }
}
