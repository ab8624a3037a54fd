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
//! they serve). `build/catalogue.rs` checks, when the crate is built, that each named
//! obligation is in the same file and has a deadline that names no other obligation (so
//! that one level of look-up always suffices), and that a `deadline:` anchor names a
//! deadline that falls once (so that it has one date).
//!
//! [`DeadlineRule::parse`] reads a rule and its [`Display`](fmt::Display) writes the
//! canonical string back, so `parse(&rule.to_string()) == Ok(rule)`.
use std::fmt;
use std::str::FromStr;

/// The largest `N` a rule may contain.
pub const MAX_COUNT: u32 = 10_000;

/// The date a deadline counts from.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Anchor {
    /// `commencement`: the Call-Off Commencement Date (DF schedules).
    Commencement,
    /// `effective date`: the Effective Date (2017 schedule).
    EffectiveDate,
    /// `event:NAME`: the date of a named event, such as `ismp-non-approval`. The name
    /// must match `[a-z0-9-]+` for the rule to be written and read back.
    Event(String),
    /// `deadline:ID`: the (first) due date of obligation `ID`, from
    /// [`Anchors::deadlines`].
    Deadline(String),
}

impl Anchor {
    /// Reads an anchor: `commencement`, `effective date`, `event:NAME` or `deadline:ID`.
    fn parse(text: &str) -> Result<Anchor, String> {
        match text {
            "commencement" => Ok(Anchor::Commencement),
            "effective date" => Ok(Anchor::EffectiveDate),
            _ => {
                if let Some(name) = text.strip_prefix("event:") {
                    return match name {
                        "" => Err("the event name after \"event:\" is missing".to_string()),
                        _ if is_name(name) => Ok(Anchor::Event(name.to_string())),
                        _ => Err(format!(
                            "invalid event name {name:?}: use lower-case letters, digits and \
                             hyphens"
                        )),
                    };
                }
                match text.strip_prefix("deadline:") {
                    Some(id) => parse_id(id).map(Anchor::Deadline),
                    None => Err(format!(
                        "unknown anchor {text:?}: expected \"commencement\", \
                         \"effective date\", \"event:NAME\" or \"deadline:ID\""
                    )),
                }
            }
        }
    }
}

/// Reads an obligation id: `[a-z0-9-]+`.
fn parse_id(id: &str) -> Result<String, String> {
    if id.is_empty() {
        Err("an obligation id is missing".to_string())
    } else if is_name(id) {
        Ok(id.to_string())
    } else {
        Err(format!(
            "invalid obligation id {id:?}: use lower-case letters, digits and hyphens"
        ))
    }
}

impl fmt::Display for Anchor {
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

/// Whether `name` matches `[a-z0-9-]+` (event names and obligation ids).
fn is_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A deadline rule, one form of the grammar in the module documentation.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DeadlineRule {
    /// `before processing`: no later than the day before the Supplier first processes
    /// Customer Data.
    BeforeProcessing,
    /// `N working days after ANCHOR`.
    WorkingDaysAfter {
        /// The number of Working Days, 1 to [`MAX_COUNT`].
        days: u32,
        /// The date counted from.
        anchor: Anchor,
    },
    /// `N weeks before ANCHOR`.
    WeeksBefore {
        /// The number of weeks, 1 to [`MAX_COUNT`].
        weeks: u32,
        /// The date counted back from.
        anchor: Anchor,
    },
    /// `N months after ANCHOR`.
    MonthsAfter {
        /// The number of calendar months, 1 to [`MAX_COUNT`].
        months: u32,
        /// The date counted from.
        anchor: Anchor,
    },
    /// `N months after ANCHOR, then annually`.
    MonthsAfterThenAnnually {
        /// The number of calendar months to the first due date, 1 to [`MAX_COUNT`].
        months: u32,
        /// The date counted from.
        anchor: Anchor,
    },
    /// `annually after ANCHOR`: every 12 months after the anchor.
    AnnuallyAfter {
        /// The date counted from.
        anchor: Anchor,
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
        anchor: Anchor,
    },
    /// `N days before each deadline of ID, ID…`: `N` calendar days before every due date
    /// of each named obligation.
    DaysBeforeDeadlines {
        /// The number of calendar days, 1 to [`MAX_COUNT`].
        days: u32,
        /// The obligations whose deadlines it serves, at least one, distinct, in the
        /// order written.
        of: Vec<String>,
    },
}

/// Why a deadline rule string could not be read: names the rule and the bad part.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeadlineParseError {
    text: String,
    reason: String,
}

impl DeadlineParseError {
    /// The whole rule text that failed to parse.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// What is wrong with it, naming the offending part.
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

impl fmt::Display for DeadlineParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid deadline rule \"{}\": {}",
            self.text, self.reason
        )
    }
}

impl std::error::Error for DeadlineParseError {}

/// Reads `N` : digits only, no leading zero, 1 to [`MAX_COUNT`].
fn parse_count(word: &str) -> Result<u32, String> {
    if word.is_empty() || !word.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "{word:?} is neither a number written in digits nor the start of a known form \
             (\"before processing\", \"annually after\", \"every contract year\", \
             \"every 24 hours\", \"quarterly\", \"within 24 hours of\")"
        ));
    }
    if word.len() > 1 && word.starts_with('0') {
        return Err(format!("write the number {word:?} without leading zeros"));
    }
    match word.parse::<u64>() {
        Ok(0) => Err("the number must be at least 1, found \"0\"".to_string()),
        Ok(n) if n <= u64::from(MAX_COUNT) => Ok(n as u32),
        _ => Err(format!(
            "the number {word} is larger than the maximum, {MAX_COUNT}"
        )),
    }
}

impl DeadlineRule {
    /// Reads a rule in the grammar of the module documentation.
    ///
    /// The error names the rule and the part that could not be read, e.g.
    /// `invalid deadline rule "0 months after commencement": the number must be at least 1`.
    pub fn parse(text: &str) -> Result<DeadlineRule, DeadlineParseError> {
        Self::parse_inner(text).map_err(|reason| DeadlineParseError {
            text: text.to_string(),
            reason,
        })
    }

    fn parse_inner(text: &str) -> Result<DeadlineRule, String> {
        if text.trim() != text {
            return Err("remove the leading or trailing whitespace".to_string());
        }
        match text {
            "" => return Err("the rule is empty".to_string()),
            "before processing" => return Ok(DeadlineRule::BeforeProcessing),
            "every contract year" => return Ok(DeadlineRule::EveryContractYear),
            "every 24 hours" => return Ok(DeadlineRule::Every24Hours),
            "quarterly" => return Ok(DeadlineRule::Quarterly),
            _ => {}
        }
        if let Some(rest) = text.strip_prefix("annually after ") {
            let anchor = Anchor::parse(rest)?;
            return Ok(DeadlineRule::AnnuallyAfter { anchor });
        }
        if let Some(rest) = text.strip_prefix("within 24 hours of ") {
            let anchor = Anchor::parse(rest)?;
            return Ok(DeadlineRule::Within24HoursOf { anchor });
        }
        let (word, rest) = text.split_once(' ').unwrap_or((text, ""));
        let n = parse_count(word)?;
        if let Some(anchor) = rest.strip_prefix("working days after ") {
            let anchor = Anchor::parse(anchor)?;
            return Ok(DeadlineRule::WorkingDaysAfter { days: n, anchor });
        }
        if let Some(ids) = rest.strip_prefix("days before each deadline of ") {
            let mut of: Vec<String> = Vec::new();
            for id in ids.split(", ") {
                let id = parse_id(id)?;
                if of.contains(&id) {
                    return Err(format!("the obligation {id:?} is named twice"));
                }
                of.push(id);
            }
            return Ok(DeadlineRule::DaysBeforeDeadlines { days: n, of });
        }
        if let Some(anchor) = rest.strip_prefix("weeks before ") {
            let anchor = Anchor::parse(anchor)?;
            return Ok(DeadlineRule::WeeksBefore { weeks: n, anchor });
        }
        if let Some(after) = rest.strip_prefix("months after ") {
            return Ok(match after.strip_suffix(", then annually") {
                Some(anchor) => DeadlineRule::MonthsAfterThenAnnually {
                    months: n,
                    anchor: Anchor::parse(anchor)?,
                },
                None => DeadlineRule::MonthsAfter {
                    months: n,
                    anchor: Anchor::parse(after)?,
                },
            });
        }
        Err(format!(
            "expected \"working days after\", \"weeks before\", \"months after\" or \
             \"days before each deadline of\" after the number {n}, found {rest:?}"
        ))
    }

    /// The anchor the rule counts from, if it names one.
    pub fn anchor(&self) -> Option<&Anchor> {
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
    pub fn event(&self) -> Option<&str> {
        match self.anchor()? {
            Anchor::Event(name) => Some(name),
            Anchor::Commencement | Anchor::EffectiveDate | Anchor::Deadline(_) => None,
        }
    }

    /// The ids of the obligations whose deadlines the rule follows (`deadline:ID`, "days
    /// before each deadline of"), in the order written; their due dates go in
    /// [`Anchors::deadlines`].
    pub fn deadline_ids(&self) -> Vec<&str> {
        match self {
            DeadlineRule::DaysBeforeDeadlines { of, .. } => of.iter().map(String::as_str).collect(),
            _ => match self.anchor() {
                Some(Anchor::Deadline(id)) => vec![id.as_str()],
                _ => Vec::new(),
            },
        }
    }

    /// Whether the duty comes round again (yearly, quarterly, every contract year or
    /// every 24 hours) rather than falling due once. A "days before each deadline of"
    /// rule is not counted: it comes round when the deadlines it follows do, which only
    /// their own rules tell ([`build_plan`](crate::plan::build_plan) looks them up).
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

impl fmt::Display for DeadlineRule {
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

impl FromStr for DeadlineRule {
    type Err = DeadlineParseError;

    /// The same as [`DeadlineRule::parse`].
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        DeadlineRule::parse(text)
    }
}
