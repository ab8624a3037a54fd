//! The catalogue as generated from the data files: the types its statics are made of
//! ([`Obligation`], its [`Category`], [`Event`], [`NotAnObligation`], the own-device
//! [`DeviceVerdictKind`]), the typed ids that index its tables ([`ObligationId`] and the
//! generated [`EventId`], one variant per `[[event]]`), and the statics themselves
//! (`$OUT_DIR/catalogue.rs`, included here), the obligations decoded once, on first use.
//!
//! An id indexes its table; the data's id strings are only for where ids leave the
//! program: `as_str` and `Display` write them, `parse` reads them back (the save file, the
//! page, tests).
use std::fmt;
use std::sync::OnceLock;

use deadline_grammar::{Anchor, DeadlineRule, Ids};

use super::conditions::Condition;
use crate::assessment::level::Level;
use crate::assessment::schedule::Schedule;
use crate::id_map::Id;

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

    /// The subject's id in views and links (`view=subject-<key>`): `certification`,
    /// `governance`, `data-handling`, `standards`, `incidents`, `business-continuity`,
    /// `personnel`, `technical`, `audit`, `devices`.
    pub fn key(self) -> &'static str {
        match self {
            Category::Certification => "certification",
            Category::Governance => "governance",
            Category::DataHandling => "data-handling",
            Category::Standards => "standards",
            Category::IncidentsAndNotification => "incidents",
            Category::BusinessContinuity => "business-continuity",
            Category::Personnel => "personnel",
            Category::Technical => "technical",
            Category::Audit => "audit",
            Category::Devices => "devices",
        }
    }

    /// The category for a key from [`Category::key`].
    pub fn from_key(key: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.key() == key)
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

/// One duty of a schedule.
#[derive(Debug, PartialEq, Eq)]
pub struct Obligation {
    /// Its id, unique across both schedules; [`ObligationId::as_str`] gives the data's
    /// stable id ("df-3-5-1-b-ii").
    pub id: ObligationId,
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
    /// When it falls due: a rule of the deadline grammar, read when the crate is built;
    /// its `Display` gives the data file's text ("6 months after commencement",
    /// "10 working days after event:ismp-non-approval"). Its events are [`Event`]s of the
    /// same schedule.
    pub deadline: Option<&'static DeadlineRule<'static, EventId, ObligationId>>,
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
    /// Its id; deadlines cite its data id ([`EventId::as_str`]) as `event:<id>`.
    pub id: EventId,
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

/// An obligation's data other than its strings, as generated: its category, indexes
/// into `LEVEL_SETS` and `WHEN_SETS` (one byte each; no pointers, which compress badly)
/// and its deadline rule.
struct Codes {
    category: Category,
    levels: u8,
    when: u8,
    deadline: Option<DeadlineRule<'static, EventId, ObligationId>>,
}

include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));

/// Builds a schedule's obligations from its generated `codes` and `text`, numbered from
/// `first`: one record per obligation, its fields reference, title and note, each ended by
/// U+001F, an empty note meaning none (`core/datagen/src/catalogue/codegen.rs`). The
/// clauses' words are in another text, which `words.rs` reads.
fn decode(
    schedule: Schedule,
    first: usize,
    codes: &'static [Codes],
    text: &'static str,
) -> impl Iterator<Item = Obligation> {
    let mut fields = text.split('\u{1f}');
    let optional = |s: &'static str| Some(s).filter(|s| !s.is_empty());
    codes.iter().enumerate().map(move |(i, c)| {
        let mut next = || fields.next().unwrap_or_default();
        let reference = next();
        let title = next();
        let note = optional(next());
        Obligation {
            id: ObligationId::numbered(first + i),
            schedule,
            reference,
            title,
            category: c.category,
            levels: LEVEL_SETS.get(usize::from(c.levels)).map_or(&[], |s| s),
            when: WHEN_SETS.get(usize::from(c.when)).map_or(&[], |s| s),
            deadline: c.deadline.as_ref(),
            note,
        }
    })
}

/// Every obligation of both schedules, indexed by [`ObligationId`]: DF's, then 2017's.
fn all_obligations() -> &'static [Obligation] {
    static DECODED: OnceLock<Vec<Obligation>> = OnceLock::new();
    DECODED.get_or_init(|| {
        decode(
            Schedule::Df,
            DF_OBLIGATIONS.start,
            DF_OBLIGATION_CODES,
            DF_OBLIGATION_TEXT,
        )
        .chain(decode(
            Schedule::Sm2017,
            SM2017_OBLIGATIONS.start,
            SM2017_OBLIGATION_CODES,
            SM2017_OBLIGATION_TEXT,
        ))
        .collect()
    })
}

/// Every obligation of a schedule, in catalogue (schedule) order.
pub fn obligations(schedule: Schedule) -> &'static [Obligation] {
    let range = match schedule {
        Schedule::Df => DF_OBLIGATIONS,
        Schedule::Sm2017 => SM2017_OBLIGATIONS,
    };
    &all_obligations()[range]
}

/// The events a schedule's deadlines count from.
pub fn events(schedule: Schedule) -> &'static [Event] {
    let range = match schedule {
        Schedule::Df => DF_EVENTS,
        Schedule::Sm2017 => SM2017_EVENTS,
    };
    &EVENTS[range]
}

/// The "shall"/"must" sentences of a schedule judged not to be Supplier obligations.
pub fn not_obligations(schedule: Schedule) -> &'static [NotAnObligation] {
    match schedule {
        Schedule::Df => DF_NOT_AN_OBLIGATION,
        Schedule::Sm2017 => SM2017_NOT_AN_OBLIGATION,
    }
}

/// An obligation of either schedule: its position in the catalogue, the DF schedule's
/// obligations first, then the 2017 schedule's, each in schedule order. So ids order as
/// the catalogue does.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ObligationId(pub(super) u16);

impl ObligationId {
    /// The data's id, such as "df-3-6-5".
    pub fn as_str(self) -> &'static str {
        OBLIGATION_IDS[self.index()]
    }

    /// The id whose data id is `id` ("df-3-6-5"), if there is one.
    pub fn parse(id: &str) -> Option<ObligationId> {
        let i = OBLIGATION_IDS.iter().position(|&x| x == id)?;
        Some(ObligationId::numbered(i))
    }

    /// Every obligation's id, in catalogue order.
    pub fn all() -> impl Iterator<Item = ObligationId> {
        (0..OBLIGATION_COUNT).map(ObligationId::numbered)
    }

    /// The id numbered `index`, below the number of obligations.
    pub(super) fn numbered(index: usize) -> ObligationId {
        // (The data compiler's `catalogue/codegen.rs` makes sure every number fits.)
        ObligationId(index as u16)
    }

    /// The obligation.
    pub fn obligation(self) -> &'static Obligation {
        &all_obligations()[self.index()]
    }

    /// Its category, from the generated codes alone: code that needs no more of the
    /// obligation leaves the catalogue's text alone (the app's start needs none of it).
    pub fn category(self) -> Category {
        let i = self.index();
        if DF_OBLIGATIONS.contains(&i) {
            DF_OBLIGATION_CODES[i - DF_OBLIGATIONS.start].category
        } else {
            SM2017_OBLIGATION_CODES[i - SM2017_OBLIGATIONS.start].category
        }
    }
}

impl Id for ObligationId {
    fn index(self) -> usize {
        usize::from(self.0)
    }
}

impl fmt::Display for ObligationId {
    /// The data's id.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for ObligationId {
    /// `ObligationId("df-3-6-5")`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("ObligationId").field(&self.as_str()).finish()
    }
}

impl EventId {
    /// The data's id, such as "ismp-non-approval".
    pub fn as_str(self) -> &'static str {
        EVENT_IDS[self.index()]
    }

    /// The event whose data id is `id` ("ismp-non-approval"), if there is one.
    pub fn parse(id: &str) -> Option<EventId> {
        EventId::ALL.into_iter().find(|e| e.as_str() == id)
    }

    /// The event.
    pub fn event(self) -> &'static Event {
        &EVENTS[self.index()]
    }
}

impl Id for EventId {
    fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for EventId {
    /// The data's id.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
