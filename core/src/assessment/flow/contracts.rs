//! The other Call-Off Contracts as typed: the form of one contract (the "add another"
//! pages and the link's `c1_…` keys share it), its checks, and its link keys.
use crate::assessment::answers::{Contract, MAX_CONTRACTS, MAX_NAME};
use crate::assessment::level::Level;
use crate::assessment::questions::{parse_number, NumberError, QuestionKind};

/// A field of one contract's form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ContractField {
    /// Name or reference (optional).
    Name,
    /// The Customer.
    Customer,
    /// Data subjects.
    Subjects,
    /// Special category data subjects.
    Special,
    /// The level set in the contract.
    Level,
}

impl ContractField {
    /// Every field, in form order.
    pub const ALL: [ContractField; 5] = [
        ContractField::Name,
        ContractField::Customer,
        ContractField::Subjects,
        ContractField::Special,
        ContractField::Level,
    ];

    /// The field's part of a link key (`c1_<key>`) and of its input's id.
    pub fn key(self) -> &'static str {
        match self {
            ContractField::Name => "name",
            ContractField::Customer => "customer",
            ContractField::Subjects => "subjects",
            ContractField::Special => "special",
            ContractField::Level => "level",
        }
    }

    /// The field for a key.
    pub fn from_key(key: &str) -> Option<ContractField> {
        ContractField::ALL.into_iter().find(|f| f.key() == key)
    }
}

/// The values of the level field: `none`, then `S1` … `S6`.
pub const LEVEL_VALUES: [&str; 7] = ["none", "S1", "S2", "S3", "S4", "S5", "S6"];

/// One contract as typed, before it is accepted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContractDraft {
    /// Name or reference.
    pub name: String,
    /// Customer.
    pub customer: String,
    /// Data subjects, as typed.
    pub subjects: String,
    /// Special category data subjects, as typed.
    pub special: String,
    /// The level's value (`none`, `S1` … `S6`), or what a link gave.
    pub level: String,
}

/// Why a field of a contract was not accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContractError {
    /// The field.
    pub field: ContractField,
    /// The message, GOV.UK style.
    pub message: String,
}

/// The error when the list is full.
pub fn too_many_message() -> String {
    format!("You can list up to {MAX_CONTRACTS} other Call-Off Contracts. Remove one before you add another, or add the figures of smaller contracts of the same Customer together.")
}

fn count(raw: &str, what: &str) -> Result<u64, String> {
    parse_number(raw, QuestionKind::Count).map_err(|e| match e {
        NumberError::Empty => format!("Enter {what}"),
        NumberError::TooLarge => format!("{} must be 1,000,000,000 or fewer", capital(what)),
        NumberError::Negative | NumberError::TooSmall => {
            format!("{} must be 0 or more", capital(what))
        }
        _ => format!("{} must be a whole number, like 1,500", capital(what)),
    })
}

fn capital(s: &str) -> String {
    let s = s.strip_prefix("the ").unwrap_or(s);
    let mut c = s.chars();
    c.next().map_or(String::new(), |f| {
        f.to_ascii_uppercase().to_string() + c.as_str()
    })
}

fn text(raw: &str, field: &str) -> Result<String, String> {
    let t = raw.trim();
    if t.chars().count() > MAX_NAME {
        Err(format!("{field} must be {MAX_NAME} characters or fewer"))
    } else {
        Ok(t.to_string())
    }
}

impl ContractDraft {
    /// The form showing a contract.
    pub fn from_contract(c: &Contract) -> ContractDraft {
        ContractDraft {
            name: c.name.clone(),
            customer: c.customer.clone(),
            subjects: c.subjects.to_string(),
            special: c.special.to_string(),
            level: level_value(c.level).to_string(),
        }
    }

    /// The text of one field.
    pub fn get(&self, f: ContractField) -> &str {
        match f {
            ContractField::Name => &self.name,
            ContractField::Customer => &self.customer,
            ContractField::Subjects => &self.subjects,
            ContractField::Special => &self.special,
            ContractField::Level => &self.level,
        }
    }

    /// Sets one field.
    pub fn set(&mut self, f: ContractField, value: String) {
        match f {
            ContractField::Name => self.name = value,
            ContractField::Customer => self.customer = value,
            ContractField::Subjects => self.subjects = value,
            ContractField::Special => self.special = value,
            ContractField::Level => self.level = value,
        }
    }

    /// The contract, or every field's error in form order.
    pub fn accept(&self) -> Result<Contract, Vec<ContractError>> {
        let mut errors = Vec::new();
        fn check<T>(
            errors: &mut Vec<ContractError>,
            field: ContractField,
            r: Result<T, String>,
        ) -> Option<T> {
            r.map_err(|message| errors.push(ContractError { field, message }))
                .ok()
        }
        let name = check(
            &mut errors,
            ContractField::Name,
            text(&self.name, "Name or reference"),
        );
        let customer = check(
            &mut errors,
            ContractField::Customer,
            text(&self.customer, "Customer").and_then(|c| {
                if c.is_empty() {
                    Err("Enter the Customer of this contract".to_string())
                } else {
                    Ok(c)
                }
            }),
        );
        let subjects = check(
            &mut errors,
            ContractField::Subjects,
            count(&self.subjects, "the number of people in this contract"),
        );
        let special = check(
            &mut errors,
            ContractField::Special,
            count(
                &self.special,
                "the number of people with special category data in this contract",
            ),
        );
        let level = check(
            &mut errors,
            ContractField::Level,
            parse_level(&self.level).ok_or_else(|| {
                "Select the level set in this contract, or None has been set".to_string()
            }),
        );
        match (name, customer, subjects, special, level) {
            (Some(name), Some(customer), Some(subjects), Some(special), Some(level)) => {
                Ok(Contract {
                    name,
                    customer,
                    subjects,
                    special,
                    level,
                })
            }
            _ => Err(errors),
        }
    }
}

/// Reads a level value: `none` or `S1` … `S6` (any case); `None` if it is neither.
pub fn parse_level(raw: &str) -> Option<Option<Level>> {
    let raw = raw.trim();
    if raw.eq_ignore_ascii_case("none") {
        Some(None)
    } else {
        Level::parse(raw).map(Some).filter(|_| !raw.is_empty())
    }
}

/// The value written for a level: `none` or `S1` … `S6`.
pub fn level_value(level: Option<Level>) -> &'static str {
    level.map_or("none", |l| LEVEL_VALUES[l as usize + 1])
}

/// The link keys of a list: `c1_name` (when there is one), `c1_customer`, `c1_subjects`,
/// `c1_special`, `c1_level`, then `c2_…`; values form-encoded.
pub fn contract_link_parts(contracts: &[Contract]) -> Vec<String> {
    let enc = |s: &str| form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
    let mut parts = Vec::new();
    for (i, c) in contracts.iter().enumerate() {
        let n = i + 1;
        if !c.name.is_empty() {
            parts.push(format!("c{n}_name={}", enc(&c.name)));
        }
        parts.push(format!("c{n}_customer={}", enc(&c.customer)));
        parts.push(format!("c{n}_subjects={}", c.subjects));
        parts.push(format!("c{n}_special={}", c.special));
        parts.push(format!("c{n}_level={}", level_value(c.level)));
    }
    parts
}

/// Reads a link key `c<n>_<field>` with n from 1 to 50.
pub fn parse_contract_key(key: &str) -> Option<(usize, ContractField)> {
    let rest = key.strip_prefix('c')?;
    let (n, field) = rest.split_once('_')?;
    if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) || n.starts_with('0') {
        return None;
    }
    let n: usize = n.parse().ok()?;
    (1..=MAX_CONTRACTS).contains(&n).then_some(())?;
    Some((n, ContractField::from_key(field)?))
}
