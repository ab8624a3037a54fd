//! Paragraph references: each schedule's own numbering, checked when the crate is built.

/// The headings of DF ¶3.6, under which paragraphs without a provable number are cited
/// by position ("3.6, Business Continuity, 2nd paragraph").
pub const DF_S6_HEADINGS: [&str; 11] = [
    "Certification Requirements",
    "Governance",
    "Assurance",
    "Access, Authorisation, Authentication and Audit",
    "Risk Assessment & Management",
    "Awareness & Training",
    "Personnel Security",
    "Technical Security",
    "Operational Security & Incident Management",
    "Business Continuity",
    "Audit and Protection Monitoring",
];

const ORDINALS: [&str; 9] = [
    "1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th",
];

/// Checks a paragraph reference.
///
/// DF: `1.3`, `2.8.1`, `3.5.1(b)(ii)`, or, for ¶3.6 paragraphs with no provable number,
/// `3.6, <heading>, <ordinal> paragraph`. 2017: `3.3.6`, `3.3.6(a)`, `Annex 1, ¶5`,
/// `Annex 1 Appendix (CIO), ¶3`.
pub fn check_reference(df: bool, r: &str) -> Result<(), String> {
    if df {
        if let Some(rest) = r.strip_prefix("3.6, ") {
            let rest = rest
                .strip_suffix(" paragraph")
                .ok_or("expected `3.6, <heading>, <ordinal> paragraph`")?;
            let (heading, ordinal) = rest
                .rsplit_once(", ")
                .ok_or("expected `3.6, <heading>, <ordinal> paragraph`")?;
            if !DF_S6_HEADINGS.contains(&heading) {
                return Err(format!(
                    "unknown ¶3.6 heading `{heading}` (expected one of: {})",
                    DF_S6_HEADINGS.join("; ")
                ));
            }
            if !ORDINALS.contains(&ordinal) {
                return Err(format!("`{ordinal}` is not an ordinal like 1st, 2nd, 3rd"));
            }
            return Ok(());
        }
        return numbered(r, 1..=3, "abcdefgh", true);
    }
    for (prefix, max) in [("Annex 1, ¶", 18), ("Annex 1 Appendix (CIO), ¶", 11)] {
        if let Some(n) = r.strip_prefix(prefix) {
            return match n.parse::<u32>() {
                Ok(v) if (1..=max).contains(&v) && v.to_string() == n => Ok(()),
                _ => Err(format!("expected `{prefix}N` with N from 1 to {max}")),
            };
        }
    }
    numbered(r, 2..=5, "abcd", false)
}

/// `N.N` or `N.N.N`, then optionally `(letter)`, then (if allowed) `(roman)`.
fn numbered(
    r: &str,
    first: std::ops::RangeInclusive<u32>,
    letters: &str,
    romans: bool,
) -> Result<(), String> {
    let (number, mut rest) = r.split_at(r.find('(').unwrap_or(r.len()));
    let parts: Vec<&str> = number.split('.').collect();
    let numeric = parts
        .iter()
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) && !p.starts_with('0'));
    if !(2..=3).contains(&parts.len()) || !numeric {
        return Err("expected a paragraph number like 3.2 or 3.2.1".into());
    }
    if !first.contains(&parts[0].parse::<u32>().unwrap_or(0)) {
        return Err(format!(
            "paragraph {} is outside this schedule's paragraphs {}–{}",
            parts[0],
            first.start(),
            first.end()
        ));
    }
    let mut group = |allowed: &dyn Fn(&str) -> bool| -> Result<bool, String> {
        if rest.is_empty() {
            return Ok(false);
        }
        let inner = rest
            .strip_prefix('(')
            .and_then(|s| s.split_once(')'))
            .ok_or("unbalanced parentheses")?;
        if !allowed(inner.0) {
            return Err(format!("`({})` is not a list label here", inner.0));
        }
        rest = inner.1;
        Ok(true)
    };
    let letter = |s: &str| s.len() == 1 && letters.contains(s);
    let roman = |s: &str| romans && ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii"].contains(&s);
    if group(&letter)? {
        group(&roman)?;
    }
    if !rest.is_empty() {
        return Err(format!("unexpected `{rest}`"));
    }
    Ok(())
}
