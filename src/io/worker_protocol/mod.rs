//! Messages between the page and the XLSX worker, as JSON by serde (bytes travel beside the
//! JSON as a buffer): `{"read": {…}}`, `{"write": {…}}`, `{"failed": {…}}` and so on, one key
//! naming the message (serde's externally tagged enums). Cells are JSON strings, numbers or
//! `null`. Messages live only while a page runs, so they carry no version. There are two workers, a
//! reader (calamine) and a writer (rust_xlsxwriter), so each download stays within the 400 KB
//! gzip on-demand budget; `handle_read` and `handle_write` are their whole logic, pure so they
//! are tested natively.

use serde::{Deserialize, Serialize};

use super::import_error::{ImportErrorKind, WorkbookProblem};
use super::sheet::Sheet;
use super::workbook::{read_workbook, write_workbook, WriteProblem};

/// What the page asks; `id` matches the reply to the request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Request {
    /// Read `sheet` (or the first non-empty one) of the workbook sent as bytes.
    Read {
        id: u32,
        file: String,
        sheet: Option<String>,
    },
    /// Write these sheets into a workbook; the reply carries its bytes.
    Write { id: u32, sheets: Vec<Sheet> },
    /// Compute the Operations or Team panels (the operations worker).
    Panels {
        id: u32,
        job: Box<crate::derive::operations::job::PanelsJob>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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
    Failed { id: u32, failure: WorkerFailure },
    /// The written workbook travels as bytes beside this reply.
    Written { id: u32 },
    /// The panels computed, charts drawn.
    Panels {
        id: u32,
        panels: Vec<crate::derive::shown_panel::ShownPanel>,
    },
}

/// Why a request got no workbook or rows. A kind, never a sentence: the page writes it out in
/// its UI language (`i18n::ErrorText`), and the workers' libraries speak English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkerFailure {
    /// The request was not a request (a bug on the page's side; serde's text would not help).
    BadRequest,
    /// A read sent to the writer or a write to the reader.
    WrongWorker,
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

impl Request {
    pub fn to_json(&self) -> String {
        to_json(self)
    }

    pub fn from_json(text: &str) -> Result<Request, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }
}

impl Reply {
    pub fn to_json(&self) -> String {
        to_json(self)
    }

    pub fn from_json(text: &str) -> Result<Reply, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }

    pub fn id(&self) -> u32 {
        match self {
            Reply::Read { id, .. }
            | Reply::EmptySheet { id, .. }
            | Reply::Failed { id, .. }
            | Reply::Written { id }
            | Reply::Panels { id, .. } => *id,
        }
    }
}

/// The reader worker's answer to one request (the reply as JSON; no bytes).
pub fn handle_read(request_json: &str, bytes: &[u8]) -> (String, Option<Vec<u8>>) {
    handle(request_json, |request| match request {
        Request::Write { id, .. } | Request::Panels { id, .. } => {
            failed(id, WorkerFailure::WrongWorker)
        }
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
                ImportErrorKind::Workbook(problem) => failed(id, WorkerFailure::Read(problem)),
                // `read_workbook` makes no other kind; should it one day, the file is at fault.
                _ => failed(id, WorkerFailure::Read(WorkbookProblem::Damaged)),
            },
        },
    })
}

/// The writer worker's answer to one request: the reply as JSON and the workbook's bytes.
pub fn handle_write(request_json: &str, _bytes: &[u8]) -> (String, Option<Vec<u8>>) {
    handle(request_json, |request| match request {
        Request::Read { id, .. } | Request::Panels { id, .. } => {
            failed(id, WorkerFailure::WrongWorker)
        }
        Request::Write { id, sheets } => match write_workbook(&sheets) {
            Ok(bytes) => (Reply::Written { id }, Some(bytes)),
            Err(problem) => failed(id, WorkerFailure::Write(problem)),
        },
    })
}

pub(crate) fn failed(id: u32, failure: WorkerFailure) -> (Reply, Option<Vec<u8>>) {
    (Reply::Failed { id, failure }, None)
}

/// Texts, whole numbers and finite cell values: serialising cannot fail (a cell that is not
/// finite, which JSON cannot say, is written `null` by serde_json).
fn to_json(message: &impl Serialize) -> String {
    serde_json::to_string(message).unwrap_or_default()
}

/// Decodes the request, lets `operation` answer it, encodes the reply.
pub(crate) fn handle(
    request_json: &str,
    operation: impl FnOnce(Request) -> (Reply, Option<Vec<u8>>),
) -> (String, Option<Vec<u8>>) {
    let (reply, out) = match Request::from_json(request_json) {
        Err(_) => failed(0, WorkerFailure::BadRequest),
        Ok(request) => operation(request),
    };
    (reply.to_json(), out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::sheet::Cell;

    #[test]
    fn write_then_read_through_the_protocol() {
        let sheet = Sheet {
            name: "S".into(),
            headers: vec!["a".into()],
            rows: vec![vec![Cell::Number(2.0)]],
        };
        let write = (Request::Write {
            id: 7,
            sheets: vec![sheet],
        })
        .to_json();
        let (reply, bytes) = handle_write(&write, &[]);
        assert_eq!(Reply::from_json(&reply).unwrap(), Reply::Written { id: 7 });
        let read = (Request::Read {
            id: 8,
            file: "x.xlsx".into(),
            sheet: None,
        })
        .to_json();
        let (reply, _) = handle_read(&read, &bytes.unwrap());
        let Reply::Read { id, rows, .. } = Reply::from_json(&reply).unwrap() else {
            panic!("{reply}")
        };
        assert_eq!((id, rows[1].1[0].as_str()), (8, "2"));
    }

    #[test]
    fn every_message_reads_back_as_written() {
        let sheet = Sheet {
            name: "客户 \"1\"".into(),
            headers: vec!["a".into(), "b".into()],
            rows: vec![vec![
                Cell::Number(-0.25),
                Cell::Empty,
                Cell::Text("x\ny".into()),
            ]],
        };
        for request in [
            Request::Read {
                id: 1,
                file: "a.xlsx".into(),
                sheet: None,
            },
            Request::Read {
                id: 2,
                file: "b.xlsx".into(),
                sheet: Some("S".into()),
            },
            Request::Write {
                id: 3,
                sheets: vec![sheet],
            },
        ] {
            assert_eq!(Request::from_json(&request.to_json()), Ok(request));
        }
        for reply in [
            Reply::Read {
                id: u32::MAX,
                sheets: vec!["S".into(), "T".into()],
                sheet: "T".into(),
                rows: vec![(1, vec!["h".into()]), (3, vec!["v".into(), String::new()])],
            },
            Reply::EmptySheet {
                id: 5,
                sheet: "S".into(),
            },
            Reply::Failed {
                id: 6,
                failure: WorkerFailure::Stopped,
            },
            Reply::Failed {
                id: 8,
                failure: WorkerFailure::Read(WorkbookProblem::NoSuchSheet("客户 \"1\"".into())),
            },
            Reply::Failed {
                id: 9,
                failure: WorkerFailure::Write(WriteProblem::TooManyRows),
            },
            Reply::Written { id: 7 },
        ] {
            assert_eq!(Reply::from_json(&reply.to_json()), Ok(reply));
        }
        assert!(Request::from_json(r#"{"read":{"id":-1,"file":"x"}}"#).is_err());
        assert!(Reply::from_json(r#"{"read":{},"failed":{}}"#).is_err());
        assert!(Reply::from_json(r#"{"shout":{"id":1}}"#).is_err());
    }

    #[test]
    fn garbage_gets_a_failure_reply() {
        let (reply, bytes) = handle_read("not json", &[]);
        assert_eq!(
            Reply::from_json(&reply),
            Ok(Reply::Failed {
                id: 0,
                failure: WorkerFailure::BadRequest
            })
        );
        assert!(bytes.is_none());
        let read = (Request::Read {
            id: 1,
            file: "x.xlsx".into(),
            sheet: None,
        })
        .to_json();
        let (reply, _) = handle_read(&read, b"PK\x03\x04 not really a zip");
        assert_eq!(
            Reply::from_json(&reply),
            Ok(Reply::Failed {
                id: 1,
                failure: WorkerFailure::Read(WorkbookProblem::NotXlsx)
            })
        );
        let (reply, _) = handle_write(&read, &[]);
        assert_eq!(
            Reply::from_json(&reply),
            Ok(Reply::Failed {
                id: 1,
                failure: WorkerFailure::WrongWorker
            })
        );
    }

    #[test]
    fn a_failure_travels_as_its_kind_not_as_english_text() {
        let reply = Reply::Failed {
            id: 2,
            failure: WorkerFailure::Read(WorkbookProblem::NoSuchSheet("S".into())),
        };
        assert_eq!(
            reply.to_json(),
            r#"{"failed":{"id":2,"failure":{"read":{"no_such_sheet":"S"}}}}"#
        );
        let stopped = r#"{"failed":{"id":3,"failure":"stopped"}}"#;
        assert_eq!(
            Reply::from_json(stopped),
            Ok(Reply::Failed {
                id: 3,
                failure: WorkerFailure::Stopped
            })
        );
    }
}
