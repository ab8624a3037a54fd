//! The two schedules the product implements.
use std::fmt;

/// A security schedule.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Schedule {
    /// DF Schedule 2.4 *Information Security and Assurance* (levels S1–S6).
    #[default]
    Df,
    /// Schedule 2.4 *Security Management* (2017).
    Sm2017,
}

impl Schedule {
    /// Both schedules, the default first.
    pub const ALL: [Schedule; 2] = [Schedule::Df, Schedule::Sm2017];

    /// The key used in links and files: "df" or "sm2017".
    pub fn id(self) -> &'static str {
        match self {
            Schedule::Df => "df",
            Schedule::Sm2017 => "sm2017",
        }
    }

    /// The schedule for a key.
    pub fn from_id(id: &str) -> Option<Schedule> {
        Schedule::ALL.into_iter().find(|s| s.id() == id)
    }

    /// The schedule's title as printed.
    pub fn title(self) -> &'static str {
        match self {
            Schedule::Df => "DF Schedule 2.4 Information Security and Assurance",
            Schedule::Sm2017 => "Schedule 2.4 Security Management (2017)",
        }
    }
}

impl fmt::Display for Schedule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.title())
    }
}
