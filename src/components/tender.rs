//! A tender's assessment, as a portal set it: the line that names the tender (in the
//! result's panel, on check answers), and what the bidder can do about the answers its
//! Customer set (ask through the clarification process, or work it out with their own
//! figures instead).
use super::Dispatch;
use crate::elements::{button, heading, Button, ButtonKind};
use crate::state::Action;
use security_matrix_core::assessment::flow::Answers;
use yew::prelude::*;

/// What a fixed answer's row says.
pub const SET_BY_CUSTOMER: &str = "Set by the Customer for this tender";

/// "For Prison education services (MOJ-2027-041)" (`data-testid="tender"`), with "your
/// own figures" when the bidder used them; nothing without a tender.
pub fn tender_line(answers: &Answers) -> Html {
    let Some(t) = answers.tender() else {
        return html! {};
    };
    html! {
        <p class="smx-body smx-tender" data-testid="tender">
            { "For " }<strong data-testid="tender-name">{ t.title() }</strong>
            if t.own_figures {
                <span data-testid="tender-own-figures">{ ", worked out with your own figures, not the tender's" }</span>
            }
        </p>
    }
}

/// Which answers the Customer set (`data-testid="tender-fixed"`), what to do if one looks
/// wrong, and "Work it out with your own figures instead" (`own-figures`); with the
/// bidder's own figures, that they are not the tender's. `h` is its heading's level.
pub fn tender_section(answers: &Answers, h: u8, dispatch: &Dispatch) -> Html {
    let Some(t) = answers.tender() else {
        return html! {};
    };
    let Some(statement) = t.statement() else {
        return html! {};
    };
    html! {
        <section class="smx-tender-section" data-testid="tender-section">
            { heading(h, "smx-heading-s", false, html! { { "The answers the Customer set" } }) }
            <p class="smx-body" data-testid="tender-fixed">{ statement }</p>
            if !t.own_figures {
                <p class="smx-body">{ "If you think a figure the Customer set is wrong, ask the Customer through the tender's clarification process. Until they change it, it is the figure that applies to this tender." }</p>
                { button(Button { kind: ButtonKind::Secondary, testid: "own-figures", onclick: Some(dispatch.on(|_| Action::OwnFigures)), text: html! { "Work it out with your own figures instead" }, ..Button::default() }) }
            }
        </section>
    }
}
