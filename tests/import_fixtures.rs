//! The fixture corpus: every malformed file fails with the right kind of problem at the right
//! row and column (`tests/fixtures/malformed/expected.tsv`); every good file imports cleanly.
#![cfg(not(target_arch = "wasm32"))]
// Helpers outside #[test] fns: a failure must fail the test loudly.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::fs;
use std::path::Path;

use retention_lab::data::Shared;
use retention_lab::i18n::{import_error_text, Lang};
use retention_lab::io::fields::Shape;
use retention_lab::io::import::{
    is_workbook, read_delimited_file, read_paste, read_sheet, PendingImport, WorkbookSource,
};
use retention_lab::io::import_error::ImportError;
use retention_lab::io::records::{build, Records};
use retention_lab::io::text::gb18030_native;
use retention_lab::io::workbook::read_workbook;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// The first problem an import of `path` meets: a whole-file error or the first bad row.
fn first_problem(path: &Path) -> Option<ImportError> {
    let name = path.file_name()?.to_str()?;
    let bytes = fs::read(path).ok()?;
    let pending = match read_any(name, bytes) {
        Ok(pending) => pending,
        Err(error) => return Some(error),
    };
    match build(&pending.table, &pending.mapping) {
        Ok(built) => built.problems.into_iter().next(),
        Err(error) => Some(error),
    }
}

/// Reads a file as the app does: workbooks through the workbook reader, the rest as text.
fn read_any(name: &str, bytes: Vec<u8>) -> Result<PendingImport, ImportError> {
    if !is_workbook(name) {
        return read_delimited_file(name, &bytes, &gb18030_native);
    }
    let book = read_workbook(name, &bytes, None)?;
    let source = WorkbookSource {
        file: name.to_string(),
        bytes: Shared::new(bytes),
        sheets: book.sheets,
        sheet: book.sheet,
    };
    read_sheet(source, book.rows)
}

fn variant(kind: &impl std::fmt::Debug) -> String {
    let debug = format!("{kind:?}");
    debug
        .split(['(', ' ', '{'])
        .next()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn every_malformed_file_fails_where_expected() {
    let expected = fs::read_to_string(format!("{FIXTURES}/malformed/expected.tsv")).unwrap();
    let mut checked = 0;
    for line in expected
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let [file, kind, row, column, field] = cols[..] else {
            panic!("bad line {line:?}")
        };
        let path = Path::new(FIXTURES).join("malformed").join(file);
        let problem =
            first_problem(&path).unwrap_or_else(|| panic!("{file} imported without a problem"));
        let dash = |s: &str| (s != "-").then(|| s.to_string());
        assert_eq!(variant(&problem.kind), kind, "{file}: {problem:?}");
        assert_eq!(
            problem.row,
            dash(row).map(|r| r.parse::<usize>().unwrap()),
            "{file}: row of {problem:?}"
        );
        assert_eq!(
            problem.column,
            dash(column),
            "{file}: column of {problem:?}"
        );
        assert_eq!(
            problem.field.map(|f| format!("{f:?}")),
            dash(field),
            "{file}: field of {problem:?}"
        );
        assert!(
            problem.file.starts_with(file),
            "the message names the file: {problem:?}"
        );
        // The message in both languages names the place.
        for lang in [Lang::Zh, Lang::En] {
            let text = import_error_text(lang, &problem);
            assert!(text.starts_with(file), "{text}");
            if let Some(row) = problem.row {
                assert!(text.contains(&row.to_string()), "{text}");
            }
        }
        checked += 1;
    }
    let on_disk = fs::read_dir(format!("{FIXTURES}/malformed"))
        .unwrap()
        .count()
        - 1;
    assert_eq!(
        checked, on_disk,
        "every malformed fixture has an expectation"
    );
    assert!(checked >= 25, "the corpus has {checked} files");
}

#[test]
fn good_files_import_cleanly() {
    let cases = [
        ("customers.csv", Shape::Customers, 3),
        ("customers_gbk.csv", Shape::Customers, 2),
        ("subscriptions_long.csv", Shape::MonthlyMrr, 4),
        ("spans.csv", Shape::Spans, 2),
        ("cohort_table.csv", Shape::CohortTable, 5),
    ];
    for (file, shape, rows) in cases {
        let bytes = fs::read(format!("{FIXTURES}/good/{file}")).unwrap();
        let pending = read_delimited_file(file, &bytes, &gb18030_native).unwrap();
        assert!(pending.detected, "{file}");
        assert_eq!(pending.mapping.shape, shape, "{file}");
        let built = build(&pending.table, &pending.mapping).unwrap();
        assert_eq!(built.problems, vec![], "{file}");
        assert_eq!(built.records.len(), rows, "{file}");
    }
    let pasted = fs::read_to_string(format!("{FIXTURES}/good/paste.tsv")).unwrap();
    let pending = read_paste(&pasted).unwrap();
    let built = build(&pending.table, &pending.mapping).unwrap();
    assert_eq!(built.records.len(), 3);
}

#[test]
fn workbook_skips_its_empty_first_sheet_and_fills_merged_cells() {
    let bytes = fs::read(format!("{FIXTURES}/good/customers.xlsx")).unwrap();
    let pending = read_any("customers.xlsx", bytes).unwrap();
    assert_eq!(pending.table.file, "customers.xlsx › 客户");
    assert_eq!(
        pending.workbook.as_ref().unwrap().sheets,
        vec!["说明", "客户"]
    );
    assert!(pending.detected);
    let Records::Customers(customers) = build(&pending.table, &pending.mapping).unwrap().records
    else {
        panic!("not customers")
    };
    assert_eq!(customers.len(), 3);
    assert_eq!(customers[1].arr, 18_000.5);
    assert_eq!(
        customers[0].contract_start.unwrap().to_string(),
        "2025-01-15"
    );
    // F3:F4 merged: both customers get the segment.
    assert_eq!(customers[1].segment.as_deref(), Some("SMB"));
    assert_eq!(customers[2].segment.as_deref(), Some("SMB"));
}

#[test]
fn gbk_customers_keep_their_chinese_text() {
    let bytes = fs::read(format!("{FIXTURES}/good/customers_gbk.csv")).unwrap();
    let pending = read_delimited_file("customers_gbk.csv", &bytes, &gb18030_native).unwrap();
    let Records::Customers(customers) = build(&pending.table, &pending.mapping).unwrap().records
    else {
        panic!("not customers")
    };
    assert_eq!(customers[0].name, "华信科技");
    assert_eq!(customers[0].arr, 120_000.0);
    assert_eq!(customers[1].renewed, Some(false));
}
