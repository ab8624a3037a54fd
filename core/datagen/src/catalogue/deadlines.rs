//! Deadlines: each rule is read with the core's own grammar (the `deadline-grammar`
//! crate, `core/grammar/`, a build-dependency), then checked against the file: the events and the
//! obligations it names must be there, and be of a kind that can be followed.
use std::collections::{BTreeMap, BTreeSet};

use deadline_grammar::{Anchor, DeadlineRule};

/// The deadline rule of each obligation of a file that has one, by obligation id.
pub type Deadlines<'a> = BTreeMap<&'a str, DeadlineRule<'a>>;

/// Reads a rule: the grammar's message without the rule text, which the caller names.
pub fn parse(text: &str) -> Result<DeadlineRule<'_>, String> {
    DeadlineRule::parse(text).map_err(|e| e.reason().to_string())
}

/// The rule of obligation `id`, which a rule names: it must be in the file, have a
/// deadline, and name no obligation itself (so one round of look-ups resolves it).
fn named_deadline<'d>(
    id: &str,
    deadlines: &'d Deadlines<'d>,
) -> Result<&'d DeadlineRule<'d>, String> {
    let d = deadlines
        .get(id)
        .ok_or_else(|| format!("no [[obligation]] with id `{id}` and a deadline in this file"))?;
    if !d.deadline_ids().is_empty() {
        return Err(format!(
            "`{id}`'s own deadline `{d}` names another obligation; name the deadlines \
             directly"
        ));
    }
    Ok(d)
}

/// Reads a rule and checks what it names: `event:<id>` must name an `[[event]]` of the
/// file, and an obligation named by `deadline:<id>` or "`N days before each deadline of
/// <id>, <id>`" must be one of `deadlines` (the file's) whose own deadline names no
/// obligation; a `deadline:<id>` anchor must also fall due once, and "every 24 hours"
/// (which has no dates) cannot be followed.
pub fn check_deadline<'a>(
    text: &'a str,
    events: &BTreeSet<String>,
    deadlines: &Deadlines,
) -> Result<DeadlineRule<'a>, String> {
    let rule = parse(text)?;
    match rule.anchor() {
        Some(Anchor::Event(id)) if !events.contains(*id) => {
            return Err(format!("no [[event]] with id `{id}` in this file"));
        }
        Some(Anchor::Deadline(id)) => {
            let named = named_deadline(id, deadlines)?;
            if named.is_recurring() {
                return Err(format!(
                    "`deadline:{id}` names a deadline that does not fall once (`{named}`)"
                ));
            }
        }
        _ => {}
    }
    if let DeadlineRule::DaysBeforeDeadlines { of, .. } = &rule {
        for id in of.iter() {
            if *named_deadline(id, deadlines)? == DeadlineRule::Every24Hours {
                return Err(format!("`{id}`'s deadline, every 24 hours, has no dates"));
            }
        }
    }
    Ok(rule)
}
