//! The plans each schedule requires, and what the schedule says they must contain: the
//! statics generated from `core/data/plans.toml` by the data compiler
//! (`core/datagen/src/plans.rs`), which checks every quote against the schedules' text and
//! every duty id against the catalogue when the crate builds.
use crate::assessment::level::Level;
use crate::assessment::schedule::Schedule;
use crate::duties::ObligationId;

/// Words of a schedule and the paragraph they come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quoted {
    /// The paragraph, as the catalogue cites it ("3.6.7(a)").
    pub reference: &'static str,
    /// The schedule's words, whitespace collapsed.
    pub quote: &'static str,
}

/// The approval of a plan: its paragraph and timetable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Approval {
    /// The approval paragraph ("3.6.8").
    pub reference: &'static str,
    /// Working Days to amend and re-submit after a notice of non-approval.
    pub amend_days: u32,
    /// The schedule's words for it.
    pub amend: &'static str,
    /// The duty that carries it.
    pub amend_duty: &'static str,
    /// Working Days, from the first submission, the approval should take at most.
    pub approve_days: u32,
    /// The schedule's words for it.
    pub approve: &'static str,
    /// The duty that carries it.
    pub approve_duty: &'static str,
}

/// One content requirement of a plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Requirement {
    /// The requirement, quoted, with its paragraph.
    pub text: Quoted,
    /// A short heading for its section.
    pub title: &'static str,
    /// What it asks, in plain English.
    pub plain: &'static str,
    /// The duties that bear on it (data ids), in the data's order.
    pub duties: &'static [&'static str],
}

/// Where the schedule is unclear about a plan, and the reading applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlanNote {
    /// In a line.
    pub title: &'static str,
    /// The schedule's words.
    pub quote: &'static str,
    /// The reading applied (the stricter one).
    pub reading: &'static str,
}

/// A plan a schedule requires.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlanSpec {
    /// The data id ("df-s6", "sm2017").
    pub id: &'static str,
    /// Its schedule.
    pub schedule: Schedule,
    /// The DF level it is for; `None` for 2017.
    pub level: Option<Level>,
    /// The plan's name ("Information Security Management Plan").
    pub name: &'static str,
    /// Where the schedule requires it.
    pub purpose: Quoted,
    /// The words that introduce the list of contents, if the schedule lists them.
    pub lead_in: Option<Quoted>,
    /// The duties whose dates are the submission deadline (data ids).
    pub submission: &'static [&'static str],
    /// The approval timetable.
    pub approval: Approval,
    /// The duties whose dates are the reviews (data ids).
    pub review: &'static [&'static str],
    /// The content requirements, in the schedule's order; empty where the schedule lists
    /// none (DF S2 to S5).
    pub requirements: &'static [Requirement],
    /// Where the schedule is unclear about the plan.
    pub notes: &'static [PlanNote],
}

/// A plan's name and submission duties alone ([`PLAN_SUBMISSIONS`]): what the app needs to
/// offer the draft plan, without the quotes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlanSubmission {
    /// Its schedule.
    pub schedule: Schedule,
    /// The DF level it is for; `None` for 2017.
    pub level: Option<Level>,
    /// The plan's name.
    pub name: &'static str,
    /// The duties whose dates are the submission deadline (data ids).
    pub submission: &'static [&'static str],
}

include!(concat!(env!("OUT_DIR"), "/plans.rs"));

/// The name of the plan an assessment of `schedule` at `level` must submit, when one of its
/// submission duties is among `selected` (the assessment's duties): none at DF S1, nor at
/// S3 or S4 on route (a), where the schedule asks for no plan.
pub fn required_plan_name(
    schedule: Schedule,
    level: Option<Level>,
    selected: impl IntoIterator<Item = ObligationId>,
) -> Option<&'static str> {
    let p = PLAN_SUBMISSIONS
        .iter()
        .find(|p| p.schedule == schedule && (schedule == Schedule::Sm2017 || p.level == level))?;
    let submission = duty_ids(p.submission);
    selected
        .into_iter()
        .any(|id| submission.contains(&id))
        .then_some(p.name)
}

/// The duties of these data ids (every id is checked to exist when the crate builds).
pub fn duty_ids(ids: &[&str]) -> Vec<ObligationId> {
    ids.iter()
        .filter_map(|id| ObligationId::parse(id))
        .collect()
}

/// The plan `schedule` requires at `level` (DF) or at all (2017), if it requires one
/// there: none for DF S1 or an unknown level.
pub fn plan_spec(schedule: Schedule, level: Option<Level>) -> Option<&'static PlanSpec> {
    PLANS
        .iter()
        .find(|p| p.schedule == schedule && (schedule == Schedule::Sm2017 || p.level == level))
}
