//! What is kept: reloads in the tab, status marks, event dates and saved files.
use super::widget::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlInputElement;

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
    let line = w.get("save-state");
    assert_eq!(line.get_attribute("data-state").as_deref(), Some("unsaved"));
    assert_eq!(
        w.text("save-state"),
        "You have changes that are not saved to a file"
    );
    // Not saved to a file: Start again asks first, and says what goes.
    w.click("start-again").await;
    assert!(w.has("confirm-start-again-page"));
    assert_eq!(w.heading(), "Are you sure you want to start again?");
    assert!(w.text("start-again-loses").contains("your answers"));
    w.click("cancel-start-again").await;
    assert_eq!(w.text("level"), "S1", "No, go back: nothing lost");
    w.click("start-again").await;
    w.click("confirm-start-again").await;
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
async fn status_marks_feed_the_summary_survive_a_reload_and_the_statement_is_shown() {
    let w = Widget::open(Some("schedule=df&subjects=50&special=0&value=1000&months=6&access=no&commencement=2027-01-04&view=subject-governance"), false).await;
    assert_eq!(
        w.get("result").get_attribute("data-view").as_deref(),
        Some("subject-governance")
    );
    let first = w.find("[data-testid=\"obligation\"]").unwrap();
    let reference = first.get_attribute("data-ref").unwrap();
    let radio = |w: &Widget, key: &str| -> HtmlInputElement {
        w.find(&format!(
            "[data-testid=\"obligation\"][data-ref=\"{reference}\"] [data-testid=\"status-{key}\"]"
        ))
        .unwrap()
        .dyn_into()
        .unwrap()
    };
    let clicked = radio(&w, "not-started");
    clicked.click();
    w.settle().await;
    // The mark did not rebuild the list: the radio clicked is still the one in the page.
    assert!(clicked.checked());
    assert!(clicked.is_connected());
    assert_eq!(
        first.get_attribute("data-status").as_deref(),
        Some("not-started")
    );
    // The marks are kept for a reload in this tab, and the radios show them again.
    assert!(storage()
        .get_item(STORAGE_KEY)
        .unwrap()
        .unwrap()
        .contains("not-started"));
    w.close();
    let w = Widget::open(None, true).await;
    assert_eq!(w.page(), "result");
    assert!(
        radio(&w, "not-started").checked(),
        "the stored mark is shown"
    );
    assert!(!radio(&w, "in-place").checked());
    assert_eq!(
        w.root
            .query_selector_all("[data-testid=\"obligation\"] input[type=\"radio\"]:checked")
            .unwrap()
            .length(),
        1
    );
    // Changing the mark moves the check, and the summary's counts follow.
    radio(&w, "in-place").click();
    w.settle().await;
    assert!(radio(&w, "in-place").checked() && !radio(&w, "not-started").checked());
    w.click("back").await;
    assert!(
        w.text("readiness-counts").starts_with("1 of ")
            && w.text("readiness-counts")
                .contains("in place, 0 in progress, 0 not started"),
        "{}",
        w.text("readiness-counts")
    );
    // The statement for the Tender Response is on "Take it with you".
    w.view("take").await;
    let statement: web_sys::HtmlTextAreaElement = w.get("statement").dyn_into().unwrap();
    assert!(
        statement.value().contains("security level S2 applies"),
        "{}",
        statement.value()
    );
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

    let saved = security_matrix_core::file::savefile::to_json(
        &security_matrix_core::file::savefile::Document {
            answers: security_matrix_core::file::link::from_fragment(
                "schedule=df&subjects=3000&special=0&value=1000&months=6&access=no",
            )
            .answers,
            tracker: [(
                security_matrix_core::ObligationId::parse("df-1-3").unwrap(),
                security_matrix_core::file::tracker::Status::InProgress.into(),
            )]
            .into_iter()
            .collect(),
            ..Default::default()
        },
    );
    choose_file(&w, "security-assessment-S6.json", &saved).await;
    wait_for(&w, "the result page", |w| w.has("result")).await;
    assert_eq!(w.text("level"), "S6");
    assert!(
        w.text("readiness-counts")
            .contains("in place, 1 in progress"),
        "{}",
        w.text("readiness-counts")
    );
    // The file's mark is shown on its obligation's radios, and only there.
    w.view("subject-governance").await;
    let checked = w
        .root
        .query_selector_all("[data-testid=\"obligation\"] input[type=\"radio\"]:checked")
        .unwrap();
    assert_eq!(checked.length(), 1);
    let input: HtmlInputElement = checked.item(0).unwrap().dyn_into().unwrap();
    assert_eq!(
        input
            .closest("[data-testid=\"obligation\"]")
            .unwrap()
            .unwrap()
            .get_attribute("data-id")
            .as_deref(),
        Some("df-1-3")
    );
    assert_eq!(input.value(), "in-progress");
    w.close();
}

/// Issue 16: a DF result marked, a 2017 link opened and finished, the answers saved: the
/// file was refused on opening ("The file marks an obligation this tool does not know").
#[wasm_bindgen_test]
async fn a_file_saved_after_a_schedule_change_opens_with_every_mark() {
    const DF: &str =
        "schedule=df&subjects=50&special=0&value=1000&months=6&access=no&view=subject-governance";
    let w = Widget::open(Some(DF), false).await;
    let first = w.find("[data-testid=\"obligation\"]").unwrap();
    let reference = first.get_attribute("data-ref").unwrap();
    let not_yet = |w: &Widget| -> HtmlInputElement {
        w.find(&format!(
            "[data-testid=\"obligation\"][data-ref=\"{reference}\"] [data-testid=\"status-not-started\"]"
        ))
        .unwrap()
        .dyn_into()
        .unwrap()
    };
    not_yet(&w).click();
    w.settle().await;
    follow_link(&w, "schedule=sm2017&own_devices=no").await;
    let sm2017 = |w: &Widget| w.has("result") && w.heading().contains("(2017)");
    wait_for(&w, "the 2017 result", sm2017).await;
    let saved = downloaded_text(&w, "save-file").await;
    w.close();

    let w = Widget::open(None, false).await;
    choose_file(&w, "security-assessment-sm2017.json", &saved).await;
    let opened = |w: &Widget| w.has("result") || w.has("file-problems");
    wait_for(&w, "the file to open or be refused", opened).await;
    assert!(!w.has("file-problems"), "{}", w.text("file-problems"));
    assert!(sm2017(&w), "the 2017 result: {}", w.heading());
    assert!(!w.has("notice"), "{}", w.text("notice"));
    // The DF mark came through the file: back on the DF answers, it is shown.
    follow_link(&w, DF).await;
    wait_for(&w, "the DF result", |w| w.has("obligation")).await;
    assert!(not_yet(&w).checked(), "the DF mark is kept");
    w.close();
}

#[wasm_bindgen_test]
async fn event_dates_survive_a_reload_and_go_into_the_saved_file() {
    let w = Widget::open(Some("schedule=df&subjects=50&special=0&value=1000&months=6&access=no&commencement=2027-01-04&view=plan"), false).await;
    let event = w.get("event");
    let id = event.get_attribute("data-event").unwrap();
    let input = |w: &Widget| -> HtmlInputElement {
        w.find(&format!(
            "[data-testid=\"event\"][data-event=\"{id}\"] input"
        ))
        .unwrap()
        .dyn_into()
        .unwrap()
    };
    let due = |w: &Widget| {
        w.find(&format!(
            "[data-testid=\"event\"][data-event=\"{id}\"] time"
        ))
        .and_then(|t| t.get_attribute("datetime"))
    };
    assert_eq!(due(&w), None, "no date, no deadline");
    w.set_value(&input(&w), "2027-03-01", "change").await;
    let dated = due(&w).expect("the event's deadline is dated");
    assert!(dated.as_str() >= "2027-03-01", "{dated}");
    let saved = downloaded_text(&w, "save-file").await;
    assert!(
        saved.contains(&format!("\"{id}\": \"2027-03-01\"")),
        "{saved}"
    );
    w.close();
    // A reload in the same tab.
    let w = Widget::open(None, true).await;
    assert_eq!(input(&w).value(), "2027-03-01");
    assert_eq!(due(&w).as_deref(), Some(dated.as_str()));
    w.close();
    // The saved file, opened in a fresh tab.
    let w = Widget::open(None, false).await;
    choose_file(&w, "security-assessment-S2.json", &saved).await;
    wait_for(&w, "the result page", |w| w.has("result")).await;
    w.view("plan").await;
    assert_eq!(input(&w).value(), "2027-03-01");
    assert_eq!(due(&w).as_deref(), Some(dated.as_str()));
    w.close();
}
