//! The modules of the widget's own that load later (`web/lazy-modules.js`): the clauses'
//! words, and the take-aways module that makes the take-away files.
use chrono::NaiveDate;
use security_matrix_core::file::savefile::Document;
use security_matrix_core::takeaways::download::Takeaway;
use wasm_bindgen::JsCast;

#[cfg(feature = "lazy-takeaways")]
use super::download;
#[cfg(not(feature = "lazy-takeaways"))]
use super::{download, now_utc};

/// The function the bundle's start defines (`web/lazy-modules.js`) that loads the words
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

/// What the lazy-module loader the bundle's start defines as `globalThis[loader]` resolves
/// to (it loads the file once; later calls get the same promise): `what` names it in the
/// error when the bundle has no such loader.
async fn load_module(
    loader: &str,
    what: &str,
) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue> {
    let promise = js_sys::Reflect::get(&js_sys::global(), &loader.into())?
        .dyn_into::<js_sys::Function>()
        .map_err(|_| {
            wasm_bindgen::JsValue::from_str(&format!("the bundle defines no {what} loader"))
        })?
        .call0(&wasm_bindgen::JsValue::NULL)?
        .dyn_into::<js_sys::Promise>()?;
    wasm_bindgen_futures::JsFuture::from(promise).await
}

/// The words script's strings, from [`WORDS_LOADER`].
async fn fetch_words() -> Result<Vec<String>, wasm_bindgen::JsValue> {
    let array = load_module(WORDS_LOADER, "words")
        .await?
        .dyn_into::<js_sys::Array>()?;
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
        // (The save file's writer is the pages' code, there on every page with take-aways.)
        let Some(json) = crate::state::later::document_json(document) else {
            return done(false);
        };
        let args = [
            kind.key().to_string(),
            json,
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
    let module = load_module(TAKEAWAYS_LOADER, "take-aways").await?;
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
