//! The own-device verdict of the 2017 CIO Policy Statement.
use super::catalogue::{DeviceVerdictKind, Obligation, DEVICE_VERDICT_TEXT};
use super::conditions::Facts;
use super::select::select;
use crate::assessment::answers::Marking;
use crate::assessment::schedule::Schedule;

/// The start of every CIO Policy Statement reference ("Annex 1 Appendix (CIO), ¶3").
pub const CIO_REFERENCE_PREFIX: &str = "Annex 1 Appendix (CIO), ¶";

/// The own-device verdict: a headline, an explanation and the CIO paragraphs that apply.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeviceVerdict {
    /// Which verdict.
    pub kind: DeviceVerdictKind,
    /// One sentence, e.g. "You must use MoJ computing facilities".
    pub headline: &'static str,
    /// Why, in a sentence or two.
    pub explanation: &'static str,
    /// The CIO Policy Statement obligations that apply in this case, in catalogue order.
    pub conditions: Vec<&'static Obligation>,
}

/// The CIO own-device verdict for the 2017 schedule.
///
/// Bulk access to personal or protectively marked data means MoJ facilities only (CIO
/// ¶10 and ¶2), and so does long-term access to OFFICIAL-SENSITIVE data (¶4: "If long term
/// access to OFFICIAL SENSITIVE data is required MoJ computing facilities must be
/// provided"); otherwise own computers may be used on the Statement's conditions, which
/// for OFFICIAL-SENSITIVE data include CAPS encryption (¶4). `long_term` counts only with
/// an OFFICIAL-SENSITIVE marking.
pub fn device_verdict(
    own_devices: bool,
    marking: Marking,
    bulk: bool,
    long_term: bool,
) -> DeviceVerdict {
    let kind = if !own_devices {
        DeviceVerdictKind::NotUsingOwnDevices
    } else if bulk {
        DeviceVerdictKind::MustUseMojFacilities
    } else if long_term && marking == Marking::OfficialSensitive {
        DeviceVerdictKind::MustUseMojFacilitiesLongTerm
    } else {
        DeviceVerdictKind::MayUseOwnWithConditions
    };
    let (_, headline, explanation) = DEVICE_VERDICT_TEXT
        .iter()
        .find(|(k, _, _)| *k == kind)
        .copied()
        .expect("build.rs requires every verdict kind in the data");
    let facts = Facts {
        schedule: Schedule::Sm2017,
        own_devices: Some(own_devices),
        marking: Some(marking),
        bulk: Some(bulk),
        ..Facts::default()
    };
    let conditions = select(&facts)
        .into_iter()
        .map(|s| s.obligation)
        .filter(|o| o.reference.starts_with(CIO_REFERENCE_PREFIX))
        .collect();
    DeviceVerdict {
        kind,
        headline,
        explanation,
        conditions,
    }
}
