//! Deadline rules in plain English, for the UI and the calendar file.
use deadline_grammar::{Anchor, DeadlineRule};

use crate::duties::{EventId, ObligationId};

/// An anchor as the schedules name it, for [`Describe::describe`]: "the Call-Off
/// Commencement Date", "the event", "the ¶3.6.5 deadline".
fn phrase(anchor: &Anchor<EventId, ObligationId>) -> String {
    match anchor {
        Anchor::Commencement => "the Call-Off Commencement Date".to_string(),
        Anchor::EffectiveDate => "the Effective Date".to_string(),
        Anchor::Event(_) => "the event".to_string(),
        Anchor::Deadline(id) => format!("the {} deadline", cite(*id)),
    }
}

/// How an obligation named by a rule is cited: "¶3.6.5".
fn cite(id: ObligationId) -> String {
    format!("¶{}", id.obligation().reference)
}

/// A catalogue rule in plain English (the grammar crate writes only the rule's own text).
pub trait Describe {
    /// A plain-English phrase for the UI, such as "within 10 Working Days after the
    /// event" or "no later than 6 weeks before the Call-Off Commencement Date".
    fn describe(&self) -> String;

    /// What follows the first date of a recurring rule, when only that date is shown (the
    /// term's end unknown): "then every year", "then every quarter", "then once in every
    /// Call-Off Contract Year", "then the day before each later deadline".
    fn then_every(&self) -> Option<&'static str>;
}

impl Describe for DeadlineRule<'_, EventId, ObligationId> {
    fn describe(&self) -> String {
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
                phrase(anchor)
            ),
            DeadlineRule::WeeksBefore { weeks, anchor } => format!(
                "no later than {} before {}",
                count(*weeks, "week", "weeks"),
                phrase(anchor)
            ),
            DeadlineRule::MonthsAfter { months, anchor } => format!(
                "within {} of {}",
                count(*months, "month", "months"),
                phrase(anchor)
            ),
            DeadlineRule::MonthsAfterThenAnnually { months, anchor } => format!(
                "within {} of {}, then every year",
                count(*months, "month", "months"),
                phrase(anchor)
            ),
            DeadlineRule::AnnuallyAfter { anchor } => {
                format!("every year after {}", phrase(anchor))
            }
            DeadlineRule::EveryContractYear => "once in every Call-Off Contract Year".to_string(),
            DeadlineRule::Every24Hours => "at least once every 24 hours".to_string(),
            DeadlineRule::Quarterly => {
                "at least once in each quarter of the term, by its last day".to_string()
            }
            DeadlineRule::Within24HoursOf { anchor } => {
                format!("within 24 hours of {}", phrase(anchor))
            }
            DeadlineRule::DaysBeforeDeadlines { days, of } => {
                let cited: Vec<String> = of.iter().map(|&id| cite(id)).collect();
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

    fn then_every(&self) -> Option<&'static str> {
        match self {
            DeadlineRule::MonthsAfterThenAnnually { .. } | DeadlineRule::AnnuallyAfter { .. } => {
                Some("then every year")
            }
            DeadlineRule::EveryContractYear => Some("then once in every Call-Off Contract Year"),
            DeadlineRule::Quarterly => Some("then every quarter"),
            DeadlineRule::DaysBeforeDeadlines { days: 1, .. } => {
                Some("then the day before each later deadline")
            }
            DeadlineRule::DaysBeforeDeadlines { .. } => Some("then before each later deadline"),
            _ => None,
        }
    }
}
