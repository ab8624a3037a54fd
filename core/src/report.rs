//! The result view models the UI renders: everything computed, nothing to decide.
//! Uses [`assessment`](crate::assessment), [`duties`](crate::duties) and
//! [`dates`](crate::dates).
use crate::assessment::answers::{DfAnswers, Marking, SmAnswers};
use crate::assessment::flow::Answers;
use crate::assessment::level::Level;
use crate::assessment::matrix::{assess, LevelAssessment};
use crate::assessment::schedule::Schedule;
use crate::dates::plan::{build_plan, EventDates, Plan, PlanInput};
use crate::duties::{device_verdict, select, Category, DeviceVerdict, Facts, Selected};
use chrono::NaiveDate;

/// Obligations of one category, in catalogue order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ObligationGroup {
    /// The category.
    pub category: Category,
    /// Its obligations.
    pub items: Vec<Selected>,
}

/// Groups selected obligations by category, in the categories' order.
pub fn group(selected: Vec<Selected>) -> Vec<ObligationGroup> {
    // One bucket per category, in `Category::ALL` order (which is `order()`'s), so the
    // groups come out in order with no sort.
    let mut groups: Vec<ObligationGroup> = Category::ALL
        .into_iter()
        .map(|category| ObligationGroup {
            category,
            items: Vec::new(),
        })
        .collect();
    for s in selected {
        groups[usize::from(s.obligation.category.order())]
            .items
            .push(s);
    }
    groups.retain(|g| !g.items.is_empty());
    groups
}

/// The result for DF Schedule 2.4.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DfReport {
    /// Level, Standards level, reasons, ambiguity notes, what-if hints, ¶1.4.
    pub assessment: LevelAssessment,
    /// The facts the obligations were selected for.
    pub facts: Facts,
    /// The obligations that follow, grouped by category.
    pub groups: Vec<ObligationGroup>,
    /// The dated plan.
    pub plan: Plan,
}

impl DfReport {
    /// How many obligations apply.
    pub fn count(&self) -> usize {
        self.groups.iter().map(|g| g.items.len()).sum()
    }
}

/// Works out the DF result; `today` comes from the caller (never from a clock here).
pub fn df_report(a: &DfAnswers, events: &EventDates, today: NaiveDate) -> DfReport {
    let assessment = assess(a);
    let facts = Facts {
        schedule: Schedule::Df,
        level: Some(assessment.level),
        access: a.access,
        special_category: assessment.aggregate_special > 0,
        hosting: a.hosting,
        path: a.route,
        other_contracts: a.other.is_some(),
        level_change: assessment.level_rises(),
        ..Facts::default()
    };
    let selected = select(&facts);
    let plan = build_plan(&selected, &PlanInput::df(a, events.clone(), today));
    let groups = group(selected);
    DfReport {
        assessment,
        facts,
        groups,
        plan,
    }
}

/// The result for the 2017 Security Management schedule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SmReport {
    /// The own-device verdict and its conditions.
    pub verdict: DeviceVerdict,
    /// The facts the obligations were selected for.
    pub facts: Facts,
    /// The obligations that follow, grouped by category.
    pub groups: Vec<ObligationGroup>,
    /// The dated plan.
    pub plan: Plan,
}

/// Works out the 2017 result; `today` comes from the caller.
pub fn sm_report(a: &SmAnswers, events: &EventDates, today: NaiveDate) -> SmReport {
    let marking = a.marking.unwrap_or(Marking::Official);
    let bulk = a.bulk.unwrap_or(false);
    // Asked whenever it matters (own computers, OFFICIAL-SENSITIVE); unanswered counts as
    // long-term, the stricter reading.
    let long_term = a.long_term.unwrap_or(true);
    let verdict = device_verdict(a.own_devices, marking, bulk, long_term);
    let facts = Facts {
        schedule: Schedule::Sm2017,
        own_devices: Some(a.own_devices),
        marking: a.own_devices.then_some(marking),
        bulk: a.own_devices.then_some(bulk),
        ..Facts::default()
    };
    let selected = select(&facts);
    let plan = build_plan(&selected, &PlanInput::sm2017(a, events.clone(), today));
    let groups = group(selected);
    SmReport {
        verdict,
        facts,
        groups,
        plan,
    }
}

/// The result of either schedule: what is made the same way whatever the schedule (the
/// take-away files, [`takeaways::download`](crate::takeaways::download)).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Report {
    /// DF Schedule 2.4.
    Df(DfReport),
    /// The 2017 Security Management schedule.
    Sm(SmReport),
}

impl Report {
    /// The level (DF); `None` for 2017, which has none.
    pub fn level(&self) -> Option<Level> {
        match self {
            Report::Df(r) => Some(r.assessment.level),
            Report::Sm(_) => None,
        }
    }

    /// The obligations that follow, grouped by category.
    pub fn groups(&self) -> &[ObligationGroup] {
        match self {
            Report::Df(r) => &r.groups,
            Report::Sm(r) => &r.groups,
        }
    }

    /// The dated plan.
    pub fn plan(&self) -> &Plan {
        match self {
            Report::Df(r) => &r.plan,
            Report::Sm(r) => &r.plan,
        }
    }
}

/// The result of `answers`, of whichever schedule they are for, as the result page works
/// it out ([`df_report`], [`sm_report`]); `None` while they are not complete.
pub fn report(answers: &Answers, events: &EventDates, today: NaiveDate) -> Option<Report> {
    match (answers.df(), answers.sm()) {
        (Some(a), _) => Some(Report::Df(df_report(&a, events, today))),
        (_, Some(a)) => Some(Report::Sm(sm_report(&a, events, today))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::level::Level;
    use crate::duties::DeviceVerdictKind;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    /// The grouping as first written (find or add a group, then a stable sort).
    fn group_by_sorting(selected: Vec<Selected>) -> Vec<ObligationGroup> {
        let mut groups: Vec<ObligationGroup> = Vec::new();
        for s in selected {
            match groups
                .iter_mut()
                .find(|g| g.category == s.obligation.category)
            {
                Some(g) => g.items.push(s),
                None => groups.push(ObligationGroup {
                    category: s.obligation.category,
                    items: vec![s],
                }),
            }
        }
        groups.sort_by_key(|g| g.category.order());
        groups
    }

    #[test]
    fn category_order_is_the_position_in_all() {
        for (i, c) in Category::ALL.into_iter().enumerate() {
            assert_eq!(usize::from(c.order()), i, "{c:?}");
        }
    }

    #[test]
    fn an_id_s_category_is_its_obligation_s() {
        for id in crate::ObligationId::all() {
            assert_eq!(id.category(), id.obligation().category, "{id}");
        }
    }

    proptest::proptest! {
        /// `matrix::level`, the level alone, is the level `assess` finds (with its
        /// explanations), for any answers.
        #[test]
        fn the_level_alone_is_the_level_assess_finds(
            subjects in 0u64..20_000,
            special in 0u64..3_000,
            professional in proptest::option::of(proptest::bool::ANY),
            value in 0u64..10_000_000,
            months in 0u32..120,
            access in proptest::bool::ANY,
        ) {
            let a = DfAnswers { subjects, special, professional, value, months, access, ..DfAnswers::default() };
            proptest::prop_assert_eq!(crate::assessment::matrix::level(&a), assess(&a).level);
        }

        #[test]
        fn group_is_the_sorted_grouping(
            picks in proptest::collection::vec((proptest::bool::ANY, 0usize..1000), 0..200),
        ) {
            let all: Vec<&'static crate::duties::Obligation> = [Schedule::Df, Schedule::Sm2017]
                .into_iter()
                .flat_map(crate::duties::obligations)
                .collect();
            let selected: Vec<Selected> = picks
                .iter()
                .filter(|(keep, _)| *keep)
                .map(|(_, i)| Selected { obligation: all[i % all.len()], open_conditions: Vec::new() })
                .collect();
            proptest::prop_assert_eq!(group(selected.clone()), group_by_sorting(selected));
        }
    }

    #[test]
    fn df_report_selects_for_the_level_and_groups_in_order() {
        let a = DfAnswers {
            subjects: 3_000,
            value: 300_000,
            months: 36,
            access: true,
            ..DfAnswers::default()
        };
        let r = df_report(&a, &EventDates::new(), today());
        assert_eq!(r.assessment.level, Level::S6);
        assert!(r.count() > 50, "S6 has many duties: {}", r.count());
        let orders: Vec<u8> = r.groups.iter().map(|g| g.category.order()).collect();
        assert!(orders.windows(2).all(|w| w[0] < w[1]), "{orders:?}");
        let refs: Vec<&str> = r
            .groups
            .iter()
            .flat_map(|g| g.items.iter().map(|s| s.obligation.reference))
            .collect();
        assert!(refs.contains(&"3.6.5"), "{refs:?}");
        assert!(refs.contains(&"2.7"));
        let s1 = df_report(
            &DfAnswers {
                subjects: 3,
                value: 10,
                months: 1,
                ..DfAnswers::default()
            },
            &EventDates::new(),
            today(),
        );
        assert!(s1
            .groups
            .iter()
            .flat_map(|g| &g.items)
            .all(|s| s.obligation.levels.is_empty() || s.obligation.applies_at(Level::S1)));
        assert!(s1.count() < r.count());
        assert!(
            r.plan.needs_start_date(),
            "no commencement date: the plan asks for it"
        );
        let dated = DfAnswers {
            commencement: NaiveDate::from_ymd_opt(2027, 1, 4),
            ..a
        };
        let r = df_report(&dated, &EventDates::new(), today());
        let ismp = r
            .plan
            .dated
            .iter()
            .find(|e| e.obligation.reference == "3.6.5")
            .unwrap();
        assert_eq!(ismp.date, NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
        assert!(
            !ismp.past,
            "23 November 2026 is after today, 22 November 2026"
        );
    }

    #[test]
    fn sm_report_gives_the_device_verdict() {
        let own = SmAnswers {
            own_devices: true,
            marking: Some(Marking::Official),
            bulk: Some(true),
            ..SmAnswers::default()
        };
        assert_eq!(
            sm_report(&own, &EventDates::new(), today()).verdict.kind,
            DeviceVerdictKind::MustUseMojFacilities
        );
        let own = SmAnswers {
            own_devices: true,
            marking: Some(Marking::Official),
            bulk: Some(false),
            ..SmAnswers::default()
        };
        assert_eq!(
            sm_report(&own, &EventDates::new(), today()).verdict.kind,
            DeviceVerdictKind::MayUseOwnWithConditions
        );
        let none = SmAnswers::default();
        assert_eq!(
            sm_report(&none, &EventDates::new(), today()).verdict.kind,
            DeviceVerdictKind::NotUsingOwnDevices
        );
        assert!(sm_report(&none, &EventDates::new(), today())
            .groups
            .iter()
            .any(|g| !g.items.is_empty()));
    }

    #[test]
    fn report_is_the_result_page_s_report_of_either_schedule() {
        use crate::file::link::from_fragment;
        let events = EventDates::new();
        let df = from_fragment(
            "schedule=df&subjects=3000&special=0&value=200000&months=18&access=no&commencement=2027-01-04",
        )
        .answers;
        let r = report(&df, &events, today()).expect("complete DF answers");
        let want = df_report(&df.df().unwrap(), &events, today());
        assert_eq!(r.level(), Some(want.assessment.level));
        assert_eq!(r.groups(), &want.groups[..]);
        assert_eq!(r.plan(), &want.plan);
        assert_eq!(r, Report::Df(want));

        let sm = from_fragment("schedule=sm2017&effective=2026-12-14&own_devices=no").answers;
        let r = report(&sm, &events, today()).expect("complete 2017 answers");
        let want = sm_report(&sm.sm().unwrap(), &events, today());
        assert_eq!(r.level(), None);
        assert_eq!((r.groups(), r.plan()), (&want.groups[..], &want.plan));

        let incomplete = from_fragment("schedule=df&subjects=3000").answers;
        assert_eq!(report(&incomplete, &events, today()), None);
    }
}
