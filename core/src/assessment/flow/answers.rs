//! The answers given so far, and what they imply: the questions that apply, in which
//! order, and the complete answers of each schedule.
use crate::assessment::answers::Path;
use crate::assessment::answers::{Contract, DfAnswers, OtherContracts, SmAnswers};
use crate::assessment::level::Level;
use crate::assessment::matrix::level;
use crate::assessment::questions::{QuestionId, QuestionKind};
use crate::assessment::schedule::Schedule;
use crate::format::long_date;
use crate::format::{pounds, thousands};
use crate::id_map::IdMap;
use chrono::NaiveDate;

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
            Answer::Date(d) => d.to_string(),
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
    /// The other Call-Off Contracts listed (used when `Other` is answered yes).
    contracts: Vec<Contract>,
    /// The tender, when a portal set it (with the answers its Customer fixed).
    tender: Option<super::Tender>,
}

impl Answers {
    /// No answers yet, for a schedule.
    pub fn new(schedule: Schedule) -> Answers {
        Answers {
            schedule,
            values: IdMap::new(),
            contracts: Vec::new(),
            tender: None,
        }
    }

    /// The tender the assessment is for, when a portal set it.
    pub fn tender(&self) -> Option<&super::Tender> {
        self.tender.as_ref()
    }

    /// Sets the tender (its fixed questions are kept only where they have an answer).
    pub fn set_tender(&mut self, tender: Option<super::Tender>) {
        self.tender = tender.map(|mut t| {
            t.fixed.retain(|q| self.values.contains_key(q));
            t
        });
    }

    /// Whether the Customer set the answer to `q` for the tender: it is not asked, and
    /// cannot be changed.
    pub fn is_fixed(&self, q: QuestionId) -> bool {
        self.tender.as_ref().is_some_and(|t| t.fixed.contains(&q))
    }

    /// "Work it out with your own figures instead": the same answers, none fixed, the
    /// tender kept but labelled as not its figures. `false` if nothing was fixed.
    pub fn use_own_figures(&mut self) -> bool {
        match &mut self.tender {
            Some(t) if !t.fixed.is_empty() => {
                t.fixed.clear();
                t.own_figures = true;
                true
            }
            _ => false,
        }
    }

    /// A new assessment of the same tender ("Start again"): the tender and the answers
    /// its Customer set, nothing else (`None` when there is no tender). After "own
    /// figures", the tender's name stays, with nothing fixed.
    pub fn presets_only(&self) -> Option<Answers> {
        let t = self.tender.as_ref()?;
        let mut fresh = Answers::new(self.schedule);
        for &q in &t.fixed {
            if let Some(a) = self.values.get(&q) {
                fresh.values.insert(q, a.clone());
            }
        }
        fresh.tender = Some(super::Tender {
            own_figures: false,
            ..t.clone()
        });
        Some(fresh)
    }

    /// The questions that apply and that the bidder answers (not fixed), in asking order.
    pub fn asked(&self) -> Vec<QuestionId> {
        let mut seq = self.sequence();
        seq.retain(|&q| !self.is_fixed(q));
        seq
    }

    /// The other Call-Off Contracts listed, in order (kept when the gate is answered no,
    /// so that answering yes again restores them, but then not used).
    pub fn contracts(&self) -> &[Contract] {
        &self.contracts
    }

    /// Replaces the list of other Call-Off Contracts.
    pub fn set_contracts(&mut self, contracts: Vec<Contract>) {
        self.contracts = contracts;
    }

    /// Adds a contract at the end, or replaces the one at `index`; `false` if the list is
    /// full ([`crate::assessment::answers::MAX_CONTRACTS`]) or there is no such contract.
    pub fn put_contract(&mut self, index: Option<usize>, c: Contract) -> bool {
        match index {
            Some(i) if i < self.contracts.len() => {
                self.contracts[i] = c;
                true
            }
            Some(_) => false,
            None if self.contracts.len() >= crate::assessment::answers::MAX_CONTRACTS => false,
            None => {
                self.contracts.push(c);
                true
            }
        }
    }

    /// Removes the contract at `index`, if there is one.
    pub fn remove_contract(&mut self, index: usize) {
        if index < self.contracts.len() {
            self.contracts.remove(index);
        }
    }

    /// The gate ("Do you have other Call-Off Contracts?") is answered yes but no contract
    /// is listed yet: the flow asks for the first one.
    pub fn needs_contracts(&self) -> bool {
        self.schedule == Schedule::Df
            && self.yes(QuestionId::Other) == Some(true)
            && self.contracts.is_empty()
    }

    /// The old totals (`other_subjects`, `other_special`, `current_level`, from an old link
    /// or an earlier saved file) become one contract with no name, when all three are
    /// there and no contract is listed; the totals are then forgotten.
    pub fn migrate_totals(&mut self) {
        use QuestionId::*;
        let totals = (
            self.number(OtherSubjects),
            self.number(OtherSpecial),
            self.choice(CurrentLevel),
        );
        if let (Some(subjects), Some(special), Some(level)) = totals {
            if self.contracts.is_empty() {
                let level = super::contracts::parse_level(level).flatten();
                self.contracts = OtherContracts::one(subjects, special, level).contracts;
            }
        }
        for q in [OtherSubjects, OtherSpecial, CurrentLevel] {
            self.values.remove(&q);
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
    ///
    /// DF: once the questions that decide the level are answered, the level (worked out by
    /// [`level`], as [`assess`](crate::assessment::matrix::assess) finds it) adds the certification route at S3–S6 and hosting at S5–S6, after the
    /// Commencement Date. A change that moves the level brings them in (unanswered, so
    /// asked next) or leaves them out (kept, but not used).
    pub fn sequence(&self) -> Vec<QuestionId> {
        use QuestionId::*;
        match self.schedule {
            Schedule::Df => {
                let mut seq = self.df_level_questions();
                let level = self.df_core(&seq).map(|a| level(&a));
                seq.push(Commencement);
                if level.is_some_and(|l| l >= Level::S3) {
                    seq.push(Route);
                }
                if level.is_some_and(|l| l >= Level::S5) {
                    seq.push(Hosting);
                }
                seq
            }
            Schedule::Sm2017 => {
                let mut seq = vec![Effective, OwnDevices];
                if self.yes(OwnDevices) == Some(true) {
                    seq.push(Marking);
                    if self.choice(Marking)
                        == Some(crate::assessment::answers::Marking::OfficialSensitive.value())
                    {
                        seq.push(LongTerm);
                    }
                    seq.push(Bulk);
                }
                seq
            }
        }
    }

    /// The DF questions that decide the level, in asking order, as far as they apply.
    fn df_level_questions(&self) -> Vec<QuestionId> {
        use QuestionId::*;
        let mut seq = vec![Subjects, Special];
        let special_here = self.number(Special);
        if special_here.is_some_and(|n| n > 0) {
            seq.push(Professional);
        }
        seq.extend([Value, Months, Access, Other]);
        if self.yes(Other) == Some(true)
            && special_here == Some(0)
            && self.contracts.iter().any(|c| c.special > 0)
        {
            seq.push(Professional);
        }
        seq
    }

    /// The DF answers that decide the level (`level_questions`, all answered), without
    /// the date, route and hosting.
    fn df_core(&self, level_questions: &[QuestionId]) -> Option<DfAnswers> {
        use QuestionId::*;
        if level_questions.iter().any(|q| !self.values.contains_key(q)) || self.needs_contracts() {
            return None;
        }
        let other = (self.yes(Other) == Some(true)).then(|| OtherContracts {
            contracts: self.contracts.clone(),
        });
        Some(DfAnswers {
            subjects: self.number(Subjects)?,
            special: self.number(Special)?,
            professional: if level_questions.contains(&Professional) {
                self.yes(Professional)
            } else {
                None
            },
            value: self.number(Value)?,
            months: u32::try_from(self.number(Months)?).ok()?,
            access: self.yes(Access)?,
            other,
            ..DfAnswers::default()
        })
    }

    /// The first question in the sequence with no answer.
    /// The gate `Other` counts as unanswered while it is yes with no contract listed.
    pub fn first_unanswered(&self) -> Option<QuestionId> {
        self.sequence().into_iter().find(|&q| {
            !self.values.contains_key(&q) || (q == QuestionId::Other && self.needs_contracts())
        })
    }

    /// Every question that applies has an answer (or was skipped where optional).
    pub fn is_complete(&self) -> bool {
        self.first_unanswered().is_none()
    }

    /// The page after `q` in the sequence (fixed questions are passed over).
    pub fn next_after(&self, q: QuestionId) -> Option<QuestionId> {
        let seq = self.sequence();
        let i = seq.iter().position(|&x| x == q)?;
        seq[i + 1..].iter().copied().find(|&n| !self.is_fixed(n))
    }

    /// The page before `q` in the sequence (`None`: the start page; fixed questions are
    /// passed over).
    pub fn previous(&self, q: QuestionId) -> Option<QuestionId> {
        let seq = self.sequence();
        let i = seq.iter().position(|&x| x == q)?;
        seq[..i].iter().rev().copied().find(|&p| !self.is_fixed(p))
    }

    /// The DF answers, when complete. Route and hosting are taken where they are asked;
    /// "not decided", "not sure" or skipped is `None`.
    pub fn df(&self) -> Option<DfAnswers> {
        use QuestionId::*;
        if self.schedule != Schedule::Df || !self.is_complete() {
            return None;
        }
        let seq = self.sequence();
        let asked = |q: QuestionId| seq.contains(&q).then(|| self.choice(q)).flatten();
        Some(DfAnswers {
            commencement: self.date(Commencement),
            route: asked(Route).and_then(|v| match v {
                "a" => Some(Path::A),
                "b" => Some(Path::B),
                _ => None,
            }),
            hosting: asked(Hosting).and_then(|v| match v {
                "yes" => Some(true),
                "no" => Some(false),
                _ => None,
            }),
            ..self.df_core(&self.df_level_questions())?
        })
    }

    /// The 2017 answers, when complete; each answer is taken where it is asked.
    pub fn sm(&self) -> Option<SmAnswers> {
        use QuestionId::*;
        if self.schedule != Schedule::Sm2017 || !self.is_complete() {
            return None;
        }
        let seq = self.sequence();
        let asked = |q: QuestionId| seq.contains(&q);
        Some(SmAnswers {
            effective: self.date(Effective),
            own_devices: self.yes(OwnDevices)?,
            marking: if asked(Marking) {
                crate::assessment::answers::Marking::from_value(self.choice(Marking)?)
            } else {
                None
            },
            bulk: asked(Bulk).then(|| self.yes(Bulk)).flatten(),
            long_term: asked(LongTerm).then(|| self.yes(LongTerm)).flatten(),
        })
    }

    /// The answer as the check-answers page shows it ("3,000", "£45,000", "Not given").
    pub fn display(&self, q: QuestionId) -> String {
        match self.values.get(&q) {
            None => "Not answered".to_string(),
            Some(Answer::Skipped) => "Not given".to_string(),
            Some(Answer::Date(d)) => long_date(*d),
            Some(Answer::YesNo(true)) if q == QuestionId::Other => {
                let described: Vec<String> =
                    self.contracts.iter().map(Contract::describe).collect();
                match described.len() {
                    0 => "Yes (none listed yet)".to_string(),
                    1 => format!("Yes: {}", described[0]),
                    n => format!("Yes, {n} contracts: {}", described.join("; ")),
                }
            }
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
}
