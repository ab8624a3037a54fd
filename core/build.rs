//! Turns the schedule data files in `data/` into Rust statics (`$OUT_DIR/*.rs`) with the
//! data compiler (`datagen/`, the `security-matrix-datagen` crate), which validates them
//! on the way: a malformed data file fails the build with a message that names the file
//! and the entry.
fn main() {
    // A change to the compiler itself rebuilds and reruns this script (a build dependency).
    println!("cargo:rerun-if-changed=data");
    // The plans' quotes are checked against the schedules' text.
    println!("cargo:rerun-if-changed=sources");
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    security_matrix_datagen::generate(&data, &out);
}
