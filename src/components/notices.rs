//! ¶1.4 notices: one block per Customer to tell, naming their contracts, with a draft
//! notice in plain text and a Copy button. Nothing is sent. Names are the user's text.
use crate::elements::{button, details, details_text, heading, Button, ButtonKind, Details};
use security_matrix_core::takeaways::notices::CustomerNotice;
use yew::prelude::*;

/// The notices, one per Customer; `h` is the level of each Customer's heading.
pub fn notices_section(notices: &[CustomerNotice], h: u8) -> Html {
    if notices.is_empty() {
        return html! {};
    }
    html! {
        <div class="smx-notices" data-testid="notices">
            <p class="smx-body">{ format!(
                "Paragraph 1.4: tell {} that the level of their Call-Off Contracts becomes {}, and agree with them a timetable for the change. A draft for each is below; nothing is sent.",
                if notices.len() == 1 { "this Customer".to_string() } else { format!("these {} Customers", notices.len()) },
                notices[0].to
            ) }</p>
            { for notices.iter().map(|n| html! {
                <NoticeBlock key={n.customer.clone()} notice={n.clone()} heading_level={h} />
            }) }
        </div>
    }
}

/// Properties of [`NoticeBlock`].
#[derive(Properties, PartialEq)]
pub struct NoticeBlockProps {
    /// The Customer's notice.
    pub notice: CustomerNotice,
    /// Level of the Customer's heading.
    pub heading_level: u8,
}

/// One Customer: their contracts, the draft and Copy.
#[function_component(NoticeBlock)]
pub fn notice_block(p: &NoticeBlockProps) -> Html {
    let status = use_state(String::new);
    let n = &p.notice;
    let on_copy = super::copy_on_click(
        n.draft.clone(),
        status.clone(),
        "Draft copied.",
        "Your browser did not allow copying. Select the draft and copy it.",
    );
    html! {
        <div class="smx-inset smx-notice-customer" data-testid="notice-customer">
            { heading(p.heading_level, "smx-heading-s", false, html! { { format!("Tell {}", n.customer) } }) }
            <ul class="smx-list smx-list--bullet">
                { for n.contracts.iter().enumerate().map(|(i, c)| html! {
                    <li key={i} data-testid="notice-contract">{ format!("{}: {}, becomes {}", if c.name.is_empty() { "Contract with no name".to_string() } else { c.name.clone() }, c.level_text(), n.to) }</li>
                }) }
            </ul>
            { details(Details {
                summary: html! { { format!("Draft notice to {}", n.customer) } },
                body: html! { <div class={details_text!("smx-draft")} data-testid="draft-notice">{ n.draft.clone() }</div> },
                ..Details::default()
            }) }
            { button(Button {
                kind: ButtonKind::Secondary,
                testid: "copy-draft",
                onclick: Some(on_copy),
                text: html! { <>{ "Copy the draft" }<span class="smx-visually-hidden">{ format!(" to {}", n.customer) }</span></> },
                ..Button::default()
            }) }
            <p class="smx-body-s" role="status" aria-live="polite" data-testid="copy-draft-status">{ (*status).clone() }</p>
        </div>
    }
}
