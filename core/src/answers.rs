//! The user's answers, as the rules take them.
use crate::catalogue::Path;
use crate::Level;
use chrono::NaiveDate;

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

/// The Supplier's other Call-Off Contracts under the same Framework (¶1.3).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OtherContracts {
    /// Their data subjects, in total.
    pub subjects: u64,
    /// Their Special Category Data subjects, in total.
    pub special: u64,
    /// The level currently applied to them, if any.
    pub current_level: Option<Level>,
}

impl DfAnswers {
    /// Data subjects across all Call-Off Contracts (¶1.2, ¶1.3), never fewer than the
    /// Special Category Data subjects (they are data subjects too).
    pub fn aggregate_subjects(&self) -> u64 {
        let other = self.other.as_ref().map_or(0, |o| o.subjects);
        self.subjects
            .saturating_add(other)
            .max(self.aggregate_special())
    }

    /// Special Category Data subjects across all Call-Off Contracts.
    pub fn aggregate_special(&self) -> u64 {
        let other = self.other.as_ref().map_or(0, |o| o.special);
        self.special.saturating_add(other)
    }

    /// Data subjects as entered, across all contracts, before the special-category floor.
    pub fn entered_subjects(&self) -> u64 {
        let other = self.other.as_ref().map_or(0, |o| o.subjects);
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
