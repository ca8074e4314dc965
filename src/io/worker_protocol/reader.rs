//! The XLSX reader worker's messages: a workbook's bytes in, one sheet's rows out.

use serde::{Deserialize, Serialize};

use super::{Worker, WorkerFailure};
use crate::io::import_error::{ImportErrorKind, WorkbookProblem};
use crate::io::workbook::read_workbook;

pub struct XlsxReader;

/// Read `sheet` (or the first non-empty one) of the workbook sent as bytes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReadRequest {
    pub file: String,
    pub sheet: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReadReply {
    /// The sheet's rows, each with its row number in the workbook.
    Rows {
        sheets: Vec<String>,
        sheet: String,
        rows: Vec<(usize, Vec<String>)>,
    },
    /// The chosen sheet has no cells.
    EmptySheet {
        sheet: String,
    },
    Failed(WorkerFailure),
}

impl Worker for XlsxReader {
    const NAME: &'static str = "xlsx_reader";
    type Request = ReadRequest;
    type Reply = ReadReply;

    fn failed(failure: WorkerFailure) -> ReadReply {
        ReadReply::Failed(failure)
    }

    fn handle(request: ReadRequest, bytes: &[u8]) -> (ReadReply, Option<Vec<u8>>) {
        let reply = match read_workbook(&request.file, bytes, request.sheet.as_deref()) {
            Ok(read) => ReadReply::Rows {
                sheets: read.sheets,
                sheet: read.sheet,
                rows: read.rows,
            },
            Err(error) => match error.kind {
                ImportErrorKind::EmptySheet(sheet) => ReadReply::EmptySheet { sheet },
                ImportErrorKind::Workbook(problem) => {
                    ReadReply::Failed(WorkerFailure::Read(problem))
                }
                // `read_workbook` makes no other kind; should it one day, the file is at fault.
                _ => ReadReply::Failed(WorkerFailure::Read(WorkbookProblem::Damaged)),
            },
        };
        (reply, None)
    }
}
