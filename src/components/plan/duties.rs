//! The plan's duties without a date of their own: those counted from an event (a date
//! box for each event, and the deadline once its date is entered), and the lists of
//! standing duties and of duties that first fall due after the term.
use super::time;
use crate::components::Dispatch;
use crate::edge;
use crate::elements::heading;
use crate::state::Action;
use chrono::NaiveDate;
use security_matrix_core::dates::plan::{Plan, UndatedDuty};
use security_matrix_core::format::parse_iso_date;
use security_matrix_core::EventId;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// "Deadlines that run from an event": for each event, in the order of its first duty, a
/// date input (`[data-testid="event"][data-event]`, dispatching
/// [`Action::SetEventDate`]) and its duties, each with its due date once the event's date
/// is entered. Nothing when no duty counts from an event.
pub(super) fn event_duties(plan: &Plan, level: u8, dispatch: &Dispatch) -> Html {
    let mut events: Vec<(EventId, &str, Option<NaiveDate>)> = Vec::new();
    for d in &plan.event_duties {
        if !events.iter().any(|(id, _, _)| *id == d.event_id) {
            events.push((d.event_id, d.event_label, d.event_date));
        }
    }
    if events.is_empty() {
        return Html::default();
    }
    html! { <>
        { heading(level, "smx-heading-s", false, html! { { "Deadlines that run from an event" } }) }
        <p class="smx-body">{ "These start when something happens. Enter the date it happened to see the deadline." }</p>
        { for events.iter().map(|&(id, label, date)| {
            let input_id = format!("smx-event-{id}");
            let onchange = dispatch.on(move |e: Event| {
                let v = e.target_unchecked_into::<HtmlInputElement>().value();
                edge::timed(Action::SetEventDate(id, parse_iso_date(&v)))
            });
            html! {
                <div class="smx-event" data-testid="event" data-event={id.as_str()} key={id.as_str()}>
                    <label class="smx-label" for={input_id.clone()}>{ capitalised(label) }</label>
                    <input id={input_id} class="smx-input smx-input--width-10" type="date"
                        value={date.map(|d| d.to_string()).unwrap_or_default()} {onchange} />
                    <ul class="smx-list">
                        { for plan.event_duties.iter().filter(|d| d.event_id == id).map(|d| html! {
                            <li data-ref={d.obligation.reference} key={d.obligation.id.as_str()}>
                                <span class="smx-ref">{ format!("¶{}", d.obligation.reference) }</span>
                                { format!(" {}: {}", d.obligation.title, d.rule) }
                                if let Some(due) = d.due { { " — due by " }{ time(due) } }
                            </li>
                        }) }
                    </ul>
                </div>
            }
        }) }
    </> }
}

/// A bulleted list of duties ("¶3.6.1 Title: rule"), `data-testid={testid}`, each `<li>`
/// with its `data-ref`.
pub(super) fn duty_list<'a>(
    testid: &'static str,
    duties: impl Iterator<Item = &'a UndatedDuty>,
) -> Html {
    html! {
        <ul class="smx-list smx-list--bullet" data-testid={testid}>
            { for duties.map(|d| html! {
                <li data-ref={d.obligation.reference} key={d.obligation.id.as_str()}>
                    <span class="smx-ref">{ format!("¶{}", d.obligation.reference) }</span>
                    { format!(" {}: {}", d.obligation.title, d.rule) }
                </li>
            }) }
        </ul>
    }
}

/// "the date you …" → "The date you …". The event descriptions in the data start with an
/// ASCII letter; ASCII case keeps Unicode's case tables out of the bundle.
pub(super) fn capitalised(s: &str) -> String {
    let mut out = s.to_owned();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_labels_start_with_a_capital() {
        assert_eq!(capitalised("the date you"), "The date you");
        assert_eq!(capitalised(""), "");
    }
}
