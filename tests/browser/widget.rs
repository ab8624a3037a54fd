//! The browser tests' driver: one mounted App, found and worked through its test hooks.
use security_matrix::{App, AppProps};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};

pub const STORAGE_KEY: &str = "security-matrix-widget";

/// One mounted App in an element of its own.
pub struct Widget {
    pub root: Element,
    handle: Option<yew::AppHandle<App>>,
}

pub fn window() -> web_sys::Window {
    web_sys::window().unwrap()
}

/// Puts a fragment in the address bar without firing `hashchange` (other tests' widgets
/// may still be listening).
pub fn set_fragment(fragment: Option<&str>) {
    let loc = window().location();
    let base = format!("{}{}", loc.pathname().unwrap(), loc.search().unwrap());
    let url = match fragment {
        Some(f) => format!("{base}#{f}"),
        None => base,
    };
    window()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        .unwrap();
}

pub fn storage() -> web_sys::Storage {
    window().session_storage().unwrap().unwrap()
}

impl Widget {
    pub async fn open(fragment: Option<&str>, keep_storage: bool) -> Widget {
        if !keep_storage {
            storage().remove_item(STORAGE_KEY).unwrap();
        }
        set_fragment(fragment);
        let document = window().document().unwrap();
        let root = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        let handle =
            yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps::default()).render();
        let w = Widget {
            root,
            handle: Some(handle),
        };
        w.settle().await;
        w
    }

    pub async fn settle(&self) {
        yew::scheduler::flush().await;
    }

    pub fn find(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).unwrap()
    }

    pub fn get(&self, testid: &str) -> Element {
        self.find(&format!("[data-testid=\"{testid}\"]"))
            .unwrap_or_else(|| panic!("no [data-testid={testid}] on page {}", self.heading()))
    }

    pub fn has(&self, testid: &str) -> bool {
        self.find(&format!("[data-testid=\"{testid}\"]")).is_some()
    }

    pub fn text(&self, testid: &str) -> String {
        self.get(testid)
            .text_content()
            .unwrap_or_default()
            .trim()
            .to_string()
    }

    pub fn heading(&self) -> String {
        self.find("[data-testid=\"page-heading\"]")
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    }

    pub fn page(&self) -> String {
        for id in ["start-page", "check-answers", "result", "merge-review"] {
            if self.has(id) {
                return id.to_string();
            }
        }
        self.find("[data-testid^=\"question-\"]")
            .and_then(|e| e.get_attribute("data-testid"))
            .unwrap_or_else(|| "nothing".into())
    }

    pub async fn click(&self, testid: &str) {
        self.get(testid).dyn_into::<HtmlElement>().unwrap().click();
        self.settle().await;
    }

    pub async fn type_in(&self, testid: &str, value: &str) {
        let input: HtmlInputElement = self.get(testid).dyn_into().unwrap();
        self.set_value(&input, value, "input").await;
    }

    /// Sets an input's value and fires `event` (`input` or `change`) on it, bubbling, as
    /// typing or choosing a date does; then lets the app render.
    pub async fn set_value(&self, input: &HtmlInputElement, value: &str, event: &str) {
        input.set_value(value);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        input
            .dispatch_event(&web_sys::Event::new_with_event_init_dict(event, &init).unwrap())
            .unwrap();
        self.settle().await;
    }

    /// Answers the question on screen and presses Continue.
    pub async fn answer(&self, value: &str) {
        if self.has("answer") {
            self.type_in("answer", value).await;
        } else {
            self.click(&format!("option-{value}")).await;
        }
        self.click("continue").await;
    }

    pub async fn answer_date(&self, d: &str, m: &str, y: &str) {
        self.type_in("date-day", d).await;
        self.type_in("date-month", m).await;
        self.type_in("date-year", y).await;
        self.click("continue").await;
    }

    pub fn errors(&self) -> Vec<String> {
        let list = self
            .root
            .query_selector_all("[data-testid=\"error-summary\"] li")
            .unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().text_content().unwrap_or_default())
            .collect()
    }

    pub fn refs(&self) -> Vec<String> {
        let list = self
            .root
            .query_selector_all("[data-testid=\"obligation\"]")
            .unwrap();
        (0..list.length())
            .map(|i| {
                list.item(i)
                    .unwrap()
                    .dyn_into::<Element>()
                    .unwrap()
                    .get_attribute("data-ref")
                    .unwrap()
            })
            .collect()
    }

    pub fn first_date(&self, reference: &str) -> Option<String> {
        self.find(&format!(
            "[data-testid=\"obligation\"][data-ref=\"{reference}\"] time"
        ))
        .and_then(|t| t.get_attribute("datetime"))
    }

    /// Opens a view of the result by its task list row (going back to the summary first
    /// when another view is shown), as a user would.
    pub async fn view(&self, key: &str) {
        if self.has("back")
            && self
                .find("[data-testid=\"result\"][data-view=\"summary\"]")
                .is_none()
        {
            self.click("back").await;
        }
        self.find(&format!(
            "[data-testid=\"task\"][data-view=\"{key}\"] [data-testid=\"task-link\"]"
        ))
        .unwrap_or_else(|| panic!("no task list row for the view {key}"))
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
        self.settle().await;
        assert!(
            self.find(&format!("[data-testid=\"result\"][data-view=\"{key}\"]"))
                .is_some(),
            "the view {key} opened"
        );
    }

    pub fn close(mut self) {
        if let Some(h) = self.handle.take() {
            h.destroy();
        }
        self.root.remove();
    }
}

/// Waits for a condition that depends on browser tasks (e.g. reading a file), checking it
/// after each turn of the event loop; fails after 200 turns.
pub async fn wait_for(w: &Widget, what: &str, cond: impl Fn(&Widget) -> bool) {
    for _ in 0..200 {
        if cond(w) {
            return;
        }
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            window().set_timeout_with_callback(&resolve).unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
        w.settle().await;
    }
    panic!("timed out waiting for {what}");
}

pub async fn choose_file(w: &Widget, name: &str, content: &str) {
    choose_file_in(w, "open-file-input", name, content).await;
}

/// Chooses a file named `name` holding `content` in the file input `testid`.
pub async fn choose_file_in(w: &Widget, testid: &str, name: &str, content: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let file = web_sys::File::new_with_str_sequence(&parts, name).unwrap();
    let transfer = web_sys::DataTransfer::new().unwrap();
    transfer.items().add_with_file(&file).unwrap();
    let input: HtmlInputElement = w.get(testid).dyn_into().unwrap();
    input.set_files(transfer.files().as_ref());
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).unwrap())
        .unwrap();
    w.settle().await;
}

/// Clicks `testid` and returns the text of the file it offers for download, caught where
/// every download starts (`URL.createObjectURL` of its Blob).
pub async fn downloaded_text(w: &Widget, testid: &str) -> String {
    use std::{cell::RefCell, rc::Rc};
    use wasm_bindgen::{closure::Closure, JsValue};
    let url = js_sys::Reflect::get(&window(), &"URL".into()).unwrap();
    let name = JsValue::from_str("createObjectURL");
    let original: js_sys::Function = js_sys::Reflect::get(&url, &name)
        .unwrap()
        .dyn_into()
        .unwrap();
    let caught = Rc::new(RefCell::new(None::<JsValue>));
    let hook = {
        let (caught, original, url) = (caught.clone(), original.clone(), url.clone());
        Closure::<dyn FnMut(JsValue) -> JsValue>::new(move |blob: JsValue| {
            *caught.borrow_mut() = Some(blob.clone());
            original.call1(&url, &blob).unwrap()
        })
    };
    js_sys::Reflect::set(&url, &name, hook.as_ref()).unwrap();
    // Where the browser can save in place (Chromium's `showSaveFilePicker`), a save asks
    // where (a picker a test cannot answer): hidden for the click, so it is a download.
    let picker = JsValue::from_str("showSaveFilePicker");
    let had = js_sys::Reflect::get(&window(), &picker).unwrap();
    js_sys::Reflect::set(&window(), &picker, &JsValue::UNDEFINED).unwrap();
    w.click(testid).await;
    js_sys::Reflect::set(&window(), &picker, &had).unwrap();
    js_sys::Reflect::set(&url, &name, &original).unwrap();
    let blob: web_sys::Blob = caught
        .borrow_mut()
        .take()
        .unwrap_or_else(|| panic!("{testid} offered no download"))
        .dyn_into()
        .unwrap();
    wasm_bindgen_futures::JsFuture::from(blob.text())
        .await
        .unwrap()
        .as_string()
        .unwrap()
}

/// Opens a link while the widget is showing, as following it in the same tab does
/// (`hashchange`), and waits for the widget to take it out of the address bar.
pub async fn follow_link(w: &Widget, fragment: &str) {
    window().location().set_hash(fragment).unwrap();
    wait_for(w, "the link to be taken", |_| {
        window().location().hash().unwrap().is_empty()
    })
    .await;
}
