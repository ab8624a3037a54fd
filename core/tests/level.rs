//! Table-driven and property tests of the security level (DF Schedule 2.4, Annex).
use proptest::prelude::*;
use security_matrix_core::assessment::matrix::{
    self, level_of, row_admits, LevelChange, MatrixInput,
};
use security_matrix_core::{
    assess, AmbiguityId, Criterion, DfAnswers, Level, OtherContracts, StandardsLevel,
};

/// The smallest contract: S1 on every column.
fn base() -> DfAnswers {
    DfAnswers {
        subjects: 5,
        special: 0,
        professional: None,
        value: 1_000,
        months: 6,
        access: false,
        other: None,
        commencement: None,
        route: None,
        hosting: None,
    }
}

fn ids(a: &DfAnswers) -> Vec<AmbiguityId> {
    assess(a).ambiguities.iter().map(|n| n.id()).collect()
}

#[test]
fn every_band_edge_of_every_column() {
    use Level::*;
    let subjects = [
        (9, S1),
        (10, S2),
        (99, S2),
        (100, S3),
        (999, S3),
        (1_000, S5),
        (2_499, S5),
        (2_500, S6),
        (2_501, S6),
    ];
    for (n, want) in subjects {
        let a = DfAnswers {
            subjects: n,
            ..base()
        };
        assert_eq!(assess(&a).level, want, "{n} data subjects");
    }
    let values = [
        (29_999, S1),
        (30_000, S2),
        (49_999, S2),
        (50_000, S3),
        (99_999, S3),
        (100_000, S5),
        (249_999, S5),
        (250_000, S6),
    ];
    for (v, want) in values {
        let a = DfAnswers { value: v, ..base() };
        assert_eq!(assess(&a).level, want, "£{v}");
    }
    for (m, want) in [(1, S1), (11, S1), (12, S5), (23, S5), (24, S6), (120, S6)] {
        let a = DfAnswers {
            months: m,
            ..base()
        };
        assert_eq!(assess(&a).level, want, "{m} months");
    }
}

#[test]
fn access_to_moj_systems_needs_s4_and_normal_standards() {
    let r = assess(&DfAnswers {
        access: true,
        ..base()
    });
    assert_eq!(r.level, Level::S4);
    assert_eq!(r.standards, StandardsLevel::Normal);
    let r = assess(&DfAnswers {
        access: true,
        subjects: 1_500,
        ..base()
    });
    assert_eq!((r.level, r.standards), (Level::S5, StandardsLevel::Normal));
}

#[test]
fn special_category_with_and_without_the_professional_rule() {
    let with = |professional| DfAnswers {
        special: 3,
        subjects: 3,
        professional,
        ..base()
    };
    assert_eq!(assess(&with(Some(true))).level, Level::S3);
    assert_eq!(assess(&with(Some(true))).standards, StandardsLevel::Basic);
    assert_eq!(assess(&with(Some(false))).level, Level::S4);
    assert_eq!(assess(&with(Some(false))).standards, StandardsLevel::Basic);
    // Unanswered counts as "no": the stricter reading.
    assert_eq!(assess(&with(None)).level, Level::S4);
    // No special category data: the professional answer does not matter.
    let none = DfAnswers {
        professional: Some(false),
        ..base()
    };
    assert_eq!(assess(&none).level, Level::S1);
}

#[test]
fn standards_level_for_each_level() {
    let cases = [
        (base(), Level::S1, StandardsLevel::None),
        (
            DfAnswers {
                subjects: 50,
                ..base()
            },
            Level::S2,
            StandardsLevel::Basic,
        ),
        (
            DfAnswers {
                subjects: 500,
                ..base()
            },
            Level::S3,
            StandardsLevel::Basic,
        ),
        (
            DfAnswers {
                special: 1,
                subjects: 1,
                ..base()
            },
            Level::S4,
            StandardsLevel::Basic,
        ),
        (
            DfAnswers {
                months: 18,
                ..base()
            },
            Level::S5,
            StandardsLevel::Normal,
        ),
        (
            DfAnswers {
                months: 36,
                ..base()
            },
            Level::S6,
            StandardsLevel::Enhanced,
        ),
    ];
    for (a, level, standards) in cases {
        let r = assess(&a);
        assert_eq!((r.level, r.standards), (level, standards), "{a:?}");
    }
}

#[test]
fn volumes_are_aggregated_across_call_off_contracts() {
    // The worked example of ¶1.3: 1,000 + 2,000 data sets, under 24 months.
    let a = DfAnswers {
        subjects: 2_000,
        months: 18,
        other: Some(OtherContracts::one(1_000, 0, Some(Level::S3))),
        ..base()
    };
    let r = assess(&a);
    assert_eq!(r.aggregate_subjects, 3_000);
    assert_eq!(r.level, Level::S6, "the Annex puts more than 2,500 at S6");
    let notes = ids(&a);
    assert!(notes.contains(&AmbiguityId::WorkedExample1_3), "{notes:?}");
    assert!(
        notes.contains(&AmbiguityId::AggregateEachOrAll),
        "{notes:?}"
    );
    let subjects = &r.criteria[0];
    assert_eq!(subjects.criterion, Criterion::Subjects);
    assert!(subjects.aggregate && subjects.deciding);
    assert!(
        subjects.answer.starts_with("3,000 (aggregate"),
        "{}",
        subjects.answer
    );
    assert_eq!((subjects.level, subjects.cell), (Level::S6, ">2500"));
    assert_eq!(subjects.cell_plain, "2,500 or more");
    // ¶1.4: the other contracts move from S3 to S6.
    let change = r.level_change.expect("level change");
    assert_eq!((change.from, change.to), (Some(Level::S3), Level::S6));

    // Special category data aggregates too.
    let a = DfAnswers {
        subjects: 40,
        other: Some(OtherContracts::one(10, 2, None)),
        ..base()
    };
    assert_eq!(assess(&a).level, Level::S4);
    assert_eq!(assess(&a).aggregate_special, 2);
}

#[test]
fn paragraph_1_4_only_when_the_level_changes() {
    let with_current = |current| DfAnswers {
        subjects: 500,
        other: Some(OtherContracts::one(100, 0, current)),
        ..base()
    };
    assert_eq!(assess(&with_current(Some(Level::S3))).level, Level::S3);
    assert_eq!(assess(&with_current(Some(Level::S3))).level_change, None);
    let change = assess(&with_current(Some(Level::S2))).level_change.unwrap();
    assert_eq!((change.from, change.to), (Some(Level::S2), Level::S3));
    // Nothing applied to them yet: they must now carry the level too.
    assert!(assess(&with_current(None)).level_change.is_some());
    // No other contracts: no ¶1.4 duty.
    assert_eq!(assess(&base()).level_change, None);
}

#[test]
fn ambiguity_notes_where_the_schedule_is_unclear() {
    let cases: [(DfAnswers, AmbiguityId, bool); 14] = [
        (
            DfAnswers {
                subjects: 2_500,
                ..base()
            },
            AmbiguityId::Subjects2500,
            true,
        ),
        (
            DfAnswers {
                subjects: 2_499,
                ..base()
            },
            AmbiguityId::Subjects2500,
            false,
        ),
        (
            DfAnswers {
                subjects: 2_501,
                ..base()
            },
            AmbiguityId::Subjects2500,
            false,
        ),
        (
            DfAnswers {
                value: 100_000,
                ..base()
            },
            AmbiguityId::Value100k,
            true,
        ),
        (
            DfAnswers {
                value: 99_999,
                ..base()
            },
            AmbiguityId::Value100k,
            false,
        ),
        // With access, S4 or more is needed anyway: £100,000 is S5 on either reading.
        (
            DfAnswers {
                value: 100_000,
                access: true,
                ..base()
            },
            AmbiguityId::Value100k,
            false,
        ),
        // 24 months need S6 anyway: 2,500 data subjects change nothing.
        (
            DfAnswers {
                subjects: 2_500,
                months: 24,
                ..base()
            },
            AmbiguityId::Subjects2500,
            false,
        ),
        (
            DfAnswers {
                subjects: 1_000,
                ..base()
            },
            AmbiguityId::WorkedExample1_3,
            true,
        ),
        (
            DfAnswers {
                subjects: 999,
                ..base()
            },
            AmbiguityId::WorkedExample1_3,
            false,
        ),
        (
            DfAnswers {
                value: 60_000,
                ..base()
            },
            AmbiguityId::ValueNotIn1_2,
            true,
        ),
        (
            DfAnswers {
                value: 60_000,
                subjects: 500,
                ..base()
            },
            AmbiguityId::ValueNotIn1_2,
            false,
        ),
        (
            DfAnswers {
                months: 30,
                ..base()
            },
            AmbiguityId::RowCeilings,
            true,
        ),
        (
            DfAnswers {
                months: 30,
                access: true,
                subjects: 3_000,
                ..base()
            },
            AmbiguityId::RowCeilings,
            false,
        ),
        (
            DfAnswers {
                special: 9,
                subjects: 3,
                ..base()
            },
            AmbiguityId::SpecialExceedsSubjects,
            true,
        ),
    ];
    for (a, id, expected) in cases {
        assert_eq!(
            ids(&a).contains(&id),
            expected,
            "{id} for {a:?}: {:?}",
            ids(&a)
        );
    }
    // The stricter reading is applied in each case.
    assert_eq!(
        assess(&DfAnswers {
            subjects: 2_500,
            ..base()
        })
        .level,
        Level::S6
    );
    assert_eq!(
        assess(&DfAnswers {
            value: 100_000,
            ..base()
        })
        .level,
        Level::S5
    );
    let r = assess(&DfAnswers {
        special: 9,
        subjects: 3,
        ..base()
    });
    assert_eq!(r.aggregate_subjects, 9);
}

/// Every note of the data file has words and is raised by the rules for some answers: the
/// match is exhaustive, so a note added to the data does not compile here until answers
/// that raise it are given.
#[test]
fn every_ambiguity_note_has_words_and_is_raised() {
    for id in AmbiguityId::ALL {
        let note = id.text();
        assert_eq!(note.id, id);
        assert_eq!(id.to_string(), id.as_str());
        assert!(!note.title.is_empty() && !note.quote.is_empty() && !note.reading.is_empty());
        let raising = match id {
            AmbiguityId::Subjects2500 => DfAnswers {
                subjects: 2_500,
                ..base()
            },
            AmbiguityId::Value100k => DfAnswers {
                value: 100_000,
                ..base()
            },
            AmbiguityId::WorkedExample1_3 => DfAnswers {
                subjects: 1_000,
                ..base()
            },
            AmbiguityId::ValueNotIn1_2 => DfAnswers {
                value: 60_000,
                ..base()
            },
            AmbiguityId::AggregateEachOrAll => DfAnswers {
                subjects: 2_000,
                other: Some(OtherContracts::one(1_000, 0, Some(Level::S3))),
                ..base()
            },
            AmbiguityId::RowCeilings => DfAnswers {
                months: 30,
                ..base()
            },
            AmbiguityId::SpecialExceedsSubjects => DfAnswers {
                special: 9,
                subjects: 3,
                ..base()
            },
            AmbiguityId::OneLevelAllContracts => DfAnswers {
                other: Some(OtherContracts::one(0, 0, Some(Level::S6))),
                ..base()
            },
            AmbiguityId::AccessS4 => DfAnswers {
                access: true,
                ..base()
            },
        };
        assert!(ids(&raising).contains(&id), "{id}: {:?}", ids(&raising));
    }
    assert_eq!(matrix::AMBIGUITY_TEXTS.len(), AmbiguityId::ALL.len());
}

#[test]
fn what_if_hints_name_the_threshold_and_the_lower_level() {
    let r = assess(&DfAnswers {
        subjects: 1_500,
        ..base()
    });
    assert_eq!(r.level, Level::S5);
    let texts: Vec<_> = r.what_if.iter().map(|w| w.text.as_str()).collect();
    assert_eq!(
        texts,
        ["With fewer than 1,000 data subjects this would be S3"]
    );

    let r = assess(&DfAnswers {
        subjects: 1_500,
        value: 60_000,
        ..base()
    });
    assert_eq!(r.what_if[0].level, Level::S3);

    let r = assess(&DfAnswers {
        access: true,
        ..base()
    });
    assert_eq!(
        r.what_if[0].text,
        "With no access to MoJ systems this would be S1"
    );

    let r = assess(&DfAnswers {
        special: 4,
        subjects: 4,
        professional: Some(false),
        ..base()
    });
    let texts: Vec<_> = r.what_if.iter().map(|w| w.text.as_str()).collect();
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert!(texts[0].starts_with("With a recipient who is a registered medical practitioner"));
    assert!(texts[0].ends_with("this would be S3"));
    assert_eq!(texts[1], "With no special category data this would be S1");

    // Two criteria decide together: only a joint change lowers the level.
    let r = assess(&DfAnswers {
        subjects: 3_000,
        value: 300_000,
        ..base()
    });
    assert_eq!(r.deciding().count(), 2);
    assert_eq!(
        r.what_if.iter().map(|w| w.text.as_str()).collect::<Vec<_>>(),
        ["Only with fewer than 2,500 data subjects and a value under £250,000 together would this be S5"]
    );
    assert!(assess(&base()).what_if.is_empty());
}

#[test]
fn criterion_results_explain_each_column() {
    let r = assess(&DfAnswers {
        value: 45_000,
        months: 12,
        ..base()
    });
    let by = |c: Criterion| r.criteria.iter().find(|x| x.criterion == c).unwrap();
    assert_eq!(by(Criterion::Value).answer, "£45,000");
    assert_eq!(by(Criterion::Value).level, Level::S2);
    assert_eq!(by(Criterion::Value).cell_plain, "£30,000 to £49,999");
    assert!(!by(Criterion::Value).deciding);
    assert_eq!(by(Criterion::Duration).cell, "<24 months");
    assert_eq!(by(Criterion::Duration).cell_plain, "12 months to 23 months");
    assert!(by(Criterion::Duration).deciding);
    assert_eq!(by(Criterion::Subjects).cell_plain, "fewer than 10");
    assert_eq!(by(Criterion::Access).answer, "No");
}

fn number() -> impl Strategy<Value = u64> {
    prop_oneof![
        0..20u64,
        0..3_000u64,
        0..400_000u64,
        prop::sample::select(vec![
            9, 10, 99, 100, 999, 1_000, 2_499, 2_500, 2_501, 29_999, 30_000, 49_999, 50_000,
            99_999, 100_000, 249_999, 250_000
        ]),
        any::<u64>(),
    ]
}

fn other_contracts() -> impl Strategy<Value = Option<OtherContracts>> {
    prop::option::of(
        (
            number(),
            prop_oneof![Just(0u64), number()],
            prop::option::of(1u8..=6),
        )
            .prop_map(|(subjects, special, level)| {
                OtherContracts::one(subjects, special, level.and_then(Level::from_number))
            }),
    )
}

fn answers() -> impl Strategy<Value = DfAnswers> {
    (
        number(),
        prop_oneof![Just(0u64), number()],
        any::<Option<bool>>(),
        number(),
        prop_oneof![1..30u32, any::<u32>()],
        any::<bool>(),
        other_contracts(),
    )
        .prop_map(
            |(subjects, special, professional, value, months, access, other)| DfAnswers {
                subjects,
                special,
                professional,
                value,
                months,
                access,
                other,
                commencement: None,
                route: None,
                hosting: None,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 100_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn level_is_sound_and_monotone(a in answers(), bump in 1..5_000u64, which in 0..7u8) {
        let r = assess(&a);
        let input = MatrixInput::from_answers(&a);
        // The level admits every answer; the level below does not.
        prop_assert!(row_admits(r.level, &input));
        if let Some(below) = r.level.below() {
            prop_assert!(!row_admits(below, &input));
        }
        prop_assert_eq!(r.level, r.criteria.iter().map(|c| c.level).max().unwrap());
        prop_assert!(r.deciding().count() >= 1);
        prop_assert!(r.what_if.iter().all(|w| w.level < r.level));
        // Where the printed matrix leaves a gap and the other reading would give another
        // level, a note says which reading was applied.
        let has = |id: AmbiguityId| r.ambiguities.iter().any(|n| n.id() == id);
        if input.subjects == 2_500 {
            // Read as "up to 2,500", S5 takes 2,500 like 2,499.
            let lenient = security_matrix_core::assessment::matrix::level_of(&MatrixInput { subjects: 2_499, ..input });
            prop_assert_eq!(has(AmbiguityId::Subjects2500), lenient != r.level);
        }
        if input.value == 100_000 {
            // Read as "up to £100k", S3 admits £100,000 but S4 still does not.
            let others = r.criteria.iter().filter(|c| c.criterion != Criterion::Value).map(|c| c.level).max().unwrap();
            let lenient = if others <= Level::S3 { others.max(Level::S3) } else { others.max(Level::S5) };
            prop_assert_eq!(has(AmbiguityId::Value100k), lenient != r.level);
        }

        // Raising any number or choosing the more demanding answer never lowers the level.
        let mut b = a.clone();
        match which {
            0 => b.subjects = b.subjects.saturating_add(bump),
            1 => b.special = b.special.saturating_add(bump),
            2 => b.value = b.value.saturating_add(bump),
            3 => b.months = b.months.saturating_add(bump as u32),
            4 => b.access = true,
            5 => b.professional = Some(false),
            _ => {
                let o = b.other.get_or_insert_with(|| OtherContracts::one(0, 0, None));
                o.contracts[0].subjects = o.contracts[0].subjects.saturating_add(bump);
            }
        }
        prop_assert!(assess(&b).level >= r.level, "{:?} -> {:?}", a, b);
    }
}

// One level for all concurrent contracts (¶1.1, ¶1.3, ¶1.4), over the same answers.
proptest! {
    #![proptest_config(ProptestConfig { cases: 20_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn the_applied_level_is_never_below_the_incumbents_or_the_annex(a in answers()) {
        let r = assess(&a);
        let input = MatrixInput::from_answers(&a);
        let annex = level_of(&input.annex_only());
        prop_assert_eq!(r.annex_level, annex);
        prop_assert!(r.level >= annex);
        let incumbent = a.other.as_ref().and_then(|o| o.current_level());
        if let Some(held) = incumbent {
            prop_assert!(r.level >= held);
        }
        // Exactly the higher of the two.
        prop_assert_eq!(r.level, incumbent.map_or(annex, |held| held.max(annex)));
    }

    #[test]
    fn paragraph_1_4_exactly_when_the_level_rises_above_a_set_level(a in answers()) {
        let r = assess(&a);
        match a.other.as_ref().map(|o| o.current_level()) {
            None => prop_assert_eq!(r.level_change, None),
            Some(None) => prop_assert_eq!(r.level_change, Some(LevelChange { from: None, to: r.level })),
            Some(Some(held)) => prop_assert_eq!(
                r.level_change.is_some(),
                r.level > held,
                "held {}, applied {}", held, r.level
            ),
        }
        if let Some(LevelChange { from: Some(from), to }) = r.level_change {
            prop_assert!(to > from, "never a notice about a drop");
        }
    }

    #[test]
    fn every_what_if_hint_is_reachable(a in answers()) {
        let r = assess(&a);
        let held = a.other.as_ref().and_then(|o| o.current_level()).unwrap_or(Level::S1);
        for w in &r.what_if {
            prop_assert!(w.level < r.level);
            prop_assert!(w.level >= held, "{} promises {} under the incumbents' {}", w.text, w.level, held);
            prop_assert!(!w.criteria.contains(&Criterion::Incumbents));
        }
    }
}
