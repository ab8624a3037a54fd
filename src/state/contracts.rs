//! The other Call-Off Contracts, GOV.UK "add another": the list, one contract's page (add
//! or change), remove, and a link's half-filled contract opening on its page with its
//! errors.
use super::{Page, State};
use security_matrix_core::assessment::answers::MAX_CONTRACTS;
use security_matrix_core::assessment::flow::{
    too_many_message, ContractDraft, ContractError, ContractField,
};
use security_matrix_core::assessment::questions::QuestionId;

impl State {
    /// Where the gate's "yes" goes: the list, or the first contract's page when none is
    /// listed yet.
    pub(super) fn contracts_page(&self) -> Page {
        if self.answers.contracts().is_empty() || !self.pending_contracts.is_empty() {
            Page::Contract(None)
        } else {
            Page::Contracts
        }
    }

    /// Fills a contract's page: the listed contract, or a link's half-filled one with its
    /// errors, or an empty form.
    pub(super) fn open_contract(&mut self, index: Option<usize>) {
        match index {
            Some(i) => {
                if let Some(c) = self.answers.contracts().get(i) {
                    self.contract_draft = ContractDraft::from_contract(c);
                }
            }
            None => {
                if let Some(p) = self.pending_contracts.first() {
                    self.contract_draft = p.draft.clone();
                    self.contract_errors = p.errors.clone();
                }
            }
        }
    }

    pub(super) fn add_contract(&mut self) {
        if self.answers.contracts().len() >= MAX_CONTRACTS {
            self.contract_errors = vec![list_error(too_many_message())];
            self.page_change = self.page_change.wrapping_add(1);
        } else {
            self.go(Page::Contract(None));
        }
    }

    pub(super) fn remove_contract(&mut self, index: usize) {
        let removed = self.answers.contracts().get(index).cloned();
        self.answers.remove_contract(index);
        self.go(Page::Contracts);
        self.removed_contract = removed.map(|c| (index, c));
    }

    /// "Undo": the contract just removed goes back where it was.
    pub(super) fn undo_remove_contract(&mut self) {
        if let Some((index, c)) = self.removed_contract.take() {
            let mut list = self.answers.contracts().to_vec();
            list.insert(index.min(list.len()), c);
            self.answers.set_contracts(list);
        }
    }

    /// "Save and continue": the contract joins the list (or replaces the one changed),
    /// or its errors are shown.
    pub(super) fn save_contract(&mut self) {
        let Page::Contract(index) = self.page else {
            return;
        };
        match self.contract_draft.accept() {
            Ok(c) => {
                if !self.answers.put_contract(index, c) {
                    self.contract_errors = vec![list_error(too_many_message())];
                    self.page_change = self.page_change.wrapping_add(1);
                    return;
                }
                if index.is_none() && !self.pending_contracts.is_empty() {
                    self.pending_contracts.remove(0);
                }
                let next = if self.pending_contracts.is_empty() {
                    Page::Contracts
                } else {
                    Page::Contract(None)
                };
                self.go(next);
            }
            Err(errors) => {
                self.contract_errors = errors;
                self.page_change = self.page_change.wrapping_add(1);
            }
        }
    }

    /// "Continue" under the list: on to the next question (at least one contract needed).
    pub(super) fn contracts_done(&mut self) {
        if self.answers.contracts().is_empty() {
            self.contract_errors = vec![list_error(
                "Add at least one Call-Off Contract, or go back and answer no".to_string(),
            )];
            self.page_change = self.page_change.wrapping_add(1);
            return;
        }
        self.after_answer(QuestionId::Other);
    }
}

/// An error about the list as a whole (shown against "Add another contract").
fn list_error(message: String) -> ContractError {
    ContractError {
        field: ContractField::Name,
        message,
    }
}
