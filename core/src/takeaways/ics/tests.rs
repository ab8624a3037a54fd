//! Unit tests of the iCalendar writer and reader.
use super::*;
use proptest::prelude::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn stamp() -> NaiveDateTime {
    d("2026-05-01").and_hms_opt(9, 5, 7).unwrap()
}

fn event(uid: &str, date: &str, summary: &str, description: &str) -> IcsEvent {
    IcsEvent {
        uid: uid.to_string(),
        date: d(date),
        repeat: None,
        summary: summary.to_string(),
        description: description.to_string(),
    }
}

/// Every line ends in CRLF, there is no bare CR or LF, and no line (without its CRLF)
/// is longer than 75 octets.
fn assert_well_formed(ics: &str) {
    assert!(ics.ends_with("\r\n"));
    let body = ics.strip_suffix("\r\n").unwrap();
    for line in body.split("\r\n") {
        assert!(!line.contains('\r') && !line.contains('\n'), "{line:?}");
        assert!(
            line.len() <= MAX_LINE_OCTETS,
            "{} octets: {line:?}",
            line.len()
        );
    }
}

#[test]
fn writes_the_exact_calendar() {
    let ics = to_ics(
        &[event(
            "isms-1@security-matrix",
            "2026-12-31",
            "Submit the ISMS",
            "Clause 4.1",
        )],
        stamp(),
    );
    let expected = "BEGIN:VCALENDAR\r\n\
                    VERSION:2.0\r\n\
                    PRODID:-//Security Matrix//Self-assessment//EN\r\n\
                    CALSCALE:GREGORIAN\r\n\
                    BEGIN:VEVENT\r\n\
                    UID:isms-1@security-matrix\r\n\
                    DTSTAMP:20260501T090507Z\r\n\
                    DTSTART;VALUE=DATE:20261231\r\n\
                    DTEND;VALUE=DATE:20270101\r\n\
                    SUMMARY:Submit the ISMS\r\n\
                    DESCRIPTION:Clause 4.1\r\n\
                    END:VEVENT\r\n\
                    END:VCALENDAR\r\n";
    assert_eq!(ics, expected);
}

#[test]
fn leap_day_end_and_skipped_years() {
    let ics = to_ics(
        &[
            event("a", "2024-02-28", "x", "y"),
            IcsEvent {
                date: NaiveDate::from_ymd_opt(10_000, 1, 1).unwrap(),
                ..event("b", "2024-01-01", "x", "y")
            },
        ],
        stamp(),
    );
    let events = unfold_and_parse(&ics);
    assert_eq!(events.len(), 1);
    assert!(events[0].contains(&("DTEND;VALUE=DATE".to_string(), "20240229".to_string())));
}

#[test]
fn escapes_text() {
    assert_eq!(
        escape_text("a\\b;c,d\ne\r\nf\rg\u{7}h\ti"),
        "a\\\\b\\;c\\,d\\ne\\nf\\ng".to_string() + "h\ti"
    );
    assert_eq!(
        unescape_text("a\\\\b\\;c\\,d\\ne\\Nf\\x"),
        "a\\b;c,d\ne\nf\\x"
    );
    let ics = to_ics(
        &[event("u", "2026-01-01", "Cost: £5, due; now", "x")],
        stamp(),
    );
    assert!(ics.contains("\r\nSUMMARY:Cost: £5\\, due\\; now\r\n"));
}

/// The calendar of one event with `summary`, its lines, and where its SUMMARY line is.
fn with_summary(summary: &str) -> (String, Vec<String>, usize) {
    let ics = to_ics(&[event("u", "2026-01-01", summary, "")], stamp());
    let lines: Vec<String> = ics.split("\r\n").map(String::from).collect();
    let i = lines
        .iter()
        .position(|l| l.starts_with("SUMMARY:"))
        .unwrap();
    (ics, lines, i)
}

#[test]
fn folds_ascii_at_75_octets() {
    let summary = "x".repeat(100);
    let (ics, lines, i) = with_summary(&summary);
    // "SUMMARY:" is 8 octets, so 67 x's fit on the first line and 33 follow.
    assert_eq!(lines[i], format!("SUMMARY:{}", "x".repeat(67)));
    assert_eq!(lines[i + 1], format!(" {}", "x".repeat(33)));
    assert!(lines[i + 2].starts_with("DESCRIPTION:"));
    assert_well_formed(&ics);
}

#[test]
fn folds_without_splitting_characters() {
    // 8 + 66 = 74 octets, then "é" (2 octets) would make 76: it moves to the next line.
    let summary = format!("{}é{}", "a".repeat(66), "b".repeat(10));
    let (_, lines, i) = with_summary(&summary);
    assert_eq!(lines[i].len(), 74);
    assert_eq!(lines[i + 1], format!(" é{}", "b".repeat(10)));
    // A 4-octet emoji after 72 octets (75 would still fit, 76 would not).
    let summary = format!("{}😀{}😀", "a".repeat(63), "c".repeat(70));
    let (ics, lines, i) = with_summary(&summary);
    assert_eq!(lines[i], format!("SUMMARY:{}😀", "a".repeat(63)));
    assert_eq!(lines[i].len(), 75);
    // The continuation: 1 + 70 = 71 octets, the emoji would make 75, which fits.
    assert_eq!(lines[i + 1], format!(" {}😀", "c".repeat(70)));
    assert_well_formed(&ics);
    assert_eq!(unfold_and_parse(&ics)[0][4].1, summary);
}

#[test]
fn round_trips_awkward_text_and_uids() {
    let long = "The Supplier shall, within 10 Working Days; notify the Customer — \
                costing £1,250.00 (café «résumé») 😀🔐🇬🇧 — and then\nreport back\r\nagain. "
        .repeat(4);
    let events = vec![
        event(
            "obligation-df-2.4-3.1.2@security-matrix.example",
            "2026-12-14",
            "£5, café; résumé 😀",
            &long,
        ),
        event(
            "uid,with;special\\chars and a very long tail that goes well past seventy-five octets",
            "2027-01-14",
            &long,
            "Line one\nLine two, with a comma; and a semicolon \\ and a backslash",
        ),
        event("plain", "2024-02-29", "", ""),
    ];
    let ics = to_ics(&events, stamp());
    assert_well_formed(&ics);
    let parsed = unfold_and_parse(&ics);
    assert_eq!(parsed.len(), events.len());
    for (props, e) in parsed.iter().zip(&events) {
        let names: Vec<&str> = props.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "UID",
                "DTSTAMP",
                "DTSTART;VALUE=DATE",
                "DTEND;VALUE=DATE",
                "SUMMARY",
                "DESCRIPTION"
            ]
        );
        let value = |name: &str| props.iter().find(|(n, _)| n == name).unwrap().1.clone();
        assert_eq!(value("UID"), e.uid);
        assert_eq!(value("DTSTAMP"), "20260501T090507Z");
        assert_eq!(
            value("DTSTART;VALUE=DATE"),
            e.date.format("%Y%m%d").to_string()
        );
        assert_eq!(
            value("DTEND;VALUE=DATE"),
            e.date.succ_opt().unwrap().format("%Y%m%d").to_string()
        );
        // CRLF inside the text comes back as LF.
        assert_eq!(value("SUMMARY"), e.summary.replace("\r\n", "\n"));
        assert_eq!(value("DESCRIPTION"), e.description.replace("\r\n", "\n"));
    }
    let calendar = unfold_lines(&ics);
    assert_eq!(
        calendar[..4],
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Security Matrix//Self-assessment//EN",
            "CALSCALE:GREGORIAN"
        ]
    );
    assert_eq!(calendar.last().map(String::as_str), Some("END:VCALENDAR"));
}

/// What a TEXT value reads back as: line breaks become LF, other ASCII controls but
/// tab are dropped.
fn normalised(s: &str) -> String {
    s.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| !c.is_ascii_control() || *c == '\n' || *c == '\t')
        .collect()
}

proptest! {
    #[test]
    fn any_text_round_trips_within_line_limits(
        uid in "[ -~]{1,120}",
        summary in any::<String>(),
        description in "(\\PC|[\\r\\n,;\\\\])*",
        day in 0i64..40_000,
    ) {
        let date = d("1990-01-01") + chrono::Duration::days(day);
        let e = IcsEvent { uid, date, repeat: None, summary, description };
        let ics = to_ics(std::slice::from_ref(&e), stamp());
        assert_well_formed(&ics);
        let parsed = unfold_and_parse(&ics);
        prop_assert_eq!(parsed.len(), 1);
        prop_assert_eq!(&parsed[0][0].1, &e.uid);
        prop_assert_eq!(&parsed[0][4].1, &normalised(&e.summary));
        prop_assert_eq!(&parsed[0][5].1, &normalised(&e.description));
    }
}

#[test]
fn a_repeating_event_has_its_rule_after_its_first_day() {
    let repeating = IcsEvent {
        repeat: Some(Recurrence {
            frequency: Frequency::Monthly,
            interval: 3,
            by_month: None,
            by_month_day: Some(-1),
            count: 12,
        }),
        ..event("restore@security-matrix", "2027-06-30", "Test backups", "x")
    };
    let ics = to_ics(&[repeating], stamp());
    assert!(ics.contains(
        "\r\nDTSTART;VALUE=DATE:20270630\r\n\
         DTEND;VALUE=DATE:20270701\r\n\
         RRULE:FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1;COUNT=12\r\n\
         SUMMARY:Test backups\r\n"
    ));
    assert_well_formed(&ics);
    let names: Vec<String> = unfold_and_parse(&ics)[0]
        .iter()
        .map(|(n, _)| n.clone())
        .collect();
    assert_eq!(names[4], "RRULE");
}
