//! Generates `$OUT_DIR/rules_version.rs`: `RULES_VERSION`, a content hash of the data
//! files (their comments included), which the statement and the saved file name.
use std::fmt::Write as _;
use std::path::Path;

/// The rules version: a content hash (FNV-1a, 64 bit) of every data file, by name order.
pub fn write(data: &Path, out: &Path) {
    let mut names: Vec<_> = std::fs::read_dir(data)
        .expect("core/data")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    names.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for name in &names {
        let bytes = std::fs::read(data.join(name)).expect("data file");
        for b in name.bytes().chain([0u8]).chain(bytes) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    let mut code = String::new();
    writeln!(
        code,
        "/// Content hash of the schedule data files (first 12 hex digits of FNV-1a 64)."
    )
    .unwrap();
    writeln!(
        code,
        "pub const RULES_VERSION: &str = \"{:012x}\";",
        hash >> 16
    )
    .unwrap();
    std::fs::write(out.join("rules_version.rs"), code).expect("write rules_version.rs");
}
