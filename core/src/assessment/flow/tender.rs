//! The tender an assessment is for, when a tender portal embeds the widget with presets:
//! its name and reference, and the answers the Customer set for it (fixed: not asked, shown
//! as the Customer's, never changed by the bidder). "Work it out with your own figures
//! instead" keeps the name but fixes nothing, labelled as not the tender's.
use crate::assessment::questions::QuestionId;

/// The longest tender name kept (a longer one is cut, and the cut reported).
pub const MAX_TENDER: usize = 150;
/// The longest tender reference kept (a longer one is cut, and the cut reported).
pub const MAX_TENDER_REF: usize = 50;

/// The tender an assessment is for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tender {
    /// Its name, plain text ("Prison education services"); may be empty.
    pub name: String,
    /// Its reference, plain text ("MOJ-2027-041"); may be empty.
    pub reference: String,
    /// The questions whose answers the Customer set, in question order.
    pub fixed: Vec<QuestionId>,
    /// The bidder chose to work it out with their own figures: nothing is fixed, and the
    /// result says the figures are not the tender's.
    pub own_figures: bool,
}

impl Tender {
    /// The tender as the result names it: "Prison education services (MOJ-2027-041)", the
    /// name or the reference alone, or "this tender".
    pub fn title(&self) -> String {
        match (self.name.is_empty(), self.reference.is_empty()) {
            (false, false) => format!("{} ({})", self.name, self.reference),
            (false, true) => self.name.clone(),
            (true, false) => self.reference.clone(),
            (true, true) => "this tender".to_string(),
        }
    }

    /// One sentence saying which answers the Customer set (for the why view, the
    /// statement and the documents), or, with the bidder's own figures, that they are not
    /// the tender's. `None` when nothing was fixed.
    pub fn statement(&self) -> Option<String> {
        if self.own_figures {
            return Some(format!(
                "Worked out with the bidder's own figures, not the answers the Customer set for {}.",
                self.title()
            ));
        }
        if self.fixed.is_empty() {
            return None;
        }
        let labels: Vec<String> = self
            .fixed
            .iter()
            .map(|q| first_lower(q.question().label))
            .collect();
        Some(format!(
            "The Customer set these answers for {}: {}.",
            self.title(),
            join_words(&labels)
        ))
    }
}

/// A label inside a sentence: its first letter in lower case ("access to MoJ systems").
fn first_lower(label: &str) -> String {
    let mut chars = label.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "a", "a and b", "a, b and c".
fn join_words(words: &[String]) -> String {
    match words {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// `text` trimmed, with control characters removed, cut to `max` characters: the text and
/// whether it was cut.
pub fn clean_text(text: &str, max: usize) -> (String, bool) {
    let text: String = text.trim().chars().filter(|c| !c.is_control()).collect();
    let cut = text.chars().count() > max;
    let text = if cut {
        text.chars()
            .take(max)
            .collect::<String>()
            .trim_end()
            .to_string()
    } else {
        text
    };
    (text, cut)
}

/// Whether the Customer can set the answer to `q` (its own facts, not the bidder's list of
/// other contracts, nor the old totals that stand for them).
pub fn can_fix(q: QuestionId) -> bool {
    !matches!(
        q,
        QuestionId::Other
            | QuestionId::OtherSubjects
            | QuestionId::OtherSpecial
            | QuestionId::CurrentLevel
    )
}
