//! "Keep on this device": the one localStorage key the widget may write (only after the
//! user ticks the box), what this tab last saw there, and the other tabs' changes to it.
use web_sys::Storage;

/// The one localStorage key "Keep on this device" writes (nothing else is ever written
/// there): the saved file's document, with a `kept` member saying when it last changed.
const DEVICE_KEY: &str = "security-matrix-kept";

/// What the user sees when the browser refuses to keep the work on this device.
const DEVICE_REFUSED: &str = "This browser did not let the tool keep your work on this device (private browsing, storage full or turned off). Nothing on this page is lost: save your answers to a file to keep them.";

fn local_storage() -> Result<Storage, String> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or_else(|| DEVICE_REFUSED.to_string())
}

thread_local! {
    /// What this tab last wrote to, or read from, [`DEVICE_KEY`]: a different value there
    /// means another tab changed it since.
    static LAST_SEEN: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

fn last_seen() -> Option<String> {
    LAST_SEEN.with(|s| s.borrow().clone())
}

fn set_last_seen(value: Option<String>) {
    LAST_SEEN.with(|s| *s.borrow_mut() = value);
}

/// Why the work could not be kept on this device.
#[derive(Debug, PartialEq)]
pub enum KeepError {
    /// The browser refused (private browsing, storage full or turned off): the message.
    Refused(String),
    /// Another tab (or window) kept a different version since this tab last wrote or read
    /// it: writing would overwrite newer work.
    Newer,
}

/// The document part of what [`DEVICE_KEY`] holds (without when it changed).
fn kept_body(value: &str) -> &str {
    match value.strip_prefix("{\"kept\":") {
        Some(rest) => rest.split_once("\",").map_or(rest, |(_, body)| body),
        None => value,
    }
}

/// Keeps the document (the saved file's JSON) on this device, with when it last changed,
/// unless another tab kept a different version since this one last saw it
/// ([`KeepError::Newer`]: never overwrite newer work silently).
pub fn keep_on_device(document_json: &str, changed: &str) -> Result<(), KeepError> {
    let store = local_storage().map_err(KeepError::Refused)?;
    let body = document_json
        .trim_start()
        .strip_prefix('{')
        .unwrap_or(document_json);
    let kept = js_sys::JSON::stringify(&changed.into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| "\"\"".into());
    let value = format!("{{\"kept\":{kept},{body}");
    if let Some(current) = store.get_item(DEVICE_KEY).ok().flatten() {
        if kept_body(&current) == kept_body(&value) {
            set_last_seen(Some(current));
            return Ok(());
        }
        if last_seen().as_deref() != Some(current.as_str()) {
            return Err(KeepError::Newer);
        }
    }
    store
        .set_item(DEVICE_KEY, &value)
        .map_err(|_| KeepError::Refused(DEVICE_REFUSED.to_string()))?;
    set_last_seen(Some(value));
    Ok(())
}

/// This tab takes another tab's version `text` (what the device now holds).
pub fn adopt_kept(text: &str) {
    set_last_seen(Some(text.to_string()));
}

/// "Keep this tab's version": what the device holds now may be overwritten.
pub fn accept_kept() {
    set_last_seen(
        local_storage()
            .ok()
            .and_then(|s| s.get_item(DEVICE_KEY).ok().flatten()),
    );
}

/// What this device keeps: the document and when it last changed, or why it could not be
/// read.
pub fn read_kept() -> Result<(String, String), String> {
    let text = local_storage()?
        .get_item(DEVICE_KEY)
        .ok()
        .flatten()
        .ok_or_else(|| "Nothing is kept on this device any more.".to_string())?;
    set_last_seen(Some(text.clone()));
    let changed = changed_of(&text).unwrap_or_default();
    Ok((text, changed))
}

/// The `kept` member: when it last changed.
fn changed_of(text: &str) -> Option<String> {
    let value = js_sys::JSON::parse(text).ok()?;
    js_sys::Reflect::get(&value, &"kept".into())
        .ok()?
        .as_string()
}

/// What another tab did to [`DEVICE_KEY`], from a `storage` event.
#[derive(Debug, PartialEq)]
pub enum OtherTab {
    /// It kept a different version: the document and when it changed.
    Changed(String, String),
    /// It removed it.
    Removed,
}

/// Listens for other tabs changing [`DEVICE_KEY`] (`storage` events fire only in the
/// other tabs of the origin); `on_change` gets what happened, unless it is what this tab
/// already has. The listener is removed when dropped.
pub fn watch_other_tabs(
    on_change: impl Fn(OtherTab) + 'static,
) -> Option<gloo::events::EventListener> {
    let window = web_sys::window()?;
    Some(gloo::events::EventListener::new(
        &window,
        "storage",
        move |e| {
            let get = |k: &str| js_sys::Reflect::get(e, &k.into()).ok();
            // `key` is null when another tab cleared the whole storage.
            let key = get("key").and_then(|k| k.as_string());
            if key.as_deref().is_some_and(|k| k != DEVICE_KEY) {
                return;
            }
            let new = get("newValue").and_then(|v| v.as_string());
            let seen = last_seen();
            match new {
                None if seen.is_some() => {
                    set_last_seen(None);
                    on_change(OtherTab::Removed);
                }
                None => {}
                Some(v) if seen.as_deref().map(kept_body) == Some(kept_body(&v)) => {
                    set_last_seen(Some(v));
                }
                Some(v) => {
                    let changed = changed_of(&v).unwrap_or_default();
                    on_change(OtherTab::Changed(v, changed));
                }
            }
        },
    ))
}

/// Whether the document this tab has is the one it last kept (nothing of its own is
/// waiting to be written).
pub fn kept_is(document_json: &str) -> bool {
    let body = document_json
        .trim_start()
        .strip_prefix('{')
        .unwrap_or(document_json);
    last_seen().is_some_and(|seen| kept_body(&seen) == body)
}

/// When the assessment kept on this device last changed, if one is kept.
pub fn kept_label() -> Option<String> {
    let text = local_storage().ok()?.get_item(DEVICE_KEY).ok()??;
    let value = js_sys::JSON::parse(&text).ok()?;
    let kept = js_sys::Reflect::get(&value, &"kept".into()).ok()?;
    Some(kept.as_string().unwrap_or_default())
}

/// Removes what this device keeps; `Err` with a message if the browser refused.
pub fn forget_kept() -> Result<(), String> {
    local_storage()?
        .remove_item(DEVICE_KEY)
        .map_err(|_| DEVICE_REFUSED.to_string())?;
    set_last_seen(None);
    Ok(())
}
