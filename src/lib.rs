//! Security Matrix self-assessment widget: the Yew front end.
//!
//! `state` is the pure reducer; `components` render it; `edge` is the only module that
//! touches the browser (storage, clock, URL, focus, clipboard).
#![deny(missing_docs)]

mod app;
mod components;
mod edge;
pub mod state;

pub use app::{App, AppProps};
