//! What the user keeps of their work.
//!
//! - [`tracker`]: each duty's status, owner and evidence, and the progress they give;
//! - [`savefile`]: the saved assessment, one versioned JSON document;
//! - [`link`]: the answers as a link fragment, a public contract;
//! - [`merge`]: a colleague's file of the same assessment merged into this one.
//!
//! Uses [`assessment`](crate::assessment), [`duties`](crate::duties),
//! [`dates`](crate::dates), [`report`](crate::report), [`view`](crate::view) and the
//! ground floor.
pub mod link;
pub mod merge;
pub mod savefile;
pub mod tracker;
