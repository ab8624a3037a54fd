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
pub fn download(file_name: &str, mime: &str, content: &str) {
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
            if let Ok([name, mime, text]) = &made {
                download(name, mime, text);
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
            download(&file.name, file.mime, &file.text);
        }
        done(made.is_ok());
    }
}

/// The current time in UTC (for an iCalendar DTSTAMP).
#[cfg(not(feature = "lazy-takeaways"))]
fn now_utc() -> chrono::NaiveDateTime {
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

/// The file the take-aways module's [`TAKEAWAY_EXPORT`] makes of `args`, through
/// [`TAKEAWAYS_LOADER`]: its name, media type and text.
#[cfg(feature = "lazy-takeaways")]
async fn takeaway_from_module(args: &[String]) -> Result<[String; 3], wasm_bindgen::JsValue> {
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
    Ok([text("name")?, text("mime")?, text("text")?])
}
