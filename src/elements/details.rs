//! Details: a disclosure, its summary line and the part it shows when opened.
use yew::prelude::*;

/// The class of a disclosure's text (the part opened, indented under the summary); also
/// for text set out like one outside a disclosure (the printed clause words).
pub const DETAILS_TEXT: &str = "smx-details__text";

/// What [`details`] shows.
#[derive(Default)]
pub struct Details {
    /// A class besides `smx-details`, if any.
    pub class: Option<&'static str>,
    /// Its `data-testid`, if any.
    pub testid: Option<&'static str>,
    /// Whether it is open when first shown (the user opens and closes it after that).
    pub open: bool,
    /// The summary line.
    pub summary: Html,
    /// What it shows when opened (inside a [`DETAILS_TEXT`] box, or not, as the page wants).
    pub body: Html,
}

/// The disclosure.
pub fn details(d: Details) -> Html {
    html! {
        <details class={classes!("smx-details", d.class)} data-testid={d.testid} open={d.open}>
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
                class: Some("smx-answers"),
                testid: Some("answers"),
                open: true,
                summary: html! { "More" },
                body: html! {},
            })),
            r#"<details data-testid="answers" open="open" class="smx-details smx-answers"><summary class="smx-details__summary">More</summary></details>"#
        );
    }
}
