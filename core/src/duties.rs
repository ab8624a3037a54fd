//! The obligations catalogue: every duty of DF Schedule 2.4 (*Information Security and
//! Assurance*) and of Schedule 2.4 (*Security Management*, 2017), with its paragraph
//! reference and the clause's own words, and the logic that selects the ones that apply.
//! The words are kept apart ([`words`]): with the `lazy-words` feature the program loads
//! them when it first needs them.
//!
//! Uses [`assessment`](crate::assessment) (the level, the schedule, the marking and the
//! route the facts are made of), the `deadline-grammar` crate and the ground floor.
//!
//! The data lives in `core/data/*.toml`. The data compiler (`core/datagen/`, which
//! `build.rs` runs) checks it and turns it into `static` data (`$OUT_DIR/catalogue.rs`,
//! included by `duties/catalogue.rs`), so no data file is parsed at run time (deadline
//! rules included: they are generated as typed
//! [`DeadlineRule`](deadline_grammar::DeadlineRule)s); the obligations are stored compactly
//! there and decoded once, on first use. How the paragraph references were rebuilt is set
//! out in `docs/paragraph-references.md`.
//!
//! Obligations and events are named by the typed ids generated with them
//! ([`ObligationId`], [`EventId`]): an id indexes its table, and the data's id strings
//! ("df-3-6-5") are read and written only where ids leave the program (the save file, the
//! page, the calendar file).
//!
//! - `catalogue`: the generated statics, their types and ids;
//! - `conditions`: the conditions an obligation depends on and the facts they are judged
//!   on;
//! - `select`: which obligations apply;
//! - `device`: the 2017 own-device verdict;
//! - [`words`]: the clauses' own words.
mod catalogue;
mod conditions;
mod device;
mod select;
pub mod words;

pub use catalogue::{
    events, not_obligations, obligations, Category, DeviceVerdictKind, Event, EventId,
    NotAnObligation, Obligation, ObligationId,
};
pub use conditions::{Condition, Facts};
pub use device::{device_verdict, DeviceVerdict, CIO_REFERENCE_PREFIX};
pub use select::{select, Selected};
