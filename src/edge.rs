//! The edge: every read or write of the browser (clock, storage, URL, focus, clipboard,
//! files, the modules that load later) lives here, called from effects and event
//! handlers, never from the reducer. This file holds the small ones; `device.rs` keeps
//! work on this device, `files.rs` downloads, reads and saves files, `lazy.rs` loads the
//! words and the take-aways module.
mod device;
mod files;
mod lazy;

use chrono::NaiveDate;
pub use device::{
    accept_kept, adopt_kept, forget_kept, keep_on_device, kept_is, kept_label, read_kept,
    watch_other_tabs, KeepError, OtherTab,
};
pub use files::{
    can_open_in_place, can_save_in_place, download, forget_file, open_in_place, read_file,
    save_in_place, SaveError,
};
pub use lazy::{load_words, make_takeaway, TAKEAWAYS_LOADER, WORDS_LOADER};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, Storage};
use yew::NodeRef;

/// The sessionStorage key the widget keeps its answers under.
pub const STORAGE_KEY: &str = "security-matrix-widget";

/// Today's date on the user's calendar.
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

/// The local time as the save state shows it, "14:02".
pub fn local_time() -> String {
    let now = js_sys::Date::new_0();
    format!("{:02}:{:02}", now.get_hours(), now.get_minutes())
}

/// While `on`, the browser asks before the tab closes or navigates away (`beforeunload`):
/// the listener, removed when dropped.
pub fn leave_guard() -> Option<gloo::events::EventListener> {
    let window = web_sys::window()?;
    let options = gloo::events::EventListenerOptions::enable_prevent_default();
    Some(gloo::events::EventListener::new_with_options(
        &window,
        "beforeunload",
        options,
        |e| {
            e.prevent_default();
            // (Older browsers ask only when `returnValue` is set.)
            let _ = js_sys::Reflect::set(e, &"returnValue".into(), &"".into());
        },
    ))
}

fn session_storage() -> Option<Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// What the widget stored in this tab, if anything.
pub fn read_storage() -> Option<String> {
    session_storage()?.get_item(STORAGE_KEY).ok().flatten()
}

/// Keeps the state for a reload in the same tab (or forgets it when `None`).
pub fn write_storage(value: Option<&str>) {
    if let Some(s) = session_storage() {
        let _ = match value {
            Some(v) => s.set_item(STORAGE_KEY, v),
            None => s.remove_item(STORAGE_KEY),
        };
    }
}

/// The URL fragment without '#', if the page has one.
pub fn fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let hash = hash.strip_prefix('#').unwrap_or(&hash).to_string();
    (!hash.is_empty()).then_some(hash)
}

/// Removes the fragment from the address bar without reloading or adding history, so
/// a reload restores the answers as changed since, not the link's.
pub fn clear_fragment() {
    // An absolute URL: a host page's <base href> must not redirect a relative one.
    let url = page_url();
    if url.is_empty() {
        return;
    }
    if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// The page's address without its fragment.
pub fn page_url() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|h| h.split('#').next().unwrap_or_default().to_string())
        .unwrap_or_default()
}

/// Writes a warning for the host page's developers in the console.
pub fn console_warn(message: &str) {
    web_sys::console::warn_1(&message.into());
}

/// Sets the document title (only when the widget owns the page).
pub fn set_title(title: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(title);
    }
}

/// Moves focus to the first element under `root` that matches `selector`.
pub fn focus_in(root: &NodeRef, selector: &str) {
    let Some(root) = root.cast::<web_sys::Element>() else {
        return;
    };
    if let Ok(Some(el)) = root.query_selector(selector) {
        if let Ok(el) = el.dyn_into::<HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// Moves focus to the element with this id (error summary links).
pub fn focus_id(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        if let Ok(el) = el.dyn_into::<HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// Copies text to the clipboard; `false` if the browser refused.
pub async fn copy_text(text: String) -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    let promise = w.navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// The current time in UTC (for an iCalendar DTSTAMP, and when an entry changed).
pub fn now_utc() -> chrono::NaiveDateTime {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_utc_full_year() as i32,
        now.get_utc_month() + 1,
        now.get_utc_date(),
    )
    .and_then(|d| {
        d.and_hms_opt(
            now.get_utc_hours(),
            now.get_utc_minutes(),
            now.get_utc_seconds(),
        )
    })
    .unwrap_or_default()
}

/// The clock as the reducer is told it before each action ([`crate::state::Clock`]).
pub fn clock() -> crate::state::Clock {
    crate::state::Clock {
        local: local_time(),
        utc: now_utc(),
    }
}

/// Opens the browser's print dialog (print or save as PDF).
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// The text in the `<input>` or `<textarea>` an event came from (its `value`); empty if the
/// target has none. One helper for both kinds of field: the widget's `web-sys` features
/// do not include `HtmlTextAreaElement`.
pub fn field_text(e: &web_sys::Event) -> String {
    e.target()
        .and_then(|t| js_sys::Reflect::get(&t, &"value".into()).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}
