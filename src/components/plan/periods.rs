//! The plan's periods, each a heading and a table of rows: one row per duty and rule,
//! with its first date, the duty, how often it comes round and its other dates behind a
//! disclosure. Every date is a `<time datetime>` inside the row that carries the duty's
//! `data-ref`.
use super::time;
use crate::elements::{details, details_class, heading, Details};
use security_matrix_core::dates::plan::{HeadingPart, Period, PlanRow, RowDate};
use yew::prelude::*;

/// A period: its heading (at `level`, its dates as `<time>`s) and its table.
pub(super) fn period(period: &Period, level: u8) -> Html {
    let key = period.kind.key();
    let words = html! { { for period.heading.iter().map(|part| match part {
        HeadingPart::Text(text) => html! { { text.clone() } },
        HeadingPart::Date(date) => time(*date),
    }) } };
    html! {
        <section class="smx-plan-period" data-testid="plan-period" data-period={key.clone()} key={period.kind.key()}>
            { heading(level, "smx-heading-s", false, words) }
            <table class="smx-table smx-plan-table">
                <caption class="smx-visually-hidden">{ period.heading_text() }</caption>
                <thead>
                    <tr>
                        <th scope="col" class="smx-plan-table__when">{ "Due by" }</th>
                        <th scope="col">{ "Duty" }</th>
                    </tr>
                </thead>
                <tbody>{ for period.rows.iter().map(row) }</tbody>
            </table>
        </section>
    }
}

/// A date, tagged "past" when it is.
fn dated(d: &RowDate) -> Html {
    html! { <>
        { time(d.date) }
        if d.past {
            <span class="smx-tag smx-tag--grey" data-testid="past">{ "past" }</span>
        }
    </> }
}

/// "1 other date", "11 other dates".
pub(super) fn others_label(n: usize) -> String {
    match n {
        1 => "1 other date".to_string(),
        n => format!("{n} other dates"),
    }
}

/// One row: the first date; the duty (¶ reference, title, rule); for a recurring duty
/// its fold text ("every quarter, … , 12 times") and its other dates in a `<details>`;
/// the conditions still open.
fn row(row: &PlanRow) -> Html {
    let o = row.obligation;
    let all_past = row.dates.iter().all(|d| d.past);
    let fold = row
        .fold()
        .filter(|_| row.dates.len() > 1 || row.then_every.is_some());
    let others = &row.dates[1..];
    html! {
        <tr key={o.id.as_str()} data-testid="plan-entry" data-ref={o.reference} data-id={o.id.as_str()}
            class={classes!("smx-plan-row", all_past.then_some("smx-table__row--past"))}>
            <td class="smx-plan-row__when">{ dated(&row.dates[0]) }</td>
            <td>
                <span class="smx-ref">{ format!("¶{}", o.reference) }</span>
                { format!(" {} ", o.title) }
                <span class="smx-plan__rule">{ format!("({})", row.rule) }</span>
                if let Some(fold) = fold {
                    <p class="smx-plan-fold" data-testid="plan-fold">{ fold }</p>
                }
                if !others.is_empty() {
                    { details(Details {
                        class: details_class!("smx-plan-dates"),
                        summary: html! { { others_label(others.len()) } },
                        body: html! {
                            <ul class="smx-plan-dates__list">
                                { for others.iter().map(|d| html! { <li key={d.uid.clone()}>{ dated(d) }</li> }) }
                            </ul>
                        },
                        ..Details::default()
                    }) }
                }
                { for row.open_conditions.iter().map(|c| html! {
                    <p class="smx-plan-row__condition">{ c.describe() }</p>
                }) }
            </td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_disclosure_counts_the_other_dates() {
        assert_eq!(others_label(1), "1 other date");
        assert_eq!(others_label(11), "11 other dates");
    }
}
