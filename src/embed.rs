//! Embedding on a host page: where the widget mounts, the options a host sets with data
//! attributes, the height it reports to a parent frame, and the message shown if it ever
//! panics. Like `edge`, this module touches the browser; it runs once, from `main`.
//!
//! The pure parts (`options_from_attributes`, `HEIGHT_MESSAGE_TYPE`) are tested natively;
//! the rest by the browser tests and `scripts/check-embed.test.mjs`. The attribute names and
//! the options' defaults are handed to the page's scripts by the build
//! (`prerender/src/config.rs`), and `web/mount-options.js` reads the options as
//! [`options_from_attributes`] does (`tests/mount-options.json` holds both to the same cases).
use crate::takeover::Takeover;
use crate::AppProps;
use security_matrix_core::Schedule;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, MutationObserver, MutationObserverInit, ResizeObserver, Window};

/// The attribute that marks a host page's mount element: `<div data-security-matrix>`.
pub const MOUNT_ATTRIBUTE: &str = "data-security-matrix";

/// A direct mount's option: the schedule selected when the user starts.
pub const SCHEDULE_ATTRIBUTE: &str = "data-schedule";

/// A direct mount's option: whether the start page offers the choice of schedule.
pub const SCHEDULE_CHOICE_ATTRIBUTE: &str = "data-schedule-choice";

/// A direct mount's option: the level of the widget's page headings.
pub const HEADING_LEVEL_ATTRIBUTE: &str = "data-heading-level";

/// A direct mount's option: a tender's presets, as a link's fragment carries them
/// (`schedule=df&value=450000&fixed=value&tender=…`, form-encoded).
pub const ANSWERS_ATTRIBUTE: &str = "data-answers";

/// The `type` of the only message the widget ever sends: its content height, to the page
/// that frames it.
pub const HEIGHT_MESSAGE_TYPE: &str = "security-matrix:height";

/// Marks the loading message a page shows until the widget starts (removed at start).
pub const PLACEHOLDER_ATTRIBUTE: &str = "data-smx-placeholder";

/// The function the bundle's start defines (`web/fallback.js`) that replaces the widget with
/// a readable message and a "Start again" button; the panic hook calls it with `"panic"`.
pub const FALLBACK_GLOBAL: &str = "__smxFallback";

/// Where the widget renders, and how it was configured.
pub struct Mount {
    /// The element the widget renders into.
    pub element: Element,
    /// The options for `App`.
    pub props: AppProps,
    /// `true` when the host page marked an element with `data-security-matrix`; `false` when
    /// the widget has the page to itself (its own `index.html`, alone or in an iframe).
    pub direct: bool,
}

/// Options for a direct mount, read from the mount element's data attributes by `get`
/// (the attribute's value, or `None` when absent), plus a warning for each value that was
/// not understood (the default is used instead).
///
/// | attribute | values | default |
/// | --- | --- | --- |
/// | `data-schedule` | `df` \| `sm2017` | `df` |
/// | `data-schedule-choice` | `true` \| `false` | `true` |
/// | `data-heading-level` | `1` … `6` | `2` (the host page has its own `<h1>`) |
/// | `data-answers` | a link's fragment: answers, `fixed`, `tender`, `tender_ref` | none |
///
/// A directly mounted widget never sets the document title: the page is the host's.
pub fn options_from_attributes(get: impl Fn(&str) -> Option<String>) -> (AppProps, Vec<String>) {
    let mut warnings = Vec::new();
    let mut props = AppProps {
        heading_level: 2,
        owns_page: false,
        ..AppProps::default()
    };
    if let Some(v) = get(SCHEDULE_ATTRIBUTE) {
        match Schedule::from_id(v.trim()) {
            Some(s) => props.default_schedule = s,
            None => warnings.push(format!(
                "{SCHEDULE_ATTRIBUTE}=\"{v}\" is not df or sm2017: using df"
            )),
        }
    }
    if let Some(v) = get(SCHEDULE_CHOICE_ATTRIBUTE) {
        match v.trim() {
            "" | "true" => props.offer_schedule_choice = true,
            "false" => props.offer_schedule_choice = false,
            _ => warnings.push(format!(
                "{SCHEDULE_CHOICE_ATTRIBUTE}=\"{v}\" is not true or false: using true"
            )),
        }
    }
    if let Some(v) = get(HEADING_LEVEL_ATTRIBUTE) {
        match v.trim().parse::<u8>() {
            Ok(n @ 1..=6) => props.heading_level = n,
            _ => warnings.push(format!(
                "{HEADING_LEVEL_ATTRIBUTE}=\"{v}\" is not 1 to 6: using 2"
            )),
        }
    }
    if let Some(v) = get(ANSWERS_ATTRIBUTE) {
        let v = v.trim();
        if !v.is_empty() {
            if !crate::state::is_answer_link(v) {
                warnings.push(format!(
                    "{ANSWERS_ATTRIBUTE}=\"{v}\" names no answer (see the README's deep links): none used"
                ));
            }
            props.presets = Some(v.to_string());
        }
    }
    (props, warnings)
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// The first `[data-security-matrix]` element and its options; otherwise `<body>`, with the
/// options of the widget's own page. Loading messages (`data-smx-placeholder`, or anything
/// the host put inside its mount element) are removed; what the user did on a pre-rendered
/// start page among them is kept in `props.takeover` (Yew replaces the page with its own
/// render of it when it mounts).
pub fn find_mount() -> Option<Mount> {
    let document = document()?;
    let selector = format!("[{MOUNT_ATTRIBUTE}]");
    if let Ok(Some(element)) = document.query_selector(&selector) {
        let (props, warnings) = options_from_attributes(|name| element.get_attribute(name));
        for w in warnings {
            web_sys::console::warn_1(&format!("Security Matrix widget: {w}").into());
        }
        if document
            .query_selector_all(&selector)
            .is_ok_and(|all| all.length() > 1)
        {
            web_sys::console::warn_1(
                &"Security Matrix widget: only the first [data-security-matrix] element is used"
                    .into(),
            );
        }
        let takeover = Takeover::read(&element);
        element.set_text_content(None);
        return Some(Mount {
            element,
            props: AppProps {
                takeover,
                boot: Some(boot(props.presets.clone())),
                ..props
            },
            direct: true,
        });
    }
    let body: Element = document.body()?.into();
    let takeover = Takeover::read(&body);
    if let Ok(placeholders) = document.query_selector_all(&format!("[{PLACEHOLDER_ATTRIBUTE}]")) {
        for i in 0..placeholders.length() {
            if let Some(Ok(el)) = placeholders.item(i).map(|n| n.dyn_into::<Element>()) {
                el.remove();
            }
        }
    }
    Some(Mount {
        element: body,
        props: AppProps {
            takeover,
            boot: Some(boot(None)),
            ..AppProps::default()
        },
        direct: false,
    })
}

/// The link, the answers kept in this tab and today's date, read before the first render,
/// with a direct mount's `presets`.
fn boot(presets: Option<String>) -> crate::state::Boot {
    crate::state::Boot {
        stored: crate::edge::read_storage(),
        fragment: crate::edge::fragment(),
        presets,
        today: crate::edge::today(),
    }
}

/// `{ type: "security-matrix:height", height }`: the whole message, nothing else.
pub fn height_message(height: u32) -> JsValue {
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE_TYPE.into());
    let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
    message.into()
}

/// The page that frames this one, if any.
pub fn parent_frame() -> Option<Window> {
    let window = web_sys::window()?;
    let parent = window.parent().ok().flatten()?;
    let (this, that): (&JsValue, &JsValue) = (window.as_ref(), parent.as_ref());
    (this != that).then_some(parent)
}

/// Reports the page's content height to `target` by `postMessage`: at once, then on every
/// change, and never the same height twice. Reporting stops when the returned value is
/// dropped.
///
/// Two observers watch `<html>`, whose height is its content's, not the frame's (so resizing
/// the frame does not feed back): a `ResizeObserver` sees every change of size (fonts, a
/// narrower frame…), and a `MutationObserver` every change of content. The second is needed
/// because browsers hold back rendering, and with it resize observations, in a cross-origin
/// frame that is off screen, while mutation callbacks still run: the host page gets the
/// height before the user scrolls to the widget, not after.
pub struct HeightReporter {
    resize: ResizeObserver,
    mutation: MutationObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl HeightReporter {
    /// Starts reporting to `target` (the parent frame, or any window in tests).
    pub fn start(target: Window) -> Option<HeightReporter> {
        let root = document()?.document_element()?;
        let last = Rc::new(Cell::new(None::<u32>));
        let measured = root.clone();
        let report = move || {
            let height = measured.get_bounding_client_rect().height().ceil().max(0.0) as u32;
            if last.get() != Some(height) {
                last.set(Some(height));
                // Only a height: any page may receive it, so the target origin is "*";
                // `frame-ancestors` decides which pages may frame the widget at all.
                let _ = target.post_message(&height_message(height), "*");
            }
        };
        report();
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries| report());
        let resize = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        resize.observe(&root);
        let mutation = MutationObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        let options = MutationObserverInit::new();
        options.set_subtree(true);
        options.set_child_list(true);
        options.set_character_data(true);
        options.set_attributes(true);
        mutation.observe_with_options(&root, &options).ok()?;
        Some(HeightReporter {
            resize,
            mutation,
            _callback: callback,
        })
    }
}

impl Drop for HeightReporter {
    fn drop(&mut self) {
        self.resize.disconnect();
        self.mutation.disconnect();
    }
}

/// Replaces the widget with a readable message and a "Start again" button (which forgets
/// this tab's answers and reloads the page), through the page's one fallback,
/// [`FALLBACK_GLOBAL`] (`web/fallback.js`, defined by the bundle's start before the app
/// runs; after a panic the app cannot render). Returns `false` if there is none (a page
/// without the bundle's start, such as the browser tests') or it could not show it.
pub fn show_fallback() -> bool {
    let Ok(fallback) = js_sys::Reflect::get(&js_sys::global(), &FALLBACK_GLOBAL.into()) else {
        return false;
    };
    let Ok(fallback) = fallback.dyn_into::<js_sys::Function>() else {
        return false;
    };
    fallback
        .call1(&JsValue::NULL, &"panic".into())
        .is_ok_and(|shown| shown.is_truthy())
}

/// Installs the panic hook: the panic goes to the console (`console_error_panic_hook`), and
/// the mount element shows [`show_fallback`]'s message instead of a dead area. Installed
/// first thing, so even a panic while mounting is covered.
pub fn install_panic_hook() {
    // Through Yew, which otherwise replaces any hook when it renders.
    yew::set_custom_panic_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_fallback();
    }));
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn options(attrs: &[(&str, &str)]) -> (AppProps, Vec<String>) {
        let map: HashMap<String, String> = attrs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        options_from_attributes(|name| map.get(name).cloned())
    }

    #[test]
    fn no_attributes_give_the_direct_mount_defaults() {
        let (p, warnings) = options(&[]);
        assert_eq!(p.default_schedule, Schedule::Df);
        assert!(p.offer_schedule_choice);
        assert_eq!(p.heading_level, 2);
        assert!(!p.owns_page, "a host's page keeps its title");
        assert!(warnings.is_empty());
    }

    #[test]
    fn every_attribute_is_read() {
        let (p, warnings) = options(&[
            ("data-schedule", "sm2017"),
            ("data-schedule-choice", "false"),
            ("data-heading-level", "3"),
        ]);
        assert_eq!(p.default_schedule, Schedule::Sm2017);
        assert!(!p.offer_schedule_choice);
        assert_eq!(p.heading_level, 3);
        assert!(warnings.is_empty());
        let (p, _) = options(&[("data-schedule", " df "), ("data-schedule-choice", "")]);
        assert_eq!(p.default_schedule, Schedule::Df);
        assert!(p.offer_schedule_choice, "a bare attribute means true");
    }

    #[test]
    fn values_not_understood_keep_the_default_and_warn() {
        let (p, warnings) = options(&[
            ("data-schedule", "DF2"),
            ("data-schedule-choice", "no"),
            ("data-heading-level", "7"),
        ]);
        assert_eq!(p.default_schedule, Schedule::Df);
        assert!(p.offer_schedule_choice);
        assert_eq!(p.heading_level, 2);
        assert_eq!(warnings.len(), 3, "{warnings:?}");
        assert!(warnings[0].contains("DF2"));
        let (p, warnings) = options(&[("data-heading-level", "0")]);
        assert_eq!((p.heading_level, warnings.len()), (2, 1));
    }

    #[test]
    fn data_answers_are_a_direct_mounts_presets() {
        let (p, warnings) = options(&[("data-answers", " schedule=df&value=1&fixed=value ")]);
        assert_eq!(
            p.presets.as_deref(),
            Some("schedule=df&value=1&fixed=value")
        );
        assert!(warnings.is_empty());
        let (p, warnings) = options(&[("data-answers", "  ")]);
        assert_eq!((p.presets, warnings.len()), (None, 0));
        let (p, warnings) = options(&[("data-answers", "colour=blue")]);
        assert_eq!(p.presets.as_deref(), Some("colour=blue"));
        assert!(warnings[0].contains("data-answers"), "{warnings:?}");
    }

    #[test]
    fn the_message_type_is_namespaced() {
        assert_eq!(HEIGHT_MESSAGE_TYPE, "security-matrix:height");
    }
}
