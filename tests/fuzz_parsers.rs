//! Bounded fuzzing of every parser on stable Rust: random bytes, random text and CSV-shaped
//! text through the whole import pipeline, and random strings through the value parsers.
//! A panic anywhere fails the test (proptest catches it and shrinks the input). Each target
//! prints how many inputs it ran; `FUZZ_CASES` raises the count for a longer session.
#![cfg(not(target_arch = "wasm32"))]
// Helpers outside #[test] fns: a failure must fail the test loudly.
#![allow(clippy::unwrap_used, clippy::panic)]

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

use retention_lab::forms::number::parse_number;
use retention_lab::io::fields::Shape;
use retention_lab::io::import::{read_delimited_file, read_paste, PendingImport};
use retention_lab::io::records::build;
use retention_lab::io::text::gb18030_native;
use retention_lab::io::values::{parse_date, parse_month, parse_yes_no};
use retention_lab::io::workbook::read_workbook;
use retention_lab::persist::stored::decode_bridge;

fn cases(default: u32) -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn fuzz<S: Strategy>(
    name: &str,
    default_cases: u32,
    strategy: S,
    body: impl Fn(S::Value) -> Result<(), TestCaseError>,
) where
    S::Value: std::fmt::Debug,
{
    let n = cases(default_cases);
    let mut runner = TestRunner::new(Config {
        cases: n,
        failure_persistence: None,
        ..Config::default()
    });
    runner.run(&strategy, body).unwrap();
    eprintln!("fuzz {name}: {n} inputs, no panic");
}

/// Builds records for every shape from a pending import and checks each problem is located
/// inside the table.
fn build_every_shape(pending: &PendingImport) -> Result<(), TestCaseError> {
    let last_line = pending.table.rows.last().map_or(1, |r| r.line);
    for shape in Shape::ALL {
        let candidate = pending.with_shape(shape);
        if let Ok(built) = build(&candidate.table, &candidate.mapping) {
            prop_assert_eq!(
                built.records.len() + built.problems.len(),
                candidate.table.rows.len()
            );
            for problem in built.problems {
                let row = problem.row.unwrap_or(0);
                prop_assert!(
                    row >= 2 && row <= last_line,
                    "row {} outside 2..={}",
                    row,
                    last_line
                );
            }
        }
    }
    Ok(())
}

/// Text that looks like a CSV export: a known header, then rows of cells drawn from the
/// characters that break parsers (quotes, delimiters, newlines, signs, CJK, full-width digits).
fn csv_like() -> impl Strategy<Value = String> {
    let header = prop_oneof![
        Just("customer_id,arr,contract_start,contract_end,nps,renewed"),
        Just("客户ID;年度合同额;合同开始;合同结束"),
        Just("customer_id\tmonth\tmrr"),
        Just("customer_id,start,end,mrr"),
        Just("cohort,period,customers,revenue"),
    ];
    let cell = "[0-9a-z,;\t\"\\r\\n .%$¥￥()\\-eE/年月日１２客户]{0,12}";
    let row = prop::collection::vec(cell, 1..7).prop_map(|cells| cells.join(","));
    (header, prop::collection::vec(row, 0..12))
        .prop_map(|(h, rows)| format!("{h}\n{}", rows.join("\n")))
}

#[test]
fn fuzz_csv_bytes() {
    fuzz(
        "csv bytes",
        3_000,
        prop::collection::vec(any::<u8>(), 0..400),
        |bytes| {
            if let Ok(pending) = read_delimited_file("fuzz.csv", &bytes, &gb18030_native) {
                build_every_shape(&pending)?;
            }
            Ok(())
        },
    );
}

#[test]
fn fuzz_csv_shaped_text() {
    fuzz("csv-shaped text", 4_000, csv_like(), |text| {
        if let Ok(pending) = read_delimited_file("fuzz.csv", text.as_bytes(), &gb18030_native) {
            build_every_shape(&pending)?;
        }
        Ok(())
    });
}

#[test]
fn fuzz_pasted_text() {
    fuzz("pasted text", 3_000, any::<String>(), |text| {
        if let Ok(pending) = read_paste(&text) {
            build_every_shape(&pending)?;
        }
        Ok(())
    });
}

#[test]
fn fuzz_value_parsers() {
    fuzz(
        "number/date/month/yes-no/stored",
        20_000,
        any::<String>(),
        |text| {
            if let Ok((value, _)) = parse_number(&text) {
                prop_assert!(value.is_finite());
            }
            let _ = parse_date(&text);
            let _ = parse_month(&text);
            let _ = parse_yes_no(&text);
            let _ = decode_bridge(&text);
            Ok(())
        },
    );
}

#[test]
fn fuzz_number_like_strings() {
    fuzz(
        "number-like strings",
        20_000,
        "[-+−(]?[¥$€￥]?[0-9０-９,. ']{0,14}(e[-+]?[0-9]{1,3})?%?[)]?",
        |text| {
            if let Ok((value, _)) = parse_number(&text) {
                prop_assert!(value.is_finite(), "{} gave {}", text, value);
            }
            Ok(())
        },
    );
}

#[test]
fn fuzz_xlsx_bytes() {
    // Random bytes, and a real workbook with bytes overwritten (to get past the zip header
    // into calamine's XML and our cell handling).
    let good = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/good/customers.xlsx"
    ))
    .unwrap();
    let mutated =
        prop::collection::vec((0..good.len(), any::<u8>()), 1..8).prop_map(move |edits| {
            let mut bytes = good.clone();
            for (at, value) in edits {
                bytes[at] = value;
            }
            bytes
        });
    let strategy = prop_oneof![prop::collection::vec(any::<u8>(), 0..300), mutated];
    fuzz("xlsx bytes", 1_500, strategy, |bytes| {
        if let Ok(book) = read_workbook("fuzz.xlsx", &bytes, None) {
            prop_assert!(book.sheets.contains(&book.sheet));
        }
        Ok(())
    });
}

/// A valid scenario document with one character replaced, inserted or cut: shapes that get
/// past the JSON parser into the field checks.
fn mutated_scenario_doc() -> impl Strategy<Value = String> {
    use retention_lab::persist::scenario_doc::{to_json, ScenarioDoc};
    let doc = ScenarioDoc {
        currency: Some("CNY".into()),
        scenarios: retention_lab::forms::scenario::Scenarios::sample(),
        sbg: retention_lab::model::sbg::Sbg::new(0.27, 8.73).unwrap(),
        period_months: 1,
        discount: 0.01,
        bridge: retention_lab::forms::bridge_form::BridgeForm::sample(),
        strategy: Some(retention_lab::forms::strategy_inputs::StrategyState::default()),
    };
    let good = to_json(&doc);
    let len = good.chars().count();
    (0..len, "[0-9a-z\",:{}\\[\\]%.-]{0,2}", 0..2usize)
        .prop_map(move |(at, with, cut)| mutate(&good, at, &with, cut))
}

/// `text` with `cut` characters at character `at` replaced by `with` (an insertion when `cut`
/// is 0); `at` past the end appends.
fn mutate(text: &str, at: usize, with: &str, cut: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at = at.min(chars.len());
    let end = (at + cut).min(chars.len());
    let mut out: String = chars[..at].iter().collect();
    out.push_str(with);
    out.extend(&chars[end..]);
    out
}

#[test]
fn fuzz_scenario_documents() {
    use retention_lab::persist::scenario_doc::{from_json, to_json};
    let strategy = prop_oneof![any::<String>(), mutated_scenario_doc()];
    fuzz("scenario documents", 6_000, strategy, |text| {
        if let Ok(doc) = from_json(&text) {
            for s in &doc.scenarios.list {
                prop_assert!(s.last_valid.arr.is_finite() && s.last_valid.cac.is_finite());
            }
            // What opened writes back to a document that opens to the same thing.
            prop_assert_eq!(from_json(&to_json(&doc)), Ok(doc));
        }
        Ok(())
    });
}

#[test]
fn fuzz_share_fragments() {
    use retention_lab::persist::share_link::{fragment, parse_fragment};
    let strategy = prop_oneof![any::<String>(), "#?s=[0-9]{0,3}\\.?[A-Za-z0-9_=+/-]{0,40}"];
    fuzz("share fragments", 6_000, strategy, |text| {
        if let Some(Ok(bytes)) = parse_fragment(&text) {
            prop_assert_eq!(parse_fragment(&fragment(&bytes)), Some(Ok(bytes)));
        }
        Ok(())
    });
    // Compressed output is never empty (an empty payload is a cut link).
    let bytes = prop::collection::vec(any::<u8>(), 1..300);
    fuzz("share payload bytes", 6_000, bytes, |bytes| {
        prop_assert_eq!(parse_fragment(&fragment(&bytes)), Some(Ok(bytes.clone())));
        Ok(())
    });
}

#[test]
fn fuzz_chart_export() {
    use retention_lab::chart::export::{svg_size, with_source, FOOTER_HEIGHT};
    // Random text, and SVG-looking text with random sizes and bodies.
    let svg_like = (0u32..5000, 0u32..5000, "[ -~]{0,40}", any::<bool>()).prop_map(
        |(w, h, body, closed)| {
            format!(
                r#"<svg width="{w}" height="{h}" viewBox="0 0 {w} {h}" xmlns="http://www.w3.org/2000/svg">{body}{}"#,
                if closed { "</svg>" } else { "" }
            )
        },
    );
    let strategy = prop_oneof![any::<String>(), svg_like];
    fuzz(
        "chart export",
        6_000,
        (strategy, any::<String>()),
        |(svg, source)| {
            if let Some(out) = with_source(&svg, &source) {
                let (w, h) = svg_size(&svg).unwrap();
                prop_assert_eq!(svg_size(&out), Some((w, h + FOOTER_HEIGHT)));
                prop_assert_eq!(out.matches("<svg").count(), svg.matches("<svg").count());
            }
            Ok(())
        },
    );
}

/// A reply of every kind, with one character of it replaced, inserted or cut.
fn mutated_worker_message() -> impl Strategy<Value = String> {
    use retention_lab::io::import_error::WorkbookProblem;
    use retention_lab::io::workbook::WriteProblem;
    use retention_lab::io::worker_protocol::reader::ReadReply;
    use retention_lab::io::worker_protocol::writer::WriteReply;
    use retention_lab::io::worker_protocol::{to_json, WorkerFailure};
    let replies = [
        to_json(
            3,
            ReadReply::Rows {
                sheets: vec!["客户".into(), "S2".into()],
                sheet: "客户".into(),
                rows: vec![
                    (1, vec!["id".into(), "arr".into()]),
                    (2, vec!["C1".into(), "1,200".into()]),
                ],
            },
        ),
        to_json(4, ReadReply::EmptySheet { sheet: "S".into() }),
        to_json(
            5,
            ReadReply::Failed(WorkerFailure::Read(WorkbookProblem::NoSuchSheet(
                "S".into(),
            ))),
        ),
        to_json(
            7,
            WriteReply::Failed(WorkerFailure::Write(WriteProblem::TooManyRows)),
        ),
        to_json(6, WriteReply::Written),
    ];
    (
        0..replies.len(),
        0..200usize,
        "[0-9a-z\",:{}\\[\\]-]{0,2}",
        0..2usize,
    )
        .prop_map(move |(which, at, with, cut)| mutate(&replies[which], at, &with, cut))
}

#[test]
fn fuzz_worker_messages() {
    use retention_lab::io::worker_protocol::reader::{ReadReply, ReadRequest, XlsxReader};
    use retention_lab::io::worker_protocol::writer::{WriteReply, WriteRequest, XlsxWriter};
    use retention_lab::io::worker_protocol::{answer, from_json, Envelope};
    let strategy = prop_oneof![any::<String>(), mutated_worker_message()];
    fuzz("worker messages", 6_000, strategy, |text| {
        // Whatever arrives, a reply that reads back; what reads writes back the same.
        fn round_trip<T>(text: &str) -> Result<(), TestCaseError>
        where
            T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
        {
            if let Ok(Envelope { id, message }) = from_json::<T>(text) {
                let again = retention_lab::io::worker_protocol::to_json(id, &message);
                prop_assert_eq!(from_json::<T>(&again).map(|e| e.message), Ok(message));
            }
            Ok(())
        }
        round_trip::<ReadReply>(&text)?;
        round_trip::<WriteReply>(&text)?;
        round_trip::<ReadRequest>(&text)?;
        round_trip::<WriteRequest>(&text)?;
        let (read, _) = answer::<XlsxReader>(&text, &[]);
        prop_assert!(from_json::<ReadReply>(&read).is_ok(), "{}", read);
        let (written, _) = answer::<XlsxWriter>(&text, &[]);
        prop_assert!(from_json::<WriteReply>(&written).is_ok(), "{}", written);
        Ok(())
    });
}

#[test]
fn fuzz_stored_values() {
    use retention_lab::persist::saved::decode;
    use retention_lab::persist::stored::encode_bridge;
    let strategy = prop_oneof![any::<String>(), "[{}\\[\\]\":,0-9a-z.eE+-]{0,40}"];
    fuzz("stored values", 6_000, strategy, |text| {
        // Whatever was stored is read or refused, never half-read: what reads writes back to
        // a value that reads the same.
        if let Ok(form) = decode_bridge(&text) {
            prop_assert_eq!(decode_bridge(&encode_bridge(&form)), Ok(form));
        }
        let _ = decode("retention-lab/v1/saved/1", &text);
        Ok(())
    });
}
