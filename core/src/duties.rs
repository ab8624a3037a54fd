//! The obligations catalogue: every duty of DF Schedule 2.4 (*Information Security and
//! Assurance*) and of Schedule 2.4 (*Security Management*, 2017), with its paragraph
//! reference and the clause's own words, and the logic that selects the ones that apply.
//! The words are kept apart ([`words`]): with the `lazy-words` feature the program loads
//! them when it first needs them.
//!
//! Uses [`assessment`](crate::assessment) (the level, the schedule, the marking and the
//! route the facts are made of), the `deadline-grammar` crate and the ground floor.
//!
//! The data lives in `core/data/*.toml`. The data compiler (`core/datagen/`, which
//! `build.rs` runs) checks it and turns it into `static`
//! data (`$OUT_DIR/catalogue.rs`, included here), so no data file is parsed at run time
//! (deadline rules included: they are generated as typed [`DeadlineRule`]s); the
//! obligations are stored compactly there and decoded once, on first use. How the
//! paragraph references were rebuilt is set out in `docs/paragraph-references.md`.
//!
//! Obligations and events are named by the typed ids generated with them
//! ([`ObligationId`], [`EventId`], in `duties/ids.rs`): an id indexes its table, and the
//! data's id strings ("df-3-6-5") are read and written only where ids leave the program
//! (the save file, the page, the calendar file).
//!
//! The conditions an obligation depends on and the facts they are judged on are in
//! `duties/conditions.rs`; the 2017 own-device verdict in `duties/device.rs`.
use std::fmt;
use std::sync::OnceLock;

use crate::assessment::level::Level;
use deadline_grammar::{Anchor, DeadlineRule, Ids};

use crate::assessment::answers::Marking;
use crate::assessment::schedule::Schedule;

mod conditions;
mod device;
mod ids;
pub mod words;

pub use conditions::{Condition, Facts};
pub use device::{device_verdict, DeviceVerdict, DeviceVerdictKind, CIO_REFERENCE_PREFIX};
pub use ids::ObligationId;

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

    /// The clause's own words, whitespace collapsed and list numbering left out. Always
    /// there without the `lazy-words` feature; with it, `None` until [`words::install`]
    /// has been given them.
    pub fn text(&self) -> Option<&'static str> {
        words::get(self.id)
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

/// An obligation that applies, with the conditions still to be confirmed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Selected {
    /// The obligation.
    pub obligation: &'static Obligation,
    /// Its conditions whose facts are unknown, in the obligation's order; the UI says
    /// "Applies where you host Customer Data" ([`Condition::describe`]).
    pub open_conditions: Vec<Condition>,
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
/// U+001F, an empty note meaning none (`core/datagen/src/catalogue/codegen.rs`). The clauses' words
/// are in another text, which [`words`] reads.
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
