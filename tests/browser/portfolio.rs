//! The other Call-Off Contracts in the browser: add, change and remove by mouse and by
//! keyboard (Enter submits), the notices for three Customers, user text as plain text.
use crate::widget::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

async fn fill(w: &Widget, name: &str, customer: &str, subjects: &str, level: &str) {
    w.type_in("contract-name", name).await;
    w.type_in("contract-customer", customer).await;
    w.type_in("contract-subjects", subjects).await;
    w.type_in("contract-special", "0").await;
    w.click(&format!("contract-level-{level}")).await;
}

/// Enter in a field: the browser submits the form (the event it fires), as a keyboard
/// user does it.
async fn press_enter(w: &Widget) {
    let form = w.find("form").unwrap();
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    form.dispatch_event(&web_sys::Event::new_with_event_init_dict("submit", &init).unwrap())
        .unwrap();
    w.settle().await;
}

fn all_text(w: &Widget, testid: &str) -> Vec<String> {
    let list = w
        .find("[data-testid=\"app\"]")
        .unwrap()
        .query_selector_all(&format!("[data-testid=\"{testid}\"]"))
        .unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn add_change_and_remove_contracts() {
    let w = Widget::open(None, false).await;
    w.click("start").await;
    for a in ["100", "0", "£45k", "18", "no", "yes"] {
        w.answer(a).await;
    }
    assert!(w.has("contract-page"));
    assert_eq!(w.heading(), "Add a Call-Off Contract");
    // Nothing filled in: the errors, and focus on the summary.
    w.click("save-contract").await;
    assert_eq!(w.errors().len(), 4, "{:?}", w.errors());
    assert!(w.errors()[0].contains("Enter the Customer"));
    let focused = window().document().unwrap().active_element().unwrap();
    assert_eq!(
        focused.get_attribute("data-testid").as_deref(),
        Some("error-summary")
    );
    // By mouse.
    fill(&w, "Prison health", "HMPPS", "1,000", "S3").await;
    w.click("save-contract").await;
    assert!(w.has("contracts"));
    assert_eq!(w.heading(), "You have listed 1 other Call-Off Contract");
    // By keyboard: Enter submits the form.
    w.click("add-contract").await;
    fill(&w, "", "Legal Aid Agency", "200", "none").await;
    press_enter(&w).await;
    assert_eq!(w.heading(), "You have listed 2 other Call-Off Contracts");
    assert_eq!(
        all_text(&w, "contract-customer"),
        ["Customer: HMPPS", "Customer: Legal Aid Agency"]
    );
    // Change the first.
    w.get("change-contract")
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
    w.settle().await;
    assert_eq!(w.heading(), "Change a Call-Off Contract");
    w.type_in("contract-subjects", "1,200").await;
    w.click("save-contract").await;
    assert!(w.text("contract-list").contains("1,200 data subjects"));
    // Remove the first: the Legal Aid Agency's is left.
    w.click("remove-contract").await;
    assert_eq!(
        all_text(&w, "contract-customer"),
        ["Customer: Legal Aid Agency"]
    );
    // It can be put back where it was, then removed again.
    assert!(w.text("contract-removed").starts_with("You removed "));
    w.click("undo-remove-contract").await;
    assert_eq!(all_text(&w, "contract-customer").len(), 2);
    assert!(w.find("[data-testid=\"contract-removed\"]").is_none());
    w.click("remove-contract").await;
    assert_eq!(
        all_text(&w, "contract-customer"),
        ["Customer: Legal Aid Agency"]
    );
    w.click("continue").await;
    assert_eq!(w.page(), "question-commencement");
    w.close();
}

#[wasm_bindgen_test]
async fn three_customers_to_notify_each_with_a_draft() {
    let w = Widget::open(
        Some("schedule=df&subjects=2000&special=0&value=200000&months=18&access=no&c1_name=Prison%20health&c1_customer=HMPPS&c1_subjects=300&c1_special=0&c1_level=S3&c2_customer=Legal%20Aid%20Agency&c2_subjects=200&c2_special=0&c2_level=none&c3_name=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&c3_customer=HMCTS%20%3Cb%3Ebold%3C%2Fb%3E&c3_subjects=100&c3_special=0&c3_level=S5"),
        false,
    )
    .await;
    assert_eq!(w.page(), "result");
    assert_eq!(w.text("level"), "S6");
    let customers = all_text(&w, "notice-customer");
    assert_eq!(customers.len(), 3, "{customers:?}");
    assert!(customers[0].contains("HMPPS"));
    assert!(customers[1].contains("Legal Aid Agency"));
    assert!(
        customers[2].contains("HMCTS <b>bold</b>"),
        "plain text: {}",
        customers[2]
    );
    let drafts = all_text(&w, "draft-notice");
    assert_eq!(drafts.len(), 3);
    assert!(drafts[0].contains("Dear HMPPS,"));
    assert!(drafts[0].contains("\u{201c}Prison health\u{201d}: from S3 to S6"));
    assert!(drafts[1].contains("no level has been set; S6 applies"));
    assert!(
        drafts[2].contains("<img src=x onerror=alert(1)>"),
        "{}",
        drafts[2]
    );
    assert!(drafts
        .iter()
        .all(|d| d.contains("paragraph 1.4") && d.contains("timetable")));
    // The user's text is never markup.
    assert!(w.find("[data-testid=\"app\"] img").is_none());
    assert!(w.find("[data-testid=\"notice-customer\"] b").is_none());
    assert_eq!(all_text(&w, "copy-draft").len(), 3);
    w.close();
}
