//! The XLSX writer worker's messages: sheets in, a workbook's bytes out.

use serde::{Deserialize, Serialize};

use super::{Worker, WorkerFailure};
use crate::io::sheet::Sheet;
use crate::io::workbook::write_workbook;

pub struct XlsxWriter;

/// Write these sheets into a workbook; the reply carries its bytes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WriteRequest {
    pub sheets: Vec<Sheet>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WriteReply {
    /// The written workbook travels as bytes beside this reply.
    Written,
    Failed(WorkerFailure),
}

impl Worker for XlsxWriter {
    const NAME: &'static str = "xlsx_writer";
    type Request = WriteRequest;
    type Reply = WriteReply;

    fn failed(failure: WorkerFailure) -> WriteReply {
        WriteReply::Failed(failure)
    }

    fn handle(request: WriteRequest, _bytes: &[u8]) -> (WriteReply, Option<Vec<u8>>) {
        match write_workbook(&request.sheets) {
            Ok(bytes) => (WriteReply::Written, Some(bytes)),
            Err(problem) => (WriteReply::Failed(WorkerFailure::Write(problem)), None),
        }
    }
}
