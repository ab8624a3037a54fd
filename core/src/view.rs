//! The result's views: a short summary with a task list, and a view for each thing it
//! links to. A view has a key, used in links (`view=plan`) and in what the tab keeps.
use crate::assessment::level::Level;
use crate::duties::Category;
use std::fmt;

/// One view of the result.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    /// The level, why in a sentence, what is due next, the counts and the task list.
    #[default]
    Summary,
    /// Why the level is what it is (DF), or the own-device verdict (2017).
    Why,
    /// Where the schedule is unclear (DF, when there are notes).
    Notes,
    /// The dated plan, folded by period.
    Plan,
    /// The obligations of one subject, with their tracker controls.
    Subject(Category),
    /// Print, save, the statement, the link, the calendar.
    Take,
    /// Everything on one page: what printing uses.
    All,
}

impl View {
    /// The key in links and storage: `summary`, `why`, `notes`, `plan`, `take`, `all` or
    /// `subject-<id>` ([`Category::key`]).
    pub fn key(self) -> String {
        match self {
            View::Summary => "summary".into(),
            View::Why => "why".into(),
            View::Notes => "notes".into(),
            View::Plan => "plan".into(),
            View::Take => "take".into(),
            View::All => "all".into(),
            View::Subject(c) => format!("subject-{}", c.key()),
        }
    }

    /// The view for a key (case and surrounding spaces ignored).
    pub fn from_key(key: &str) -> Option<View> {
        let key = key.trim().to_ascii_lowercase();
        Some(match key.as_str() {
            "summary" => View::Summary,
            "why" => View::Why,
            "notes" => View::Notes,
            "plan" => View::Plan,
            "take" => View::Take,
            "all" => View::All,
            other => View::Subject(Category::from_key(other.strip_prefix("subject-")?)?),
        })
    }
}

impl View {
    /// The view's heading (and the start of the document title): `level` is the DF level,
    /// `None` for the 2017 schedule. The summary's heading is the result panel's own.
    pub fn heading(self, level: Option<Level>) -> String {
        match (self, level) {
            (View::Summary, Some(l)) => format!("Your security level is {l}"),
            (View::Summary, None) => {
                "Your obligations under Schedule 2.4 Security Management (2017)".into()
            }
            (View::Why, Some(l)) => format!("Why your level is {l}"),
            (View::Why, None) => "Using your own computers".into(),
            (View::Notes, _) => "Where the schedule is unclear".into(),
            (View::Plan, _) => "Your dated plan".into(),
            (View::Subject(c), _) => c.name().into(),
            (View::Take, _) => "Take it with you".into(),
            (View::All, _) => "Your security obligations: all on one page".into(),
        }
    }
}

impl fmt::Display for View {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.key())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_view_round_trips_through_its_key() {
        let views = [
            View::Summary,
            View::Why,
            View::Notes,
            View::Plan,
            View::Take,
            View::All,
        ]
        .into_iter()
        .chain(Category::ALL.into_iter().map(View::Subject));
        for v in views {
            assert_eq!(View::from_key(&v.key()), Some(v), "{v}");
        }
        assert_eq!(View::from_key(" PLAN "), Some(View::Plan));
        assert_eq!(View::from_key("subject-"), None);
        assert_eq!(View::from_key("subject-nope"), None);
        assert_eq!(View::from_key("certification"), None);
    }
}
