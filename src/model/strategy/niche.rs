//! Niche-market scoring (利基市场), seed 004 (`shared/seeds/004_558385ba70675088.txt`, 制定战略):
//! "通过客户数据来确定利基市场,建议看4个关键指标,结单周期、付费意愿、使用黏性、潜在客户量"
//! (find the niche from customer data with four indicators: closing cycle, willingness to pay,
//! stickiness, potential customers).
//!
//! The seed names the indicators and their direction but no formula and no weights. The
//! formula here (binding for this app) scores each indicator against a yardstick that a worse
//! row cannot move, so adding a segment that is no better than an existing one on any
//! indicator never changes another segment's score, let alone the order (min–max over the rows
//! let such a row reverse two others):
//! - willingness to pay on the seed's own 10-point scale: x = v / 10;
//! - stickiness and potential customers against the best row: x = v / max;
//! - the closing cycle against the shortest: x = min / v (a row at the shortest scores 1; with
//!   a shortest of 0 days, every longer cycle scores 0).
//!
//! The score is 100 × Σ wᵢ·xᵢ / Σ wᵢ. Weights are equal by default ([`Weights::default`]): an
//! assumption, since the seed gives none. A higher-is-better indicator that is 0 on every row
//! has no yardstick and is left out, its weight dropped; a single row has nothing to compare
//! and is not scored.

use super::error::non_negative;
use super::{Problem, StrategyError};
use serde::{Deserialize, Serialize};

/// The largest willingness to pay: "这个指标可以用10分制进行评分" (scored out of 10).
pub const WILLINGNESS_MAX: f64 = 10.0;

/// The seed's four indicators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Indicator {
    /// 结单周期, days "从第一次接触供应商到执行采购" (first contact to purchase); shorter is better.
    ClosingCycle,
    /// 付费意愿, 0–10, relative between segments; higher is better.
    WillingnessToPay,
    /// 使用黏性: usage frequency, or upsell / cross-sell amount; higher is better.
    Stickiness,
    /// 潜在客户量: target customers in the segment; higher is better.
    PotentialCustomers,
}

impl Indicator {
    /// The four in the seed's order (结单周期, 付费意愿, 使用黏性, 潜在客户量).
    pub const ALL: [Indicator; 4] = [
        Indicator::ClosingCycle,
        Indicator::WillingnessToPay,
        Indicator::Stickiness,
        Indicator::PotentialCustomers,
    ];

    /// The field name used in errors and as the English header of a pasted range.
    pub fn field(self) -> &'static str {
        match self {
            Indicator::ClosingCycle => "closing_cycle_days",
            Indicator::WillingnessToPay => "willingness_to_pay",
            Indicator::Stickiness => "stickiness",
            Indicator::PotentialCustomers => "potential_customers",
        }
    }

    fn index(self) -> usize {
        match self {
            Indicator::ClosingCycle => 0,
            Indicator::WillingnessToPay => 1,
            Indicator::Stickiness => 2,
            Indicator::PotentialCustomers => 3,
        }
    }
}

/// One segment (细分市场) and its indicators; `None` is a blank the user has still to fill.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SegmentRow {
    pub segment: String,
    pub closing_cycle_days: Option<f64>,
    pub willingness_to_pay: Option<f64>,
    pub stickiness: Option<f64>,
    pub potential_customers: Option<f64>,
}

impl SegmentRow {
    /// The row's value of `indicator` (`None` while blank).
    pub fn get(&self, indicator: Indicator) -> Option<f64> {
        match indicator {
            Indicator::ClosingCycle => self.closing_cycle_days,
            Indicator::WillingnessToPay => self.willingness_to_pay,
            Indicator::Stickiness => self.stickiness,
            Indicator::PotentialCustomers => self.potential_customers,
        }
    }
}

/// Non-negative weight per indicator, in [`Indicator::ALL`] order.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Weights(pub [f64; 4]);

impl Default for Weights {
    /// Equal weights: the seed ranks no indicator above another (an assumption).
    fn default() -> Self {
        Weights([1.0; 4])
    }
}

impl Weights {
    /// The weight wᵢ of `indicator`.
    pub fn get(&self, indicator: Indicator) -> f64 {
        self.0[indicator.index()]
    }
}

/// One row's result.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    pub segment: String,
    /// Each indicator against its yardstick, 0..1 ([`Indicator::ALL`] order); `None` when left
    /// out.
    pub normalised: [Option<f64>; 4],
    /// 0–100, or `None` when no indicator with a positive weight is kept.
    pub score: Option<f64>,
    /// Competition rank (1, 1, 3): 1 + the number of rows with a higher score.
    pub rank: Option<usize>,
}

/// The scored table, rows in input order.
#[derive(Debug, Clone, PartialEq)]
pub struct NicheScores {
    /// Indicators without a yardstick (0 on every row, or a single row), left out.
    pub left_out: Vec<Indicator>,
    pub rows: Vec<Scored>,
}

/// Two scores closer than this share a rank (they differ only by rounding).
const TIE: f64 = 1e-9;

/// Checks one row: every indicator present, finite, ≥ 0, willingness ≤ 10.
///
/// # Errors
/// [`StrategyError::Cell`] with the 1-based `row` and the indicator's field name.
pub fn validate_row(row: usize, r: &SegmentRow) -> Result<[f64; 4], StrategyError> {
    let mut values = [0.0; 4];
    for indicator in Indicator::ALL {
        let cell = |problem| StrategyError::Cell {
            row,
            field: indicator.field(),
            problem,
        };
        let value = r.get(indicator).ok_or(cell(Problem::Missing))?;
        if !value.is_finite() {
            return Err(cell(Problem::NotFinite));
        }
        if value < 0.0 {
            return Err(cell(Problem::Negative));
        }
        if indicator == Indicator::WillingnessToPay && value > WILLINGNESS_MAX {
            return Err(cell(Problem::OutOfRange {
                min: 0.0,
                max: WILLINGNESS_MAX,
            }));
        }
        values[indicator.index()] = value;
    }
    Ok(values)
}

/// The yardstick of each indicator over the rows' `values`: willingness 10, the shortest
/// cycle, the largest stickiness and potential; `None` (left out) for a higher-is-better
/// indicator that is 0 everywhere, and for every indicator with fewer than two rows.
fn yardsticks(values: &[[f64; 4]]) -> [Option<f64>; 4] {
    if values.len() < 2 {
        return [None; 4];
    }
    Indicator::ALL.map(|indicator| {
        let k = indicator.index();
        let column = values.iter().map(|v| v[k]);
        match indicator {
            Indicator::WillingnessToPay => Some(WILLINGNESS_MAX),
            Indicator::ClosingCycle => Some(column.fold(f64::INFINITY, f64::min)),
            Indicator::Stickiness | Indicator::PotentialCustomers => {
                Some(column.fold(0.0, f64::max)).filter(|max| *max > 0.0)
            }
        }
    })
}

/// One value against its yardstick, 0..1.
fn against(indicator: Indicator, value: f64, yardstick: f64) -> f64 {
    let x = match indicator {
        Indicator::ClosingCycle if value <= yardstick => 1.0,
        Indicator::ClosingCycle => yardstick / value,
        _ => value / yardstick,
    };
    x.clamp(0.0, 1.0)
}

/// Scores and ranks segments (seed 004, 利基市场), by the formula in the module docs:
/// xᵢ = v / 10 (willingness), v / max (stickiness, potential), min / v (closing cycle);
/// score = 100 × Σ wᵢxᵢ / Σ wᵢ over the indicators with a yardstick. Every score is `None`
/// when all kept weights are zero or nothing is kept (a single row, no rows).
///
/// # Errors
/// A weight not finite or negative (`field` = the indicator), or a row failing
/// [`validate_row`].
///
/// ```
/// use retention_lab::model::strategy::niche::{score, SegmentRow, Weights};
/// let row = |s: &str, c, w, k, p| SegmentRow {
///     segment: s.into(),
///     closing_cycle_days: Some(c),
///     willingness_to_pay: Some(w),
///     stickiness: Some(k),
///     potential_customers: Some(p),
/// };
/// let rows = [row("A", 30.0, 8.0, 5.0, 100.0), row("B", 90.0, 4.0, 5.0, 300.0)];
/// let s = score(&rows, &Weights::default()).unwrap();
/// // A: (30/30 + 8/10 + 5/5 + 100/300) / 4 = 78.3; B: (30/90 + 0.4 + 1 + 1) / 4 = 68.3.
/// assert!((s.rows[0].score.unwrap() - 100.0 * (1.0 + 0.8 + 1.0 + 1.0 / 3.0) / 4.0).abs() < 1e-9);
/// assert_eq!(s.rows[0].rank, Some(1));
/// ```
pub fn score(rows: &[SegmentRow], weights: &Weights) -> Result<NicheScores, StrategyError> {
    for indicator in Indicator::ALL {
        non_negative(indicator.field(), weights.get(indicator))?;
    }
    let values = rows
        .iter()
        .enumerate()
        .map(|(i, r)| validate_row(i + 1, r))
        .collect::<Result<Vec<_>, _>>()?;
    let sticks = yardsticks(&values);
    let left_out: Vec<Indicator> = Indicator::ALL
        .into_iter()
        .filter(|i| sticks[i.index()].is_none())
        .collect();
    let weight_sum: f64 = Indicator::ALL
        .iter()
        .filter(|i| sticks[i.index()].is_some())
        .map(|&i| weights.get(i))
        .sum();
    let mut scored: Vec<Scored> = rows
        .iter()
        .zip(&values)
        .map(|(row, v)| {
            let normalised = Indicator::ALL.map(|indicator| {
                let k = indicator.index();
                sticks[k].map(|stick| against(indicator, v[k], stick))
            });
            let score = (weight_sum > 0.0).then(|| {
                let total: f64 = Indicator::ALL
                    .iter()
                    .filter_map(|&i| normalised[i.index()].map(|x| weights.get(i) * x))
                    .sum();
                (100.0 * total / weight_sum).clamp(0.0, 100.0)
            });
            Scored {
                segment: row.segment.clone(),
                normalised,
                score,
                rank: None,
            }
        })
        .collect();
    let scores: Vec<Option<f64>> = scored.iter().map(|s| s.score).collect();
    for (s, own) in scored.iter_mut().zip(&scores) {
        s.rank = own.map(|own| {
            1 + scores
                .iter()
                .flatten()
                .filter(|&&other| other > own + TIE)
                .count()
        });
    }
    Ok(NicheScores {
        left_out,
        rows: scored,
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
