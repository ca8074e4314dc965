//! Why a workbook could not be read or written, or a worker gave no answer: kinds, never
//! sentences (the page writes them out in its UI language), which travel between the page and
//! the XLSX workers, hence serde. A leaf, so the importer, the workbook code and the workers'
//! protocol all read it without importing each other.

use serde::{Deserialize, Serialize};

/// Why a workbook could not be read, as far as the user can act on it. calamine's own
/// messages are English and speak of zip and XML internals, so they are not kept; the kind
/// travels from the reader worker to the page inside its reply, hence serde.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkbookProblem {
    /// Not a zip container: an old XLS, an encrypted workbook, a renamed CSV.
    NotXlsx,
    /// Protected by a password calamine cannot open.
    Encrypted,
    /// A zip, but the parts of a workbook are missing or broken.
    Damaged,
    NoSheets,
    /// The sheet asked for is not in the workbook (its name as asked).
    NoSuchSheet(String),
}

/// Why a workbook could not be written: the two limits of Excel a large export can reach, or
/// anything else (rust_xlsxwriter's own text is English and about its internals).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WriteProblem {
    TooManyRows,
    CellTooLong,
    Other,
}

/// Why a request got no workbook or rows. A kind, never a sentence: the page writes it out in
/// its UI language (`i18n::ErrorText`), and the workers' libraries speak English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkerFailure {
    /// The request was not one this worker reads (a bug on the page's side; serde's text
    /// would not help).
    BadRequest,
    /// The page could not start the worker (offline before it was cached, for example).
    NotStarted,
    /// `postMessage` to the worker failed.
    Refused,
    /// The worker's reply was not a reply.
    Unreadable,
    /// The worker died while a request was waiting.
    Stopped,
    /// The workbook could not be read.
    Read(WorkbookProblem),
    /// The workbook could not be written.
    Write(WriteProblem),
}
