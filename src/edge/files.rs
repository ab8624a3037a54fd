//! Files: the one download path, reading a file the user chose, and saving in place or
//! opening to save back through the File System Access API where the browser has it.
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

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

thread_local! {
    /// The file this tab saves in place (File System Access API), once the user chose it.
    static FILE_HANDLE: std::cell::RefCell<Option<wasm_bindgen::JsValue>> = const { std::cell::RefCell::new(None) };
}

/// Whether the browser can save in place (`showSaveFilePicker`: Chromium and Edge); felt
/// for at run time, as web-sys's bindings of that API are unstable.
pub fn can_save_in_place() -> bool {
    window_has("showSaveFilePicker")
}

/// Whether the browser can open a file so as to save back to it (`showOpenFilePicker`:
/// Chromium and Edge).
pub fn can_open_in_place() -> bool {
    window_has("showOpenFilePicker")
}

/// Whether `window[name]` is a function (an API felt for at run time).
fn window_has(name: &str) -> bool {
    web_sys::window()
        .is_some_and(|w| js_sys::Reflect::get(&w, &name.into()).is_ok_and(|f| f.is_function()))
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

/// A JS error's `message`, as " (message)" to follow a sentence, or nothing.
fn because(e: &wasm_bindgen::JsValue) -> String {
    js_sys::Reflect::get(e, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .filter(|m| !m.is_empty())
        .map(|m| format!(" ({m})"))
        .unwrap_or_default()
}

fn refused_open(e: &wasm_bindgen::JsValue) -> String {
    format!(
        "The browser did not let the tool read the file{}.",
        because(e)
    )
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
    format!("The browser did not let the tool write the file{}. Nothing on this page is lost: try again, or use \"Save as a new file\".", because(e))
}

/// Forgets the file this tab saves to (Start again).
pub fn forget_file() {
    FILE_HANDLE.with(|h| *h.borrow_mut() = None);
}
