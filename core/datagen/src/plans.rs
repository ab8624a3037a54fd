//! Generates `$OUT_DIR/plans.rs` from `data/plans.toml`: the plan each schedule requires
//! (the DF Information Security Management Plan at S2 to S6, the 2017 Security Management
//! Plan), what the schedule says it must contain, and which duties bear on each
//! requirement. The draft plan document (`core/src/takeaways/documents/`) is built from it.
//!
//! Checked here, so that a malformed file fails the core's build (`tests/malformed.rs`):
//! every `quote` is text of the schedule's source in `core/sources/` (whitespace collapsed,
//! `[bookmark: …]` markers left out of the source); every duty id is an obligation of that
//! schedule's data file; every reference has the catalogue's form; the approval's quotes
//! state their number of days; levels and schedules are known; nothing is blank.
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

use serde::Deserialize;

use crate::catalogue::{self, check_reference, DataError};
use crate::util::{self, lit};

/// The data file's name.
pub const FILE: &str = "plans.toml";

/// The schedules' verbatim texts, as in `core/sources/`.
pub struct Sources<'a> {
    /// `information-security-and-assurance-df.txt`.
    pub df: &'a str,
    /// `security-management-2017.txt`.
    pub sm2017: &'a str,
}

/// The source files' names, in `core/sources/`.
pub const SOURCE_FILES: [&str; 2] = [
    "information-security-and-assurance-df.txt",
    "security-management-2017.txt",
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlansFile {
    plan: Vec<Plan>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Plan {
    id: String,
    schedule: String,
    level: Option<String>,
    name: String,
    purpose: Quoted,
    lead_in: Option<Quoted>,
    submission: Vec<String>,
    approval: Approval,
    review: Vec<String>,
    #[serde(default)]
    requirement: Vec<Requirement>,
    #[serde(default)]
    note: Vec<Note>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Quoted {
    #[serde(rename = "ref")]
    reference: String,
    quote: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Approval {
    #[serde(rename = "ref")]
    reference: String,
    amend_days: u32,
    amend: String,
    amend_duty: String,
    approve_days: u32,
    approve: String,
    approve_duty: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Requirement {
    #[serde(rename = "ref")]
    reference: String,
    title: String,
    quote: String,
    plain: String,
    duties: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Note {
    title: String,
    quote: String,
    reading: String,
}

/// Collapses whitespace.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A source as quotes are held against it: `[bookmark: …]` markers removed, whitespace
/// collapsed.
pub fn normalise_source(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("[bookmark:") {
        out.push_str(&rest[..i]);
        rest = rest[i..].find(']').map_or("", |j| &rest[i + j + 1..]);
    }
    out.push_str(rest);
    squash(&out)
}

/// Reads `data/plans.toml`, checks it against the sources in `data/../sources/` and the
/// obligations files, and writes `$OUT_DIR/plans.rs`; a malformed file fails the build.
pub fn generate(data: &Path, out: &Path) {
    let sources_dir = data.parent().expect("core/").join("sources");
    let read_source = |f: &str| {
        std::fs::read_to_string(sources_dir.join(f))
            .unwrap_or_else(|e| util::fail(FILE, format!("core/sources/{f}: {e}")))
    };
    let (df, sm2017) = (read_source(SOURCE_FILES[0]), read_source(SOURCE_FILES[1]));
    let mut ids = BTreeSet::new();
    for file in catalogue::FILES {
        let parsed =
            catalogue::read(&util::read(data, file)).unwrap_or_else(|e| util::fail(file, e));
        ids.extend(parsed.obligation.into_iter().map(|o| o.id));
    }
    let code = from_toml(
        &util::read(data, FILE),
        &Sources {
            df: &df,
            sm2017: &sm2017,
        },
        &ids,
    )
    .unwrap_or_else(|e| util::fail(&e.file, e.message));
    std::fs::write(out.join("plans.rs"), code).expect("write plans.rs");
}

/// Checks the plans file's text against the sources and the obligation ids (of both
/// obligations files) and returns the generated Rust code.
pub fn from_toml(
    text: &str,
    sources: &Sources,
    ids: &BTreeSet<String>,
) -> Result<String, DataError> {
    let error = |message: String| DataError {
        file: FILE.to_string(),
        message,
    };
    let parsed: PlansFile = toml::from_str(text).map_err(|e| error(e.to_string()))?;
    let df = normalise_source(sources.df);
    let sm2017 = normalise_source(sources.sm2017);
    let mut seen = BTreeSet::new();
    let mut code = String::new();
    writeln!(
        code,
        "/// Every plan of `core/data/plans.toml`, in file order."
    )
    .unwrap();
    writeln!(code, "pub static PLANS: &[PlanSpec] = &[").unwrap();
    // The same plans' names and submission duties alone, for the app (which offers the
    // draft plan without carrying the quotes).
    let mut submissions = String::new();
    for (i, plan) in parsed.plan.iter().enumerate() {
        let name = format!("[[plan]] `{}`", plan.id);
        if plan.id.trim().is_empty() {
            return Err(error(format!("[[plan]] #{}: `id` is empty", i + 1)));
        }
        util::variant(&plan.id).map_err(|m| error(format!("{name}: {m}")))?;
        if !seen.insert(plan.id.clone()) {
            return Err(error(format!("{name}: duplicate plan id")));
        }
        let (schedule, source, prefix, has_levels) = match plan.schedule.as_str() {
            "df" => ("Schedule::Df", &df, "df-", true),
            "sm2017" => ("Schedule::Sm2017", &sm2017, "sm2017-", false),
            other => return Err(error(format!("{name}: unknown schedule `{other}`"))),
        };
        let level = match (&plan.level, has_levels) {
            (Some(l), true) if matches!(l.as_str(), "S1" | "S2" | "S3" | "S4" | "S5" | "S6") => {
                format!("Some(Level::{l})")
            }
            (Some(l), true) => return Err(error(format!("{name}: unknown level `{l}`"))),
            (None, true) => return Err(error(format!("{name}: a DF plan needs a `level`"))),
            (Some(_), false) => {
                return Err(error(format!(
                    "{name}: `level` is for the DF schedule only"
                )))
            }
            (None, false) => "None".to_string(),
        };
        let check = Checker {
            plan: &name,
            source,
            prefix,
            has_levels,
            ids,
        };
        let filled = |key: &str, v: &str| {
            if v.trim().is_empty() {
                Err(error(format!("{name}: `{key}` is empty")))
            } else {
                Ok(squash(v))
            }
        };
        let plan_name = filled("name", &plan.name)?;
        let purpose = check.quoted("purpose", &plan.purpose).map_err(error)?;
        let lead_in = match &plan.lead_in {
            Some(q) => format!("Some({})", check.quoted("lead_in", q).map_err(error)?),
            None => "None".to_string(),
        };
        if plan.submission.is_empty() {
            return Err(error(format!("{name}: `submission` names no duty")));
        }
        let submission = check
            .duties("submission", &plan.submission)
            .map_err(error)?;
        let review = check.duties("review", &plan.review).map_err(error)?;
        writeln!(
            submissions,
            "    PlanSubmission {{ schedule: {schedule}, level: {level}, name: {}, submission: {submission} }},",
            lit(&plan_name)
        )
        .unwrap();
        let a = &plan.approval;
        check.reference("approval", &a.reference).map_err(error)?;
        for (key, quote, days, word) in [
            ("amend", &a.amend, a.amend_days, "amend_days"),
            ("approve", &a.approve, a.approve_days, "approve_days"),
        ] {
            check
                .quote(&format!("approval.{key}"), quote)
                .map_err(error)?;
            if !squash(quote).contains(&format!("({days}) Working Days")) {
                return Err(error(format!(
                    "{name}: `approval.{key}` does not say \"({days}) Working Days\", as `{word}` does"
                )));
            }
        }
        check
            .duties("approval.amend_duty", std::slice::from_ref(&a.amend_duty))
            .map_err(error)?;
        check
            .duties(
                "approval.approve_duty",
                std::slice::from_ref(&a.approve_duty),
            )
            .map_err(error)?;
        let approval = format!(
            "Approval {{ reference: {}, amend_days: {}, amend: {}, amend_duty: {}, approve_days: {}, approve: {}, approve_duty: {} }}",
            lit(&a.reference),
            a.amend_days,
            lit(&squash(&a.amend)),
            lit(&a.amend_duty),
            a.approve_days,
            lit(&squash(&a.approve)),
            lit(&a.approve_duty)
        );
        let mut requirements = String::new();
        for (j, r) in plan.requirement.iter().enumerate() {
            let what = format!("requirement #{} `{}`", j + 1, r.reference);
            let quoted = check
                .quoted(
                    &what,
                    &Quoted {
                        reference: r.reference.clone(),
                        quote: r.quote.clone(),
                    },
                )
                .map_err(error)?;
            let title = filled(&format!("{what}: title"), &r.title)?;
            let plain = filled(&format!("{what}: plain"), &r.plain)?;
            if r.duties.is_empty() {
                return Err(error(format!("{name}: {what} names no duty")));
            }
            let duties = check.duties(&what, &r.duties).map_err(error)?;
            writeln!(
                requirements,
                "        Requirement {{ text: {quoted}, title: {}, plain: {}, duties: {duties} }},",
                lit(&title),
                lit(&plain)
            )
            .unwrap();
        }
        let mut notes = String::new();
        for (j, n) in plan.note.iter().enumerate() {
            let what = format!("note #{}", j + 1);
            check.quote(&what, &n.quote).map_err(error)?;
            let title = filled(&format!("{what}: title"), &n.title)?;
            let reading = filled(&format!("{what}: reading"), &n.reading)?;
            writeln!(
                notes,
                "        PlanNote {{ title: {}, quote: {}, reading: {} }},",
                lit(&title),
                lit(&squash(&n.quote)),
                lit(&reading)
            )
            .unwrap();
        }
        writeln!(
            code,
            "    PlanSpec {{\n        id: {},\n        schedule: {schedule},\n        level: {level},\n        name: {},\n        purpose: {purpose},\n        lead_in: {lead_in},\n        submission: {submission},\n        approval: {approval},\n        review: {review},\n        requirements: &[\n{requirements}        ],\n        notes: &[\n{notes}        ],\n    }},",
            lit(&plan.id),
            lit(&plan_name),
        )
        .unwrap();
    }
    writeln!(code, "];").unwrap();
    writeln!(
        code,
        "/// Each plan's name and submission duties, as in [`PLANS`].\npub static PLAN_SUBMISSIONS: &[PlanSubmission] = &[\n{submissions}];"
    )
    .unwrap();
    Ok(code)
}

/// The checks of one plan's fields.
struct Checker<'a> {
    /// "[[plan]] `df-s6`", for messages.
    plan: &'a str,
    /// The plan's schedule, normalised ([`normalise_source`]).
    source: &'a str,
    /// The id prefix of that schedule's duties.
    prefix: &'a str,
    /// DF references (levels) or 2017 ones.
    has_levels: bool,
    /// Every obligation id of both files.
    ids: &'a BTreeSet<String>,
}

impl Checker<'_> {
    fn reference(&self, what: &str, reference: &str) -> Result<(), String> {
        check_reference(self.has_levels, reference).map_err(|m| {
            format!(
                "{}: {what}: malformed reference `{reference}`: {m}",
                self.plan
            )
        })
    }

    fn quote(&self, what: &str, quote: &str) -> Result<(), String> {
        let q = squash(quote);
        if q.is_empty() {
            return Err(format!("{}: {what}: the quote is empty", self.plan));
        }
        if !self.source.contains(&q) {
            let start: String = q.chars().take(60).collect();
            return Err(format!(
                "{}: {what}: the quote \"{start}…\" is not text of the schedule (core/sources/)",
                self.plan
            ));
        }
        Ok(())
    }

    /// A `Quoted { reference, quote }` literal, checked.
    fn quoted(&self, what: &str, q: &Quoted) -> Result<String, String> {
        self.reference(what, &q.reference)?;
        self.quote(what, &q.quote)?;
        Ok(format!(
            "Quoted {{ reference: {}, quote: {} }}",
            lit(&q.reference),
            lit(&squash(&q.quote))
        ))
    }

    /// A `&[&str]` literal of duty ids, each checked.
    fn duties(&self, what: &str, ids: &[String]) -> Result<String, String> {
        let mut seen = BTreeSet::new();
        for id in ids {
            if !id.starts_with(self.prefix) || !self.ids.contains(id) {
                return Err(format!(
                    "{}: {what}: unknown duty id `{id}` (not an [[obligation]] of this schedule's obligations file)",
                    self.plan
                ));
            }
            if !seen.insert(id) {
                return Err(format!(
                    "{}: {what}: duty id `{id}` listed twice",
                    self.plan
                ));
            }
        }
        let items: Vec<String> = ids.iter().map(|i| lit(i)).collect();
        Ok(format!("&[{}]", items.join(", ")))
    }
}
