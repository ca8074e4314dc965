//! Where in a JSON document serde stopped: the path (`scenarios[1].inputs.cac`) of the value
//! at a line and column that `serde_json` reported, so a document refused for a value of the
//! wrong type names the place in terms the user can find.
//!
//! Why not `serde_path_to_error`: it tracked the path while decoding by wrapping every
//! `Deserialize` the document uses, which doubled the decoding code of each type in the
//! bundle. Measured on 2026-11-30 with the Strategy inputs in the document: the first load was
//! 472,324 bytes gzip with it and 462,699 without it (9.4 KB, against a 450 KB budget that
//! the page was over). Decoding a document happens once per file or link, and only a refused
//! one needs its path, so the path is found afterwards by scanning the text up to serde's
//! position: no code per type, and the same paths for the same faults (tests below).

/// One level of nesting while scanning.
enum Frame {
    /// The key of the member being read (`None` before the first key).
    Object(Option<String>),
    /// Index of the element being read.
    Array(usize),
}

/// The path of the innermost value open at `line` and `column` (1-based, column in bytes, as
/// `serde_json::Error` counts them), written as `a.b[2].c`; empty at the top level.
///
/// ```
/// use retention_lab::persist::json_path::path_at;
/// let text = r#"{"a":{"b":[1,{"c":"x"}]}}"#;
/// assert_eq!(path_at(text, 1, 19), "a.b[1].c");
/// assert_eq!(path_at(text, 1, 12), "a.b[0]");
/// ```
pub fn path_at(text: &str, line: usize, column: usize) -> String {
    let offset = offset_of(text, line, column);
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    // In an object, whether the next string is a key (before its ':').
    let mut expecting_key = false;
    let mut i = 0;
    // serde reports the byte after the last one it read; a number is read one byte past its
    // end, which may close the container: that byte is not scanned.
    while i < offset.saturating_sub(1).min(bytes.len()) {
        match bytes[i] {
            b'{' => {
                stack.push(Frame::Object(None));
                expecting_key = true;
            }
            b'[' => {
                stack.push(Frame::Array(0));
                expecting_key = false;
            }
            b'}' | b']' => {
                stack.pop();
                expecting_key = false;
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array(index)) => *index += 1,
                Some(Frame::Object(_)) => expecting_key = true,
                None => {}
            },
            b'"' => {
                let end = string_end(bytes, i);
                if expecting_key {
                    if let Some(Frame::Object(key)) = stack.last_mut() {
                        let raw = text.get(i + 1..end.saturating_sub(1)).unwrap_or("");
                        *key = Some(
                            serde_json::from_str(&format!("\"{raw}\""))
                                .unwrap_or_else(|_| raw.to_string()),
                        );
                    }
                    expecting_key = false;
                }
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object(None) => {}
            Frame::Array(index) => path.push_str(&format!("[{index}]")),
        }
    }
    path
}

/// Byte offset of a 1-based line and byte column.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    line_start + column
}

/// The index just past the string starting at `start` (a `"`), escapes skipped.
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// serde_json's own position for a typed decode of `text`.
    fn serde_position(text: &str) -> (usize, usize) {
        #[derive(serde::Deserialize)]
        #[allow(dead_code)]
        struct Doc {
            items: Vec<Item>,
            other: Option<Inner>,
        }
        #[derive(serde::Deserialize)]
        #[allow(dead_code)]
        struct Item {
            name: String,
            tags: Vec<u32>,
        }
        #[derive(serde::Deserialize)]
        #[allow(dead_code)]
        struct Inner {
            rate: f64,
        }
        let error = serde_json::from_str::<Doc>(text)
            .err()
            .map(|e| (e.line(), e.column()));
        error.unwrap_or((0, 0))
    }

    #[test]
    fn the_path_of_a_wrongly_typed_value_is_where_serde_stopped() {
        let cases = [
            (
                r#"{"items":[{"name":"a","tags":[1]},{"name":5,"tags":[]}],"other":null}"#,
                "items[1].name",
            ),
            (
                r#"{"items":[{"name":"a","tags":[1,"x"]}],"other":null}"#,
                "items[0].tags[1]",
            ),
            (r#"{"items":[],"other":{"rate":"high"}}"#, "other.rate"),
            (
                "{\n  \"items\": [],\n  \"other\": {\"rate\": true}\n}",
                "other.rate",
            ),
            (
                r#"{"items":[{"na\"me":1,"name":"b\"]","tags":{}}],"other":null}"#,
                "items[0].tags",
            ),
            (
                r#"{"items":[{"name":"数据","tags":[1,-1]}],"other":null}"#,
                "items[0].tags[1]",
            ),
        ];
        for (text, path) in cases {
            let (line, column) = serde_position(text);
            assert!(line > 0, "{text} should be refused");
            assert_eq!(path_at(text, line, column), path, "{text}");
        }
    }

    #[test]
    fn positions_outside_the_text_do_not_panic() {
        assert_eq!(path_at("", 1, 0), "");
        assert_eq!(path_at("{\"a\":[", 9, 99), "a[0]");
        assert_eq!(path_at("\"unterminated", 1, 5), "");
    }
}
