//! The obligations of one subject (its view) or of every subject (the all-on-one-page view,
//! for printing): one keyed [`Duty`] component per obligation, so that a change to one
//! duty's status, owner or note re-renders that duty alone (each duty's props compare its
//! id, its own [`Track`], its conditions and its dates, all cheap).
//!
//! [`Track`]: security_matrix_core::tracker::Track
use super::obligation::{Duty, DutyView};
use super::ResultContext;
use crate::elements::heading;
use chrono::NaiveDate;
use security_matrix_core::plan::Plan;
use security_matrix_core::report::ObligationGroup;
use security_matrix_core::ObligationId;
use yew::prelude::*;

/// An obligation's due dates in the plan.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DueDates {
    /// Each due date in date order, and whether it is past.
    pub dates: Vec<(NaiveDate, bool)>,
    /// "then every year" and the like, when the rule recurs past the dates listed (the
    /// term's end is unknown).
    pub then_every: Option<&'static str>,
}

/// The due dates of obligation `id` in `plan` (none for a duty without a calendar date).
pub fn due_dates(plan: &Plan, id: ObligationId) -> DueDates {
    let mut due = DueDates::default();
    for e in plan.dated.iter().filter(|e| e.obligation.id == id) {
        if due.dates.is_empty() {
            due.then_every = e.then_every;
        }
        due.dates.push((e.date, e.past));
    }
    due
}

/// The obligations of `groups`. In a subject's view (`all` false) each obligation's title
/// is a heading at `heading_level` and it has the tracker's controls; in the
/// all-on-one-page view (`all` true) each group has a heading at `heading_level` and each
/// obligation is a compact, printable entry that shows the tracker as text.
pub fn obligation_list(
    ctx: &ResultContext,
    groups: &[ObligationGroup],
    plan: &Plan,
    heading_level: u8,
    all: bool,
) -> Html {
    let h = heading_level.clamp(1, 6);
    let view = if all {
        DutyView::Print {
            words: ctx.print_words,
        }
    } else {
        DutyView::Track { heading_level: h }
    };
    let group = |g: &ObligationGroup| {
        let duties = g.items.iter().map(|s| {
            let id = s.obligation.id;
            html! {
                <Duty key={id.as_str()} {id} {view}
                    open_conditions={s.open_conditions.clone()}
                    track={ctx.tracker.get(&id).cloned().unwrap_or_default()}
                    due={due_dates(plan, id)}
                    words={ctx.words}
                    dispatch={ctx.dispatch.clone()} />
            }
        });
        html! {
            <section key={g.category.key()} class="smx-obligation-group" data-testid="obligation-group">
                if all {
                    { heading(h, "smx-heading-s", false, html! { <>{ format!("{} ({})", g.category.name(), g.items.len()) }</> }) }
                }
                <ul class={classes!("smx-list", "smx-obligations__list", all.then_some("smx-obligations__list--compact"))}>
                    { for duties }
                </ul>
            </section>
        }
    };
    html! {
        <div class="smx-obligations" data-testid="obligations">
            { for groups.iter().map(group) }
        </div>
    }
}

/// A result page's report for `answers` (from `build`), memoised.
#[hook]
pub fn use_result_report<A, R>(
    answers: &A,
    ctx: &ResultContext,
    build: fn(&A, &security_matrix_core::report::EventDates, chrono::NaiveDate) -> R,
) -> std::rc::Rc<R>
where
    A: Clone + PartialEq + 'static,
    R: 'static,
{
    use_memo(
        (answers.clone(), ctx.event_dates.clone(), ctx.today),
        move |(a, e, t)| build(a, e, t.unwrap_or_default()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use security_matrix_core::flow::from_fragment;
    use security_matrix_core::report::{df_report, sm_report, EventDates};

    const S6: &str = "schedule=df&subjects=3000&special=40&professional=no&value=450000&months=36&access=yes&other=no&commencement=2027-04-01";

    fn plan(today: NaiveDate) -> Plan {
        let answers = from_fragment(S6).answers.df().unwrap();
        df_report(&answers, &EventDates::new(), today).plan
    }

    fn id(s: &str) -> ObligationId {
        ObligationId::parse(s).unwrap()
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_recurring_duty_has_every_date_of_the_term_in_order() {
        let plan = plan(day(2026, 11, 1));
        let due = due_dates(&plan, id("df-3-6-continuity-3"));
        assert_eq!(due.dates.len(), 12, "{due:?}");
        assert!(due.dates.windows(2).all(|w| w[0].0 < w[1].0), "{due:?}");
        assert!(due.dates.iter().all(|(_, past)| !past));
        // The term's end is known (36 months): no "then every …".
        assert_eq!(due.then_every, None);
    }

    #[test]
    fn an_undated_duty_has_no_dates_and_past_dates_are_marked() {
        let plan = plan(day(2026, 11, 1));
        assert_eq!(due_dates(&plan, id("df-1-3")), DueDates::default());
        let later = self::plan(day(2031, 1, 1));
        let due = due_dates(&later, id("df-3-6-continuity-3"));
        assert!(!due.dates.is_empty() && due.dates.iter().all(|(_, past)| *past));
    }

    #[test]
    fn without_the_term_a_recurring_duty_says_it_goes_on() {
        // The 2017 schedule has no term: its annual review is dated once, then every year.
        let link = "schedule=sm2017&effective=2026-12-14&own_devices=yes&marking=official&bulk=no";
        let answers = from_fragment(link)
            .answers
            .sm()
            .expect("complete 2017 answers");
        let plan = sm_report(&answers, &EventDates::new(), day(2026, 12, 1)).plan;
        let due = due_dates(&plan, id("sm2017-4-1"));
        assert_eq!(due.dates, vec![(day(2027, 12, 14), false)]);
        assert_eq!(due.then_every, Some("then every year"));
    }
}
