//! Deadlines that name events or other obligations, checked against the file.
use std::collections::{BTreeMap, BTreeSet};

/// The deadline of each obligation of a file that has one, by obligation id.
pub type Deadlines = BTreeMap<String, String>;

/// Whether a deadline names another obligation (`deadline:<id>`, "days before each
/// deadline of").
fn names_an_obligation(d: &str) -> bool {
    d.contains("deadline:") || d.contains(" days before each deadline of ")
}

/// Whether a deadline falls due more than once (or never, "every 24 hours").
fn recurs(d: &str) -> bool {
    matches!(d, "every contract year" | "every 24 hours" | "quarterly")
        || d.starts_with("annually after ")
        || d.ends_with(", then annually")
}

/// The deadline of obligation `id`, which a rule names: it must be in the file, have a
/// deadline, and name no obligation itself (so one round of look-ups resolves it).
fn named_deadline<'a>(id: &str, deadlines: &'a Deadlines) -> Result<&'a str, String> {
    let d = deadlines
        .get(id)
        .ok_or_else(|| format!("no [[obligation]] with id `{id}` and a deadline in this file"))?;
    if names_an_obligation(d) {
        return Err(format!(
            "`{id}`'s own deadline `{d}` names another obligation; name the deadlines \
             directly"
        ));
    }
    Ok(d)
}

/// Loose check of the deadline grammar; `event:<id>` must name an `[[event]]` of the file,
/// and an obligation named by `deadline:<id>` or "N days before each deadline of <id>,
/// <id>" must be one of `deadlines` (the file's) whose own deadline names no obligation;
/// a `deadline:<id>` anchor must also fall due once, and "every 24 hours" (which has no
/// dates) cannot be followed.
pub fn check_deadline(
    d: &str,
    events: &BTreeSet<String>,
    deadlines: &Deadlines,
) -> Result<(), String> {
    if matches!(
        d,
        "before processing" | "every contract year" | "every 24 hours" | "quarterly"
    ) {
        return Ok(());
    }
    let anchor = |a: &str| -> Result<(), String> {
        match a {
            "commencement" | "effective date" => Ok(()),
            _ => match (a.strip_prefix("event:"), a.strip_prefix("deadline:")) {
                (Some(id), _) if events.contains(id) => Ok(()),
                (Some(id), _) => Err(format!("no [[event]] with id `{id}` in this file")),
                (_, Some(id)) => {
                    let named = named_deadline(id, deadlines)?;
                    if recurs(named) {
                        return Err(format!(
                            "`deadline:{id}` names a deadline that does not fall once \
                             (`{named}`)"
                        ));
                    }
                    Ok(())
                }
                _ => Err(format!(
                    "unknown anchor `{a}` (expected commencement, effective date, event:<id> \
                     or deadline:<id>)"
                )),
            },
        }
    };
    if let Some(a) = d.strip_prefix("annually after ") {
        return anchor(a);
    }
    if let Some(a) = d.strip_prefix("within 24 hours of ") {
        return anchor(a);
    }
    let (n, rest) = d.split_once(' ').ok_or("not a deadline form")?;
    if n.parse::<u32>().map_or(true, |n| n == 0) {
        return Err("not a deadline form (expected a positive number first)".into());
    }
    if let Some(a) = rest.strip_prefix("working days after ") {
        return anchor(a);
    }
    if let Some(a) = rest.strip_prefix("weeks before ") {
        return anchor(a);
    }
    if let Some(ids) = rest.strip_prefix("days before each deadline of ") {
        let mut seen = BTreeSet::new();
        for id in ids.split(", ") {
            if !seen.insert(id) {
                return Err(format!("`{id}` is named twice"));
            }
            if named_deadline(id, deadlines)? == "every 24 hours" {
                return Err(format!("`{id}`'s deadline, every 24 hours, has no dates"));
            }
        }
        return Ok(());
    }
    if let Some(a) = rest.strip_prefix("months after ") {
        return anchor(a.strip_suffix(", then annually").unwrap_or(a));
    }
    Err("not a deadline form".into())
}
