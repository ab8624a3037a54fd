//! ¶1.4 notices: which Customers to tell that the award changes the level of their
//! Call-Off Contracts, and a draft notice for each, in plain English. Nothing is sent: the
//! drafts are text for the user to use. Names are the user's own text, kept as typed (the
//! UI shows them as text, never as markup).
use crate::assessment::answers::{Contract, OtherContracts};
use crate::assessment::level::Level;

/// One Customer to notify under ¶1.4.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomerNotice {
    /// The Customer, as first typed.
    pub customer: String,
    /// Their contracts to notify, in the order listed.
    pub contracts: Vec<Contract>,
    /// The level that now applies to all of them.
    pub to: Level,
    /// The draft notice, plain text with line breaks.
    pub draft: String,
}

/// Whether a listed contract is to be notified: its set level is below the applied level,
/// or it has none set.
pub fn is_due(c: &Contract, applied: Level) -> bool {
    c.level.is_none_or(|l| l < applied)
}

/// Names joined as English lists do: "A", "A and B", "A, B and C".
pub fn and_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The key two spellings of one Customer share: trimmed, spaces collapsed, any ASCII case.
fn customer_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase()
}

/// The notices due when `applied` is the level: one per Customer (in the order their first
/// contract is listed) with every contract of theirs that is due.
pub fn notices(other: &OtherContracts, applied: Level) -> Vec<CustomerNotice> {
    let mut out: Vec<(String, CustomerNotice)> = Vec::new();
    for c in other.contracts.iter().filter(|c| is_due(c, applied)) {
        let key = customer_key(&c.customer);
        match out.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => n.contracts.push(c.clone()),
            None => out.push((
                key,
                CustomerNotice {
                    customer: c.customer.trim().to_string(),
                    contracts: vec![c.clone()],
                    to: applied,
                    draft: String::new(),
                },
            )),
        }
    }
    out.into_iter()
        .map(|(_, mut n)| {
            n.draft = draft(&n.customer, &n.contracts, applied);
            n
        })
        .collect()
}

/// One contract's line in a draft: "“Prison health”: from S2 to S5".
fn contract_line(c: &Contract, to: Level) -> String {
    let name = c.name.trim();
    let what = if name.is_empty() {
        "Our Call-Off Contract with you (no reference given)".to_string()
    } else {
        format!("\u{201c}{name}\u{201d}")
    };
    match c.level {
        Some(from) => format!("- {what}: from {from} to {to}"),
        None => format!("- {what}: no level has been set; {to} applies"),
    }
}

/// The draft notice to one Customer about their contracts.
pub fn draft(customer: &str, contracts: &[Contract], to: Level) -> String {
    let (these, them) = if contracts.len() == 1 {
        ("this Call-Off Contract", "it")
    } else {
        ("these Call-Off Contracts", "them")
    };
    let lines: Vec<String> = contracts.iter().map(|c| contract_line(c, to)).collect();
    format!(
        "Dear {customer},\n\n\
         Notice under paragraph 1.4 of Schedule 2.4 (Information Security and Assurance)\n\n\
         We are writing to tell you that the award of a further Call-Off Contract under the Framework Agreement changes the level of security requirements that applies to {these} we hold with you:\n\n\
         {}\n\n\
         Under paragraph 1.3 one level applies to all the Call-Off Contracts we hold under the Framework Agreement, worked out from the data across all of them. With the new award that level is {to}, so {to} now applies to {them}.\n\n\
         As paragraph 1.4 provides, we propose that we agree with you a timetable for implementing the change. Please let us know when you are available to discuss it.\n\n\
         Yours sincerely,\n\n\
         [Your name]\n\
         [Supplier name]\n",
        lines.join("\n")
    )
}
