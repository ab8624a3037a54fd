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
//! they serve). `build/catalogue/deadlines.rs` checks, when the crate is built, that each
//! named obligation is in the same file and has a deadline that names no other obligation
//! (so that one level of look-up always suffices), and that a `deadline:` anchor names a
//! deadline that falls once (so that it has one date).
//!
//! [`DeadlineRule::parse`] reads a rule and its [`Display`](fmt::Display) writes the
//! canonical string back, so `parse(&rule.to_string()) == Ok(rule)`.
//!
//! # Compiled when the crate is built
//!
//! This file and `grammar/parse.rs` use nothing but `std`, so that `build.rs` includes
//! them too (`#[path]`): the build script parses every rule of the data files with
//! [`DeadlineRule::parse`] and writes it into the generated statics as a typed
//! `DeadlineRule<'static>` value (names and ids borrowed from string literals, hence the
//! lifetime; see [`Ids`] for the one list). The catalogue therefore holds rules, not rule
//! texts, and nothing parses a rule at run time: the WebAssembly bundle links no parser
//! (`parse` is kept for the build script and the tests).
#[path = "grammar/parse.rs"]
mod parse;

pub use parse::DeadlineParseError;

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;

/// The largest `N` a rule may contain.
pub const MAX_COUNT: u32 = 10_000;

/// The date a deadline counts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Anchor<'a> {
    /// `commencement`: the Call-Off Commencement Date (DF schedules).
    Commencement,
    /// `effective date`: the Effective Date (2017 schedule).
    EffectiveDate,
    /// `event:NAME`: the date of a named event, such as `ismp-non-approval`. The name
    /// must match `[a-z0-9-]+` for the rule to be written and read back.
    Event(&'a str),
    /// `deadline:ID`: the (first) due date of obligation `ID`, from
    /// [`Anchors::deadlines`](super::Anchors::deadlines).
    Deadline(&'a str),
}

impl fmt::Display for Anchor<'_> {
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

/// A deadline rule, one form of the grammar in the module documentation.
///
/// The names and ids in it are borrowed: from the text parsed, or, for the catalogue's
/// rules, from the string literals of the generated statics (`DeadlineRule<'static>`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DeadlineRule<'a> {
    /// `before processing`: no later than the day before the Supplier first processes
    /// Customer Data.
    BeforeProcessing,
    /// `N working days after ANCHOR`.
    WorkingDaysAfter {
        /// The number of Working Days, 1 to [`MAX_COUNT`].
        days: u32,
        /// The date counted from.
        anchor: Anchor<'a>,
    },
    /// `N weeks before ANCHOR`.
    WeeksBefore {
        /// The number of weeks, 1 to [`MAX_COUNT`].
        weeks: u32,
        /// The date counted back from.
        anchor: Anchor<'a>,
    },
    /// `N months after ANCHOR`.
    MonthsAfter {
        /// The number of calendar months, 1 to [`MAX_COUNT`].
        months: u32,
        /// The date counted from.
        anchor: Anchor<'a>,
    },
    /// `N months after ANCHOR, then annually`.
    MonthsAfterThenAnnually {
        /// The number of calendar months to the first due date, 1 to [`MAX_COUNT`].
        months: u32,
        /// The date counted from.
        anchor: Anchor<'a>,
    },
    /// `annually after ANCHOR`: every 12 months after the anchor.
    AnnuallyAfter {
        /// The date counted from.
        anchor: Anchor<'a>,
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
        anchor: Anchor<'a>,
    },
    /// `N days before each deadline of ID, ID…`: `N` calendar days before every due date
    /// of each named obligation.
    DaysBeforeDeadlines {
        /// The number of calendar days, 1 to [`MAX_COUNT`].
        days: u32,
        /// The obligations whose deadlines it serves, at least one, distinct, in the
        /// order written.
        of: Ids<'a>,
    },
}

/// The obligation ids of a "days before each deadline of" rule: a slice, borrowed by the
/// generated statics or built by [`DeadlineRule::parse`], compared by content.
///
/// Like a `Cow<'a, [&'a str]>`, but covariant in `'a`, so that a catalogue rule
/// (`DeadlineRule<'static>`) compares with, and stands in for, one read from a local text.
#[derive(Clone)]
pub enum Ids<'a> {
    /// A literal slice, as the generated statics write it.
    Borrowed(&'a [&'a str]),
    /// A list read from a rule's text.
    Listed(Vec<&'a str>),
}

impl<'a> Deref for Ids<'a> {
    type Target = [&'a str];

    fn deref(&self) -> &[&'a str] {
        match self {
            Ids::Borrowed(ids) => ids,
            Ids::Listed(ids) => ids,
        }
    }
}

impl<'a> From<Vec<&'a str>> for Ids<'a> {
    fn from(ids: Vec<&'a str>) -> Ids<'a> {
        Ids::Listed(ids)
    }
}

impl fmt::Debug for Ids<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl PartialEq for Ids<'_> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl Eq for Ids<'_> {}

impl PartialOrd for Ids<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ids<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        (**self).cmp(&**other)
    }
}

impl Hash for Ids<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (**self).hash(state);
    }
}

impl<'a> DeadlineRule<'a> {
    /// The anchor the rule counts from, if it names one.
    pub fn anchor(&self) -> Option<&Anchor<'a>> {
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

    /// The event name (without `event:`) for rules anchored on an event.
    pub fn event(&self) -> Option<&'a str> {
        match *self.anchor()? {
            Anchor::Event(name) => Some(name),
            Anchor::Commencement | Anchor::EffectiveDate | Anchor::Deadline(_) => None,
        }
    }

    /// The ids of the obligations whose deadlines the rule follows (`deadline:ID`, "days
    /// before each deadline of"), in the order written; their due dates go in
    /// [`Anchors::deadlines`](super::Anchors::deadlines).
    pub fn deadline_ids(&self) -> Vec<&'a str> {
        match self {
            DeadlineRule::DaysBeforeDeadlines { of, .. } => of.to_vec(),
            _ => match self.anchor() {
                Some(Anchor::Deadline(id)) => vec![*id],
                _ => Vec::new(),
            },
        }
    }

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
}

impl fmt::Display for DeadlineRule<'_> {
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
                write!(f, "{days} days before each deadline of {}", of.join(", "))
            }
        }
    }
}
