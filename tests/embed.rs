//! Browser tests of embedding: the height message a framed widget sends (listened for on
//! `window`, as a host page would), the direct mount's data attributes, and the panic hook
//! handing over to the page's fallback. Run by `scripts/test embed`.
#![cfg(target_arch = "wasm32")]

use security_matrix::embed::{
    self, HeightReporter, FALLBACK_GLOBAL, HEIGHT_MESSAGE_TYPE, MOUNT_ATTRIBUTE,
};
use security_matrix::App;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, MessageEvent};

wasm_bindgen_test_configure!(run_in_browser);

fn window() -> web_sys::Window {
    web_sys::window().unwrap()
}

fn document() -> web_sys::Document {
    window().document().unwrap()
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// The widget's messages that reach `window`, as a host page would see them.
struct Inbox {
    messages: Rc<RefCell<Vec<JsValue>>>,
    _listener: gloo::events::EventListener,
}

impl Inbox {
    fn listen() -> Inbox {
        let messages = Rc::new(RefCell::new(Vec::new()));
        let sink = messages.clone();
        let listener = gloo::events::EventListener::new(&window(), "message", move |e| {
            let data = e.unchecked_ref::<MessageEvent>().data();
            let ty = js_sys::Reflect::get(&data, &"type".into()).unwrap_or_default();
            if ty
                .as_string()
                .is_some_and(|t| t.starts_with("security-matrix"))
            {
                sink.borrow_mut().push(data);
            }
        });
        Inbox {
            messages,
            _listener: listener,
        }
    }

    fn count(&self) -> usize {
        self.messages.borrow().len()
    }

    async fn wait_for(&self, n: usize) -> JsValue {
        for _ in 0..100 {
            if self.count() >= n {
                return self.messages.borrow()[n - 1].clone();
            }
            sleep(20).await;
        }
        panic!("no message {n}: got {}", self.count());
    }
}

fn html_height() -> u32 {
    document()
        .document_element()
        .unwrap()
        .get_bounding_client_rect()
        .height()
        .ceil() as u32
}

/// The message's own keys, sorted, and its height.
fn check(message: &JsValue) -> u32 {
    let keys: Vec<String> = js_sys::Object::keys(message.unchecked_ref::<js_sys::Object>())
        .iter()
        .map(|k| k.as_string().unwrap())
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(
        sorted,
        ["height", "type"],
        "nothing but the type and height"
    );
    let ty = js_sys::Reflect::get(message, &"type".into()).unwrap();
    assert_eq!(ty.as_string().as_deref(), Some(HEIGHT_MESSAGE_TYPE));
    let height = js_sys::Reflect::get(message, &"height".into())
        .unwrap()
        .as_f64()
        .unwrap();
    assert_eq!(height.fract(), 0.0, "whole pixels");
    height as u32
}

fn block(px: u32) -> HtmlElement {
    let div: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    div.style()
        .set_property("height", &format!("{px}px"))
        .unwrap();
    document().body().unwrap().append_child(&div).unwrap();
    div
}

#[wasm_bindgen_test]
fn the_message_builder_makes_only_type_and_height() {
    assert_eq!(check(&embed::height_message(640)), 640);
}

#[wasm_bindgen_test]
async fn the_height_is_sent_at_once_then_on_each_change_and_never_twice() {
    let inbox = Inbox::listen();
    let reporter = HeightReporter::start(window()).expect("reporter");
    let first = check(&inbox.wait_for(1).await);
    assert_eq!(first, html_height());

    let extra = block(300);
    let second = check(&inbox.wait_for(2).await);
    assert_eq!(second, html_height());
    assert!(second >= first + 299, "{first} then {second}");

    // A change that does not change the height sends nothing.
    extra.set_attribute("data-x", "1").unwrap();
    sleep(150).await;
    assert_eq!(inbox.count(), 2, "the same height is not sent twice");

    extra.remove();
    let third = check(&inbox.wait_for(3).await);
    assert_eq!(third, first);

    // Stopped: nothing more.
    drop(reporter);
    let again = block(200);
    sleep(150).await;
    assert_eq!(inbox.count(), 3);
    again.remove();
}

#[wasm_bindgen_test]
fn not_framed_there_is_no_parent_to_report_to() {
    assert!(embed::parent_frame().is_none());
}

#[wasm_bindgen_test]
async fn a_direct_mount_takes_its_options_from_data_attributes() {
    let host: Element = document().create_element("div").unwrap();
    for (k, v) in [
        (MOUNT_ATTRIBUTE, ""),
        ("data-schedule", "sm2017"),
        ("data-schedule-choice", "false"),
        ("data-heading-level", "3"),
    ] {
        host.set_attribute(k, v).unwrap();
    }
    host.set_text_content(Some("Loading…"));
    document().body().unwrap().append_child(&host).unwrap();

    let mount = embed::find_mount().unwrap();
    assert!(mount.direct);
    assert_eq!(mount.element, host);
    assert_eq!(
        host.text_content().unwrap_or_default(),
        "",
        "the loading text is removed"
    );
    assert!(!mount.props.owns_page);
    let title = document().title();
    let handle = yew::Renderer::<App>::with_root_and_props(mount.element, mount.props).render();
    yew::scheduler::flush().await;
    let heading = host
        .query_selector("[data-testid=\"page-heading\"]")
        .unwrap()
        .unwrap();
    assert_eq!(heading.tag_name(), "H3");
    assert!(host
        .query_selector("[data-testid=\"schedule-df\"]")
        .unwrap()
        .is_none());
    assert_eq!(document().title(), title, "the host keeps its title");
    handle.destroy();
    host.remove();
}

#[wasm_bindgen_test]
fn without_a_mount_element_the_widget_has_the_body() {
    assert!(document()
        .query_selector(&format!("[{MOUNT_ATTRIBUTE}]"))
        .unwrap()
        .is_none());
    let placeholder = document().create_element("div").unwrap();
    placeholder
        .set_attribute(embed::PLACEHOLDER_ATTRIBUTE, "")
        .unwrap();
    document()
        .body()
        .unwrap()
        .append_child(&placeholder)
        .unwrap();
    let mount = embed::find_mount().unwrap();
    assert!(!mount.direct);
    assert_eq!(
        mount.element,
        Element::from(document().body().unwrap()),
        "mounts on <body>"
    );
    assert!(mount.props.owns_page);
    assert_eq!(mount.props.heading_level, 1);
    assert!(
        !placeholder.is_connected(),
        "the loading message is removed"
    );
}

#[wasm_bindgen_test]
fn the_panic_hook_hands_over_to_the_pages_one_fallback() {
    // The message itself is web/fallback.js's, defined by the bundle's start (checked by
    // scripts/check-web.test.mjs, and after a real panic by scripts/check-embed.test.mjs).
    let global = js_sys::global();
    let _ = js_sys::Reflect::delete_property(&global, &FALLBACK_GLOBAL.into());
    assert!(
        !embed::show_fallback(),
        "no bundle start on this page: nothing to show"
    );
    let calls = Rc::new(RefCell::new(Vec::new()));
    let sink = calls.clone();
    let stub = Closure::<dyn FnMut(JsValue) -> bool>::new(move |reason: JsValue| {
        sink.borrow_mut().push(reason.as_string());
        true
    });
    js_sys::Reflect::set(&global, &FALLBACK_GLOBAL.into(), stub.as_ref()).unwrap();
    assert!(embed::show_fallback());
    assert_eq!(*calls.borrow(), vec![Some("panic".to_string())]);
    js_sys::Reflect::delete_property(&global, &FALLBACK_GLOBAL.into()).unwrap();
}
