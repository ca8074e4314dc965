use super::reader::{ReadReply, ReadRequest, XlsxReader};
use super::writer::{WriteReply, WriteRequest, XlsxWriter};
use super::*;
use crate::io::sheet::{Cell, Sheet};
use crate::io::workbook_problem::{WorkbookProblem, WriteProblem};

fn read_request(id: u32, sheet: Option<&str>) -> String {
    to_json(
        id,
        ReadRequest {
            file: "x.xlsx".into(),
            sheet: sheet.map(String::from),
        },
    )
}

#[test]
fn write_then_read_through_the_protocol() {
    let sheet = Sheet {
        name: "S".into(),
        headers: vec!["a".into()],
        rows: vec![vec![Cell::Number(2.0)]],
    };
    let write = to_json(
        7,
        WriteRequest {
            sheets: vec![sheet],
        },
    );
    let (reply, bytes) = answer::<XlsxWriter>(&write, &[]);
    assert_eq!(
        from_json::<WriteReply>(&reply),
        Ok(Envelope {
            id: 7,
            message: WriteReply::Written
        })
    );
    let (reply, _) = answer::<XlsxReader>(&read_request(8, None), &bytes.unwrap_or_default());
    let Ok(Envelope {
        id: 8,
        message: ReadReply::Rows { rows, .. },
    }) = from_json::<ReadReply>(&reply)
    else {
        panic!("{reply}")
    };
    assert_eq!(rows[1].1[0], "2");
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
    let write = WriteRequest {
        sheets: vec![sheet],
    };
    assert_eq!(
        from_json(&to_json(3, write.clone())),
        Ok(Envelope {
            id: 3,
            message: write
        })
    );
    for reply in [
        ReadReply::Rows {
            sheets: vec!["S".into(), "T".into()],
            sheet: "T".into(),
            rows: vec![(1, vec!["h".into()]), (3, vec!["v".into(), String::new()])],
        },
        ReadReply::EmptySheet { sheet: "S".into() },
        ReadReply::Failed(WorkerFailure::Stopped),
        ReadReply::Failed(WorkerFailure::Read(WorkbookProblem::NoSuchSheet(
            "客户 \"1\"".into(),
        ))),
    ] {
        let json = to_json(u32::MAX, reply.clone());
        assert_eq!(id_of(&json), Some(u32::MAX));
        assert_eq!(
            from_json(&json),
            Ok(Envelope {
                id: u32::MAX,
                message: reply
            })
        );
    }
    let failed = WriteReply::Failed(WorkerFailure::Write(WriteProblem::TooManyRows));
    assert_eq!(
        from_json(&to_json(9, failed.clone())),
        Ok(Envelope {
            id: 9,
            message: failed
        })
    );
    assert!(from_json::<ReadRequest>(r#"{"id":-1,"message":{"file":"x"}}"#).is_err());
    assert!(from_json::<ReadReply>(r#"{"id":1,"message":{"rows":{},"failed":{}}}"#).is_err());
    assert!(from_json::<ReadReply>(r#"{"id":1,"message":{"shout":1}}"#).is_err());
    assert_eq!(id_of("not json"), None);
}

#[test]
fn garbage_and_the_other_workers_requests_get_a_failure_reply() {
    let bad = |reply: &str| from_json::<ReadReply>(reply).map(|e| (e.id, e.message));
    let (reply, bytes) = answer::<XlsxReader>("not json", &[]);
    assert_eq!(
        bad(&reply),
        Ok((0, ReadReply::Failed(WorkerFailure::BadRequest)))
    );
    assert!(bytes.is_none());
    let (reply, _) = answer::<XlsxReader>(&read_request(1, None), b"PK\x03\x04 not really a zip");
    assert_eq!(
        bad(&reply),
        Ok((
            1,
            ReadReply::Failed(WorkerFailure::Read(WorkbookProblem::NotXlsx))
        ))
    );
    // A read request sent to the writer is not a write request.
    let (reply, _) = answer::<XlsxWriter>(&read_request(1, Some("S")), &[]);
    assert_eq!(
        from_json::<WriteReply>(&reply).map(|e| (e.id, e.message)),
        Ok((0, WriteReply::Failed(WorkerFailure::BadRequest)))
    );
}

#[test]
fn a_failure_travels_as_its_kind_not_as_english_text() {
    let reply = ReadReply::Failed(WorkerFailure::Read(WorkbookProblem::NoSuchSheet(
        "S".into(),
    )));
    assert_eq!(
        to_json(2, reply),
        r#"{"id":2,"message":{"failed":{"read":{"no_such_sheet":"S"}}}}"#
    );
    let stopped = r#"{"id":3,"message":{"failed":"stopped"}}"#;
    assert_eq!(
        from_json::<WriteReply>(stopped).map(|e| e.message),
        Ok(WriteReply::Failed(WorkerFailure::Stopped))
    );
}
