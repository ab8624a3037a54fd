//! What differs between the two obligations files: the file's name, its ids' prefix, the
//! generated statics' names, which sections and fields it may hold, and the conditions its
//! obligations' `when` may name.

/// What differs between the two data files.
pub struct Spec {
    /// The data file's name.
    pub file: &'static str,
    /// Every id in the file starts with this.
    pub id_prefix: &'static str,
    /// Prefix of the generated statics.
    pub statics: &'static str,
    /// DF obligations carry `levels`; 2017 ones must not.
    pub has_levels: bool,
    /// Only the 2017 file holds the CIO own-device verdicts.
    pub has_verdicts: bool,
    /// Conditions allowed in `when`.
    pub conditions: &'static [&'static str],
}

const DF_CONDITIONS: &[&str] = &[
    "access",
    "no-access",
    "hosting",
    "special-category",
    "path-a",
    "path-b",
    "other-contracts",
    "level-change",
];
const SM2017_CONDITIONS: &[&str] = &[
    "own-devices",
    "no-own-devices",
    "official",
    "official-sensitive",
    "bulk",
    "no-bulk",
];

pub const SPECS: [Spec; 2] = [
    Spec {
        file: "df-obligations.toml",
        id_prefix: "df-",
        statics: "DF",
        has_levels: true,
        has_verdicts: false,
        conditions: DF_CONDITIONS,
    },
    Spec {
        file: "sm2017-obligations.toml",
        id_prefix: "sm2017-",
        statics: "SM2017",
        has_levels: false,
        has_verdicts: true,
        conditions: SM2017_CONDITIONS,
    },
];

/// The data files, in catalogue order.
pub const FILES: [&str; 2] = [SPECS[0].file, SPECS[1].file];
