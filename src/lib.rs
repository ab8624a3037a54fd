//! Security Matrix self-assessment widget: the Yew front end.
#![deny(missing_docs)]

mod app;

pub use app::App;
