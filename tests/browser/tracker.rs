//! The tracker in a subject's view and in the all-on-one-page view: status, owner and note
//! per duty, kept through a reload and a saved file, GOV.UK character counts, and what the
//! user typed shown as text everywhere.
use super::widget::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

/// An S6 result (6 certification duties, some with due dates and open conditions), opened
/// in its certification view.
const S6_CERTIFICATION: &str = "schedule=df&subjects=3000&special=40&professional=no&value=450000&months=36&access=yes&other=no&commencement=2027-04-01&view=subject-certification";

/// Markup typed as an owner and a note: it must appear as these characters, never as an
/// image.
const MARKUP: &str = "<img src=x onerror=alert(1)>";

/// The view shown (`data-view` of the result).
fn view(w: &Widget) -> String {
    w.get("result")
        .get_attribute("data-view")
        .unwrap_or_default()
}

/// The obligations shown, in order.
fn duties(w: &Widget) -> Vec<Element> {
    let list = w
        .root
        .query_selector_all("[data-testid=\"obligation\"]")
        .unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().dyn_into().unwrap())
        .collect()
}

/// The element `testid` inside duty `duty`.
fn part(duty: &Element, testid: &str) -> Element {
    duty.query_selector(&format!("[data-testid=\"{testid}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no {testid} in {:?}", duty.get_attribute("data-id")))
}

fn has_part(duty: &Element, testid: &str) -> bool {
    duty.query_selector(&format!("[data-testid=\"{testid}\"]"))
        .unwrap()
        .is_some()
}

fn text(el: &Element) -> String {
    el.text_content().unwrap_or_default().trim().to_string()
}

/// The `value` of an `<input>` or `<textarea>`.
fn value(el: &Element) -> String {
    js_sys::Reflect::get(el, &"value".into())
        .unwrap()
        .as_string()
        .unwrap()
}

/// Puts `text` in the field `testid` of `duty` as typing or pasting does (an `input`
/// event), then lets the widget render.
async fn type_into(w: &Widget, duty: &Element, testid: &str, text: &str) {
    let field = part(duty, testid);
    js_sys::Reflect::set(&field, &"value".into(), &JsValue::from_str(text)).unwrap();
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    field
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    w.settle().await;
}

/// The duty with data id `id`.
fn duty(w: &Widget, id: &str) -> Element {
    w.find(&format!("[data-testid=\"obligation\"][data-id=\"{id}\"]"))
        .unwrap_or_else(|| panic!("no duty {id} in view {}", view(w)))
}

fn images(w: &Widget) -> u32 {
    w.root.query_selector_all("img").unwrap().length()
}

#[wasm_bindgen_test]
async fn a_subject_view_lists_its_duties_with_dates_conditions_words_and_controls() {
    let w = Widget::open(Some(S6_CERTIFICATION), false).await;
    assert_eq!(view(&w), "subject-certification");
    let all = duties(&w);
    assert_eq!(all.len(), 6, "the six certification duties at S6");
    for d in &all {
        assert_eq!(d.get_attribute("data-status").as_deref(), Some("unmarked"));
        assert_eq!(d.get_attribute("tabindex").as_deref(), Some("-1"));
        assert!(has_part(d, "owner") && has_part(d, "note"));
        assert!(d
            .query_selector("details[data-testid=\"words\"]")
            .unwrap()
            .is_some());
        // The clause's words are behind the disclosure, closed.
        assert!(!part(d, "words").has_attribute("open"));
        let radios = d.query_selector_all("input[type=\"radio\"]").unwrap();
        assert_eq!(radios.length(), 3);
        let values: Vec<String> = (0..3)
            .map(|i| {
                let r: HtmlInputElement = radios.item(i).unwrap().dyn_into().unwrap();
                assert!(!r.checked(), "unmarked until the user chooses");
                r.value()
            })
            .collect();
        assert_eq!(values, ["not-started", "in-progress", "in-place"]);
        // The legend names the duty for screen readers.
        let legend = text(&d.query_selector("legend").unwrap().unwrap());
        assert!(
            legend.starts_with("Status") && legend.contains(&d.get_attribute("data-ref").unwrap()),
            "{legend}"
        );
    }
    // ¶3.6.1(b)(iv): three dated reports, each a <time>, under "Due by".
    let iv = duty(&w, "df-3-6-1-b-iv");
    let times = iv.query_selector_all("time").unwrap();
    assert_eq!(times.length(), 3);
    let due = text(&iv.query_selector(".smx-obligation__due").unwrap().unwrap());
    assert!(due.starts_with("Due by "), "{due}");
    for i in 0..3 {
        let t: Element = times.item(i).unwrap().dyn_into().unwrap();
        let iso = t.get_attribute("datetime").unwrap();
        assert!(iso.len() == 10 && iso.as_str() >= "2027-04-01", "{iso}");
    }
    // The route is not known: the duty says where it applies.
    assert!(
        text(&iv).contains("Applies if you take route (b)"),
        "{}",
        text(&iv)
    );
    // Every element id in the view is used once.
    let ids = w.root.query_selector_all("[id]").unwrap();
    let mut seen: Vec<String> = (0..ids.length())
        .map(|i| ids.item(i).unwrap().dyn_into::<Element>().unwrap().id())
        .collect();
    let n = seen.len();
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), n, "duplicate element ids");
    assert!(w.find("#smx-owner-df-3-6-1-b-iv").is_some());
    w.close();
}

#[wasm_bindgen_test]
async fn a_status_is_marked_on_its_duty_alone() {
    let w = Widget::open(Some(S6_CERTIFICATION), false).await;
    let all = duties(&w);
    let (target, others) = (&all[1], &all[..]);
    // Every change to the page from here on, as the observer reports it.
    let seen = js_sys::Array::new();
    let collect = js_sys::Function::new_with_args("list", "this.push(...list)").bind0(&seen);
    let observer = web_sys::MutationObserver::new(&collect).unwrap();
    let options = web_sys::MutationObserverInit::new();
    options.set_child_list(true);
    options.set_attributes(true);
    options.set_character_data(true);
    options.set_subtree(true);
    observer.observe_with_options(&w.root, &options).unwrap();

    let radio = |key: &str| -> HtmlInputElement {
        part(target, &format!("status-{key}")).dyn_into().unwrap()
    };
    radio("in-progress").click();
    w.settle().await;
    assert_eq!(
        target.get_attribute("data-status").as_deref(),
        Some("in-progress")
    );
    assert!(radio("in-progress").checked());
    assert!(!radio("not-started").checked() && !radio("in-place").checked());
    // The page changed inside the marked duty only: no other duty was rebuilt or touched.
    let records = seen.concat(&observer.take_records());
    observer.disconnect();
    assert!(records.length() > 0, "the mark changed the page");
    for record in records.iter() {
        let node: web_sys::Node = js_sys::Reflect::get(&record, &"target".into())
            .unwrap()
            .dyn_into()
            .unwrap();
        for other in others.iter().filter(|d| *d != target) {
            assert!(!other.contains(Some(&node)), "a change in another duty");
        }
    }
    for d in &all {
        assert!(d.is_connected(), "each duty is the same element as before");
        if d != target {
            assert_eq!(d.get_attribute("data-status").as_deref(), Some("unmarked"));
        }
    }

    radio("in-place").click();
    w.settle().await;
    assert_eq!(
        target.get_attribute("data-status").as_deref(),
        Some("in-place")
    );
    assert!(radio("in-place").checked() && !radio("in-progress").checked());
    let checked = w
        .root
        .query_selector_all("[data-testid=\"obligation\"] input[type=\"radio\"]:checked")
        .unwrap();
    assert_eq!(checked.length(), 1);
    // The all-on-one-page view shows it as text, and the others as not marked.
    let id = target.get_attribute("data-id").unwrap();
    w.view("all").await;
    assert_eq!(text(&part(&duty(&w, &id), "status-text")), "In place");
    assert_eq!(
        text(&part(&duty(&w, "df-3-6-1-a"), "status-text")),
        "Not marked"
    );
    assert_eq!(
        w.root
            .query_selector_all(
                "[data-testid=\"obligation\"] input, [data-testid=\"obligation\"] textarea"
            )
            .unwrap()
            .length(),
        0,
        "no form controls in the printed view"
    );
    w.close();
}

/// What `owner_and_note_survive_a_reload_and_a_saved_file` recorded on ¶3.6.1(a), as shown
/// in its subject view.
fn kept(w: &Widget) {
    let d = duty(w, "df-3-6-1-a");
    assert_eq!(value(&part(&d, "owner")), "Head of IT");
    assert_eq!(
        value(&part(&d, "note")),
        "Policy v2 on the intranet\nReviewed in May"
    );
    assert_eq!(
        d.get_attribute("data-status").as_deref(),
        Some("in-progress")
    );
}

#[wasm_bindgen_test]
async fn owner_and_note_survive_a_reload_and_a_saved_file() {
    let w = Widget::open(Some(S6_CERTIFICATION), false).await;
    let d = duty(&w, "df-3-6-1-a");
    type_into(&w, &d, "owner", "Head of IT").await;
    type_into(&w, &d, "note", "Policy v2 on the intranet\nReviewed in May").await;
    part(&d, "status-in-progress")
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
    w.settle().await;
    assert_eq!(
        text(&part(&d, "owner-count")),
        "You have 90 characters remaining"
    );
    assert_eq!(
        text(&part(&d, "note-count")),
        "You have 959 characters remaining"
    );
    w.close();

    // A reload in the same tab: the same view, the same text.
    let w = Widget::open(None, true).await;
    assert_eq!(view(&w), "subject-certification");
    kept(&w);
    let saved = downloaded_text(&w, "save-file").await;
    assert!(saved.contains("Head of IT"), "{saved}");
    w.close();

    // The saved file, opened in a fresh tab.
    let w = Widget::open(None, false).await;
    choose_file(&w, "security-assessment-S6.json", &saved).await;
    wait_for(&w, "the result page", |w| w.has("result")).await;
    w.view("subject-certification").await;
    kept(&w);
    // And in the printed view, as text.
    w.view("all").await;
    let d = duty(&w, "df-3-6-1-a");
    assert_eq!(text(&part(&d, "owner-text")), "Head of IT");
    assert_eq!(
        part(&d, "note-text").text_content().unwrap(),
        "Policy v2 on the intranet\nReviewed in May"
    );
    assert_eq!(text(&part(&d, "status-text")), "In progress");
    w.close();
}

#[wasm_bindgen_test]
async fn character_counts_and_an_over_long_paste_is_kept_with_an_error() {
    let w = Widget::open(Some(S6_CERTIFICATION), false).await;
    let d = duty(&w, "df-3-6-1-b-i");
    let owner = part(&d, "owner");
    assert_eq!(
        text(&part(&d, "owner-count")),
        "You have 100 characters remaining"
    );
    assert_eq!(
        text(&part(&d, "note-count")),
        "You have 1,000 characters remaining"
    );
    assert_eq!(
        part(&d, "owner-count")
            .get_attribute("aria-live")
            .as_deref(),
        Some("polite")
    );
    assert!(!has_part(&d, "owner-error") && !has_part(&d, "note-error"));

    // One character too many: counted, and an error, and the text is kept whole.
    let long_owner = "x".repeat(101);
    type_into(&w, &d, "owner", &long_owner).await;
    assert_eq!(
        text(&part(&d, "owner-count")),
        "You have 1 character too many"
    );
    let error = part(&d, "owner-error");
    assert!(
        text(&error).ends_with("Owner must be 100 characters or fewer"),
        "{}",
        text(&error)
    );
    assert_eq!(value(&owner), long_owner, "never cut");
    assert!(owner.class_list().contains("smx-input--error"));
    let described = owner.get_attribute("aria-describedby").unwrap();
    assert!(described.split(' ').any(|i| i == error.id()), "{described}");
    assert!(described
        .split(' ')
        .any(|i| i == part(&d, "owner-count").id()));

    // A pasted note of 1,005 characters.
    let long_note = "Evidence. ".repeat(100) + "12345";
    type_into(&w, &d, "note", &long_note).await;
    assert_eq!(
        text(&part(&d, "note-count")),
        "You have 5 characters too many"
    );
    assert!(text(&part(&d, "note-error"))
        .ends_with("Evidence or note must be 1,000 characters or fewer"));
    assert_eq!(value(&part(&d, "note")).chars().count(), 1005);
    // The stored state keeps it whole too.
    assert!(storage()
        .get_item(STORAGE_KEY)
        .unwrap()
        .unwrap()
        .contains("12345"));

    // Back within the limit: the error goes.
    type_into(&w, &d, "note", &long_note[..1000]).await;
    assert_eq!(
        text(&part(&d, "note-count")),
        "You have 0 characters remaining"
    );
    assert!(!has_part(&d, "note-error"));
    assert!(has_part(&d, "owner-error"), "the owner is still too long");
    w.close();
}

#[wasm_bindgen_test]
async fn typed_markup_is_text_in_the_page_the_printed_view_and_a_reopened_file() {
    let w = Widget::open(Some(S6_CERTIFICATION), false).await;
    let d = duty(&w, "df-3-6-1-a");
    type_into(&w, &d, "owner", MARKUP).await;
    type_into(&w, &d, "note", MARKUP).await;
    assert_eq!(images(&w), 0);
    assert_eq!(value(&part(&d, "owner")), MARKUP);
    assert_eq!(value(&part(&d, "note")), MARKUP);

    w.view("all").await;
    let d = duty(&w, "df-3-6-1-a");
    assert_eq!(text(&part(&d, "owner-text")), MARKUP);
    assert_eq!(text(&part(&d, "note-text")), MARKUP);
    assert_eq!(images(&w), 0);
    // The clause's words appear only when asked for.
    assert!(!has_part(&d, "words-text"));
    w.click("print-words").await;
    let d = duty(&w, "df-3-6-1-a");
    assert!(text(&part(&d, "words-text")).len() > 20);
    let saved = downloaded_text(&w, "save-file").await;
    w.close();

    let w = Widget::open(None, false).await;
    choose_file(&w, "security-assessment-S6.json", &saved).await;
    wait_for(&w, "the result page", |w| w.has("result")).await;
    w.view("all").await;
    let d = duty(&w, "df-3-6-1-a");
    assert_eq!(text(&part(&d, "owner-text")), MARKUP);
    assert_eq!(text(&part(&d, "note-text")), MARKUP);
    assert_eq!(images(&w), 0);
    w.view("subject-certification").await;
    let d = duty(&w, "df-3-6-1-a");
    assert_eq!(value(&part(&d, "owner")), MARKUP);
    assert_eq!(
        text(&part(&d, "note-count")),
        "You have 972 characters remaining"
    );
    assert_eq!(images(&w), 0);
    w.close();
}
