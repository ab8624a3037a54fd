//! One level for all concurrent Call-Off Contracts (DF ¶1.1, ¶1.3, ¶1.4), and the smaller
//! readings made explicit: access alone at S4, the S1 notice, route (b) Standards at S3/S4.
//! The property tests of these readings run over `level.rs`'s answers.
use security_matrix_core::{assess, AmbiguityId, Criterion, DfAnswers, Level, OtherContracts};

/// A small contract: S2 by the Annex (50 data subjects, £40,000, 6 months, no access).
fn small() -> DfAnswers {
    DfAnswers {
        subjects: 50,
        value: 40_000,
        months: 6,
        ..DfAnswers::default()
    }
}

fn with_others(a: DfAnswers, subjects: u64, current: Option<Level>) -> DfAnswers {
    DfAnswers {
        other: Some(OtherContracts::one(subjects, 0, current)),
        ..a
    }
}

fn ids(a: &DfAnswers) -> Vec<AmbiguityId> {
    assess(a).ambiguities.iter().map(|n| n.id()).collect()
}

#[test]
fn the_incumbents_level_holds_the_common_level() {
    use Level::*;
    // (this contract, other contracts' subjects, their level) → (applied, Annex, ¶1.4 from)
    type Row = (
        DfAnswers,
        u64,
        Option<Level>,
        Level,
        Level,
        Option<Option<Level>>,
    );
    let rows: [Row; 7] = [
        // 50 + 10 subjects, £40k: S2 by the Annex, but the others are at S6.
        (small(), 10, Some(S6), S6, S2, None),
        // Same level: nothing changes, nothing to notify.
        (small(), 10, Some(S2), S2, S2, None),
        // 950 + 50 = 1,000 subjects: S5 by the Annex, above the S4 set: notify.
        (small(), 950, Some(S4), S5, S5, Some(Some(S4))),
        // The ¶1.3 example: 2,000 + 1,000 at S3: 3,000 → S6 (Annex), rises from S3.
        (
            DfAnswers {
                subjects: 2_000,
                value: 200_000,
                months: 18,
                access: true,
                ..small()
            },
            1_000,
            Some(S3),
            S6,
            S6,
            Some(Some(S3)),
        ),
        // Others at S5, Annex S3: S5 holds; never a notice about a drop.
        (small(), 500, Some(S5), S5, S3, None),
        // None set: ¶1.4 cannot be told; said so (from = None), level from the Annex.
        (small(), 10, None, S2, S2, Some(None)),
        // Others at S1 (below): the award raises them to S2.
        (small(), 10, Some(S1), S2, S2, Some(Some(S1))),
    ];
    for (a, others, current, applied, annex, change) in rows {
        let a = with_others(a, others, current);
        let r = assess(&a);
        let label = format!("{others} others at {current:?}");
        assert_eq!(r.level, applied, "{label}");
        assert_eq!(r.annex_level, annex, "{label}");
        assert_eq!(r.level_change.map(|c| c.from), change, "{label}");
        if let Some(c) = r.level_change {
            assert_eq!(c.to, applied, "{label}");
        }
    }
}

#[test]
fn the_why_trace_names_the_incumbents_level_as_a_criterion() {
    let a = with_others(small(), 10, Some(Level::S6));
    let r = assess(&a);
    let row = r
        .criteria
        .iter()
        .find(|c| c.criterion == Criterion::Incumbents)
        .expect("a row for the other contracts' level");
    assert_eq!(
        row.answer,
        "Your other Call-Off Contracts are at S6: one level applies to all contracts (¶1.1, ¶1.3)"
    );
    assert_eq!(row.level, Level::S6);
    assert!(row.deciding);
    let deciding: Vec<Criterion> = r.deciding().map(|c| c.criterion).collect();
    assert_eq!(deciding, [Criterion::Incumbents]);
    // The note explains the reading, with the Annex result for these answers.
    assert!(
        ids(&a).contains(&AmbiguityId::OneLevelAllContracts),
        "{:?}",
        ids(&a)
    );
    let note = r
        .ambiguities
        .iter()
        .find(|n| n.id() == AmbiguityId::OneLevelAllContracts)
        .unwrap();
    let detail = note.detail.as_deref().unwrap();
    assert!(
        detail.contains("The Annex puts this contract's answers at S2")
            && detail.contains("your other Call-Off Contracts are at S6"),
        "{detail}"
    );
    assert!(note.text.reading.contains("Ask the Customer to confirm"));
    // The volumes of the others raise this contract's own Annex result: both are said.
    let a = with_others(small(), 950, Some(Level::S6));
    let detail = assess(&a)
        .ambiguities
        .into_iter()
        .find(|n| n.id() == AmbiguityId::OneLevelAllContracts)
        .and_then(|n| n.detail)
        .unwrap();
    assert!(
        detail.contains("alone at S2, and at S5 with the volumes of your other contracts added"),
        "{detail}"
    );

    // Not set, or not above the Annex result: no row or no note.
    let r = assess(&with_others(small(), 10, None));
    assert!(r
        .criteria
        .iter()
        .all(|c| c.criterion != Criterion::Incumbents));
    assert!(!ids(&with_others(small(), 10, Some(Level::S2)))
        .contains(&AmbiguityId::OneLevelAllContracts));
    // The aggregation note is about volumes: not raised when only the level holds.
    assert!(
        !ids(&with_others(small(), 10, Some(Level::S6))).contains(&AmbiguityId::AggregateEachOrAll)
    );
    // Nor the S5/S6 row-ceilings note, which is about the Annex's own rows.
    assert!(!ids(&with_others(small(), 10, Some(Level::S6))).contains(&AmbiguityId::RowCeilings));
}

#[test]
fn what_if_hints_never_promise_what_the_incumbents_level_prevents() {
    // 3,000 subjects (S6 by the Annex) with others at S6: lowering subjects would not help.
    let a = with_others(
        DfAnswers {
            subjects: 3_000,
            ..small()
        },
        0,
        Some(Level::S6),
    );
    assert!(assess(&a).what_if.is_empty(), "{:?}", assess(&a).what_if);
    // With others at S4, fewer subjects would give S5 (above S4, so truthful).
    let a = with_others(
        DfAnswers {
            subjects: 3_000,
            ..small()
        },
        0,
        Some(Level::S4),
    );
    let hints: Vec<String> = assess(&a).what_if.into_iter().map(|w| w.text).collect();
    assert_eq!(
        hints,
        ["With fewer than 2,500 data subjects this would be S5"]
    );
}

#[test]
fn access_alone_at_s4_carries_a_note() {
    // Access is the only criterion above S2: S4, with the note on the S4 access cell.
    let a = DfAnswers {
        access: true,
        ..small()
    };
    let r = assess(&a);
    assert_eq!(r.level, Level::S4);
    assert!(ids(&a).contains(&AmbiguityId::AccessS4), "{:?}", ids(&a));
    // Access at S5 (value £200,000 sets it): the S4 cell is not what is read.
    let a = DfAnswers {
        access: true,
        value: 200_000,
        ..small()
    };
    assert_eq!(assess(&a).level, Level::S5);
    assert!(!ids(&a).contains(&AmbiguityId::AccessS4));
    // No access: no note.
    assert!(!ids(&small()).contains(&AmbiguityId::AccessS4));
    // S4 held by other contracts, with access: access needs S4 too, still read from the cell.
    let a = with_others(
        DfAnswers {
            access: true,
            ..small()
        },
        0,
        Some(Level::S4),
    );
    assert!(ids(&a).contains(&AmbiguityId::AccessS4));
}

#[test]
fn s1_says_nothing_electronic_and_s3_s4_standards_name_route_b() {
    let s1 = assess(&DfAnswers {
        subjects: 5,
        value: 1_000,
        ..small()
    });
    assert_eq!(s1.level, Level::S1);
    let notice = s1.notice.expect("S1 notice");
    assert!(
        notice.contains("no Customer Data may be held or sent electronically at all")
            && notice.contains("¶3.1.1")
            && notice.contains("¶3.1.2")
            && notice.contains("email"),
        "{notice}"
    );
    for (a, level, route_b) in [
        (small(), Level::S2, false),
        (
            DfAnswers {
                subjects: 500,
                ..small()
            },
            Level::S3,
            true,
        ),
        (
            DfAnswers {
                access: true,
                ..small()
            },
            Level::S4,
            true,
        ),
        (
            DfAnswers {
                value: 200_000,
                ..small()
            },
            Level::S5,
            false,
        ),
    ] {
        let r = assess(&a);
        assert_eq!(r.level, level);
        assert_eq!(r.notice, None, "{level}");
        assert_eq!(
            r.standards_note
                .is_some_and(|n| n.starts_with("under route (b)")),
            route_b,
            "{level}: {:?}",
            r.standards_note
        );
    }
}
