//! Taking over the pre-rendered start page (issue 17).
//!
//! The build puts the start page, rendered by these same components, in the page
//! (`[data-smx-prerender]`), and a small boot script in `<head>` (`web/boot.js`) marks the
//! form when Start is pressed (or Enter) before the app is ready. When the app starts, Yew replaces that markup
//! with its own, identical, render; what the user did meanwhile is read first
//! ([`Takeover::read`]) and carried over after the first render ([`Takeover::apply`]): the
//! schedule chosen and a Start pressed (as [`crate::state::Action::TakeOver`]), the element
//! that had focus, and a saved file chosen in its file input.
//!
//! Below both `app` (whose props carry a [`Takeover`]) and `embed` (which reads it where the
//! widget mounts). The attribute names here are handed to the page's scripts by the build
//! (`prerender/src/config.rs`).
use security_matrix_core::Schedule;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventInit, FileList, HtmlElement, HtmlInputElement};

/// Marks the pre-rendered root (written by `prerender/` at build time).
pub const PRERENDER_ATTRIBUTE: &str = "data-smx-prerender";

/// Set to [`PENDING_START`] on the pre-rendered form by the boot script when it was
/// submitted.
pub const PENDING_ATTRIBUTE: &str = "data-smx-pending";

/// The value of [`PENDING_ATTRIBUTE`] for a Start pressed (or Enter).
pub const PENDING_START: &str = "start";

/// The `name` of the start page's schedule radios (`components/start.rs` writes them).
pub const SCHEDULE_INPUT: &str = "smx-schedule";

/// What the user did on the pre-rendered start page before the app was ready.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Takeover {
    /// The schedule of its checked radio, if it had the choice.
    pub schedule: Option<Schedule>,
    /// Whether Start was pressed (or the form submitted with Enter).
    pub start: bool,
    /// The element that had focus in it, as a selector the app's start page matches too.
    pub focus: Option<String>,
    /// A saved file chosen in its file input.
    pub files: Option<FileList>,
}

impl Takeover {
    /// What was done in the pre-rendered start page inside `container` (nothing if there is
    /// none). Read before Yew clears the container to render.
    pub fn read(container: &Element) -> Takeover {
        let Ok(Some(pre)) = container.query_selector(&format!("[{PRERENDER_ATTRIBUTE}]")) else {
            return Takeover::default();
        };
        let find = |selector: &str| pre.query_selector(selector).ok().flatten();
        let input =
            |selector: &str| find(selector).and_then(|e| e.dyn_into::<HtmlInputElement>().ok());
        let focused = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element())
            .filter(|active| pre.contains(Some(active)));
        Takeover {
            schedule: input(&format!(r#"input[name="{SCHEDULE_INPUT}"]:checked"#))
                .and_then(|radio| Schedule::from_id(&radio.value())),
            start: find(&format!(r#"[{PENDING_ATTRIBUTE}="{PENDING_START}"]"#)).is_some(),
            focus: focused.as_ref().and_then(selector_for),
            files: input(r#"input[type="file"]"#)
                .and_then(|i| i.files())
                .filter(|f| f.length() > 0),
        }
    }

    /// Whether the user did anything the app must act on.
    pub fn is_empty(&self) -> bool {
        *self == Takeover::default()
    }

    /// After the app's first render (`root` is its root element, showing the start page):
    /// focus back where it was, and the chosen file handed to the app's own file input (its
    /// change handler reads it as if chosen there). The schedule and Start go through the
    /// reducer instead (`Action::TakeOver`), before this.
    pub fn apply(&self, root: &Element) {
        if let Some(files) = &self.files {
            let input = root
                .query_selector(r#"input[type="file"]"#)
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<HtmlInputElement>().ok());
            if let Some(input) = input {
                input.set_files(Some(files));
                let init = EventInit::new();
                init.set_bubbles(true);
                if let Ok(change) = Event::new_with_event_init_dict("change", &init) {
                    let _ = input.dispatch_event(&change);
                }
            }
        }
        // A Start pressed moves focus to the first question's heading (a page change).
        if let (Some(selector), false) = (&self.focus, self.start) {
            if let Some(el) = root
                .query_selector(selector)
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<HtmlElement>().ok())
            {
                let _ = el.focus();
            }
        }
    }
}

/// `#id`, or `[data-testid="…"]`: how the app's own render of the page finds the element.
fn selector_for(el: &Element) -> Option<String> {
    let id = el.id();
    if !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Some(format!("#{id}"));
    }
    el.get_attribute("data-testid")
        .filter(|t| t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
        .map(|t| format!(r#"[data-testid="{t}"]"#))
}
