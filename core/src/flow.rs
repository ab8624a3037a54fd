//! The question flow: which questions apply, in which order, what is still unanswered
//! (`flow/answers.rs`), and the deep-link encoding of answers, a public contract documented
//! in the README (`flow/link.rs`).
mod answers;
mod contracts;
mod link;
#[cfg(test)]
mod tests;

pub use answers::{Answer, Answers};
pub use contracts::{
    contract_link_parts, level_value, parse_contract_key, parse_level, too_many_message,
    ContractDraft, ContractError, ContractField, LEVEL_VALUES,
};
pub use link::{
    from_fragment, parse_stored_value, parse_value, ContractLinkError, LinkAnswers, LinkError,
};
