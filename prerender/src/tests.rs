use super::*;

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

#[test]
fn the_page_is_the_start_page_with_its_heading_choice_and_start_button() {
    let p = prerender();
    let page = &p.page;
    assert!(
        page.starts_with(r#"<div data-testid="app" class="smx" data-smx-prerender>"#),
        "{page}"
    );
    assert_eq!(count(page, MARKER), 1);
    assert!(page.contains(r#"data-testid="start-page""#));
    assert!(page.contains(r#"data-smx-focus="heading" data-testid="page-heading" class="smx-heading-xl">Work out your security level</h1>"#));
    assert_eq!(count(page, "<h1"), 1);
    assert!(page.contains(r#"<button type="submit" data-testid="start""#));
    // The choice of schedule, DF chosen (the default), each radio with its label.
    assert!(
        page.contains(r#"<input value="df" checked id="smx-schedule-df""#),
        "{page}"
    );
    assert!(
        page.contains(r#"<input value="sm2017" id="smx-schedule-sm2017""#),
        "{page}"
    );
    assert_eq!(count(page, r#"name="smx-schedule""#), 2);
    assert!(page.contains(r#"data-testid="open-file-input""#));
    // The footer shows this build's rules version: the pre-render is of these rules.
    assert!(page.contains(&format!(
        r#"<code data-testid="rules-version">{}</code>"#,
        security_matrix_core::RULES_VERSION
    )));
}

#[test]
fn nothing_the_csp_forbids_and_no_hydration_comments() {
    for page in [prerender().page, prerender().direct_page] {
        for forbidden in ["<script", "<style", " style=", "<!--", "javascript:"] {
            assert!(!page.contains(forbidden), "{forbidden} in {page}");
        }
        // No event handler attributes (` onclick=`…): every tag's attribute names.
        for tag in page.split('<').skip(1) {
            let tag = &tag[..tag.find('>').unwrap()];
            for name in tag
                .split_whitespace()
                .skip(1)
                .filter_map(|a| a.split('=').next())
            {
                assert!(!name.starts_with("on"), "{name} in <{tag}>");
            }
        }
    }
}

#[test]
fn the_direct_mount_page_has_the_hosts_heading_level() {
    let direct = prerender().direct_page;
    assert_eq!(count(&direct, "<h1"), 0);
    assert!(direct.contains(r#"class="smx-heading-xl">Work out your security level</h2>"#));
    assert!(
        direct.contains("<h3"),
        "the saved-file heading is one level below"
    );
    assert_eq!(count(&direct, MARKER), 1);
}

#[test]
fn the_same_markup_every_time() {
    assert_eq!(prerender().page, prerender().page);
    assert_eq!(render(AppProps::default()), render(AppProps::default()));
}

#[test]
fn mark_root_marks_only_the_root() {
    let html = r#"<div data-testid="app" class="smx"><div data-testid="x"></div></div>"#;
    assert_eq!(
        mark_root(html),
        r#"<div data-testid="app" class="smx" data-smx-prerender><div data-testid="x"></div></div>"#
    );
}

#[test]
#[should_panic(expected = "root <div")]
fn mark_root_refuses_markup_that_is_not_the_app() {
    mark_root("<p>Loading</p>");
}

#[test]
fn the_json_has_what_postbuild_reads() {
    let p = prerender();
    let v: serde_json::Value = serde_json::from_str(&p.to_json()).unwrap();
    assert_eq!(v["page"], p.page.as_str());
    assert_eq!(v["directPage"], p.direct_page.as_str());
    assert_eq!(v["config"]["linkKeys"]["keys"][0], "schedule");
    assert_eq!(v["config"]["linkKeys"]["maxContracts"], 50);
    let words = v["words"].as_array().unwrap();
    assert_eq!(
        words.len(),
        security_matrix_core::duties::words::builtin().len()
    );
    assert!(words
        .iter()
        .all(|w| w.as_str().is_some_and(|w| !w.is_empty())));
    assert!(v["config"]["linkKeys"]["contractFields"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f == "customer"));
}

#[test]
fn the_config_names_what_the_pages_markup_carries() {
    let p = prerender();
    let c = &p.config;
    let s = |v: &serde_json::Value| v.as_str().unwrap().to_string();
    // The app's root and Start, by the test ids the scripts look for.
    assert!(p.page.starts_with(&format!(
        r#"<div data-testid="{}" class="smx" {}>"#,
        s(&c["testIds"]["app"]),
        s(&c["attributes"]["prerender"])
    )));
    assert!(p.page.contains(&format!(
        r#"<button type="submit" data-testid="{}""#,
        s(&c["testIds"]["start"])
    )));
    // The schedule radios, by their name, one per schedule the options accept.
    let schedules = c["mount"]["schedules"].as_array().unwrap();
    assert_eq!(
        count(&p.page, &format!(r#"name="{}""#, s(&c["scheduleInput"]))),
        schedules.len()
    );
    // The direct page is rendered with the options' defaults: headings from that level.
    let level = c["mount"]["headingLevel"].as_u64().unwrap();
    assert!(p.direct_page.contains(&format!(
        r#"class="smx-heading-xl">Work out your security level</h{level}>"#
    )));
    assert_eq!(c["mount"]["ownPageHeadingLevel"], 1);
    assert_eq!(c["storageKey"], security_matrix::STORAGE_KEY);
}

#[test]
fn the_csp_forbids_every_connection_and_inline_code() {
    let csp = config::CONTENT_SECURITY_POLICY;
    assert!(csp.contains("connect-src 'none'"));
    assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval';"));
    for unsafe_ in [
        "'unsafe-inline'",
        "'unsafe-eval'",
        "'unsafe-hashes'",
        "frame-ancestors",
        "\"",
        "&",
    ] {
        assert!(!csp.contains(unsafe_), "{unsafe_} in {csp}");
    }
}

/// The direct mount's options: `web/mount-options.js` reads them as
/// `options_from_attributes` does, on the same cases (`tests/mount-options.json`, which
/// `scripts/check-web.test.mjs` runs through the JavaScript).
#[test]
fn the_mount_options_cases_hold_for_the_app() {
    let cases: serde_json::Value =
        serde_json::from_str(include_str!("../../tests/mount-options.json")).unwrap();
    let cases = cases.as_array().unwrap();
    assert!(cases.len() >= 10);
    for case in cases {
        let attrs = case["attributes"].as_object().unwrap();
        let (props, _) = security_matrix::embed::options_from_attributes(|name| {
            attrs.get(name).map(|v| v.as_str().unwrap().to_string())
        });
        let want = &case["options"];
        assert_eq!(
            props.heading_level as u64,
            want["headingLevel"].as_u64().unwrap(),
            "{case}"
        );
        assert_eq!(
            props.offer_schedule_choice,
            want["scheduleChoice"].as_bool().unwrap(),
            "{case}"
        );
        assert_eq!(props.default_schedule.id(), want["schedule"], "{case}");
        assert_eq!(props.presets.as_deref(), want["answers"].as_str(), "{case}");
    }
}
