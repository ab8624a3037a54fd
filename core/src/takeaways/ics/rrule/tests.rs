//! Unit tests of the recurrence rules: how they are written, expanded and fitted.
use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn ds(dates: &[&str]) -> Vec<NaiveDate> {
    dates.iter().map(|s| d(s)).collect()
}

fn rule(frequency: Frequency, interval: u32, day: Option<i32>, count: u32) -> Recurrence {
    Recurrence {
        frequency,
        interval,
        by_month: None,
        by_month_day: day,
        count,
    }
}

#[test]
fn writes_the_rule() {
    assert_eq!(
        rule(Frequency::Yearly, 1, None, 3).to_string(),
        "FREQ=YEARLY;COUNT=3"
    );
    assert_eq!(
        rule(Frequency::Monthly, 3, Some(-1), 12).to_string(),
        "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1;COUNT=12"
    );
    let feb = Recurrence {
        by_month: Some(2),
        ..rule(Frequency::Yearly, 1, Some(-1), 4)
    };
    assert_eq!(
        feb.to_string(),
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1;COUNT=4"
    );
}

#[test]
fn expands_as_rfc_5545_does() {
    // Days a month does not have are skipped, not moved (RFC 5545 §3.3.10).
    assert_eq!(
        rule(Frequency::Monthly, 1, None, 4).expand(d("2027-01-31")),
        ds(&["2027-01-31", "2027-03-31", "2027-05-31", "2027-07-31"])
    );
    assert_eq!(
        rule(Frequency::Yearly, 1, None, 2).expand(d("2028-02-29")),
        ds(&["2028-02-29", "2032-02-29"])
    );
    // The last day of every third month.
    assert_eq!(
        rule(Frequency::Monthly, 3, Some(-1), 5).expand(d("2027-06-30")),
        ds(&[
            "2027-06-30",
            "2027-09-30",
            "2027-12-31",
            "2028-03-31",
            "2028-06-30"
        ])
    );
    let feb = Recurrence {
        by_month: Some(2),
        ..rule(Frequency::Yearly, 1, Some(-1), 5)
    };
    assert_eq!(
        feb.expand(d("2028-02-29")),
        ds(&[
            "2028-02-29",
            "2029-02-28",
            "2030-02-28",
            "2031-02-28",
            "2032-02-29"
        ])
    );
    // A day counted back that a month lacks; yearly BYMONTHDAY alone is every month's.
    assert_eq!(
        rule(Frequency::Monthly, 1, Some(-30), 2).expand(d("2027-01-02")),
        ds(&["2027-01-02", "2027-03-02"])
    );
    assert_eq!(
        rule(Frequency::Yearly, 1, Some(15), 3).expand(d("2027-01-15")),
        ds(&["2027-01-15", "2027-02-15", "2027-03-15"])
    );
    // A rule that never comes round again stops.
    let never = Recurrence {
        by_month: Some(2),
        ..rule(Frequency::Yearly, 1, Some(30), 3)
    };
    assert_eq!(never.expand(d("2027-02-01")), Vec::<NaiveDate>::new());
}

#[test]
fn fits_only_a_rule_that_gives_the_dates_exactly() {
    let fit = |dates: &[&str]| Recurrence::fitting(&ds(dates)).map(|r| r.to_string());
    assert_eq!(
        fit(&["2027-07-04", "2028-07-04", "2029-07-04"]).as_deref(),
        Some("FREQ=YEARLY;COUNT=3")
    );
    assert_eq!(
        fit(&["2027-04-03", "2027-07-03", "2027-10-03"]).as_deref(),
        Some("FREQ=MONTHLY;INTERVAL=3;COUNT=3")
    );
    assert_eq!(
        fit(&["2027-06-30", "2027-09-30", "2027-12-31", "2028-03-31"]).as_deref(),
        Some("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1;COUNT=4")
    );
    assert_eq!(
        fit(&["2028-02-29", "2029-02-28", "2030-02-28"]).as_deref(),
        Some("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1;COUNT=3")
    );
    // The plain rule first, when both give the dates.
    assert_eq!(
        fit(&["2027-12-31", "2028-12-31"]).as_deref(),
        Some("FREQ=YEARLY;COUNT=2")
    );
    // Quarters clamped from 31 August; a short last quarter; one date; out of order.
    assert_eq!(fit(&["2026-11-29", "2027-02-27", "2027-05-30"]), None);
    assert_eq!(
        fit(&[
            "2027-03-31",
            "2027-06-30",
            "2027-09-30",
            "2027-12-31",
            "2028-01-31"
        ]),
        None
    );
    assert_eq!(fit(&["2027-03-31"]), None);
    assert_eq!(fit(&["2027-03-31", "2027-03-31"]), None);
    assert_eq!(fit(&["2028-03-31", "2027-03-31"]), None);
    assert_eq!(fit(&[]), None);
}
