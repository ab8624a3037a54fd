//! The dates: when the duties fall due.
//!
//! - [`calendar`]: England and Wales Working Days and bank holidays;
//! - [`deadline`]: the deadline rules of the data evaluated to dates and described;
//! - [`plan`]: the dated plan of the selected duties, and its folding for reading.
//!
//! Uses [`assessment`](crate::assessment), [`duties`](crate::duties) and the ground floor.
pub mod calendar;
pub mod deadline;
pub mod plan;
