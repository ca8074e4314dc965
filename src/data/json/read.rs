//! The JSON reader: a recursive descent over the bytes that says where it stopped.

use std::fmt;

use super::Json;
use crate::data::decimal::parse_decimal;

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
pub(super) const MAX_DEPTH: usize = 64;

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
