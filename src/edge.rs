//! The edge: every read or write of the browser (clock, storage, URL, focus, clipboard,
//! the words script, the take-aways module) lives here, called from effects and event
//! handlers, never from the reducer.
use chrono::NaiveDate;
use security_matrix_core::file::savefile::Document;
use security_matrix_core::takeaways::download::Takeaway;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, Storage};
use yew::NodeRef;

/// The sessionStorage key the widget keeps its answers under.
pub const STORAGE_KEY: &str = "security-matrix-widget";

/// The one localStorage key "Keep on this device" writes (nothing else is ever written
/// there): the saved file's document, with a `kept` member saying when it last changed.
pub const DEVICE_KEY: &str = "security-matrix-kept";

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

/// How long an offered file's object URL outlives the click: a browser may read the file
/// after the click has returned, and revoking the URL first can lose the download. The file
/// is a few kilobytes; 30 seconds is generous.
const REVOKE_URL_AFTER_MS: u32 = 30_000;

/// Offers a file built in the browser for download (Blob and object URL; nothing is sent).
/// The one download path of the widget: the calendar file and the saved answers use it.
///
/// The `<a download>` is put in the document for the click and taken out straight after
/// (older Firefox ignored a click on an anchor outside the document), and the object URL
/// is revoked only [`REVOKE_URL_AFTER_MS`] later, once the download has started (Safari
/// can lose a download whose URL is revoked at once).
pub fn download<C: gloo::file::BlobContents>(file_name: &str, mime: &str, content: C) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let (Some(body), Ok(a)) = (doc.body(), doc.create_element("a")) else {
        return;
    };
    let blob = gloo::file::Blob::new_with_options(content, Some(mime));
    let url = gloo::file::ObjectUrl::from(blob);
    let _ = a.set_attribute("href", &url);
    let _ = a.set_attribute("download", file_name);
    let _ = a.set_attribute("hidden", "");
    if body.append_child(&a).is_ok() {
        if let Some(a) = a.dyn_ref::<HtmlElement>() {
            a.click();
        }
        a.remove();
    }
    // Dropping `url` revokes it.
    gloo::timers::callback::Timeout::new(REVOKE_URL_AFTER_MS, move || drop(url)).forget();
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

/// Reads a file the user chose, as text (nothing leaves the browser).
pub async fn read_file(file: web_sys::File) -> Result<String, String> {
    if file.size() > 2_000_000.0 {
        return Err("The file is too large to be a saved assessment from this tool.".into());
    }
    let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
    text.ok()
        .and_then(|v| v.as_string())
        .ok_or_else(|| "The file could not be read.".to_string())
}

/// The function the bundle's start defines (`web/words.js`) that loads the words
/// script, `security-matrix-words-<hash>.js`, with its integrity checked by the browser,
/// and resolves to its strings (rejects when it is refused or missing). It loads once;
/// later calls get the same promise.
pub const WORDS_LOADER: &str = "__smxWords";

/// Loads the schedule's words (a `lazy-words` build) and installs them in the core; `Err`
/// when they could not be loaded (the reason is in the console). A same-origin script
/// load, which `script-src 'self'` allows: nothing is sent anywhere.
pub async fn load_words() -> Result<(), ()> {
    let words = fetch_words().await.map_err(|e| {
        web_sys::console::error_2(&"The schedule's words could not be loaded:".into(), &e);
    })?;
    security_matrix_core::duties::words::install(words).map_err(|e| {
        web_sys::console::error_1(&format!("The schedule's words were refused: {e}").into());
    })
}

/// The words script's strings, from [`WORDS_LOADER`].
async fn fetch_words() -> Result<Vec<String>, wasm_bindgen::JsValue> {
    let loader = js_sys::Reflect::get(&js_sys::global(), &WORDS_LOADER.into())?
        .dyn_into::<js_sys::Function>()
        .map_err(|_| wasm_bindgen::JsValue::from_str("the bundle defines no words loader"))?;
    let promise = loader
        .call0(&wasm_bindgen::JsValue::NULL)?
        .dyn_into::<js_sys::Promise>()?;
    let value = wasm_bindgen_futures::JsFuture::from(promise).await?;
    let array = value.dyn_into::<js_sys::Array>()?;
    array
        .iter()
        .map(|v| v.as_string().ok_or_else(|| "not a string".into()))
        .collect()
}

thread_local! {
    /// The file this tab saves in place (File System Access API), once the user chose it.
    static FILE_HANDLE: std::cell::RefCell<Option<wasm_bindgen::JsValue>> = const { std::cell::RefCell::new(None) };
}

/// Whether the browser can save in place (`showSaveFilePicker`: Chromium and Edge); felt
/// for at run time, as web-sys's bindings of that API are unstable.
pub fn can_save_in_place() -> bool {
    web_sys::window().is_some_and(|w| {
        js_sys::Reflect::get(&w, &"showSaveFilePicker".into()).is_ok_and(|f| f.is_function())
    })
}

/// Whether the browser can open a file so as to save back to it (`showOpenFilePicker`:
/// Chromium and Edge).
pub fn can_open_in_place() -> bool {
    web_sys::window().is_some_and(|w| {
        js_sys::Reflect::get(&w, &"showOpenFilePicker".into()).is_ok_and(|f| f.is_function())
    })
}

/// Opens a file through the browser's picker (`showOpenFilePicker`): its name and text, or
/// why not (`None` when the user closed the picker). The tab saves back to the file (see
/// [`save_in_place`]) only when `is_saved_file` says its text is a saved assessment, so a
/// file that did not open is never written.
pub async fn open_in_place(
    is_saved_file: impl Fn(&str) -> bool,
) -> Option<(String, Result<String, String>)> {
    let window: wasm_bindgen::JsValue = web_sys::window()?.into();
    let options = js_sys::Object::new();
    let accept = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &accept,
        &"application/json".into(),
        &js_sys::Array::of1(&".json".into()),
    );
    let kind = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&kind, &"description".into(), &"Saved assessment".into());
    let _ = js_sys::Reflect::set(&kind, &"accept".into(), &accept);
    let _ = js_sys::Reflect::set(&options, &"types".into(), &js_sys::Array::of1(&kind));
    let handles =
        match call_async(&window, "showOpenFilePicker", &js_sys::Array::of1(&options)).await {
            Ok(handles) => handles,
            Err(e) if error_name(&e).as_deref() == Some("AbortError") => return None,
            Err(e) => return Some((String::new(), Err(refused_open(&e)))),
        };
    let handle = js_sys::Reflect::get(&handles, &0.into()).ok()?;
    let name = js_sys::Reflect::get(&handle, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    let file = match call_async(&handle, "getFile", &js_sys::Array::new()).await {
        Ok(file) => file.unchecked_into::<web_sys::File>(),
        Err(e) => return Some((name, Err(refused_open(&e)))),
    };
    let text = read_file(file).await;
    if text.as_deref().is_ok_and(&is_saved_file) {
        FILE_HANDLE.with(|h| *h.borrow_mut() = Some(handle));
    }
    Some((name, text))
}

fn error_name(e: &wasm_bindgen::JsValue) -> Option<String> {
    js_sys::Reflect::get(e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
}

fn refused_open(e: &wasm_bindgen::JsValue) -> String {
    let why = js_sys::Reflect::get(e, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_default();
    if why.is_empty() {
        "The browser did not let the tool read the file.".into()
    } else {
        format!("The browser did not let the tool read the file ({why}).")
    }
}

/// How a save in place ended when it did not write.
#[derive(Debug, PartialEq)]
pub enum SaveError {
    /// The user closed the picker.
    Cancelled,
    /// The browser refused (permission, or the file could not be written): the message.
    Refused(String),
}

async fn call_async(
    target: &wasm_bindgen::JsValue,
    method: &str,
    args: &js_sys::Array,
) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue> {
    let f = js_sys::Reflect::get(target, &method.into())?.dyn_into::<js_sys::Function>()?;
    let promise = f.apply(target, args)?;
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&promise)).await
}

/// Saves `content` in the file this tab saves to, asking where first (the picker) when
/// there is none yet or `new_file`; the file's name, or why not. Only where
/// [`can_save_in_place`].
pub async fn save_in_place(
    suggested: &str,
    content: &str,
    new_file: bool,
) -> Result<String, SaveError> {
    let window: wasm_bindgen::JsValue = web_sys::window()
        .ok_or_else(|| SaveError::Refused("No window.".into()))?
        .into();
    let kept = FILE_HANDLE
        .with(|h| h.borrow().clone())
        .filter(|_| !new_file);
    let handle = match kept {
        Some(h) => h,
        None => {
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"suggestedName".into(), &suggested.into());
            call_async(&window, "showSaveFilePicker", &js_sys::Array::of1(&options))
                .await
                .map_err(|e| {
                    if error_name(&e).as_deref() == Some("AbortError") {
                        SaveError::Cancelled
                    } else {
                        SaveError::Refused(refused(&e))
                    }
                })?
        }
    };
    let write = async {
        let writable = call_async(&handle, "createWritable", &js_sys::Array::new()).await?;
        call_async(&writable, "write", &js_sys::Array::of1(&content.into())).await?;
        call_async(&writable, "close", &js_sys::Array::new()).await
    };
    write.await.map_err(|e| SaveError::Refused(refused(&e)))?;
    let name = js_sys::Reflect::get(&handle, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_else(|| suggested.to_string());
    FILE_HANDLE.with(|h| *h.borrow_mut() = Some(handle));
    Ok(name)
}

fn refused(e: &wasm_bindgen::JsValue) -> String {
    let why = js_sys::Reflect::get(e, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_default();
    format!("The browser did not let the tool write the file{}. Nothing on this page is lost: try again, or use \"Save as a new file\".", if why.is_empty() { String::new() } else { format!(" ({why})") })
}

/// Forgets the file this tab saves to (Start again).
pub fn forget_file() {
    FILE_HANDLE.with(|h| *h.borrow_mut() = None);
}

/// The function the bundle's start defines (`web/lazy-modules.js`) that loads the
/// take-aways module, `security-matrix-takeaways-<hash>.js` (the `takeaways/` crate: the
/// writers only downloads need), with its integrity checked by the browser, and resolves to
/// its exports once its WebAssembly has started (rejects when it is refused, missing or
/// cannot start). It loads once; later calls get the same promise.
pub const TAKEAWAYS_LOADER: &str = "__smxTakeaways";

/// The take-aways module's export that makes a file: the `takeaways/` crate's
/// `#[wasm_bindgen] fn takeaway(kind, document, today, now)`.
#[cfg(feature = "lazy-takeaways")]
const TAKEAWAY_EXPORT: &str = "takeaway";

/// Makes the take-away file `kind` of `document`'s result (worked out for `today`, as the
/// result page is) and offers it for download; then calls `done` with whether it was made.
///
/// A `lazy-takeaways` build (the production build) has not the writers: it loads the
/// take-aways module through [`TAKEAWAYS_LOADER`] (once; a same-origin script load, which
/// `script-src 'self'` allows: nothing is sent anywhere) and calls `done` when the file is
/// offered or could not be (the reason is in the console). Other builds (tests, the native
/// pre-render) make it here at once, with the same core function the module calls.
pub fn make_takeaway(
    kind: Takeaway,
    document: &Document,
    today: NaiveDate,
    done: impl FnOnce(bool) + 'static,
) {
    #[cfg(feature = "lazy-takeaways")]
    {
        let args = [
            kind.key().to_string(),
            security_matrix_core::file::savefile::to_json(document),
            today.to_string(),
            String::from(js_sys::Date::new_0().to_iso_string()),
        ];
        wasm_bindgen_futures::spawn_local(async move {
            let made = takeaway_from_module(&args).await.map_err(|e| {
                web_sys::console::error_2(&"The take-away file could not be made:".into(), &e);
            });
            match &made {
                Ok((name, mime, ModuleFile::Text(text))) => download(name, mime, text.as_str()),
                Ok((name, mime, ModuleFile::Bytes(bytes))) => {
                    download(name, mime, bytes.as_slice())
                }
                Err(_) => {}
            }
            done(made.is_ok());
        });
    }
    #[cfg(not(feature = "lazy-takeaways"))]
    {
        let made = kind.make(document, today, now_utc()).map_err(|e| {
            web_sys::console::error_1(&format!("The take-away file could not be made: {e}").into());
        });
        if let Ok(file) = &made {
            download(&file.name, file.mime, file.text.as_str());
        }
        done(made.is_ok());
    }
}

/// The file the take-aways module's [`TAKEAWAY_EXPORT`] makes of `args`, through
/// [`TAKEAWAYS_LOADER`]: its name, media type and text.
#[cfg(feature = "lazy-takeaways")]
async fn takeaway_from_module(
    args: &[String],
) -> Result<(String, String, ModuleFile), wasm_bindgen::JsValue> {
    use wasm_bindgen::JsValue;
    let loader = js_sys::Reflect::get(&js_sys::global(), &TAKEAWAYS_LOADER.into())?
        .dyn_into::<js_sys::Function>()
        .map_err(|_| JsValue::from_str("the bundle defines no take-aways loader"))?;
    let promise = loader
        .call0(&JsValue::NULL)?
        .dyn_into::<js_sys::Promise>()?;
    let module = wasm_bindgen_futures::JsFuture::from(promise).await?;
    let make = js_sys::Reflect::get(&module, &TAKEAWAY_EXPORT.into())?
        .dyn_into::<js_sys::Function>()
        .map_err(|_| JsValue::from_str("the take-aways module has no takeaway function"))?;
    let args: js_sys::Array = args.iter().map(|a| JsValue::from_str(a)).collect();
    let file = make.apply(&JsValue::NULL, &args)?;
    let text = |key: &str| -> Result<String, JsValue> {
        js_sys::Reflect::get(&file, &key.into())?
            .as_string()
            .ok_or_else(|| JsValue::from_str(&format!("the take-away file has no {key}")))
    };
    let content =
        match js_sys::Reflect::get(&file, &"bytes".into())?.dyn_into::<js_sys::Uint8Array>() {
            Ok(bytes) => ModuleFile::Bytes(bytes.to_vec()),
            Err(_) => ModuleFile::Text(text("text")?),
        };
    Ok((text("name")?, text("mime")?, content))
}

/// What the take-aways module made: a text file, or a Word document's bytes.
#[cfg(feature = "lazy-takeaways")]
enum ModuleFile {
    Text(String),
    Bytes(Vec<u8>),
}
