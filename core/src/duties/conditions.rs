//! The conditions an obligation can depend on (the data files' `when`), and the facts
//! they are judged on.
use std::fmt;

use crate::assessment::answers::{Marking, Path};
use crate::assessment::level::Level;
use crate::assessment::schedule::Schedule;

/// A condition on an obligation (the data files' `when`); all must hold for it to apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Condition {
    /// The Supplier has access to Customer (MoJ) systems.
    Access,
    /// The Supplier uses only its own systems (no access to Customer systems).
    NoAccess,
    /// The Supplier hosts Customer Data.
    Hosting,
    /// Special Category Data is processed.
    SpecialCategory,
    /// S3–S6 accreditation route (a): another UK Government security accreditation scheme.
    PathA,
    /// S3–S6 accreditation route (b): the list of certifications and measures.
    PathB,
    /// The Supplier holds other Call-Off Contracts.
    OtherContracts,
    /// A further award changes the security level of incumbent Call-Off Contracts.
    LevelChange,
    /// Contractors use their own computing facilities (2017 CIO Policy Statement).
    OwnDevices,
    /// Contractors do not use their own computing facilities.
    NoOwnDevices,
    /// The data is marked OFFICIAL (not OFFICIAL-SENSITIVE).
    Official,
    /// The data warrants an OFFICIAL-SENSITIVE marking.
    OfficialSensitive,
    /// Access to large volumes of personal or protectively marked data is needed.
    Bulk,
    /// No access to large volumes of personal or protectively marked data is needed.
    NoBulk,
}

impl Condition {
    /// The whole vocabulary.
    pub const ALL: [Condition; 14] = [
        Condition::Access,
        Condition::NoAccess,
        Condition::Hosting,
        Condition::SpecialCategory,
        Condition::PathA,
        Condition::PathB,
        Condition::OtherContracts,
        Condition::LevelChange,
        Condition::OwnDevices,
        Condition::NoOwnDevices,
        Condition::Official,
        Condition::OfficialSensitive,
        Condition::Bulk,
        Condition::NoBulk,
    ];

    /// The id used in the data files' `when` ("no-access").
    pub fn id(self) -> &'static str {
        match self {
            Condition::Access => "access",
            Condition::NoAccess => "no-access",
            Condition::Hosting => "hosting",
            Condition::SpecialCategory => "special-category",
            Condition::PathA => "path-a",
            Condition::PathB => "path-b",
            Condition::OtherContracts => "other-contracts",
            Condition::LevelChange => "level-change",
            Condition::OwnDevices => "own-devices",
            Condition::NoOwnDevices => "no-own-devices",
            Condition::Official => "official",
            Condition::OfficialSensitive => "official-sensitive",
            Condition::Bulk => "bulk",
            Condition::NoBulk => "no-bulk",
        }
    }

    /// The condition for an id from [`Condition::id`].
    pub fn from_id(id: &str) -> Option<Condition> {
        Condition::ALL.into_iter().find(|c| c.id() == id)
    }

    /// Plain English for an obligation that depends on this condition: "Applies where …".
    pub fn describe(self) -> &'static str {
        match self {
            Condition::Access => "Applies where you have access to Customer (MoJ) systems",
            Condition::NoAccess => {
                "Applies where you use only your own systems, without access to Customer (MoJ) systems"
            }
            Condition::Hosting => "Applies where you host Customer Data",
            Condition::SpecialCategory => "Applies where there is Special Category Data",
            Condition::PathA => {
                "Applies if you take route (a): certification under another UK Government security accreditation scheme"
            }
            Condition::PathB => {
                "Applies if you take route (b): the listed certifications and measures, in the absence of another UK Government accreditation"
            }
            Condition::OtherContracts => "Applies where you hold other Call-Off Contracts",
            Condition::LevelChange => {
                "Applies where a new award changes the security level of your existing Call-Off Contracts"
            }
            Condition::OwnDevices => "Applies where you use your own computers",
            Condition::NoOwnDevices => "Applies where you do not use your own computers",
            Condition::Official => "Applies where the data is marked OFFICIAL",
            Condition::OfficialSensitive => {
                "Applies where the data warrants an OFFICIAL-SENSITIVE marking"
            }
            Condition::Bulk => {
                "Applies where you need access to large volumes of personal or protectively marked data"
            }
            Condition::NoBulk => {
                "Applies where you do not need access to large volumes of personal or protectively marked data"
            }
        }
    }

    /// Whether the condition holds for `facts`: `None` when the fact it depends on is
    /// unknown.
    pub fn holds(self, facts: &Facts) -> Option<bool> {
        match self {
            Condition::Access => Some(facts.access),
            Condition::NoAccess => Some(!facts.access),
            Condition::Hosting => facts.hosting,
            Condition::SpecialCategory => Some(facts.special_category),
            Condition::PathA => facts.path.map(|p| p == Path::A),
            Condition::PathB => facts.path.map(|p| p == Path::B),
            Condition::OtherContracts => Some(facts.other_contracts),
            Condition::LevelChange => facts.level_change,
            Condition::OwnDevices => facts.own_devices,
            Condition::NoOwnDevices => facts.own_devices.map(|own| !own),
            Condition::Official => facts.marking.map(|m| m == Marking::Official),
            Condition::OfficialSensitive => facts.marking.map(|m| m == Marking::OfficialSensitive),
            Condition::Bulk => facts.bulk,
            Condition::NoBulk => facts.bulk.map(|bulk| !bulk),
        }
    }
}

impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// What the bidder has told us. Unknown facts are `None`: they never exclude an
/// obligation, but are reported as open conditions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Facts {
    /// The schedule in the contract.
    pub schedule: Schedule,
    /// DF: the security level, if known. Unknown: only obligations of every level are
    /// selected.
    pub level: Option<Level>,
    /// Access to Customer (MoJ) systems.
    pub access: bool,
    /// Special Category Data is processed.
    pub special_category: bool,
    /// The Supplier hosts Customer Data, if known.
    pub hosting: Option<bool>,
    /// The accreditation route at S3–S6, if chosen.
    pub path: Option<Path>,
    /// The Supplier holds other Call-Off Contracts.
    pub other_contracts: bool,
    /// A further award changes the level of incumbent Call-Off Contracts; `None` when
    /// that cannot be told (no level has been set for them).
    pub level_change: Option<bool>,
    /// 2017: contractors use their own computing facilities, if known.
    pub own_devices: Option<bool>,
    /// 2017: the data's marking, if known.
    pub marking: Option<Marking>,
    /// 2017: access to large volumes of personal or protectively marked data, if known.
    pub bulk: Option<bool>,
}

impl Default for Facts {
    /// Nothing known but the DF schedule: no other contracts (so no level change), and
    /// every other fact unknown or false.
    fn default() -> Facts {
        Facts {
            schedule: Schedule::default(),
            level: None,
            access: false,
            special_category: false,
            hosting: None,
            path: None,
            other_contracts: false,
            level_change: Some(false),
            own_devices: None,
            marking: None,
            bulk: None,
        }
    }
}
