//! Browser tests: the real App in headless Chromium, driven through the DOM and asserted
//! through data-testid / data-ref / <time> hooks after `yew::scheduler::flush()`.
#![cfg(target_arch = "wasm32")]

use security_matrix::{App, AppProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

const STORAGE_KEY: &str = "security-matrix-widget";

/// One mounted App in an element of its own.
struct Widget {
    root: Element,
    handle: Option<yew::AppHandle<App>>,
}

fn window() -> web_sys::Window {
    web_sys::window().unwrap()
}

/// Puts a fragment in the address bar without firing `hashchange` (other tests' widgets
/// may still be listening).
fn set_fragment(fragment: Option<&str>) {
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

fn storage() -> web_sys::Storage {
    window().session_storage().unwrap().unwrap()
}

impl Widget {
    async fn open(fragment: Option<&str>, keep_storage: bool) -> Widget {
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

    async fn settle(&self) {
        yew::scheduler::flush().await;
    }

    fn find(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).unwrap()
    }

    fn get(&self, testid: &str) -> Element {
        self.find(&format!("[data-testid=\"{testid}\"]"))
            .unwrap_or_else(|| panic!("no [data-testid={testid}] on page {}", self.heading()))
    }

    fn has(&self, testid: &str) -> bool {
        self.find(&format!("[data-testid=\"{testid}\"]")).is_some()
    }

    fn text(&self, testid: &str) -> String {
        self.get(testid)
            .text_content()
            .unwrap_or_default()
            .trim()
            .to_string()
    }

    fn heading(&self) -> String {
        self.find("[data-testid=\"page-heading\"]")
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    }

    fn page(&self) -> String {
        for id in ["start-page", "check-answers", "result"] {
            if self.has(id) {
                return id.to_string();
            }
        }
        self.find("[data-testid^=\"question-\"]")
            .and_then(|e| e.get_attribute("data-testid"))
            .unwrap_or_else(|| "nothing".into())
    }

    async fn click(&self, testid: &str) {
        self.get(testid).dyn_into::<HtmlElement>().unwrap().click();
        self.settle().await;
    }

    async fn type_in(&self, testid: &str, value: &str) {
        let input: HtmlInputElement = self.get(testid).dyn_into().unwrap();
        input.set_value(value);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        input
            .dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
            .unwrap();
        self.settle().await;
    }

    /// Answers the question on screen and presses Continue.
    async fn answer(&self, value: &str) {
        if self.has("answer") {
            self.type_in("answer", value).await;
        } else {
            self.click(&format!("option-{value}")).await;
        }
        self.click("continue").await;
    }

    async fn answer_date(&self, d: &str, m: &str, y: &str) {
        self.type_in("date-day", d).await;
        self.type_in("date-month", m).await;
        self.type_in("date-year", y).await;
        self.click("continue").await;
    }

    fn errors(&self) -> Vec<String> {
        let list = self
            .root
            .query_selector_all("[data-testid=\"error-summary\"] li")
            .unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().text_content().unwrap_or_default())
            .collect()
    }

    fn refs(&self) -> Vec<String> {
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

    fn first_date(&self, reference: &str) -> Option<String> {
        self.find(&format!(
            "[data-testid=\"obligation\"][data-ref=\"{reference}\"] time"
        ))
        .and_then(|t| t.get_attribute("datetime"))
    }

    fn close(mut self) {
        if let Some(h) = self.handle.take() {
            h.destroy();
        }
        self.root.remove();
    }
}

#[wasm_bindgen_test]
async fn start_page_offers_both_schedules() {
    let w = Widget::open(None, false).await;
    assert_eq!(w.heading(), "Work out your security level");
    assert_eq!(w.text("start"), "Start");
    let df: HtmlInputElement = w.get("schedule-df").dyn_into().unwrap();
    assert!(df.checked(), "DF Schedule 2.4 is the default");
    assert!(w.text("footer").contains("Not legal advice"));
    w.close();
}

#[wasm_bindgen_test]
async fn full_walk_of_the_df_schedule_to_an_s5_result_with_dates() {
    let w = Widget::open(None, false).await;
    w.click("start").await;
    assert_eq!(w.page(), "question-subjects");
    w.answer("1,500").await;
    w.answer("0").await;
    w.answer("£45k").await;
    w.answer("18").await;
    w.answer("no").await;
    w.answer("no").await;
    assert_eq!(w.page(), "question-commencement");
    w.answer_date("4", "1", "2027").await;
    assert_eq!(w.page(), "check-answers");
    assert_eq!(w.text("value-subjects"), "1,500");
    assert_eq!(w.text("value-value"), "£45,000");
    assert_eq!(w.text("value-commencement"), "4 January 2027");
    w.click("show-result").await;
    assert_eq!(w.page(), "result");
    assert_eq!(w.text("level"), "S5");
    assert_eq!(w.text("standards"), "Normal");
    let refs = w.refs();
    assert!(refs.iter().any(|r| r == "3.5.1(b)(ii)"), "{refs:?}");
    assert!(refs.iter().any(|r| r == "2.8.1"), "{refs:?}");
    assert!(
        !refs.iter().any(|r| r.starts_with("3.6")),
        "no S6 duties at S5"
    );
    // 6 months from 4 January 2027, in a <time> inside the obligation's element.
    assert_eq!(w.first_date("3.5.1(b)(ii)").as_deref(), Some("2027-07-04"));
    w.close();
}

#[wasm_bindgen_test]
async fn full_walk_of_the_2017_schedule_to_the_device_verdict() {
    let w = Widget::open(None, false).await;
    w.click("schedule-sm2017").await;
    w.click("start").await;
    assert_eq!(w.page(), "question-effective");
    w.answer_date("14", "12", "2026").await;
    w.answer("yes").await;
    w.answer("official-sensitive").await;
    assert_eq!(w.page(), "question-long_term");
    w.answer("yes").await;
    w.answer("no").await;
    assert_eq!(w.page(), "check-answers");
    w.click("show-result").await;
    // CIO ¶4: long-term access to OFFICIAL-SENSITIVE data needs MoJ computing facilities,
    // even without large volumes of data.
    assert!(
        w.text("device-verdict")
            .contains("must use MoJ computing facilities")
            && w.text("device-verdict").contains("(¶4)"),
        "{}",
        w.text("device-verdict")
    );
    // The Security Management Plan: 20 Working Days after 14 December 2026.
    assert_eq!(w.first_date("3.2").as_deref(), Some("2027-01-14"));
    w.close();
}

#[wasm_bindgen_test]
async fn each_validation_error_has_its_message_and_keeps_other_answers() {
    let w = Widget::open(None, false).await;
    w.click("start").await;
    let cases = [
        ("", "Enter the number of people"),
        ("lots", "must be a number"),
        ("-3", "must be 0 or more"),
        ("2.5", "must be a whole number"),
        ("5bn", "or fewer"),
    ];
    for (typed, message) in cases {
        w.answer(typed).await;
        assert_eq!(w.page(), "question-subjects");
        let errors = w.errors();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].contains(message), "{typed:?}: {errors:?}");
        assert!(w.text("field-error").contains(message));
        let focused = window().document().unwrap().active_element().unwrap();
        assert_eq!(
            focused.get_attribute("data-testid").as_deref(),
            Some("error-summary"),
            "focus moves to the summary"
        );
        assert!(window().document().unwrap().title().starts_with("Error: "));
    }
    w.answer("20").await;
    w.answer("0").await;
    w.answer("12.50").await;
    assert!(w.errors()[0].contains("whole pounds"));
    w.answer("1000").await;
    w.answer("0").await;
    assert!(w.errors()[0].contains("at least 1 month"));
    w.answer("6").await;
    w.click("continue").await;
    assert!(w.errors()[0].contains("Select whether you will have access"));
    w.answer("no").await;
    w.answer("no").await;
    w.answer_date("31", "2", "2027").await;
    assert!(w.errors()[0].contains("must be a real date"));
    w.answer_date("1", "2", "27").await;
    assert!(w.errors()[0].contains("Year must include 4 numbers"));
    w.answer_date("1", "", "2027").await;
    assert!(w.errors()[0].contains("must include a month"));
    w.click("skip").await;
    assert_eq!(w.page(), "check-answers");
    assert_eq!(
        w.text("value-subjects"),
        "20",
        "earlier answers survive the errors"
    );
    assert_eq!(w.text("value-commencement"), "Not given");
    w.close();
}

#[wasm_bindgen_test]
async fn change_from_check_answers_returns_to_the_summary() {
    let w = Widget::open(
        Some("schedule=df&subjects=50&special=0&value=1000&months=6&access=no"),
        false,
    )
    .await;
    assert_eq!(w.text("level"), "S2");
    w.click("change-answers").await;
    w.click("change-months").await;
    assert_eq!(w.page(), "question-months");
    let input: HtmlInputElement = w.get("answer").dyn_into().unwrap();
    assert_eq!(input.value(), "6", "the saved answer is shown");
    w.answer("30").await;
    assert_eq!(w.page(), "check-answers");
    assert_eq!(w.text("value-months"), "30 months");
    w.click("show-result").await;
    assert_eq!(w.text("level"), "S6");
    w.close();
}

#[wasm_bindgen_test]
async fn deep_links_complete_incomplete_and_invalid() {
    let w = Widget::open(Some("schedule=df&subjects=3000&special=0&value=200000&months=18&access=no&commencement=2027-01-04"), false).await;
    assert_eq!(w.text("level"), "S6");
    assert_eq!(w.text("standards"), "Enhanced");
    assert_eq!(
        w.first_date("3.6.5").as_deref(),
        Some("2026-11-23"),
        "ISMP 6 weeks before commencement"
    );
    assert!(w.has("ambiguity"));
    assert_eq!(
        window().location().hash().unwrap(),
        "",
        "the link is taken out of the address bar"
    );
    w.close();

    let w = Widget::open(Some("schedule=df&subjects=10&value=45k"), false).await;
    assert_eq!(w.page(), "question-special");
    w.close();

    let w = Widget::open(
        Some("schedule=df&subjects=10&special=0&value=-5&months=6&access=no"),
        false,
    )
    .await;
    assert_eq!(w.page(), "question-value");
    assert!(w.text("field-error").contains("must be 0 or more"));
    let input: HtmlInputElement = w.get("answer").dyn_into().unwrap();
    assert_eq!(input.value(), "-5");
    w.answer("5000").await;
    assert_eq!(w.page(), "check-answers");
    w.close();
}

#[wasm_bindgen_test]
async fn reload_keeps_answers_and_start_again_clears_them() {
    let w = Widget::open(None, false).await;
    w.click("start").await;
    w.answer("700").await;
    w.answer("0").await;
    assert_eq!(w.page(), "question-value");
    w.close();
    // A new widget in the same tab: as after a reload.
    let w = Widget::open(None, true).await;
    assert_eq!(w.page(), "question-value");
    w.click("back").await;
    w.click("back").await;
    let input: HtmlInputElement = w.get("answer").dyn_into().unwrap();
    assert_eq!(input.value(), "700");
    w.close();

    let w = Widget::open(
        Some("schedule=df&subjects=5&special=0&value=1&months=1&access=no"),
        false,
    )
    .await;
    assert_eq!(w.text("level"), "S1");
    assert!(storage().get_item(STORAGE_KEY).unwrap().is_some());
    w.click("start-again").await;
    assert_eq!(w.page(), "start-page");
    assert_eq!(
        storage().get_item(STORAGE_KEY).unwrap(),
        None,
        "Start again clears what is stored"
    );
    w.close();
    let w = Widget::open(None, true).await;
    assert_eq!(w.page(), "start-page");
    w.close();
}

#[wasm_bindgen_test]
async fn unreadable_stored_state_gives_a_message_not_a_crash() {
    storage().set_item(STORAGE_KEY, "smx0\nwhatever").unwrap();
    let w = Widget::open(None, true).await;
    assert_eq!(w.page(), "start-page");
    assert!(w.text("notice").contains("could not be restored"));
    w.close();
}

#[wasm_bindgen_test]
async fn focus_moves_to_the_heading_and_the_title_changes() {
    let w = Widget::open(None, false).await;
    w.click("start").await;
    let focused = window().document().unwrap().active_element().unwrap();
    assert_eq!(
        focused.get_attribute("data-testid").as_deref(),
        Some("page-heading")
    );
    assert!(window()
        .document()
        .unwrap()
        .title()
        .starts_with("How many people"));
    w.close();
}

/// Waits for a condition that depends on browser tasks (e.g. reading a file), checking it
/// after each turn of the event loop; fails after 200 turns.
async fn wait_for(w: &Widget, what: &str, cond: impl Fn(&Widget) -> bool) {
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

async fn choose_file(w: &Widget, name: &str, content: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let file = web_sys::File::new_with_str_sequence(&parts, name).unwrap();
    let transfer = web_sys::DataTransfer::new().unwrap();
    transfer.items().add_with_file(&file).unwrap();
    let input: HtmlInputElement = w.get("open-file-input").dyn_into().unwrap();
    input.set_files(transfer.files().as_ref());
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).unwrap())
        .unwrap();
    w.settle().await;
}

#[wasm_bindgen_test]
async fn readiness_marks_feed_the_action_plan_and_the_statement_is_shown() {
    let w = Widget::open(Some("schedule=df&subjects=50&special=0&value=1000&months=6&access=no&commencement=2027-01-04"), false).await;
    assert_eq!(w.text("level"), "S2");
    let statement: web_sys::HtmlTextAreaElement = w.get("statement").dyn_into().unwrap();
    assert!(
        statement.value().contains("security level S2 applies"),
        "{}",
        statement.value()
    );
    assert!(w
        .text("readiness-counts")
        .starts_with("0 in place, 0 in progress, 0 not yet"));
    let first = w.find("[data-testid=\"obligation\"]").unwrap();
    let reference = first.get_attribute("data-ref").unwrap();
    first
        .query_selector("[data-testid=\"ready-not-yet\"]")
        .unwrap()
        .unwrap()
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
    w.settle().await;
    assert!(
        w.text("readiness-counts")
            .starts_with("0 in place, 0 in progress, 1 not yet"),
        "{}",
        w.text("readiness-counts")
    );
    let action = w.get("action");
    assert_eq!(
        action.get_attribute("data-ref").as_deref(),
        Some(reference.as_str())
    );
    // The mark did not rebuild the list: the radio clicked is still the one in the page.
    let radio = |w: &Widget, key: &str| -> HtmlInputElement {
        w.find(&format!(
            "[data-testid=\"obligation\"][data-ref=\"{reference}\"] [data-testid=\"ready-{key}\"]"
        ))
        .unwrap()
        .dyn_into()
        .unwrap()
    };
    let clicked = radio(&w, "not-yet");
    assert!(clicked.checked());
    assert!(clicked.is_connected());
    // The marks are kept for a reload in this tab, and the radios show them again.
    assert!(storage()
        .get_item(STORAGE_KEY)
        .unwrap()
        .unwrap()
        .contains("=not-yet"));
    w.close();
    let w = Widget::open(None, true).await;
    assert_eq!(w.page(), "result");
    assert!(radio(&w, "not-yet").checked(), "the stored mark is shown");
    assert!(!radio(&w, "in-place").checked());
    assert_eq!(
        w.root
            .query_selector_all("[data-smx-ready]:checked")
            .unwrap()
            .length(),
        1
    );
    // Changing the mark moves the check, and the summary follows.
    radio(&w, "in-place").click();
    w.settle().await;
    assert!(radio(&w, "in-place").checked() && !radio(&w, "not-yet").checked());
    assert!(w
        .text("readiness-counts")
        .starts_with("1 in place, 0 in progress, 0 not yet"));
    w.close();
}

#[wasm_bindgen_test]
async fn opening_a_saved_file_or_a_bad_one() {
    let w = Widget::open(None, false).await;
    choose_file(&w, "notes.txt", "these are not my answers").await;
    wait_for(&w, "the file problems", |w| w.has("file-problems")).await;
    assert!(
        w.text("file-problems").contains("not a JSON file"),
        "{}",
        w.text("file-problems")
    );
    assert_eq!(w.page(), "start-page", "a bad file changes nothing");

    let saved = security_matrix_core::savefile::to_json(
        &security_matrix_core::flow::from_fragment(
            "schedule=df&subjects=3000&special=0&value=1000&months=6&access=no",
        )
        .answers,
        &[(
            "df-1-3".to_string(),
            security_matrix_core::readiness::Readiness::InProgress,
        )]
        .into_iter()
        .collect(),
    );
    choose_file(&w, "security-assessment-S6.json", &saved).await;
    wait_for(&w, "the result page", |w| w.has("result")).await;
    assert_eq!(w.text("level"), "S6");
    // The file's readiness mark is shown on its obligation's radios, and only there.
    let checked = w
        .root
        .query_selector_all("[data-smx-ready]:checked")
        .unwrap();
    assert_eq!(checked.length(), 1);
    let input: HtmlInputElement = checked.item(0).unwrap().dyn_into().unwrap();
    assert_eq!(
        input.get_attribute("data-smx-ready").as_deref(),
        Some("df-1-3")
    );
    assert_eq!(input.value(), "in-progress");
    assert!(w
        .text("readiness-counts")
        .starts_with("0 in place, 1 in progress"));
    w.close();
}
