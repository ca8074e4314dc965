//! Messages between the page and the XLSX worker, as JSON (bytes travel beside the JSON as a
//! buffer): `{"read": {…}}`, `{"write": {…}}`, `{"failed": {…}}` and so on, one key naming
//! the message. Cells are JSON strings, numbers or `null`. There are two workers, a reader (calamine) and a writer (rust_xlsxwriter), so each
//! download stays within the 400 KB gzip on-demand budget; `handle_read` and `handle_write`
//! are their whole logic, pure so they are tested natively.

use super::import_error::ImportErrorKind;
use super::json::{self, object, Json};
use super::sheet::{Cell, Sheet};
use super::workbook::{read_workbook, write_workbook};

/// What the page asks; `id` matches the reply to the request.
#[derive(Debug, Clone, PartialEq)]
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

#[derive(Debug, Clone, PartialEq)]
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

impl Request {
    pub fn to_json(&self) -> String {
        let (kind, body) = match self {
            Request::Read { id, file, sheet } => (
                "read",
                object([
                    ("id", (*id).into()),
                    ("file", file.as_str().into()),
                    ("sheet", sheet.as_deref().map_or(Json::Null, Json::from)),
                ]),
            ),
            Request::Write { id, sheets } => (
                "write",
                object([
                    ("id", (*id).into()),
                    (
                        "sheets",
                        Json::Array(sheets.iter().map(sheet_json).collect()),
                    ),
                ]),
            ),
        };
        object([(kind, body)]).to_string()
    }

    pub fn from_json(text: &str) -> Result<Request, String> {
        let (kind, body) = message(text)?;
        let body = &body;
        let id = id_of(body)?;
        match kind.as_str() {
            "read" => Ok(Request::Read {
                id,
                file: text_of(body, "file")?,
                sheet: body.get("sheet").and_then(Json::as_str).map(str::to_string),
            }),
            "write" => Ok(Request::Write {
                id,
                sheets: array_of(body, "sheets")?
                    .iter()
                    .map(read_sheet)
                    .collect::<Result<_, _>>()?,
            }),
            other => Err(format!("unknown request “{other}”")),
        }
    }
}

impl Reply {
    pub fn to_json(&self) -> String {
        let (kind, body) = match self {
            Reply::Read {
                id,
                sheets,
                sheet,
                rows,
            } => (
                "read",
                object([
                    ("id", (*id).into()),
                    ("sheets", strings(sheets)),
                    ("sheet", sheet.as_str().into()),
                    (
                        "rows",
                        Json::Array(
                            rows.iter()
                                .map(|(n, cells)| {
                                    Json::Array(vec![Json::Number(*n as f64), strings(cells)])
                                })
                                .collect(),
                        ),
                    ),
                ]),
            ),
            Reply::EmptySheet { id, sheet } => (
                "empty_sheet",
                object([("id", (*id).into()), ("sheet", sheet.as_str().into())]),
            ),
            Reply::Failed { id, message } => (
                "failed",
                object([("id", (*id).into()), ("message", message.as_str().into())]),
            ),
            Reply::Written { id } => ("written", object([("id", (*id).into())])),
        };
        object([(kind, body)]).to_string()
    }

    pub fn from_json(text: &str) -> Result<Reply, String> {
        let (kind, body) = message(text)?;
        let body = &body;
        let id = id_of(body)?;
        match kind.as_str() {
            "read" => Ok(Reply::Read {
                id,
                sheets: strings_of(array_of(body, "sheets")?)?,
                sheet: text_of(body, "sheet")?,
                rows: array_of(body, "rows")?
                    .iter()
                    .map(|row| match row.as_array() {
                        Some([Json::Number(n), cells]) => Ok((
                            *n as usize,
                            strings_of(cells.as_array().ok_or("a row’s cells")?)?,
                        )),
                        _ => Err("a row".to_string()),
                    })
                    .collect::<Result<_, _>>()?,
            }),
            "empty_sheet" => Ok(Reply::EmptySheet {
                id,
                sheet: text_of(body, "sheet")?,
            }),
            "failed" => Ok(Reply::Failed {
                id,
                message: text_of(body, "message")?,
            }),
            "written" => Ok(Reply::Written { id }),
            other => Err(format!("unknown reply “{other}”")),
        }
    }

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
    let (reply, out) = match Request::from_json(request_json) {
        Err(e) => failed(0, &format!("bad request: {e}")),
        Ok(request) => operation(request),
    };
    (reply.to_json(), out)
}

/// The one key of a message and the object under it.
fn message(text: &str) -> Result<(String, Json), String> {
    match json::parse(text).map_err(|e| e.to_string())? {
        Json::Object(fields) if fields.len() == 1 => {
            Ok(fields.into_iter().next().ok_or("no message")?)
        }
        _ => Err("not one message".to_string()),
    }
}

fn id_of(body: &Json) -> Result<u32, String> {
    body.get("id")
        .and_then(Json::as_u32)
        .ok_or_else(|| "“id”".to_string())
}

fn text_of(body: &Json, key: &str) -> Result<String, String> {
    body.get(key)
        .and_then(Json::as_str)
        .map(str::to_string)
        .ok_or_else(|| format!("“{key}”"))
}

fn array_of<'a>(body: &'a Json, key: &str) -> Result<&'a [Json], String> {
    body.get(key)
        .and_then(Json::as_array)
        .ok_or_else(|| format!("“{key}”"))
}

fn strings(texts: &[String]) -> Json {
    Json::Array(texts.iter().map(|t| t.as_str().into()).collect())
}

fn strings_of(items: &[Json]) -> Result<Vec<String>, String> {
    items
        .iter()
        .map(|item| {
            item.as_str()
                .map(str::to_string)
                .ok_or_else(|| "a text".to_string())
        })
        .collect()
}

fn sheet_json(sheet: &Sheet) -> Json {
    let cell = |cell: &Cell| match cell {
        Cell::Text(text) => text.as_str().into(),
        Cell::Number(n) => Json::Number(*n),
        Cell::Empty => Json::Null,
    };
    object([
        ("name", sheet.name.as_str().into()),
        ("headers", strings(&sheet.headers)),
        (
            "rows",
            Json::Array(
                sheet
                    .rows
                    .iter()
                    .map(|row| Json::Array(row.iter().map(cell).collect()))
                    .collect(),
            ),
        ),
    ])
}

fn read_sheet(value: &Json) -> Result<Sheet, String> {
    let cell = |value: &Json| match value {
        Json::String(text) => Ok(Cell::Text(text.clone())),
        Json::Number(n) => Ok(Cell::Number(*n)),
        Json::Null => Ok(Cell::Empty),
        _ => Err("a cell".to_string()),
    };
    Ok(Sheet {
        name: text_of(value, "name")?,
        headers: strings_of(array_of(value, "headers")?)?,
        rows: array_of(value, "rows")?
            .iter()
            .map(|row| {
                row.as_array()
                    .ok_or("a row")?
                    .iter()
                    .map(cell)
                    .collect::<Result<Vec<_>, _>>()
            })
            .collect::<Result<_, _>>()?,
    })
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
                message: "bad".into(),
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
        assert!(matches!(
            Reply::from_json(&reply).unwrap(),
            Reply::Failed { .. }
        ));
        assert!(bytes.is_none());
        let read = (Request::Read {
            id: 1,
            file: "x.xlsx".into(),
            sheet: None,
        })
        .to_json();
        let (reply, _) = handle_read(&read, b"PK\x03\x04 not really a zip");
        assert!(matches!(
            Reply::from_json(&reply).unwrap(),
            Reply::Failed { id: 1, .. }
        ));
    }
}
