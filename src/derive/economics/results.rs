//! The scenarios' results table (and the report's): one row per figure, one cell per scenario
//! with its value, whether it meets the sources' benchmark and how far it is from the
//! baseline, better or worse by the figure's direction.

use crate::i18n::{EconKey, Key, Lang};
use crate::model::economics::Economics;
use crate::model::error::ModelError;
use crate::model::retention::{BENCHMARK_TOLERANCE, NDR_EXCELLENT};

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
    /// `None` when the figure is undefined for these inputs (no churn, no CAC): shown as
    /// "—" with [`Cell::undefined_because`], never as ∞ or a made-up number.
    pub value: Option<f64>,
    /// Why the value is undefined, in the UI language.
    pub undefined_because: Option<&'static str>,
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
    /// Only values strictly above pass (the seed's "NDR 大于120%"), beyond rounding noise.
    pub strict: bool,
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

type Getter = fn(&Economics) -> Option<f64>;

/// The figures: test-id name, label, how to show it, whether more is better, the value.
const OUTPUTS: [(&str, EconKey, Kind, bool, Getter); 13] = [
    ("ndr", EconKey::Ndr, Kind::Percent, true, |e| Some(e.ndr)),
    ("grr", EconKey::Grr, Kind::Percent, true, |e| Some(e.grr)),
    (
        "dollar-renewal",
        EconKey::DollarRenewal,
        Kind::Percent,
        true,
        |e| Some(e.dollar_renewal),
    ),
    (
        "logo-churn",
        EconKey::LogoChurn,
        Kind::Percent,
        false,
        |e| Some(e.logo_churn),
    ),
    ("ltv-simple", EconKey::LtvSimple, Kind::Money, true, |e| {
        e.ltv_simple
    }),
    (
        "ltv-discounted",
        EconKey::LtvDiscounted,
        Kind::Money,
        true,
        |e| Some(e.ltv_discounted),
    ),
    (
        "ltv-single-rate",
        EconKey::LtvSingleRate,
        Kind::Money,
        true,
        |e| Some(e.ltv_single_rate),
    ),
    ("ltv-sbg", EconKey::LtvSbg, Kind::Money, true, |e| {
        Some(e.ltv_sbg)
    }),
    ("ltv-cac", EconKey::LtvCac, Kind::Ratio, true, |e| e.ltv_cac),
    (
        "ltv-cac-discounted",
        EconKey::LtvCacDiscounted,
        Kind::Ratio,
        true,
        |e| e.ltv_cac_discounted,
    ),
    (
        "payback-months",
        EconKey::Payback,
        Kind::Months,
        false,
        |e| Some(e.payback_months),
    ),
    (
        "next-year-revenue",
        EconKey::NextYearExisting,
        Kind::Money,
        true,
        |e| e.existing_revenue.get(1).copied(),
    ),
    (
        "next-year-total",
        EconKey::NextYearTotal,
        Kind::Money,
        true,
        |e| e.total_revenue.get(1).copied(),
    ),
];

/// Benchmarks of the sources: NDR 120 % (excellent; 100 % is negative churn), GRR 90 %,
/// LTV:CAC 3, payback 12 months.
fn benchmark(name: &str, lang: Lang) -> Option<Benchmark> {
    let (threshold, above, label, source) = match name {
        "ndr" => (
            NDR_EXCELLENT,
            true,
            EconKey::BenchNdr,
            lang.t(Key::SourceNdr),
        ),
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
        strict: name == "ndr",
        label: lang.t(label),
        source,
    })
}

/// Why a figure can be undefined: simple LTV (and the LTV:CAC built on it) without churn,
/// either LTV:CAC without CAC.
fn undefined_reason(name: &str, e: &Economics) -> EconKey {
    match name {
        "ltv-cac" if e.ltv_simple.is_none() => EconKey::UndefinedNoChurn,
        "ltv-cac" | "ltv-cac-discounted" => EconKey::UndefinedNoCac,
        "ltv-simple" => EconKey::UndefinedNoChurn,
        _ => EconKey::UndefinedOther,
    }
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
                    let value = get(e).filter(|v| v.is_finite());
                    Ok(Cell {
                        value,
                        undefined_because: value
                            .is_none()
                            .then(|| lang.t(undefined_reason(name, e))),
                        meets: benchmark.as_ref().zip(value).map(|(b, v)| match b {
                            Benchmark { strict: true, .. } => v > b.threshold + BENCHMARK_TOLERANCE,
                            Benchmark { above: true, .. } => v >= b.threshold,
                            _ => v <= b.threshold,
                        }),
                        delta: baseline
                            .filter(|_| i > 0)
                            .and_then(|b| Some(value? - get(b)?))
                            .filter(|d| d.is_finite())
                            .map(|d| Delta {
                                value: d,
                                better: (d.abs() > 1e-12).then_some((d > 0.0) == more_is_better),
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
