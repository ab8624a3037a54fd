//! The checks serde cannot make: ids, vocabularies (categories, levels, conditions,
//! verdict kinds), paragraph references and deadlines. Each error names the entry;
//! [`check_file`] returns the file's entries checked and cleaned (whitespace collapsed,
//! names turned into the variants the generated code uses).
use std::collections::BTreeSet;

use super::deadlines::{check_deadline, parse, Deadlines};
use super::schema::{self, entry_name, CatalogueFile};
use super::spec::Spec;
use deadline_grammar::DeadlineRule;

/// Category names in the data and their `Category` variants.
const CATEGORIES: [(&str, &str); 10] = [
    ("Certification", "Certification"),
    ("Governance", "Governance"),
    ("Data handling", "DataHandling"),
    ("Standards", "Standards"),
    ("Incidents and notification", "IncidentsAndNotification"),
    ("Business continuity", "BusinessContinuity"),
    ("Personnel", "Personnel"),
    ("Technical", "Technical"),
    ("Audit", "Audit"),
    ("Devices", "Devices"),
];

/// Condition ids and their `Condition` variants.
const CONDITIONS: [(&str, &str); 14] = [
    ("access", "Access"),
    ("no-access", "NoAccess"),
    ("hosting", "Hosting"),
    ("special-category", "SpecialCategory"),
    ("path-a", "PathA"),
    ("path-b", "PathB"),
    ("other-contracts", "OtherContracts"),
    ("level-change", "LevelChange"),
    ("own-devices", "OwnDevices"),
    ("no-own-devices", "NoOwnDevices"),
    ("official", "Official"),
    ("official-sensitive", "OfficialSensitive"),
    ("bulk", "Bulk"),
    ("no-bulk", "NoBulk"),
];

/// Conditions that can never hold together.
const EXCLUSIVE: [(&str, &str); 5] = [
    ("access", "no-access"),
    ("path-a", "path-b"),
    ("own-devices", "no-own-devices"),
    ("official", "official-sensitive"),
    ("bulk", "no-bulk"),
];

/// Own-device verdict kinds in the data and their `DeviceVerdictKind` variants.
const VERDICTS: [(&str, &str); 4] = [
    ("not-using-own-devices", "NotUsingOwnDevices"),
    ("may-use-own-with-conditions", "MayUseOwnWithConditions"),
    ("must-use-moj-facilities", "MustUseMojFacilities"),
    (
        "must-use-moj-facilities-long-term",
        "MustUseMojFacilitiesLongTerm",
    ),
];

/// A data file, checked: what the generated code is written from.
pub struct Checked<'a> {
    /// (id, label) of each `[[event]]`.
    pub events: Vec<(&'a str, String)>,
    /// Each `[[obligation]]`, in file order.
    pub obligations: Vec<Obligation<'a>>,
    /// (start, reason) of each `[[not_an_obligation]]`.
    pub not_obligations: Vec<(String, String)>,
    /// (`DeviceVerdictKind` variant, headline, explanation), 2017 file only.
    pub verdicts: Vec<(&'static str, String, String)>,
}

/// An `[[obligation]]`, checked.
pub struct Obligation<'a> {
    /// "[[obligation]] `df-2-7`", for the generator's own messages.
    pub name: String,
    pub id: &'a str,
    pub reference: &'a str,
    /// Whitespace collapsed, as are `text` and `note`.
    pub title: String,
    /// The `Category` variant.
    pub category: &'static str,
    /// `Level` variants, in order (empty for the 2017 schedule).
    pub levels: Vec<&'static str>,
    /// `Condition` variants, as listed.
    pub when: Vec<&'static str>,
    pub deadline: Option<DeadlineRule<'a>>,
    pub text: String,
    pub note: Option<String>,
}

/// `value`, unless it is blank.
fn filled<'a>(name: &str, key: &str, value: &'a str) -> Result<&'a str, String> {
    if value.trim().is_empty() {
        return Err(format!("{name}: field `{key}` is empty"));
    }
    Ok(value)
}

/// Checks a data file against `spec`; `all_ids` collects obligation ids across files.
pub fn check_file<'a>(
    spec: &Spec,
    file: &'a CatalogueFile,
    all_ids: &mut BTreeSet<String>,
) -> Result<Checked<'a>, String> {
    if !spec.has_verdicts && !file.device_verdict.is_empty() {
        return Err("unknown section [[device_verdict]] (2017 file only)".into());
    }
    if file.obligation.is_empty() {
        return Err("no [[obligation]] entries".into());
    }
    // Events first: deadlines refer to them.
    let mut event_ids = BTreeSet::new();
    let mut events = Vec::new();
    for (i, e) in file.event.iter().enumerate() {
        let name = entry_name("event", i, &e.id);
        let id = filled(&name, "id", &e.id)?;
        check_id(&name, id, spec.id_prefix, false)?;
        if !event_ids.insert(id.to_string()) {
            return Err(format!("{name}: duplicate event id"));
        }
        events.push((id, squash(filled(&name, "label", &e.label)?)));
    }
    // Every obligation's deadline rule, by id, for the rules that name another
    // obligation: all read first, so that a rule that does not parse is reported as such.
    let mut deadlines = Deadlines::new();
    for (i, o) in file.obligation.iter().enumerate() {
        if let Some(d) = &o.deadline {
            let name = entry_name("obligation", i, &o.id);
            let rule = parse(filled(&name, "deadline", d)?)
                .map_err(|m| format!("{name}: deadline `{d}`: {m}"))?;
            deadlines.insert(o.id.as_str(), rule);
        }
    }
    let mut obligations = Vec::new();
    for (i, o) in file.obligation.iter().enumerate() {
        obligations.push(check_obligation(
            spec,
            entry_name("obligation", i, &o.id),
            o,
            all_ids,
            &event_ids,
            &deadlines,
        )?);
    }
    let mut not_obligations = Vec::new();
    for (i, n) in file.not_an_obligation.iter().enumerate() {
        let name = entry_name("not_an_obligation", i, &n.start);
        not_obligations.push((
            squash(filled(&name, "start", &n.start)?),
            squash(filled(&name, "reason", &n.reason)?),
        ));
    }
    let verdicts = if spec.has_verdicts {
        check_verdicts(&file.device_verdict)?
    } else {
        Vec::new()
    };
    Ok(Checked {
        events,
        obligations,
        not_obligations,
        verdicts,
    })
}

fn check_obligation<'a>(
    spec: &Spec,
    name: String,
    o: &'a schema::Obligation,
    all_ids: &mut BTreeSet<String>,
    event_ids: &BTreeSet<String>,
    deadlines: &Deadlines,
) -> Result<Obligation<'a>, String> {
    let id = filled(&name, "id", &o.id)?;
    check_id(&name, id, spec.id_prefix, true)?;
    if !all_ids.insert(id.to_string()) {
        return Err(format!(
            "{name}: duplicate id (ids are unique across both files)"
        ));
    }
    let reference = filled(&name, "ref", &o.reference)?;
    super::references::check_reference(spec.has_levels, reference)
        .map_err(|m| format!("{name}: malformed reference `{reference}`: {m}"))?;
    let title = filled(&name, "title", &o.title)?;
    if title.contains('\n') {
        return Err(format!("{name}: `title` must be one line"));
    }
    let category = filled(&name, "category", &o.category)?;
    let category = variant_of(&name, "category", category, &CATEGORIES)?;
    let levels = match (&o.levels, spec.has_levels) {
        (Some(list), true) => levels(&name, list)?,
        (None, true) => return Err(format!("{name}: missing field `levels`")),
        (Some(_), false) => return Err(format!("{name}: `levels` is for the DF schedule only")),
        (None, false) => Vec::new(),
    };
    let when = conditions(&name, spec, &o.when)?;
    let deadline = match &o.deadline {
        Some(d) => {
            let d = filled(&name, "deadline", d)?;
            Some(
                check_deadline(d, event_ids, deadlines)
                    .map_err(|m| format!("{name}: deadline `{d}`: {m}"))?,
            )
        }
        None => None,
    };
    let text = filled(&name, "text", &o.text)?;
    if text.contains("[bookmark") {
        return Err(format!(
            "{name}: leave `[bookmark: …]` markers out of `text`"
        ));
    }
    let note = match &o.note {
        Some(n) => Some(squash(filled(&name, "note", n)?)),
        None => None,
    };
    Ok(Obligation {
        id,
        reference,
        title: squash(title),
        category,
        levels,
        when,
        deadline,
        text: squash(text),
        note,
        name,
    })
}

/// The Rust variant for a data value from one of the tables above, or an error naming the
/// entry and listing the values it could have been.
fn variant_of(
    name: &str,
    what: &str,
    value: &str,
    table: &[(&str, &'static str)],
) -> Result<&'static str, String> {
    table
        .iter()
        .find(|(v, _)| *v == value)
        .map(|(_, variant)| *variant)
        .ok_or_else(|| {
            let known: Vec<&str> = table.iter().map(|(v, _)| *v).collect();
            format!(
                "{name}: unknown {what} `{value}` (expected one of: {})",
                known.join(", ")
            )
        })
}

/// The own-device verdicts: every kind once, as `DeviceVerdictKind` variants.
fn check_verdicts(
    verdicts: &[schema::DeviceVerdict],
) -> Result<Vec<(&'static str, String, String)>, String> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for (i, v) in verdicts.iter().enumerate() {
        let name = entry_name("device_verdict", i, &v.kind);
        let kind = filled(&name, "kind", &v.kind)?;
        let variant = variant_of(&name, "kind", kind, &VERDICTS)?;
        if !seen.insert(kind.to_string()) {
            return Err(format!("{name}: duplicate kind `{kind}`"));
        }
        out.push((
            variant,
            squash(filled(&name, "headline", &v.headline)?),
            squash(filled(&name, "explanation", &v.explanation)?),
        ));
    }
    if let Some((missing, _)) = VERDICTS.iter().find(|(k, _)| !seen.contains(*k)) {
        return Err(format!("[[device_verdict]]: kind `{missing}` is missing"));
    }
    Ok(out)
}

fn check_id(name: &str, id: &str, prefix: &str, need_prefix: bool) -> Result<(), String> {
    if !id
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        || id.starts_with('-')
        || id.ends_with('-')
        || id.contains("--")
    {
        return Err(format!(
            "{name}: id must be lowercase words joined by `-` ([a-z0-9-]+)"
        ));
    }
    if need_prefix && !id.starts_with(prefix) {
        return Err(format!("{name}: id must start with `{prefix}`"));
    }
    Ok(())
}

/// `levels`: any of S1…S6, or `["all"]`; as `Level` variants, in order.
fn levels(name: &str, list: &[String]) -> Result<Vec<&'static str>, String> {
    const ALL: [&str; 6] = ["S1", "S2", "S3", "S4", "S5", "S6"];
    if list.is_empty() {
        return Err(format!("{name}: `levels` is empty"));
    }
    if list.iter().any(|l| l == "all") {
        if list.len() > 1 {
            return Err(format!("{name}: `all` must be the only level"));
        }
        return Ok(ALL.to_vec());
    }
    let mut seen = BTreeSet::new();
    for l in list {
        let Some(level) = ALL.iter().find(|a| *a == l) else {
            return Err(format!(
                "{name}: unknown level `{l}` (expected S1…S6 or all)"
            ));
        };
        if !seen.insert(*level) {
            return Err(format!("{name}: level `{l}` listed twice"));
        }
    }
    Ok(seen.into_iter().collect())
}

/// `when`: conditions from the file's vocabulary, as `Condition` variants.
fn conditions(name: &str, spec: &Spec, list: &[String]) -> Result<Vec<&'static str>, String> {
    let mut out = Vec::new();
    for c in list {
        let Some((_, variant)) = CONDITIONS.iter().find(|(id, _)| id == c) else {
            return Err(format!(
                "{name}: unknown condition `{c}` (expected one of: {})",
                spec.conditions.join(", ")
            ));
        };
        if !spec.conditions.contains(&c.as_str()) {
            return Err(format!(
                "{name}: condition `{c}` does not belong to this schedule (expected one of: {})",
                spec.conditions.join(", ")
            ));
        }
        if out.contains(variant) {
            return Err(format!("{name}: condition `{c}` listed twice"));
        }
        out.push(*variant);
    }
    for (a, b) in EXCLUSIVE {
        if list.iter().any(|c| c == a) && list.iter().any(|c| c == b) {
            return Err(format!(
                "{name}: conditions `{a}` and `{b}` can never both hold"
            ));
        }
    }
    Ok(out)
}

/// Collapses every run of whitespace to one space and trims.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
