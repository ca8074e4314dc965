//! Messages between the page and the XLSX worker, as JSON (bytes travel beside the JSON as a
//! buffer). There are two workers, a reader (calamine) and a writer (rust_xlsxwriter), so each
//! download stays within the 400 KB gzip on-demand budget; `handle_read` and `handle_write`
//! are their whole logic, pure so they are tested natively.

use serde::{Deserialize, Serialize};

use super::import_error::ImportErrorKind;
use super::sheet::Sheet;
use super::workbook::{read_workbook, write_workbook};

/// What the page asks; `id` matches the reply to the request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Read `sheet` (or the first non-empty one) of the workbook sent as bytes.
    Read {
        id: u32,
        file: String,
        sheet: Option<String>,
    },
    /// Write these sheets into a workbook; the reply carries its bytes.
    Write { id: u32, sheets: Vec<Sheet> },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    Read {
        id: u32,
        sheets: Vec<String>,
        sheet: String,
        rows: Vec<(usize, Vec<String>)>,
    },
    /// The chosen sheet has no cells.
    EmptySheet { id: u32, sheet: String },
    /// Not a readable workbook, or the request itself was unreadable.
    Failed { id: u32, message: String },
    /// The written workbook travels as bytes beside this reply.
    Written { id: u32 },
}

impl Reply {
    pub fn id(&self) -> u32 {
        match self {
            Reply::Read { id, .. }
            | Reply::EmptySheet { id, .. }
            | Reply::Failed { id, .. }
            | Reply::Written { id } => *id,
        }
    }
}

/// The reader worker's answer to one request (the reply as JSON; no bytes).
pub fn handle_read(request_json: &str, bytes: &[u8]) -> (String, Option<Vec<u8>>) {
    handle(request_json, |request| match request {
        Request::Write { id, .. } => failed(id, "the reader does not write"),
        Request::Read { id, file, sheet } => match read_workbook(&file, bytes, sheet.as_deref()) {
            Ok(read) => (
                Reply::Read {
                    id,
                    sheets: read.sheets,
                    sheet: read.sheet,
                    rows: read.rows,
                },
                None,
            ),
            Err(error) => match error.kind {
                ImportErrorKind::EmptySheet(sheet) => (Reply::EmptySheet { id, sheet }, None),
                ImportErrorKind::Workbook(message) => failed(id, &message),
                other => failed(id, &format!("{other:?}")),
            },
        },
    })
}

/// The writer worker's answer to one request: the reply as JSON and the workbook's bytes.
pub fn handle_write(request_json: &str, _bytes: &[u8]) -> (String, Option<Vec<u8>>) {
    handle(request_json, |request| match request {
        Request::Read { id, .. } => failed(id, "the writer does not read"),
        Request::Write { id, sheets } => match write_workbook(&sheets) {
            Ok(bytes) => (Reply::Written { id }, Some(bytes)),
            Err(message) => failed(id, &message),
        },
    })
}

fn failed(id: u32, message: &str) -> (Reply, Option<Vec<u8>>) {
    (
        Reply::Failed {
            id,
            message: message.to_string(),
        },
        None,
    )
}

/// Decodes the request, lets `operation` answer it, encodes the reply.
fn handle(
    request_json: &str,
    operation: impl FnOnce(Request) -> (Reply, Option<Vec<u8>>),
) -> (String, Option<Vec<u8>>) {
    answer(match serde_json::from_str::<Request>(request_json) {
        Err(e) => failed(0, &format!("bad request: {e}")),
        Ok(request) => operation(request),
    })
}

fn answer((reply, out): (Reply, Option<Vec<u8>>)) -> (String, Option<Vec<u8>>) {
    let json = serde_json::to_string(&reply)
        .unwrap_or_else(|_| r#"{"Failed":{"id":0,"message":"reply"}}"#.into());
    (json, out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::sheet::Cell;

    #[test]
    fn write_then_read_through_the_protocol() {
        let sheet = Sheet {
            name: "S".into(),
            headers: vec!["a".into()],
            rows: vec![vec![Cell::Number(2.0)]],
        };
        let write = serde_json::to_string(&Request::Write {
            id: 7,
            sheets: vec![sheet],
        })
        .unwrap();
        let (reply, bytes) = handle_write(&write, &[]);
        assert_eq!(
            serde_json::from_str::<Reply>(&reply).unwrap(),
            Reply::Written { id: 7 }
        );
        let read = serde_json::to_string(&Request::Read {
            id: 8,
            file: "x.xlsx".into(),
            sheet: None,
        })
        .unwrap();
        let (reply, _) = handle_read(&read, &bytes.unwrap());
        let Reply::Read { id, rows, .. } = serde_json::from_str::<Reply>(&reply).unwrap() else {
            panic!("{reply}")
        };
        assert_eq!((id, rows[1].1[0].as_str()), (8, "2"));
    }

    #[test]
    fn garbage_gets_a_failure_reply() {
        let (reply, bytes) = handle_read("not json", &[]);
        assert!(matches!(
            serde_json::from_str::<Reply>(&reply).unwrap(),
            Reply::Failed { .. }
        ));
        assert!(bytes.is_none());
        let read = serde_json::to_string(&Request::Read {
            id: 1,
            file: "x.xlsx".into(),
            sheet: None,
        })
        .unwrap();
        let (reply, _) = handle_read(&read, b"PK\x03\x04 not really a zip");
        assert!(matches!(
            serde_json::from_str::<Reply>(&reply).unwrap(),
            Reply::Failed { id: 1, .. }
        ));
    }
}
