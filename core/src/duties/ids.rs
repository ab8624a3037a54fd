//! The typed ids of the catalogue, generated with it by `build.rs`: [`ObligationId`] and
//! [`EventId`] (the enum itself is generated, one variant per `[[event]]`). An id indexes
//! its table; the data's id strings are only for where ids leave the program: `as_str`
//! and `Display` write them, `parse` reads them back (the save file, the page, tests).
use std::fmt;

use super::{all_obligations, Event, EventId, Obligation, EVENTS, EVENT_IDS};
use super::{OBLIGATION_COUNT, OBLIGATION_IDS};
use crate::id_map::Id;

/// An obligation of either schedule: its position in the catalogue, the DF schedule's
/// obligations first, then the 2017 schedule's, each in schedule order. So ids order as
/// the catalogue does.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ObligationId(pub(super) u16);

impl ObligationId {
    /// The data's id, such as "df-3-6-5".
    pub fn as_str(self) -> &'static str {
        OBLIGATION_IDS[self.index()]
    }

    /// The id whose data id is `id` ("df-3-6-5"), if there is one.
    pub fn parse(id: &str) -> Option<ObligationId> {
        let i = OBLIGATION_IDS.iter().position(|&x| x == id)?;
        Some(ObligationId::numbered(i))
    }

    /// Every obligation's id, in catalogue order.
    pub fn all() -> impl Iterator<Item = ObligationId> {
        (0..OBLIGATION_COUNT).map(ObligationId::numbered)
    }

    /// The id numbered `index`, below the number of obligations.
    pub(super) fn numbered(index: usize) -> ObligationId {
        // (The data compiler's `catalogue/codegen.rs` makes sure every number fits.)
        ObligationId(index as u16)
    }

    /// The obligation.
    pub fn obligation(self) -> &'static Obligation {
        &all_obligations()[self.index()]
    }
}

impl Id for ObligationId {
    fn index(self) -> usize {
        usize::from(self.0)
    }
}

impl fmt::Display for ObligationId {
    /// The data's id.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for ObligationId {
    /// `ObligationId("df-3-6-5")`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("ObligationId").field(&self.as_str()).finish()
    }
}

impl EventId {
    /// The data's id, such as "ismp-non-approval".
    pub fn as_str(self) -> &'static str {
        EVENT_IDS[self.index()]
    }

    /// The event whose data id is `id` ("ismp-non-approval"), if there is one.
    pub fn parse(id: &str) -> Option<EventId> {
        EventId::ALL.into_iter().find(|e| e.as_str() == id)
    }

    /// The event.
    pub fn event(self) -> &'static Event {
        &EVENTS[self.index()]
    }
}

impl Id for EventId {
    fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for EventId {
    /// The data's id.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
