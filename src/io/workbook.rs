//! XLSX reading (calamine) and writing (rust_xlsxwriter). Used by the two XLSX web workers only
//! (reader and writer), which the page fetches the first time a workbook is imported or
//! exported: heavy (about 275 KB gzip each) and rarely used, they stay out of the first load.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, XlsxError};

use crate::io::import_error::{ImportError, ImportErrorKind};
use crate::io::sheet::{looks_like_formula, neutralise, Cell, Sheet};
pub use crate::io::workbook_problem::{WorkbookProblem, WriteProblem};
use crate::model::calendar::Date;

/// The cells of one sheet, as rows with their spreadsheet row numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkbookRows {
    /// Every sheet of the workbook, so the user can pick another.
    pub sheets: Vec<String>,
    /// The sheet these rows come from.
    pub sheet: String,
    pub rows: Vec<(usize, Vec<String>)>,
}

/// Reads `sheet`, or the first sheet with any cells. Merged cells take the value of their
/// top-left cell (as a reader of the sheet would), dates become `YYYY-MM-DD`, formula errors
/// stay as their text (`#DIV/0!`) so the row is reported, not silently emptied.
pub fn read_workbook(
    file: &str,
    bytes: &[u8],
    sheet: Option<&str>,
) -> Result<WorkbookRows, ImportError> {
    let workbook_error =
        |problem: WorkbookProblem| ImportError::file(file, ImportErrorKind::Workbook(problem));
    let mut workbook =
        Xlsx::new(Cursor::new(bytes.to_vec())).map_err(|e| workbook_error(read_problem(e)))?;
    let sheets = workbook.sheet_names();
    let chosen = match sheet {
        Some(name) => name.to_string(),
        None => sheets
            .iter()
            .find(|name| workbook.worksheet_range(name).is_ok_and(|r| !r.is_empty()))
            .or(sheets.first())
            .cloned()
            .ok_or_else(|| workbook_error(WorkbookProblem::NoSheets))?,
    };
    let range = workbook
        .worksheet_range(&chosen)
        .map_err(|e| workbook_error(read_problem(e)))?;
    let Some((top, left)) = range.start() else {
        return Err(ImportError::file(file, ImportErrorKind::EmptySheet(chosen)));
    };
    let (height, width) = range.get_size();
    // Absolute columns, so column letters in messages match the spreadsheet's.
    let mut grid: Vec<Vec<String>> = (0..height)
        .map(|r| {
            let mut row = vec![String::new(); left as usize];
            row.extend((0..width).map(|c| range.get((r, c)).map(cell_text).unwrap_or_default()));
            row
        })
        .collect();
    if let Some(Ok(merged)) = workbook.worksheet_merge_cells(&chosen) {
        for region in merged {
            fill_merged(&mut grid, top as usize, (region.start, region.end));
        }
    }
    let rows = grid
        .into_iter()
        .enumerate()
        .map(|(i, cells)| (top as usize + i + 1, cells))
        .collect();
    Ok(WorkbookRows {
        sheets,
        sheet: chosen,
        rows,
    })
}

/// What calamine's error means for the user: only the kind, since its text is English about
/// zip and XML internals.
fn read_problem(error: XlsxError) -> WorkbookProblem {
    match error {
        XlsxError::Zip(_) => WorkbookProblem::NotXlsx,
        XlsxError::Password => WorkbookProblem::Encrypted,
        XlsxError::WorksheetNotFound(sheet) => WorkbookProblem::NoSuchSheet(sheet),
        _ => WorkbookProblem::Damaged,
    }
}

/// Copies the top-left value of a merged region into its other cells (coordinates absolute,
/// `grid` starting at row `top`).
fn fill_merged(
    grid: &mut [Vec<String>],
    top: usize,
    ((r0, c0), (r1, c1)): ((u32, u32), (u32, u32)),
) {
    let (r0, c0, r1, c1) = (r0 as usize, c0 as usize, r1 as usize, c1 as usize);
    let Some(value) = r0
        .checked_sub(top)
        .and_then(|r| grid.get(r))
        .and_then(|row| row.get(c0))
        .cloned()
    else {
        return;
    };
    for r in r0..=r1 {
        let Some(row) = r.checked_sub(top).and_then(|r| grid.get_mut(r)) else {
            continue;
        };
        for c in c0..=c1 {
            if let Some(cell) = row.get_mut(c) {
                if cell.is_empty() {
                    *cell = value.clone();
                }
            }
        }
    }
}

fn cell_text(data: &Data) -> String {
    match data {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => Cell::Number(*f).text(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) if dt.is_datetime() => {
            // Excel serial days since 1899-12-30 = 25,569 days before 1970-01-01.
            let days = dt.as_f64().floor() as i64 - 25_569;
            Date::from_days_since_epoch(days)
                .map_or_else(|| Cell::Number(dt.as_f64()).text(), |d| d.to_string())
        }
        Data::DateTime(dt) => Cell::Number(dt.as_f64()).text(),
        Data::Error(e) => e.to_string(),
    }
}

impl From<rust_xlsxwriter::XlsxError> for WriteProblem {
    fn from(error: rust_xlsxwriter::XlsxError) -> WriteProblem {
        use rust_xlsxwriter::XlsxError;
        match error {
            XlsxError::RowColumnLimitError => WriteProblem::TooManyRows,
            XlsxError::MaxStringLengthExceeded => WriteProblem::CellTooLong,
            _ => WriteProblem::Other,
        }
    }
}

/// Writes sheets into an XLSX workbook, header rows bold. Text is written as string cells,
/// which spreadsheets never evaluate; text that [`looks_like_formula`] also gets the
/// "quote prefix" format (Excel's `'`), so that editing the cell keeps it text. The stored
/// value is the text itself: the workbook imports back unchanged.
pub fn write_workbook(sheets: &[Sheet]) -> Result<Vec<u8>, WriteProblem> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let as_text = Format::new().set_quote_prefix();
    for sheet in sheets {
        let worksheet = workbook.add_worksheet();
        worksheet.set_name(&sheet.name)?;
        for (c, header) in sheet.headers.iter().enumerate() {
            let format = if looks_like_formula(header) {
                bold.clone().set_quote_prefix()
            } else {
                bold.clone()
            };
            worksheet.write_string_with_format(0, c as u16, header, &format)?;
        }
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, cell) in row.iter().enumerate() {
                let c = c as u16;
                let written = match cell {
                    Cell::Text(text) if looks_like_formula(text) => worksheet
                        .write_string_with_format(r, c, text, &as_text)
                        .map(|_| ()),
                    // `'=x` typed as text: one more quote, which the reader takes off again.
                    Cell::Text(text) if text.starts_with('\'') => worksheet
                        .write_string_with_format(r, c, neutralise(text), &as_text)
                        .map(|_| ()),
                    Cell::Text(text) => worksheet.write_string(r, c, text).map(|_| ()),
                    Cell::Number(n) if n.is_finite() => {
                        worksheet.write_number(r, c, *n).map(|_| ())
                    }
                    Cell::Number(_) | Cell::Empty => Ok(()),
                };
                written?;
            }
        }
    }
    Ok(workbook.save_to_buffer()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(name: &str, rows: Vec<Vec<Cell>>) -> Sheet {
        Sheet {
            name: name.into(),
            headers: vec!["customer_id".into(), "arr".into()],
            rows,
        }
    }

    #[test]
    fn round_trips_text_and_numbers() {
        let bytes = write_workbook(&[sheet(
            "客户",
            vec![vec![Cell::Text("A".into()), Cell::Number(1200.5)]],
        )])
        .unwrap();
        let read = read_workbook("t.xlsx", &bytes, None).unwrap();
        assert_eq!(read.sheets, vec!["客户"]);
        assert_eq!(
            read.rows,
            vec![
                (1, vec!["customer_id".to_string(), "arr".into()]),
                (2, vec!["A".into(), "1200.5".into()])
            ]
        );
    }

    /// The deflated `xl/styles.xml` of an XLSX (a zip): the local file header's name, then
    /// the raw deflate stream after the fixed 30 bytes, the name and the extra field.
    /// (flate2 is a native dev-dependency only.)
    #[cfg(not(target_arch = "wasm32"))]
    fn styles_xml(bytes: &[u8]) -> String {
        use std::io::Read;
        let name = b"xl/styles.xml";
        let at = bytes.windows(name.len()).position(|w| w == name).unwrap() - 30;
        let le = |i: usize| usize::from(bytes[i]) | usize::from(bytes[i + 1]) << 8;
        let data = at + 30 + le(at + 26) + le(at + 28);
        let mut xml = String::new();
        flate2::read::DeflateDecoder::new(&bytes[data..])
            .read_to_string(&mut xml)
            .unwrap();
        xml
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn formula_like_text_is_a_quote_prefixed_string_and_reads_back_unchanged() {
        let rows = vec![
            vec![
                Cell::Text("=HYPERLINK(\"http://x\")".into()),
                Cell::Number(-3.0),
            ],
            vec![Cell::Text("@cmd".into()), Cell::Number(5.0)],
            vec![Cell::Text("'=typed".into()), Cell::Text("'ok".into())],
        ];
        let bytes = write_workbook(&[sheet("s", rows)]).unwrap();
        assert!(styles_xml(&bytes).contains("quotePrefix=\"1\""));
        // Stored as strings (not formulas), numbers as numbers.
        let mut book = Xlsx::new(Cursor::new(bytes.clone())).unwrap();
        let range = book.worksheet_range("s").unwrap();
        assert_eq!(
            range.get((1, 0)),
            Some(&Data::String("=HYPERLINK(\"http://x\")".into()))
        );
        assert_eq!(range.get((1, 1)), Some(&Data::Float(-3.0)));
        // Through the importer's table, as a file picked in the app would go.
        let read = read_workbook("t.xlsx", &bytes, None).unwrap();
        let table = crate::io::table::RawTable::from_rows("t.xlsx", read.rows).unwrap();
        let cells: Vec<Vec<&str>> = table
            .rows
            .iter()
            .map(|r| table.cells(r).collect())
            .collect();
        assert_eq!(
            cells,
            vec![
                vec!["=HYPERLINK(\"http://x\")", "-3"],
                vec!["@cmd", "5"],
                vec!["'=typed", "'ok"]
            ]
        );
    }

    #[test]
    fn skips_an_empty_first_sheet() {
        let empty = Sheet {
            name: "Notes".into(),
            headers: vec![],
            rows: vec![],
        };
        let bytes = write_workbook(&[
            empty,
            sheet(
                "Data",
                vec![vec![Cell::Text("A".into()), Cell::Number(1.0)]],
            ),
        ])
        .unwrap();
        let read = read_workbook("t.xlsx", &bytes, None).unwrap();
        assert_eq!(read.sheet, "Data");
        assert_eq!(read.sheets, vec!["Notes", "Data"]);
        let err = read_workbook("t.xlsx", &bytes, Some("Notes")).unwrap_err();
        assert_eq!(err.kind, ImportErrorKind::EmptySheet("Notes".into()));
    }

    #[test]
    fn not_a_workbook_is_a_located_error() {
        let err = read_workbook("fake.xlsx", b"customer_id,arr\nA,1\n", None).unwrap_err();
        assert_eq!(
            err.kind,
            ImportErrorKind::Workbook(WorkbookProblem::NotXlsx)
        );
        assert_eq!(err.file, "fake.xlsx");
    }

    #[test]
    fn a_sheet_that_is_not_there_is_named() {
        let bytes = write_workbook(&[sheet("Data", vec![])]).unwrap();
        let err = read_workbook("t.xlsx", &bytes, Some("Gone")).unwrap_err();
        assert_eq!(
            err.kind,
            ImportErrorKind::Workbook(WorkbookProblem::NoSuchSheet("Gone".into()))
        );
    }

    #[test]
    fn excel_limits_are_named_when_writing() {
        let long = Cell::Text("x".repeat(40_000));
        let too_long = write_workbook(&[sheet("S", vec![vec![long]])]);
        assert_eq!(too_long, Err(WriteProblem::CellTooLong));
        let bad_name = write_workbook(&[sheet("a[b]", vec![])]);
        assert_eq!(bad_name, Err(WriteProblem::Other));
    }

    #[test]
    fn merged_cells_take_the_top_left_value() {
        let mut grid = vec![
            vec!["seg".to_string(), String::new()],
            vec![String::new(), String::new()],
        ];
        fill_merged(&mut grid, 0, ((0, 0), (1, 1)));
        assert!(grid.iter().flatten().all(|c| c == "seg"));
    }
}
