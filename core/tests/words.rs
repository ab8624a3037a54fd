//! The clauses' own words, kept apart from the rest of the catalogue
//! (`catalogue::words`): what the build writes into the words script, and, with the
//! `lazy-words` feature, nothing until they are installed
//! (`cargo test -p security-matrix-core --features lazy-words --test words`).
use security_matrix_core::duties::{obligations, words};
use security_matrix_core::{ObligationId, Schedule};

/// Every obligation of both schedules, in catalogue order.
fn catalogue() -> Vec<&'static security_matrix_core::duties::Obligation> {
    obligations(Schedule::Df)
        .iter()
        .chain(obligations(Schedule::Sm2017))
        .collect()
}

#[test]
fn the_built_in_words_are_every_obligations_text_in_catalogue_order() {
    let parsed = words::builtin();
    let all = catalogue();
    assert_eq!(parsed.len(), all.len());
    assert_eq!(ObligationId::all().count(), all.len());
    for (text, (o, id)) in parsed.iter().zip(all.iter().zip(ObligationId::all())) {
        assert_eq!(o.id, id, "catalogue order is id order");
        assert!(text.split_whitespace().count() >= 3, "{}: {text:?}", o.id);
        if words::ready() {
            assert_eq!(o.text(), Some(*text), "{}", o.id);
        }
    }
}

#[test]
fn the_words_are_not_those_of_another_field() {
    // The split into two statics keeps each text with its obligation: no title or
    // reference is taken for words.
    for (o, text) in catalogue().iter().zip(words::builtin()) {
        assert_ne!(*text, o.title, "{}", o.id);
        assert_ne!(*text, o.reference, "{}", o.id);
    }
}

#[cfg(not(feature = "lazy-words"))]
#[test]
fn without_lazy_words_the_words_are_built_in() {
    assert!(words::ready());
    assert!(catalogue().iter().all(|o| o.text().is_some()));
}

#[cfg(feature = "lazy-words")]
#[test]
fn with_lazy_words_the_text_is_none_until_installed() {
    let all = catalogue();
    assert!(!words::ready());
    assert!(all.iter().all(|o| o.text().is_none()));
    // A words file of another build (one text short) is refused, and changes nothing.
    let mut given: Vec<String> = words::builtin().iter().map(|s| s.to_string()).collect();
    let last = given.pop().expect("obligations");
    let refused = words::install(given.clone()).expect_err("one short");
    assert_eq!(
        (refused.given, refused.expected),
        (all.len() - 1, all.len())
    );
    assert!(!words::ready());
    assert!(all.iter().all(|o| o.text().is_none()));
    given.push(last);
    words::install(given).expect("this build's words");
    assert!(words::ready());
    for (o, text) in all.iter().zip(words::builtin()) {
        assert_eq!(o.text(), Some(*text), "{}", o.id);
    }
    // Installed once: a later install changes nothing.
    words::install(vec!["x".into(); all.len()]).expect("the right count");
    assert_eq!(all[0].text(), Some(words::builtin()[0]));
}
