//! Browser tests: mount the real App in headless Chromium and assert through data-testid.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the App into a fresh element of its own and returns that element.
async fn mount() -> web_sys::Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<security_matrix::App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    root
}

fn text_of(root: &web_sys::Element, testid: &str) -> String {
    root.query_selector(&format!("[data-testid=\"{testid}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no element with data-testid={testid}"))
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn start_page_has_heading_and_start_button() {
    let root = mount().await;
    assert_eq!(
        text_of(&root, "page-heading"),
        "Work out your security level"
    );
    assert_eq!(text_of(&root, "start"), "Start");
}
