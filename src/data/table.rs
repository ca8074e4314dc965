//! Text to a table of cells: CSV with delimiter sniffing (`,` `;` tab), quoted fields with
//! newlines, CRLF; and ranges pasted from a spreadsheet (tab-separated).

use super::import_error::{ImportError, ImportErrorKind};

/// A table as read: header texts and rows of cell texts, nothing interpreted yet.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RawTable {
    /// The file name (or "pasted"), for messages.
    pub file: String,
    pub headers: Vec<String>,
    pub rows: Vec<RawRow>,
}

/// One data row and the spreadsheet row number it started on (the header is row 1).
#[derive(Debug, Clone, PartialEq)]
pub struct RawRow {
    pub line: usize,
    pub cells: Vec<String>,
}

impl RawTable {
    /// The name of column `index` for messages: its header, or its spreadsheet letter if blank.
    pub fn column_label(&self, index: usize) -> String {
        match self.headers.get(index).map(|h| h.trim()) {
            Some(header) if !header.is_empty() => header.to_string(),
            _ => column_letter(index),
        }
    }

    /// Builds a table from rows of cells, the first non-blank one being the header (used by the
    /// CSV reader and the XLSX reader). `lines` gives each row's spreadsheet row number.
    pub fn from_rows(
        file: &str,
        rows: impl IntoIterator<Item = (usize, Vec<String>)>,
    ) -> Result<RawTable, ImportError> {
        let mut rows = rows
            .into_iter()
            .filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()));
        let Some((header_line, headers)) = rows.next() else {
            return Err(ImportError::file(file, ImportErrorKind::Empty));
        };
        let headers: Vec<String> = headers.into_iter().map(|h| h.trim().to_string()).collect();
        let mut table = RawTable {
            file: file.to_string(),
            headers,
            rows: Vec::new(),
        };
        for (line, cells) in rows {
            let used = cells
                .iter()
                .rposition(|c| !c.trim().is_empty())
                .map_or(0, |i| i + 1);
            if used > table.headers.len() {
                return Err(ImportError {
                    file: file.to_string(),
                    row: Some(line),
                    column: Some(table.column_label(table.headers.len())),
                    field: None,
                    kind: ImportErrorKind::ExtraCells {
                        cells: used,
                        columns: table.headers.len(),
                    },
                });
            }
            table.rows.push(RawRow { line, cells });
        }
        if table.rows.is_empty() {
            return Err(ImportError {
                row: Some(header_line),
                ..ImportError::file(file, ImportErrorKind::HeaderOnly)
            });
        }
        Ok(table)
    }
}

/// `A`, `B`, …, `Z`, `AA`, … as spreadsheets name columns.
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push((b'A' + rem as u8) as char);
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// Reads CSV text, guessing the delimiter from the first lines.
pub fn read_csv(file: &str, text: &str) -> Result<RawTable, ImportError> {
    read_with_delimiter(file, text, sniff_delimiter(text))
}

/// Reads a range pasted from a spreadsheet: tab-separated, as Excel and WPS put it on the
/// clipboard.
pub fn read_pasted(text: &str) -> Result<RawTable, ImportError> {
    read_with_delimiter("pasted", text, b'\t')
}

fn read_with_delimiter(file: &str, text: &str, delimiter: u8) -> Result<RawTable, ImportError> {
    let mut chunks = CsvChunks::new(file, text.to_string(), delimiter)?;
    while !chunks.read(usize::MAX)? {}
    chunks.finish()
}

/// A CSV read a chunk of records at a time, so the page can repaint between chunks of a large
/// file (see `hooks::import`). Owns its text.
pub struct CsvChunks {
    file: String,
    reader: csv::Reader<std::io::Cursor<Vec<u8>>>,
    record: csv::StringRecord,
    lines: LineCounter,
    rows: Vec<(usize, Vec<String>)>,
}

impl CsvChunks {
    /// Starts reading `text` with the given delimiter (`sniff_delimiter` guesses one).
    pub fn new(file: &str, text: String, delimiter: u8) -> Result<CsvChunks, ImportError> {
        if text.trim().is_empty() {
            return Err(ImportError::file(file, ImportErrorKind::Empty));
        }
        let reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(std::io::Cursor::new(text.into_bytes()));
        Ok(CsvChunks {
            file: file.to_string(),
            reader,
            record: csv::StringRecord::new(),
            lines: LineCounter::default(),
            rows: Vec::new(),
        })
    }

    /// Like [`CsvChunks::new`], guessing the delimiter from the first lines.
    pub fn sniffed(file: &str, text: String) -> Result<CsvChunks, ImportError> {
        let delimiter = sniff_delimiter(&text);
        CsvChunks::new(file, text, delimiter)
    }

    /// Reads up to `max_records` more records; `Ok(true)` once the whole text is read.
    pub fn read(&mut self, max_records: usize) -> Result<bool, ImportError> {
        for _ in 0..max_records {
            match self.reader.read_record(&mut self.record) {
                Ok(false) => return Ok(true),
                Ok(true) => {
                    let bytes = self.reader.get_ref().get_ref();
                    let line = self.record.position().map_or(self.rows.len() + 1, |p| {
                        self.lines.line_at(bytes, p.byte() as usize)
                    });
                    self.rows
                        .push((line, self.record.iter().map(str::to_string).collect()));
                }
                Err(e) => {
                    let bytes = self.reader.get_ref().get_ref();
                    let row = e
                        .position()
                        .map(|p| self.lines.line_at(bytes, p.byte() as usize));
                    return Err(ImportError {
                        row,
                        ..ImportError::file(&self.file, ImportErrorKind::Malformed(e.to_string()))
                    });
                }
            }
        }
        Ok(false)
    }

    pub fn rows_read(&self) -> usize {
        self.rows.len()
    }

    /// The table, once [`CsvChunks::read`] said it is done.
    pub fn finish(self) -> Result<RawTable, ImportError> {
        // The csv reader takes an unclosed quote to run to the end of the file; an odd number
        // of quote characters says that happened, in the last record read.
        let quotes = self
            .reader
            .get_ref()
            .get_ref()
            .iter()
            .filter(|&&b| b == b'"')
            .count();
        if quotes % 2 == 1 {
            let row = self.rows.last().map(|(line, _)| *line);
            return Err(ImportError {
                row,
                ..ImportError::file(&self.file, ImportErrorKind::UnbalancedQuotes)
            });
        }
        RawTable::from_rows(&self.file, self.rows)
    }
}

/// Line numbers from byte offsets. The csv crate's own line count lags by one after blank
/// lines and CRLF, and its record offsets may point at the previous line's terminator, so
/// terminators at the offset are skipped and newlines counted here. Offsets only grow, so the
/// count is incremental: one pass over the text in all.
#[derive(Debug)]
struct LineCounter {
    offset: usize,
    line: usize,
}

impl Default for LineCounter {
    fn default() -> Self {
        LineCounter { offset: 0, line: 1 }
    }
}

impl LineCounter {
    fn line_at(&mut self, bytes: &[u8], byte: usize) -> usize {
        let mut start = byte.min(bytes.len());
        while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        if start >= self.offset {
            self.line += bytes[self.offset..start]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            self.offset = start;
        }
        self.line
    }
}

/// Picks `,`, `;` or tab: the one that splits the first lines into the same number of cells,
/// the most cells winning; `,` when nothing fits.
pub fn sniff_delimiter(text: &str) -> u8 {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(20)
        .collect();
    let mut best = (b',', 0usize);
    for candidate in [b',', b';', b'\t'] {
        let counts: Vec<usize> = lines
            .iter()
            .map(|line| count_outside_quotes(line, candidate))
            .collect();
        let Some(&first) = counts.first() else {
            continue;
        };
        let consistent = counts.iter().all(|&c| c == first);
        let score = if consistent {
            first * 1000
        } else {
            counts.iter().copied().min().unwrap_or(0)
        };
        if score > best.1 {
            best = (candidate, score);
        }
    }
    best.0
}

fn count_outside_quotes(line: &str, delimiter: u8) -> usize {
    let mut quoted = false;
    line.bytes()
        .filter(|&b| {
            if b == b'"' {
                quoted = !quoted;
            }
            b == delimiter && !quoted
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_semicolons_and_tabs() {
        let t = read_csv("f", "id;arr\n1;1.000,5\n2;3\n").unwrap();
        assert_eq!(t.headers, vec!["id", "arr"]);
        assert_eq!(t.rows[0].cells, vec!["1", "1.000,5"]);
        let t = read_csv("f", "id\tarr\n1\t2\n").unwrap();
        assert_eq!(t.rows[0].cells, vec!["1", "2"]);
    }

    #[test]
    fn quoted_commas_newlines_and_crlf() {
        let t = read_csv(
            "f",
            "id,name\r\n1,\"Acme, Inc.\"\r\n2,\"two\r\nlines\"\r\n3,x\r\n",
        )
        .unwrap();
        assert_eq!(t.rows[0].cells[1], "Acme, Inc.");
        assert_eq!(t.rows[1].cells[1], "two\r\nlines");
        // Row numbers are where each record starts, as a spreadsheet counts them.
        assert_eq!(
            t.rows.iter().map(|r| r.line).collect::<Vec<_>>(),
            vec![2, 3, 5]
        );
    }

    #[test]
    fn blank_lines_are_skipped_and_rows_keep_their_numbers() {
        let t = read_csv("f", "\nid,arr\n\n1,2\n").unwrap();
        assert_eq!(t.rows.len(), 1);
        assert_eq!(t.rows[0].line, 4);
    }

    #[test]
    fn unbalanced_quote_is_located() {
        let err = read_csv("q.csv", "id,name\n1,ok\n2,\"broken\n3,x\n").unwrap_err();
        assert_eq!(err.kind, ImportErrorKind::UnbalancedQuotes);
        assert_eq!(err.row, Some(3));
    }

    #[test]
    fn empty_header_only_and_extra_cells() {
        assert_eq!(
            read_csv("f", " \n").unwrap_err().kind,
            ImportErrorKind::Empty
        );
        assert_eq!(
            read_csv("f", "id,arr\n").unwrap_err().kind,
            ImportErrorKind::HeaderOnly
        );
        let err = read_csv("f", "id,arr\n1,2\n3,4,5\n").unwrap_err();
        assert_eq!(
            err.kind,
            ImportErrorKind::ExtraCells {
                cells: 3,
                columns: 2
            }
        );
        assert_eq!((err.row, err.column.as_deref()), (Some(3), Some("C")));
    }

    #[test]
    fn pasted_ranges_are_tab_separated() {
        let t = read_pasted("客户ID\t年度合同额\nC1\t120,000\n").unwrap();
        assert_eq!(t.headers, vec!["客户ID", "年度合同额"]);
        assert_eq!(t.rows[0].cells, vec!["C1", "120,000"]);
        assert_eq!(t.file, "pasted");
    }

    #[test]
    fn chunked_reading_gives_the_same_table() {
        let text = "id,arr\n1,\"a\nb\"\n2,3\n\n4,5\n".to_string();
        let whole = read_csv("f", &text).unwrap();
        let mut chunks = CsvChunks::sniffed("f", text).unwrap();
        let mut steps = 0;
        while !chunks.read(1).unwrap() {
            steps += 1;
        }
        assert!(steps >= 4);
        assert_eq!(chunks.finish().unwrap(), whole);
    }

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(701), "ZZ");
    }
}
