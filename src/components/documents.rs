//! "Documents": the Word documents a bidder edits and hands over, made from the assessment
//! by the take-aways module (loaded when one is first asked for): the draft plan where the
//! schedule requires one, the security response, and the ¶1.4 letters when there are
//! Customers to notify. Above the buttons, the title page's optional details, which the
//! saved file keeps.
use super::takeaways::{takeaway_button, takeaway_error};
use super::Dispatch;
use crate::elements::heading;
use crate::state::{Action, DetailField, Making};
use security_matrix_core::file::savefile::DocumentDetails;
use security_matrix_core::takeaways::documents::Kind;
use security_matrix_core::takeaways::download::Takeaway;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What [`documents_section`] shows.
pub struct DocumentsProps {
    /// The title page's details, as typed.
    pub details: DocumentDetails,
    /// The plan the schedule requires at this level ("Information Security Management
    /// Plan"), if any: then its draft is offered.
    pub plan: Option<&'static str>,
    /// Whether there are Customers to notify (¶1.4): then the letters are offered.
    pub letters: bool,
    /// A take-away file being made, or why the last was not.
    pub making: Making,
    /// The section heading's level.
    pub heading_level: u8,
    /// Dispatches the details and the files asked for.
    pub dispatch: Dispatch,
}

/// The longest detail the fields take, in characters (the save file's limit).
const DETAIL_MAX: usize = security_matrix_core::file::savefile::DETAIL_MAX;

/// One optional detail: a text input (`data-testid="detail-<key>"`).
fn detail_field(
    field: DetailField,
    key: &'static str,
    label: &'static str,
    value: &str,
    dispatch: &Dispatch,
) -> Html {
    let id = format!("smx-detail-{key}");
    let oninput = dispatch.on(move |e: InputEvent| {
        Action::SetDetail(field, e.target_unchecked_into::<HtmlInputElement>().value())
    });
    html! {
        <div class="smx-form-group">
            <label class="smx-label smx-label--s" for={id.clone()}>{ label }</label>
            <input id={id} type="text" class="smx-input" autocomplete="off" spellcheck="false"
                maxlength={DETAIL_MAX.to_string()} value={value.to_string()} {oninput}
                data-testid={format!("detail-{key}")} />
        </div>
    }
}

/// The documents section.
pub fn documents_section(p: &DocumentsProps) -> Html {
    let d = &p.details;
    let mut shown = Vec::new();
    let mut buttons = Vec::new();
    if let Some(plan) = p.plan {
        shown.push(Takeaway::Document(Kind::PlanDraft));
        buttons.push(takeaway_button(
            Takeaway::Document(Kind::PlanDraft),
            "download-plan-draft",
            if plan.starts_with("Information") {
                "Download a draft Information Security Management Plan (.docx)"
            } else {
                "Download a draft Security Management Plan (.docx)"
            },
            p.making,
            &p.dispatch,
        ));
    }
    shown.push(Takeaway::Document(Kind::SecurityResponse));
    buttons.push(takeaway_button(
        Takeaway::Document(Kind::SecurityResponse),
        "download-response",
        "Download the security response (.docx)",
        p.making,
        &p.dispatch,
    ));
    if p.letters {
        shown.push(Takeaway::Document(Kind::Letters));
        buttons.push(takeaway_button(
            Takeaway::Document(Kind::Letters),
            "download-letters",
            "Download the letters to other Customers (.docx)",
            p.making,
            &p.dispatch,
        ));
    }
    html! {
        <section class="smx-documents" data-testid="documents">
            { heading(p.heading_level, "smx-heading-m", false, html! { { "Documents to edit and hand over" } }) }
            <p class="smx-body">{ "Word documents (.docx) made from this assessment, for Word, LibreOffice or Google Docs: " }
                if let Some(plan) = p.plan {
                    { format!("a draft {plan}, one section for each thing the schedule asks it to contain, with your duties, dates, owners and notes and a place for your own text; ") }
                }
                { "a security response for your Tender Response (the statement, why your level, where the schedule is unclear, and the compliance table)" }
                if p.letters {
                    { "; the letters to the Customers to notify (paragraph 1.4)" }
                }
                { ". They are made here, in your browser." }
            </p>
            <p class="smx-body">{ "Optional: the details for the documents' title page. Your saved file keeps them." }</p>
            { detail_field(DetailField::Organisation, "organisation", "Your organisation", &d.organisation, &p.dispatch) }
            { detail_field(DetailField::Contract, "contract", "The contract's name or reference", &d.contract, &p.dispatch) }
            { detail_field(DetailField::Customer, "customer", "The Customer", &d.customer, &p.dispatch) }
            <div class="smx-button-group">{ for buttons }</div>
            { takeaway_error(p.making, &shown) }
        </section>
    }
}
