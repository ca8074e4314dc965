//! The messages as JSON text: one key naming the message, its fields under it.

use super::{Reply, Request};
use crate::data::json::{self, object, Json};
use crate::data::sheet::{Cell, Sheet};

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
