//! The deadline rule language of the obligation data files: its grammar, the typed
//! rule it reads into, and the canonical text the rule writes back.
//!
//! # Grammar
//!
//! ```text
//! rule   := "before processing"
//!         | N " working days after " anchor
//!         | N " weeks before " anchor
//!         | N " months after " anchor
//!         | N " months after " anchor ", then annually"
//!         | "annually after " anchor
//!         | "every contract year"
//!         | "every 24 hours"
//!         | "quarterly"
//!         | "within 24 hours of " anchor
//!         | N " days before each deadline of " ID ("," " " ID)*
//! anchor := "commencement"      (the Call-Off Commencement Date)
//!         | "effective date"    (the Effective Date of the 2017 schedule)
//!         | "event:" NAME       (NAME = [a-z0-9-]+)
//!         | "deadline:" ID      (the due date of obligation ID)
//! ```
//!
//! `N` is a positive decimal integer without leading zeros, at most [`MAX_COUNT`] (the
//! cap keeps evaluation bounded). `ID` is an obligation id (`[a-z0-9-]+`); the ids of one
//! "days before each deadline of" rule are distinct. Words are separated by single
//! spaces and the rule has no surrounding whitespace.
//!
//! The two forms that name an obligation let one duty follow another's deadline without
//! repeating its rule: `annually after deadline:df-3-6-5` (the ISMP review, a year after
//! the plan's own deadline and then yearly) and `1 days before each deadline of
//! df-3-6-1-b-ii, df-3-6-1-b-iv` (the certificate copies, strictly before each deadline
//! they serve). The data compiler (`core/datagen/`, `catalogue/deadlines.rs`) checks that each
//! named obligation is in the same file and has a deadline that names no other obligation
//! (so that one level of look-up always suffices), and that a `deadline:` anchor names a
//! deadline that falls once (so that it has one date).
//!
//! [`DeadlineRule::parse`] reads a rule and its [`Display`](fmt::Display) writes the
//! canonical string back, so `parse(&rule.to_string()) == Ok(rule)`.
//!
//! # Names and ids: text or typed
//!
//! A rule is generic over what names its events (`E`) and obligations (`O`). Read from
//! a text, both are the `&str`s of the text (`DeadlineRule<'a>`, the defaults). The
//! catalogue's rules name them by the typed ids generated from the data files
//! (`DeadlineRule<'static, EventId, ObligationId>`), so that evaluating a rule looks
//! nothing up by name; [`DeadlineRule::map_ids`] turns one kind into the other.
//!
//! # Shared by the data compiler and the core
//!
//! This crate uses nothing but `std`. The data compiler (`core/datagen/`) depends on
//! it to parse every rule of the data files with [`DeadlineRule::parse`], check what it
//! names, and write it into the generated statics as a typed value (its ids as the
//! generated `EventId` and `ObligationId`; see [`Ids`] for the one list, borrowed from the
//! statics, hence the lifetime). The catalogue therefore holds rules, not rule texts, and
//! nothing parses a rule at run time: the WebAssembly bundle links no parser (`parse` is
//! kept for the data compiler and the tests). The core adds what needs its dates and its
//! catalogue: a rule's due dates and its plain-English description (`dates::deadline`).
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod parse;

pub use parse::DeadlineParseError;

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;

/// The largest `N` a rule may contain.
pub const MAX_COUNT: u32 = 10_000;

/// The date a deadline counts from; `E` names events and `O` obligations (see the module
/// documentation).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Anchor<E, O> {
    /// `commencement`: the Call-Off Commencement Date (DF schedules).
    Commencement,
    /// `effective date`: the Effective Date (2017 schedule).
    EffectiveDate,
    /// `event:NAME`: the date of a named event, such as `ismp-non-approval`. The name
    /// must match `[a-z0-9-]+` for the rule to be written and read back.
    Event(E),
    /// `deadline:ID`: the (first) due date of obligation `ID`, from
    /// the core's `Anchors::deadlines`.
    Deadline(O),
}

impl<E: fmt::Display, O: fmt::Display> fmt::Display for Anchor<E, O> {
    /// The canonical form: `commencement`, `effective date`, `event:NAME` or
    /// `deadline:ID`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Anchor::Commencement => f.write_str("commencement"),
            Anchor::EffectiveDate => f.write_str("effective date"),
            Anchor::Event(name) => write!(f, "event:{name}"),
            Anchor::Deadline(id) => write!(f, "deadline:{id}"),
        }
    }
}

impl<E, O> Anchor<E, O> {
    /// The same anchor with its event or obligation mapped; `None` if it does not map.
    fn map_ids<E2, O2>(
        &self,
        event: &mut impl FnMut(&E) -> Option<E2>,
        obligation: &mut impl FnMut(&O) -> Option<O2>,
    ) -> Option<Anchor<E2, O2>> {
        Some(match self {
            Anchor::Commencement => Anchor::Commencement,
            Anchor::EffectiveDate => Anchor::EffectiveDate,
            Anchor::Event(e) => Anchor::Event(event(e)?),
            Anchor::Deadline(o) => Anchor::Deadline(obligation(o)?),
        })
    }
}

/// A deadline rule, one form of the grammar in the module documentation.
///
/// `E` names events and `O` obligations: the `&'a str`s of the text parsed, or, for the
/// catalogue's rules, the generated typed ids (the one list, [`Ids`], is then borrowed
/// from the generated statics: `DeadlineRule<'static, EventId, ObligationId>`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DeadlineRule<'a, E = &'a str, O = &'a str> {
    /// `before processing`: no later than the day before the Supplier first processes
    /// Customer Data.
    BeforeProcessing,
    /// `N working days after ANCHOR`.
    WorkingDaysAfter {
        /// The number of Working Days, 1 to [`MAX_COUNT`].
        days: u32,
        /// The date counted from.
        anchor: Anchor<E, O>,
    },
    /// `N weeks before ANCHOR`.
    WeeksBefore {
        /// The number of weeks, 1 to [`MAX_COUNT`].
        weeks: u32,
        /// The date counted back from.
        anchor: Anchor<E, O>,
    },
    /// `N months after ANCHOR`.
    MonthsAfter {
        /// The number of calendar months, 1 to [`MAX_COUNT`].
        months: u32,
        /// The date counted from.
        anchor: Anchor<E, O>,
    },
    /// `N months after ANCHOR, then annually`.
    MonthsAfterThenAnnually {
        /// The number of calendar months to the first due date, 1 to [`MAX_COUNT`].
        months: u32,
        /// The date counted from.
        anchor: Anchor<E, O>,
    },
    /// `annually after ANCHOR`: every 12 months after the anchor.
    AnnuallyAfter {
        /// The date counted from.
        anchor: Anchor<E, O>,
    },
    /// `every contract year`: once in each Call-Off Contract Year.
    EveryContractYear,
    /// `every 24 hours`: a standing duty with no calendar dates.
    Every24Hours,
    /// `quarterly`: once in each quarter of the term, by the quarter's last day.
    Quarterly,
    /// `within 24 hours of ANCHOR`.
    Within24HoursOf {
        /// The date counted from (usually an event such as becoming aware of something).
        anchor: Anchor<E, O>,
    },
    /// `N days before each deadline of ID, ID…`: `N` calendar days before every due date
    /// of each named obligation.
    DaysBeforeDeadlines {
        /// The number of calendar days, 1 to [`MAX_COUNT`].
        days: u32,
        /// The obligations whose deadlines it serves, at least one, distinct, in the
        /// order written.
        of: Ids<'a, O>,
    },
}

/// The obligations of a "days before each deadline of" rule: a slice, borrowed by the
/// generated statics, or a list built by [`DeadlineRule::parse`] or
/// [`DeadlineRule::map_ids`]; compared by content.
///
/// Like a `Cow<'a, [O]>`, but covariant in `'a`, so that a catalogue rule
/// (`DeadlineRule<'static, …>`) compares with, and stands in for, one built locally.
#[derive(Clone)]
pub enum Ids<'a, O> {
    /// A literal slice, as the generated statics write it.
    Borrowed(&'a [O]),
    /// A list read from a rule's text, or mapped from another.
    Listed(Vec<O>),
}

impl<O> Deref for Ids<'_, O> {
    type Target = [O];

    fn deref(&self) -> &[O] {
        match self {
            Ids::Borrowed(ids) => ids,
            Ids::Listed(ids) => ids,
        }
    }
}

impl<O> From<Vec<O>> for Ids<'_, O> {
    fn from(ids: Vec<O>) -> Self {
        Ids::Listed(ids)
    }
}

impl<O: fmt::Debug> fmt::Debug for Ids<'_, O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<O: PartialEq> PartialEq for Ids<'_, O> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl<O: Eq> Eq for Ids<'_, O> {}

impl<O: PartialOrd> PartialOrd for Ids<'_, O> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        (**self).partial_cmp(&**other)
    }
}

impl<O: Ord> Ord for Ids<'_, O> {
    fn cmp(&self, other: &Self) -> Ordering {
        (**self).cmp(&**other)
    }
}

impl<O: Hash> Hash for Ids<'_, O> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (**self).hash(state);
    }
}

impl<'a, E: Copy, O: Copy> DeadlineRule<'a, E, O> {
    /// The anchor the rule counts from, if it names one.
    pub fn anchor(&self) -> Option<&Anchor<E, O>> {
        match self {
            DeadlineRule::WorkingDaysAfter { anchor, .. }
            | DeadlineRule::WeeksBefore { anchor, .. }
            | DeadlineRule::MonthsAfter { anchor, .. }
            | DeadlineRule::MonthsAfterThenAnnually { anchor, .. }
            | DeadlineRule::AnnuallyAfter { anchor }
            | DeadlineRule::Within24HoursOf { anchor } => Some(anchor),
            DeadlineRule::BeforeProcessing
            | DeadlineRule::EveryContractYear
            | DeadlineRule::Every24Hours
            | DeadlineRule::Quarterly
            | DeadlineRule::DaysBeforeDeadlines { .. } => None,
        }
    }

    /// The event (its name, without `event:`, in a text rule) for rules anchored on one.
    pub fn event(&self) -> Option<E> {
        match *self.anchor()? {
            Anchor::Event(name) => Some(name),
            Anchor::Commencement | Anchor::EffectiveDate | Anchor::Deadline(_) => None,
        }
    }

    /// The obligations whose deadlines the rule follows (`deadline:ID`, "days before each
    /// deadline of"), in the order written; their due dates go in
    /// the core's `Anchors::deadlines`.
    pub fn deadline_ids(&self) -> Vec<O> {
        match self {
            DeadlineRule::DaysBeforeDeadlines { of, .. } => of.to_vec(),
            _ => match self.anchor() {
                Some(Anchor::Deadline(id)) => vec![*id],
                _ => Vec::new(),
            },
        }
    }
}

impl<'a, E, O> DeadlineRule<'a, E, O> {
    /// Whether the duty comes round again (yearly, quarterly, every contract year or
    /// every 24 hours) rather than falling due once. A "days before each deadline of"
    /// rule is not counted: it comes round when the deadlines it follows do, which only
    /// their own rules tell (`build_plan` looks them up).
    pub fn is_recurring(&self) -> bool {
        matches!(
            self,
            DeadlineRule::MonthsAfterThenAnnually { .. }
                | DeadlineRule::AnnuallyAfter { .. }
                | DeadlineRule::EveryContractYear
                | DeadlineRule::Every24Hours
                | DeadlineRule::Quarterly
        )
    }

    /// The same rule with its events and obligations named another way: `event` and
    /// `obligation` map each name or id (from a text rule's names to the typed ids, for
    /// instance); `None` if one of them does not map.
    pub fn map_ids<'b, E2, O2>(
        &self,
        mut event: impl FnMut(&E) -> Option<E2>,
        mut obligation: impl FnMut(&O) -> Option<O2>,
    ) -> Option<DeadlineRule<'b, E2, O2>> {
        let mut anchor = |a: &Anchor<E, O>| a.map_ids(&mut event, &mut obligation);
        Some(match self {
            DeadlineRule::BeforeProcessing => DeadlineRule::BeforeProcessing,
            DeadlineRule::WorkingDaysAfter { days, anchor: a } => DeadlineRule::WorkingDaysAfter {
                days: *days,
                anchor: anchor(a)?,
            },
            DeadlineRule::WeeksBefore { weeks, anchor: a } => DeadlineRule::WeeksBefore {
                weeks: *weeks,
                anchor: anchor(a)?,
            },
            DeadlineRule::MonthsAfter { months, anchor: a } => DeadlineRule::MonthsAfter {
                months: *months,
                anchor: anchor(a)?,
            },
            DeadlineRule::MonthsAfterThenAnnually { months, anchor: a } => {
                DeadlineRule::MonthsAfterThenAnnually {
                    months: *months,
                    anchor: anchor(a)?,
                }
            }
            DeadlineRule::AnnuallyAfter { anchor: a } => {
                DeadlineRule::AnnuallyAfter { anchor: anchor(a)? }
            }
            DeadlineRule::EveryContractYear => DeadlineRule::EveryContractYear,
            DeadlineRule::Every24Hours => DeadlineRule::Every24Hours,
            DeadlineRule::Quarterly => DeadlineRule::Quarterly,
            DeadlineRule::Within24HoursOf { anchor: a } => {
                DeadlineRule::Within24HoursOf { anchor: anchor(a)? }
            }
            DeadlineRule::DaysBeforeDeadlines { days, of } => DeadlineRule::DaysBeforeDeadlines {
                days: *days,
                of: Ids::Listed(of.iter().map(&mut obligation).collect::<Option<_>>()?),
            },
        })
    }
}

impl<E: fmt::Display, O: fmt::Display> fmt::Display for DeadlineRule<'_, E, O> {
    /// The canonical rule string, which [`DeadlineRule::parse`] reads back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DeadlineRule::BeforeProcessing => f.write_str("before processing"),
            DeadlineRule::WorkingDaysAfter { days, anchor } => {
                write!(f, "{days} working days after {anchor}")
            }
            DeadlineRule::WeeksBefore { weeks, anchor } => {
                write!(f, "{weeks} weeks before {anchor}")
            }
            DeadlineRule::MonthsAfter { months, anchor } => {
                write!(f, "{months} months after {anchor}")
            }
            DeadlineRule::MonthsAfterThenAnnually { months, anchor } => {
                write!(f, "{months} months after {anchor}, then annually")
            }
            DeadlineRule::AnnuallyAfter { anchor } => write!(f, "annually after {anchor}"),
            DeadlineRule::EveryContractYear => f.write_str("every contract year"),
            DeadlineRule::Every24Hours => f.write_str("every 24 hours"),
            DeadlineRule::Quarterly => f.write_str("quarterly"),
            DeadlineRule::Within24HoursOf { anchor } => {
                write!(f, "within 24 hours of {anchor}")
            }
            DeadlineRule::DaysBeforeDeadlines { days, of } => {
                write!(f, "{days} days before each deadline of ")?;
                for (i, id) in of.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{id}")?;
                }
                Ok(())
            }
        }
    }
}
