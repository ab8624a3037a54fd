//! The question flow: which questions apply, in which order, what is still unanswered, and
//! the deep-link encoding of answers (a public contract documented in the README).
use crate::answers::{DfAnswers, OtherContracts, SmAnswers};
use crate::matrix::{pounds, thousands};
use crate::questions::{parse_date, parse_number, QuestionId, QuestionKind, QUESTIONS};
use crate::IdMap;
use crate::{Level, Schedule};
use chrono::{Datelike, NaiveDate};

/// A valid answer to one question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    /// A whole number (count, pounds or months).
    Number(u64),
    /// Yes (`true`) or no.
    YesNo(bool),
    /// The `value` of one of the question's options.
    Choice(&'static str),
    /// A date.
    Date(NaiveDate),
    /// An optional question the user skipped.
    Skipped,
}

impl Answer {
    /// The answer as written in links, storage and saved files: `3000`, `yes`, `S3`,
    /// `2027-01-04`, or `skip` for a skipped optional question.
    pub fn value_text(&self) -> String {
        match self {
            Answer::Number(n) => n.to_string(),
            Answer::YesNo(b) => (if *b { "yes" } else { "no" }).to_string(),
            Answer::Choice(c) => c.to_string(),
            Answer::Date(d) => iso_date(*d),
            Answer::Skipped => "skip".to_string(),
        }
    }
}

/// Every answer given so far, for one schedule.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers {
    /// The schedule being assessed.
    pub schedule: Schedule,
    values: IdMap<QuestionId, Answer>,
}

/// An answer from a link that could not be accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkError {
    /// The question.
    pub question: QuestionId,
    /// The value as it was in the link.
    pub raw: String,
    /// Why it was not accepted, worded for the question page.
    pub message: String,
}

/// The result of reading a link's fragment.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LinkAnswers {
    /// The answers that were valid.
    pub answers: Answers,
    /// The answers that were not, in question order.
    pub errors: Vec<LinkError>,
    /// Keys the link had that the product does not know (ignored).
    pub unknown_keys: Vec<String>,
}

/// Formats a date as "2027-01-04", exactly as chrono's `format("%Y-%m-%d")` does (years
/// outside 0–9999 get a sign: "+10000-01-01", "-0001-12-31"), without pulling chrono's
/// format-string machinery (about 9 KB) into the WebAssembly bundle.
pub fn iso_date(d: NaiveDate) -> String {
    let (y, m, day) = (d.year(), d.month(), d.day());
    if (0..10_000).contains(&y) {
        format!("{y:04}-{m:02}-{day:02}")
    } else {
        format!("{y:+05}-{m:02}-{day:02}")
    }
}

/// Reads `YYYY-MM-DD` (as `<input type="date">` gives it); `None` if it is not a real date.
pub fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    let mut it = s.trim().splitn(3, '-');
    let (y, m, d) = (it.next()?, it.next()?, it.next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// Formats a date as "4 January 2027".
pub fn long_date(d: NaiveDate) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
}

impl Answers {
    /// No answers yet, for a schedule.
    pub fn new(schedule: Schedule) -> Answers {
        Answers {
            schedule,
            values: IdMap::new(),
        }
    }

    /// The answer to a question, if given.
    pub fn get(&self, q: QuestionId) -> Option<&Answer> {
        self.values.get(&q)
    }

    /// Records an answer (answers to questions that no longer apply are kept, so that
    /// changing an answer back restores them, but they are ignored).
    pub fn set(&mut self, q: QuestionId, a: Answer) {
        self.values.insert(q, a);
    }

    /// Removes an answer.
    pub fn clear(&mut self, q: QuestionId) {
        self.values.remove(&q);
    }

    fn number(&self, q: QuestionId) -> Option<u64> {
        match self.values.get(&q) {
            Some(Answer::Number(n)) => Some(*n),
            _ => None,
        }
    }

    fn yes(&self, q: QuestionId) -> Option<bool> {
        match self.values.get(&q) {
            Some(Answer::YesNo(b)) => Some(*b),
            _ => None,
        }
    }

    fn choice(&self, q: QuestionId) -> Option<&'static str> {
        match self.values.get(&q) {
            Some(Answer::Choice(c)) => Some(c),
            _ => None,
        }
    }

    fn date(&self, q: QuestionId) -> Option<NaiveDate> {
        match self.values.get(&q) {
            Some(Answer::Date(d)) => Some(*d),
            _ => None,
        }
    }

    /// The questions that apply given the answers so far, in asking order. A question
    /// that depends on an unanswered one is not listed until that one is answered.
    pub fn sequence(&self) -> Vec<QuestionId> {
        use QuestionId::*;
        let mut seq = Vec::new();
        match self.schedule {
            Schedule::Df => {
                seq.extend([Subjects, Special]);
                let special_here = self.number(Special);
                if special_here.is_some_and(|n| n > 0) {
                    seq.push(Professional);
                }
                seq.extend([Value, Months, Access, Other]);
                if self.yes(Other) == Some(true) {
                    seq.extend([OtherSubjects, OtherSpecial, CurrentLevel]);
                    if special_here == Some(0) && self.number(OtherSpecial).is_some_and(|n| n > 0) {
                        seq.push(Professional);
                    }
                }
                seq.push(Commencement);
            }
            Schedule::Sm2017 => {
                seq.extend([Effective, OwnDevices]);
                if self.yes(OwnDevices) == Some(true) {
                    seq.push(Marking);
                    if self.choice(Marking)
                        == Some(crate::answers::Marking::OfficialSensitive.value())
                    {
                        seq.push(LongTerm);
                    }
                    seq.push(Bulk);
                }
            }
        }
        seq
    }

    /// The first question in the sequence with no answer.
    pub fn first_unanswered(&self) -> Option<QuestionId> {
        self.sequence()
            .into_iter()
            .find(|q| !self.values.contains_key(q))
    }

    /// Every question that applies has an answer (or was skipped where optional).
    pub fn is_complete(&self) -> bool {
        self.first_unanswered().is_none()
    }

    /// The page after `q` in the sequence.
    pub fn next_after(&self, q: QuestionId) -> Option<QuestionId> {
        let seq = self.sequence();
        let i = seq.iter().position(|&x| x == q)?;
        seq.get(i + 1).copied()
    }

    /// The page before `q` in the sequence (`None`: the start page).
    pub fn previous(&self, q: QuestionId) -> Option<QuestionId> {
        let seq = self.sequence();
        let i = seq.iter().position(|&x| x == q)?;
        i.checked_sub(1).map(|j| seq[j])
    }

    /// The DF answers, when complete.
    pub fn df(&self) -> Option<DfAnswers> {
        use QuestionId::*;
        if self.schedule != Schedule::Df || !self.is_complete() {
            return None;
        }
        let other = (self.yes(Other) == Some(true)).then(|| OtherContracts {
            subjects: self.number(OtherSubjects).unwrap_or(0),
            special: self.number(OtherSpecial).unwrap_or(0),
            current_level: self.choice(CurrentLevel).and_then(Level::parse),
        });
        let seq = self.sequence();
        Some(DfAnswers {
            subjects: self.number(Subjects)?,
            special: self.number(Special)?,
            professional: if seq.contains(&Professional) {
                self.yes(Professional)
            } else {
                None
            },
            value: self.number(Value)?,
            months: u32::try_from(self.number(Months)?).ok()?,
            access: self.yes(Access)?,
            other,
            commencement: self.date(Commencement),
        })
    }

    /// The 2017 answers, when complete.
    pub fn sm(&self) -> Option<SmAnswers> {
        use QuestionId::*;
        if self.schedule != Schedule::Sm2017 || !self.is_complete() {
            return None;
        }
        let own = self.yes(OwnDevices)?;
        Some(SmAnswers {
            effective: self.date(Effective),
            own_devices: own,
            marking: if own {
                crate::answers::Marking::from_value(self.choice(Marking)?)
            } else {
                None
            },
            bulk: if own { self.yes(Bulk) } else { None },
            long_term: if self.sequence().contains(&LongTerm) {
                self.yes(LongTerm)
            } else {
                None
            },
        })
    }

    /// The answer as the check-answers page shows it ("3,000", "£45,000", "Not given").
    pub fn display(&self, q: QuestionId) -> String {
        match self.values.get(&q) {
            None => "Not answered".to_string(),
            Some(Answer::Skipped) => "Not given".to_string(),
            Some(Answer::Date(d)) => long_date(*d),
            Some(Answer::YesNo(b)) => (if *b { "Yes" } else { "No" }).to_string(),
            Some(Answer::Choice(c)) => q
                .question()
                .options
                .iter()
                .find(|o| o.value == *c)
                .map_or(c.to_string(), |o| o.label.to_string()),
            Some(Answer::Number(n)) => match q.question().kind {
                QuestionKind::Money => pounds(*n),
                QuestionKind::Months if *n == 1 => "1 month".to_string(),
                QuestionKind::Months => format!("{} months", thousands(*n)),
                _ => thousands(*n),
            },
        }
    }

    /// The answers as a link fragment (without '#'): `schedule=df&subjects=3000&…`.
    /// Only questions in the sequence are written; `other` is implied by `other_*`.
    pub fn to_fragment(&self) -> String {
        let mut parts = vec![format!("schedule={}", self.schedule.id())];
        for q in self.sequence() {
            if q == QuestionId::Other {
                continue;
            }
            let value = match self.values.get(&q) {
                Some(Answer::Skipped) | None => continue,
                Some(a) => a.value_text(),
            };
            parts.push(format!("{}={value}", q.key()));
        }
        parts.join("&")
    }
}

/// Decodes `%XX` escapes and '+' in a form-encoded value.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Reads one raw value for question `q`.
pub fn parse_value(q: QuestionId, raw: &str) -> Result<Answer, String> {
    let question = q.question();
    match question.kind {
        QuestionKind::Count | QuestionKind::Money | QuestionKind::Months => {
            parse_number(raw, question.kind)
                .map(Answer::Number)
                .map_err(|e| crate::questions::number_message(question, e))
        }
        QuestionKind::YesNo => match raw.trim().to_ascii_lowercase().as_str() {
            "yes" => Ok(Answer::YesNo(true)),
            "no" => Ok(Answer::YesNo(false)),
            _ => Err(format!("Select {}", question.noun)),
        },
        QuestionKind::Choice => question
            .options
            .iter()
            .find(|o| o.value.eq_ignore_ascii_case(raw.trim()))
            .map(|o| Answer::Choice(o.value))
            .ok_or_else(|| format!("Select {}", question.noun)),
        QuestionKind::Date => {
            let mut it = raw.trim().splitn(3, '-');
            let (y, m, d) = (
                it.next().unwrap_or(""),
                it.next().unwrap_or(""),
                it.next().unwrap_or(""),
            );
            match parse_date(question, d, m, y) {
                Ok(Some(date)) => Ok(Answer::Date(date)),
                Ok(None) => Ok(Answer::Skipped),
                Err(e) => Err(e.message),
            }
        }
    }
}

/// Reads a value written by [`Answer::value_text`] (storage and saved files): like
/// [`parse_value`], and `skip` is a skipped optional question.
pub fn parse_stored_value(q: QuestionId, raw: &str) -> Result<Answer, String> {
    if raw == "skip" && q.question().optional {
        Ok(Answer::Skipped)
    } else {
        parse_value(q, raw)
    }
}

/// Reads a link fragment (with or without the leading '#').
///
/// Absent `other_*` keys mean no other Call-Off Contracts; an absent optional date means
/// it was skipped. Values that cannot be accepted are returned as errors, with the rest.
pub fn from_fragment(fragment: &str) -> LinkAnswers {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let mut pairs: Vec<(String, String)> = Vec::new();
    for pair in fragment.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        pairs.push((
            percent_decode(k).trim().to_ascii_lowercase(),
            percent_decode(v),
        ));
    }
    let schedule = pairs
        .iter()
        .find(|(k, _)| k == "schedule")
        .and_then(|(_, v)| Schedule::from_id(v.trim()))
        .unwrap_or_default();
    let mut out = LinkAnswers {
        answers: Answers::new(schedule),
        ..LinkAnswers::default()
    };
    let mut seen_other = false;
    for (key, raw) in &pairs {
        if key == "schedule" {
            continue;
        }
        let Some(q) = QuestionId::from_key(key)
            .filter(|q| q.question().schedule == schedule && *q != QuestionId::Other)
        else {
            out.unknown_keys.push(key.clone());
            continue;
        };
        if matches!(
            q,
            QuestionId::OtherSubjects | QuestionId::OtherSpecial | QuestionId::CurrentLevel
        ) {
            seen_other = true;
        }
        match parse_value(q, raw) {
            Ok(a) => out.answers.set(q, a),
            Err(message) => out.errors.push(LinkError {
                question: q,
                raw: raw.clone(),
                message,
            }),
        }
    }
    if schedule == Schedule::Df {
        out.answers
            .set(QuestionId::Other, Answer::YesNo(seen_other));
    }
    // An optional question the link leaves out was skipped (unless its value was invalid).
    for q in QUESTIONS
        .iter()
        .filter(|q| q.schedule == schedule && q.optional)
    {
        if out.answers.get(q.id).is_none() && !out.errors.iter().any(|e| e.question == q.id) {
            out.answers.set(q.id, Answer::Skipped);
        }
    }
    let order = out.answers.sequence();
    out.errors.sort_by_key(|e| {
        order
            .iter()
            .position(|&q| q == e.question)
            .unwrap_or(usize::MAX)
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use QuestionId::*;

    #[test]
    fn parse_iso_date_reads_what_iso_date_writes() {
        for d in [
            NaiveDate::from_ymd_opt(2027, 1, 4).unwrap(),
            NaiveDate::from_ymd_opt(1999, 12, 31).unwrap(),
        ] {
            assert_eq!(parse_iso_date(&iso_date(d)), Some(d));
        }
        for bad in ["", "2027-02-30", "2027-1-4", "27-01-04", "2027-01-04x", "x"] {
            assert_eq!(parse_iso_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn iso_date_writes_what_chrono_format_writes() {
        let years = (-3..=3)
            .chain(998..=1001)
            .chain(1990..=2100)
            .chain(9998..=10_002);
        for y in years.chain([-99_999, -10_000, 99_999, 100_000]) {
            let mut d = NaiveDate::from_ymd_opt(y, 1, 1).unwrap();
            while d.year() == y {
                assert_eq!(iso_date(d), d.format("%Y-%m-%d").to_string());
                d = d.succ_opt().unwrap();
            }
        }
        for d in [NaiveDate::MIN, NaiveDate::MAX] {
            assert_eq!(iso_date(d), d.format("%Y-%m-%d").to_string());
        }
    }

    fn df_link(s: &str) -> LinkAnswers {
        from_fragment(s)
    }

    #[test]
    fn a_complete_link_gives_complete_answers_and_round_trips() {
        let f = "#schedule=df&subjects=3000&special=0&value=200000&months=18&access=no&commencement=2027-01-04";
        let l = df_link(f);
        assert!(l.errors.is_empty(), "{:?}", l.errors);
        assert!(l.answers.is_complete());
        let df = l.answers.df().unwrap();
        assert_eq!(
            (df.subjects, df.special, df.value, df.months, df.access),
            (3000, 0, 200_000, 18, false)
        );
        assert_eq!(df.commencement, NaiveDate::from_ymd_opt(2027, 1, 4));
        assert_eq!(df.other, None);
        assert_eq!(l.answers.to_fragment(), f.trim_start_matches('#'));
        assert_eq!(from_fragment(&l.answers.to_fragment()).answers, l.answers);
    }

    #[test]
    fn other_contracts_and_professional_follow_the_answers() {
        let l = df_link("schedule=df&subjects=50&special=0&value=1000&months=6&access=no&other_subjects=10&other_special=3");
        assert_eq!(l.answers.get(Other), Some(&Answer::YesNo(true)));
        // Aggregate special category data is above 0: the professional question applies.
        assert_eq!(l.answers.first_unanswered(), Some(CurrentLevel));
        let mut a = l.answers.clone();
        a.set(CurrentLevel, Answer::Choice("S2"));
        assert_eq!(a.first_unanswered(), Some(Professional));
        a.set(Professional, Answer::YesNo(true));
        let df = a.df().unwrap();
        assert_eq!(df.professional, Some(true));
        assert_eq!(df.other.unwrap().current_level, Some(Level::S2));
        assert!(a
            .to_fragment()
            .contains("other_special=3&current_level=S2&professional=yes"));
    }

    #[test]
    fn an_incomplete_link_names_the_first_unanswered_question() {
        let l = df_link("schedule=df&subjects=10&value=45k");
        assert!(l.errors.is_empty());
        assert_eq!(l.answers.first_unanswered(), Some(Special));
        assert_eq!(l.answers.get(Value), Some(&Answer::Number(45_000)));
        let l = df_link("");
        assert_eq!(l.answers.schedule, Schedule::Df);
        assert_eq!(l.answers.first_unanswered(), Some(Subjects));
    }

    #[test]
    fn invalid_values_are_errors_and_the_rest_is_kept() {
        let l = df_link("schedule=df&subjects=-4&special=0&value=12.5&months=18&access=maybe&commencement=2027-02-30&colour=blue");
        let qs: Vec<_> = l.errors.iter().map(|e| e.question).collect();
        assert_eq!(qs, [Subjects, Value, Access, Commencement]);
        assert_eq!(l.errors[0].raw, "-4");
        assert!(l.errors[0].message.ends_with("must be 0 or more"));
        assert!(l.errors[1].message.ends_with("must be in whole pounds"));
        assert!(l.errors[3].message.ends_with("must be a real date"));
        assert_eq!(l.answers.get(Months), Some(&Answer::Number(18)));
        assert_eq!(l.unknown_keys, ["colour"]);
    }

    #[test]
    fn percent_encoded_values_are_read() {
        let l = df_link("schedule=df&subjects=1%2C500&value=%C2%A345%2C000");
        assert_eq!(l.answers.get(Subjects), Some(&Answer::Number(1_500)));
        assert_eq!(l.answers.get(Value), Some(&Answer::Number(45_000)));
    }

    #[test]
    fn the_2017_schedule_asks_marking_and_bulk_only_for_own_devices() {
        let l = from_fragment("schedule=sm2017&effective=2026-09-01&own_devices=no");
        assert!(l.answers.is_complete());
        let sm = l.answers.sm().unwrap();
        assert!(!sm.own_devices && sm.marking.is_none() && sm.long_term.is_none());
        let l = from_fragment("schedule=sm2017&own_devices=yes&marking=official-sensitive");
        assert_eq!(l.answers.first_unanswered(), Some(LongTerm));
        assert_eq!(l.answers.get(Effective), Some(&Answer::Skipped));
        let l = from_fragment(
            "schedule=sm2017&own_devices=yes&marking=official-sensitive&long_term=yes&bulk=no",
        );
        assert_eq!(l.answers.sm().unwrap().long_term, Some(true));
        assert!(
            l.answers.to_fragment().contains("long_term=yes"),
            "Copy link keeps it: {}",
            l.answers.to_fragment()
        );
        // OFFICIAL data: the long-term question is not asked, and a stray key is ignored.
        let l =
            from_fragment("schedule=sm2017&own_devices=yes&marking=official&long_term=yes&bulk=no");
        assert_eq!(l.answers.sm().unwrap().long_term, None);
        let l = from_fragment("schedule=sm2017&own_devices=yes&marking=secret&bulk=no");
        assert_eq!(l.errors[0].question, Marking);
    }

    #[test]
    fn back_and_next_follow_the_sequence() {
        let mut a = Answers::new(Schedule::Df);
        assert_eq!(a.previous(Subjects), None);
        assert_eq!(a.next_after(Subjects), Some(Special));
        a.set(Special, Answer::Number(2));
        assert_eq!(a.next_after(Special), Some(Professional));
        assert_eq!(a.previous(Value), Some(Professional));
        a.set(Special, Answer::Number(0));
        assert_eq!(a.next_after(Special), Some(Value));
    }

    #[test]
    fn display_values_for_check_answers() {
        let mut a = Answers::new(Schedule::Df);
        a.set(Subjects, Answer::Number(3000));
        a.set(Value, Answer::Number(45_000));
        a.set(Months, Answer::Number(1));
        a.set(CurrentLevel, Answer::Choice("none"));
        a.set(
            Commencement,
            Answer::Date(NaiveDate::from_ymd_opt(2027, 1, 4).unwrap()),
        );
        assert_eq!(a.display(Subjects), "3,000");
        assert_eq!(a.display(Value), "£45,000");
        assert_eq!(a.display(Months), "1 month");
        assert_eq!(a.display(CurrentLevel), "None has been set");
        assert_eq!(a.display(Commencement), "4 January 2027");
        assert_eq!(a.display(Access), "Not answered");
    }
}
