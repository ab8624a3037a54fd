//! The documents' model (issue 23): the draft plan, the security response and the ¶1.4
//! letters, built from the S6 example and from one assessment at each level, read back
//! block by block. The Word writer's own tests are in the `security-matrix-docx` crate.
use chrono::NaiveDate;
use security_matrix_core::dates::plan::EventDates;
use security_matrix_core::file::link::from_fragment;
use security_matrix_core::file::tracker::{Status, Track, Tracker};
use security_matrix_core::report::{df_report, sm_report, DfReport, SmReport};
use security_matrix_core::takeaways::compliance::NOT_MARKED;
use security_matrix_core::takeaways::documents::letters::letters;
use security_matrix_core::takeaways::documents::plan_draft::{
    by_subject_sentence, plan_draft, required_plan, ANNEX_HEADING, REQUIREMENT_PROMPT,
    SUBJECT_PROMPT, TIMETABLE_HEADING,
};
use security_matrix_core::takeaways::documents::plans::{duty_ids, plan_spec, PLANS};
use security_matrix_core::takeaways::documents::security_response::{
    security_response, COMPLIANCE_HEADING, CRITERIA_HEADER,
};
use security_matrix_core::takeaways::documents::{
    file_name, Assessed, Block, Document, DocumentDetails, HeadingLevel, Inputs, Kind, Table,
    DUTY_HEADER, LANGUAGE,
};
use security_matrix_core::{DfAnswers, Level, ObligationId, Schedule, SmAnswers};

const S6: &str = "schedule=df&subjects=3000&special=40&professional=no&value=450000&months=36&access=yes&other=no&commencement=2027-04-01&route=skip&hosting=skip";
const SM: &str =
    "schedule=sm2017&effective=2026-12-14&own_devices=yes&marking=official-sensitive&bulk=no&long_term=yes";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
}

fn df(fragment: &str) -> (DfAnswers, DfReport) {
    let a = from_fragment(fragment).answers.df().expect("a DF link");
    let r = df_report(&a, &EventDates::new(), today());
    (a, r)
}

fn sm(fragment: &str) -> (SmAnswers, SmReport) {
    let a = from_fragment(fragment).answers.sm().expect("a 2017 link");
    let r = sm_report(&a, &EventDates::new(), today());
    (a, r)
}

fn details() -> DocumentDetails {
    DocumentDetails {
        organisation: "Acme Care Ltd".into(),
        contract: "CO-2027-14".into(),
        customer: "Ministry of Justice".into(),
    }
}

fn id(s: &str) -> ObligationId {
    ObligationId::parse(s).unwrap_or_else(|| panic!("{s} is not a duty"))
}

/// A tracker with a few duties marked and owners typed.
fn tracker() -> Tracker {
    let mut t = Tracker::new();
    t.insert(
        id("df-3-6-7-a"),
        Track {
            status: Some(Status::InProgress),
            owner: "Head of Security".into(),
            note: "Gap analysis against ISO/IEC 27001 started".into(),
        },
    );
    t.insert(id("df-3-6-11"), Track::from(Status::InPlace));
    t.insert(
        id("df-3-6-technical-1"),
        Track {
            status: Some(Status::NotStarted),
            owner: "IT Manager".into(),
            note: String::new(),
        },
    );
    t.insert(
        id("sm2017-3-3-7"),
        Track {
            status: Some(Status::InPlace),
            owner: "Service Desk Lead".into(),
            note: "Incident plan v3".into(),
        },
    );
    t
}

fn headings(doc: &Document) -> Vec<(HeadingLevel, &str)> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading(l, t) => Some((*l, t.as_str())),
            _ => None,
        })
        .collect()
}

/// The blocks under the heading `text` (of any level) up to the next heading of the same
/// level or above.
fn section<'a>(doc: &'a Document, text: &str) -> &'a [Block] {
    let (i, level) = doc
        .blocks
        .iter()
        .enumerate()
        .find_map(|(i, b)| match b {
            Block::Heading(l, t) if t == text => Some((i, *l)),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no heading {text:?} in {:?}", headings(doc)));
    let rest = &doc.blocks[i + 1..];
    let end = rest
        .iter()
        .position(|b| matches!(b, Block::Heading(l, _) if *l <= level))
        .unwrap_or(rest.len());
    &rest[..end]
}

fn tables(blocks: &[Block]) -> Vec<&Table> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect()
}

fn placeholders(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .filter(|b| matches!(b, Block::Placeholder(_)))
        .count()
}

fn texts(blocks: &[Block]) -> String {
    let mut out = String::new();
    for b in blocks {
        match b {
            Block::Title(t)
            | Block::Heading(_, t)
            | Block::Paragraph(t)
            | Block::Placeholder(t) => out.push_str(t),
            Block::Field { label, value } => out.push_str(&format!("{label}: {value}")),
            Block::Quote { reference, text } => out.push_str(&format!("{reference} {text}")),
            Block::Bullets(items) => out.push_str(&items.join("\n")),
            Block::Table(t) => {
                for row in std::iter::once(&t.header).chain(&t.rows) {
                    out.push_str(&row.join(" | "));
                    out.push('\n');
                }
            }
            Block::PageBreak | Block::Contents => {}
        }
        out.push('\n');
    }
    out
}

fn df_inputs<'a>(
    a: &'a DfAnswers,
    r: &'a DfReport,
    tracker: &'a Tracker,
    details: &'a DocumentDetails,
) -> Inputs<'a> {
    Inputs {
        assessed: Assessed::Df(a, r),
        tracker,
        today: today(),
        details,
        tender: None,
    }
}

#[test]
fn every_plan_resolves_its_duties() {
    // The build checks every id; here they resolve to duties of the plan's schedule.
    for p in PLANS {
        let mut all: Vec<&str> = p.submission.to_vec();
        all.extend(p.review);
        all.push(p.approval.amend_duty);
        all.push(p.approval.approve_duty);
        for r in p.requirements {
            all.extend(r.duties);
        }
        for s in all {
            assert_eq!(id(s).obligation().schedule, p.schedule, "{}: {s}", p.id);
        }
        assert_eq!(p.approval.amend_days, 10, "{}", p.id);
        assert_eq!(p.approval.approve_days, 15, "{}", p.id);
    }
    // One plan per DF level S2 to S6, one for 2017.
    for level in [Level::S2, Level::S3, Level::S4, Level::S5, Level::S6] {
        assert!(plan_spec(Schedule::Df, Some(level)).is_some(), "{level}");
    }
    assert!(plan_spec(Schedule::Df, Some(Level::S1)).is_none());
    assert!(plan_spec(Schedule::Sm2017, None).is_some());
}

#[test]
fn s6_draft_has_one_section_per_requirement_in_the_schedules_order() {
    let (a, r) = df(S6);
    let t = tracker();
    let d = details();
    let doc = plan_draft(&df_inputs(&a, &r, &t, &d)).expect("S6 requires a plan");
    assert_eq!(doc.title, "Information Security Management Plan (draft)");
    assert_eq!(doc.language, LANGUAGE);
    assert!(doc.subject.contains("security level S6"), "{}", doc.subject);
    let h2: Vec<&str> = section(&doc, "What the plan must contain")
        .iter()
        .filter_map(|b| match b {
            Block::Heading(HeadingLevel::H2, t) => Some(t.as_str()),
            _ => None,
        })
        .collect();
    let refs: Vec<&str> = h2.iter().map(|h| h.split(' ').next().unwrap()).collect();
    assert_eq!(
        refs,
        [
            "¶3.6.7(a)",
            "¶3.6.7(b)",
            "¶3.6.7(c)",
            "¶3.6.7(d)",
            "¶3.6.7(e)",
            "¶3.6.7(f)",
            "¶3.6.7(g)",
            "¶3.6.10",
            "¶3.6.11",
            "¶3.6.12"
        ]
    );
    let spec = plan_spec(Schedule::Df, Some(Level::S6)).unwrap();
    for (heading, req) in h2.iter().zip(spec.requirements) {
        let blocks = section(&doc, heading);
        // The requirement quoted with its paragraph, the plain line, the placeholder.
        assert_eq!(
            blocks[0],
            Block::Quote {
                reference: format!("¶{}", req.text.reference),
                text: req.text.quote.to_string()
            },
            "{heading}"
        );
        assert!(texts(blocks).contains(req.plain), "{heading}");
        assert_eq!(placeholders(blocks), 1, "{heading}");
        assert_eq!(
            blocks.last(),
            Some(&Block::Placeholder(REQUIREMENT_PROMPT.into()))
        );
        // Its duties: those the assessment selected, in the data's order, one row each.
        let table = tables(blocks)[0];
        assert_eq!(table.header, DUTY_HEADER);
        let selected: Vec<&str> = r
            .groups
            .iter()
            .flat_map(|g| &g.items)
            .map(|s| s.obligation.title)
            .collect();
        let want: Vec<&str> = duty_ids(req.duties)
            .into_iter()
            .map(|i| i.obligation().title)
            .filter(|t| selected.contains(t))
            .collect();
        let got: Vec<&str> = table.rows.iter().map(|row| row[1].as_str()).collect();
        assert_eq!(got, want, "{heading}");
    }
    // The marked duties carry their status, owner and note as typed; the others "Not
    // marked".
    let cases = [
        (
            "¶3.6.7(a) Comply with ISO/IEC 27001 or the alternative accreditation",
            "¶3.6.7(a)",
            [
                "In progress",
                "Head of Security",
                "Gap analysis against ISO/IEC 27001 started",
            ],
        ),
        (
            "¶3.6.11 Policies in scope: malware, patching and passwords",
            "¶3.6.11",
            ["In place", "", ""],
        ),
        (
            "¶3.6.11 Policies in scope: malware, patching and passwords",
            "¶3.6, Technical Security, 1st paragraph",
            ["Not started", "IT Manager", ""],
        ),
        (
            "¶3.6.7(b) Delegated roles",
            "¶3.6.7(b)",
            [NOT_MARKED, "", ""],
        ),
    ];
    for (heading, reference, [status, owner, note]) in cases {
        let table = tables(section(&doc, heading))[0];
        let row = table
            .rows
            .iter()
            .find(|row| row[0] == reference)
            .unwrap_or_else(|| panic!("{reference} not under {heading}"));
        assert_eq!(
            [row[3].as_str(), &row[4], &row[5]],
            [status, owner, note],
            "{reference}"
        );
    }
}

#[test]
fn s6_draft_title_page_timetable_reviews_notes_and_annex() {
    let (a, r) = df(S6);
    let t = tracker();
    let d = details();
    let doc = plan_draft(&df_inputs(&a, &r, &t, &d)).unwrap();
    // The title page: the title, the details typed, then a page break and the contents.
    assert_eq!(doc.blocks[0], Block::Title(doc.title.clone()));
    let page = texts(
        &doc.blocks[..doc
            .blocks
            .iter()
            .position(|b| *b == Block::PageBreak)
            .unwrap()],
    );
    for want in [
        "Organisation: Acme Care Ltd",
        "Contract: CO-2027-14",
        "Customer: Ministry of Justice",
        "Security level: S6",
        "Prepared: 30 November 2026",
    ] {
        assert!(page.contains(want), "{want} not in {page}");
    }
    assert_eq!(
        doc.blocks.iter().filter(|b| **b == Block::Contents).count(),
        1
    );
    // The timetable: six weeks before 1 April 2027 is 18 February 2027; 10 and 15
    // Working Days, with the schedule's words.
    let timetable = section(&doc, TIMETABLE_HEADING);
    let table = tables(timetable)[0];
    assert_eq!(table.header, ["Step", "Paragraph", "When"]);
    assert_eq!(table.rows[0][1], "¶3.6.5");
    assert_eq!(table.rows[0][2], "18 February 2027");
    assert_eq!(table.rows[1][1], "¶3.6.8");
    assert!(table.rows[1][2].starts_with("Within 10 Working Days of the notice of non-approval"));
    assert!(table.rows[2][2].starts_with("Within 15 Working Days of the first submission"));
    let words = texts(timetable);
    assert!(words.contains("within ten (10) Working Days of a notice of non-approval"));
    assert!(words.contains("no longer than fifteen (15) Working Days"));
    // The reviews: at least annually, counted from the plan's deadline, within the term.
    let reviews = section(&doc, "Reviews");
    let Some(Block::Bullets(dates)) = reviews.iter().find(|b| matches!(b, Block::Bullets(_)))
    else {
        panic!("no review dates: {reviews:?}")
    };
    assert_eq!(dates[0], "18 February 2028");
    assert_eq!(dates.len(), 3, "{dates:?}");
    // Where the schedule is unclear: the plan's note and the duties' drafting notes.
    let unclear = texts(section(&doc, "Where the schedule is unclear"));
    assert!(unclear.contains("Paragraphs 3.6.10 to 3.6.12 are outside the list of paragraph 3.6.7"));
    assert!(
        unclear.contains("¶3.6.17"),
        "the annual review's reading: {unclear}"
    );
    // The annex lists every selected duty once.
    let annex = section(&doc, ANNEX_HEADING);
    let listed: Vec<&str> = tables(annex)
        .iter()
        .flat_map(|t| t.rows.iter().map(|row| row[1].as_str()))
        .collect();
    let selected: Vec<&str> = r
        .groups
        .iter()
        .flat_map(|g| &g.items)
        .map(|s| s.obligation.title)
        .collect();
    assert_eq!(listed, selected);
}

/// At S2 to S5 the schedule lists no contents: the sections are the subjects, and the
/// draft says so. No plan at S1, nor on route (a) at S3 and S4.
#[test]
fn plan_by_level_and_route() {
    let base = "special=0&professional=no&access=no&other=no&commencement=2027-04-01&hosting=no";
    let cases: [(&str, Level, Option<&str>); 8] = [
        ("subjects=5&value=1000&months=6", Level::S1, None),
        ("subjects=50&value=1000&months=6", Level::S2, Some("df-s2")),
        (
            "subjects=500&value=60000&months=6&route=b",
            Level::S3,
            Some("df-s3"),
        ),
        ("subjects=500&value=60000&months=6&route=a", Level::S3, None),
        (
            "subjects=500&special=10&value=60000&months=6&route=b",
            Level::S4,
            Some("df-s4"),
        ),
        (
            "subjects=500&special=10&value=60000&months=6&route=a",
            Level::S4,
            None,
        ),
        (
            "subjects=2000&value=200000&months=18&route=a",
            Level::S5,
            Some("df-s5"),
        ),
        (
            "subjects=3000&value=450000&months=36&route=a",
            Level::S6,
            Some("df-s6"),
        ),
    ];
    for (answers, level, plan) in cases {
        // A key given twice: the later value counts.
        let (a, r) = df(&format!("schedule=df&{base}&{answers}"));
        assert_eq!(r.assessment.level, level, "{answers}");
        let t = Tracker::new();
        let d = DocumentDetails::default();
        let inputs = df_inputs(&a, &r, &t, &d);
        assert_eq!(required_plan(&inputs).map(|p| p.id), plan, "{answers}");
        let Some(doc) = plan_draft(&inputs) else {
            assert!(plan.is_none());
            continue;
        };
        let spec = required_plan(&inputs).unwrap();
        if level == Level::S6 {
            continue; // by requirement: the tests above
        }
        let sections = section(&doc, "What the plan must cover");
        assert_eq!(
            sections[0],
            Block::Paragraph(by_subject_sentence(spec)),
            "{answers}"
        );
        let h2: Vec<&str> = sections
            .iter()
            .filter_map(|b| match b {
                Block::Heading(HeadingLevel::H2, t) => Some(t.as_str()),
                _ => None,
            })
            .collect();
        let subjects: Vec<&str> = r.groups.iter().map(|g| g.category.name()).collect();
        assert_eq!(h2, subjects, "{answers}");
        assert_eq!(placeholders(sections), subjects.len());
        assert!(sections.contains(&Block::Placeholder(SUBJECT_PROMPT.into())));
        // The plan's own note says why.
        let unclear = texts(section(&doc, "Where the schedule is unclear"));
        assert!(
            unclear.contains(&format!(
                "The schedule lists no contents for the plan at {level}"
            )),
            "{unclear}"
        );
        // No date for the plan at S2 to S5; the approval paragraph of the level.
        let table = tables(section(&doc, TIMETABLE_HEADING))[0];
        assert_eq!(table.rows[0][1], format!("¶{}", spec.purpose.reference));
        assert_eq!(table.rows[1][1], format!("¶{}", spec.approval.reference));
        assert_eq!(
            table.rows[0][2],
            "No date is set by the schedule: agree it with the Customer"
        );
    }
}

#[test]
fn sm2017_draft_follows_paragraph_3_3() {
    let (a, r) = sm(SM);
    let t = tracker();
    let d = details();
    let inputs = Inputs {
        assessed: Assessed::Sm2017(&a, &r),
        tracker: &t,
        today: today(),
        details: &d,
        tender: None,
    };
    let doc = plan_draft(&inputs).expect("2017 always requires the plan");
    assert_eq!(doc.title, "Security Management Plan (draft)");
    let refs: Vec<&str> = section(&doc, "What the plan must contain")
        .iter()
        .filter_map(|b| match b {
            Block::Heading(HeadingLevel::H2, t) => t.split(' ').next(),
            _ => None,
        })
        .collect();
    let want: Vec<String> = (1..=10).map(|i| format!("¶3.3.{i}")).collect();
    assert_eq!(refs, want);
    let incidents = section(&doc, "¶3.3.7 Security incident management and response");
    let row = tables(incidents)[0]
        .rows
        .iter()
        .find(|row| row[0] == "¶3.3.7")
        .unwrap();
    assert_eq!(
        row[3..],
        ["In place", "Service Desk Lead", "Incident plan v3"]
    );
    // The title page names the Authority; the timetable dates the submission 20 Working
    // Days after the Effective Date of 14 December 2026 (25 and 28 December and 1 January
    // are bank holidays).
    assert!(texts(&doc.blocks).contains("Authority: Ministry of Justice"));
    let table = tables(section(&doc, TIMETABLE_HEADING))[0];
    assert_eq!(table.rows[0][1], "¶3.2");
    assert_eq!(table.rows[0][2], "14 January 2027");
    assert_eq!(table.rows[1][1], "¶3.4");
}

#[test]
fn security_response_holds_the_statement_the_criteria_and_the_compliance_table() {
    let (a, r) = df(S6);
    let t = tracker();
    let d = details();
    let doc = security_response(&df_inputs(&a, &r, &t, &d));
    assert_eq!(doc.title, "Security response: security level S6");
    let statement = section(&doc, "Statement under paragraph 1.3");
    assert_eq!(
        statement,
        [Block::Paragraph(
            security_matrix_core::takeaways::statement::df_statement(&a, &r)
        )]
    );
    let why = tables(section(&doc, "Why the level is S6"))[0];
    assert_eq!(why.header, CRITERIA_HEADER);
    assert_eq!(why.rows.len(), r.assessment.criteria.len());
    assert!(why.rows.iter().any(|row| row[4] == "Yes"));
    let compliance = tables(section(&doc, COMPLIANCE_HEADING))[0];
    assert_eq!(compliance.header, DUTY_HEADER);
    assert_eq!(compliance.rows.len(), r.count());
    let row = compliance
        .rows
        .iter()
        .find(|row| row[0] == "¶3.6.7(a)")
        .unwrap();
    assert_eq!(
        row[3..],
        [
            "In progress",
            "Head of Security",
            "Gap analysis against ISO/IEC 27001 started"
        ]
    );
    // The S6 example has Special Category Data at the aggregate: no ambiguity for it, but
    // the duties' drafting notes are there.
    assert!(texts(&doc.blocks).contains("Drafting notes on the duties"));
    // 2017: the statement and the own-device verdict.
    let (a, r) = sm(SM);
    let inputs = Inputs {
        assessed: Assessed::Sm2017(&a, &r),
        tracker: &t,
        today: today(),
        details: &d,
        tender: None,
    };
    let doc = security_response(&inputs);
    assert!(texts(section(&doc, "Own computers")).contains(r.verdict.headline));
    assert_eq!(
        tables(section(&doc, COMPLIANCE_HEADING))[0].rows.len(),
        r.groups.iter().map(|g| g.items.len()).sum::<usize>()
    );
}

#[test]
fn security_response_gives_the_reading_of_each_ambiguity() {
    // Exactly 2,500 data subjects: the stricter reading puts it at S6.
    let (a, r) = df("schedule=df&subjects=2500&special=0&value=1000&months=6&access=no&other=no");
    assert!(!r.assessment.ambiguities.is_empty());
    let t = Tracker::new();
    let d = DocumentDetails::default();
    let doc = security_response(&df_inputs(&a, &r, &t, &d));
    let unclear = texts(section(&doc, "Where the schedule is unclear"));
    for n in &r.assessment.ambiguities {
        assert!(unclear.contains(n.text.title), "{}", n.text.title);
        assert!(unclear.contains(n.text.reading), "{}", n.text.title);
    }
    // No details typed: the title page leaves them out.
    assert!(!texts(&doc.blocks).contains("Organisation:"));
}

#[test]
fn letters_only_when_there_are_customers_to_notify() {
    let with_others = "schedule=df&subjects=3000&special=40&professional=no&value=450000&months=36&access=yes&commencement=2027-04-01\
        &c1_customer=HMPPS&c1_name=Prison%20health&c1_subjects=10&c1_special=0&c1_level=S2\
        &c2_customer=Probation%20Service&c2_subjects=5&c2_special=0&c2_level=S3\
        &c3_customer=hmpps&c3_name=Courts&c3_subjects=5&c3_special=0&c3_level=none\
        &c4_customer=Already%20S6&c4_subjects=5&c4_special=0&c4_level=S6";
    let t = Tracker::new();
    let d = details();
    let cases: [(&str, Option<&[&str]>); 2] = [
        (S6, None),
        (with_others, Some(&["HMPPS", "Probation Service"])),
    ];
    for (fragment, customers) in cases {
        let (a, r) = df(fragment);
        let doc = letters(&df_inputs(&a, &r, &t, &d));
        let Some(customers) = customers else {
            assert!(doc.is_none(), "{fragment}");
            continue;
        };
        let doc = doc.expect("letters");
        let h1: Vec<String> = headings(&doc)
            .into_iter()
            .map(|(_, t)| t.to_string())
            .collect();
        let want: Vec<String> = customers.iter().map(|c| format!("Letter to {c}")).collect();
        assert_eq!(h1, want);
        // Each letter after the first starts on a new page, and each is dated.
        let starts: Vec<usize> = doc
            .blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| matches!(b, Block::Heading(..)))
            .map(|(i, _)| i)
            .collect();
        assert_eq!(starts[0], 0);
        for s in &starts[1..] {
            assert_eq!(doc.blocks[s - 1], Block::PageBreak);
        }
        for c in customers {
            let letter = section(&doc, &format!("Letter to {c}"));
            assert_eq!(letter[0], Block::Paragraph("Acme Care Ltd".into()));
            assert_eq!(letter[1], Block::Paragraph("30 November 2026".into()));
            assert_eq!(letter[2], Block::Paragraph(format!("Dear {c},")));
        }
        let hmpps = texts(section(&doc, "Letter to HMPPS"));
        assert!(
            hmpps.contains("\u{201c}Prison health\u{201d}: from S2 to S6"),
            "{hmpps}"
        );
        assert!(hmpps.contains("\u{201c}Courts\u{201d}: no level has been set; S6 applies"));
    }
    // None for 2017.
    let (a, r) = sm(SM);
    let inputs = Inputs {
        assessed: Assessed::Sm2017(&a, &r),
        tracker: &t,
        today: today(),
        details: &d,
        tender: None,
    };
    assert!(letters(&inputs).is_none());
}

#[test]
fn file_names_follow_the_csv() {
    let cases = [
        (
            Kind::PlanDraft,
            Some(Level::S6),
            Schedule::Df,
            "security-plan-draft-S6-2026-11-30.docx",
        ),
        (
            Kind::SecurityResponse,
            Some(Level::S2),
            Schedule::Df,
            "security-response-S2-2026-11-30.docx",
        ),
        (
            Kind::Letters,
            Some(Level::S6),
            Schedule::Df,
            "security-letters-S6-2026-11-30.docx",
        ),
        (
            Kind::PlanDraft,
            None,
            Schedule::Sm2017,
            "security-plan-draft-sm2017-2026-11-30.docx",
        ),
        (
            Kind::SecurityResponse,
            Some(Level::S4),
            Schedule::Sm2017,
            "security-response-sm2017-2026-11-30.docx",
        ),
        (
            Kind::PlanDraft,
            None,
            Schedule::Df,
            "security-plan-draft-df-2026-11-30.docx",
        ),
    ];
    for (kind, level, schedule, want) in cases {
        assert_eq!(file_name(kind, level, schedule, today()), want);
    }
}

#[test]
fn a_tender_s_documents_name_it_and_say_which_answers_its_customer_set() {
    use security_matrix_core::file::savefile::Document as Saved;
    use security_matrix_core::takeaways::documents::Kind;
    use security_matrix_core::takeaways::download::Takeaway;
    let link = "schedule=df&value=450000&months=36&subjects=3000&special=40&professional=no&access=yes&fixed=value,months,subjects,special,professional,access&tender=Prison%20education%20services&tender_ref=MOJ-2027-041&other=no&commencement=2027-04-01&route=skip&hosting=skip";
    let saved = Saved {
        answers: security_matrix_core::file::link::from_fragment(link).answers,
        ..Saved::default()
    };
    assert!(saved.answers.tender().is_some(), "the link sets a tender");
    let text = |kind| {
        let (_, doc) = Takeaway::Document(kind)
            .document(&saved, today())
            .unwrap()
            .unwrap();
        format!("{doc:?}")
    };
    for kind in [Kind::PlanDraft, Kind::SecurityResponse] {
        let t = text(kind);
        assert!(
            t.contains("Prison education services (MOJ-2027-041)"),
            "{kind:?}"
        );
        assert!(t.contains("The Customer set these answers for"), "{kind:?}");
    }
    assert!(text(Kind::SecurityResponse).contains("For Prison education services (MOJ-2027-041). "));
}
