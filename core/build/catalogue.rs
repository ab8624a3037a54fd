//! Generates `$OUT_DIR/catalogue.rs` from `data/df-obligations.toml` and
//! `data/sm2017-obligations.toml`: `static` data that `src/catalogue.rs` includes, so the
//! WebAssembly bundle carries no TOML parser (the obligations in a compact form, see
//! [`build`]).
//!
//! Reading TOML (`generate`) is kept apart from checking and code generation (`build`),
//! which work on a plain representation ([`Doc`]). `tests/catalogue.rs` includes this
//! file to check that malformed data is rejected with a message naming the file and the
//! entry; the TOML-reading part is left out there (`cfg(not(test))`), as the test crate
//! has no TOML parser.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use crate::util::lit;

/// A value in a data entry: a string, a list of strings, or something else (by type name).
#[derive(Clone, Debug)]
pub enum Value {
    /// A string.
    Str(String),
    /// An array of strings.
    List(Vec<String>),
    /// Any other TOML value; only its type name is kept, for the error message.
    Other(&'static str),
}

/// One `[[table]]` entry: its keys and values, in file order.
pub type Entry = Vec<(String, Value)>;

/// A data file: each top-level array of tables by name, in file order.
#[derive(Clone, Debug, Default)]
pub struct Doc {
    /// (`obligation`, entries), (`event`, entries), …
    pub sections: Vec<(String, Vec<Entry>)>,
}

/// A data error: the file and a message that names the entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataError {
    /// The data file's name, e.g. `df-obligations.toml`.
    pub file: String,
    /// What is wrong, naming the entry's id.
    pub message: String,
}

/// What differs between the two data files.
struct Spec {
    file: &'static str,
    /// Every id in the file starts with this.
    id_prefix: &'static str,
    /// Prefix of the generated statics.
    statics: &'static str,
    /// DF obligations carry `levels`; 2017 ones must not.
    has_levels: bool,
    /// Only the 2017 file holds the CIO own-device verdicts.
    has_verdicts: bool,
    /// Conditions allowed in `when`.
    conditions: &'static [&'static str],
}

const DF_CONDITIONS: &[&str] = &[
    "access",
    "no-access",
    "hosting",
    "special-category",
    "path-a",
    "path-b",
    "other-contracts",
    "level-change",
];
const SM2017_CONDITIONS: &[&str] = &[
    "own-devices",
    "no-own-devices",
    "official",
    "official-sensitive",
    "bulk",
    "no-bulk",
];

const SPECS: [Spec; 2] = [
    Spec {
        file: "df-obligations.toml",
        id_prefix: "df-",
        statics: "DF",
        has_levels: true,
        has_verdicts: false,
        conditions: DF_CONDITIONS,
    },
    Spec {
        file: "sm2017-obligations.toml",
        id_prefix: "sm2017-",
        statics: "SM2017",
        has_levels: false,
        has_verdicts: true,
        conditions: SM2017_CONDITIONS,
    },
];

/// The data files, in catalogue order.
pub const FILES: [&str; 2] = [SPECS[0].file, SPECS[1].file];

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

/// The headings of DF ¶3.6, under which paragraphs without a provable number are cited
/// by position ("3.6, Business Continuity, 2nd paragraph").
pub const DF_S6_HEADINGS: [&str; 11] = [
    "Certification Requirements",
    "Governance",
    "Assurance",
    "Access, Authorisation, Authentication and Audit",
    "Risk Assessment & Management",
    "Awareness & Training",
    "Personnel Security",
    "Technical Security",
    "Operational Security & Incident Management",
    "Business Continuity",
    "Audit and Protection Monitoring",
];

const ORDINALS: [&str; 9] = [
    "1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th",
];

/// Reads both data files, checks them and writes `$OUT_DIR/catalogue.rs`; a malformed
/// file fails the build with a message naming the file and the entry.
#[cfg(not(test))]
pub fn generate(data: &std::path::Path, out: &std::path::Path) {
    use crate::util::{fail, read};
    let docs: Vec<(&str, Doc)> = FILES
        .iter()
        .map(|&file| {
            let table: toml::Table =
                toml::from_str(&read(data, file)).unwrap_or_else(|e| fail(file, e));
            (file, doc_from_toml(table).unwrap_or_else(|e| fail(file, e)))
        })
        .collect();
    let refs: Vec<(&str, &Doc)> = docs.iter().map(|(f, d)| (*f, d)).collect();
    let code = build(&refs).unwrap_or_else(|e| fail(&e.file, e.message));
    std::fs::write(out.join("catalogue.rs"), code).expect("write catalogue.rs");
}

/// Turns a parsed TOML file into a [`Doc`].
#[cfg(not(test))]
fn doc_from_toml(table: toml::Table) -> Result<Doc, String> {
    let mut doc = Doc::default();
    for (section, value) in table {
        let toml::Value::Array(items) = value else {
            return Err(format!(
                "top-level key `{section}` must be an array of tables ([[{section}]])"
            ));
        };
        let mut entries = Vec::new();
        for (i, item) in items.into_iter().enumerate() {
            let toml::Value::Table(t) = item else {
                return Err(format!("[[{section}]] #{}: not a table", i + 1));
            };
            let entry = t
                .into_iter()
                .map(|(k, v)| {
                    let v = match v {
                        toml::Value::String(s) => Value::Str(s),
                        toml::Value::Array(a) => {
                            let strings: Option<Vec<String>> = a
                                .into_iter()
                                .map(|x| match x {
                                    toml::Value::String(s) => Some(s),
                                    _ => None,
                                })
                                .collect();
                            strings.map_or(Value::Other("array of non-strings"), Value::List)
                        }
                        other => Value::Other(other.type_str()),
                    };
                    (k, v)
                })
                .collect();
            entries.push(entry);
        }
        doc.sections.push((section, entries));
    }
    Ok(doc)
}

/// Checks the data files and returns the generated Rust code.
///
/// Obligations are generated compactly, as `src/catalogue.rs` decodes them (once, on first
/// use): per file, one text holding every obligation's record (the fields in
/// [`RECORD_FIELDS`] order, each followed by [`SEPARATOR`], an absent optional field left
/// empty) and an array of one-byte codes (category, and indexes into the distinct `levels`
/// and `when` lists, shared by both files). With no pointer per string, the WebAssembly
/// data section is smaller and compresses better.
pub fn build(docs: &[(&str, &Doc)]) -> Result<String, DataError> {
    let mut code = String::from("// @generated by build/catalogue.rs from data/*.toml\n");
    let mut all_ids = BTreeSet::new();
    let mut sets = Sets::default();
    for (file, doc) in docs {
        let spec = SPECS
            .iter()
            .find(|s| s.file == *file)
            .ok_or_else(|| DataError {
                file: file.to_string(),
                message: "not a catalogue data file".into(),
            })?;
        build_file(spec, doc, &mut all_ids, &mut sets, &mut code).map_err(|message| DataError {
            file: file.to_string(),
            message,
        })?;
    }
    for (name, ty, sets) in [
        ("LEVEL_SETS", "Level", &sets.levels),
        ("WHEN_SETS", "Condition", &sets.when),
    ] {
        writeln!(code, "static {name}: &[&[{ty}]] = &[").unwrap();
        for set in sets {
            writeln!(code, "    &[{set}],").unwrap();
        }
        code.push_str("];\n");
    }
    Ok(code)
}

/// The field separator in the obligation texts (ASCII unit separator, U+001F).
pub const SEPARATOR: char = '\u{1f}';

/// The string fields of an obligation's record, in order.
pub const RECORD_FIELDS: [&str; 6] = ["id", "ref", "title", "deadline", "text", "note"];

/// The distinct `levels` and `when` lists of both files, each indexed by a one-byte code.
#[derive(Default)]
struct Sets {
    /// `Level::S1, Level::S2`, …
    levels: Vec<String>,
    /// `Condition::PathB, Condition::Access`, …
    when: Vec<String>,
}

impl Sets {
    /// The code of a list, adding it if new.
    fn code(name: &str, sets: &mut Vec<String>, set: String) -> Result<u8, String> {
        let i = match sets.iter().position(|s| *s == set) {
            Some(i) => i,
            None => {
                sets.push(set);
                sets.len() - 1
            }
        };
        u8::try_from(i)
            .map_err(|_| format!("{name}: more than 256 distinct `levels` or `when` lists"))
    }
}

/// Appends an obligation's record (the values of [`RECORD_FIELDS`]) to `records`.
fn record(name: &str, records: &mut String, fields: [&str; 6]) -> Result<(), String> {
    for (value, key) in fields.iter().zip(RECORD_FIELDS) {
        if value.contains(SEPARATOR) {
            return Err(format!(
                "{name}: `{key}` must not contain the control character U+001F"
            ));
        }
        records.push_str(value);
        records.push(SEPARATOR);
    }
    Ok(())
}

fn build_file(
    spec: &Spec,
    doc: &Doc,
    all_ids: &mut BTreeSet<String>,
    sets: &mut Sets,
    code: &mut String,
) -> Result<(), String> {
    let mut events: &[Entry] = &[];
    let mut obligations: &[Entry] = &[];
    let mut not_obligations: &[Entry] = &[];
    let mut verdicts: &[Entry] = &[];
    for (section, entries) in &doc.sections {
        match section.as_str() {
            "event" => events = entries,
            "obligation" => obligations = entries,
            "not_an_obligation" => not_obligations = entries,
            "device_verdict" if spec.has_verdicts => verdicts = entries,
            other => return Err(format!("unknown section [[{other}]]")),
        }
    }
    if obligations.is_empty() {
        return Err("no [[obligation]] entries".into());
    }

    // Events first: deadlines refer to them.
    let mut event_ids = BTreeSet::new();
    let mut out = format!("static {}_EVENTS: &[Event] = &[\n", spec.statics);
    for (i, e) in events.iter().enumerate() {
        let name = entry_name("event", i, e);
        let f = Fields::new(&name, e, &["id", "label"])?;
        let id = f.str("id")?;
        check_id(&name, id, spec.id_prefix, false)?;
        if !event_ids.insert(id.to_string()) {
            return Err(format!("{name}: duplicate event id"));
        }
        let label = f.str("label")?;
        writeln!(
            out,
            "    Event {{ id: {}, label: {} }},",
            lit(id),
            lit(&squash(label))
        )
        .unwrap();
    }
    out.push_str("];\n");
    code.push_str(&out);

    // Every obligation's deadline, by id, for the rules that name another obligation.
    let deadlines: Deadlines = obligations
        .iter()
        .filter_map(|e| {
            let text = |key: &str| {
                e.iter().find_map(|(k, v)| match v {
                    Value::Str(s) if k == key => Some(s.clone()),
                    _ => None,
                })
            };
            Some((text("id")?, text("deadline")?))
        })
        .collect();

    let mut out = format!("static {}_OBLIGATION_CODES: &[Codes] = &[\n", spec.statics);
    let mut records = String::new();
    for (i, e) in obligations.iter().enumerate() {
        let name = entry_name("obligation", i, e);
        let f = Fields::new(
            &name,
            e,
            &[
                "id", "ref", "title", "category", "levels", "when", "deadline", "text", "note",
            ],
        )?;
        let id = f.str("id")?;
        check_id(&name, id, spec.id_prefix, true)?;
        if !all_ids.insert(id.to_string()) {
            return Err(format!(
                "{name}: duplicate id (ids are unique across both files)"
            ));
        }
        let reference = f.str("ref")?;
        check_reference(spec.has_levels, reference)
            .map_err(|m| format!("{name}: malformed reference `{reference}`: {m}"))?;
        let title = f.str("title")?;
        if title.contains('\n') {
            return Err(format!("{name}: `title` must be one line"));
        }
        let category = f.str("category")?;
        let category = CATEGORIES
            .iter()
            .find(|(n, _)| *n == category)
            .map(|(_, v)| *v)
            .ok_or_else(|| {
                format!(
                    "{name}: unknown category `{category}` (expected one of: {})",
                    CATEGORIES.map(|(n, _)| n).join(", ")
                )
            })?;
        let levels = if spec.has_levels {
            levels(&name, f.list("levels")?)?
        } else {
            if f.get("levels").is_some() {
                return Err(format!("{name}: `levels` is for the DF schedule only"));
            }
            String::new()
        };
        let when = conditions(&name, spec, f.opt_list("when")?)?;
        let deadline = f.opt_str("deadline")?;
        if let Some(d) = deadline {
            check_deadline(d, &event_ids, &deadlines)
                .map_err(|m| format!("{name}: deadline `{d}`: {m}"))?;
        }
        let text = f.str("text")?;
        if text.contains("[bookmark") {
            return Err(format!(
                "{name}: leave `[bookmark: …]` markers out of `text`"
            ));
        }
        let note = f.opt_str("note")?.map(squash);
        record(
            &name,
            &mut records,
            [
                id,
                reference,
                &squash(title),
                deadline.unwrap_or_default(),
                &squash(text),
                note.as_deref().unwrap_or_default(),
            ],
        )?;
        let levels = Sets::code(&name, &mut sets.levels, levels)?;
        let when = Sets::code(&name, &mut sets.when, when)?;
        writeln!(
            out,
            "    Codes {{ category: Category::{category}, levels: {levels}, when: {when} }},"
        )
        .unwrap();
    }
    out.push_str("];\n");
    code.push_str(&out);
    writeln!(
        code,
        "static {}_OBLIGATION_TEXT: &str = {};",
        spec.statics,
        lit(&records)
    )
    .unwrap();

    let mut out = format!(
        "static {}_NOT_AN_OBLIGATION: &[NotAnObligation] = &[\n",
        spec.statics
    );
    for (i, e) in not_obligations.iter().enumerate() {
        let name = entry_name("not_an_obligation", i, e);
        let f = Fields::new(&name, e, &["start", "reason"])?;
        writeln!(
            out,
            "    NotAnObligation {{ start: {}, reason: {} }},",
            lit(&squash(f.str("start")?)),
            lit(&squash(f.str("reason")?))
        )
        .unwrap();
    }
    out.push_str("];\n");
    code.push_str(&out);

    if spec.has_verdicts {
        let mut seen = BTreeSet::new();
        let mut out =
            String::from("static DEVICE_VERDICT_TEXT: &[(DeviceVerdictKind, &str, &str)] = &[\n");
        for (i, e) in verdicts.iter().enumerate() {
            let name = entry_name("device_verdict", i, e);
            let f = Fields::new(&name, e, &["kind", "headline", "explanation"])?;
            let kind = f.str("kind")?;
            let variant = VERDICTS
                .iter()
                .find(|(k, _)| *k == kind)
                .map(|(_, v)| *v)
                .ok_or_else(|| {
                    format!(
                        "{name}: unknown kind `{kind}` (expected one of: {})",
                        VERDICTS.map(|(k, _)| k).join(", ")
                    )
                })?;
            if !seen.insert(kind.to_string()) {
                return Err(format!("{name}: duplicate kind `{kind}`"));
            }
            writeln!(
                out,
                "    (DeviceVerdictKind::{variant}, {}, {}),",
                lit(&squash(f.str("headline")?)),
                lit(&squash(f.str("explanation")?))
            )
            .unwrap();
        }
        if let Some((missing, _)) = VERDICTS.iter().find(|(k, _)| !seen.contains(*k)) {
            return Err(format!("[[device_verdict]]: kind `{missing}` is missing"));
        }
        out.push_str("];\n");
        code.push_str(&out);
    }
    Ok(())
}

/// "obligation `df-2-7`", or "obligation #3" when the entry has no usable id.
fn entry_name(section: &str, i: usize, e: &Entry) -> String {
    let key = if section == "not_an_obligation" {
        "start"
    } else if section == "device_verdict" {
        "kind"
    } else {
        "id"
    };
    match e.iter().find(|(k, _)| k == key) {
        Some((_, Value::Str(s))) if !s.trim().is_empty() => {
            let s: String = s.chars().take(60).collect();
            format!("[[{section}]] `{s}`")
        }
        _ => format!("[[{section}]] #{} (no `{key}`)", i + 1),
    }
}

/// An entry's fields, with the entry's name for error messages.
struct Fields<'a> {
    name: &'a str,
    entry: &'a Entry,
}

impl<'a> Fields<'a> {
    fn new(name: &'a str, entry: &'a Entry, allowed: &[&str]) -> Result<Self, String> {
        for (k, _) in entry {
            if !allowed.contains(&k.as_str()) {
                return Err(format!(
                    "{name}: unknown field `{k}` (expected: {})",
                    allowed.join(", ")
                ));
            }
        }
        Ok(Fields { name, entry })
    }

    fn get(&self, key: &str) -> Option<&'a Value> {
        self.entry.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    fn opt_str(&self, key: &str) -> Result<Option<&'a str>, String> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Str(s)) if s.trim().is_empty() => {
                Err(format!("{}: field `{key}` is empty", self.name))
            }
            Some(Value::Str(s)) => Ok(Some(s)),
            Some(v) => Err(format!(
                "{}: field `{key}` must be a string, not {}",
                self.name,
                type_name(v)
            )),
        }
    }

    fn str(&self, key: &str) -> Result<&'a str, String> {
        self.opt_str(key)?
            .ok_or_else(|| format!("{}: missing field `{key}`", self.name))
    }

    fn opt_list(&self, key: &str) -> Result<&'a [String], String> {
        match self.get(key) {
            None => Ok(&[]),
            Some(Value::List(l)) => Ok(l),
            Some(v) => Err(format!(
                "{}: field `{key}` must be a list of strings, not {}",
                self.name,
                type_name(v)
            )),
        }
    }

    fn list(&self, key: &str) -> Result<&'a [String], String> {
        match self.get(key) {
            None => Err(format!("{}: missing field `{key}`", self.name)),
            Some(_) => self.opt_list(key),
        }
    }
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Str(_) => "a string",
        Value::List(_) => "a list",
        Value::Other(t) => t,
    }
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

/// `levels`: any of S1…S6, or `["all"]`; generated as `Level::S1, …`.
fn levels(name: &str, list: &[String]) -> Result<String, String> {
    if list.is_empty() {
        return Err(format!("{name}: `levels` is empty"));
    }
    if list.iter().any(|l| l == "all") {
        if list.len() > 1 {
            return Err(format!("{name}: `all` must be the only level"));
        }
        return Ok((1..=6)
            .map(|n| format!("Level::S{n}"))
            .collect::<Vec<_>>()
            .join(", "));
    }
    let mut seen = BTreeSet::new();
    for l in list {
        let ok = matches!(l.as_str(), "S1" | "S2" | "S3" | "S4" | "S5" | "S6");
        if !ok {
            return Err(format!(
                "{name}: unknown level `{l}` (expected S1…S6 or all)"
            ));
        }
        if !seen.insert(l.as_str()) {
            return Err(format!("{name}: level `{l}` listed twice"));
        }
    }
    Ok(seen
        .iter()
        .map(|l| format!("Level::{l}"))
        .collect::<Vec<_>>()
        .join(", "))
}

/// `when`: conditions from the file's vocabulary; generated as `Condition::…`.
fn conditions(name: &str, spec: &Spec, list: &[String]) -> Result<String, String> {
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
        let variant = format!("Condition::{variant}");
        if out.contains(&variant) {
            return Err(format!("{name}: condition `{c}` listed twice"));
        }
        out.push(variant);
    }
    for (a, b) in EXCLUSIVE {
        if list.iter().any(|c| c == a) && list.iter().any(|c| c == b) {
            return Err(format!(
                "{name}: conditions `{a}` and `{b}` can never both hold"
            ));
        }
    }
    Ok(out.join(", "))
}

/// Checks a paragraph reference.
///
/// DF: `1.3`, `2.8.1`, `3.5.1(b)(ii)`, or, for ¶3.6 paragraphs with no provable number,
/// `3.6, <heading>, <ordinal> paragraph`. 2017: `3.3.6`, `3.3.6(a)`, `Annex 1, ¶5`,
/// `Annex 1 Appendix (CIO), ¶3`.
pub fn check_reference(df: bool, r: &str) -> Result<(), String> {
    if df {
        if let Some(rest) = r.strip_prefix("3.6, ") {
            let rest = rest
                .strip_suffix(" paragraph")
                .ok_or("expected `3.6, <heading>, <ordinal> paragraph`")?;
            let (heading, ordinal) = rest
                .rsplit_once(", ")
                .ok_or("expected `3.6, <heading>, <ordinal> paragraph`")?;
            if !DF_S6_HEADINGS.contains(&heading) {
                return Err(format!(
                    "unknown ¶3.6 heading `{heading}` (expected one of: {})",
                    DF_S6_HEADINGS.join("; ")
                ));
            }
            if !ORDINALS.contains(&ordinal) {
                return Err(format!("`{ordinal}` is not an ordinal like 1st, 2nd, 3rd"));
            }
            return Ok(());
        }
        return numbered(r, 1..=3, "abcdefgh", true);
    }
    for (prefix, max) in [("Annex 1, ¶", 18), ("Annex 1 Appendix (CIO), ¶", 11)] {
        if let Some(n) = r.strip_prefix(prefix) {
            return match n.parse::<u32>() {
                Ok(v) if (1..=max).contains(&v) && v.to_string() == n => Ok(()),
                _ => Err(format!("expected `{prefix}N` with N from 1 to {max}")),
            };
        }
    }
    numbered(r, 2..=5, "abcd", false)
}

/// `N.N` or `N.N.N`, then optionally `(letter)`, then (if allowed) `(roman)`.
fn numbered(
    r: &str,
    first: std::ops::RangeInclusive<u32>,
    letters: &str,
    romans: bool,
) -> Result<(), String> {
    let (number, mut rest) = r.split_at(r.find('(').unwrap_or(r.len()));
    let parts: Vec<&str> = number.split('.').collect();
    let numeric = parts
        .iter()
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) && !p.starts_with('0'));
    if !(2..=3).contains(&parts.len()) || !numeric {
        return Err("expected a paragraph number like 3.2 or 3.2.1".into());
    }
    if !first.contains(&parts[0].parse::<u32>().unwrap_or(0)) {
        return Err(format!(
            "paragraph {} is outside this schedule's paragraphs {}–{}",
            parts[0],
            first.start(),
            first.end()
        ));
    }
    let mut group = |allowed: &dyn Fn(&str) -> bool| -> Result<bool, String> {
        if rest.is_empty() {
            return Ok(false);
        }
        let inner = rest
            .strip_prefix('(')
            .and_then(|s| s.split_once(')'))
            .ok_or("unbalanced parentheses")?;
        if !allowed(inner.0) {
            return Err(format!("`({})` is not a list label here", inner.0));
        }
        rest = inner.1;
        Ok(true)
    };
    let letter = |s: &str| s.len() == 1 && letters.contains(s);
    let roman = |s: &str| romans && ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii"].contains(&s);
    if group(&letter)? {
        group(&roman)?;
    }
    if !rest.is_empty() {
        return Err(format!("unexpected `{rest}`"));
    }
    Ok(())
}

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

/// Collapses every run of whitespace to one space and trims.
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
