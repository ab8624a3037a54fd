//! A tender's presets (issue 25) in the real App: the Customer's answers are not asked and
//! show on check answers as set for the tender, with no Change link; the result names the
//! tender; "Start again" keeps the presets; "own figures" unfixes them; a bad preset's
//! question shows a notice.
use super::widget::*;
use wasm_bindgen_test::*;

const TENDER: &str = "schedule=df&value=450000&months=36&subjects=3000&special=40&professional=no&access=yes&fixed=value,months,subjects,special,professional,access&tender=Prison%20education%20services&tender_ref=MOJ-2027-041";
const FIXED: [&str; 6] = [
    "subjects",
    "special",
    "professional",
    "value",
    "months",
    "access",
];

/// The bidder's side: no other contracts, no date, route (a), hosting not decided.
async fn bidder_side(w: &Widget) {
    assert_eq!(w.page(), "question-other");
    w.answer("no").await;
    assert_eq!(w.page(), "question-commencement");
    w.click("skip").await;
    assert_eq!(w.page(), "question-route");
    w.answer("a").await;
    assert_eq!(w.page(), "question-hosting");
    w.answer("unsure").await;
    assert_eq!(w.page(), "check-answers");
}

#[wasm_bindgen_test]
async fn only_the_bidders_side_is_asked_and_the_customers_answers_are_shown_as_set() {
    let w = Widget::open(Some(TENDER), false).await;
    assert!(!w.has("preset-notice"));
    bidder_side(&w).await;
    for key in FIXED {
        assert_eq!(
            w.text(&format!("fixed-{key}")),
            "Set by the Customer for this tender"
        );
        assert!(!w.has(&format!("change-{key}")), "no Change link for {key}");
    }
    assert_eq!(
        w.text("value-value"),
        "£450,000Set by the Customer for this tender"
    );
    assert!(w.has("change-route") && w.has("change-other"));
    assert_eq!(
        w.text("tender-name"),
        "Prison education services (MOJ-2027-041)"
    );
    assert!(w.text("tender-fixed").contains("value of the services"));
    // Back from check answers: the last question the bidder answered.
    w.click("back").await;
    assert_eq!(w.page(), "question-hosting");
    w.click("back").await;
    w.click("back").await;
    w.click("back").await;
    assert_eq!(w.page(), "question-other");
    w.click("back").await;
    assert_eq!(w.page(), "start-page");
    w.close();
}

#[wasm_bindgen_test]
async fn the_result_names_the_tender_and_start_again_keeps_its_presets() {
    let w = Widget::open(Some(TENDER), false).await;
    bidder_side(&w).await;
    w.click("show-result").await;
    assert_eq!(w.text("level"), "S6");
    let panel = w.text("result-panel");
    assert!(
        panel.contains("For Prison education services (MOJ-2027-041)"),
        "{panel}"
    );
    assert!(w.text("tender-section").contains("clarification process"));
    w.view("why").await;
    assert!(w
        .text("tender-fixed")
        .starts_with("The Customer set these answers for Prison education services"));
    w.view("take").await;
    let statement: web_sys::HtmlTextAreaElement =
        wasm_bindgen::JsCast::dyn_into(w.get("statement")).unwrap();
    assert!(
        statement
            .value()
            .starts_with("For Prison education services (MOJ-2027-041)."),
        "{}",
        statement.value()
    );
    w.click("start-again").await;
    if w.has("confirm-start-again") {
        w.click("confirm-start-again").await;
    }
    assert_eq!(w.page(), "start-page");
    assert_eq!(
        w.text("tender-name"),
        "Prison education services (MOJ-2027-041)"
    );
    w.click("start").await;
    assert_eq!(
        w.page(),
        "question-other",
        "a new assessment of the same tender"
    );
    w.close();
}

#[wasm_bindgen_test]
async fn own_figures_unfix_the_answers() {
    let w = Widget::open(Some(TENDER), false).await;
    bidder_side(&w).await;
    w.click("own-figures").await;
    assert_eq!(w.page(), "check-answers");
    for key in FIXED {
        assert!(!w.has(&format!("fixed-{key}")), "{key} is the bidder's now");
        assert!(w.has(&format!("change-{key}")), "{key} can change");
    }
    assert!(w.text("tender-own-figures").contains("not the tender's"));
    assert!(!w.has("own-figures"), "no button to press twice");
    w.click("change-value").await;
    assert_eq!(w.page(), "question-value");
    w.answer("1000").await;
    assert_eq!(w.page(), "check-answers");
    assert_eq!(w.text("value-value"), "£1,000");
    w.close();
}

#[wasm_bindgen_test]
async fn a_bad_preset_is_asked_with_a_notice() {
    let bad = TENDER.replace("value=450000", "value=lots");
    let w = Widget::open(Some(&bad), false).await;
    assert_eq!(w.page(), "question-value");
    assert!(w.text("preset-notice").contains("could not be used"));
    w.answer("450000").await;
    assert_eq!(w.page(), "question-other");
    assert!(!w.has("preset-notice"));
    w.close();
}
