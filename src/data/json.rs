//! JSON for the app's own small documents: scenario files, share links, what this browser
//! stores, and the messages to the workbook workers.
//!
//! Written here instead of using `serde_json`: serde's generated visitors and serde_json's
//! reader, writer and float tables were 20 KB of the page's 300 KB gzip budget, for documents
//! of a few dozen fields that each module reads by hand anyway (to name the faulty field).
//! This is RFC 8259 JSON: the value tree, a reader that says where it stopped (line, column)
//! and a compact writer. Nesting is capped so that a hostile file cannot exhaust the stack.
//! Numbers are read by [`parse_decimal`] (correctly rounded) and written by `f64`'s `Display`
//! (the shortest text that reads back to the same bits), so a number survives a round trip.

use std::fmt;

use super::decimal::parse_decimal;

/// A JSON value. Objects keep their keys in order; a repeated key is read as its first use.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

/// Where and why reading stopped. Line and column count from 1, the column in characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    pub line: usize,
    pub column: usize,
    pub reason: &'static str,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.reason, self.line, self.column
        )
    }
}

/// Deeper nesting than any document of ours, shallow enough for the browser's stack.
const MAX_DEPTH: usize = 64;

impl Json {
    /// The value of `key` in an object; `None` for a missing key or a value that is not one.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// A whole number that fits a `u32` (ids, versions).
    pub fn as_u32(&self) -> Option<u32> {
        self.as_f64()
            .filter(|n| n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(n))
            .map(|n| n as u32)
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    /// Compact JSON text. A number that is not finite (which JSON cannot say) is written `null`.
    pub fn write(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Number(n) if n.is_finite() => {
                use fmt::Write;
                let _ = write!(out, "{n}");
            }
            Json::Number(_) => out.push_str("null"),
            Json::String(s) => write_string(s, out),
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Json::Object(fields) => {
                out.push('{');
                for (i, (key, value)) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_string(key, out);
                    out.push(':');
                    value.write(out);
                }
                out.push('}');
            }
        }
    }
}

impl fmt::Display for Json {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        self.write(&mut out);
        f.write_str(&out)
    }
}

impl From<&str> for Json {
    fn from(s: &str) -> Json {
        Json::String(s.to_string())
    }
}

impl From<String> for Json {
    fn from(s: String) -> Json {
        Json::String(s)
    }
}

impl From<f64> for Json {
    fn from(n: f64) -> Json {
        Json::Number(n)
    }
}

impl From<u32> for Json {
    fn from(n: u32) -> Json {
        Json::Number(f64::from(n))
    }
}

/// An object from `(key, value)` pairs, in that order.
pub fn object<const N: usize>(fields: [(&str, Json); N]) -> Json {
    Json::Object(fields.map(|(k, v)| (k.to_string(), v)).into())
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
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Reads one JSON value; only whitespace may surround it.
///
/// ```
/// use retention_lab::data::json::{parse, Json};
/// let doc = parse(r#"{"a": [1, "x\u00e9", null]}"#).unwrap();
/// assert_eq!(doc.get("a").unwrap().as_array().unwrap()[1], Json::String("xé".into()));
/// assert_eq!(parse("{\n \"a\": }").unwrap_err().to_string(), "expected a value at line 2 column 7");
/// ```
pub fn parse(text: &str) -> Result<Json, JsonError> {
    let mut reader = Reader {
        text: text.as_bytes(),
        at: 0,
        depth: 0,
    };
    let value = reader.value().map_err(|reason| reader.error(reason))?;
    reader.skip_space();
    if reader.at < reader.text.len() {
        return Err(reader.error("trailing characters"));
    }
    Ok(value)
}

struct Reader<'a> {
    text: &'a [u8],
    at: usize,
    depth: usize,
}

type Step<T> = Result<T, &'static str>;

impl Reader<'_> {
    fn error(&self, reason: &'static str) -> JsonError {
        let before = &self.text[..self.at.min(self.text.len())];
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&before[line_start..])
            .chars()
            .count()
            + 1;
        JsonError {
            line: before.iter().filter(|&&b| b == b'\n').count() + 1,
            column,
            reason,
        }
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.text.get(self.at) {
            self.at += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.skip_space();
        self.text.get(self.at).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        self.at += usize::from(found);
        found
    }

    fn value(&mut self) -> Step<Json> {
        match self.peek() {
            None => Err("unexpected end of text"),
            Some(b'{') => self.nested(Self::object),
            Some(b'[') => self.nested(Self::array),
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => self.word(),
        }
    }

    fn nested(&mut self, read: fn(&mut Self) -> Step<Json>) -> Step<Json> {
        if self.depth == MAX_DEPTH {
            return Err("nested too deeply");
        }
        self.depth += 1;
        self.at += 1;
        let value = read(self);
        self.depth -= 1;
        value
    }

    fn object(&mut self) -> Step<Json> {
        let mut fields = Vec::new();
        if self.eat(b'}') {
            return Ok(Json::Object(fields));
        }
        loop {
            if self.peek() != Some(b'"') {
                return Err("expected a key in quotes");
            }
            let key = self.string()?;
            if !self.eat(b':') {
                return Err("expected `:`");
            }
            fields.push((key, self.value()?));
            if self.eat(b'}') {
                return Ok(Json::Object(fields));
            }
            if !self.eat(b',') {
                return Err("expected `,` or `}`");
            }
        }
    }

    fn array(&mut self) -> Step<Json> {
        let mut items = Vec::new();
        if self.eat(b']') {
            return Ok(Json::Array(items));
        }
        loop {
            items.push(self.value()?);
            if self.eat(b']') {
                return Ok(Json::Array(items));
            }
            if !self.eat(b',') {
                return Err("expected `,` or `]`");
            }
        }
    }

    fn word(&mut self) -> Step<Json> {
        for (word, value) in [
            ("true", Json::Bool(true)),
            ("false", Json::Bool(false)),
            ("null", Json::Null),
        ] {
            if self.text[self.at..].starts_with(word.as_bytes()) {
                self.at += word.len();
                return Ok(value);
            }
        }
        Err("expected a value")
    }

    fn number(&mut self) -> Step<Json> {
        let start = self.at;
        let rest = &self.text[start..];
        let len = rest
            .iter()
            .position(|b| !matches!(b, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'))
            .unwrap_or(rest.len());
        let literal = &rest[..len];
        if !is_json_number(literal) {
            return Err("malformed number");
        }
        // ASCII by construction.
        let text = std::str::from_utf8(literal).map_err(|_| "malformed number")?;
        let number = parse_decimal(text)
            .filter(|n| n.is_finite())
            .ok_or("number out of range")?;
        self.at += len;
        Ok(Json::Number(number))
    }

    /// A string starting at the opening quote; the reader ends after the closing one.
    fn string(&mut self) -> Step<String> {
        self.at += 1;
        let mut out = Vec::new();
        loop {
            let Some(&byte) = self.text.get(self.at) else {
                return Err("unterminated string");
            };
            if byte < 0x20 {
                return Err("control character in a string");
            }
            self.at += 1;
            match byte {
                b'"' => break,
                b'\\' => self.escape(&mut out)?,
                _ => out.push(byte),
            }
        }
        // The input was a &str and escapes add whole characters: always UTF-8.
        String::from_utf8(out).map_err(|_| "invalid UTF-8")
    }

    fn escape(&mut self, out: &mut Vec<u8>) -> Step<()> {
        let Some(&kind) = self.text.get(self.at) else {
            return Err("unterminated string");
        };
        self.at += 1;
        let simple = match kind {
            b'"' => b'"',
            b'\\' => b'\\',
            b'/' => b'/',
            b'b' => 8,
            b'f' => 12,
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'u' => {
                let c = self.unicode_escape()?;
                out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                return Ok(());
            }
            _ => return Err("unknown escape"),
        };
        out.push(simple);
        Ok(())
    }

    /// `\uXXXX`, or a surrogate pair `\uD83D\uDE00`, after the `\u`.
    fn unicode_escape(&mut self) -> Step<char> {
        let first = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&first) {
            if !self.text[self.at..].starts_with(b"\\u") {
                return Err("unpaired surrogate");
            }
            self.at += 2;
            let second = self.hex4()?;
            if !(0xDC00..0xE000).contains(&second) {
                return Err("unpaired surrogate");
            }
            0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        } else {
            first
        };
        char::from_u32(code).ok_or("unpaired surrogate")
    }

    fn hex4(&mut self) -> Step<u32> {
        let digits = self
            .text
            .get(self.at..self.at + 4)
            .ok_or("short \\u escape")?;
        let mut code = 0;
        for &d in digits {
            code = code * 16 + (d as char).to_digit(16).ok_or("bad \\u escape")?;
        }
        self.at += 4;
        Ok(code)
    }
}

/// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, JSON's number grammar (stricter than
/// [`parse_decimal`], which also takes `.5` and `+1`).
fn is_json_number(literal: &[u8]) -> bool {
    let digits = |s: &[u8]| s.iter().take_while(|b| b.is_ascii_digit()).count();
    let mut rest = literal.strip_prefix(b"-").unwrap_or(literal);
    let whole = digits(rest);
    if whole == 0 || (whole > 1 && rest[0] == b'0') {
        return false;
    }
    rest = &rest[whole..];
    if let Some(after) = rest.strip_prefix(b".") {
        let n = digits(after);
        if n == 0 {
            return false;
        }
        rest = &after[n..];
    }
    if let Some(after) = rest.strip_prefix(b"e").or_else(|| rest.strip_prefix(b"E")) {
        let after = after
            .strip_prefix(b"+")
            .or_else(|| after.strip_prefix(b"-"))
            .unwrap_or(after);
        let n = digits(after);
        if n == 0 {
            return false;
        }
        rest = &after[n..];
    }
    rest.is_empty()
}

// proptest is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_every_kind_of_value() {
        let doc =
            parse(" {\"a\":[true,false,null,-1.5e2,\"q\\\"\\\\\\/\\b\\f\\n\\r\\t\"],\"b\":{}} ");
        let expected = Json::Object(vec![
            (
                "a".into(),
                Json::Array(vec![
                    Json::Bool(true),
                    Json::Bool(false),
                    Json::Null,
                    Json::Number(-150.0),
                    Json::String("q\"\\/\u{8}\u{c}\n\r\t".into()),
                ]),
            ),
            ("b".into(), Json::Object(vec![])),
        ]);
        assert_eq!(doc, Ok(expected));
    }

    #[test]
    fn surrogate_pairs_and_raw_utf8() {
        assert_eq!(
            parse(r#""\ud83d\ude00 留存""#),
            Ok(Json::String("😀 留存".into()))
        );
        assert!(parse(r#""\ud83d""#).is_err());
        assert!(parse(r#""\ude00""#).is_err());
    }

    #[test]
    fn faults_are_placed() {
        let cases = [
            ("", 1, 1, "unexpected end of text"),
            ("[1,]", 1, 4, "expected a value"),
            ("{\"a\" 1}", 1, 6, "expected `:`"),
            ("[01]", 1, 2, "malformed number"),
            ("[1.]", 1, 2, "malformed number"),
            ("\"留存\n", 1, 4, "control character in a string"),
            ("{\n\"a\":1\n} x", 3, 3, "trailing characters"),
            ("\"abc", 1, 5, "unterminated string"),
            ("[1e999]", 1, 2, "number out of range"),
        ];
        for (text, line, column, reason) in cases {
            assert_eq!(
                parse(text),
                Err(JsonError {
                    line,
                    column,
                    reason
                }),
                "{text:?}"
            );
        }
        let deep = "[".repeat(MAX_DEPTH + 1);
        assert_eq!(parse(&deep).unwrap_err().reason, "nested too deeply");
    }

    #[test]
    fn writes_compact_text_with_escapes() {
        let doc = object([
            ("s", "a\"b\\c\n\u{1}é".into()),
            ("n", Json::Number(0.1)),
            ("i", 7u32.into()),
            ("nan", Json::Number(f64::NAN)),
            ("list", Json::Array(vec![Json::Null, Json::Bool(true)])),
        ]);
        assert_eq!(
            doc.to_string(),
            r#"{"s":"a\"b\\c\n\u0001é","n":0.1,"i":7,"nan":null,"list":[null,true]}"#
        );
    }

    fn any_json() -> impl Strategy<Value = Json> {
        let leaf = prop_oneof![
            Just(Json::Null),
            any::<bool>().prop_map(Json::Bool),
            any::<f64>()
                .prop_filter("finite", |n| n.is_finite())
                .prop_map(Json::Number),
            "\\PC{0,12}".prop_map(Json::String),
        ];
        leaf.prop_recursive(4, 40, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Json::Array),
                prop::collection::vec(("[a-z\"\\\\é]{0,6}", inner), 0..6).prop_map(Json::Object),
            ]
        })
    }

    proptest! {
        #[test]
        fn round_trips(doc in any_json()) {
            // -0.0 reads back as 0 with a minus sign; PartialEq treats them as equal anyway.
            prop_assert_eq!(parse(&doc.to_string()), Ok(doc));
        }

        #[test]
        fn never_panics_on_anything(text in "\\PC{0,60}") {
            let _ = parse(&text);
        }

        #[test]
        fn never_panics_on_near_json(doc in any_json(), cut in 0usize..200, byte in any::<u8>()) {
            let mut text = doc.to_string().into_bytes();
            if cut < text.len() {
                text[cut] = byte;
            }
            if let Ok(text) = std::str::from_utf8(&text) {
                let _ = parse(text);
            }
        }
    }
}
