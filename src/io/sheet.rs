//! A sheet of cells to export: the common form of CSV and XLSX downloads.

use serde::{Deserialize, Serialize};

/// One exported cell; in a worker message a JSON string, number or `null`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Cell {
    Text(String),
    Number(f64),
    Empty,
}

/// A named table with a header row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sheet {
    pub name: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Cell {
    /// The cell as CSV text: numbers without exponent or trailing zeros.
    pub fn text(&self) -> String {
        match self {
            Cell::Text(text) => text.clone(),
            Cell::Number(n) if n.is_finite() && n.fract() == 0.0 && n.abs() < 1e15 => {
                format!("{}", *n as i64)
            }
            Cell::Number(n) if n.is_finite() => format!("{n}"),
            Cell::Number(_) | Cell::Empty => String::new(),
        }
    }
}

/// Whether a spreadsheet could take `text` for a formula: it begins with `=`, `+`, `-`, `@`,
/// a tab or a carriage return (OWASP, "CSV Injection").
pub fn looks_like_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// `text` as a CSV cell that spreadsheets show as text: a single quote `'` in front when it
/// [`looks_like_formula`] (OWASP's recommendation), unchanged otherwise. The CSV reader
/// (`data::table`) strips exactly this quote again ([`unneutralise`]), so an export imports
/// back unchanged; for that, a text that already reads `'…'=x` gets one more quote too.
///
/// ```
/// use retention_lab::io::sheet::neutralise;
/// assert_eq!(neutralise("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
/// assert_eq!(neutralise("Acme"), "Acme");
/// ```
pub fn neutralise(text: &str) -> std::borrow::Cow<'_, str> {
    if looks_like_formula(text.trim_start_matches('\'')) {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

/// The inverse of [`neutralise`]: drops one leading `'` when the text after its leading
/// quotes begins like a formula. (A cell the user typed as `'=x` therefore reads as `=x`,
/// which is also what a spreadsheet shows for it.)
///
/// ```
/// use retention_lab::io::sheet::{neutralise, unneutralise};
/// for text in ["=1+1", "-5", "'quoted'", "'", "''=x", "plain"] {
///     assert_eq!(unneutralise(&neutralise(text)), text);
/// }
/// ```
pub fn unneutralise(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if looks_like_formula(rest.trim_start_matches('\'')) => rest,
        _ => text,
    }
}

/// The sheet as CSV bytes (RFC 4180: comma, CRLF, a field quoted when it holds a comma, a
/// quote or a line break, quotes doubled), UTF-8 with a byte-order mark so that Excel (which
/// otherwise assumes the ANSI code page, GBK on Chinese Windows) shows the text right.
/// Text cells and headers that a spreadsheet would run as a formula are [`neutralise`]d;
/// number cells are written as numbers (a negative number stays `-3`).
pub fn to_csv(sheet: &Sheet) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .flexible(true)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    // Writing to memory cannot fail (rows of any width are accepted).
    let _ = writer.write_record(sheet.headers.iter().map(|h| neutralise(h).into_owned()));
    for row in &sheet.rows {
        let _ = writer.write_record(row.iter().map(|cell| match cell {
            Cell::Text(text) => neutralise(text).into_owned(),
            other => other.text(),
        }));
    }
    writer.into_inner().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_has_bom_crlf_and_quotes() {
        let sheet = Sheet {
            name: "s".into(),
            headers: vec!["id".into(), "name".into(), "arr".into()],
            rows: vec![vec![
                Cell::Text("A".into()),
                Cell::Text("Acme, \"Inc\"".into()),
                Cell::Number(1200.0),
            ]],
        };
        let text = String::from_utf8(to_csv(&sheet)).unwrap();
        assert_eq!(
            text,
            "\u{FEFF}id,name,arr\r\nA,\"Acme, \"\"Inc\"\"\",1200\r\n"
        );
    }

    #[test]
    fn formula_like_text_is_quoted_and_numbers_stay_numbers() {
        let sheet = Sheet {
            name: "s".into(),
            headers: vec!["id".into(), "name".into(), "arr".into()],
            rows: vec![
                vec![
                    Cell::Text("=cmd|' /C calc'!A0".into()),
                    Cell::Text("+1".into()),
                    Cell::Number(-3.0),
                ],
                vec![
                    Cell::Text("@SUM(A1)".into()),
                    Cell::Text("\tx".into()),
                    Cell::Text("-2".into()),
                ],
                vec![
                    Cell::Text("\rx".into()),
                    Cell::Text("a=b".into()),
                    Cell::Empty,
                ],
            ],
        };
        let text = String::from_utf8(to_csv(&sheet)).unwrap();
        assert_eq!(
            text,
            "\u{FEFF}id,name,arr\r\n'=cmd|' /C calc'!A0,'+1,-3\r\n'@SUM(A1),'\tx,'-2\r\n\"'\rx\",a=b,\r\n"
        );
    }

    #[test]
    fn numbers_print_plainly() {
        assert_eq!(Cell::Number(0.5).text(), "0.5");
        assert_eq!(Cell::Number(f64::NAN).text(), "");
        assert_eq!(Cell::Number(-3.0).text(), "-3");
    }

    /// Whatever the texts, `csv`'s reader gets back exactly the fields written, once the
    /// formula guard is taken off.
    #[cfg(not(target_arch = "wasm32"))]
    mod read_back {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn csv_reader_reads_what_was_written(
                rows in prop::collection::vec(prop::collection::vec("[a-z,\"\r\n 留=+@'\t-]{0,6}", 1..4), 1..6)
            ) {
                let width = rows[0].len();
                let rows: Vec<Vec<String>> = rows.into_iter().map(|mut r| { r.resize(width, String::new()); r }).collect();
                let sheet = Sheet {
                    name: "s".into(),
                    headers: rows[0].clone(),
                    rows: rows[1..].iter().map(|r| r.iter().map(|t| Cell::Text(t.clone())).collect()).collect(),
                };
                let bytes = to_csv(&sheet);
                let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(&bytes[3..]);
                let read: Vec<Vec<String>> = reader
                    .records()
                    .map(|r| r.unwrap().iter().map(|f| unneutralise(f).to_string()).collect())
                    .collect();
                prop_assert_eq!(read, rows);
            }
        }
    }
}
