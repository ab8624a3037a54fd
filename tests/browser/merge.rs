//! "Add a colleague's file" (issue 22): two people's files of one assessment merged, one
//! conflict settled on the review page.
use super::widget::*;
use security_matrix_core::file::link::from_fragment;
use security_matrix_core::file::savefile::{to_json, Document};
use security_matrix_core::file::tracker::{Status, Track};
use security_matrix_core::ObligationId;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

const ANSWERS: &str =
    "schedule=df&subjects=50&special=0&value=1000&months=6&access=no&commencement=2027-01-04";

#[wasm_bindgen_test::wasm_bindgen_test]
async fn a_two_person_merge_with_one_conflict_settled_on_the_review_page() {
    let w = Widget::open(Some(&format!("{ANSWERS}&view=subject-governance")), false).await;
    // Yours: the first governance duty marked "not started" here.
    let first = w.find("[data-testid=\"obligation\"]").unwrap();
    let id = first.get_attribute("data-id").unwrap();
    let radio: HtmlInputElement = w
        .find(&format!(
            "[data-testid=\"obligation\"][data-id=\"{id}\"] [data-testid=\"status-not-started\"]"
        ))
        .unwrap()
        .dyn_into()
        .unwrap();
    radio.click();
    w.settle().await;
    // Theirs (saved by an earlier version, so with no change times): the same duty in
    // place, and another duty with an owner.
    let other = ObligationId::all()
        .find(|o| o.as_str() != id && o.as_str().starts_with("df-"))
        .unwrap();
    let theirs = to_json(&Document {
        answers: from_fragment(ANSWERS).answers,
        tracker: [
            (ObligationId::parse(&id).unwrap(), Status::InPlace.into()),
            (
                other,
                Track {
                    owner: "Sam <b>Okafor</b>".into(),
                    ..Track::default()
                },
            ),
        ]
        .into_iter()
        .collect(),
        ..Document::default()
    });
    w.view("take").await;
    choose_file_in(&w, "merge-file", "colleague.json", &theirs).await;
    wait_for(&w, "the review page", |w| w.has("merge-review")).await;
    assert_eq!(w.page(), "merge-review");
    let rows = w
        .root
        .query_selector_all("[data-testid=\"merge-conflict\"]")
        .unwrap();
    assert_eq!(rows.length(), 1, "one conflict");
    let row = w.get("merge-conflict");
    assert_eq!(
        row.get_attribute("data-entry").as_deref(),
        Some(id.as_str())
    );
    let cell = |side: &str| {
        row.query_selector(&format!("[data-testid=\"merge-{side}\"]"))
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    assert_eq!(
        (cell("yours"), cell("theirs")),
        ("Not started".into(), "In place".into())
    );
    // Finishing without a choice says what is missing.
    w.click("finish-merge").await;
    assert!(w.has("error-summary"));
    assert_eq!(w.page(), "merge-review");
    w.click("merge-take").await;
    w.click("finish-merge").await;
    assert_eq!(w.page(), "result");
    assert_eq!(
        w.get("result").get_attribute("data-view").as_deref(),
        Some("take")
    );
    assert!(
        w.text("notice").starts_with(
            "Your colleague's file was merged: 2 entries came in and 1 conflict was settled."
        ),
        "{}",
        w.text("notice")
    );
    // What is saved now holds both people's work, with when each entry changed.
    let saved = downloaded_text(&w, "save-file").await;
    let doc = security_matrix_core::file::savefile::from_json(&saved)
        .unwrap()
        .document;
    let id = ObligationId::parse(&id).unwrap();
    assert_eq!(doc.tracker.get(&id).unwrap().status, Some(Status::InPlace));
    assert_eq!(doc.tracker.get(&other).unwrap().owner, "Sam <b>Okafor</b>");
    assert!(doc.changes.tracker.get(&id).is_some(), "{saved}");
    w.close();
}

#[wasm_bindgen_test::wasm_bindgen_test]
async fn a_file_for_other_answers_is_not_merged_and_the_message_names_them() {
    let w = Widget::open(Some(&format!("{ANSWERS}&view=take")), false).await;
    let theirs = to_json(&Document {
        answers: from_fragment(&ANSWERS.replace("value=1000", "value=9000")).answers,
        ..Document::default()
    });
    choose_file_in(&w, "merge-file", "colleague.json", &theirs).await;
    wait_for(&w, "the problem", |w| w.has("merge-problems")).await;
    assert!(
        w.text("merge-problems")
            .contains("These answers differ: Value of the services"),
        "{}",
        w.text("merge-problems")
    );
    assert_eq!(w.page(), "result");
    w.close();
}
