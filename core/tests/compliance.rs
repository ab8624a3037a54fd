//! The compliance matrix spreadsheet (issue 15): read back with the `csv` crate's reader,
//! and its hand-written writer compared byte for byte with the crate's writer.
use std::borrow::Cow;

use chrono::NaiveDate;
use proptest::prelude::*;
use security_matrix_core::dates::plan::EventDates;
use security_matrix_core::duties::{obligations, Obligation, Selected};
use security_matrix_core::file::link::from_fragment;
use security_matrix_core::file::tracker::{Status, Track, Tracker};
use security_matrix_core::report::{df_report, group, sm_report, DfReport, SmReport};
use security_matrix_core::takeaways::compliance::{
    compliance_csv, csv_file_name, guard_cell, paragraph, rows, write_csv, Row, BOM, COLUMNS,
    FORMULA_STARTS, HEADER, NOT_MARKED,
};
use security_matrix_core::{Level, ObligationId, Schedule};

const S6: &str = "schedule=df&subjects=3000&special=40&professional=no&value=450000&months=36&access=yes&other=no&commencement=2027-04-01";
const SM: &str =
    "schedule=sm2017&effective=2026-12-14&own_devices=yes&marking=official-sensitive&bulk=no&long_term=yes";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
}

fn s6() -> DfReport {
    let a = from_fragment(S6).answers.df().unwrap();
    df_report(&a, &EventDates::new(), today())
}

fn sm() -> SmReport {
    let a = from_fragment(SM).answers.sm().unwrap();
    sm_report(&a, &EventDates::new(), today())
}

fn s6_csv(tracker: &Tracker) -> String {
    let r = s6();
    compliance_csv(
        Schedule::Df,
        Some(r.assessment.level),
        &r.groups,
        &r.plan,
        tracker,
    )
}

/// The text without its byte-order mark (which must be there).
fn strip_bom(text: &str) -> &str {
    text.strip_prefix(BOM)
        .unwrap_or_else(|| panic!("no byte-order mark: {:?}", &text[..text.len().min(20)]))
}

/// Every record, the header first, as read by the `csv` crate (RFC 4180; every record
/// must have as many fields as the first).
fn records(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(strip_bom(text).as_bytes())
        .records()
        .map(|r| r.expect("valid CSV").iter().map(str::to_string).collect())
        .collect()
}

/// How many record ends the raw bytes have, checking that every line break outside quotes
/// is a CRLF and that the bytes end with one.
fn record_ends(body: &[u8]) -> usize {
    let (mut quoted, mut ends) = (false, 0);
    for (i, b) in body.iter().enumerate() {
        match b {
            b'"' => quoted = !quoted, // a doubled quote toggles twice
            b'\r' if !quoted => {
                assert_eq!(body.get(i + 1), Some(&b'\n'), "a CR alone at byte {i}");
                ends += 1;
            }
            b'\n' if !quoted => assert_eq!(body[i - 1], b'\r', "an LF alone at byte {i}"),
            _ => {}
        }
    }
    assert!(!quoted, "a quote left open");
    assert!(body.ends_with(b"\r\n"));
    ends
}

/// The first duty of the S6 example.
fn first_duty(r: &DfReport) -> ObligationId {
    r.groups[0].items[0].obligation.id
}

fn column(name: &str) -> usize {
    HEADER.iter().position(|h| *h == name).unwrap()
}

#[test]
fn the_header_is_the_issue_s_columns() {
    let recs = records(&s6_csv(&Tracker::new()));
    assert_eq!(
        recs[0].join(","),
        "Schedule,Level,Paragraph,Duty,The schedule's words,Applies if,Due dates,Status,Owner,Evidence or note,Drafting note"
    );
}

#[test]
fn one_row_per_selected_duty_of_the_s6_example_with_the_schedule_s_words_byte_for_byte() {
    let r = s6();
    assert_eq!(r.assessment.level, Level::S6);
    let recs = records(&s6_csv(&Tracker::new()));
    let duties: Vec<&Selected> = r.groups.iter().flat_map(|g| &g.items).collect();
    assert_eq!(recs.len() - 1, r.count());
    assert_eq!(recs.len() - 1, duties.len());
    for (row, s) in recs[1..].iter().zip(&duties) {
        let o = s.obligation;
        let dates: Vec<String> = r
            .plan
            .dated
            .iter()
            .filter(|e| e.obligation.id == o.id)
            .map(|e| e.date.format("%Y-%m-%d").to_string())
            .collect();
        let conditions: Vec<&str> = s.open_conditions.iter().map(|c| c.describe()).collect();
        assert_eq!(
            *row,
            [
                "DF Schedule 2.4 Information Security and Assurance",
                "S6",
                &paragraph(o.reference),
                o.title,
                o.text().unwrap(),
                &conditions.join("; "),
                &dates.join("; "),
                NOT_MARKED,
                "",
                "",
                o.note.unwrap_or_default(),
            ],
            "{}",
            o.reference
        );
    }
    // The example covers what needs quoting and what is joined.
    let words = column("The schedule's words");
    assert!(recs.iter().any(|r| r[words].contains(',')));
    assert!(recs.iter().any(|r| r[words].contains('"')));
    assert!(recs.iter().any(|r| r[column("Due dates")].contains("; ")));
    assert!(recs.iter().any(|r| !r[column("Drafting note")].is_empty()));
    let ismp = recs
        .iter()
        .find(|r| r[column("Paragraph")] == "¶3.6.5")
        .unwrap();
    assert!(ismp[column("Due dates")].starts_with("2027-"), "{ismp:?}");
}

#[test]
fn the_paragraph_keeps_a_number_as_text_and_a_cited_annex_as_it_is() {
    assert_eq!(paragraph("3.10"), "¶3.10");
    assert_eq!(paragraph("3.5.1(b)(ii)"), "¶3.5.1(b)(ii)");
    assert_eq!(paragraph("Annex 1, ¶5"), "Annex 1, ¶5");
}

#[test]
fn the_2017_matrix_has_an_empty_level_and_the_schedule_s_curly_quotes() {
    let r = sm();
    // A level passed in is not written: the 2017 schedule has none.
    let text = compliance_csv(
        Schedule::Sm2017,
        Some(Level::S6),
        &r.groups,
        &r.plan,
        &Tracker::new(),
    );
    let recs = records(&text);
    let duties: Vec<&Selected> = r.groups.iter().flat_map(|g| &g.items).collect();
    assert_eq!(recs.len() - 1, duties.len());
    assert!(!duties.is_empty());
    for (row, s) in recs[1..].iter().zip(&duties) {
        assert_eq!(row.len(), COLUMNS);
        assert_eq!(row[0], "Schedule 2.4 Security Management (2017)");
        assert_eq!(row[1], "", "no level");
        assert_eq!(
            row[column("The schedule's words")],
            s.obligation.text().unwrap()
        );
    }
    assert!(recs
        .iter()
        .any(|r| r[column("The schedule's words")].contains('’')));
}

#[test]
fn the_file_starts_with_a_bom_and_every_record_ends_in_crlf_line_breaks_inside_kept() {
    let r = s6();
    let mut tracker = Tracker::new();
    tracker.insert(
        first_duty(&r),
        Track {
            status: Some(Status::InProgress),
            owner: "IT, \"Ops\"".into(),
            note: "line one\nline two\r\nline three".into(),
        },
    );
    let text = s6_csv(&tracker);
    assert!(text.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]));
    let body = strip_bom(&text).as_bytes();
    assert_eq!(record_ends(body), records(&text).len());
    // The note's own line breaks are kept as typed, inside its quotes.
    assert!(text.contains("\"line one\nline two\r\nline three\""));
    assert!(text.contains("\"IT, \"\"Ops\"\"\""));
    let row = &records(&text)[1];
    assert_eq!(row[column("Status")], "In progress");
    assert_eq!(row[column("Owner")], "IT, \"Ops\"");
    assert_eq!(
        row[column("Evidence or note")],
        "line one\nline two\r\nline three"
    );
}

#[test]
fn a_typed_cell_that_starts_a_formula_gets_a_leading_apostrophe() {
    let r = s6();
    let id = first_duty(&r);
    for bad in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
        let mut tracker = Tracker::new();
        tracker.insert(
            id,
            Track {
                status: None,
                owner: bad.into(),
                note: bad.into(),
            },
        );
        let row = &records(&s6_csv(&tracker))[1];
        let guarded = format!("'{bad}");
        assert_eq!(row[column("Owner")], guarded, "owner {bad:?}");
        assert_eq!(row[column("Evidence or note")], guarded, "note {bad:?}");
    }
    for fine in ["Jane Smith", "1-1", "a=b", "", " =x", "'=x", "<b>"] {
        assert_eq!(guard_cell(fine), fine);
        assert!(matches!(guard_cell(fine), Cow::Borrowed(_)), "{fine:?}");
    }
    for c in FORMULA_STARTS {
        assert_eq!(guard_cell(&format!("{c}x")), format!("'{c}x"));
    }
}

#[test]
fn markup_in_an_owner_is_plain_text_and_pounds_and_curly_quotes_survive() {
    let r = s6();
    let mut tracker = Tracker::new();
    let owner = "<img src=x onerror=alert(1)>";
    let note = "£450,000 budget, “signed off” by the board’s chair";
    tracker.insert(
        first_duty(&r),
        Track {
            status: Some(Status::InPlace),
            owner: owner.into(),
            note: note.into(),
        },
    );
    let text = s6_csv(&tracker);
    assert!(text.contains(owner), "written as it is");
    assert!(
        text.as_bytes().windows(2).any(|w| w == [0xC2, 0xA3]),
        "£ in UTF-8"
    );
    let row = &records(&text)[1];
    assert_eq!(row[column("Owner")], owner);
    assert_eq!(row[column("Evidence or note")], note);
    assert_eq!(row[column("Status")], "In place");
}

/// An obligation whose own texts look like formulas (the catalogue has none: see below).
/// Its words are its id's (they are looked up by id): written as they are, like the rest.
fn formula_like() -> &'static Obligation {
    let real = &obligations(Schedule::Df)[0];
    Box::leak(Box::new(Obligation {
        id: real.id,
        schedule: Schedule::Df,
        reference: "=1",
        title: "-the duty",
        category: real.category,
        levels: real.levels,
        when: &[],
        deadline: None,
        note: Some("@note"),
    }))
}

#[test]
fn the_schedule_s_text_is_never_altered() {
    let o = formula_like();
    let groups = group(vec![Selected {
        obligation: o,
        open_conditions: Vec::new(),
    }]);
    let r = s6();
    let text = compliance_csv(Schedule::Df, None, &groups, &r.plan, &Tracker::new());
    let row = &records(&text)[1];
    assert_eq!(row[column("Level")], "");
    assert_eq!(row[column("Paragraph")], "=1");
    assert_eq!(row[column("Duty")], "-the duty");
    assert_eq!(row[column("The schedule's words")], o.text().unwrap());
    assert_eq!(row[column("Drafting note")], "@note");
}

#[test]
fn no_text_of_either_schedule_starts_like_a_formula() {
    for o in Schedule::ALL.into_iter().flat_map(obligations) {
        let mut texts = vec![
            o.reference,
            o.title,
            o.text().unwrap(),
            o.note.unwrap_or_default(),
        ];
        texts.extend(o.when.iter().map(|c| c.describe()));
        for t in texts {
            assert!(!t.starts_with(FORMULA_STARTS), "{}: {t:?}", o.id.as_str());
        }
    }
}

#[test]
fn the_file_name_has_the_level_or_schedule_and_today() {
    let day = today();
    assert_eq!(
        csv_file_name(Some(Level::S6), Schedule::Df, day),
        "security-obligations-S6-2026-11-30.csv"
    );
    assert_eq!(
        csv_file_name(None, Schedule::Df, day),
        "security-obligations-df-2026-11-30.csv"
    );
    assert_eq!(
        csv_file_name(Some(Level::S2), Schedule::Sm2017, day),
        "security-obligations-sm2017-2026-11-30.csv"
    );
}

/// What the `csv` crate's writer makes of the same rows (CRLF, quoting when necessary).
fn crate_writer(rows: &[Row<'_>]) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(Vec::new());
    w.write_record(HEADER).unwrap();
    for r in rows {
        w.write_record(r.iter().map(|c| c.as_bytes())).unwrap();
    }
    format!(
        "{BOM}{}",
        String::from_utf8(w.into_inner().unwrap()).unwrap()
    )
}

#[test]
fn the_writer_writes_what_the_crate_s_writer_writes_for_both_schedules() {
    let mut tracker = Tracker::new();
    let r = s6();
    tracker.insert(
        first_duty(&r),
        Track {
            status: Some(Status::NotStarted),
            owner: "=cmd".into(),
            note: "a, \"b\"\nc".into(),
        },
    );
    let df = rows(Schedule::Df, Some(Level::S6), &r.groups, &r.plan, &tracker);
    assert_eq!(write_csv(&df), crate_writer(&df));
    let r = sm();
    let sm = rows(Schedule::Sm2017, None, &r.groups, &r.plan, &tracker);
    assert_eq!(write_csv(&sm), crate_writer(&sm));
}

/// Any text, with the characters that matter to CSV and to spreadsheets made likely.
fn any_text() -> impl Strategy<Value = String> {
    let c = prop_oneof![
        any::<char>(),
        proptest::sample::select(vec![
            ',', '"', '\n', '\r', '\t', '=', '+', '-', '@', '\'', '£', '“', '\u{feff}'
        ]),
    ];
    proptest::collection::vec(c, 0..24).prop_map(String::from_iter)
}

proptest! {
    #[test]
    fn any_owner_and_note_come_back_as_typed_but_for_the_guard(owner in any_text(), note in any_text()) {
        let r = s6();
        let mut tracker = Tracker::new();
        tracker.insert(first_duty(&r), Track { status: None, owner: owner.clone(), note: note.clone() });
        let text = s6_csv(&tracker);
        let recs = records(&text);
        prop_assert_eq!(recs.len() - 1, r.count());
        prop_assert_eq!(&recs[1][column("Owner")], &guard_cell(&owner));
        prop_assert_eq!(&recs[1][column("Evidence or note")], &guard_cell(&note));
        // The guard, said again: a leading apostrophe only before a formula's start.
        let expected = |s: &str| if s.starts_with(FORMULA_STARTS) { format!("'{s}") } else { s.to_string() };
        prop_assert_eq!(&recs[1][column("Owner")], &expected(&owner));
        prop_assert_eq!(&recs[1][column("Evidence or note")], &expected(&note));
        prop_assert_eq!(record_ends(strip_bom(&text).as_bytes()), recs.len());
    }

    #[test]
    fn any_rows_round_trip_and_match_the_crate_s_writer(
        cells in proptest::collection::vec(proptest::collection::vec(any_text(), COLUMNS), 0..5),
    ) {
        let written: Vec<Row<'_>> = cells
            .iter()
            .map(|r| std::array::from_fn(|i| Cow::Borrowed(r[i].as_str())))
            .collect();
        let text = write_csv(&written);
        prop_assert_eq!(&text, &crate_writer(&written));
        let recs = records(&text);
        prop_assert_eq!(recs.len(), written.len() + 1);
        prop_assert_eq!(record_ends(strip_bom(&text).as_bytes()), recs.len());
        for (back, written) in recs[1..].iter().zip(&cells) {
            prop_assert_eq!(back, written);
        }
    }
}

/// A link's DF answers giving each level, S1 to S6 (checked in the test below): small
/// numbers, raised by the level of another Call-Off Contract for the Customer.
const LEVEL_LINKS: [(Level, &str); 6] = [
    (Level::S1, "schedule=df&subjects=0&special=0&value=1000&months=6&access=no&other=no&commencement=2027-04-01"),
    (Level::S2, "schedule=df&subjects=50&special=0&value=1000&months=6&access=no&other_subjects=1&other_special=0&current_level=S2&commencement=2027-04-01"),
    (Level::S3, "schedule=df&subjects=50&special=0&value=1000&months=6&access=no&other_subjects=1&other_special=0&current_level=S3&commencement=2027-04-01"),
    (Level::S4, "schedule=df&subjects=50&special=0&value=1000&months=6&access=no&other_subjects=1&other_special=0&current_level=S4&commencement=2027-04-01"),
    (Level::S5, "schedule=df&subjects=50&special=0&value=1000&months=6&access=no&other_subjects=1&other_special=0&current_level=S5&commencement=2027-04-01"),
    (Level::S6, S6),
];

/// What users may type as an owner or a note that a CSV file or a spreadsheet could
/// trip over.
const AWKWARD: [&str; 16] = [
    "Jane \"JJ\" Smith",
    "IT, Ops, and \"Security\"",
    "line one\r\nline two",
    "line one\nline two\nline three",
    "=HYPERLINK(\"http://x\",\"y\")",
    "🔒 Security team 👩🏽‍💻",
    "<script>alert(1)</script>",
    "+44 20 7946 0000",
    "-minus",
    "@SUM(A1:A9)",
    "\tTabbed",
    "\rcarriage, return",
    "\r\nstarts with CRLF",
    "'=already quoted",
    " =space first",
    "\"\"",
];

/// The expected cell, said independently of the code under test.
fn as_written(typed: &str) -> String {
    if ['=', '+', '-', '@', '\t', '\r']
        .iter()
        .any(|c| typed.starts_with(*c))
    {
        format!("'{typed}")
    } else {
        typed.to_string()
    }
}

/// Sets every duty's owner and note to awkward text in turn and reads the file back.
fn round_trip_every_duty(
    schedule: Schedule,
    level: Option<Level>,
    r_groups: &[security_matrix_core::report::ObligationGroup],
    plan: &security_matrix_core::dates::plan::Plan,
) {
    let duties: Vec<&Selected> = r_groups.iter().flat_map(|g| &g.items).collect();
    assert!(!duties.is_empty(), "{schedule:?} {level:?}: no duties");
    let statuses = [
        None,
        Some(Status::NotStarted),
        Some(Status::InProgress),
        Some(Status::InPlace),
    ];
    for (turn, owner) in AWKWARD.iter().enumerate() {
        // The note is another awkward text than the owner, so a mix-up of columns shows.
        let note = AWKWARD[(turn + 5) % AWKWARD.len()];
        let mut tracker = Tracker::new();
        for (i, s) in duties.iter().enumerate() {
            tracker.insert(
                s.obligation.id,
                Track {
                    status: statuses[(turn + i) % statuses.len()],
                    owner: (*owner).into(),
                    note: note.into(),
                },
            );
        }
        let text = compliance_csv(schedule, level, r_groups, plan, &tracker);
        let recs = records(&text);
        let what = format!("{schedule:?} {level:?} owner {owner:?} note {note:?}");
        assert_eq!(recs[0], HEADER, "{what}");
        assert_eq!(recs.len() - 1, duties.len(), "{what}: one row per duty");
        assert_eq!(
            record_ends(strip_bom(&text).as_bytes()),
            recs.len(),
            "{what}"
        );
        for (i, (row, s)) in recs[1..].iter().zip(&duties).enumerate() {
            let o = s.obligation;
            assert_eq!(row.len(), 11, "{what}: {}", o.reference);
            assert_eq!(row[column("Paragraph")], paragraph(o.reference), "{what}");
            assert_eq!(
                row[column("The schedule's words")],
                o.text().unwrap(),
                "{what}: {}",
                o.reference
            );
            assert_eq!(
                row[column("Owner")],
                as_written(owner),
                "{what}: {}",
                o.reference
            );
            assert_eq!(
                row[column("Evidence or note")],
                as_written(note),
                "{what}: {}",
                o.reference
            );
            let status = statuses[(turn + i) % statuses.len()].map_or(NOT_MARKED, |s| s.label());
            assert_eq!(row[column("Status")], status, "{what}: {}", o.reference);
        }
    }
}

#[test]
fn every_duty_at_every_level_and_of_2017_reads_back_with_awkward_owners_and_notes() {
    for (level, link) in LEVEL_LINKS {
        let a = from_fragment(link)
            .answers
            .df()
            .unwrap_or_else(|| panic!("{link}"));
        let r = df_report(&a, &EventDates::new(), today());
        assert_eq!(r.assessment.level, level, "{link}");
        round_trip_every_duty(Schedule::Df, Some(level), &r.groups, &r.plan);
    }
    let r = sm();
    round_trip_every_duty(Schedule::Sm2017, None, &r.groups, &r.plan);
}
