//! `cargo bench -p security-matrix-core`: the time of one full level assessment.
//! A report, not a pass/fail test.
use security_matrix_core::{assess, DfAnswers, Level, OtherContracts};
use std::hint::black_box;
use std::time::Instant;

fn measure(name: &str, answers: &DfAnswers) {
    // Warm up, then take the median of 15 batches.
    for _ in 0..10_000 {
        black_box(assess(black_box(answers)));
    }
    let batch = 20_000u32;
    let mut per_call: Vec<f64> = (0..15)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..batch {
                black_box(assess(black_box(answers)));
            }
            start.elapsed().as_secs_f64() * 1e9 / f64::from(batch)
        })
        .collect();
    per_call.sort_by(f64::total_cmp);
    println!("assess/{name}: median {:.0} ns per assessment", per_call[7]);
}

fn main() {
    let s1 = DfAnswers {
        subjects: 5,
        value: 1_000,
        months: 6,
        ..DfAnswers::default()
    };
    let s6 = DfAnswers {
        subjects: 2_000,
        special: 40,
        professional: Some(false),
        value: 300_000,
        months: 36,
        access: true,
        other: Some(OtherContracts::one(1_000, 5, Some(Level::S5))),
        commencement: None,
        route: None,
        hosting: None,
    };
    measure("s1", &s1);
    measure("s6-with-other-contracts", &s6);
}
