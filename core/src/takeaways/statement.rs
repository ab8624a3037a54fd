//! The Tender Response statement: a short formal paragraph a bidder can paste into their
//! response (¶1.3: the Supplier tells the Customer which level applies).
use crate::assessment::answers::{DfAnswers, SmAnswers};
use crate::assessment::matrix::{Criterion, LevelChange};
use crate::duties::DeviceVerdictKind;
use crate::format::{long_date, pounds, thousands};
use crate::report::{DfReport, SmReport};
use crate::rules_version::RULES_VERSION;
use crate::takeaways::notices::notices;

const ONES: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

fn below_thousand(n: u64) -> String {
    let (h, rest) = (n / 100, n % 100);
    let rest_words = match rest {
        0 => String::new(),
        r if r < 20 => ONES[r as usize].to_string(),
        r if r % 10 == 0 => TENS[(r / 10) as usize].to_string(),
        r => format!("{}-{}", TENS[(r / 10) as usize], ONES[(r % 10) as usize]),
    };
    match (h, rest) {
        (0, _) => rest_words,
        (h, 0) => format!("{} hundred", ONES[h as usize]),
        (h, _) => format!("{} hundred and {rest_words}", ONES[h as usize]),
    }
}

/// The statement for a tender's assessment: it names the tender, and says which answers
/// its Customer set (or that the bidder's own figures were used instead).
pub fn with_tender(statement: String, tender: Option<&crate::assessment::flow::Tender>) -> String {
    match tender {
        None => statement,
        Some(t) => match t.statement() {
            Some(line) => format!("For {}. {statement} {line}", t.title()),
            None => format!("For {}. {statement}", t.title()),
        },
    }
}

/// A whole number in British English words: 3000 → "three thousand",
/// 2499 → "two thousand, four hundred and ninety-nine".
pub fn words(n: u64) -> String {
    if n == 0 {
        return "zero".into();
    }
    let scales = [
        (1_000_000_000_000, "trillion"),
        (1_000_000_000, "billion"),
        (1_000_000, "million"),
        (1_000, "thousand"),
    ];
    let mut parts: Vec<String> = Vec::new();
    let mut rest = n;
    for (size, name) in scales {
        if rest >= size {
            parts.push(format!("{} {name}", words(rest / size)));
            rest %= size;
        }
    }
    if rest > 0 {
        let w = below_thousand(rest);
        // "one thousand and five", but "one thousand, two hundred".
        if !parts.is_empty() && rest < 100 {
            return format!("{} and {w}", parts.join(", "));
        }
        parts.push(w);
    }
    parts.join(", ")
}

/// "three thousand (3,000)".
fn spelled(n: u64) -> String {
    format!("{} ({})", words(n), thousands(n))
}

/// The DF statement.
pub fn df_statement(a: &DfAnswers, r: &DfReport) -> String {
    let s = &r.assessment;
    let aggregate = a.other.is_some();
    let agg = if aggregate { " in aggregate" } else { "" };
    let mut reasons = Vec::new();
    for c in s.criteria.iter().filter(|c| c.deciding) {
        let at = format!(
            "which the Annex Security Matrix places at {} ({})",
            c.level, c.cell_plain
        );
        reasons.push(match c.criterion {
            Criterion::Subjects => format!(
                "the number of data subjects{agg}, {}, {at}",
                spelled(s.aggregate_subjects)
            ),
            Criterion::Special => format!(
                "the processing of Special Category Data of {} data subjects{agg}, {at}",
                spelled(s.aggregate_special)
            ),
            Criterion::Value => format!(
                "the value of the services, {} ({} pounds), {at}",
                pounds(a.value),
                words(a.value)
            ),
            Criterion::Duration => format!(
                "the duration of the services, {} months, {at}",
                spelled(u64::from(a.months))
            ),
            Criterion::Access => format!("the Supplier's access to Customer (MoJ) systems, {at}"),
            Criterion::Incumbents => format!(
                "the level already set for the Supplier's other Call-Off Contracts, {}, as one level applies to all Call-Off Contracts concurrently in place (paragraphs 1.1 and 1.3)",
                c.level
            ),
        });
    }
    let mut out = format!(
        "In accordance with paragraph 1.3 of Schedule 2.4 (Information Security and Assurance), the Supplier has determined that security level {} applies to this Call-Off Contract, with the corresponding \"{}\" level of Standards under Schedule 2.3 (Standards). The level is set by {}.",
        s.level,
        s.standards,
        reasons.join("; and by ")
    );
    if let Some(o) = &a.other {
        out.push_str(&format!(
            " The volumes are the aggregate across all Call-Off Contracts the Supplier has entered into under the Framework Agreement: {} data subjects, of whom {} have Special Category Data, comprising {} data subjects under this Call-Off Contract and {} under the Supplier's other Call-Off Contracts.",
            spelled(s.aggregate_subjects),
            if s.aggregate_special == 0 { "none".to_string() } else { spelled(s.aggregate_special) },
            spelled(a.subjects),
            spelled(o.subjects()),
        ));
        let counted: Vec<String> = o
            .contracts
            .iter()
            .map(|c| {
                let special = if c.special == 0 {
                    String::new()
                } else {
                    format!(", {} with Special Category Data", thousands(c.special))
                };
                format!(
                    "{}: {} data subjects{special}",
                    c.describe(),
                    thousands(c.subjects)
                )
            })
            .collect();
        if named(a) {
            out.push_str(&format!(
                " The other Call-Off Contracts counted are: {}.",
                counted.join("; ")
            ));
        }
    }
    match s.level_change {
        Some(LevelChange { from: Some(from), to }) if !named(a) => out.push_str(&format!(
            " In accordance with paragraph 1.4, the Supplier will notify the Customer of each of its other Call-Off Contracts that the applicable level rises from {from} to {to}, and will agree with each of them the timetable for implementing the change."
        )),
        Some(LevelChange { from: None, to }) if !named(a) => out.push_str(&format!(
            " No level of security requirements has yet been set for the Supplier's other Call-Off Contracts; where any of them sets a level below {to}, the Supplier will notify its Customer in accordance with paragraph 1.4 and agree the timetable for implementing the change."
        )),
        Some(LevelChange { to, .. }) => {
            let customers: Vec<String> = a
                .other
                .as_ref()
                .map(|o| notices(o, to).into_iter().map(|n| n.customer).collect())
                .unwrap_or_default();
            out.push_str(&format!(
                " In accordance with paragraph 1.4, the Supplier will notify {} that the level applicable to their Call-Off Contracts becomes {to}, and will agree with each of them the timetable for implementing the change.",
                crate::takeaways::notices::and_list(&customers)
            ));
        }
        None => {}
    }
    if !s.ambiguities.is_empty() {
        let readings: Vec<String> = s
            .ambiguities
            .iter()
            .enumerate()
            .map(|(i, n)| match &n.detail {
                Some(d) => format!("({}) {}: {} {d}", i + 1, n.text.title, n.text.reading),
                None => format!("({}) {}: {}", i + 1, n.text.title, n.text.reading),
            })
            .collect();
        out.push_str(&format!(
            " Where the Schedule is unclear, the Supplier has applied the stricter reading and asks the Customer to confirm it before award: {}",
            readings.join(" ")
        ));
    }
    out.push_str(&format!(" This assessment was prepared with the Security Matrix self-assessment tool, rules version {RULES_VERSION}."));
    out
}

/// Whether the other contracts are a named list (not the totals of an old link or file).
fn named(a: &DfAnswers) -> bool {
    a.other.as_ref().is_some_and(|o| {
        o.contracts.iter().any(|c| {
            c.customer != crate::assessment::answers::UNNAMED_CUSTOMER || !c.name.is_empty()
        })
    })
}

/// The 2017 statement.
pub fn sm_statement(a: &SmAnswers, r: &SmReport) -> String {
    let mut out = String::from(
        "The Supplier will comply with Schedule 2.4 (Security Management) and will submit to the Authority for approval a Security Management Plan within twenty (20) Working Days after the Effective Date, in accordance with paragraph 3.2",
    );
    let smp = r
        .plan
        .dated
        .iter()
        .find(|e| e.obligation.reference == "3.2");
    if let (Some(eff), Some(e)) = (a.effective, smp) {
        out.push_str(&format!(
            " (the Effective Date being {}, by {})",
            long_date(eff),
            long_date(e.date)
        ));
    }
    out.push_str(", and will review it at least annually in accordance with paragraph 4.1.");
    out.push_str(match r.verdict.kind {
        DeviceVerdictKind::NotUsingOwnDevices => " Supplier staff will not use their own computing facilities to deliver the Services.",
        DeviceVerdictKind::MayUseOwnWithConditions => " Where Supplier staff use their own computing facilities, they will do so only on the conditions of the MoJ Chief Information Officer's Policy Statement in the Appendix to the Security Policy.",
        DeviceVerdictKind::MustUseMojFacilities | DeviceVerdictKind::MustUseMojFacilitiesLongTerm => " As the Policy Statement of the MoJ Chief Information Officer requires for the data concerned, Supplier staff will use MoJ computing facilities and not their own.",
    });
    out.push_str(&format!(" This assessment was prepared with the Security Matrix self-assessment tool, rules version {RULES_VERSION}."));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_words() {
        let cases = [
            (0, "zero"),
            (7, "seven"),
            (21, "twenty-one"),
            (100, "one hundred"),
            (115, "one hundred and fifteen"),
            (1_000, "one thousand"),
            (1_005, "one thousand and five"),
            (2_499, "two thousand, four hundred and ninety-nine"),
            (3_000, "three thousand"),
            (45_000, "forty-five thousand"),
            (1_200_000, "one million, two hundred thousand"),
        ];
        for (n, w) in cases {
            assert_eq!(words(n), w, "{n}");
        }
    }
}
