//! A sheet of cells to export: the common form of CSV and XLSX downloads.

/// One exported cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Empty,
}

/// A named table with a header row.
#[derive(Debug, Clone, PartialEq)]
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

/// The sheet as CSV bytes (RFC 4180: comma, CRLF, a field quoted when it holds a comma, a
/// quote or a line break, quotes doubled), UTF-8 with a byte-order mark so that Excel (which
/// otherwise assumes the ANSI code page, GBK on Chinese Windows) shows the text right.
///
/// Written here rather than with `csv::Writer`: its writer links the standard float parser
/// (for a quoting style we do not use), 12 KB of the page's gzip budget; the rules above are
/// the whole of what the export needs, and the tests read the output back with `csv`'s reader.
pub fn to_csv(sheet: &Sheet) -> Vec<u8> {
    let mut out = String::from("\u{FEFF}");
    write_record(&mut out, sheet.headers.iter().map(String::as_str));
    for row in &sheet.rows {
        let texts: Vec<String> = row.iter().map(Cell::text).collect();
        write_record(&mut out, texts.iter().map(String::as_str));
    }
    out.into_bytes()
}

fn write_record<'a>(out: &mut String, fields: impl ExactSizeIterator<Item = &'a str>) {
    let alone = fields.len() == 1;
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        // A lone empty field is quoted, or the line would read as a blank line.
        if field.contains([',', '"', '\r', '\n']) || (alone && field.is_empty()) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    out.push_str("\r\n");
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
    fn numbers_print_plainly() {
        assert_eq!(Cell::Number(0.5).text(), "0.5");
        assert_eq!(Cell::Number(f64::NAN).text(), "");
        assert_eq!(Cell::Number(-3.0).text(), "-3");
    }

    /// Whatever the texts, `csv`'s reader gets back exactly the fields written.
    #[cfg(not(target_arch = "wasm32"))]
    mod read_back {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn csv_reader_reads_what_was_written(
                rows in prop::collection::vec(prop::collection::vec("[a-z,\"\r\n 留]{0,6}", 1..4), 1..6)
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
                    .map(|r| r.unwrap().iter().map(str::to_string).collect())
                    .collect();
                prop_assert_eq!(read, rows);
            }
        }
    }
}
