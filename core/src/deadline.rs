//! The deadline rule language used by the obligation data files, and its evaluation to
//! concrete due dates.
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
//!
//! # Evaluation
//!
//! [`DeadlineRule::due_dates`] turns a rule into sorted due dates, given the known
//! [`Anchors`]. A rule whose anchor is not known gives no dates. Recurring rules give every
//! due date on or before the end of the term when [`Anchors::end`] is known, and only the
//! first due date when it is not (the caller then says "then every year" and so on, see
//! [`DeadlineRule::describe`]).
use crate::calendar::{checked_add_months_clamped, checked_add_working_days, checked_sub_weeks};
use crate::VecMap;
use chrono::{Days, NaiveDate};
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

    /// The anchor as the schedules name it, for [`DeadlineRule::describe`]: "the
    /// Call-Off Commencement Date", "the event", "the ¶3.6.5 deadline".
    fn phrase(&self) -> String {
        match self {
            Anchor::Commencement => "the Call-Off Commencement Date".to_string(),
            Anchor::EffectiveDate => "the Effective Date".to_string(),
            Anchor::Event(_) => "the event".to_string(),
            Anchor::Deadline(id) => format!("the {} deadline", cite(id)),
        }
    }

    /// The anchor's date, if known. For `deadline:ID` the first of the obligation's due
    /// dates (the data names only deadlines that fall once).
    fn date(&self, anchors: &Anchors) -> Option<NaiveDate> {
        match self {
            Anchor::Commencement => anchors.commencement,
            Anchor::EffectiveDate => anchors.effective,
            Anchor::Event(name) => anchors.events.get(name).copied(),
            Anchor::Deadline(id) => anchors.deadlines.get(id)?.first().copied(),
        }
    }
}

/// How an obligation named by a rule is cited: "¶3.6.5", or its id when the catalogue
/// has no such obligation.
fn cite(id: &str) -> String {
    match crate::catalogue::find(id) {
        Some(o) => format!("¶{}", o.reference),
        None => id.to_string(),
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

/// The dates deadlines are counted from, as far as they are known.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Anchors {
    /// The Call-Off Commencement Date.
    pub commencement: Option<NaiveDate>,
    /// The Effective Date (2017 schedule).
    pub effective: Option<NaiveDate>,
    /// The last day of the contract term, when known; recurring rules stop here.
    pub end: Option<NaiveDate>,
    /// Dates of named events, by name (without the `event:` prefix).
    pub events: VecMap<String, NaiveDate>,
    /// The due dates of the obligations that rules name (`deadline:ID`, "days before
    /// each deadline of"), by obligation id, worked out by the caller from the same
    /// anchors ([`build_plan`](crate::plan::build_plan) does so from the catalogue).
    pub deadlines: VecMap<String, Vec<NaiveDate>>,
}

impl Anchors {
    /// The start of the contract: the commencement date, or else the effective date.
    fn start(&self) -> Option<NaiveDate> {
        self.commencement.or(self.effective)
    }
}

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

    /// A plain-English phrase for the UI, such as "within 10 Working Days after the
    /// event" or "no later than 6 weeks before the Call-Off Commencement Date".
    pub fn describe(&self) -> String {
        fn count(n: u32, one: &str, many: &str) -> String {
            format!("{n} {}", if n == 1 { one } else { many })
        }
        match self {
            DeadlineRule::BeforeProcessing => {
                "by the day before you first process Customer Data".to_string()
            }
            DeadlineRule::WorkingDaysAfter { days, anchor } => format!(
                "within {} after {}",
                count(*days, "Working Day", "Working Days"),
                anchor.phrase()
            ),
            DeadlineRule::WeeksBefore { weeks, anchor } => format!(
                "no later than {} before {}",
                count(*weeks, "week", "weeks"),
                anchor.phrase()
            ),
            DeadlineRule::MonthsAfter { months, anchor } => format!(
                "within {} of {}",
                count(*months, "month", "months"),
                anchor.phrase()
            ),
            DeadlineRule::MonthsAfterThenAnnually { months, anchor } => format!(
                "within {} of {}, then every year",
                count(*months, "month", "months"),
                anchor.phrase()
            ),
            DeadlineRule::AnnuallyAfter { anchor } => {
                format!("every year after {}", anchor.phrase())
            }
            DeadlineRule::EveryContractYear => "once in every Call-Off Contract Year".to_string(),
            DeadlineRule::Every24Hours => "at least once every 24 hours".to_string(),
            DeadlineRule::Quarterly => {
                "at least once in each quarter of the term, by its last day".to_string()
            }
            DeadlineRule::Within24HoursOf { anchor } => {
                format!("within 24 hours of {}", anchor.phrase())
            }
            DeadlineRule::DaysBeforeDeadlines { days, of } => {
                let cited: Vec<String> = of.iter().map(|id| cite(id)).collect();
                let list = match cited.split_last() {
                    Some((last, rest)) if !rest.is_empty() => {
                        format!("{} and {last}", rest.join(", "))
                    }
                    _ => cited.concat(),
                };
                let before = if *days == 1 {
                    "the day before".to_string()
                } else {
                    format!("{days} days before")
                };
                format!("{before} each deadline of {list}")
            }
        }
    }

    /// The concrete due dates, sorted, given the dates known so far. A rule whose anchor
    /// is unknown gives no dates.
    ///
    /// - `before processing`: the clause asks for the document "no later than the date
    ///   immediately prior to the date on which the Supplier … wishes to process the
    ///   Customer Data". That date is not asked for, so this takes the stricter *reading*
    ///   that processing starts on the commencement date (or else the effective date):
    ///   due the day before it.
    /// - `N working days after X`: the `N`-th Working Day after `X`
    ///   ([`add_working_days`](crate::calendar::add_working_days)).
    /// - `N weeks before X`: `X` minus `7N` days.
    /// - `N months after X`: `X` plus `N` calendar months, clamped to the month's end.
    /// - `N months after X, then annually`: that first date, then the first date plus
    ///   12, 24, … months (clamped).
    /// - `annually after X`: `X` plus 12, 24, … months (clamped).
    /// - `every contract year`: the last day of each Call-Off Contract Year, `S` plus
    ///   `12k` months minus one day for `k` = 1, 2, …, where `S` is the commencement date
    ///   or else the effective date.
    /// - `quarterly`: the last day of each quarter of the term. The term is cut into
    ///   quarters counted from `S` (as above) the way the term itself is counted
    ///   ([`df_term_end`](crate::plan::df_term_end)): quarter `k` (from 1) runs from
    ///   `S + 3(k−1)` months to the day before `S + 3k` months, each counted from `S` and
    ///   clamped to the end of the month (so they never drift). From 31 August 2026 the
    ///   quarters end on 29 November 2026, 27 February 2027 (31 August + 6 months is
    ///   28 February), 30 May and 30 August 2027. Every quarter that starts on or before
    ///   the end of the term has its date, the last one cut short at the term's end (a
    ///   13-month term from 1 January 2027 has five: 31 March, 30 June, 30 September,
    ///   31 December 2027 and 31 January 2028). With the end unknown, only the first.
    /// - `N days before each deadline of ID, …`: every date of [`Anchors::deadlines`] for
    ///   each `ID`, less `N` days; a date that two deadlines share is given once.
    /// - `every 24 hours`: none; it is a standing duty.
    /// - `within 24 hours of X`: `X` plus one day, the date by which 24 hours have run
    ///   when counted from the day of `X` (only the day of awareness is known, not the
    ///   hour).
    ///
    /// For the recurring forms, when [`Anchors::end`] is known every due date on or
    /// before it is given (a first date after the end gives none); when it is unknown
    /// only the first due date is given. Dates past the end of chrono's range are left
    /// out.
    pub fn due_dates(&self, anchors: &Anchors) -> Vec<NaiveDate> {
        let one = |date: Option<NaiveDate>| date.into_iter().collect::<Vec<_>>();
        let anchor_date = |anchor: &Anchor| anchor.date(anchors);
        match self {
            DeadlineRule::BeforeProcessing => one(anchors
                .start()
                .and_then(|s| s.checked_sub_days(Days::new(1)))),
            DeadlineRule::WorkingDaysAfter { days, anchor } => {
                one(anchor_date(anchor).and_then(|x| checked_add_working_days(x, *days)))
            }
            DeadlineRule::WeeksBefore { weeks, anchor } => {
                one(anchor_date(anchor).and_then(|x| checked_sub_weeks(x, *weeks)))
            }
            DeadlineRule::MonthsAfter { months, anchor } => {
                one(anchor_date(anchor).and_then(|x| checked_add_months_clamped(x, *months)))
            }
            // The first date is a deadline in its own right ("by no later than six months
            // from the Call-Off Commencement Date"), so it is given even when the term ends
            // before it (the stricter reading); only the yearly repeats stop with the term.
            DeadlineRule::MonthsAfterThenAnnually { months, anchor } => {
                match anchor_date(anchor).and_then(|x| checked_add_months_clamped(x, *months)) {
                    Some(first) => {
                        let mut dates = vec![first];
                        if anchors.end.is_some() {
                            dates.extend(series(anchors.end, |k| {
                                checked_add_months_clamped(first, k.checked_mul(12)?)
                            }));
                        }
                        dates
                    }
                    None => Vec::new(),
                }
            }
            DeadlineRule::AnnuallyAfter { anchor } => match anchor_date(anchor) {
                Some(x) => series(anchors.end, |k| {
                    checked_add_months_clamped(x, k.checked_mul(12)?)
                }),
                None => Vec::new(),
            },
            DeadlineRule::EveryContractYear => match anchors.start() {
                Some(s) => series(anchors.end, |k| {
                    checked_add_months_clamped(s, k.checked_mul(12)?)?
                        .checked_sub_days(Days::new(1))
                }),
                None => Vec::new(),
            },
            DeadlineRule::Quarterly => match anchors.start() {
                Some(s) => quarter_ends(s, anchors.end),
                None => Vec::new(),
            },
            DeadlineRule::Every24Hours => Vec::new(),
            DeadlineRule::Within24HoursOf { anchor } => {
                one(anchor_date(anchor).and_then(|x| x.checked_add_days(Days::new(1))))
            }
            DeadlineRule::DaysBeforeDeadlines { days, of } => {
                let mut dates: Vec<NaiveDate> = of
                    .iter()
                    .filter_map(|id| anchors.deadlines.get(id))
                    .flatten()
                    .filter_map(|x| x.checked_sub_days(Days::new(u64::from(*days))))
                    .collect();
                dates.sort_unstable();
                dates.dedup();
                dates
            }
        }
    }
}

/// The last day of each quarter of a term from `start` to `end` (see
/// [`DeadlineRule::due_dates`]); only the first quarter's when `end` is unknown.
fn quarter_ends(start: NaiveDate, end: Option<NaiveDate>) -> Vec<NaiveDate> {
    // The first day of quarter k + 1, counted from the start (not from the last quarter).
    let quarter_start = |k: u32| checked_add_months_clamped(start, k.checked_mul(3)?);
    let last_day = |k: u32| quarter_start(k + 1).and_then(|next| next.pred_opt());
    let Some(end) = end else {
        return last_day(0).into_iter().collect();
    };
    let mut out = Vec::new();
    for k in 0.. {
        match quarter_start(k) {
            Some(first) if first <= end => {
                // Past chrono's range the quarter runs to the end of the term.
                out.push(last_day(k).map_or(end, |last| last.min(end)));
            }
            _ => break,
        }
    }
    out
}

/// The dates `nth(1)`, `nth(2)`, … on or before `end`; only `nth(1)` when `end` is
/// unknown. `nth` must be increasing; `None` (out of chrono's range) stops the series.
fn series(end: Option<NaiveDate>, nth: impl Fn(u32) -> Option<NaiveDate>) -> Vec<NaiveDate> {
    let Some(end) = end else {
        return nth(1).into_iter().collect();
    };
    let mut out = Vec::new();
    for k in 1.. {
        match nth(k) {
            Some(date) if date <= end => out.push(date),
            _ => break,
        }
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn rule(s: &str) -> DeadlineRule {
        DeadlineRule::parse(s).unwrap_or_else(|e| panic!("{e}"))
    }

    fn event(name: &str) -> Anchor {
        Anchor::Event(name.to_string())
    }

    #[test]
    fn parses_every_form_and_writes_it_back() {
        let cases = [
            ("before processing", DeadlineRule::BeforeProcessing),
            (
                "10 working days after event:ismp-non-approval",
                DeadlineRule::WorkingDaysAfter {
                    days: 10,
                    anchor: event("ismp-non-approval"),
                },
            ),
            (
                "20 working days after effective date",
                DeadlineRule::WorkingDaysAfter {
                    days: 20,
                    anchor: Anchor::EffectiveDate,
                },
            ),
            (
                "6 weeks before commencement",
                DeadlineRule::WeeksBefore {
                    weeks: 6,
                    anchor: Anchor::Commencement,
                },
            ),
            (
                "3 months after effective date",
                DeadlineRule::MonthsAfter {
                    months: 3,
                    anchor: Anchor::EffectiveDate,
                },
            ),
            (
                "6 months after commencement, then annually",
                DeadlineRule::MonthsAfterThenAnnually {
                    months: 6,
                    anchor: Anchor::Commencement,
                },
            ),
            (
                "annually after event:smp-submission",
                DeadlineRule::AnnuallyAfter {
                    anchor: event("smp-submission"),
                },
            ),
            ("every contract year", DeadlineRule::EveryContractYear),
            ("every 24 hours", DeadlineRule::Every24Hours),
            ("quarterly", DeadlineRule::Quarterly),
            (
                "within 24 hours of event:security-event-awareness",
                DeadlineRule::Within24HoursOf {
                    anchor: event("security-event-awareness"),
                },
            ),
            (
                "10000 months after event:2nd-review",
                DeadlineRule::MonthsAfter {
                    months: 10_000,
                    anchor: event("2nd-review"),
                },
            ),
            (
                "annually after deadline:df-3-6-5",
                DeadlineRule::AnnuallyAfter {
                    anchor: Anchor::Deadline("df-3-6-5".to_string()),
                },
            ),
            (
                "2 weeks before deadline:x-1",
                DeadlineRule::WeeksBefore {
                    weeks: 2,
                    anchor: Anchor::Deadline("x-1".to_string()),
                },
            ),
            (
                "1 days before each deadline of df-3-6-1-b-ii, df-3-6-1-b-iv",
                DeadlineRule::DaysBeforeDeadlines {
                    days: 1,
                    of: vec!["df-3-6-1-b-ii".to_string(), "df-3-6-1-b-iv".to_string()],
                },
            ),
            (
                "30 days before each deadline of a",
                DeadlineRule::DaysBeforeDeadlines {
                    days: 30,
                    of: vec!["a".to_string()],
                },
            ),
        ];
        for (text, expected) in cases {
            let parsed = rule(text);
            assert_eq!(parsed, expected, "{text}");
            assert_eq!(parsed.to_string(), text);
            assert_eq!(text.parse::<DeadlineRule>(), Ok(expected));
        }
    }

    #[test]
    fn rejects_malformed_rules_naming_the_bad_part() {
        // (input, a fragment the message must contain)
        let cases = [
            ("0 months after commencement", "at least 1"),
            ("six months after commencement", "\"six\""),
            (
                "3 fortnights before commencement",
                "\"fortnights before commencement\"",
            ),
            ("2 weeks before event:Bad_Name", "\"Bad_Name\""),
            ("annually after event:", "event name"),
            ("5 working days after completion", "\"completion\""),
            (
                "1 working day after commencement",
                "\"working day after commencement\"",
            ),
            ("06 months after commencement", "leading zeros"),
            ("10001 weeks before commencement", "maximum"),
            ("99999999999999999999 weeks before commencement", "maximum"),
            ("-3 months after commencement", "\"-3\""),
            (" quarterly", "whitespace"),
            ("quarterly ", "whitespace"),
            ("", "empty"),
            ("Quarterly", "\"Quarterly\""),
            (
                "6 months  after commencement",
                "found \"months  after commencement\"",
            ),
            (
                "6 weeks before commencement, then annually",
                "\"commencement, then annually\"",
            ),
            ("6 months after commencement, then yearly", "unknown anchor"),
            ("6", "found \"\""),
            ("within 24 hours of event", "unknown anchor \"event\""),
            ("annually after deadline:", "obligation id is missing"),
            ("annually after deadline:DF-1", "\"DF-1\""),
            ("annually after obligation:df-1", "unknown anchor"),
            (
                "1 days before each deadline of a, , b",
                "obligation id is missing",
            ),
            ("1 days before each deadline of a,b", "\"a,b\""),
            (
                "1 days before each deadline of a, a",
                "\"a\" is named twice",
            ),
            ("1 days before each deadline of a and b", "\"a and b\""),
            ("0 days before each deadline of a", "at least 1"),
            (
                "1 day before each deadline of a",
                "found \"day before each deadline of a\"",
            ),
            (
                "1 days before deadline:a",
                "found \"days before deadline:a\"",
            ),
        ];
        for (text, fragment) in cases {
            let err = DeadlineRule::parse(text).expect_err(text);
            let message = err.to_string();
            assert_eq!(err.text(), text);
            assert!(
                message.starts_with(&format!("invalid deadline rule {text:?}: ")),
                "{message}"
            );
            assert!(message.contains(fragment), "{text:?} gave {message:?}");
        }
    }

    #[test]
    fn recurring_and_event() {
        let cases = [
            ("before processing", false, None),
            (
                "10 working days after event:ismp-submission",
                false,
                Some("ismp-submission"),
            ),
            ("6 weeks before commencement", false, None),
            (
                "1 months after event:authority-request",
                false,
                Some("authority-request"),
            ),
            ("6 months after commencement, then annually", true, None),
            (
                "annually after event:smp-submission",
                true,
                Some("smp-submission"),
            ),
            ("every contract year", true, None),
            ("every 24 hours", true, None),
            ("quarterly", true, None),
            (
                "within 24 hours of event:ceasing-compliance",
                false,
                Some("ceasing-compliance"),
            ),
            ("annually after deadline:df-3-6-5", true, None),
            ("1 days before each deadline of a, b", false, None),
        ];
        for (text, recurring, event) in cases {
            let r = rule(text);
            assert_eq!(r.is_recurring(), recurring, "{text}");
            assert_eq!(r.event(), event, "{text}");
        }
        let cases: [(&str, &[&str]); 4] = [
            ("annually after deadline:df-3-6-5", &["df-3-6-5"]),
            ("1 days before each deadline of b, a", &["b", "a"]),
            ("annually after commencement", &[]),
            ("quarterly", &[]),
        ];
        for (text, ids) in cases {
            assert_eq!(rule(text).deadline_ids(), ids, "{text}");
        }
        assert_eq!(
            rule("6 weeks before effective date").anchor(),
            Some(&Anchor::EffectiveDate)
        );
    }

    #[test]
    fn descriptions() {
        let cases = [
            (
                "10 working days after event:ismp-non-approval",
                "within 10 Working Days after the event",
            ),
            (
                "1 working days after commencement",
                "within 1 Working Day after the Call-Off Commencement Date",
            ),
            (
                "6 weeks before commencement",
                "no later than 6 weeks before the Call-Off Commencement Date",
            ),
            (
                "1 weeks before effective date",
                "no later than 1 week before the Effective Date",
            ),
            (
                "6 months after commencement, then annually",
                "within 6 months of the Call-Off Commencement Date, then every year",
            ),
            (
                "3 months after effective date",
                "within 3 months of the Effective Date",
            ),
            (
                "annually after commencement",
                "every year after the Call-Off Commencement Date",
            ),
            ("every 24 hours", "at least once every 24 hours"),
            (
                "quarterly",
                "at least once in each quarter of the term, by its last day",
            ),
            (
                "every contract year",
                "once in every Call-Off Contract Year",
            ),
            (
                "before processing",
                "by the day before you first process Customer Data",
            ),
            (
                "within 24 hours of event:security-event-awareness",
                "within 24 hours of the event",
            ),
            // Obligations named by id are cited by their paragraph in the catalogue.
            (
                "annually after deadline:df-3-6-5",
                "every year after the ¶3.6.5 deadline",
            ),
            (
                "1 days before each deadline of df-3-6-1-b-ii, df-3-6-1-b-iv",
                "the day before each deadline of ¶3.6.1(b)(ii) and ¶3.6.1(b)(iv)",
            ),
            (
                "2 days before each deadline of df-3-5-1-b-ii",
                "2 days before each deadline of ¶3.5.1(b)(ii)",
            ),
            (
                "1 days before each deadline of df-3-6-5, df-3-6-1-b-ii, no-such-id",
                "the day before each deadline of ¶3.6.5, ¶3.6.1(b)(ii) and no-such-id",
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(rule(text).describe(), expected, "{text}");
        }
    }

    fn anchors(commencement: Option<&str>, effective: Option<&str>, end: Option<&str>) -> Anchors {
        Anchors {
            commencement: commencement.map(d),
            effective: effective.map(d),
            end: end.map(d),
            events: VecMap::new(),
            deadlines: VecMap::new(),
        }
    }

    #[test]
    fn due_dates_hand_worked() {
        let mut with_events = anchors(Some("2026-01-01"), None, Some("2028-12-31"));
        with_events
            .events
            .insert("ismp-non-approval".to_string(), d("2026-04-01"));
        with_events
            .events
            .insert("security-event-awareness".to_string(), d("2026-12-31"));
        // Deadlines of other obligations, as build_plan would work them out.
        let mut with_deadlines = anchors(Some("2026-01-01"), None, Some("2028-12-31"));
        with_deadlines
            .deadlines
            .insert("df-3-6-5".to_string(), vec![d("2025-11-20")]);
        with_deadlines
            .deadlines
            .insert("a".to_string(), vec![d("2027-07-01")]);
        with_deadlines.deadlines.insert(
            "b".to_string(),
            vec![d("2027-03-01"), d("2027-07-01"), d("2028-07-01")],
        );
        // (rule, anchors, expected due dates)
        let cases: Vec<(&str, Anchors, Vec<&str>)> = vec![
            // 31 Aug + 6 months clamps to the end of February.
            (
                "6 months after commencement",
                anchors(Some("2026-08-31"), None, None),
                vec!["2027-02-28"],
            ),
            (
                "6 months after commencement",
                anchors(Some("2023-08-31"), None, None),
                vec!["2024-02-29"],
            ),
            // Dec 15–18 (4), 21–24 (8), 29–31 (11), Jan 4–8 (16), 11–14 (20).
            (
                "20 working days after effective date",
                anchors(None, Some("2026-12-14"), None),
                vec!["2027-01-14"],
            ),
            // 4 Jan 2027 − 42 days.
            (
                "6 weeks before commencement",
                anchors(Some("2027-01-04"), None, None),
                vec!["2026-11-23"],
            ),
            // 36-month term from 1 Jan 2026, ending 31 Dec 2028.
            (
                "6 months after commencement, then annually",
                anchors(Some("2026-01-01"), None, Some("2028-12-31")),
                vec!["2026-07-01", "2027-07-01", "2028-07-01"],
            ),
            // Without a known end, only the first.
            (
                "6 months after commencement, then annually",
                anchors(Some("2026-01-01"), None, None),
                vec!["2026-07-01"],
            ),
            // Later years count from the (clamped) first date: 28 Feb stays 28 Feb.
            (
                "6 months after commencement, then annually",
                anchors(Some("2025-08-31"), None, Some("2028-08-30")),
                vec!["2026-02-28", "2027-02-28", "2028-02-28"],
            ),
            // A first date past the end of the term is still a deadline; no repeats.
            (
                "6 months after commencement, then annually",
                anchors(Some("2026-01-01"), None, Some("2026-03-31")),
                vec!["2026-07-01"],
            ),
            (
                "annually after commencement",
                anchors(Some("2026-01-01"), None, Some("2028-12-31")),
                vec!["2027-01-01", "2028-01-01"],
            ),
            (
                "annually after commencement",
                anchors(Some("2026-01-01"), None, Some("2029-01-01")),
                vec!["2027-01-01", "2028-01-01", "2029-01-01"],
            ),
            (
                "annually after effective date",
                anchors(None, Some("2024-02-29"), None),
                vec!["2025-02-28"],
            ),
            // Contract years 1 Apr–31 Mar over a 36-month term.
            (
                "every contract year",
                anchors(Some("2026-04-01"), None, Some("2029-03-31")),
                vec!["2027-03-31", "2028-03-31", "2029-03-31"],
            ),
            (
                "every contract year",
                anchors(None, Some("2026-04-01"), None),
                vec!["2027-03-31"],
            ),
            // Commencement wins over the effective date.
            (
                "every contract year",
                anchors(Some("2026-01-15"), Some("2026-04-01"), None),
                vec!["2027-01-14"],
            ),
            // Quarters from 31 Jan 2026, each counted from the start (no drift to the 30th):
            // they start on 31 Jan, 30 Apr (31 Apr clamped), 31 Jul, 31 Oct and end the day
            // before the next: 29 Apr, 30 Jul, 30 Oct, and the fourth (31 Oct to 30 Jan) is
            // cut short by the end given, 31 Dec 2026.
            (
                "quarterly",
                anchors(Some("2026-01-31"), None, Some("2026-12-31")),
                vec!["2026-04-29", "2026-07-30", "2026-10-30", "2026-12-31"],
            ),
            // End unknown: the first quarter only.
            (
                "quarterly",
                anchors(None, Some("2026-01-31"), None),
                vec!["2026-04-29"],
            ),
            // A term of one day is one quarter, due on that day.
            (
                "quarterly",
                anchors(Some("2027-01-01"), None, Some("2027-01-01")),
                vec!["2027-01-01"],
            ),
            // The quarter that starts on the term's last day counts: 1 Jan 2027 to 1 Apr
            // 2027 has a second quarter of one day.
            (
                "quarterly",
                anchors(Some("2027-01-01"), None, Some("2027-04-01")),
                vec!["2027-03-31", "2027-04-01"],
            ),
            // An end before the start: no quarter.
            (
                "quarterly",
                anchors(Some("2027-01-01"), None, Some("2026-12-31")),
                vec![],
            ),
            (
                "every 24 hours",
                anchors(Some("2026-01-01"), None, Some("2028-12-31")),
                vec![],
            ),
            (
                "before processing",
                anchors(Some("2026-03-01"), None, None),
                vec!["2026-02-28"],
            ),
            (
                "before processing",
                anchors(None, Some("2025-01-01"), None),
                vec!["2024-12-31"],
            ),
            // 1 Apr 2026 is a Wednesday: 2 Apr (1), [3 Good Friday, 6 Easter Monday],
            // 7–10 (5), 13–17 (10).
            (
                "10 working days after event:ismp-non-approval",
                with_events.clone(),
                vec!["2026-04-17"],
            ),
            (
                "within 24 hours of event:security-event-awareness",
                with_events.clone(),
                vec!["2027-01-01"],
            ),
            // Obligations named by id: their dates come from `deadlines`.
            (
                "annually after deadline:df-3-6-5",
                with_deadlines.clone(),
                vec!["2026-11-20", "2027-11-20", "2028-11-20"],
            ),
            // 1 Mar 2027 less 2 days crosses into February; the shared 2027-07-01 once.
            (
                "2 days before each deadline of b, a",
                with_deadlines.clone(),
                vec!["2027-02-27", "2027-06-29", "2028-06-29"],
            ),
            (
                "1 days before each deadline of a",
                with_deadlines.clone(),
                vec!["2027-06-30"],
            ),
            // Not known: no dates.
            ("annually after deadline:zz", with_deadlines.clone(), vec![]),
            (
                "1 days before each deadline of zz",
                with_deadlines.clone(),
                vec![],
            ),
            // Missing anchors give nothing.
            (
                "10 working days after event:smp-non-approval",
                with_events.clone(),
                vec![],
            ),
            ("6 weeks before effective date", with_events.clone(), vec![]),
            ("quarterly", Anchors::default(), vec![]),
            ("every contract year", Anchors::default(), vec![]),
            ("before processing", Anchors::default(), vec![]),
            ("annually after commencement", Anchors::default(), vec![]),
            // Out of chrono's range: no date rather than a panic.
            (
                "1 months after commencement",
                Anchors {
                    commencement: Some(NaiveDate::MAX),
                    ..Anchors::default()
                },
                vec![],
            ),
        ];
        for (text, anchors, expected) in cases {
            let expected: Vec<NaiveDate> = expected.into_iter().map(d).collect();
            assert_eq!(
                rule(text).due_dates(&anchors),
                expected,
                "{text} with {anchors:?}"
            );
        }
    }

    fn any_anchor() -> impl Strategy<Value = Anchor> {
        prop_oneof![
            Just(Anchor::Commencement),
            Just(Anchor::EffectiveDate),
            "[a-z0-9-]{1,24}".prop_map(Anchor::Event),
            "[a-z0-9-]{1,24}".prop_map(Anchor::Deadline),
        ]
    }

    fn any_rule() -> impl Strategy<Value = DeadlineRule> {
        let n = 1..=MAX_COUNT;
        prop_oneof![
            Just(DeadlineRule::BeforeProcessing),
            (n.clone(), any_anchor())
                .prop_map(|(days, anchor)| DeadlineRule::WorkingDaysAfter { days, anchor }),
            (n.clone(), any_anchor())
                .prop_map(|(weeks, anchor)| DeadlineRule::WeeksBefore { weeks, anchor }),
            (n.clone(), any_anchor())
                .prop_map(|(months, anchor)| DeadlineRule::MonthsAfter { months, anchor }),
            (n, any_anchor()).prop_map(|(months, anchor)| {
                DeadlineRule::MonthsAfterThenAnnually { months, anchor }
            }),
            any_anchor().prop_map(|anchor| DeadlineRule::AnnuallyAfter { anchor }),
            Just(DeadlineRule::EveryContractYear),
            Just(DeadlineRule::Every24Hours),
            Just(DeadlineRule::Quarterly),
            any_anchor().prop_map(|anchor| DeadlineRule::Within24HoursOf { anchor }),
            (
                1..=MAX_COUNT,
                proptest::collection::btree_set("[a-z0-9-]{1,24}", 1..4)
            )
                .prop_map(|(days, of)| DeadlineRule::DaysBeforeDeadlines {
                    days,
                    of: of.into_iter().collect(),
                }),
        ]
    }

    proptest! {
        #[test]
        fn display_then_parse_round_trips(r in any_rule()) {
            let text = r.to_string();
            prop_assert_eq!(DeadlineRule::parse(&text), Ok(r.clone()));
            // Canonical: writing the parsed rule again gives the same text.
            prop_assert_eq!(rule(&text).to_string(), text);
        }

        #[test]
        fn due_dates_are_sorted_and_within_the_term(
            r in any_rule(),
            start in 0i64..20_000,
            term_days in 0i64..3_000,
        ) {
            let start = d("1995-01-01") + chrono::Duration::days(start);
            let end = start + chrono::Duration::days(term_days);
            let mut anchors = Anchors {
                commencement: Some(start),
                effective: Some(start),
                end: Some(end),
                events: VecMap::new(),
                deadlines: VecMap::new(),
            };
            if let Some(name) = r.event() {
                anchors.events.insert(name.to_string(), start);
            }
            // A named obligation falls due on the start, and on the end for the second.
            for (i, id) in r.deadline_ids().into_iter().enumerate() {
                let dates = if i == 1 { vec![start, end] } else { vec![start] };
                anchors.deadlines.insert(id.to_string(), dates);
            }
            let dates = r.due_dates(&anchors);
            prop_assert!(dates.windows(2).all(|w| w[0] < w[1]), "{:?}", dates);
            match &r {
                DeadlineRule::MonthsAfterThenAnnually { .. } => {
                    // The first deadline stands even past the term; repeats stay within it.
                    prop_assert!(!dates.is_empty());
                    prop_assert!(
                        dates.iter().skip(1).all(|x| *x <= end && *x > start),
                        "{:?}",
                        dates
                    );
                }
                DeadlineRule::Quarterly => {
                    // The first quarter's date may be the start itself (a one-day term).
                    prop_assert!(!dates.is_empty());
                    prop_assert!(dates.iter().all(|x| *x <= end && *x >= start), "{:?}", dates);
                }
                DeadlineRule::DaysBeforeDeadlines { days, of } => {
                    // One date per distinct deadline, each `days` before it.
                    let mut want: Vec<NaiveDate> = [start, end][..if of.len() > 1 { 2 } else { 1 }]
                        .iter()
                        .map(|x| *x - chrono::Duration::days(i64::from(*days)))
                        .collect();
                    want.dedup();
                    prop_assert_eq!(dates, want);
                }
                _ if r.is_recurring() => {
                    prop_assert!(dates.iter().all(|x| *x <= end && *x > start), "{:?}", dates);
                }
                _ if r != DeadlineRule::Every24Hours => prop_assert_eq!(dates.len(), 1),
                _ => prop_assert!(dates.is_empty()),
            }
        }

        /// Each quarter of the term, worked out here with chrono's own month arithmetic,
        /// holds exactly one date, its last day (or the term's, if sooner).
        #[test]
        fn quarterly_has_one_date_per_quarter(
            start in 0i64..20_000,
            term_days in 0i64..3_000,
        ) {
            let start = d("1995-01-01") + chrono::Duration::days(start);
            let end = start + chrono::Duration::days(term_days);
            let dates = DeadlineRule::Quarterly.due_dates(&Anchors {
                commencement: Some(start),
                end: Some(end),
                ..Anchors::default()
            });
            let mut k = 0;
            let mut expected = Vec::new();
            loop {
                let first = start.checked_add_months(chrono::Months::new(3 * k)).unwrap();
                if first > end {
                    break;
                }
                let next = start.checked_add_months(chrono::Months::new(3 * k + 3)).unwrap();
                let last = (next - chrono::Duration::days(1)).min(end);
                let inside: Vec<_> = dates.iter().filter(|x| first <= **x && **x <= last).collect();
                prop_assert_eq!(inside.len(), 1, "quarter {} from {} to {}: {:?}", k, first, last, dates);
                prop_assert_eq!(*inside[0], last);
                expected.push(last);
                k += 1;
            }
            prop_assert_eq!(dates, expected);
        }
    }
}
