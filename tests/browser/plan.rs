//! The dated plan view: periods, folded rows with every date a `<time>` inside the row
//! that carries its `data-ref`, past dates, event dates and the calendar file.
use super::widget::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};

/// The S6 example of issue 14, on the plan view.
const S6: &str = "schedule=df&subjects=3000&special=40&professional=no&value=450000&months=36&access=yes&other=no&commencement=2027-04-01&view=plan";

const RESTORE: &str = "3.6, Business Continuity, 3rd paragraph";

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().dyn_into::<Element>().unwrap())
        .collect()
}

fn text(e: &Element) -> String {
    e.text_content().unwrap_or_default().trim().to_string()
}

fn datetimes(root: &Element, selector: &str) -> Vec<String> {
    all(root, selector)
        .iter()
        .map(|t| t.get_attribute("datetime").unwrap())
        .collect()
}

/// The plan row of paragraph `reference`.
fn row(w: &Widget, reference: &str) -> Option<Element> {
    w.find(&format!(
        "[data-testid=\"plan-entry\"][data-ref=\"{reference}\"]"
    ))
}

/// Today in the browser's time zone, `YYYY-MM-DD`, as the widget takes it.
fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// Every date in a plan row is tagged "past" exactly when it is before today.
fn check_past_tags(w: &Widget) {
    let today = today();
    for time in all(&w.root, "[data-testid=\"plan-entry\"] time") {
        let date = time.get_attribute("datetime").unwrap();
        let tagged = time
            .next_element_sibling()
            .is_some_and(|e| e.get_attribute("data-testid").as_deref() == Some("past"));
        assert_eq!(tagged, date < today, "{date} (today {today})");
    }
}

async fn set_event(w: &Widget, event: &str, value: &str) {
    let input: HtmlInputElement = w
        .find(&format!(
            "[data-testid=\"event\"][data-event=\"{event}\"] input"
        ))
        .unwrap_or_else(|| panic!("no date input for {event}"))
        .dyn_into()
        .unwrap();
    w.set_value(&input, value, "change").await;
}

#[wasm_bindgen_test]
async fn the_s6_plan_in_periods_with_folded_rows() {
    let w = Widget::open(Some(S6), false).await;
    assert!(w
        .find("[data-testid=\"result\"][data-view=\"plan\"]")
        .is_some());
    let plan = w.get("plan");
    let periods = all(&plan, "[data-testid=\"plan-period\"]");
    let headings: Vec<String> = periods
        .iter()
        .map(|p| text(&p.query_selector("h1, h2, h3, h4, h5, h6").unwrap().unwrap()))
        .collect();
    assert_eq!(
        headings,
        [
            "Before the Call-Off Commencement Date (1 April 2027)",
            "The first six months: 1 April 2027 to 30 September 2027",
            "The rest of contract year 1: 1 October 2027 to 31 March 2028",
        ]
    );
    // The period's dates are <time>s too.
    assert_eq!(
        datetimes(
            &periods[1],
            "h1 time, h2 time, h3 time, h4 time, h5 time, h6 time"
        ),
        ["2027-04-01", "2027-09-30"]
    );

    // The restore tests: one row in the first six months, all twelve quarter ends in it,
    // the first shown and the other eleven behind a closed disclosure.
    let restore = row(&w, RESTORE).expect("the restore tests' row");
    assert!(periods[1].contains(Some(&restore)));
    assert_eq!(
        all(
            &plan,
            &format!("[data-testid=\"plan-entry\"][data-ref=\"{RESTORE}\"]")
        )
        .len(),
        1
    );
    let fold = restore
        .query_selector("[data-testid=\"plan-fold\"]")
        .unwrap()
        .expect("a fold text");
    assert_eq!(
        text(&fold),
        "every quarter, 30 June 2027 to 31 March 2030, 12 times"
    );
    let quarter_ends = [
        "2027-06-30",
        "2027-09-30",
        "2027-12-31",
        "2028-03-31",
        "2028-06-30",
        "2028-09-30",
        "2028-12-31",
        "2029-03-31",
        "2029-06-30",
        "2029-09-30",
        "2029-12-31",
        "2030-03-31",
    ];
    assert_eq!(datetimes(&restore, "time"), quarter_ends);
    assert_eq!(datetimes(&restore, "details time"), quarter_ends[1..]);
    let details = restore.query_selector("details").unwrap().unwrap();
    assert!(!details.has_attribute("open"), "closed until asked");
    assert_eq!(
        text(&details.query_selector("summary").unwrap().unwrap()),
        "11 other dates"
    );
    assert!(text(&restore).contains("¶3.6, Business Continuity, 3rd paragraph"));

    // A duty that falls once: one date, no fold, no disclosure.
    let ismp = row(&w, "3.6.5").unwrap();
    assert_eq!(datetimes(&ismp, "time"), ["2027-02-18"]);
    assert!(ismp
        .query_selector("details, [data-testid=\"plan-fold\"]")
        .unwrap()
        .is_none());

    // Every row has its dates; the page lists each duty once.
    let rows = all(&plan, "[data-testid=\"plan-entry\"]");
    assert_eq!(rows.len(), 12);
    assert!(rows
        .iter()
        .all(|r| r.query_selector("time").unwrap().is_some()));
    check_past_tags(&w);

    // The other parts stay: the assumption, the events, the standing duties, the file.
    assert!(w.text("plan-assumption").contains("31 March 2027"));
    assert!(w.has("standing") && w.has("download-ics"));
    assert!(!w.has("plan-needs-date"));
    let ics = downloaded_text(&w, "download-ics").await;
    assert!(ics.contains("\r\nRRULE:FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1;COUNT=12\r\n"));
    w.close();
}

#[wasm_bindgen_test]
async fn an_event_date_dates_its_duty_in_its_period_and_can_be_cleared() {
    let w = Widget::open(Some(S6), false).await;
    let amend = |w: &Widget| row(w, "3.6.8");
    assert!(amend(&w).is_none(), "no date, no row");
    // The ISMP not approved on Friday 1 October 2027: amended within 10 Working Days,
    // by Friday 15 October 2027, in the rest of contract year 1.
    set_event(&w, "ismp-non-approval", "2027-10-01").await;
    let input: HtmlInputElement = w
        .find("[data-testid=\"event\"][data-event=\"ismp-non-approval\"] input")
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(input.value(), "2027-10-01");
    let event = w
        .find("[data-testid=\"event\"][data-event=\"ismp-non-approval\"]")
        .unwrap();
    assert_eq!(datetimes(&event, "time"), ["2027-10-15"]);
    let dated = amend(&w).expect("the amendment is in the plan");
    assert_eq!(datetimes(&dated, "time"), ["2027-10-15"]);
    let period = w
        .find("[data-testid=\"plan-period\"][data-period=\"rest-of-year-1\"]")
        .unwrap();
    assert!(period.contains(Some(&dated)));
    // Cleared: the row goes again.
    set_event(&w, "ismp-non-approval", "").await;
    assert!(amend(&w).is_none());
    assert!(w
        .find("[data-testid=\"event\"][data-event=\"ismp-non-approval\"] time")
        .is_none());
    w.close();
}

#[wasm_bindgen_test]
async fn past_dates_are_tagged_and_without_a_start_date_it_is_asked_for() {
    // A contract that started in 2020 and ended in 2022: every date is past.
    let past = S6.replace("commencement=2027-04-01", "commencement=2020-01-06");
    let w = Widget::open(Some(&past), false).await;
    let rows = all(&w.root, "[data-testid=\"plan-entry\"]");
    assert!(!rows.is_empty());
    for r in &rows {
        let class = r.get_attribute("class").unwrap_or_default();
        assert!(class.contains("smx-table__row--past"), "{class}");
        assert_eq!(
            all(r, "time").len(),
            all(r, "[data-testid=\"past\"]").len(),
            "{}",
            r.get_attribute("data-ref").unwrap()
        );
    }
    check_past_tags(&w);
    w.close();

    let undated = S6.replace("&commencement=2027-04-01", "");
    let w = Widget::open(Some(&undated), false).await;
    assert!(w.has("plan-needs-date") && w.has("add-start-date"));
    assert!(!w.has("plan-period") && !w.has("download-ics"));
    // An event's date still dates its duty, in a period of its own.
    set_event(&w, "security-event-awareness", "2027-03-04").await;
    let periods = all(&w.root, "[data-testid=\"plan-period\"]");
    assert_eq!(periods.len(), 1);
    assert!(text(&periods[0]).starts_with("Deadlines from the dates you entered"));
    assert_eq!(
        datetimes(&periods[0], "[data-testid=\"plan-entry\"] time"),
        ["2027-03-05"]
    );
    w.click("add-start-date").await;
    assert_eq!(w.page(), "question-commencement");
    w.close();
}

#[wasm_bindgen_test]
async fn the_2017_plan_says_then_every_year() {
    let w = Widget::open(
        Some("schedule=sm2017&effective=2026-12-14&own_devices=no&view=plan"),
        false,
    )
    .await;
    let review = row(&w, "4.1").expect("the annual review");
    assert_eq!(datetimes(&review, "time"), ["2027-12-14"]);
    assert_eq!(
        text(
            &review
                .query_selector("[data-testid=\"plan-fold\"]")
                .unwrap()
                .unwrap()
        ),
        "14 December 2027, then every year"
    );
    let headings: Vec<String> = all(&w.root, "[data-testid=\"plan-period\"]")
        .iter()
        .map(|p| text(&p.query_selector("h1, h2, h3, h4, h5, h6").unwrap().unwrap()))
        .collect();
    assert_eq!(
        headings,
        [
            "The first six months: 14 December 2026 to 13 June 2027",
            "Contract year 2: 14 December 2027 to 13 December 2028",
        ]
    );
    w.close();
}

#[wasm_bindgen_test]
async fn the_s6_plan_view_is_short_at_1280_px() {
    // The real stylesheet, and the widget 1280 px wide.
    let document = window().document().unwrap();
    let style = document.create_element("style").unwrap();
    style.set_text_content(Some(include_str!("../../static/styles.css")));
    document.head().unwrap().append_child(&style).unwrap();
    let w = Widget::open(Some(S6), false).await;
    w.root.set_attribute("style", "width: 1280px").unwrap();
    let height = w.get("result").get_bounding_client_rect().height();
    let plan = w.get("plan").get_bounding_client_rect().height();
    let fold = w.get("plan-fold");
    let weight = window()
        .get_computed_style(&fold)
        .unwrap()
        .unwrap()
        .get_property_value("font-weight")
        .unwrap();
    w.close();
    style.remove();
    web_sys::console::log_1(
        &format!("S6 plan view: {height:.0} px tall, the plan {plan:.0} px").into(),
    );
    assert_eq!(weight, "700", "the stylesheet applies");
    assert!(height > 500.0 && height < 4_500.0, "{height} px");
}
