//! The scenarios' results table (and the report's): one row per figure, one cell per scenario
//! with its value, whether it meets the sources' benchmark and how far it is from the
//! baseline, better or worse by the figure's direction.

use crate::i18n::{EconKey, Key, Lang};
use crate::model::economics::Economics;
use crate::model::error::ModelError;

/// How a figure is shown (formatting is the view's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Percent,
    Money,
    Ratio,
    Months,
}

/// A difference from the baseline, judged by the figure's direction (less churn is better).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Delta {
    pub value: f64,
    /// `None` when there is no difference.
    pub better: Option<bool>,
}

/// One scenario's value of a figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub value: f64,
    /// Whether it meets the benchmark, for figures that have one.
    pub meets: Option<bool>,
    /// Against the baseline, for scenarios other than the baseline.
    pub delta: Option<Delta>,
}

/// A benchmark line of the sources, as the row shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Benchmark {
    pub threshold: f64,
    /// Values at or above the threshold pass (else at or below).
    pub above: bool,
    pub label: &'static str,
    pub source: &'static str,
}

/// One figure across the scenarios.
#[derive(Debug, Clone, PartialEq)]
pub struct ResultRow {
    /// The `metric-…` test id suffix.
    pub name: &'static str,
    pub label: &'static str,
    pub kind: Kind,
    pub benchmark: Option<Benchmark>,
    /// Per scenario: the cell, or why its economics could not be computed.
    pub cells: Vec<Result<Cell, ModelError>>,
}

type Getter = fn(&Economics) -> f64;

/// The figures: test-id name, label, how to show it, whether more is better, the value.
const OUTPUTS: [(&str, EconKey, Kind, bool, Getter); 11] = [
    ("ndr", EconKey::Ndr, Kind::Percent, true, |e| e.ndr),
    ("grr", EconKey::Grr, Kind::Percent, true, |e| e.grr),
    (
        "dollar-renewal",
        EconKey::DollarRenewal,
        Kind::Percent,
        true,
        |e| e.dollar_renewal,
    ),
    (
        "logo-churn",
        EconKey::LogoChurn,
        Kind::Percent,
        false,
        |e| e.logo_churn,
    ),
    ("ltv-simple", EconKey::LtvSimple, Kind::Money, true, |e| {
        e.ltv_simple
    }),
    (
        "ltv-discounted",
        EconKey::LtvDiscounted,
        Kind::Money,
        true,
        |e| e.ltv_discounted,
    ),
    ("ltv-sbg", EconKey::LtvSbg, Kind::Money, true, |e| e.ltv_sbg),
    ("ltv-cac", EconKey::LtvCac, Kind::Ratio, true, |e| e.ltv_cac),
    (
        "payback-months",
        EconKey::Payback,
        Kind::Months,
        false,
        |e| e.payback_months,
    ),
    (
        "next-year-revenue",
        EconKey::NextYearExisting,
        Kind::Money,
        true,
        |e| e.existing_revenue.get(1).copied().unwrap_or(0.0),
    ),
    (
        "next-year-total",
        EconKey::NextYearTotal,
        Kind::Money,
        true,
        |e| e.total_revenue.get(1).copied().unwrap_or(0.0),
    ),
];

/// Benchmarks of the sources: NDR 120 % (excellent; 100 % is negative churn), GRR 90 %,
/// LTV:CAC 3, payback 12 months.
fn benchmark(name: &str, lang: Lang) -> Option<Benchmark> {
    let (threshold, above, label, source) = match name {
        "ndr" => (1.2, true, EconKey::BenchNdr, lang.t(Key::SourceNdr)),
        "grr" => (0.9, true, EconKey::BenchGrr, lang.t(Key::SourceGrr)),
        "ltv-cac" => (
            3.0,
            true,
            EconKey::BenchLtvCac,
            lang.t(EconKey::SourceLtvCac),
        ),
        "payback-months" => (
            12.0,
            false,
            EconKey::BenchPayback,
            lang.t(EconKey::SourcePayback),
        ),
        _ => return None,
    };
    Some(Benchmark {
        threshold,
        above,
        label: lang.t(label),
        source,
    })
}

/// Every figure of `results` (the baseline first), labelled in `lang`.
pub fn result_rows(results: &[Result<Economics, ModelError>], lang: Lang) -> Vec<ResultRow> {
    let baseline = results.first().and_then(|r| r.as_ref().ok());
    OUTPUTS
        .iter()
        .map(|&(name, label, kind, more_is_better, get)| {
            let benchmark = benchmark(name, lang);
            let cells = results
                .iter()
                .enumerate()
                .map(|(i, result)| {
                    let e = result.as_ref().map_err(Clone::clone)?;
                    let value = get(e);
                    Ok(Cell {
                        value,
                        meets: benchmark.as_ref().map(|b| {
                            if b.above {
                                value >= b.threshold
                            } else {
                                value <= b.threshold
                            }
                        }),
                        delta: baseline.filter(|_| i > 0).map(|b| {
                            let d = value - get(b);
                            Delta {
                                value: d,
                                better: (d.abs() > 1e-12).then_some((d > 0.0) == more_is_better),
                            }
                        }),
                    })
                })
                .collect();
            ResultRow {
                name,
                label: lang.t(label),
                kind,
                benchmark,
                cells,
            }
        })
        .collect()
}
