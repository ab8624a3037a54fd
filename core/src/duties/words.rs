//! The clauses' own words ([`Obligation::text`]): the longest
//! text of the catalogue (about 58 KB), which only the result views and the compliance
//! matrix show.
//!
//! Without the `lazy-words` feature they are built in: [`get`] reads them from the
//! generated statics. With it (the production WebAssembly build), nothing reads those
//! statics, so the linker leaves them out of the bundle; the build writes them to a
//! separate integrity-checked script ([`builtin`], printed by the native pre-render in
//! `prerender/`), the
//! app loads it when a result view first shows, and hands the words to [`install`]. Until
//! then [`get`] gives `None`.
use std::sync::OnceLock;

use super::catalogue::{
    Obligation, ObligationId, DF_OBLIGATION_WORDS, OBLIGATION_COUNT, SM2017_OBLIGATION_WORDS,
};

/// The words given to [`install`], one per obligation in catalogue order.
static INSTALLED: OnceLock<Vec<&'static str>> = OnceLock::new();

/// Why [`install`] refused the words it was given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordsError {
    /// How many texts were given.
    pub given: usize,
    /// How many obligations there are.
    pub expected: usize,
}

impl std::fmt::Display for WordsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} texts for {} obligations: the words file is not this build's",
            self.given, self.expected
        )
    }
}

/// The words built into the program, one per obligation in catalogue order (DF's, then
/// 2017's). Always available natively; a `lazy-words` WebAssembly build does not call it,
/// so they are not in its bundle.
pub fn builtin() -> &'static [&'static str] {
    static DECODED: OnceLock<Vec<&'static str>> = OnceLock::new();
    DECODED.get_or_init(|| {
        let split = |text: &'static str| text.split('\u{1f}').filter(|s| !s.is_empty());
        split(DF_OBLIGATION_WORDS)
            .chain(split(SM2017_OBLIGATION_WORDS))
            .collect()
    })
}

/// Gives the program the clauses' words (from the words script), one per obligation in
/// catalogue order. Refused when the count is not the catalogue's; once installed, later
/// calls change nothing. They stay for the life of the program.
pub fn install(words: Vec<String>) -> Result<(), WordsError> {
    if words.len() != OBLIGATION_COUNT {
        return Err(WordsError {
            given: words.len(),
            expected: OBLIGATION_COUNT,
        });
    }
    INSTALLED.get_or_init(|| {
        words
            .into_iter()
            .map(|w| &*Box::leak(w.into_boxed_str()))
            .collect()
    });
    Ok(())
}

/// Whether the words are there: built in, or installed.
pub fn ready() -> bool {
    cfg!(not(feature = "lazy-words")) || INSTALLED.get().is_some()
}

/// The words of one obligation, `None` while a `lazy-words` build has not been given them.
pub fn get(id: ObligationId) -> Option<&'static str> {
    let index = usize::from(id.0);
    if let Some(words) = INSTALLED.get() {
        return words.get(index).copied();
    }
    #[cfg(feature = "lazy-words")]
    return None;
    #[cfg(not(feature = "lazy-words"))]
    builtin().get(index).copied()
}

impl Obligation {
    /// The clause's own words, whitespace collapsed and list numbering left out. Always
    /// there without the `lazy-words` feature; with it, `None` until [`install`]
    /// has been given them.
    pub fn text(&self) -> Option<&'static str> {
        get(self.id)
    }
}
