//! A small JSON reader and writer for the saved-assessment file. The file is tiny and
//! flat; a full JSON library would add tens of kilobytes to the WebAssembly bundle.
use std::fmt::Write as _;

/// A JSON value. Numbers keep their text, so whole numbers of any size survive exactly.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    /// `null`
    Null,
    /// `true` / `false`
    Bool(bool),
    /// A number, as written.
    Number(String),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object, members in order.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The member of an object with this key.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    /// The whole number, if this is one.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Number(n) => n.parse().ok(),
            _ => None,
        }
    }

    /// Writes the value as JSON, indented by two spaces per level.
    pub fn write(&self) -> String {
        let mut out = String::new();
        write_value(self, 0, &mut out);
        out.push('\n');
        out
    }
}

fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn write_value(v: &Json, indent: usize, out: &mut String) {
    let pad = |n: usize, out: &mut String| out.extend(std::iter::repeat_n(' ', n * 2));
    match v {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Number(n) => out.push_str(n),
        Json::String(s) => write_string(s, out),
        Json::Array(items) if items.is_empty() => out.push_str("[]"),
        Json::Object(members) if members.is_empty() => out.push_str("{}"),
        Json::Array(items) => {
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                pad(indent + 1, out);
                write_value(item, indent + 1, out);
                out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
            }
            pad(indent, out);
            out.push(']');
        }
        Json::Object(members) => {
            out.push_str("{\n");
            for (i, (k, item)) in members.iter().enumerate() {
                pad(indent + 1, out);
                write_string(k, out);
                out.push_str(": ");
                write_value(item, indent + 1, out);
                out.push_str(if i + 1 < members.len() { ",\n" } else { "\n" });
            }
            pad(indent, out);
            out.push('}');
        }
    }
}

/// Why a text is not JSON (with the character position).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    /// Character offset where reading stopped.
    pub at: usize,
}

struct Parser<'a> {
    chars: Vec<char>,
    pos: usize,
    depth: usize,
    _text: &'a str,
}

impl Parser<'_> {
    fn err<T>(&self) -> Result<T, JsonError> {
        Err(JsonError { at: self.pos })
    }

    fn ws(&mut self) {
        while self
            .chars
            .get(self.pos)
            .is_some_and(|c| matches!(c, ' ' | '\t' | '\n' | '\r'))
        {
            self.pos += 1;
        }
    }

    fn eat(&mut self, c: char) -> Result<(), JsonError> {
        self.ws();
        if self.chars.get(self.pos) == Some(&c) {
            self.pos += 1;
            Ok(())
        } else {
            self.err()
        }
    }

    fn literal(&mut self, word: &str, v: Json) -> Result<Json, JsonError> {
        for c in word.chars() {
            if self.chars.get(self.pos) != Some(&c) {
                return self.err();
            }
            self.pos += 1;
        }
        Ok(v)
    }

    fn value(&mut self) -> Result<Json, JsonError> {
        self.ws();
        self.depth += 1;
        if self.depth > 64 {
            return self.err();
        }
        let v =
            match self.chars.get(self.pos) {
                Some('n') => self.literal("null", Json::Null),
                Some('t') => self.literal("true", Json::Bool(true)),
                Some('f') => self.literal("false", Json::Bool(false)),
                Some('"') => self.string().map(Json::String),
                Some('[') => {
                    self.pos += 1;
                    let mut items = Vec::new();
                    self.ws();
                    if self.chars.get(self.pos) == Some(&']') {
                        self.pos += 1;
                    } else {
                        loop {
                            items.push(self.value()?);
                            self.ws();
                            match self.chars.get(self.pos) {
                                Some(',') => self.pos += 1,
                                Some(']') => {
                                    self.pos += 1;
                                    break;
                                }
                                _ => return self.err(),
                            }
                        }
                    }
                    Ok(Json::Array(items))
                }
                Some('{') => {
                    self.pos += 1;
                    let mut members = Vec::new();
                    self.ws();
                    if self.chars.get(self.pos) == Some(&'}') {
                        self.pos += 1;
                    } else {
                        loop {
                            self.ws();
                            if self.chars.get(self.pos) != Some(&'"') {
                                return self.err();
                            }
                            let k = self.string()?;
                            self.eat(':')?;
                            let v = self.value()?;
                            members.push((k, v));
                            self.ws();
                            match self.chars.get(self.pos) {
                                Some(',') => self.pos += 1,
                                Some('}') => {
                                    self.pos += 1;
                                    break;
                                }
                                _ => return self.err(),
                            }
                        }
                    }
                    Ok(Json::Object(members))
                }
                Some(c) if *c == '-' || c.is_ascii_digit() => {
                    let start = self.pos;
                    while self.chars.get(self.pos).is_some_and(|c| {
                        c.is_ascii_digit() || matches!(c, '-' | '+' | '.' | 'e' | 'E')
                    }) {
                        self.pos += 1;
                    }
                    let text: String = self.chars[start..self.pos].iter().collect();
                    if !is_json_number(text.as_bytes()) {
                        return Err(JsonError { at: start });
                    }
                    Ok(Json::Number(text))
                }
                _ => self.err(),
            };
        self.depth -= 1;
        v
    }

    fn string(&mut self) -> Result<String, JsonError> {
        self.pos += 1; // the opening quote
        let mut s = String::new();
        loop {
            let Some(&c) = self.chars.get(self.pos) else {
                return self.err();
            };
            self.pos += 1;
            match c {
                '"' => return Ok(s),
                '\\' => {
                    let Some(&e) = self.chars.get(self.pos) else {
                        return self.err();
                    };
                    self.pos += 1;
                    match e {
                        '"' => s.push('"'),
                        '\\' => s.push('\\'),
                        '/' => s.push('/'),
                        'b' => s.push('\u{8}'),
                        'f' => s.push('\u{c}'),
                        'n' => s.push('\n'),
                        'r' => s.push('\r'),
                        't' => s.push('\t'),
                        'u' => {
                            let hex: String = self
                                .chars
                                .get(self.pos..self.pos + 4)
                                .map(|h| h.iter().collect())
                                .unwrap_or_default();
                            let Ok(code) = u32::from_str_radix(&hex, 16) else {
                                return self.err();
                            };
                            self.pos += 4;
                            s.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                        }
                        _ => return self.err(),
                    }
                }
                c if (c as u32) < 0x20 => return self.err(),
                c => s.push(c),
            }
        }
    }
}

/// RFC 8259's number grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
/// Checked by hand rather than with `str::parse::<f64>`, which is laxer ("01", "1.") and
/// brings the float parser's tables into the bundle.
fn is_json_number(s: &[u8]) -> bool {
    fn digits(s: &[u8], i: &mut usize) -> usize {
        let start = *i;
        while s.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - start
    }
    let mut i = usize::from(s.first() == Some(&b'-'));
    match s.get(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => {
            digits(s, &mut i);
        }
        _ => return false,
    }
    if s.get(i) == Some(&b'.') {
        i += 1;
        if digits(s, &mut i) == 0 {
            return false;
        }
    }
    if matches!(s.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(s.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digits(s, &mut i) == 0 {
            return false;
        }
    }
    i == s.len()
}

/// Parses a JSON text (the whole text must be one value).
pub fn parse(text: &str) -> Result<Json, JsonError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut p = Parser {
        chars: text.chars().collect(),
        pos: 0,
        depth: 0,
        _text: text,
    };
    let v = p.value()?;
    p.ws();
    if p.pos != p.chars.len() {
        return p.err();
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_json_grammar() {
        for ok in [
            "0", "-0", "7", "120", "-3.25", "1e5", "1E+5", "2.5e-3", "0.0",
        ] {
            assert!(is_json_number(ok.as_bytes()), "{ok}");
            assert!(parse(ok).is_ok(), "{ok}");
        }
        for bad in [
            "", "-", "01", "1.", ".5", "1e", "1e+", "--1", "1-", "0x1", "1.2.3", "+1",
        ] {
            assert!(!is_json_number(bad.as_bytes()), "{bad}");
        }
        assert!(parse("[01]").is_err());
        assert!(parse("{\"a\": 1.}").is_err());
    }

    #[test]
    fn round_trip() {
        let v = Json::Object(vec![
            ("a".into(), Json::Number("12".into())),
            (
                "s".into(),
                Json::String("quote \" back \\ newline \n £ é 🙂 \u{1}".into()),
            ),
            (
                "list".into(),
                Json::Array(vec![
                    Json::Null,
                    Json::Bool(true),
                    Json::Bool(false),
                    Json::Array(vec![]),
                ]),
            ),
            ("o".into(), Json::Object(vec![])),
        ]);
        assert_eq!(parse(&v.write()), Ok(v));
    }

    #[test]
    fn rejects_what_is_not_json() {
        for bad in ["", "{", "{\"a\":}", "{\"a\" 1}", "[1,]", "{'a': 1}", "tru", "{\"a\":1} x", "\"\u{1}\"", "1.2.3", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
        assert_eq!(
            parse(" {\"n\": -3.5e2, \"u\": \"\\u00e9\"} ")
                .unwrap()
                .get("u")
                .unwrap()
                .as_str(),
            Some("é")
        );
    }
}
