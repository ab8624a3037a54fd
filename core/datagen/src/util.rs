//! Helpers shared by the generators.
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
