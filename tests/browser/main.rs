//! Browser tests: the real App in headless Chromium, Firefox and WebKit, driven through the
//! DOM and asserted through data-testid / data-ref / <time> hooks after
//! `yew::scheduler::flush()`.
#![cfg(target_arch = "wasm32")]

mod kept;
mod merge;
mod plan;
mod portfolio;
mod prerender;
mod presets;
mod tracker;
mod widget;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};
use widget::*;

wasm_bindgen_test_configure!(run_in_browser);

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
    // S5: how the certification requirements will be met, then hosting.
    assert_eq!(w.page(), "question-route");
    assert!(w.has("option-unsure") && w.has("skip"));
    w.answer("b").await;
    assert_eq!(w.page(), "question-hosting");
    w.answer("no").await;
    assert_eq!(w.page(), "check-answers");
    assert_eq!(w.text("value-subjects"), "1,500");
    assert_eq!(w.text("value-value"), "£45,000");
    assert_eq!(w.text("value-commencement"), "4 January 2027");
    assert!(w.text("value-route").starts_with("Route (b)"));
    assert_eq!(w.text("value-hosting"), "No");
    w.click("show-result").await;
    assert_eq!(w.page(), "result");
    assert_eq!(w.text("level"), "S5");
    assert_eq!(w.text("standards"), "Normal");
    w.view("all").await;
    let refs = w.refs();
    assert!(refs.iter().any(|r| r == "3.5.1(b)(ii)"), "{refs:?}");
    assert!(
        !refs.iter().any(|r| r == "3.5.1(a)" || r == "3.5.1(c)"),
        "route (b) and no hosting leave out route (a) and the hosting duty: {refs:?}"
    );
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
    assert!(w
        .text("why-sentence")
        .contains("must use MoJ computing facilities"));
    w.view("why").await;
    // CIO ¶4: long-term access to OFFICIAL-SENSITIVE data needs MoJ computing facilities,
    // even without large volumes of data.
    assert!(
        w.text("device-verdict")
            .contains("must use MoJ computing facilities")
            && w.text("device-verdict").contains("(¶4)"),
        "{}",
        w.text("device-verdict")
    );
    let verdict = w.get("device-verdict").parent_element().unwrap();
    assert_eq!(
        verdict.get_attribute("class").as_deref(),
        Some("smx-warning")
    );
    // The Security Management Plan: 20 Working Days after 14 December 2026.
    w.view("all").await;
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
    // Now S6: the route and hosting questions matter, so they are asked first.
    assert_eq!(w.page(), "question-route");
    w.answer("a").await;
    assert_eq!(w.page(), "question-hosting");
    w.click("skip").await;
    assert_eq!(w.page(), "check-answers");
    assert_eq!(w.text("value-months"), "30 months");
    assert!(w.text("value-route").starts_with("Route (a)"));
    assert_eq!(w.text("value-hosting"), "Not given");
    assert!(w.has("change-route") && w.has("change-hosting"));
    w.click("show-result").await;
    assert_eq!(w.text("level"), "S6");
    w.view("all").await;
    let refs = w.refs();
    assert!(refs.iter().any(|r| r == "3.6.1(a)"), "{refs:?}");
    assert!(!refs.iter().any(|r| r == "3.6.1(b)(ii)"), "{refs:?}");
    // Copy link: the route is in it; hosting, skipped, is left out (not decided).
    w.click("back").await;
    w.click("copy-link").await;
    let link: HtmlInputElement = w.get("link-text").dyn_into().unwrap();
    assert!(
        link.value().ends_with("&months=30&access=no&route=a"),
        "{}",
        link.value()
    );
    w.close();
}

#[wasm_bindgen_test]
async fn deep_links_complete_incomplete_and_invalid() {
    let w = Widget::open(Some("schedule=df&subjects=3000&special=0&value=200000&months=18&access=no&commencement=2027-01-04"), false).await;
    assert_eq!(w.text("level"), "S6");
    assert_eq!(w.text("standards"), "Enhanced");
    w.view("all").await;
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
async fn each_question_page_is_built_afresh() {
    let w = Widget::open(None, false).await;
    w.click("start").await;
    // The first two questions are number questions, laid out alike: were the second page
    // patched from the first, it would keep the first's elements and whatever the browser
    // holds in them (here a mark standing for selection, autofill or a half-typed value).
    let page = w.get("question-subjects");
    let first: HtmlInputElement = w.get("answer").dyn_into().unwrap();
    first.set_attribute("data-probe", "subjects").unwrap();
    w.answer("lots").await;
    assert_eq!(w.errors().len(), 1);
    assert!(
        first.is_same_node(Some(&w.get("answer"))),
        "an error keeps the page (and what is typed)"
    );
    w.answer("1,500").await;
    assert_eq!(w.page(), "question-special");
    let second: HtmlInputElement = w.get("answer").dyn_into().unwrap();
    assert!(!second.is_same_node(Some(&first)), "a new input");
    assert!(
        !first.is_connected() && !page.is_connected(),
        "the old page is gone"
    );
    assert_eq!(second.get_attribute("data-probe"), None);
    assert_eq!(second.value(), "");
    assert!(w.errors().is_empty() && !w.has("field-error"));
    // Back: the first question's page is built afresh too, with its saved answer.
    w.click("back").await;
    assert_eq!(w.page(), "question-subjects");
    let again: HtmlInputElement = w.get("answer").dyn_into().unwrap();
    assert!(!again.is_same_node(Some(&second)) && !again.is_same_node(Some(&first)));
    assert_eq!(again.value(), "1500");
    assert_eq!(again.get_attribute("data-probe"), None);
    w.close();
}

#[wasm_bindgen_test]
async fn computed_classes_mark_errors_and_the_deciding_criterion() {
    let class = |e: Element| e.get_attribute("class");
    let w = Widget::open(
        Some("schedule=df&subjects=50&special=0&value=1000&months=30&access=no"),
        false,
    )
    .await;
    assert_eq!(w.text("level"), "S6");
    w.view("why").await;
    assert_eq!(
        class(w.get("criterion-months")).as_deref(),
        Some("smx-table__row--deciding")
    );
    assert_eq!(class(w.get("criterion-subjects")), None);
    w.click("back").await;
    w.click("change-answers").await;
    w.click("change-subjects").await;
    assert_eq!(
        class(w.get("answer")).as_deref(),
        Some("smx-input smx-input--width-10")
    );
    let group = || w.find("form > .smx-form-group").unwrap();
    assert_eq!(class(group()).as_deref(), Some("smx-form-group"));
    w.answer("lots").await;
    assert_eq!(
        class(w.get("answer")).as_deref(),
        Some("smx-input smx-input--width-10 smx-input--error")
    );
    assert_eq!(
        class(group()).as_deref(),
        Some("smx-form-group smx-form-group--error")
    );
    w.answer("50").await;
    w.click("change-commencement").await;
    w.answer_date("1", "", "2027").await;
    assert!(w.errors()[0].contains("must include a month"));
    assert_eq!(
        class(w.get("date-month")).as_deref(),
        Some("smx-input smx-input--width-2 smx-input--error")
    );
    assert_eq!(
        class(w.get("date-year")).as_deref(),
        Some("smx-input smx-input--width-4")
    );
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
