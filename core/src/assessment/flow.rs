//! The question flow: which questions apply, in which order, what is still unanswered
//! (`flow/answers.rs`), and the form of one other Call-Off Contract (`flow/contracts.rs`).
//! The answers written as a link are `file/link.rs`.
mod answers;
mod contracts;

pub use answers::{Answer, Answers};
pub use contracts::{
    contract_link_parts, level_value, parse_contract_key, parse_level, too_many_message,
    ContractDraft, ContractError, ContractField, LEVEL_VALUES,
};
