//! Security Matrix self-assessment widget: the Yew front end.
//!
//! `state` is the pure reducer; `components` render it; `edge` touches the browser for the
//! app (storage, clock, URL, focus, clipboard); `embed` for the page that hosts it (where
//! to mount, data-attribute options, the height sent to a framing page, the panic
//! fallback); `takeover` for what the user did on the pre-rendered start page before the
//! app was ready (below both `app` and `embed`).
#![deny(missing_docs)]

mod app;
mod components;
mod edge;
pub mod embed;
pub mod state;
pub mod takeover;

pub use app::{App, AppProps};
pub use edge::{STORAGE_KEY, WORDS_LOADER};
