//! The root's effects, one named hook per file (as Yew's examples keep them): each ties
//! the reducer to the browser through `crate::edge`, and `app()` calls them in this order
//! (Yew runs effects in the order their hooks are called). Like Yew's own `use_effect_with`,
//! each is a function that returns its effect's hook, not a `#[hook]` wrapper around it
//! (each wrapper costs the bundle a type of its own).
mod use_clear_link;
mod use_focus;
mod use_keep;
mod use_leave_guard;
mod use_open_link;
mod use_other_tabs;
mod use_pages_code;
mod use_persist;
mod use_preset_report;
mod use_print;
mod use_restore;
mod use_takeaway;
mod use_title;
mod use_words;

pub use use_clear_link::use_clear_link;
pub use use_focus::use_focus;
pub use use_keep::use_keep;
pub use use_leave_guard::use_leave_guard;
pub use use_open_link::use_open_link;
pub use use_other_tabs::use_other_tabs;
pub use use_pages_code::use_pages_code;
pub use use_persist::use_persist;
pub use use_preset_report::use_preset_report;
pub use use_print::use_print;
pub use use_restore::use_restore;
pub use use_takeaway::use_takeaway;
pub use use_title::use_title;
pub use use_words::use_words;
