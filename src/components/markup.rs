//! HTML written as text, for the plan's long static parts (being replaced by components;
//! the obligations no longer use it): escaping, and the `<time>` element (`plan::time` is
//! its Yew twin, for the parts Yew still builds).
use chrono::NaiveDate;
use security_matrix_core::flow::long_date;
use std::fmt::Write;

/// Appends `s` with `&`, `<`, `>`, `"` and `'` escaped (safe in text and in quoted
/// attribute values).
pub fn esc(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// Appends `<time datetime="YYYY-MM-DD">4 January 2027</time>`.
pub fn time(out: &mut String, d: NaiveDate) {
    let _ = write!(out, r#"<time datetime="{d}">{}</time>"#, long_date(d));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped() {
        let mut out = String::new();
        esc(&mut out, r#"a<b & "c" 'd'>"#);
        assert_eq!(out, "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;");
    }

    #[test]
    fn times_carry_the_iso_date() {
        let mut out = String::new();
        time(&mut out, NaiveDate::from_ymd_opt(2027, 1, 4).unwrap());
        assert_eq!(out, r#"<time datetime="2027-01-04">4 January 2027</time>"#);
    }
}
