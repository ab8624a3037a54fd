//! Prints the clauses' own words as a JSON array of strings, one per obligation in catalogue
//! order: what `scripts/postbuild.mjs` writes into the words script
//! (`security-matrix-words-<hash>.js`) that a `lazy-words` build loads.
//!
//! `cargo run --quiet -p security-matrix-core --example words`
fn main() {
    println!("{}", security_matrix_core::catalogue::words::to_json());
}
