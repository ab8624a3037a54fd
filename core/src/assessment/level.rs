//! Security levels (S1–S6) and the Schedule 2.3 Standards levels that follow from them.
use std::fmt;

/// A security level of DF Schedule 2.4, from the Annex Security Matrix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Security Level 1 (¶3.1).
    S1,
    /// Security Level 2 (¶3.2).
    S2,
    /// Security Level 3 (¶3.3).
    S3,
    /// Security Level 4 (¶3.4).
    S4,
    /// Security Level 5 (¶3.5).
    S5,
    /// Security Level 6 (¶3.6).
    S6,
}

impl Level {
    /// All levels, lowest first.
    pub const ALL: [Level; 6] = [
        Level::S1,
        Level::S2,
        Level::S3,
        Level::S4,
        Level::S5,
        Level::S6,
    ];

    /// 1 for S1 … 6 for S6.
    pub fn number(self) -> u8 {
        self as u8 + 1
    }

    /// The level for a number 1–6.
    pub fn from_number(n: u8) -> Option<Level> {
        Level::ALL.get(usize::from(n).checked_sub(1)?).copied()
    }

    /// Parses "S1" … "S6" (case-insensitive).
    pub fn parse(s: &str) -> Option<Level> {
        let s = s.trim();
        let digits = s.strip_prefix('S').or_else(|| s.strip_prefix('s'))?;
        Level::from_number(digits.parse().ok()?)
    }

    /// The next level down, if any.
    pub fn below(self) -> Option<Level> {
        Level::from_number(self.number() - 1)
    }

    /// The Schedule 2.4 paragraph that sets this level's requirements ("3.1" … "3.6").
    pub fn paragraph(self) -> &'static str {
        ["3.1", "3.2", "3.3", "3.4", "3.5", "3.6"][self as usize]
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "S{}", self.number())
    }
}

/// The level of Standards in Schedule 2.3 (Standards) that a security level requires.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StandardsLevel {
    /// No Customer Data is held electronically (S1), so no Standards level applies.
    None,
    /// "Basic".
    Basic,
    /// "Normal".
    Normal,
    /// "Enhanced".
    Enhanced,
}

impl StandardsLevel {
    /// The Standards level for a security level: S2, S3 Basic; S4 Basic on Supplier
    /// Systems only (3.4.1(b)(vii)) and Normal with access to Customer systems
    /// (3.4.1(b)(viii)); S5 Normal; S6 Enhanced; S1 none.
    pub fn for_level(level: Level, access_to_customer_systems: bool) -> StandardsLevel {
        match level {
            Level::S1 => StandardsLevel::None,
            Level::S2 | Level::S3 => StandardsLevel::Basic,
            Level::S4 if access_to_customer_systems => StandardsLevel::Normal,
            Level::S4 => StandardsLevel::Basic,
            Level::S5 => StandardsLevel::Normal,
            Level::S6 => StandardsLevel::Enhanced,
        }
    }

    /// The word used in the schedules ("None" when no level applies).
    pub fn as_str(self) -> &'static str {
        match self {
            StandardsLevel::None => "None",
            StandardsLevel::Basic => "Basic",
            StandardsLevel::Normal => "Normal",
            StandardsLevel::Enhanced => "Enhanced",
        }
    }
}

impl fmt::Display for StandardsLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_display_round_trip() {
        for level in Level::ALL {
            assert_eq!(Level::parse(&level.to_string()), Some(level));
        }
        assert_eq!(Level::parse("s4"), Some(Level::S4));
        assert_eq!(Level::parse("S0"), None);
        assert_eq!(Level::parse("S7"), None);
        assert_eq!(Level::parse("4"), None);
    }

    #[test]
    fn below_steps_down_one() {
        assert_eq!(Level::S1.below(), None);
        assert_eq!(Level::S6.below(), Some(Level::S5));
    }

    #[test]
    fn standards_follow_the_schedule() {
        use StandardsLevel::*;
        let table = [
            (Level::S1, false, None),
            (Level::S2, false, Basic),
            (Level::S3, false, Basic),
            (Level::S4, false, Basic),
            (Level::S4, true, Normal),
            (Level::S5, false, Normal),
            (Level::S5, true, Normal),
            (Level::S6, true, Enhanced),
        ];
        for (level, access, want) in table {
            assert_eq!(
                StandardsLevel::for_level(level, access),
                want,
                "{level} access={access}"
            );
        }
    }
}
