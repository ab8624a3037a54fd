//! Helpers shared by the build-time generators.
use std::fmt::Write as _;
use std::path::Path;

/// A Rust string literal for `s` (escaped with `{:?}`).
pub fn lit(s: &str) -> String {
    format!("{s:?}")
}

/// The enum variant generated for a data id: its words capitalised and joined
/// (`ismp-non-approval` → `IsmpNonApproval`), with `_` between two numbers
/// (`worked-example-1-3` → `WorkedExample1_3`). The id must be lowercase words of
/// `[a-z0-9]` joined by single hyphens, the first starting with a letter.
pub fn variant(id: &str) -> Result<String, String> {
    let mut out = String::new();
    for word in id.split('-') {
        let mut chars = word.chars();
        let Some(first) = chars.next() else {
            return Err(format!("`{id}`: an id is words joined by single hyphens"));
        };
        if !word
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        {
            return Err(format!(
                "`{id}`: an id is lowercase letters, digits and hyphens"
            ));
        }
        if out.is_empty() && !first.is_ascii_lowercase() {
            return Err(format!("`{id}` must start with a letter to name a variant"));
        }
        if out.ends_with(|c: char| c.is_ascii_digit()) && first.is_ascii_digit() {
            out.push('_');
        }
        out.push(first.to_ascii_uppercase());
        out.push_str(chars.as_str());
    }
    Ok(out)
}

/// Fails the build with a readable message.
pub fn fail(file: &str, msg: impl std::fmt::Display) -> ! {
    panic!("\n\nschedule data error in core/data/{file}: {msg}\n\n");
}

/// Reads a data file as text.
pub fn read(data: &Path, file: &str) -> String {
    std::fs::read_to_string(data.join(file)).unwrap_or_else(|e| fail(file, e))
}

/// The rules version: a content hash (FNV-1a, 64 bit) of every data file, by name order.
pub fn write_rules_version(data: &Path, out: &Path) {
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
