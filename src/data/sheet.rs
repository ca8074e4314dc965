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

/// The sheet as CSV bytes, UTF-8 with a byte-order mark so that Excel (which otherwise
/// assumes the ANSI code page, GBK on Chinese Windows) shows the text right.
pub fn to_csv(sheet: &Sheet) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing to a Vec cannot fail; a failed record would only drop that record.
    let _ = writer.write_record(&sheet.headers);
    for row in &sheet.rows {
        let _ = writer.write_record(row.iter().map(Cell::text));
    }
    let body = writer.into_inner().unwrap_or_default();
    let mut bytes = Vec::with_capacity(body.len() + 3);
    bytes.extend_from_slice(&[0xEF, 0xBB, 0xBF]);
    bytes.extend(body);
    bytes
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
}
