//! What the user takes away from the result.
//!
//! - [`statement`]: the Tender Response statement;
//! - [`compliance`]: the compliance matrix as a spreadsheet;
//! - [`calendar_file`], written with [`ics`]: the plan as an iCalendar file;
//! - [`notices`]: the ¶1.4 notices to other Customers;
//! - [`download`]: the files among them ([`compliance`], [`calendar_file`]) made from the
//!   saved document, with their names and media types;
//! - [`documents`]: the draft plan, the security response and the ¶1.4 letters, as a
//!   format-independent document model (the Word writer is the `security-matrix-docx`
//!   crate).
//!
//! May use every other part of the crate; nothing in it uses this.
pub mod calendar_file;
pub mod compliance;
pub mod documents;
pub mod download;
pub mod ics;
pub mod notices;
pub mod statement;
