//! The pages the app renders for a set of reference links, compared with the markup kept in
//! `tests/golden/`: a change to the components' structure (issue 24's moves) must leave
//! every page as it was, node for node. The app is rendered natively by Yew's server
//! renderer, opened on each link with a fixed date (`AppProps::boot`), as the browser would
//! open it before its first render.
//!
//! A change that is meant to alter a page: run `SMX_BLESS=1 cargo test -p
//! security-matrix-prerender --test golden`, read the diff of `tests/golden/`, and commit it.
use chrono::NaiveDate;
use security_matrix::state::Boot;
use security_matrix::AppProps;
use std::path::PathBuf;

/// The issue's S6 example (end2end/lib/workspace.mjs `S6_EXAMPLE`).
const S6: &str = "schedule=df&subjects=3000&special=40&professional=no&value=450000&months=36&access=yes&other=no&commencement=2027-04-01";

/// Three other contracts for three Customers (end2end/tests/portfolio.test.mjs).
const PORTFOLIO: &str = "schedule=df&subjects=2000&special=0&value=200000&months=18&access=no\
&c1_customer=HMCTS&c1_subjects=500&c1_special=0&c1_level=S3\
&c2_customer=HMPPS&c2_subjects=300&c2_special=0&c2_level=none\
&c3_name=Legal%20aid&c3_customer=LAA&c3_subjects=100&c3_special=0&c3_level=S4";

const SM2017: &str = "schedule=sm2017&effective=2027-08-20&own_devices=no";

/// A kept page: its name (the file in `tests/golden/`), the link it opens, and a piece of
/// markup only that page has, so a link that silently fell back to another page (the start
/// page, a question) cannot pass as the page it names.
struct Case {
    name: String,
    fragment: String,
    shows: String,
}

fn case(name: &str, fragment: impl Into<String>, shows: &str) -> Case {
    Case {
        name: name.into(),
        fragment: fragment.into(),
        shows: shows.into(),
    }
}

/// The result view `view`'s root.
fn result_view(view: &str) -> String {
    format!(r#"data-testid="result" data-view="{view}""#)
}

fn cases() -> Vec<Case> {
    let mut cases = vec![
        case("start", "", r#"data-testid="start-page""#),
        case(
            "s1-summary",
            "schedule=df&subjects=9&special=0&value=29999&months=11&access=no&commencement=2027-01-04",
            &result_view("summary"),
        ),
        case(
            "s5-all",
            "schedule=df&subjects=2499&special=10&professional=no&value=249999&months=23&access=yes&commencement=2027-08-31&view=all",
            &result_view("all"),
        ),
        case("portfolio-summary", PORTFOLIO, &result_view("summary")),
        case("portfolio-all", format!("{PORTFOLIO}&view=all"), &result_view("all")),
        case("sm2017-summary", SM2017, &result_view("summary")),
        case("sm2017-all", format!("{SM2017}&view=all"), &result_view("all")),
        case("sm2017-why", format!("{SM2017}&view=why"), &result_view("why")),
        // The first question the link leaves unanswered.
        case("question", "schedule=df&subjects=3000", r#"data-testid="question-special""#),
        case("question-error", "schedule=df&subjects=lots", r#"data-testid="error-summary""#),
        case("contract-error", "schedule=df&c1_customer=HMPPS", r#"data-testid="error-summary""#),
        // A view the tool does not have: the summary, with a message.
        case("view-error", format!("{S6}&view=nowhere"), &result_view("summary")),
    ];
    for view in [
        "summary",
        "why",
        "notes",
        "plan",
        "take",
        "all",
        "subject-governance",
        "subject-devices",
    ] {
        cases.push(case(
            &format!("s6-{view}"),
            format!("{S6}&view={view}"),
            &result_view(view),
        ));
    }
    cases
}

fn render(fragment: &str) -> String {
    let props = AppProps {
        boot: Some(Boot {
            stored: None,
            fragment: (!fragment.is_empty()).then(|| fragment.to_string()),
            presets: None,
            today: NaiveDate::from_ymd_opt(2026, 12, 4).unwrap(),
        }),
        ..AppProps::default()
    };
    // One element per line, so a difference reads as a diff. The rules version is a hash
    // of `core/data/` (comments included), checked by the prerender's own tests: here it is
    // a placeholder, so that editing a data file's comment changes no kept page.
    security_matrix_prerender::render(props)
        .replace(security_matrix_core::RULES_VERSION, "RULES-VERSION")
        .replace("><", ">\n<")
}

#[test]
fn reference_links_render_as_kept() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let bless = std::env::var_os("SMX_BLESS").is_some();
    let mut differ = Vec::new();
    for Case { name, fragment, .. } in cases() {
        let html = render(&fragment);
        let path = dir.join(format!("{name}.html"));
        if bless {
            std::fs::write(&path, &html).unwrap();
            continue;
        }
        let kept = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e} (SMX_BLESS=1 writes it)", path.display()));
        if kept != html {
            let line = kept
                .lines()
                .zip(html.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(kept.lines().count().min(html.lines().count()));
            differ.push(format!(
                "{name} (#{fragment}): first difference at line {}:\n  kept: {}\n  now:  {}",
                line + 1,
                kept.lines().nth(line).unwrap_or("(end)"),
                html.lines().nth(line).unwrap_or("(end)")
            ));
        }
    }
    assert!(differ.is_empty(), "pages changed:\n{}", differ.join("\n"));
}

#[test]
fn the_reference_pages_are_the_pages_they_name() {
    for Case {
        name,
        fragment,
        shows,
    } in cases()
    {
        let html = render(&fragment);
        assert!(html.contains(&shows), "{name} (#{fragment}) lacks {shows}");
    }
}
