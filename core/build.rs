//! Turns the schedule data files in `data/` into Rust statics (`$OUT_DIR/*.rs`),
//! validating them on the way: a malformed data file fails the build with a message
//! that names the file and the entry.
#[path = "build/catalogue.rs"]
mod catalogue;
#[path = "build/matrix.rs"]
mod matrix;
#[path = "build/questions.rs"]
mod questions;
#[path = "build/util.rs"]
mod util;

fn main() {
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=build");
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    util::write_rules_version(&data, &out);
    matrix::generate(&data, &out);
    catalogue::generate(&data, &out);
    questions::generate(&data, &out);
}
