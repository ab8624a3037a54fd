//! The obligations catalogue: every duty of DF Schedule 2.4 (*Information Security and
//! Assurance*) and of Schedule 2.4 (*Security Management*, 2017), with its paragraph
//! reference and the clause's own words, and the logic that selects the ones that apply.
//!
//! The data lives in `core/data/*.toml`. `build.rs` checks it and turns it into `static`
//! data (`$OUT_DIR/catalogue.rs`, included here), so no data file is parsed at run time;
//! the obligations are stored compactly there and decoded once, on first use. How the
//! paragraph references were rebuilt is set out in `docs/paragraph-references.md`.
use std::fmt;
use std::sync::OnceLock;

use crate::level::Level;

pub use crate::answers::Marking;
pub use crate::schedule::Schedule;

/// What an obligation is about; used to group the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    /// Certificates and accreditations (Cyber Essentials, ISO/IEC 27001, ITHC…).
    Certification,
    /// Plans, policies, approvals, change control and the supply chain.
    Governance,
    /// Where and how Customer or Authority data may be held, sent and processed.
    DataHandling,
    /// Compliance with Schedule 2.3 Standards, guidance and the customer's policies.
    Standards,
    /// Security events, breaches and the notices they require.
    IncidentsAndNotification,
    /// Backups, archives and restore tests.
    BusinessContinuity,
    /// Staff vetting, clearances, awareness and training.
    Personnel,
    /// Technical security controls.
    Technical,
    /// Audit rights, evidence, monitoring and audit records.
    Audit,
    /// Laptops, removable media and the use of one's own computers.
    Devices,
}

impl Category {
    /// All categories, in the order used for grouping.
    pub const ALL: [Category; 10] = [
        Category::Certification,
        Category::Governance,
        Category::DataHandling,
        Category::Standards,
        Category::IncidentsAndNotification,
        Category::BusinessContinuity,
        Category::Personnel,
        Category::Technical,
        Category::Audit,
        Category::Devices,
    ];

    /// The display name, as used in the data files ("Data handling").
    pub fn name(self) -> &'static str {
        match self {
            Category::Certification => "Certification",
            Category::Governance => "Governance",
            Category::DataHandling => "Data handling",
            Category::Standards => "Standards",
            Category::IncidentsAndNotification => "Incidents and notification",
            Category::BusinessContinuity => "Business continuity",
            Category::Personnel => "Personnel",
            Category::Technical => "Technical",
            Category::Audit => "Audit",
            Category::Devices => "Devices",
        }
    }

    /// Position in [`Category::ALL`] (0 first), for sorting groups.
    pub fn order(self) -> u8 {
        self as u8
    }

    /// The category for a display name from [`Category::name`].
    pub fn from_name(name: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.name() == name)
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

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

    /// Plain English for an obligation that depends on this condition: "applies where …".
    pub fn describe(self) -> &'static str {
        match self {
            Condition::Access => "applies where you have access to Customer (MoJ) systems",
            Condition::NoAccess => {
                "applies where you use only your own systems, without access to Customer (MoJ) systems"
            }
            Condition::Hosting => "applies where you host Customer Data",
            Condition::SpecialCategory => "applies where there is Special Category Data",
            Condition::PathA => {
                "applies if you take route (a): certification under another UK Government security accreditation scheme"
            }
            Condition::PathB => {
                "applies if you take route (b): the listed certifications and measures, in the absence of another UK Government accreditation"
            }
            Condition::OtherContracts => "applies where you hold other Call-Off Contracts",
            Condition::LevelChange => {
                "applies where a new award changes the security level of your existing Call-Off Contracts"
            }
            Condition::OwnDevices => "applies where you use your own computers",
            Condition::NoOwnDevices => "applies where you do not use your own computers",
            Condition::Official => "applies where the data is marked OFFICIAL",
            Condition::OfficialSensitive => {
                "applies where the data warrants an OFFICIAL-SENSITIVE marking"
            }
            Condition::Bulk => {
                "applies where you need access to large volumes of personal or protectively marked data"
            }
            Condition::NoBulk => {
                "applies where you do not need access to large volumes of personal or protectively marked data"
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

/// One duty of a schedule.
#[derive(Debug, PartialEq, Eq)]
pub struct Obligation {
    /// Stable id, unique across both schedules ("df-3-5-1-b-ii").
    pub id: &'static str,
    /// The schedule it comes from.
    pub schedule: Schedule,
    /// The paragraph as it would be cited ("3.5.1(b)(ii)", "Annex 1, ¶5",
    /// "3.6, Business Continuity, 2nd paragraph").
    pub reference: &'static str,
    /// What it requires, in plain English.
    pub title: &'static str,
    /// What it is about.
    pub category: Category,
    /// DF: the security levels it applies at. Empty for the 2017 schedule, which has no
    /// levels.
    pub levels: &'static [Level],
    /// Conditions that must all hold for it to apply (empty: always).
    pub when: &'static [Condition],
    /// When it falls due, in the deadline grammar ("6 months after commencement",
    /// "10 working days after event:ismp-non-approval"); `event:` ids name an [`Event`] of
    /// the same schedule.
    pub deadline: Option<&'static str>,
    /// The clause's own words, whitespace collapsed and list numbering left out.
    pub text: &'static str,
    /// A drafting problem in the clause, in plain words, and the reading applied.
    pub note: Option<&'static str>,
}

impl Obligation {
    /// Whether it applies at `level` (always false for the 2017 schedule).
    pub fn applies_at(&self, level: Level) -> bool {
        self.levels.contains(&level)
    }

    /// Whether it applies at every DF security level.
    pub fn every_level(&self) -> bool {
        Level::ALL.iter().all(|l| self.levels.contains(l))
    }
}

/// An event that event-anchored deadlines count from.
#[derive(Debug, PartialEq, Eq)]
pub struct Event {
    /// The id that deadlines cite as `event:<id>`.
    pub id: &'static str,
    /// What the event is, in plain English, e.g. "the date you receive the Customer's
    /// notice that the plan is not approved".
    pub label: &'static str,
}

/// A "shall" or "must" sentence of a schedule that is deliberately not in the catalogue,
/// with the reason (e.g. it binds the Customer, not the Supplier).
#[derive(Debug, PartialEq, Eq)]
pub struct NotAnObligation {
    /// The start of the sentence, in the schedule's words.
    pub start: &'static str,
    /// Why it is not a Supplier obligation.
    pub reason: &'static str,
}

/// The accreditation route at S3–S6 (¶3.3.1–3.6.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Path {
    /// (a): certified under another UK Government security accreditation scheme.
    A,
    /// (b): in the absence of such an accreditation, the listed certifications and measures.
    B,
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

/// An obligation that applies, with the conditions still to be confirmed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Selected {
    /// The obligation.
    pub obligation: &'static Obligation,
    /// Its conditions whose facts are unknown, in the obligation's order; the UI says
    /// "applies where you host Customer Data" ([`Condition::describe`]).
    pub open_conditions: Vec<Condition>,
}

/// An obligation's data other than its strings, as generated: its category and indexes
/// into `LEVEL_SETS` and `WHEN_SETS` (one byte each; no pointers, which compress badly).
struct Codes {
    category: Category,
    levels: u8,
    when: u8,
}

include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));

/// Builds a schedule's obligations from its generated `codes` and `text`: one record per
/// obligation, its fields id, reference, title, deadline, text and note, each ended by
/// U+001F, an empty optional field meaning none (`build/catalogue.rs`).
fn decode(schedule: Schedule, codes: &[Codes], text: &'static str) -> Vec<Obligation> {
    let mut fields = text.split('\u{1f}');
    let mut next = || fields.next().unwrap_or_default();
    let optional = |s: &'static str| Some(s).filter(|s| !s.is_empty());
    codes
        .iter()
        .map(|c| {
            let id = next();
            let reference = next();
            let title = next();
            let deadline = optional(next());
            let text = next();
            let note = optional(next());
            Obligation {
                id,
                schedule,
                reference,
                title,
                category: c.category,
                levels: LEVEL_SETS.get(usize::from(c.levels)).map_or(&[], |s| s),
                when: WHEN_SETS.get(usize::from(c.when)).map_or(&[], |s| s),
                deadline,
                text,
                note,
            }
        })
        .collect()
}

/// Every obligation of a schedule, in catalogue (schedule) order.
pub fn obligations(schedule: Schedule) -> &'static [Obligation] {
    static DECODED: OnceLock<[Vec<Obligation>; 2]> = OnceLock::new();
    let [df, sm2017] = DECODED.get_or_init(|| {
        [
            decode(Schedule::Df, DF_OBLIGATION_CODES, DF_OBLIGATION_TEXT),
            decode(
                Schedule::Sm2017,
                SM2017_OBLIGATION_CODES,
                SM2017_OBLIGATION_TEXT,
            ),
        ]
    });
    match schedule {
        Schedule::Df => df,
        Schedule::Sm2017 => sm2017,
    }
}

/// The events a schedule's deadlines count from.
pub fn events(schedule: Schedule) -> &'static [Event] {
    match schedule {
        Schedule::Df => DF_EVENTS,
        Schedule::Sm2017 => SM2017_EVENTS,
    }
}

/// The "shall"/"must" sentences of a schedule judged not to be Supplier obligations.
pub fn not_obligations(schedule: Schedule) -> &'static [NotAnObligation] {
    match schedule {
        Schedule::Df => DF_NOT_AN_OBLIGATION,
        Schedule::Sm2017 => SM2017_NOT_AN_OBLIGATION,
    }
}

/// The obligation with this id, in either schedule.
pub fn find(id: &str) -> Option<&'static Obligation> {
    Schedule::ALL
        .into_iter()
        .flat_map(obligations)
        .find(|o| o.id == id)
}

/// The event with this id in a schedule.
pub fn find_event(schedule: Schedule, id: &str) -> Option<&'static Event> {
    events(schedule).iter().find(|e| e.id == id)
}

/// The obligations of `facts.schedule` that apply, in catalogue order.
///
/// DF obligations must apply at `facts.level` (with no level, only those of every level
/// are selected). A condition whose fact is known and false excludes the obligation; one
/// whose fact is unknown is listed in [`Selected::open_conditions`].
pub fn select(facts: &Facts) -> Vec<Selected> {
    obligations(facts.schedule)
        .iter()
        .filter(|o| match (o.schedule, facts.level) {
            (Schedule::Sm2017, _) => true,
            (Schedule::Df, Some(level)) => o.applies_at(level),
            (Schedule::Df, None) => o.every_level(),
        })
        .filter_map(|o| {
            let mut open = Vec::new();
            for &c in o.when {
                match c.holds(facts) {
                    Some(true) => {}
                    Some(false) => return None,
                    None => open.push(c),
                }
            }
            Some(Selected {
                obligation: o,
                open_conditions: open,
            })
        })
        .collect()
}

/// The start of every CIO Policy Statement reference ("Annex 1 Appendix (CIO), ¶3").
pub const CIO_REFERENCE_PREFIX: &str = "Annex 1 Appendix (CIO), ¶";

/// The answer to "may we use our own computers?" under the 2017 CIO Policy Statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DeviceVerdictKind {
    /// Own computing facilities are not used; only the Statement's general rules apply.
    NotUsingOwnDevices,
    /// Own computing facilities may be used if the listed conditions are in place.
    MayUseOwnWithConditions,
    /// Access to large volumes of personal or protectively marked data: only MoJ
    /// computing facilities may be used (CIO ¶10, ¶2).
    MustUseMojFacilities,
    /// Long-term access to OFFICIAL-SENSITIVE data: MoJ computing facilities must be
    /// provided (CIO ¶4).
    MustUseMojFacilitiesLongTerm,
}

/// The own-device verdict: a headline, an explanation and the CIO paragraphs that apply.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeviceVerdict {
    /// Which verdict.
    pub kind: DeviceVerdictKind,
    /// One sentence, e.g. "You must use MoJ computing facilities".
    pub headline: &'static str,
    /// Why, in a sentence or two.
    pub explanation: &'static str,
    /// The CIO Policy Statement obligations that apply in this case, in catalogue order.
    pub conditions: Vec<&'static Obligation>,
}

/// The CIO own-device verdict for the 2017 schedule.
///
/// Bulk access to personal or protectively marked data means MoJ facilities only (CIO
/// ¶10 and ¶2), and so does long-term access to OFFICIAL-SENSITIVE data (¶4: "If long term
/// access to OFFICIAL SENSITIVE data is required MoJ computing facilities must be
/// provided"); otherwise own computers may be used on the Statement's conditions, which
/// for OFFICIAL-SENSITIVE data include CAPS encryption (¶4). `long_term` counts only with
/// an OFFICIAL-SENSITIVE marking.
pub fn device_verdict(
    own_devices: bool,
    marking: Marking,
    bulk: bool,
    long_term: bool,
) -> DeviceVerdict {
    let kind = if !own_devices {
        DeviceVerdictKind::NotUsingOwnDevices
    } else if bulk {
        DeviceVerdictKind::MustUseMojFacilities
    } else if long_term && marking == Marking::OfficialSensitive {
        DeviceVerdictKind::MustUseMojFacilitiesLongTerm
    } else {
        DeviceVerdictKind::MayUseOwnWithConditions
    };
    let (_, headline, explanation) = DEVICE_VERDICT_TEXT
        .iter()
        .find(|(k, _, _)| *k == kind)
        .copied()
        .expect("build.rs requires every verdict kind in the data");
    let facts = Facts {
        schedule: Schedule::Sm2017,
        own_devices: Some(own_devices),
        marking: Some(marking),
        bulk: Some(bulk),
        ..Facts::default()
    };
    let conditions = select(&facts)
        .into_iter()
        .map(|s| s.obligation)
        .filter(|o| o.reference.starts_with(CIO_REFERENCE_PREFIX))
        .collect();
    DeviceVerdict {
        kind,
        headline,
        explanation,
        conditions,
    }
}
