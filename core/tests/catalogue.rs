//! Tests of the obligations catalogue against the verbatim schedules in `core/sources/`,
//! of the selection logic, of the own-device verdict and of the data compiler's checks
//! (`core/datagen/`, the `security-matrix-datagen` crate).
use std::collections::BTreeSet;

use security_matrix_core::assessment::answers::{Marking, Path};
use security_matrix_core::assessment::schedule::Schedule;
use security_matrix_core::duties::{
    device_verdict, events, not_obligations, obligations, select, Category, Condition,
    DeviceVerdictKind, EventId, Facts, Obligation, ObligationId, Selected, CIO_REFERENCE_PREFIX,
};
use security_matrix_core::Level;

/// The obligation with this data id ("df-3-6-5"), if there is one.
fn find(id: &str) -> Option<&'static Obligation> {
    ObligationId::parse(id).map(ObligationId::obligation)
}

// The data compiler's checks, held against the schedules' text (its refusal of malformed
// data is tested in its own crate: `core/datagen/tests/malformed.rs`).
use security_matrix_datagen::catalogue as generator;
// The deadline grammar, which the generator reads the rules with.
use deadline_grammar as grammar;

// ---------------------------------------------------------------------------------------
// Reading the sources

fn source(schedule: Schedule) -> String {
    let file = match schedule {
        Schedule::Df => "information-security-and-assurance-df.txt",
        Schedule::Sm2017 => "security-management-2017.txt",
    };
    let path = format!("{}/sources/{file}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Collapses whitespace.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Removes `[bookmark: …]` markers.
fn strip_bookmarks(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("[bookmark:") {
        out.push_str(&rest[..i]);
        match rest[i..].find(']') {
            Some(j) => rest = &rest[i + j + 1..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The list numbering at the start of a trimmed line ("3.2.1", "2.", "(b)", "(viii)",
/// "a)"), if any, and the rest of the line.
fn split_numbering(line: &str) -> (Option<&str>, &str) {
    let token_end = line.find(char::is_whitespace).unwrap_or(line.len());
    let token = &line[..token_end];
    let rest = line[token_end..].trim_start();
    let bracketed =
        |inner: &str| !inner.is_empty() && inner.bytes().all(|b| b.is_ascii_lowercase());
    let numeric = {
        let t = token.strip_suffix('.').unwrap_or(token);
        !t.is_empty()
            && t.split('.')
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    };
    let is_label = numeric
        || token
            .strip_prefix('(')
            .and_then(|t| t.strip_suffix(')'))
            .is_some_and(bracketed)
        || token
            .strip_suffix(')')
            .is_some_and(|t| t.len() == 1 && t.bytes().all(|b| b.is_ascii_lowercase()));
    if is_label {
        (Some(token), rest)
    } else {
        (None, line)
    }
}

/// A line as the catalogue quotes it: bookmarks and list numbering removed, trimmed.
fn clean_line(line: &str) -> String {
    let line = strip_bookmarks(line);
    split_numbering(line.trim()).1.trim().to_string()
}

/// Joins cleaned lines: a line ending in "-" joins the next lowercase one without a space
/// ("pre-" + "employment"); otherwise with a space. Whitespace is collapsed.
fn join_lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let glue = out.ends_with('-') && line.starts_with(|c: char| c.is_lowercase());
        if !out.is_empty() && !glue {
            out.push(' ');
        }
        out.push_str(line);
    }
    squash(&out)
}

/// The whole source, normalised the way catalogue texts are quoted.
fn normalised_source(schedule: Schedule) -> String {
    let text = source(schedule);
    let lines: Vec<String> = text.lines().map(clean_line).collect();
    join_lines(lines.iter().map(String::as_str))
}

// ---------------------------------------------------------------------------------------
// Ids, references, fields

fn all_obligations() -> impl Iterator<Item = &'static Obligation> {
    Schedule::ALL.into_iter().flat_map(obligations)
}

#[test]
fn ids_are_unique_and_well_formed() {
    let mut seen = BTreeSet::new();
    for o in all_obligations() {
        assert!(seen.insert(o.id), "duplicate id {}", o.id);
        assert!(
            !o.id.as_str().is_empty()
                && o.id
                    .as_str()
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "id {:?} is not [a-z0-9-]+",
            o.id
        );
        assert!(
            o.id.as_str().starts_with(&format!("{}-", o.schedule.id())),
            "{} does not start with its schedule id",
            o.id
        );
        assert_eq!(find(o.id.as_str()), Some(o), "find({})", o.id);
        assert_eq!(o.id.obligation(), o);
    }
    assert_eq!(find("no-such-obligation"), None);
    assert_eq!(seen.len(), 138 + 61);
}

#[test]
fn each_schedule_lists_only_its_own_obligations() {
    for schedule in Schedule::ALL {
        assert!(!obligations(schedule).is_empty());
        for o in obligations(schedule) {
            assert_eq!(o.schedule, schedule, "{}", o.id);
            match schedule {
                Schedule::Df => assert!(!o.levels.is_empty(), "{} has no levels", o.id),
                Schedule::Sm2017 => assert!(o.levels.is_empty(), "{} has levels", o.id),
            }
        }
    }
    assert_eq!(Schedule::from_id("df"), Some(Schedule::Df));
    assert_eq!(Schedule::from_id("sm2017"), Some(Schedule::Sm2017));
    assert_eq!(Schedule::from_id("x"), None);
    assert!(Schedule::Df
        .title()
        .contains("Information Security and Assurance"));
    assert!(Schedule::Sm2017.title().contains("Security Management"));
}

#[test]
fn every_obligation_has_title_category_and_text() {
    for o in all_obligations() {
        assert!(!o.title.trim().is_empty(), "{}: no title", o.id);
        assert!(
            o.text().unwrap().split_whitespace().count() >= 3,
            "{}: no text",
            o.id
        );
        assert!(
            !o.text().unwrap().contains("[bookmark"),
            "{}: bookmark in text",
            o.id
        );
        assert_eq!(
            squash(o.text().unwrap()),
            o.text().unwrap(),
            "{}: whitespace not collapsed",
            o.id
        );
        assert!(Category::ALL.contains(&o.category));
        if let Some(note) = o.note {
            assert!(note.len() > 20, "{}: empty note", o.id);
        }
    }
    // Every category is used somewhere, and the grouping order is the listed one.
    for c in Category::ALL {
        assert!(all_obligations().any(|o| o.category == c), "{c} unused");
        assert_eq!(Category::from_name(c.name()), Some(c));
        assert_eq!(Category::ALL[usize::from(c.order())], c);
    }
    assert_eq!(Category::DataHandling.to_string(), "Data handling");
    assert!(Category::Certification.order() < Category::Devices.order());
}

/// The paragraph numbers that the converted DF text does not print, rebuilt from its
/// cross-references (docs/paragraph-references.md).
const DF_REBUILT: &[&str] = &[
    "2.8.1", "2.8.2", "3.6.2", "3.6.3", "3.6.4", "3.6.5", "3.6.6", "3.6.7", "3.6.8", "3.6.9",
    "3.6.10", "3.6.11", "3.6.12", "3.6.13", "3.6.14", "3.6.15", "3.6.16", "3.6.17", "3.6.18",
    "3.6.19", "3.6.20",
];

/// Numbered paragraphs of one part of a source: (number as printed, without a trailing
/// dot; its text with unnumbered and list-item lines that follow).
fn paragraphs(lines: &[&str]) -> Vec<(String, String)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for line in lines {
        let cleaned = strip_bookmarks(line);
        let (number, rest) = split_numbering(cleaned.trim());
        match number {
            Some(n) if !n.starts_with('(') && !n.ends_with(')') => {
                out.push((n.trim_end_matches('.').to_string(), vec![rest.to_string()]))
            }
            _ => {
                if let Some(last) = out.last_mut() {
                    last.1.push(rest.to_string());
                }
            }
        }
    }
    out.into_iter()
        .map(|(n, l)| (n, join_lines(l.iter().map(String::as_str))))
        .collect()
}

/// The text of paragraph `number` and all its sub-paragraphs.
fn paragraph_text(paras: &[(String, String)], number: &str) -> Option<String> {
    let start = paras.iter().position(|(n, _)| n == number)?;
    let child = format!("{number}.");
    let mut text = paras[start].1.clone();
    for (n, t) in &paras[start + 1..] {
        if !n.starts_with(&child) {
            break;
        }
        text.push(' ');
        text.push_str(t);
    }
    Some(text)
}

/// The part of a reference before any "(a)" label.
fn base(reference: &str) -> &str {
    reference.split('(').next().unwrap()
}

#[test]
fn references_are_well_formed() {
    for o in all_obligations() {
        generator::check_reference(o.schedule == Schedule::Df, o.reference)
            .unwrap_or_else(|e| panic!("{}: {}: {e}", o.id, o.reference));
    }
    // Malformed ones are rejected.
    for bad in [
        "3.2.1(z)",
        "3.2.1(a)(ix)",
        "4.1",
        "3",
        "3.6, Nonsense, 1st paragraph",
        "3.6, Assurance, first paragraph",
        "Annex 1, ¶5",
        "3.2.1(a",
    ] {
        assert!(generator::check_reference(true, bad).is_err(), "{bad}");
    }
    for bad in [
        "Annex 1, ¶19",
        "Annex 1 Appendix (CIO), ¶12",
        "3.3.6(e)",
        "3.3.6(a)(i)",
        "1.1",
    ] {
        assert!(generator::check_reference(false, bad).is_err(), "{bad}");
    }
}

#[test]
fn df_references_match_levels_and_the_text_they_cite() {
    let text = source(Schedule::Df);
    let lines: Vec<&str> = text.lines().collect();
    let annex = lines
        .iter()
        .position(|l| l.contains("DF AGREEMENT SCHEDULE 2.4"))
        .expect("annex heading");
    let body = &lines[..annex];
    let paras = paragraphs(body);
    for o in obligations(Schedule::Df) {
        let r = o.reference;
        if let Some(rest) = r.strip_prefix("3.6, ") {
            // "3.6, <heading>, <ordinal> paragraph": the text is in that paragraph.
            let (heading, ordinal) = rest
                .strip_suffix(" paragraph")
                .and_then(|h| h.rsplit_once(", "))
                .unwrap();
            let n: usize = ordinal[..1].parse().unwrap();
            let at = body
                .iter()
                .position(|l| l.trim() == heading)
                .unwrap_or_else(|| panic!("{}: heading {heading:?} not in the source", o.id));
            let para = squash(&clean_line(body[at + n]));
            assert!(
                !generator::DF_S6_HEADINGS.contains(&para.as_str()),
                "{}: {heading} has no {ordinal} paragraph",
                o.id
            );
            assert!(
                para.contains(o.text().unwrap()),
                "{}: text is not the {ordinal} paragraph under {heading}",
                o.id
            );
            assert_eq!(o.levels, [Level::S6], "{}", o.id);
            continue;
        }
        let b = base(r);
        // Levels follow the paragraph: 1.x and 2.x apply at every level, 3.N at SN.
        let parts: Vec<&str> = b.split('.').collect();
        match parts[0] {
            "1" | "2" => assert!(
                o.every_level(),
                "{} ({r}) should apply at every level",
                o.id
            ),
            "3" => {
                let level = Level::from_number(parts[1].parse().unwrap()).unwrap();
                assert_eq!(o.levels, [level], "{} ({r})", o.id);
            }
            other => panic!("{}: paragraph {other}", o.id),
        }
        // The number is printed in the source or rebuilt (and documented).
        let printed = paras.iter().any(|(n, _)| n == b);
        assert!(
            printed || DF_REBUILT.contains(&b),
            "{}: paragraph {b} is neither printed nor among the rebuilt numbers",
            o.id
        );
        // The text lies within the nearest printed paragraph.
        let mut p = b.to_string();
        while !paras.iter().any(|(n, _)| *n == p) {
            p.truncate(p.rfind('.').expect("printed ancestor"));
        }
        let para = paragraph_text(&paras, &p).unwrap();
        assert!(
            para.contains(o.text().unwrap()),
            "{}: text is not in paragraph {p}",
            o.id
        );
    }
}

#[test]
fn sm2017_references_match_the_text_they_cite() {
    let text = source(Schedule::Sm2017);
    let lines: Vec<&str> = text.lines().collect();
    let annex = lines
        .iter()
        .position(|l| l.trim() == "ANNEX 1: SECURITY POLICY")
        .unwrap();
    let cio = lines
        .iter()
        .position(|l| l.trim().starts_with("Appendix to the Security Policy"))
        .unwrap();
    let main = paragraphs(&lines[..annex]);
    let annex_paras = paragraphs(&lines[annex..cio]);
    let cio_paras = paragraphs(&lines[cio..]);
    for o in obligations(Schedule::Sm2017) {
        let r = o.reference;
        let (paras, number) = if let Some(n) = r.strip_prefix(CIO_REFERENCE_PREFIX) {
            (&cio_paras, n)
        } else if let Some(n) = r.strip_prefix("Annex 1, ¶") {
            (&annex_paras, n)
        } else {
            (&main, base(r))
        };
        let para = paragraph_text(paras, number)
            .unwrap_or_else(|| panic!("{}: paragraph {r} is not printed", o.id));
        // A first list item may quote its lead-in ("The Security Management Plan shall:
        // comply with …"): then the text lies in the parent and runs into the item.
        let in_lead_in = || {
            let (parent, _) = number.rsplit_once('.')?;
            let whole = paragraph_text(paras, parent)?;
            let head: String = para.chars().take(30).collect();
            Some(whole.contains(o.text().unwrap()) && o.text().unwrap().contains(&head))
        };
        assert!(
            para.contains(o.text().unwrap()) || in_lead_in() == Some(true),
            "{}: text is not in {r}",
            o.id
        );
    }
    // Every numbered paragraph of Annex 1 and of the CIO statement is either in the
    // catalogue or explained.
    for (paras, prefix, count) in [
        (&annex_paras, "Annex 1, ¶", 18),
        (&cio_paras, CIO_REFERENCE_PREFIX, 11),
    ] {
        assert_eq!(paras.len(), count, "{prefix}");
        for (n, text) in paras.iter() {
            let r = format!("{prefix}{n}");
            let listed = obligations(Schedule::Sm2017)
                .iter()
                .any(|o| o.reference == r);
            let excused = not_obligations(Schedule::Sm2017)
                .iter()
                .any(|x| text.starts_with(x.start));
            assert!(listed || excused, "{r} is neither listed nor explained");
        }
    }
}

#[test]
fn every_clause_text_is_verbatim_in_its_source() {
    for schedule in Schedule::ALL {
        let src = normalised_source(schedule);
        let mut missing = Vec::new();
        for o in obligations(schedule) {
            if !src.contains(o.text().unwrap()) {
                missing.push(format!("{} ({}): {}", o.id, o.reference, o.text().unwrap()));
            }
        }
        assert!(missing.is_empty(), "not verbatim:\n{}", missing.join("\n"));
    }
}

#[test]
fn the_normaliser_strips_what_the_conversion_added() {
    assert_eq!(
        clean_line("3.2 [bookmark: _Ref40208402]Security Level 2"),
        "Security Level 2"
    );
    assert_eq!(
        clean_line("(viii) where the delivery"),
        "where the delivery"
    );
    assert_eq!(clean_line(" 13. The Supplier shall"), "The Supplier shall");
    assert_eq!(clean_line("a) any unauthorised"), "any unauthorised");
    assert_eq!(clean_line("(by email) stays"), "(by email) stays");
    assert_eq!(
        clean_line("Paragraphs 2.8 and 2.9."),
        "Paragraphs 2.8 and 2.9."
    );
    assert_eq!(
        join_lines(["for pre-", "employment checks"]),
        "for pre-employment checks"
    );
    assert_eq!(
        join_lines(["OFFICIAL-", "Sensitive"]),
        "OFFICIAL- Sensitive"
    );
}

// ---------------------------------------------------------------------------------------
// Events and deadlines

/// A schedule's deadline rules written out, by obligation id.
fn deadline_texts(schedule: Schedule) -> Vec<(&'static str, String)> {
    obligations(schedule)
        .iter()
        .filter_map(|o| Some((o.id.as_str(), o.deadline?.to_string())))
        .collect()
}

/// The rules of `texts` as the generator reads them.
fn deadlines<'a>(texts: &'a [(&'a str, String)]) -> generator::Deadlines<'a> {
    texts
        .iter()
        .map(|(id, d)| (*id, grammar::DeadlineRule::parse(d).expect(d)))
        .collect()
}

#[test]
fn deadline_events_exist_and_every_event_is_used() {
    for schedule in Schedule::ALL {
        let mut used = BTreeSet::new();
        let texts = deadline_texts(schedule);
        let named = deadlines(&texts);
        let known: BTreeSet<String> = events(schedule).iter().map(|e| e.id.to_string()).collect();
        for o in obligations(schedule) {
            let Some(rule) = o.deadline else { continue };
            if let Some(id) = rule.event() {
                assert_eq!(id.event().id, id, "{}: event {id} is not its own", o.id);
                assert!(
                    events(schedule).contains(id.event()),
                    "{}: event {id} is of the other schedule",
                    o.id
                );
                used.insert(id);
            }
            let d = rule.to_string();
            generator::check_deadline(&d, &known, &named)
                .unwrap_or_else(|e| panic!("{}: {d}: {e}", o.id));
        }
        for e in events(schedule) {
            assert!(used.contains(&e.id), "event {} is never used", e.id);
            assert_eq!(EventId::parse(e.id.as_str()), Some(e.id));
            assert!(!e.label.is_empty());
        }
    }
}

#[test]
fn key_deadlines_are_as_the_schedules_set_them() {
    let table = [
        (
            "df-2-8-1",
            "within 24 hours of event:security-event-awareness",
        ),
        ("df-3-2-1-a", "before processing"),
        (
            "df-3-2-3-amend",
            "10 working days after event:ismp-non-approval",
        ),
        (
            "df-3-4-3-approval",
            "15 working days after event:ismp-submission",
        ),
        ("df-3-5-1-b-ii", "6 months after commencement"),
        (
            "df-3-6-1-b-iv",
            "6 months after commencement, then annually",
        ),
        ("df-3-6-3", "2 working days after event:ceasing-compliance"),
        ("df-3-6-5", "6 weeks before commencement"),
        ("df-3-6-17", "annually after deadline:df-3-6-5"),
        (
            "df-3-5-1-b-certificates",
            "1 days before each deadline of df-3-5-1-b-ii, df-3-5-1-b-iv",
        ),
        (
            "df-3-6-1-b-certificates",
            "1 days before each deadline of df-3-6-1-b-ii, df-3-6-1-b-iv",
        ),
        ("df-3-6-training-2", "every contract year"),
        ("df-3-6-continuity-1", "every 24 hours"),
        ("df-3-6-continuity-3", "quarterly"),
        ("sm2017-3-2", "20 working days after effective date"),
        (
            "sm2017-3-4-amend",
            "10 working days after event:smp-non-approval",
        ),
        ("sm2017-4-1", "annually after effective date"),
        (
            "sm2017-5-2-5",
            "2 working days after event:authority-request",
        ),
    ];
    for (id, deadline) in table {
        let rule = find(id).unwrap().deadline.map(|r| r.to_string());
        assert_eq!(rule.as_deref(), Some(deadline), "{id}");
    }
    let events: BTreeSet<String> = ["x".to_string()].into();
    let texts: Vec<(&str, String)> = [
        ("once", "6 weeks before commencement"),
        ("yearly", "6 months after commencement, then annually"),
        ("daily", "every 24 hours"),
        ("chained", "annually after deadline:once"),
    ]
    .into_iter()
    .map(|(id, d)| (id, d.to_string()))
    .collect();
    let named = deadlines(&texts);
    // (rule, a fragment of the reason: the grammar's own for a rule that does not parse)
    for (bad, why) in [
        ("soon", "\"soon\" is neither a number"),
        ("0 weeks before commencement", "at least 1"),
        (
            "6 fortnights after commencement",
            "found \"fortnights after commencement\"",
        ),
        ("10 working days after event:nothing", "no [[event]]"),
        ("annually after tuesday", "unknown anchor"),
        (
            "annually after deadline:nothing",
            "no [[obligation]] with id `nothing`",
        ),
        ("annually after deadline:yearly", "does not fall once"),
        ("annually after deadline:daily", "does not fall once"),
        (
            "annually after deadline:chained",
            "names another obligation",
        ),
        ("1 days before each deadline of once, nothing", "`nothing`"),
        ("1 days before each deadline of once, once", "named twice"),
        (
            "1 days before each deadline of chained",
            "names another obligation",
        ),
        ("1 days before each deadline of daily", "has no dates"),
    ] {
        let e = generator::check_deadline(bad, &events, &named).expect_err(bad);
        assert!(e.contains(why), "{bad}: {e}");
    }
    for good in [
        "annually after deadline:once",
        "3 weeks before deadline:once",
        "1 days before each deadline of once",
        "1 days before each deadline of yearly, once",
    ] {
        generator::check_deadline(good, &events, &named).unwrap_or_else(|e| panic!("{good}: {e}"));
    }
}

#[test]
fn every_level_from_s2_has_its_ismp_and_its_approval_timings() {
    let ismp = [
        (Level::S2, "df-3-2-1-d", "3.2.1(d)", "3.2.3"),
        (Level::S3, "df-3-3-1-b-iv", "3.3.1(b)(iv)", "3.3.3"),
        (Level::S4, "df-3-4-1-b-iv", "3.4.1(b)(iv)", "3.4.3"),
        (Level::S5, "df-3-5-1-d", "3.5.1(d)", "3.5.3"),
        (Level::S6, "df-3-6-5", "3.6.5", "3.6.8"),
    ];
    for (level, id, reference, approval) in ismp {
        let o = find(id).unwrap();
        assert_eq!(o.reference, reference);
        assert_eq!(o.levels, [level]);
        assert!(
            o.text()
                .unwrap()
                .contains("Information Security Management Plan"),
            "{id}"
        );
        assert!(o.text().unwrap().contains("submit"), "{id}");
        // The approval paragraph cites the plan's paragraph and sets the timings.
        let at_level: Vec<&Obligation> = obligations(Schedule::Df)
            .iter()
            .filter(|o| o.reference == approval)
            .collect();
        assert!(at_level.iter().all(|o| o.levels == [level]));
        let adopt = at_level
            .iter()
            .find(|o| o.id.as_str().ends_with("-adopt"))
            .unwrap_or_else(|| panic!("{approval}: no adopt"));
        assert!(adopt
            .text()
            .unwrap()
            .contains(&format!("pursuant to Paragraph {reference}")));
        let deadlines: Vec<_> = at_level
            .iter()
            .filter_map(|o| Some(o.deadline?.to_string()))
            .collect();
        assert_eq!(
            deadlines,
            [
                "10 working days after event:ismp-non-approval",
                "15 working days after event:ismp-submission"
            ],
            "{approval}"
        );
        assert!(at_level
            .iter()
            .any(|o| o.text().unwrap().contains("Dispute Resolution Procedure")));
    }
    assert!(!obligations(Schedule::Df)
        .iter()
        .any(|o| o.levels == [Level::S1]
            && o.text()
                .unwrap()
                .contains("Information Security Management Plan")));
}

#[test]
fn drafting_slips_carry_notes() {
    let slip = find("df-3-2-3-dispute").unwrap();
    assert!(slip
        .text()
        .unwrap()
        .contains("pursuant to this Paragraph 3.6.8"));
    assert!(slip.note.unwrap().contains("3.2.3"));
    let slip = find("sm2017-3-4-adopt").unwrap();
    assert!(slip.text().unwrap().contains("pursuant to Paragraph 3.1"));
    assert!(slip.note.unwrap().contains("3.2"));
    assert!(find("df-3-6-2-exceptions").unwrap().note.is_some());
}

// ---------------------------------------------------------------------------------------
// Selection, DF

fn df_facts(level: Level) -> Facts {
    Facts {
        schedule: Schedule::Df,
        level: Some(level),
        ..Facts::default()
    }
}

fn ids(selected: &[Selected]) -> Vec<&'static str> {
    selected.iter().map(|s| s.obligation.id.as_str()).collect()
}

/// How many DF obligations apply, counted from the schedule's structure rather than the
/// data: `a`/`b` say whether route (a)/(b) obligations can apply (both when unknown).
fn expected_df_count(
    level: Level,
    access: bool,
    special: bool,
    hosting: Option<bool>,
    path: Option<Path>,
    level_change: bool,
) -> usize {
    let n = |b: bool| usize::from(b);
    let a = n(path != Some(Path::B));
    let b = n(path != Some(Path::A));
    let sc = n(special);
    // 1.3, 1.5, 2.3, 2.4, 2.5, 2.6, 2.7, 2.8.1, 2.8.2, 2.9; 1.4 on a level change.
    let every = 10 + n(level_change);
    every
        + match level {
            // 3.1.1, 3.1.2
            Level::S1 => 2,
            // (a)–(f) + special category, 3.2.2, 3.2.3 (adopt, amend, approval,
            // dispute), 3.2.4
            Level::S2 => 6 + sc + 1 + 4 + 1,
            // 3.3.2 always; (a) on route (a); (b)(i)–(vii) + special category, 3.3.3 (4)
            // and 3.3.4 on route (b)
            Level::S3 => 1 + a + b * (7 + sc + 4 + 1),
            // as S3 but (b)(i)–(vi), then (vii) or (viii) by access
            Level::S4 => 1 + a + b * (6 + sc + 1 + 4 + 1),
            // (a); (b)(i)–(iv) and the certificates; (c) unless not hosting; (d)–(f) +
            // special category; 3.5.2, 3.5.3 (4), 3.5.4
            Level::S5 => a + 5 * b + n(hosting != Some(false)) + 3 + sc + 1 + 4 + 1,
            // 57 unconditional paragraphs; (a); (b)(i)–(iv) and the certificates; the
            // third Access paragraph with access to Customer systems
            Level::S6 => 57 + a + 5 * b + n(access),
        }
}

#[test]
fn df_selection_counts_for_every_combination_of_facts() {
    for level in Level::ALL {
        for access in [false, true] {
            for special in [false, true] {
                for hosting in [None, Some(false), Some(true)] {
                    for path in [None, Some(Path::A), Some(Path::B)] {
                        for level_change in [false, true] {
                            let facts = Facts {
                                access,
                                special_category: special,
                                hosting,
                                path,
                                level_change: Some(level_change),
                                ..df_facts(level)
                            };
                            let selected = select(&facts);
                            let want = expected_df_count(
                                level,
                                access,
                                special,
                                hosting,
                                path,
                                level_change,
                            );
                            assert_eq!(selected.len(), want, "{facts:?}\n{:?}", ids(&selected));
                            check_selection_invariants(&facts, &selected);
                        }
                    }
                }
            }
        }
    }
}

/// What must hold of any selection: catalogue order, the level, no contradicted
/// condition, and open conditions exactly where a fact is unknown.
fn check_selection_invariants(facts: &Facts, selected: &[Selected]) {
    let all = obligations(facts.schedule);
    let mut last = None;
    for s in selected {
        let index = all
            .iter()
            .position(|o| std::ptr::eq(o, s.obligation))
            .expect("from the catalogue");
        assert!(last.is_none_or(|l| l < index), "not in catalogue order");
        last = Some(index);
        if let (Schedule::Df, Some(level)) = (facts.schedule, facts.level) {
            assert!(s.obligation.applies_at(level));
        }
        for &c in s.obligation.when {
            match c.holds(facts) {
                Some(true) => assert!(!s.open_conditions.contains(&c)),
                Some(false) => panic!("{} selected against {c}", s.obligation.id),
                None => assert!(s.open_conditions.contains(&c)),
            }
        }
        assert!(s
            .open_conditions
            .iter()
            .all(|c| s.obligation.when.contains(c)));
    }
    // Nothing applicable was left out.
    let chosen: BTreeSet<&str> = ids(selected).into_iter().collect();
    for o in all {
        let level_ok = match (o.schedule, facts.level) {
            (Schedule::Sm2017, _) => true,
            (Schedule::Df, Some(l)) => o.applies_at(l),
            (Schedule::Df, None) => o.every_level(),
        };
        let contradicted = o.when.iter().any(|c| c.holds(facts) == Some(false));
        assert_eq!(
            chosen.contains(o.id.as_str()),
            level_ok && !contradicted,
            "{}",
            o.id
        );
    }
}

struct Case {
    name: &'static str,
    facts: Facts,
    count: usize,
    /// (id, reference) that must be selected.
    present: &'static [(&'static str, &'static str)],
    absent: &'static [&'static str],
    /// (id, open conditions).
    open: &'static [(&'static str, &'static [Condition])],
}

fn df_cases() -> Vec<Case> {
    let f = df_facts;
    vec![
        Case {
            name: "S1",
            facts: f(Level::S1),
            count: 12,
            present: &[
                ("df-1-3", "1.3"),
                ("df-1-5", "1.5"),
                ("df-2-7", "2.7"),
                ("df-2-8-1", "2.8.1"),
                ("df-2-8-2", "2.8.2"),
                ("df-2-9", "2.9"),
                ("df-3-1-1", "3.1.1"),
                ("df-3-1-2", "3.1.2"),
            ],
            absent: &["df-1-4", "df-3-2-1-a", "df-3-6-5"],
            open: &[],
        },
        Case {
            name: "S1 after a level change",
            facts: Facts {
                level_change: Some(true),
                ..f(Level::S1)
            },
            count: 13,
            present: &[("df-1-4", "1.4")],
            absent: &[],
            open: &[],
        },
        Case {
            // Other contracts with no level set: whether the award changes their level
            // cannot be told, so ¶1.4 stays listed with its condition open.
            name: "S1, other contracts with no level set",
            facts: Facts {
                other_contracts: true,
                level_change: None,
                ..f(Level::S1)
            },
            count: 13,
            present: &[("df-1-4", "1.4")],
            absent: &[],
            open: &[("df-1-4", &[Condition::LevelChange])],
        },
        Case {
            name: "S2 without Special Category Data",
            facts: f(Level::S2),
            count: 22,
            present: &[
                ("df-3-2-1-a", "3.2.1(a)"),
                ("df-3-2-1-d", "3.2.1(d)"),
                ("df-3-2-1-e", "3.2.1(e)"),
                ("df-3-2-1-f", "3.2.1(f)"),
                ("df-3-2-2", "3.2.2"),
                ("df-3-2-3-amend", "3.2.3"),
                ("df-3-2-3-approval", "3.2.3"),
                ("df-3-2-3-dispute", "3.2.3"),
                ("df-3-2-4", "3.2.4"),
            ],
            absent: &["df-3-2-1-e-special", "df-3-1-1", "df-3-3-1-a"],
            open: &[],
        },
        Case {
            name: "S2 with Special Category Data",
            facts: Facts {
                special_category: true,
                ..f(Level::S2)
            },
            count: 23,
            present: &[("df-3-2-1-e-special", "3.2.1(e)")],
            absent: &[],
            open: &[],
        },
        Case {
            name: "S3 route (a)",
            facts: Facts {
                path: Some(Path::A),
                ..f(Level::S3)
            },
            count: 12,
            present: &[("df-3-3-1-a", "3.3.1(a)"), ("df-3-3-2", "3.3.2")],
            absent: &[
                "df-3-3-1-b-i",
                "df-3-3-1-b-iv",
                "df-3-3-3-adopt",
                "df-3-3-4",
            ],
            open: &[],
        },
        Case {
            name: "S3 route (b)",
            facts: Facts {
                path: Some(Path::B),
                ..f(Level::S3)
            },
            count: 23,
            present: &[
                ("df-3-3-1-b-i", "3.3.1(b)(i)"),
                ("df-3-3-1-b-iv", "3.3.1(b)(iv)"),
                ("df-3-3-1-b-v", "3.3.1(b)(v)"),
                ("df-3-3-1-b-vii", "3.3.1(b)(vii)"),
                ("df-3-3-3-approval", "3.3.3"),
                ("df-3-3-4", "3.3.4"),
            ],
            absent: &["df-3-3-1-a", "df-3-3-1-b-vi-special"],
            open: &[],
        },
        Case {
            name: "S3 route unknown, Special Category Data",
            facts: Facts {
                special_category: true,
                ..f(Level::S3)
            },
            count: 25,
            present: &[
                ("df-3-3-1-a", "3.3.1(a)"),
                ("df-3-3-1-b-vi-special", "3.3.1(b)(vi)"),
            ],
            absent: &[],
            open: &[
                ("df-3-3-1-a", &[Condition::PathA]),
                ("df-3-3-1-b-i", &[Condition::PathB]),
                ("df-3-3-1-b-vi-special", &[Condition::PathB]),
                ("df-3-3-2", &[]),
            ],
        },
        Case {
            name: "S4 route (b), Supplier Systems only",
            facts: Facts {
                path: Some(Path::B),
                ..f(Level::S4)
            },
            count: 23,
            present: &[
                ("df-3-4-1-b-i", "3.4.1(b)(i)"),
                ("df-3-4-1-b-vii", "3.4.1(b)(vii)"),
                ("df-3-4-3-amend", "3.4.3"),
            ],
            absent: &["df-3-4-1-b-viii", "df-3-4-1-a"],
            open: &[],
        },
        Case {
            name: "S4 route (b), access to Customer systems",
            facts: Facts {
                path: Some(Path::B),
                access: true,
                ..f(Level::S4)
            },
            count: 23,
            present: &[("df-3-4-1-b-viii", "3.4.1(b)(viii)")],
            absent: &["df-3-4-1-b-vii"],
            open: &[],
        },
        Case {
            name: "S4 route unknown, access",
            facts: Facts {
                access: true,
                ..f(Level::S4)
            },
            count: 24,
            present: &[
                ("df-3-4-1-a", "3.4.1(a)"),
                ("df-3-4-1-b-viii", "3.4.1(b)(viii)"),
            ],
            absent: &["df-3-4-1-b-vii"],
            open: &[("df-3-4-1-b-viii", &[Condition::PathB])],
        },
        Case {
            name: "S5 route (b), hosting",
            facts: Facts {
                path: Some(Path::B),
                hosting: Some(true),
                ..f(Level::S5)
            },
            count: 25,
            present: &[
                ("df-3-5-1-b-i", "3.5.1(b)(i)"),
                ("df-3-5-1-b-ii", "3.5.1(b)(ii)"),
                ("df-3-5-1-b-iii", "3.5.1(b)(iii)"),
                ("df-3-5-1-b-iv", "3.5.1(b)(iv)"),
                ("df-3-5-1-b-certificates", "3.5.1(b)"),
                ("df-3-5-1-c", "3.5.1(c)"),
                ("df-3-5-1-d", "3.5.1(d)"),
                ("df-3-5-1-e", "3.5.1(e)"),
                ("df-3-5-1-f", "3.5.1(f)"),
                ("df-3-5-3-adopt", "3.5.3"),
            ],
            absent: &["df-3-5-1-a", "df-3-5-1-e-special", "df-3-4-1-b-i"],
            open: &[],
        },
        Case {
            name: "S5 route (a), not hosting",
            facts: Facts {
                path: Some(Path::A),
                hosting: Some(false),
                ..f(Level::S5)
            },
            count: 20,
            present: &[
                ("df-3-5-1-a", "3.5.1(a)"),
                ("df-3-5-1-d", "3.5.1(d)"),
                ("df-3-5-1-f", "3.5.1(f)"),
                ("df-3-5-3-amend", "3.5.3"),
            ],
            absent: &["df-3-5-1-c", "df-3-5-1-b-ii"],
            open: &[],
        },
        Case {
            name: "S5 hosting unknown",
            facts: Facts {
                path: Some(Path::B),
                special_category: true,
                ..f(Level::S5)
            },
            count: 26,
            present: &[
                ("df-3-5-1-c", "3.5.1(c)"),
                ("df-3-5-1-e-special", "3.5.1(e)"),
            ],
            absent: &[],
            open: &[("df-3-5-1-c", &[Condition::Hosting]), ("df-3-5-1-d", &[])],
        },
        Case {
            name: "S6 route (b), access",
            facts: Facts {
                path: Some(Path::B),
                access: true,
                ..f(Level::S6)
            },
            count: 73,
            present: &[
                ("df-3-6-1-b-ii", "3.6.1(b)(ii)"),
                ("df-3-6-1-b-iv", "3.6.1(b)(iv)"),
                ("df-3-6-2", "3.6.2"),
                ("df-3-6-2-exceptions", "3.6.2"),
                ("df-3-6-3", "3.6.3"),
                ("df-3-6-4", "3.6.4"),
                ("df-3-6-5", "3.6.5"),
                ("df-3-6-7-g", "3.6.7(g)"),
                ("df-3-6-8-amend", "3.6.8"),
                ("df-3-6-14", "3.6.14"),
                ("df-3-6-17", "3.6.17"),
                ("df-3-6-20", "3.6.20"),
                ("df-3-6-assurance-1", "3.6, Assurance, 1st paragraph"),
                (
                    "df-3-6-access-3",
                    "3.6, Access, Authorisation, Authentication and Audit, 3rd paragraph",
                ),
                (
                    "df-3-6-continuity-2",
                    "3.6, Business Continuity, 2nd paragraph",
                ),
                (
                    "df-3-6-audit-1",
                    "3.6, Audit and Protection Monitoring, 1st paragraph",
                ),
            ],
            absent: &["df-3-6-1-a", "df-3-5-1-d"],
            open: &[],
        },
        Case {
            name: "S6 route (a), no access",
            facts: Facts {
                path: Some(Path::A),
                ..f(Level::S6)
            },
            count: 68,
            present: &[("df-3-6-1-a", "3.6.1(a)"), ("df-3-6-5", "3.6.5")],
            absent: &["df-3-6-access-3", "df-3-6-1-b-i", "df-3-6-1-b-certificates"],
            open: &[],
        },
        Case {
            name: "no level yet",
            facts: Facts {
                schedule: Schedule::Df,
                ..Facts::default()
            },
            count: 10,
            present: &[("df-1-5", "1.5"), ("df-2-8-1", "2.8.1")],
            absent: &["df-3-1-1", "df-1-4"],
            open: &[],
        },
    ]
}

fn run_cases(cases: &[Case]) {
    for case in cases {
        let selected = select(&case.facts);
        let got = ids(&selected);
        assert_eq!(selected.len(), case.count, "{}: {got:?}", case.name);
        for (id, reference) in case.present {
            let s = selected
                .iter()
                .find(|s| s.obligation.id.as_str() == *id)
                .unwrap_or_else(|| panic!("{}: {id} missing", case.name));
            assert_eq!(s.obligation.reference, *reference, "{}: {id}", case.name);
        }
        for id in case.absent {
            assert!(find(id).is_some(), "{}: {id} is not an id", case.name);
            assert!(!got.contains(id), "{}: {id} selected", case.name);
        }
        for (id, open) in case.open {
            let s = selected
                .iter()
                .find(|s| s.obligation.id.as_str() == *id)
                .unwrap();
            assert_eq!(s.open_conditions, *open, "{}: {id}", case.name);
        }
        check_selection_invariants(&case.facts, &selected);
    }
}

#[test]
fn df_selection_by_level_access_hosting_special_category_and_route() {
    run_cases(&df_cases());
}

#[test]
fn paragraph_1_5_is_a_duty_at_every_level() {
    // "1.5 In relation to the applicable level of security requirements the Supplier
    // shall meet the corresponding security requirements as set out below."
    let line = source(Schedule::Df)
        .lines()
        .find(|l| l.starts_with("1.5 "))
        .map(|l| squash(&l["1.5 ".len()..]))
        .unwrap();
    let p15 = find("df-1-5").unwrap();
    assert_eq!(p15.text().unwrap(), line);
    assert_eq!(p15.reference, "1.5");
    assert!(p15.when.is_empty() && p15.deadline.is_none());
    assert!(!not_obligations(Schedule::Df)
        .iter()
        .any(|x| line.starts_with(x.start)));
    for level in Level::ALL {
        for path in [None, Some(Path::A), Some(Path::B)] {
            let selected = select(&Facts {
                path,
                ..df_facts(level)
            });
            let s = selected
                .iter()
                .find(|s| s.obligation.id.as_str() == "df-1-5")
                .unwrap_or_else(|| panic!("¶1.5 not selected at {level}, {path:?}"));
            assert!(s.open_conditions.is_empty());
        }
    }
    // Before the level is known too, as a duty of every level.
    assert!(ids(&select(&Facts {
        schedule: Schedule::Df,
        ..Facts::default()
    }))
    .contains(&"df-1-5"));
}

#[test]
fn catalogue_sizes_per_level() {
    let count = |l: Level| {
        obligations(Schedule::Df)
            .iter()
            .filter(|o| o.applies_at(l))
            .count()
    };
    assert_eq!(obligations(Schedule::Df).len(), 138);
    assert_eq!(obligations(Schedule::Sm2017).len(), 61);
    let every = obligations(Schedule::Df)
        .iter()
        .filter(|o| o.every_level())
        .count();
    // 1.3, 1.4, 1.5, 2.3–2.7, 2.8.1, 2.8.2, 2.9.
    assert_eq!(every, 11);
    let own = [2, 13, 15, 16, 17, 64];
    for (level, own) in Level::ALL.into_iter().zip(own) {
        assert_eq!(count(level), every + own, "{level}");
    }
}

// ---------------------------------------------------------------------------------------
// Selection and verdict, 2017

const SM2017_GENERAL: usize = 48;

fn cio_ids(conditions: &[&Obligation]) -> Vec<&'static str> {
    conditions
        .iter()
        .map(|o| o.id.as_str().strip_prefix("sm2017-cio-").unwrap())
        .collect()
}

#[test]
fn sm2017_selection_and_verdict_for_every_own_device_combination() {
    use DeviceVerdictKind::*;
    use Marking::*;
    let general = ["6", "7", "9", "10-media", "11"];
    let own_official = ["1", "2", "3", "5", "6", "7", "8", "9", "10-media", "11"];
    let own_sensitive = [
        "1",
        "2",
        "4",
        "4-long-term",
        "5",
        "6",
        "7",
        "8",
        "9",
        "10-media",
        "11",
    ];
    let bulk_own = ["2", "6", "7", "8", "9", "10", "10-media", "11"];
    let bulk_not_own = ["6", "7", "9", "10", "10-media", "11"];
    let table: [(bool, Marking, bool, DeviceVerdictKind, &[&str]); 8] = [
        (false, Official, false, NotUsingOwnDevices, &general),
        (
            false,
            OfficialSensitive,
            false,
            NotUsingOwnDevices,
            &general,
        ),
        (false, Official, true, NotUsingOwnDevices, &bulk_not_own),
        (
            false,
            OfficialSensitive,
            true,
            NotUsingOwnDevices,
            &bulk_not_own,
        ),
        (
            true,
            Official,
            false,
            MayUseOwnWithConditions,
            &own_official,
        ),
        (
            true,
            OfficialSensitive,
            false,
            MayUseOwnWithConditions,
            &own_sensitive,
        ),
        (true, Official, true, MustUseMojFacilities, &bulk_own),
        (
            true,
            OfficialSensitive,
            true,
            MustUseMojFacilities,
            &bulk_own,
        ),
    ];
    for (own, marking, bulk, kind, want) in table {
        let facts = Facts {
            schedule: Schedule::Sm2017,
            own_devices: Some(own),
            marking: Some(marking),
            bulk: Some(bulk),
            ..Facts::default()
        };
        let selected = select(&facts);
        check_selection_invariants(&facts, &selected);
        let label = format!("own={own} {marking:?} bulk={bulk}");
        assert_eq!(selected.len(), SM2017_GENERAL + want.len(), "{label}");
        assert!(
            selected.iter().all(|s| s.open_conditions.is_empty()),
            "{label}"
        );
        let cio: Vec<&Obligation> = selected
            .iter()
            .map(|s| s.obligation)
            .filter(|o| o.reference.starts_with(CIO_REFERENCE_PREFIX))
            .collect();
        assert_eq!(cio_ids(&cio), want, "{label}: selection");

        let verdict = device_verdict(own, marking, bulk, false);
        assert_eq!(verdict.kind, kind, "{label}");
        assert_eq!(cio_ids(&verdict.conditions), want, "{label}: verdict");
        assert!(!verdict.explanation.is_empty());
        match kind {
            MayUseOwnWithConditions => assert_eq!(
                verdict.headline,
                "You may use your own computers if all of these are in place"
            ),
            MustUseMojFacilities => {
                assert_eq!(verdict.headline, "You must use MoJ computing facilities");
                // ¶10 and ¶2 are the grounds.
                let refs: Vec<_> = verdict.conditions.iter().map(|o| o.reference).collect();
                assert!(refs.contains(&"Annex 1 Appendix (CIO), ¶10"));
                assert!(refs.contains(&"Annex 1 Appendix (CIO), ¶2"));
            }
            NotUsingOwnDevices => assert!(verdict.headline.contains("not using your own")),
            MustUseMojFacilitiesLongTerm => panic!("{label}: not long-term"),
        }
    }
    // OFFICIAL-SENSITIVE on own computers: CAPS, FIPS 140-2 only as an interim measure
    // with documented approval, and MoJ facilities for long-term access.
    let v = device_verdict(true, OfficialSensitive, false, false);
    assert_eq!(
        v.kind, MayUseOwnWithConditions,
        "short-term OFFICIAL-SENSITIVE"
    );
    let texts: Vec<&str> = v.conditions.iter().map(|o| o.text().unwrap()).collect();
    assert!(texts.iter().any(|t| t.contains("must conform to CAPS")
        && t.contains("short term, interim measure")
        && t.contains("senior management approval must be obtained and documented")));
    assert!(texts
        .iter()
        .any(|t| t.contains("long term access to OFFICIAL SENSITIVE data is required MoJ computing facilities must be provided")));
    assert!(!v.conditions.iter().any(|o| o.id.as_str() == "sm2017-cio-3"));

    // CIO ¶4: "If long term access to OFFICIAL SENSITIVE data is required MoJ computing
    // facilities must be provided". Long-term access counts only for OFFICIAL-SENSITIVE
    // data on the contractor's own computers.
    let long = device_verdict(true, OfficialSensitive, false, true);
    assert_eq!(long.kind, MustUseMojFacilitiesLongTerm);
    assert_eq!(long.headline, "You must use MoJ computing facilities");
    assert!(long.explanation.contains("(¶4)"), "{}", long.explanation);
    assert!(long
        .conditions
        .iter()
        .any(|o| o.reference == "Annex 1 Appendix (CIO), ¶4"));
    assert_eq!(
        device_verdict(true, OfficialSensitive, true, true).kind,
        MustUseMojFacilities,
        "bulk access is the first ground"
    );
    assert_eq!(
        device_verdict(true, Official, false, true).kind,
        MayUseOwnWithConditions,
        "OFFICIAL data: ¶4 does not apply"
    );
    assert_eq!(
        device_verdict(false, OfficialSensitive, false, true).kind,
        NotUsingOwnDevices
    );
}

#[test]
fn sm2017_with_unknown_device_facts_keeps_conditions_open() {
    let facts = Facts {
        schedule: Schedule::Sm2017,
        level: Some(Level::S6), // ignored: the 2017 schedule has no levels
        ..Facts::default()
    };
    let selected = select(&facts);
    check_selection_invariants(&facts, &selected);
    assert_eq!(selected.len(), 61);
    let open = |id: &str| {
        selected
            .iter()
            .find(|s| s.obligation.id.as_str() == id)
            .unwrap()
            .open_conditions
            .clone()
    };
    assert_eq!(
        open("sm2017-cio-4"),
        [
            Condition::OwnDevices,
            Condition::NoBulk,
            Condition::OfficialSensitive
        ]
    );
    assert_eq!(open("sm2017-cio-10"), [Condition::Bulk]);
    assert_eq!(open("sm2017-3-2"), Vec::<Condition>::new());
    for (id, reference) in [
        ("sm2017-2-4", "2.4"),
        ("sm2017-3-2", "3.2"),
        ("sm2017-3-3-6", "3.3.6"),
        ("sm2017-3-4-amend", "3.4"),
        ("sm2017-4-1", "4.1"),
        ("sm2017-5-2-5", "5.2.5"),
        ("sm2017-annex-12", "Annex 1, ¶12"),
        ("sm2017-cio-10", "Annex 1 Appendix (CIO), ¶10"),
    ] {
        assert_eq!(find(id).unwrap().reference, reference);
    }
    // Acknowledgements are not duties.
    assert!(!obligations(Schedule::Sm2017)
        .iter()
        .any(|o| o.reference == "2.6" || o.reference == "2.7"));
}

#[test]
fn conditions_describe_themselves_and_round_trip() {
    let mut phrases = BTreeSet::new();
    for c in Condition::ALL {
        assert_eq!(Condition::from_id(c.id()), Some(c));
        assert!(c.describe().starts_with("Applies "), "{c}");
        assert!(phrases.insert(c.describe()), "{c}: duplicate phrase");
    }
    assert!(Condition::Hosting.describe().contains("host Customer Data"));
    assert!(Condition::PathB.describe().contains("route (b)"));
    let facts = Facts {
        other_contracts: true,
        ..Facts::default()
    };
    assert_eq!(Condition::OtherContracts.holds(&facts), Some(true));
    assert_eq!(
        Condition::OtherContracts.holds(&Facts::default()),
        Some(false)
    );
    assert_eq!(Condition::NoOwnDevices.holds(&Facts::default()), None);
    let facts = Facts {
        own_devices: Some(false),
        ..Facts::default()
    };
    assert_eq!(Condition::NoOwnDevices.holds(&facts), Some(true));
    assert_eq!(Condition::OwnDevices.holds(&facts), Some(false));
}

// ---------------------------------------------------------------------------------------
// Coverage: every "shall"/"must" sentence is in the catalogue or explained

/// Splits a block after "." or ":" followed by whitespace and a capital (or an opening
/// bracket or quote): sentences, and list lead-ins from the headings after them.
fn sentences(block: &str) -> Vec<String> {
    let chars: Vec<char> = block.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..chars.len() {
        let end = matches!(chars[i], '.' | ':')
            && chars.get(i + 1).is_some_and(|c| c.is_whitespace())
            && chars
                .get(i + 2)
                .is_some_and(|c| c.is_uppercase() || matches!(c, '(' | '"' | '“'));
        if end {
            out.push(chars[start..=i].iter().collect::<String>());
            start = i + 1;
        }
    }
    out.push(chars[start..].iter().collect());
    out.into_iter()
        .map(|s| {
            // Drop the list joiners the converted text keeps at item ends.
            let mut s = squash(&s);
            loop {
                let before = s.len();
                for tail in [" and/or", " and", " or"] {
                    if let Some(t) = s.strip_suffix(tail) {
                        s = t.to_string();
                    }
                }
                s = s.trim_end_matches([';', ',', ':', '.', ' ']).to_string();
                if s.len() == before {
                    break;
                }
            }
            s
        })
        .filter(|s| !s.is_empty())
        .collect()
}

fn binds(sentence: &str) -> bool {
    sentence
        .split(|c: char| !c.is_alphabetic())
        .any(|w| w.eq_ignore_ascii_case("shall") || w.eq_ignore_ascii_case("must"))
}

/// DF: ¶1.4, ¶1.5, ¶2 and ¶3, one block per line (the conversion kept one paragraph or
/// list item per line).
fn df_blocks() -> Vec<String> {
    let text = source(Schedule::Df);
    let lines: Vec<&str> = text.lines().collect();
    let at = |p: &dyn Fn(&str) -> bool| lines.iter().position(|l| p(l)).unwrap();
    let p14 = at(&|l| l.starts_with("1.4 "));
    let p15 = at(&|l| l.starts_with("1.5 "));
    let p2 = at(&|l| l.starts_with("2. "));
    let annex = at(&|l| l.contains("DF AGREEMENT SCHEDULE 2.4"));
    // ¶1.5 is the one line between ¶1.4 and ¶2: the blocks run on from ¶1.4 (¶1.1–1.3
    // describe how the level is set; ¶1.3's duty is listed and checked elsewhere).
    assert_eq!(p15 + 1, p2, "¶1.5 is not the last paragraph of ¶1");
    lines[p14..annex]
        .iter()
        .map(|l| clean_line(l))
        .filter(|l| !l.is_empty())
        .collect()
}

/// 2017: ¶2–5, Annex 1 and the CIO appendix; a block starts at each numbered line.
fn sm2017_blocks() -> Vec<String> {
    let text = source(Schedule::Sm2017);
    let lines: Vec<&str> = text.lines().collect();
    let p2 = lines
        .iter()
        .position(|l| l.starts_with("2. INTRODUCTION"))
        .unwrap();
    let mut blocks: Vec<Vec<String>> = Vec::new();
    for line in &lines[p2..] {
        let (number, _) = split_numbering(line.trim());
        if number.is_some() || blocks.is_empty() {
            blocks.push(Vec::new());
        }
        blocks.last_mut().unwrap().push(clean_line(line));
    }
    blocks
        .iter()
        .map(|b| join_lines(b.iter().map(String::as_str)))
        .collect()
}

#[test]
fn the_sentence_splitter_keeps_clauses_whole() {
    assert_eq!(
        sentences("The Supplier must comply concerning: Personnel Security"),
        ["The Supplier must comply concerning", "Personnel Security"]
    );
    assert_eq!(
        sentences("e.g. short timescales, lack of alternative product etc., where it must."),
        ["e.g. short timescales, lack of alternative product etc., where it must"]
    );
    assert_eq!(
        sentences("it shall no longer be required to maintain accreditation; and"),
        ["it shall no longer be required to maintain accreditation"]
    );
    assert!(binds("The Supplier shall notify"));
    assert!(binds("MoJ computing facilities must be provided."));
    assert!(!binds("should be disposed of as normal waste; marshall"));
}

#[test]
fn every_shall_or_must_sentence_is_covered() {
    let mut report = Vec::new();
    let mut counted = 0;
    for (schedule, blocks) in [
        (Schedule::Df, df_blocks()),
        (Schedule::Sm2017, sm2017_blocks()),
    ] {
        let texts: Vec<&str> = obligations(schedule)
            .iter()
            .map(|o| o.text().unwrap())
            .collect();
        let excused = not_obligations(schedule);
        let mut used = vec![false; excused.len()];
        for block in &blocks {
            for (i, x) in excused.iter().enumerate() {
                used[i] |= block.contains(x.start);
            }
            for sentence in sentences(block) {
                let in_catalogue = texts.iter().any(|t| t.contains(&sentence));
                if !binds(&sentence) {
                    continue;
                }
                counted += 1;
                let explained = excused.iter().any(|x| sentence.starts_with(x.start));
                if !in_catalogue && !explained {
                    report.push(format!("[{}] {sentence}", schedule.id()));
                }
            }
        }
        // Each explanation quotes the covered text, and says why.
        for (x, used) in excused.iter().zip(used) {
            assert!(
                used,
                "[[not_an_obligation]] {:?} is not in the text",
                x.start
            );
            assert!(x.reason.len() > 10, "{:?}: no reason", x.start);
        }
    }
    if !report.is_empty() {
        for line in &report {
            println!("uncovered: {line}");
        }
    }
    assert!(
        report.is_empty(),
        "{} uncovered sentences:\n{}",
        report.len(),
        report.join("\n")
    );
    assert!(
        counted > 150,
        "only {counted} sentences found: the extraction is broken"
    );
}

/// The rules are generated typed from the data files; each must write back the data's
/// own text, and that text must read back as the same rule (so it is in canonical form).
#[test]
fn every_generated_rule_is_its_data_text_in_canonical_form() {
    use security_matrix_core::dates::deadline::{DeadlineRule, Resolve};
    let mut dated = 0;
    for (schedule, file) in Schedule::ALL.into_iter().zip(generator::FILES) {
        let path = format!("{}/data/{file}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(path).expect(file);
        let data = generator::read(&text).expect(file);
        assert_eq!(data.obligation.len(), obligations(schedule).len(), "{file}");
        for (entry, o) in data.obligation.iter().zip(obligations(schedule)) {
            assert_eq!(entry.id, o.id.as_str());
            assert_eq!(
                o.deadline.map(|r| r.to_string()),
                entry.deadline,
                "{}: the generated rule does not write back the data's text",
                o.id
            );
            let (Some(rule), Some(text)) = (o.deadline, &entry.deadline) else {
                continue;
            };
            let read = DeadlineRule::parse(text).expect(text);
            assert_eq!(read.resolve().as_ref(), Some(rule), "{}", o.id);
            if let Some(event) = rule.event() {
                assert!(
                    events(schedule).contains(event.event()),
                    "{}: event {event} is of the other schedule",
                    o.id
                );
            }
            dated += 1;
        }
    }
    assert!(dated >= 20, "only {dated} obligations carry a deadline");
}
