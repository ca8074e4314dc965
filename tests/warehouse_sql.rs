//! The warehouse path (`sql/`): the DuckDB version of the SQL that turns subscription rows into
//! the cohort table, run with a real DuckDB (`tests/warehouse/run_duckdb.py`, the `duckdb`
//! package that `scripts/setup.sh` installs in `scripts/.venv`), must give the app's own
//! triangle cell by cell, on the sample's long-form rows and on spans made from them. The
//! PostgreSQL, BigQuery and Spark SQL versions are reviewed against it and, translated into
//! DuckDB's dialect by sqlglot, must give the same table (they are not run on their own engines).
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use retention_lab::model::calendar::{Date, Month};
use retention_lab::model::cohort::Grain;
use retention_lab::model::observed::{cohorts_through, observed_through};
use retention_lab::model::portfolio::{MrrRow, Span, Subscriptions};
use retention_lab::sample::sample_portfolio;

const FAR_FUTURE: Date = Date {
    year: 2200,
    month: 12,
    day: 31,
};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The dialects besides DuckDB: (folder under `sql/`, sqlglot's name).
const DIALECTS: [(&str, &str); 3] = [
    ("postgresql", "postgres"),
    ("bigquery", "bigquery"),
    ("spark", "spark"),
];

/// Runs `sql/<folder>/<file>` on `csv` with DuckDB (translated from `dialect` when given) and
/// reads back (cohort, period, customers, revenue).
fn duckdb(
    folder: &str,
    dialect: Option<&str>,
    file: &str,
    form: &str,
    csv: &str,
) -> Vec<(String, u32, f64, f64)> {
    let python = root().join("scripts/.venv/bin/python");
    assert!(
        python.exists(),
        "no DuckDB: run `bash scripts/setup.sh`, which installs it in scripts/.venv"
    );
    let dir = std::env::temp_dir().join(format!(
        "rl-warehouse-{}-{form}-{folder}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let (input, output) = (dir.join("in.csv"), dir.join("out.csv"));
    std::fs::write(&input, csv).unwrap();
    let status = Command::new(&python)
        .arg(root().join("tests/warehouse/run_duckdb.py"))
        .arg(root().join("sql").join(folder).join(file))
        .arg(form)
        .arg(&input)
        .arg(&output)
        .args(dialect)
        .status()
        .unwrap();
    assert!(status.success(), "DuckDB failed on sql/{folder}/{file}");
    let table = read_table(&output);
    std::fs::remove_dir_all(&dir).unwrap();
    table
}

fn read_table(path: &Path) -> Vec<(String, u32, f64, f64)> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .skip(1)
        .map(|line| {
            let f: Vec<&str> = line.split(',').collect();
            (
                f[0].to_string(),
                f[1].parse().unwrap(),
                f[2].parse().unwrap(),
                f[3].parse().unwrap(),
            )
        })
        .collect()
}

/// The app's triangle of `subscriptions` in the same shape.
fn app_table(subscriptions: &Subscriptions) -> Vec<(String, u32, f64, f64)> {
    let through = observed_through(subscriptions, FAR_FUTURE).unwrap();
    cohorts_through(subscriptions, Grain::Month, through)
        .iter()
        .flat_map(|c| {
            c.active
                .iter()
                .zip(&c.revenue)
                .enumerate()
                .map(|(p, (a, r))| (c.label.clone(), p as u32, a.unwrap(), r.unwrap()))
        })
        .collect()
}

fn assert_same(sql: &[(String, u32, f64, f64)], app: &[(String, u32, f64, f64)]) {
    assert_eq!(sql.len(), app.len(), "cells");
    for (s, a) in sql.iter().zip(app) {
        assert_eq!(
            (&s.0, s.1, s.2),
            (&a.0, a.1, a.2),
            "customers of {} period {}",
            a.0,
            a.1
        );
        assert!(
            (s.3 - a.3).abs() <= 1e-9 * a.3.abs().max(1.0),
            "revenue of {} period {}: SQL {} app {}",
            a.0,
            a.1,
            s.3,
            a.3
        );
    }
}

fn month_text(m: Month) -> String {
    format!("{:04}-{:02}", m.year(), m.month())
}

#[test]
fn long_form_sql_gives_the_apps_triangle() {
    let rows = sample_portfolio().mrr;
    let mut csv = String::from("customer_id,month,mrr\n");
    for r in &rows {
        writeln!(csv, "{},{},{}", r.customer_id, month_text(r.month), r.mrr).unwrap();
    }
    let app = app_table(&Subscriptions::Monthly(rows));
    // The sample: 36 monthly cohorts, a triangle of 666 cells.
    assert_eq!(app.len(), 666);
    assert_same(
        &duckdb("duckdb", None, "cohorts_long_form.sql", "long", &csv),
        &app,
    );
    for (folder, dialect) in DIALECTS {
        let table = duckdb(folder, Some(dialect), "cohorts_long_form.sql", "long", &csv);
        assert_same(&table, &app);
    }
}

/// Spans from the sample's rows: each run of consecutive months at one MRR is a span from a
/// day inside its first month to a day inside its last, open (no end) when it runs to the
/// last month billed; a customer who came back, or whose MRR changed, has several spans.
fn spans_of(rows: &[MrrRow]) -> Vec<Span> {
    let last = rows.iter().map(|r| r.month).max().unwrap();
    let mut sorted: Vec<&MrrRow> = rows.iter().collect();
    sorted.sort_by(|a, b| (&a.customer_id, a.month).cmp(&(&b.customer_id, b.month)));
    let day = |m: Month, d: u8| Date::new(m.year(), m.month(), d).unwrap();
    let mut spans: Vec<Span> = Vec::new();
    let mut run: Option<(&MrrRow, Month)> = None;
    let close = |start: &MrrRow, end: Month, spans: &mut Vec<Span>| {
        spans.push(Span {
            customer_id: start.customer_id.clone(),
            start: day(start.month, 1 + (start.month.0.rem_euclid(27)) as u8),
            end: (end != last).then(|| day(end, 28)),
            mrr: start.mrr,
        });
    };
    for r in sorted {
        run = match run {
            Some((start, end))
                if start.customer_id == r.customer_id
                    && start.mrr == r.mrr
                    && r.month.0 == end.0 + 1 =>
            {
                Some((start, r.month))
            }
            Some((start, end)) => {
                close(start, end, &mut spans);
                Some((r, r.month))
            }
            None => Some((r, r.month)),
        };
    }
    if let Some((start, end)) = run {
        close(start, end, &mut spans);
    }
    spans
}

#[test]
fn spans_sql_gives_the_apps_triangle() {
    let spans = spans_of(&sample_portfolio().mrr);
    let mut csv = String::from("customer_id,start,end,mrr\n");
    let iso = |d: Date| format!("{:04}-{:02}-{:02}", d.year, d.month, d.day);
    for s in &spans {
        let end = s.end.map(iso).unwrap_or_default();
        writeln!(csv, "{},{},{},{}", s.customer_id, iso(s.start), end, s.mrr).unwrap();
    }
    assert!(spans.iter().any(|s| s.end.is_none()) && spans.iter().any(|s| s.end.is_some()));
    let app = app_table(&Subscriptions::Spans(spans));
    assert!(app.len() > 600, "{}", app.len());
    assert_same(
        &duckdb("duckdb", None, "cohorts_spans.sql", "spans", &csv),
        &app,
    );
    for (folder, dialect) in DIALECTS {
        let table = duckdb(folder, Some(dialect), "cohorts_spans.sql", "spans", &csv);
        assert_same(&table, &app);
    }
}
