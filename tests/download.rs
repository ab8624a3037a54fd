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
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let app = yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps::default()).render();
    yew::scheduler::flush().await;
    assert!(
        root.query_selector("[data-testid=\"result\"]")
            .unwrap()
            .is_some(),
        "the link opens the result page"
    );

    let seen: Rc<RefCell<Vec<Clicked>>> = Rc::default();
    let listener = {
        let seen = seen.clone();
        let options = EventListenerOptions {
            phase: EventListenerPhase::Capture,
            passive: false,
        };
        EventListener::new_with_options(&document, "click", options, move |e| {
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
