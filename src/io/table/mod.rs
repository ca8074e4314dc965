//! Text to a table of cells: CSV with delimiter sniffing (`,` `;` tab), quoted fields with
//! newlines, CRLF; and ranges pasted from a spreadsheet (tab-separated).

use super::import_error::{ImportError, ImportErrorKind};
use super::sheet::unneutralise;

/// A table as read: header texts and rows of cell texts, nothing interpreted yet.
///
/// The cells' texts live one after another in a single string, each row pointing at its
/// cells' end offsets: a million rows would otherwise be several million small strings, and
/// allocating and freeing them was a quarter of an import's time.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RawTable {
    /// The file name (or "pasted"), for messages.
    pub file: String,
    pub headers: Vec<String>,
    pub rows: Vec<RawRow>,
    text: String,
    /// End offset in `text` of every cell, rows after one another.
    ends: Vec<u32>,
}

/// One data row and the spreadsheet row number it started on (the header is row 1). Its cells
/// are read through [`RawTable::cell`] and [`RawTable::cells`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RawRow {
    pub line: usize,
    /// Index of its first cell in the table's `ends`.
    first: u32,
    count: u32,
}

impl RawTable {
    /// The name of column `index` for messages: its header, or its spreadsheet letter if blank.
    pub fn column_label(&self, index: usize) -> String {
        match self.headers.get(index).map(|h| h.trim()) {
            Some(header) if !header.is_empty() => header.to_string(),
            _ => column_letter(index),
        }
    }

    /// The text of `row`'s cell in `column`, `None` past its last cell.
    pub fn cell(&self, row: &RawRow, column: usize) -> Option<&str> {
        if column >= row.count as usize {
            return None;
        }
        let i = row.first as usize + column;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        self.text.get(start..self.ends[i] as usize)
    }

    /// Up to `limit` columns whose label contains `filter` (ignoring case), in file order,
    /// and how many match in all: a wide file's mapping lists these, not ten thousand.
    pub fn matching_columns(&self, filter: &str, limit: usize) -> (Vec<usize>, usize) {
        let needle = filter.trim().to_lowercase();
        let mut listed = Vec::new();
        let mut total = 0;
        for i in 0..self.headers.len() {
            if needle.is_empty() || self.column_label(i).to_lowercase().contains(&needle) {
                total += 1;
                if listed.len() < limit {
                    listed.push(i);
                }
            }
        }
        (listed, total)
    }

    /// Every cell of `row`, in order.
    pub fn cells<'a>(&'a self, row: &RawRow) -> impl Iterator<Item = &'a str> + 'a {
        let row = *row;
        (0..row.count as usize).filter_map(move |c| self.cell(&row, c))
    }

    /// Builds a table from rows of cells, the first non-blank one being the header (used by the
    /// XLSX reader). `lines` gives each row's spreadsheet row number.
    pub fn from_rows(
        file: &str,
        rows: impl IntoIterator<Item = (usize, Vec<String>)>,
    ) -> Result<RawTable, ImportError> {
        let mut builder = TableBuilder::new(file);
        for (line, cells) in rows {
            builder.push(line, cells.iter().map(String::as_str));
        }
        builder.finish()
    }
}

/// Collects rows into a [`RawTable`]: skips blank rows, takes the first other one as the
/// header, strips the formula guard a safe export adds (a `'` before `=`, `+`, `-`, `@`, tab,
/// carriage return; see `sheet::neutralise`), and remembers the first row with more cells than the header has for [`finish`].
///
/// [`finish`]: TableBuilder::finish
struct TableBuilder {
    table: RawTable,
    header_line: Option<usize>,
    too_wide: Option<ImportError>,
    /// Cells of the row being pushed, before it is known to be non-blank.
    scratch: Vec<(usize, usize)>,
}

impl TableBuilder {
    fn new(file: &str) -> TableBuilder {
        TableBuilder {
            table: RawTable {
                file: file.to_string(),
                ..RawTable::default()
            },
            header_line: None,
            too_wide: None,
            scratch: Vec::new(),
        }
    }

    fn push<'a>(&mut self, line: usize, cells: impl Iterator<Item = &'a str>) {
        let t = &mut self.table;
        let mark = t.text.len();
        self.scratch.clear();
        for cell in cells {
            let start = t.text.len();
            // Undo the export's formula guard (`sheet::neutralise`): `'=x` reads as `=x`.
            t.text.push_str(unneutralise(cell));
            self.scratch.push((start, t.text.len()));
        }
        let blank = |&(a, b): &(usize, usize)| t.text[a..b].trim().is_empty();
        let used = self
            .scratch
            .iter()
            .rposition(|c| !blank(c))
            .map_or(0, |i| i + 1);
        if used == 0 {
            t.text.truncate(mark);
            return;
        }
        if self.header_line.is_none() {
            t.headers = self
                .scratch
                .iter()
                .map(|&(a, b)| t.text[a..b].trim().to_string())
                .collect();
            t.text.truncate(mark);
            self.header_line = Some(line);
            return;
        }
        if used > t.headers.len() && self.too_wide.is_none() {
            self.too_wide = Some(ImportError {
                file: t.file.clone(),
                row: Some(line),
                column: Some(t.column_label(t.headers.len())),
                field: None,
                kind: ImportErrorKind::ExtraCells {
                    cells: used,
                    columns: t.headers.len(),
                },
            });
        }
        let first = t.ends.len() as u32;
        t.ends
            .extend(self.scratch.iter().map(|&(_, end)| end as u32));
        t.rows.push(RawRow {
            line,
            first,
            count: self.scratch.len() as u32,
        });
    }

    fn finish(self) -> Result<RawTable, ImportError> {
        let Some(header_line) = self.header_line else {
            return Err(ImportError::file(&self.table.file, ImportErrorKind::Empty));
        };
        if let Some(error) = self.too_wide {
            return Err(error);
        }
        if self.table.rows.is_empty() {
            return Err(ImportError {
                row: Some(header_line),
                ..ImportError::file(&self.table.file, ImportErrorKind::HeaderOnly)
            });
        }
        Ok(self.table)
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
    delimiter: u8,
    reader: csv::Reader<std::io::Cursor<Vec<u8>>>,
    record: csv::StringRecord,
    lines: LineCounter,
    builder: TableBuilder,
    records: usize,
}

impl CsvChunks {
    /// Starts reading `text` with the given delimiter (`sniff_delimiter` guesses one).
    pub fn new(file: &str, text: String, delimiter: u8) -> Result<CsvChunks, ImportError> {
        if text.trim().is_empty() {
            return Err(ImportError::file(file, ImportErrorKind::Empty));
        }
        let text_len = text.len();
        let reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(std::io::Cursor::new(text.into_bytes()));
        let mut builder = TableBuilder::new(file);
        // The cells are at most the text itself: reserve once rather than regrow a large
        // buffer step by step (each regrowth copies it; in wasm it also grows the memory).
        builder.table.text.reserve(text_len);
        builder.table.ends.reserve(text_len / 8);
        Ok(CsvChunks {
            file: file.to_string(),
            delimiter,
            reader,
            record: csv::StringRecord::new(),
            lines: LineCounter::default(),
            builder,
            records: 0,
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
                    let line = self.record.position().map_or(self.records + 1, |p| {
                        self.lines.line_at(bytes, p.byte() as usize)
                    });
                    self.records += 1;
                    self.builder.push(line, self.record.iter());
                }
                Err(e) => {
                    let bytes = self.reader.get_ref().get_ref();
                    let row = e
                        .position()
                        .map(|p| self.lines.line_at(bytes, p.byte() as usize));
                    return Err(ImportError {
                        row,
                        ..ImportError::file(&self.file, ImportErrorKind::Malformed)
                    });
                }
            }
        }
        Ok(false)
    }

    pub fn rows_read(&self) -> usize {
        self.records
    }

    /// The table, once [`CsvChunks::read`] said it is done.
    pub fn finish(self) -> Result<RawTable, ImportError> {
        // The csv reader takes an unclosed quote to run to the end of the file, silently:
        // find where that field opened (quotes counted by the reader's own rules, so a
        // literal `27" Monitors` is no quote) and report it there.
        let bytes = self.reader.get_ref().get_ref();
        if let Some((line, field)) = unclosed_quote(bytes, self.delimiter) {
            return Err(ImportError {
                row: Some(line),
                column: Some(self.builder.table.column_label(field)),
                ..ImportError::file(&self.file, ImportErrorKind::UnbalancedQuotes)
            });
        }
        self.builder.finish()
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

mod quotes;
#[cfg(test)]
mod tests;

use quotes::{count_outside_quotes, unclosed_quote};
