//! The Word writer, read back: each document is unzipped, every XML part parsed, and what
//! `word/document.xml`, `word/styles.xml` and `docProps/core.xml` hold compared with the
//! model it was written from. Then the user's hostile texts, and python-docx's reading of
//! a file where python-docx is installed.
use std::collections::BTreeMap;
use std::io::Read;

use chrono::NaiveDate;
use security_matrix_core::dates::plan::EventDates;
use security_matrix_core::file::link::from_fragment;
use security_matrix_core::file::tracker::{Status, Track, Tracker};
use security_matrix_core::report::{df_report, sm_report};
use security_matrix_core::takeaways::documents::letters::letters;
use security_matrix_core::takeaways::documents::plan_draft::{plan_draft, ANNEX_HEADING};
use security_matrix_core::takeaways::documents::security_response::security_response;
use security_matrix_core::takeaways::documents::{
    Assessed, Block, Document, DocumentDetails, Inputs, PLACEHOLDER_LABEL,
};
use security_matrix_core::ObligationId;
use security_matrix_docx::{clean, styles, write};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

const S6: &str = "schedule=df&subjects=3000&special=40&professional=no&value=450000&months=36&access=yes&other=no&commencement=2027-04-01";
const SM: &str = "schedule=sm2017&effective=2026-12-14&own_devices=yes&marking=official-sensitive&bulk=no&long_term=yes";
const OTHERS: &str =
    "&c1_customer=HMPPS&c1_name=Prison%20health&c1_subjects=10&c1_special=0&c1_level=S2\
    &c2_customer=Probation%20Service&c2_subjects=5&c2_special=0&c2_level=S3";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
}

/// Every part of the package, by name (the XML parts as text).
fn package(bytes: &[u8]) -> BTreeMap<String, String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip package");
    let mut parts = BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut text = String::new();
        f.read_to_string(&mut text).expect("UTF-8 part");
        parts.insert(f.name().to_string(), text);
    }
    for name in [
        "[Content_Types].xml",
        "word/document.xml",
        "word/styles.xml",
        "docProps/core.xml",
    ] {
        assert!(parts.contains_key(name), "no {name}: {:?}", parts.keys());
    }
    // Every XML part is well-formed.
    for (name, text) in &parts {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
    parts
}

/// A paragraph of `document.xml`: its style and its text (`<w:br/>` a line break,
/// `<w:tab/>` a tab), and whether it is in a table, a header row's or not.
#[derive(Debug)]
struct Para {
    style: Option<String>,
    text: String,
    cell: Option<bool>,
}

fn paragraphs(xml: &str) -> Vec<Para> {
    let doc = roxmltree::Document::parse(xml).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .map(|p| {
            let style = p
                .children()
                .find(|c| c.has_tag_name((W, "pPr")))
                .and_then(|ppr| ppr.children().find(|c| c.has_tag_name((W, "pStyle"))))
                .and_then(|s| s.attribute((W, "val")))
                .map(str::to_string);
            let mut text = String::new();
            for n in p.descendants() {
                if n.has_tag_name((W, "t")) {
                    text.push_str(n.text().unwrap_or(""));
                } else if n.has_tag_name((W, "br")) && n.attribute((W, "type")) != Some("page") {
                    text.push('\n');
                } else if n.has_tag_name((W, "tab"))
                    && n.parent().is_some_and(|r| r.has_tag_name((W, "r")))
                {
                    text.push('\t');
                }
            }
            let cell = p
                .ancestors()
                .find(|a| a.has_tag_name((W, "tr")))
                .map(|tr| tr.descendants().any(|d| d.has_tag_name((W, "tblHeader"))));
            Para { style, text, cell }
        })
        .collect()
}

fn tracker(owner: &str, note: &str) -> Tracker {
    let mut t = Tracker::new();
    t.insert(
        ObligationId::parse("df-3-6-7-a").unwrap(),
        Track {
            status: Some(Status::InProgress),
            owner: owner.into(),
            note: note.into(),
        },
    );
    t.insert(
        ObligationId::parse("df-3-6-11").unwrap(),
        Track::from(Status::InPlace),
    );
    t
}

fn details() -> DocumentDetails {
    DocumentDetails {
        organisation: "Acme Care Ltd".into(),
        contract: "CO-2027-14".into(),
        customer: "Ministry of Justice".into(),
    }
}

/// The three documents (the letters where there are any) of a DF link.
fn df_documents(fragment: &str, tracker: &Tracker) -> Vec<Document> {
    let a = from_fragment(fragment).answers.df().unwrap();
    let r = df_report(&a, &EventDates::new(), today());
    let d = details();
    let inputs = Inputs {
        assessed: Assessed::Df(&a, &r),
        tracker,
        today: today(),
        details: &d,
        tender: None,
    };
    let mut docs = vec![security_response(&inputs)];
    docs.extend(plan_draft(&inputs));
    docs.extend(letters(&inputs));
    docs
}

/// Checks a written document against its model: headings in their styles and order,
/// placeholders, page breaks, header rows, the language and the core properties.
fn check(doc: &Document) -> Vec<Para> {
    let bytes = write(doc).expect("written");
    let parts = package(&bytes);
    let xml = &parts["word/document.xml"];
    let paras = paragraphs(xml);
    // Headings: each in Heading 1–3, in the model's order, and no other paragraph in a
    // heading style.
    let want: Vec<(String, String)> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading(l, t) => Some((
                styles::HEADINGS[usize::from(l.number()) - 1].to_string(),
                clean(t),
            )),
            _ => None,
        })
        .collect();
    let got: Vec<(String, String)> = paras
        .iter()
        .filter(|p| {
            p.style
                .as_deref()
                .is_some_and(|s| styles::HEADINGS.contains(&s))
        })
        .map(|p| (p.style.clone().unwrap(), p.text.clone()))
        .collect();
    assert_eq!(got, want, "{}", doc.title);
    // Placeholders: as many as the model has, each starting "How we meet this:".
    let placeholders: Vec<&Para> = paras
        .iter()
        .filter(|p| p.style.as_deref() == Some(styles::PLACEHOLDER))
        .collect();
    let n = doc
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Placeholder(_)))
        .count();
    assert_eq!(placeholders.len(), n);
    for p in placeholders {
        assert!(
            p.text.starts_with(&format!("{PLACEHOLDER_LABEL}: ")),
            "{}",
            p.text
        );
    }
    // Page breaks.
    let breaks = xml.matches("<w:br w:type=\"page\" />").count();
    let n = doc
        .blocks
        .iter()
        .filter(|b| **b == Block::PageBreak)
        .count();
    assert_eq!(breaks, n);
    // Every table's first row, and only it, is a header row that repeats.
    let tree = roxmltree::Document::parse(xml).unwrap();
    let tables: Vec<_> = tree
        .descendants()
        .filter(|n| n.has_tag_name((W, "tbl")))
        .collect();
    let n = doc
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Table(_)))
        .count();
    assert_eq!(tables.len(), n);
    for t in &tables {
        let rows: Vec<_> = t.children().filter(|n| n.has_tag_name((W, "tr"))).collect();
        let header: Vec<bool> = rows
            .iter()
            .map(|r| r.descendants().any(|d| d.has_tag_name((W, "tblHeader"))))
            .collect();
        assert!(header[0], "a table's first row is not a header row");
        assert!(header[1..].iter().all(|h| !h), "a body row is a header row");
    }
    // The language, the styles' names, the core properties.
    let styles_xml = &parts["word/styles.xml"];
    assert!(
        styles_xml.contains("<w:lang w:val=\"en-GB\""),
        "no en-GB in styles.xml"
    );
    let styles_tree = roxmltree::Document::parse(styles_xml).unwrap();
    for (i, id) in styles::HEADINGS.iter().enumerate() {
        let style = styles_tree
            .descendants()
            .find(|n| n.has_tag_name((W, "style")) && n.attribute((W, "styleId")) == Some(id))
            .unwrap_or_else(|| panic!("no style {id}"));
        let name = style
            .children()
            .find(|c| c.has_tag_name((W, "name")))
            .and_then(|n| n.attribute((W, "val")));
        assert_eq!(name, Some(format!("heading {}", i + 1).as_str()));
        let outline = style
            .descendants()
            .find(|c| c.has_tag_name((W, "outlineLvl")))
            .and_then(|n| n.attribute((W, "val")));
        assert_eq!(outline, Some(i.to_string().as_str()), "{id}");
    }
    let core = roxmltree::Document::parse(&parts["docProps/core.xml"]).unwrap();
    let dc = |name: &str| {
        core.descendants()
            .find(|n| n.has_tag_name(("http://purl.org/dc/elements/1.1/", name)))
            .and_then(|n| n.text())
            .map(str::to_string)
    };
    assert_eq!(dc("title"), Some(clean(&doc.title)));
    assert_eq!(dc("subject"), Some(clean(&doc.subject)));
    assert_eq!(dc("language").as_deref(), Some("en-GB"));
    // No field but the contents list, no hyperlink.
    assert!(!xml.contains("<w:hyperlink"));
    assert!(!xml.contains("<w:fldSimple"));
    let instr: Vec<&str> = tree
        .descendants()
        .filter(|n| n.has_tag_name((W, "instrText")))
        .filter_map(|n| n.text())
        .collect();
    let contents = doc.blocks.iter().filter(|b| **b == Block::Contents).count();
    assert_eq!(instr.len(), contents, "{instr:?}");
    assert!(
        instr.iter().all(|i| i.trim_start().starts_with("TOC ")),
        "{instr:?}"
    );
    paras
}

#[test]
fn s6_documents_hold_their_structure() {
    let t = tracker("Head of Security", "Gap analysis started");
    let docs = df_documents(&format!("{S6}{OTHERS}").replace("&other=no", ""), &t);
    let titles: Vec<&str> = docs.iter().map(|d| d.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Security response: security level S6",
            "Information Security Management Plan (draft)",
            "Notices under paragraph 1.4: security level S6",
        ]
    );
    for doc in &docs {
        check(doc);
    }
    // The owner and note typed are in the plan's table cells as typed.
    let paras = check(&docs[1]);
    assert!(paras
        .iter()
        .any(|p| p.cell == Some(false) && p.text == "Head of Security"));
    assert!(paras
        .iter()
        .any(|p| p.cell == Some(false) && p.text == "Gap analysis started"));
    assert!(paras
        .iter()
        .any(|p| p.cell == Some(true) && p.text == "Owner"));
}

/// For S1 to S6 (each route and hosting answer) and 2017, every document is a valid
/// package with its structure, and the plan's annex lists each selected duty once.
#[test]
fn every_level_and_route_writes_valid_documents() {
    let base = "schedule=df&special=0&professional=no&access=no&other=no&commencement=2027-04-01";
    let cases = [
        "subjects=5&value=1000&months=6",
        "subjects=50&value=1000&months=6",
        "subjects=500&value=60000&months=6&route=a",
        "subjects=500&value=60000&months=6&route=b",
        "subjects=500&special=10&value=60000&months=6&route=b",
        "subjects=2000&value=200000&months=18&route=b&hosting=yes",
        "subjects=2000&value=200000&months=18&route=a&hosting=no",
        "subjects=3000&value=450000&months=36&route=b&hosting=yes",
        "subjects=3000&value=450000&months=36",
    ];
    let t = Tracker::new();
    for case in cases {
        let docs = df_documents(&format!("{base}&{case}"), &t);
        for doc in &docs {
            let paras = check(doc);
            if doc.title.ends_with("(draft)") {
                // The annex: after its heading, each duty's title once in its table.
                let start = paras
                    .iter()
                    .position(|p| {
                        p.text == ANNEX_HEADING && p.style.as_deref() == Some(styles::HEADINGS[0])
                    })
                    .unwrap();
                let listed: Vec<&str> = paras[start..]
                    .iter()
                    .filter(|p| p.cell == Some(false))
                    .map(|p| p.text.as_str())
                    .collect();
                let Some(Block::Table(_)) = doc.blocks.last() else {
                    panic!("the annex ends the plan")
                };
                let a = from_fragment(&format!("{base}&{case}"))
                    .answers
                    .df()
                    .unwrap();
                let r = df_report(&a, &EventDates::new(), today());
                for s in r.groups.iter().flat_map(|g| &g.items) {
                    let n = listed.iter().filter(|t| **t == s.obligation.title).count();
                    let same = r
                        .groups
                        .iter()
                        .flat_map(|g| &g.items)
                        .filter(|o| o.obligation.title == s.obligation.title)
                        .count();
                    assert_eq!(n, same, "{case}: {}", s.obligation.title);
                }
            }
        }
    }
    // 2017.
    let a = from_fragment(SM).answers.sm().unwrap();
    let r = sm_report(&a, &EventDates::new(), today());
    let d = details();
    let inputs = Inputs {
        assessed: Assessed::Sm2017(&a, &r),
        tracker: &t,
        today: today(),
        details: &d,
        tender: None,
    };
    check(&plan_draft(&inputs).unwrap());
    check(&security_response(&inputs));
}

/// What a user types comes out as text: no markup, field or hyperlink, and the XML stays
/// well-formed. Characters XML 1.0 cannot hold are replaced by U+FFFD.
#[test]
fn hostile_text_is_text() {
    let long: String = "A note that goes on. ".repeat(50);
    assert_eq!(long.chars().count(), 1_050);
    let cases: [(&str, &str); 8] = [
        (
            "=HYPERLINK(\"http://x\",\"click\")",
            "=HYPERLINK(\"http://x\",\"click\")",
        ),
        ("<w:t>injected</w:t></w:r>", "<w:t>injected</w:t></w:r>"),
        ("]]><![CDATA[x]]>", "]]><![CDATA[x]]>"),
        (
            "a\u{0}b\u{1}c\u{8}d\u{b}e\u{c}f\u{1f}g\u{7f}h\u{fffe}",
            "a\u{fffd}b\u{fffd}c\u{fffd}d\u{fffd}e\u{fffd}f\u{fffd}g\u{fffd}h\u{fffd}",
        ),
        (
            "\u{200f}\u{202e}עברית\u{202c} and العربية",
            "\u{200f}\u{202e}עברית\u{202c} and العربية",
        ),
        ("Owner 👩🏽‍💻 🔐", "Owner 👩🏽‍💻 🔐"),
        (
            "line one\r\nline two\rline three\ttabbed",
            "line one\nline two\nline three\ttabbed",
        ),
        (&long, &long),
    ];
    for (typed, shown) in cases {
        let t = tracker(typed, typed);
        let mut d = details();
        d.organisation = typed.to_string();
        let a = from_fragment(&format!("{S6}{OTHERS}").replace("&other=no", ""))
            .answers
            .df()
            .unwrap();
        let r = df_report(&a, &EventDates::new(), today());
        let inputs = Inputs {
            assessed: Assessed::Df(&a, &r),
            tracker: &t,
            today: today(),
            details: &d,
            tender: None,
        };
        for doc in [
            plan_draft(&inputs).unwrap(),
            security_response(&inputs),
            letters(&inputs).unwrap(),
        ] {
            let paras = check(&doc);
            // The owner and note cells, and the organisation on the title page or letter.
            let cells = paras
                .iter()
                .filter(|p| p.cell == Some(false) && p.text == shown)
                .count();
            if !doc.title.starts_with("Notices") {
                assert!(
                    cells >= 2,
                    "{typed:?} not in the cells of {}: {cells}",
                    doc.title
                );
                assert!(
                    paras
                        .iter()
                        .any(|p| p.text == format!("Organisation: {shown}")),
                    "{typed:?} not on the title page of {}",
                    doc.title
                );
            } else {
                assert!(
                    paras.iter().any(|p| p.text == shown),
                    "{typed:?} not in the letters"
                );
            }
        }
    }
}

/// python-docx reads a generated plan: its headings' style names are "Heading 1/2/3" and
/// its tables' first rows are header rows. Skipped, saying so, where python3 or
/// python-docx is missing.
#[test]
fn python_docx_reads_the_plan() {
    let has_docx = std::process::Command::new("python3")
        .args(["-c", "import docx"])
        .status()
        .is_ok_and(|s| s.success());
    if !has_docx {
        eprintln!("SKIPPED: python-docx is not installed (pip install python-docx)");
        return;
    }
    let t = tracker("Head of Security", "Gap analysis started");
    let docs = df_documents(S6, &t);
    let plan = docs.iter().find(|d| d.title.ends_with("(draft)")).unwrap();
    let dir = std::env::temp_dir().join(format!("smx-docx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("plan.docx");
    std::fs::write(&path, write(plan).unwrap()).unwrap();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/read_docx.py");
    let out = std::process::Command::new("python3")
        .arg(script)
        .arg(&path)
        .output()
        .expect("python3 runs");
    std::fs::remove_dir_all(&dir).ok();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The script prints each heading as "Heading N\ttext", then the tables' count.
    let want: Vec<String> = plan
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading(l, t) => Some(format!("Heading {}\t{t}", l.number())),
            _ => None,
        })
        .collect();
    let got: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("Heading "))
        .collect();
    assert_eq!(got, want);
    let tables = plan
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Table(_)))
        .count();
    assert!(
        stdout.contains(&format!("tables with a header row: {tables} of {tables}")),
        "{stdout}"
    );
}
