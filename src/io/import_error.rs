//! What can go wrong in an import, located: file, row, column, field and the offending text.
//! The message itself is written in the UI language by `i18n::import_error_text`.

use crate::io::fields::Field;
pub use crate::io::workbook_problem::{WorkbookProblem, WorkerFailure};
use crate::model::calendar::Date;

/// Where a problem is, as the user sees the file: `row` counts lines as a spreadsheet does
/// (the header is row 1), `column` is the header text (or the spreadsheet letter when the
/// header is blank).
#[derive(Debug, Clone, PartialEq)]
pub struct ImportError {
    pub file: String,
    pub row: Option<usize>,
    pub column: Option<String>,
    pub field: Option<Field>,
    pub kind: ImportErrorKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ImportErrorKind {
    /// Nothing in the file.
    Empty,
    /// A header but no data rows.
    HeaderOnly,
    /// Over the size the page accepts.
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    /// Neither UTF-8, UTF-16 nor GB18030.
    Undecodable,
    /// A quote opened here and never closed.
    UnbalancedQuotes,
    /// The CSV reader refused a record (its own message is English and about its internals;
    /// the row says where). With flexible records read from decoded text this is not
    /// expected to happen, but a file must never be half-read in silence.
    Malformed,
    /// More cells than the header has columns.
    ExtraCells {
        cells: usize,
        columns: usize,
    },
    /// No shape's required columns are all present.
    UnknownShape,
    /// A required field has no column.
    MissingColumn,
    /// A required cell is blank.
    MissingValue,
    NotNumber(String),
    NotDate(String),
    NotYesNo(String),
    /// A previous tier that is not lighthouse, growth or standard.
    NotATier(String),
    /// A number outside what the field can hold (negative ARR, NPS 11, 1e308).
    OutOfRange(String),
    EndBeforeStart {
        start: Date,
        end: Date,
    },
    DuplicateId(String),
    /// The workbook could not be read.
    Workbook(WorkbookProblem),
    /// The workbook worker gave no usable answer (it did not start, stopped, or replied
    /// nonsense); a problem with the workbook itself is [`ImportErrorKind::Workbook`].
    Worker(WorkerFailure),
    /// The chosen sheet has no cells.
    EmptySheet(String),
    /// Every data row had a problem.
    NoValidRows,
}

impl ImportError {
    /// A whole-file problem.
    pub fn file(file: &str, kind: ImportErrorKind) -> ImportError {
        ImportError {
            file: file.to_string(),
            row: None,
            column: None,
            field: None,
            kind,
        }
    }
}
