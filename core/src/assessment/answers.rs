//! The user's answers, as the rules take them.
use crate::assessment::level::Level;
use chrono::NaiveDate;

/// The accreditation route at S3–S6 (¶3.3.1–3.6.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Path {
    /// (a): certified under another UK Government security accreditation scheme.
    A,
    /// (b): in the absence of such an accreditation, the listed certifications and measures.
    B,
}

/// Answers for DF Schedule 2.4 *Information Security and Assurance*.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DfAnswers {
    /// Data subjects whose Personal Data this Call-Off Contract processes.
    pub subjects: u64,
    /// Of those, data subjects with Special Category Data.
    pub special: u64,
    /// Whether the recipient of Special Category Data is a registered medical practitioner
    /// or other professional subject to a professional duty of confidentiality. Asked only
    /// when there is Special Category Data; unanswered counts as "no" (the stricter reading).
    pub professional: Option<bool>,
    /// Value of the services in whole pounds.
    pub value: u64,
    /// Duration of the services in months.
    pub months: u32,
    /// Whether the Supplier will have access to Customer (MoJ) systems.
    pub access: bool,
    /// The Supplier's other Call-Off Contracts under the Framework, if any.
    pub other: Option<OtherContracts>,
    /// The Call-Off Commencement Date, when known; it unlocks the dated plan.
    pub commencement: Option<NaiveDate>,
    /// The accreditation route at S3–S6 (¶3.3.1–3.6.1), when decided; `None` (not
    /// decided, skipped or not asked) keeps the duties of both routes.
    pub route: Option<Path>,
    /// Whether the Supplier will host Customer Data (asked at S5–S6), when known; `None`
    /// keeps the hosting duties, marked with their condition.
    pub hosting: Option<bool>,
}

/// At most this many other Call-Off Contracts can be listed.
pub const MAX_CONTRACTS: usize = 50;
/// The longest contract name or Customer name, in characters.
pub const MAX_NAME: usize = 100;
/// The Customer of a contract given by the old link keys or an earlier saved file, which
/// held only totals.
pub const UNNAMED_CUSTOMER: &str = "your other Customers";

/// One of the Supplier's other Call-Off Contracts under the same Framework (¶1.3, ¶1.4).
/// The names are the user's own text, kept as typed: plain text everywhere.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Contract {
    /// Its name or reference (may be empty).
    pub name: String,
    /// Its Customer.
    pub customer: String,
    /// Its data subjects.
    pub subjects: u64,
    /// Its Special Category Data subjects.
    pub special: u64,
    /// The level set in it, if any.
    pub level: Option<Level>,
}

impl Contract {
    /// How the contract is named in sentences: "“Prison health” (HMPPS)", or
    /// "a contract with HMPPS" when it has no name.
    pub fn describe(&self) -> String {
        let name = self.name.trim();
        if name.is_empty() {
            format!("a contract with {}", self.customer.trim())
        } else {
            format!("\u{201c}{name}\u{201d} ({})", self.customer.trim())
        }
    }

    /// The level set in it in words: "S3" or "none set".
    pub fn level_text(&self) -> String {
        self.level.map_or("none set".to_string(), |l| l.to_string())
    }
}

/// The Supplier's other Call-Off Contracts under the same Framework (¶1.3), in the order
/// listed (the order never changes the result).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OtherContracts {
    /// The contracts.
    pub contracts: Vec<Contract>,
}

impl OtherContracts {
    /// One contract with no name for totals (the old link keys, earlier saved files).
    pub fn one(subjects: u64, special: u64, current_level: Option<Level>) -> OtherContracts {
        OtherContracts {
            contracts: vec![Contract {
                name: String::new(),
                customer: UNNAMED_CUSTOMER.to_string(),
                subjects,
                special,
                level: current_level,
            }],
        }
    }

    /// Their data subjects, in total.
    pub fn subjects(&self) -> u64 {
        self.contracts
            .iter()
            .fold(0u64, |t, c| t.saturating_add(c.subjects))
    }

    /// Their Special Category Data subjects, in total.
    pub fn special(&self) -> u64 {
        self.contracts
            .iter()
            .fold(0u64, |t, c| t.saturating_add(c.special))
    }

    /// The highest level set in any of them, if any is set.
    pub fn current_level(&self) -> Option<Level> {
        self.contracts.iter().filter_map(|c| c.level).max()
    }

    /// The contracts that hold the highest level set (the why-trace names them).
    pub fn holders(&self) -> Vec<&Contract> {
        let top = self.current_level();
        self.contracts
            .iter()
            .filter(|c| top.is_some() && c.level == top)
            .collect()
    }
}

impl DfAnswers {
    /// Data subjects across all Call-Off Contracts (¶1.2, ¶1.3), never fewer than the
    /// Special Category Data subjects (they are data subjects too).
    pub fn aggregate_subjects(&self) -> u64 {
        self.entered_subjects().max(self.aggregate_special())
    }

    /// Special Category Data subjects across all Call-Off Contracts.
    pub fn aggregate_special(&self) -> u64 {
        let other = self.other.as_ref().map_or(0, OtherContracts::special);
        self.special.saturating_add(other)
    }

    /// Data subjects as entered, across all contracts, before the special-category floor.
    pub fn entered_subjects(&self) -> u64 {
        let other = self.other.as_ref().map_or(0, OtherContracts::subjects);
        self.subjects.saturating_add(other)
    }
}

/// The highest protective marking of the data (2017 schedule, CIO policy).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Marking {
    /// OFFICIAL.
    Official,
    /// OFFICIAL-SENSITIVE.
    OfficialSensitive,
}

impl Marking {
    /// The value used in links: "official" or "official-sensitive".
    pub fn value(self) -> &'static str {
        match self {
            Marking::Official => "official",
            Marking::OfficialSensitive => "official-sensitive",
        }
    }

    /// The marking for a link value.
    pub fn from_value(v: &str) -> Option<Marking> {
        [Marking::Official, Marking::OfficialSensitive]
            .into_iter()
            .find(|m| m.value().eq_ignore_ascii_case(v))
    }
}

/// Answers for Schedule 2.4 *Security Management* (2017).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SmAnswers {
    /// The Effective Date, when known; it unlocks the dated plan.
    pub effective: Option<NaiveDate>,
    /// Staff will use their own computing facilities.
    pub own_devices: bool,
    /// The highest protective marking (asked only with own devices).
    pub marking: Option<Marking>,
    /// Access to large volumes of personal or protectively marked data (own devices only).
    pub bulk: Option<bool>,
    /// Long-term access to OFFICIAL-SENSITIVE data is needed (asked only with own devices
    /// and an OFFICIAL-SENSITIVE marking; CIO ¶4).
    pub long_term: Option<bool>,
}
