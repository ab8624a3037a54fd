//! Summary list: rows of a key and its value, with actions (Change, Remove) where the user
//! can act on a row.
use yew::prelude::*;
use yew::virtual_dom::Key;

/// One row of a [`summary_list`].
pub struct SummaryRow {
    /// Its key among the rows (Yew's, not shown).
    pub key: Key,
    /// Its `data-testid`, if any.
    pub testid: Option<String>,
    /// Its `data-index`, if any.
    pub index: Option<String>,
    /// The key (`<dt>`).
    pub name: Html,
    /// The key's `data-testid`, if any.
    pub name_testid: Option<&'static str>,
    /// The value (`<dd>`).
    pub value: Html,
    /// The value's `data-testid`, if any.
    pub value_testid: Option<String>,
    /// The actions, if any.
    pub actions: Option<Html>,
}

/// The list (`<dl>`, with `data-testid={testid}` if any) of `rows` (each a [`summary_row`]).
pub fn summary_list(testid: Option<&'static str>, rows: impl IntoIterator<Item = Html>) -> Html {
    html! {
        <dl class="smx-summary-list" data-testid={testid}>
            { for rows }
        </dl>
    }
}

/// One row: the key, the value, the actions.
pub fn summary_row(r: SummaryRow) -> Html {
    html! {
        <div key={r.key} class="smx-summary-list__row" data-testid={r.testid} data-index={r.index}>
            <dt class="smx-summary-list__key" data-testid={r.name_testid}>{ r.name }</dt>
            <dd class="smx-summary-list__value" data-testid={r.value_testid}>{ r.value }</dd>
            if let Some(actions) = r.actions {
                <dd class="smx-summary-list__actions">{ actions }</dd>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::elements::render::render;

    #[test]
    fn rows_of_key_value_and_actions() {
        let html = render(|| {
            summary_list(
                Some("summary"),
                [
                    summary_row(SummaryRow {
                        key: "a".into(),
                        testid: Some("row-a".into()),
                        index: None,
                        name: html! { "A" },
                        name_testid: None,
                        value: html! { "1" },
                        value_testid: Some("value-a".into()),
                        actions: Some(html! { <button>{ "Change" }</button> }),
                    }),
                    summary_row(SummaryRow {
                        key: "b".into(),
                        testid: None,
                        index: Some("2".into()),
                        name: html! { "B" },
                        name_testid: Some("name"),
                        value: html! { "2" },
                        value_testid: None,
                        actions: None,
                    }),
                ],
            )
        });
        assert_eq!(
            html,
            concat!(
                r#"<dl data-testid="summary" class="smx-summary-list">"#,
                r#"<div data-testid="row-a" class="smx-summary-list__row"><dt class="smx-summary-list__key">A</dt>"#,
                r#"<dd data-testid="value-a" class="smx-summary-list__value">1</dd>"#,
                r#"<dd class="smx-summary-list__actions"><button>Change</button></dd></div>"#,
                r#"<div data-index="2" class="smx-summary-list__row"><dt data-testid="name" class="smx-summary-list__key">B</dt>"#,
                r#"<dd class="smx-summary-list__value">2</dd></div></dl>"#
            )
        );
    }
}
