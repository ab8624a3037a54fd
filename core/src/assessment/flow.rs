//! The question flow: which questions apply, in which order, what is still unanswered
//! (`flow/answers.rs`), the form of one other Call-Off Contract (`flow/contracts.rs`), and
//! the tender whose Customer set some answers (`flow/tender.rs`).
//! The answers written as a link are `file/link.rs`.
mod answers;
mod contracts;
mod tender;

pub use answers::{Answer, Answers};
pub use contracts::{
    contract_link_parts, level_value, parse_contract_key, parse_level, too_many_message,
    ContractDraft, ContractError, ContractField, LEVEL_VALUES,
};
pub use tender::{can_fix, clean_text, Tender, MAX_TENDER, MAX_TENDER_REF};
