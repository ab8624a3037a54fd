//! Security Matrix self-assessment widget: the Yew front end.
//!
//! `state` is the pure reducer; `components` render it as pages composed of the GOV.UK
//! `elements`; `hooks` are the root's effects, which tie it to `edge`, where the app
//! touches the browser (storage, clock, URL, focus, clipboard); `embed` is for the page
//! that hosts it (where to mount, data-attribute options, the height sent to a framing
//! page, the panic fallback); `takeover` holds what the user did on the pre-rendered start
//! page before the app was ready (below both `app` and `embed`).
#![deny(missing_docs)]

mod app;
mod components;
mod edge;
mod elements;
pub mod embed;
mod hooks;
pub mod state;
pub mod takeover;

pub use app::{App, AppProps};
pub use edge::{STORAGE_KEY, TAKEAWAYS_LOADER, WORDS_LOADER};
