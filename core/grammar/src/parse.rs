//! Reading a rule's text: [`DeadlineRule::parse`], in the grammar of the crate's
//! documentation. Uses nothing but `std`.
use std::fmt;

use crate::{Anchor, DeadlineRule, Ids, MAX_COUNT};

impl<'a> Anchor<&'a str, &'a str> {
    /// Reads an anchor: `commencement`, `effective date`, `event:NAME` or `deadline:ID`.
    fn parse(text: &'a str) -> Result<Self, String> {
        match text {
            "commencement" => Ok(Anchor::Commencement),
            "effective date" => Ok(Anchor::EffectiveDate),
            _ => {
                if let Some(name) = text.strip_prefix("event:") {
                    return match name {
                        "" => Err("the event name after \"event:\" is missing".to_string()),
                        _ if is_name(name) => Ok(Anchor::Event(name)),
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
fn parse_id(id: &str) -> Result<&str, String> {
    if id.is_empty() {
        Err("an obligation id is missing".to_string())
    } else if is_name(id) {
        Ok(id)
    } else {
        Err(format!(
            "invalid obligation id {id:?}: use lower-case letters, digits and hyphens"
        ))
    }
}

/// Whether `name` matches `[a-z0-9-]+` (event names and obligation ids).
fn is_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
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

impl<'a> DeadlineRule<'a> {
    /// Reads a rule in the grammar of the module documentation; the rule borrows its names
    /// and ids from `text`.
    ///
    /// The error names the rule and the part that could not be read, e.g.
    /// `invalid deadline rule "0 months after commencement": the number must be at least 1`.
    pub fn parse(text: &'a str) -> Result<DeadlineRule<'a>, DeadlineParseError> {
        Self::parse_inner(text).map_err(|reason| DeadlineParseError {
            text: text.to_string(),
            reason,
        })
    }

    fn parse_inner(text: &'a str) -> Result<DeadlineRule<'a>, String> {
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
            let mut of: Vec<&str> = Vec::new();
            for id in ids.split(", ") {
                let id = parse_id(id)?;
                if of.contains(&id) {
                    return Err(format!("the obligation {id:?} is named twice"));
                }
                of.push(id);
            }
            return Ok(DeadlineRule::DaysBeforeDeadlines {
                days: n,
                of: Ids::Listed(of),
            });
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
}

impl<'a> TryFrom<&'a str> for DeadlineRule<'a> {
    type Error = DeadlineParseError;

    /// The same as [`DeadlineRule::parse`].
    fn try_from(text: &'a str) -> Result<Self, Self::Error> {
        DeadlineRule::parse(text)
    }
}
