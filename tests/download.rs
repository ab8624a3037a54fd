//! Browser test of the one download path (`edge::download`): every download button puts its
//! `<a download>` in the document for the click, takes it out again, and keeps the object
//! URL alive after the click (a timer revokes it later), as older Firefox and Safari need.
//!
//! A capturing click listener on the document sees the anchor's click (it never fires for
//! an anchor that is not in the document) and cancels it, so no file is written.
#![cfg(target_arch = "wasm32")]

use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use security_matrix::{App, AppProps};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A complete DF link (level S6) whose plan has dates, so both calendar buttons show.
const LINK: &str =
    "schedule=df&subjects=3000&special=0&value=200000&months=18&access=no&commencement=2027-01-04";

/// What the listener saw of one click on a download anchor.
struct Clicked {
    anchor: Element,
    in_document: bool,
    href: String,
    file_name: String,
}

/// Records every download the app starts (a click on an `<a download>`), and stops the
/// browser from saving it, until the listener is dropped.
fn capture_downloads(document: &web_sys::Document) -> (Rc<RefCell<Vec<Clicked>>>, EventListener) {
    let seen: Rc<RefCell<Vec<Clicked>>> = Rc::default();
    let listener = {
        let seen = seen.clone();
        let options = EventListenerOptions {
            phase: EventListenerPhase::Capture,
            passive: false,
        };
        EventListener::new_with_options(document, "click", options, move |e| {
            let Some(a) = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .filter(|el| el.local_name() == "a" && el.has_attribute("download"))
            else {
                return;
            };
            e.prevent_default();
            seen.borrow_mut().push(Clicked {
                in_document: a.is_connected(),
                href: a.get_attribute("href").unwrap_or_default(),
                file_name: a.get_attribute("download").unwrap_or_default(),
                anchor: a,
            });
        })
    };
    (seen, listener)
}

/// The App, mounted in a new element at the end of the body, rendered.
async fn mount(document: &web_sys::Document) -> (Element, yew::AppHandle<App>) {
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let app = yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps::default()).render();
    yew::scheduler::flush().await;
    (root, app)
}

/// The text behind an object URL; an error if the URL was already revoked.
async fn fetch_text(url: &str) -> Result<String, wasm_bindgen::JsValue> {
    let response: web_sys::Response =
        JsFuture::from(web_sys::window().unwrap().fetch_with_str(url))
            .await?
            .dyn_into()?;
    Ok(JsFuture::from(response.text()?)
        .await?
        .as_string()
        .unwrap_or_default())
}

/// Opens a view of the result through the task list (back to the summary first), unless
/// it is the one shown.
async fn open_view(root: &Element, key: &str) {
    let click = |selector: &str| {
        root.query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no {selector}"))
            .dyn_into::<HtmlElement>()
            .unwrap()
            .click()
    };
    let shown = |key: &str| {
        root.query_selector(&format!("[data-testid=\"result\"][data-view=\"{key}\"]"))
            .unwrap()
            .is_some()
    };
    if shown(key) {
        return;
    }
    if !shown("summary") {
        click("[data-testid=\"back\"]");
        yew::scheduler::flush().await;
    }
    click(&format!(
        "[data-testid=\"task\"][data-view=\"{key}\"] [data-testid=\"task-link\"]"
    ));
    yew::scheduler::flush().await;
    assert!(shown(key), "the view {key} opened");
}

#[wasm_bindgen_test]
async fn every_download_clicks_an_anchor_in_the_document_and_keeps_its_url() {
    let window = web_sys::window().unwrap();
    let document = window.document().unwrap();
    window
        .session_storage()
        .unwrap()
        .unwrap()
        .remove_item("security-matrix-widget")
        .unwrap();
    let path = window.location().pathname().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}#{LINK}")),
        )
        .unwrap();
    let (root, app) = mount(&document).await;
    assert!(
        root.query_selector("[data-testid=\"result\"]")
            .unwrap()
            .is_some(),
        "the link opens the result page"
    );

    let (seen, listener) = capture_downloads(&document);
    // The download path: where the browser can save in place (Chromium's
    // `showSaveFilePicker`), "Save your answers to a file" asks where instead (a picker a
    // test cannot answer; end2end/tests/save-in-place.test.mjs drives that path).
    js_sys::Reflect::set(
        &window,
        &"showSaveFilePicker".into(),
        &wasm_bindgen::JsValue::UNDEFINED,
    )
    .unwrap();

    // (`text()` decodes UTF-8 and drops the CSV's byte-order mark.)
    for (view, button, extension, starts) in [
        ("plan", "download-ics", ".ics", "BEGIN:VCALENDAR"),
        ("take", "download-ics-takeaway", ".ics", "BEGIN:VCALENDAR"),
        ("take", "save-file", ".json", "{"),
        ("take", "download-csv", ".csv", "Schedule,Level,"),
    ] {
        open_view(&root, view).await;
        let before = seen.borrow().len();
        root.query_selector(&format!("[data-testid=\"{button}\"]"))
            .unwrap()
            .unwrap_or_else(|| panic!("no {button} button"))
            .dyn_into::<HtmlElement>()
            .unwrap()
            .click();
        yew::scheduler::flush().await;
        let clicked = seen.borrow_mut().drain(before..).collect::<Vec<_>>();
        assert_eq!(
            clicked.len(),
            1,
            "{button}: one click on an <a download> reached the document"
        );
        let c = &clicked[0];
        assert!(
            c.in_document,
            "{button}: the anchor was in the document when clicked"
        );
        assert!(
            !c.anchor.is_connected(),
            "{button}: the anchor is taken out afterwards"
        );
        assert!(
            c.file_name.ends_with(extension),
            "{button}: file name {}",
            c.file_name
        );
        assert!(c.href.starts_with("blob:"), "{button}: {}", c.href);
        let text = fetch_text(&c.href)
            .await
            .unwrap_or_else(|e| panic!("{button}: the object URL was revoked at once: {e:?}"));
        assert!(text.starts_with(starts), "{button}: {text}");
    }
    assert!(
        document.query_selector("a[download]").unwrap().is_none(),
        "no anchor is left behind"
    );

    drop(listener);
    app.destroy();
    root.remove();
}

/// The bytes behind an object URL (as the file would be saved: `text()` would drop a BOM).
async fn fetch_bytes(url: &str) -> Result<Vec<u8>, wasm_bindgen::JsValue> {
    let response: web_sys::Response =
        JsFuture::from(web_sys::window().unwrap().fetch_with_str(url))
            .await?
            .dyn_into()?;
    let buffer = JsFuture::from(response.array_buffer()?).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The compliance matrix (issue 15): "Take it with you" downloads a CSV with a BOM, the
/// header row and a row per duty holding what the tracker recorded, made safe for a
/// spreadsheet.
#[wasm_bindgen_test]
async fn the_compliance_matrix_downloads_as_a_spreadsheet_with_the_tracker() {
    use security_matrix_core::file::link::from_fragment;
    use security_matrix_core::file::savefile::{write, Document};
    use security_matrix_core::file::tracker::{Status, Track, Tracker};
    use security_matrix_core::ObligationId;

    let window = web_sys::window().unwrap();
    let document = window.document().unwrap();
    // A stored session on "Take it with you", with ¶3.6.5 in progress, an owner that
    // starts like a formula and a note that needs quoting.
    let mut tracker = Tracker::new();
    tracker.insert(
        ObligationId::parse("df-3-6-5").unwrap(),
        Track {
            status: Some(Status::InProgress),
            owner: "=cmd".into(),
            note: "Board, \"ISMP\"\nsigned".into(),
        },
    );
    let stored = write(
        &Document {
            answers: from_fragment(LINK).answers,
            tracker,
            ..Default::default()
        },
        Some("result:take"),
    );
    window
        .session_storage()
        .unwrap()
        .unwrap()
        .set_item("security-matrix-widget", &stored)
        .unwrap();
    let path = window.location().pathname().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path))
        .unwrap();
    let (root, app) = mount(&document).await;
    assert!(
        root.query_selector("[data-testid=\"result\"][data-view=\"take\"]")
            .unwrap()
            .is_some(),
        "the stored session opens on Take it with you"
    );

    let (seen, listener) = capture_downloads(&document);
    let button = root
        .query_selector("[data-testid=\"download-csv\"]")
        .unwrap()
        .expect("a download-csv button");
    assert_eq!(
        button.text_content().unwrap(),
        "Download the compliance matrix (.csv)"
    );
    button.dyn_into::<HtmlElement>().unwrap().click();
    yew::scheduler::flush().await;
    let Clicked {
        file_name, href, ..
    } = seen.borrow_mut().pop().expect("one download");
    let date = file_name
        .strip_prefix("security-obligations-S6-")
        .and_then(|rest| rest.strip_suffix(".csv"))
        .unwrap_or_else(|| panic!("file name {file_name}"));
    assert!(
        date.parse::<chrono::NaiveDate>().is_ok(),
        "today's date in {file_name}"
    );

    let bytes = fetch_bytes(&href).await.expect("the object URL is alive");
    assert_eq!(&bytes[..3], [0xEF, 0xBB, 0xBF], "a UTF-8 byte-order mark");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(text.starts_with(
        "Schedule,Level,Paragraph,Duty,The schedule's words,Applies if,Due dates,Status,Owner,Evidence or note,Drafting note\r\n"
    ), "{text}");
    let row_start = "\r\nDF Schedule 2.4 Information Security and Assurance,S6,¶3.6.5,Submit a complete Information Security Management Plan for approval no later than 6 weeks before the Call-Off Commencement Date,\"No later than six (6) weeks prior to any Call-Off Commencement Date,";
    let at = text.find(row_start).expect("the ¶3.6.5 row");
    let row_end = ",,2026-11-23,In progress,'=cmd,\"Board, \"\"ISMP\"\"\nsigned\",\r\n";
    let row = &text[at + 2..];
    assert!(
        row.find(row_end)
            .is_some_and(|end| !row[..end].contains("\r\n")),
        "the row ends with its date, status, guarded owner and quoted note: {row}"
    );

    drop(listener);
    app.destroy();
    root.remove();
    window
        .session_storage()
        .unwrap()
        .unwrap()
        .remove_item("security-matrix-widget")
        .unwrap();
}
