//! Error summary: "There is a problem" at the top of a page, a link to each field in error.
use super::heading;
use crate::edge;
use yew::prelude::*;

/// What [`error_summary`] shows.
pub struct ErrorSummaryProps {
    /// Each error: the id of its field and the message.
    pub errors: Vec<(String, String)>,
    /// Heading level of the summary's title.
    pub heading_level: u8,
}

/// The error summary; focus moves to it when a page shows errors.
pub fn error_summary(p: &ErrorSummaryProps) -> Html {
    html! {
        <div class="smx-error-summary" data-testid="error-summary" tabindex="-1" data-smx-focus="errors"
             aria-labelledby="smx-error-summary-title" role="alert">
            { heading(p.heading_level, "smx-error-summary__title", false, html! { <>
                <span id="smx-error-summary-title">{ "There is a problem" }</span>
            </> }) }
            <ul class="smx-error-summary__list">
                { for p.errors.iter().map(|(id, message)| {
                    let target = id.clone();
                    let onclick = Callback::from(move |e: MouseEvent| {
                        e.prevent_default();
                        edge::focus_id(&target);
                    });
                    html! { <li><a href={format!("#{id}")} {onclick}>{ message }</a></li> }
                }) }
            </ul>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::elements::render::render;

    #[test]
    fn each_error_links_to_its_field() {
        let html = render(|| {
            error_summary(&ErrorSummaryProps {
                errors: vec![("smx-a".into(), "Enter a".into())],
                heading_level: 2,
            })
        });
        assert!(
            html.starts_with(
                r#"<div data-testid="error-summary" tabindex="-1" data-smx-focus="errors""#
            ),
            "{html}"
        );
        assert!(
            html.contains(r##"<li><a href="#smx-a">Enter a</a></li>"##),
            "{html}"
        );
        assert!(
            html.contains(r#"<h2 class="smx-error-summary__title">"#),
            "{html}"
        );
    }
}
