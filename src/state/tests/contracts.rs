//! The other Call-Off Contracts: the gate, add, change, remove, the limit, a link's
//! half-filled contract, and what is kept.
use super::*;
use security_matrix_core::assessment::flow::ContractField as F;

fn to_gate() -> State {
    let mut s = run(init(None, None), [Action::Start]);
    for text in ["100", "0", "£45k", "18", "no"] {
        s = run(s, answer(text));
    }
    assert_eq!(s.page, Page::Question(QuestionId::Other));
    s
}

fn fill(customer: &str, subjects: &str, level: &str) -> Vec<Action> {
    vec![
        Action::ContractInput(F::Customer, customer.into()),
        Action::ContractInput(F::Subjects, subjects.into()),
        Action::ContractInput(F::Special, "0".into()),
        Action::ContractInput(F::Level, level.into()),
        Action::SaveContract,
    ]
}

#[test]
fn add_change_and_remove_then_continue() {
    let s = run(to_gate(), answer("yes"));
    assert_eq!(s.page, Page::Contract(None), "the first contract's page");
    // Nothing typed: every required field's error, in form order.
    let s = run(s, [Action::SaveContract]);
    let fields: Vec<F> = s.contract_errors.iter().map(|e| e.field).collect();
    assert_eq!(fields, [F::Customer, F::Subjects, F::Special, F::Level]);
    let s = run(s, fill("HMPPS", "1,000", "S3"));
    assert_eq!(s.page, Page::Contracts);
    let s = run(s, [Action::AddContract]);
    let s = run(s, fill("LAA", "200", "none"));
    let s = run(s, [Action::AddContract]);
    let s = run(s, fill("HMCTS", "300", "S2"));
    assert_eq!(s.answers.contracts().len(), 3);
    // Change the second: the form shows it.
    let s = run(s, [Action::ChangeContract(1)]);
    assert_eq!(s.page, Page::Contract(Some(1)));
    assert_eq!(s.contract_draft.customer, "LAA");
    let s = run(
        s,
        [
            Action::ContractInput(F::Customer, "Legal Aid Agency".into()),
            Action::SaveContract,
        ],
    );
    assert_eq!(s.answers.contracts()[1].customer, "Legal Aid Agency");
    // Remove the third.
    let s = run(s, [Action::RemoveContract(2)]);
    let customers: Vec<&str> = s
        .answers
        .contracts()
        .iter()
        .map(|c| c.customer.as_str())
        .collect();
    assert_eq!(customers, ["HMPPS", "Legal Aid Agency"]);
    let s = run(s, [Action::ContractsDone]);
    assert_eq!(s.page, Page::Question(QuestionId::Commencement));
    // Back from the next question is the list.
    let back = run(s.clone(), [Action::Back]);
    assert_eq!(back.page, Page::Contracts);
    assert!(s
        .answers
        .to_fragment()
        .contains("c2_customer=Legal+Aid+Agency"));
}

#[test]
fn at_most_fifty_with_a_clear_error() {
    let mut s = run(to_gate(), answer("yes"));
    for i in 0..50 {
        if i > 0 {
            s = run(s, [Action::AddContract]);
        }
        s = run(s, fill(&format!("C{i}"), "1", "none"));
    }
    assert_eq!(s.answers.contracts().len(), 50);
    let s = run(s, [Action::AddContract]);
    assert_eq!(s.page, Page::Contracts);
    assert!(s.contract_errors[0]
        .message
        .starts_with("You can list up to 50"));
}

#[test]
fn emptying_the_list_needs_one_or_no() {
    let s = run(to_gate(), answer("yes"));
    let s = run(s, fill("HMPPS", "1", "S1"));
    let s = run(s, [Action::RemoveContract(0), Action::ContractsDone]);
    assert_eq!(s.page, Page::Contracts);
    assert_eq!(s.contract_errors.len(), 1);
}

#[test]
fn a_half_filled_contract_in_a_link_opens_its_page_with_the_rest_kept() {
    let s = init(Some("schedule=df&subjects=10&special=0&value=1&months=1&access=no&c1_customer=HMPPS&c1_subjects=5&c1_special=0&c1_level=S1&c2_name=Courts&c2_customer=HMCTS&c2_subjects=7&commencement=2027-01-04"), None);
    assert_eq!(s.page, Page::Contract(None));
    assert_eq!(s.contract_draft.name, "Courts");
    assert_eq!(s.contract_draft.subjects, "7");
    let fields: Vec<F> = s.contract_errors.iter().map(|e| e.field).collect();
    assert_eq!(fields, [F::Special, F::Level]);
    assert_eq!(s.answers.contracts().len(), 1);
    assert_eq!(
        s.answers
            .get(QuestionId::Commencement)
            .map(|a| a.value_text()),
        Some("2027-01-04".into())
    );
    let s = run(
        s,
        [
            Action::ContractInput(F::Special, "0".into()),
            Action::ContractInput(F::Level, "S4".into()),
            Action::SaveContract,
        ],
    );
    assert_eq!(s.page, Page::Contracts);
    assert_eq!(s.answers.contracts().len(), 2);
    let s = run(s, [Action::ContractsDone]);
    // S4 now (the contract's level): the route is asked, then everything else is answered.
    assert_eq!(s.page, Page::Question(QuestionId::Route));
    let s = run(s, [Action::Skip]);
    assert_eq!(s.page, Page::Check);
    // The contracts are kept in storage, on the page the user was on.
    let stored = run(s.clone(), [Action::ChangeContract(1)]).to_storage();
    let back = init(None, Some(&stored));
    assert_eq!(back.page, Page::Contract(Some(1)));
    assert_eq!(back.answers, s.answers);
}
