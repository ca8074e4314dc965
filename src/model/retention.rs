//! Revenue retention of an existing customer base: the NDR / GRR bridge.
//!
//! The bridge walks one year of the customers who were paying at the start:
//! start ARR − churned ARR − contraction ARR + expansion ARR = end ARR. New customers are
//! excluded by definition.
//!
//! Sources: the definitions in `shared/domain.md` (standard SaaS metrics, as used by e.g.
//! SaaS Capital's retention benchmarks); thresholds from the seed articles: "优秀的SaaS产品一般
//! 可以实现NDR大于120%" (NDR > 120 % marks an excellent SaaS) and "金额负流失, 即NDR大于100%"
//! (NDR > 100 % is negative revenue churn).

use super::ModelError;

/// One year of ARR movements for the customers present at the start, in currency units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BridgeInputs {
    /// ARR of the customer base at the start of the year.
    pub start_arr: f64,
    /// ARR of customers who left during the year.
    pub churned_arr: f64,
    /// ARR lost to downgrades by customers who stayed.
    pub contraction_arr: f64,
    /// ARR gained from upsell and cross-sell to customers who stayed.
    pub expansion_arr: f64,
}

/// The retention ratios derived from a [`BridgeInputs`]; ratios are fractions (105 % is `1.05`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bridge {
    /// Net dollar retention: (start − churn − contraction + expansion) / start.
    pub ndr: f64,
    /// Gross revenue retention: (start − churn − contraction) / start, never above 1.
    pub grr: f64,
    /// Gross revenue churn: (churn + contraction) / start = 1 − GRR.
    pub gross_churn: f64,
    /// Net revenue churn: (churn + contraction − expansion) / start = 1 − NDR; negative when
    /// expansion outgrows the losses ("negative churn").
    pub net_churn: f64,
    /// ARR of the same customers at the end of the year.
    pub end_arr: f64,
}

/// How NDR compares with the thresholds the sources give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NdrBand {
    /// NDR > 120 %: an excellent SaaS (seed 004: "优秀的SaaS产品一般可以实现NDR大于120%").
    Excellent,
    /// 100 % < NDR ≤ 120 %: negative revenue churn ("金额负流失, 即NDR大于100%"), the base
    /// grows on its own.
    NegativeChurn,
    /// NDR ≤ 100 %: the base does not grow without new sales.
    Shrinking,
}

/// How GRR compares with the usual benchmark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GrrBand {
    /// GRR ≥ 90 %: strong (SaaS Capital retention benchmarks: median GRR about 90 %).
    Strong,
    /// GRR < 90 %.
    BelowBenchmark,
}

/// NDR at or above which a SaaS counts as excellent.
pub const NDR_EXCELLENT: f64 = 1.20;
/// NDR at or above which revenue churn is negative.
pub const NDR_NEGATIVE_CHURN: f64 = 1.00;
/// GRR at or above which retention counts as strong.
pub const GRR_STRONG: f64 = 0.90;

/// Computes NDR, GRR and the two revenue churn rates.
///
/// Formulas (all over the same customers, new business excluded):
/// - GRR = (start − churn − contraction) / start
/// - NDR = (start − churn − contraction + expansion) / start
/// - gross revenue churn = (churn + contraction) / start = 1 − GRR
/// - net revenue churn = (churn + contraction − expansion) / start = 1 − NDR
///
/// # Errors
/// Any input not finite or negative, a starting ARR of zero, or churn + contraction larger than
/// the starting ARR.
///
/// # Example
/// The worked example of the foundation issue: start 1,000,000, churn 100,000,
/// contraction 50,000, expansion 200,000 gives NDR 105 % and GRR 85 %.
/// ```
/// use retention_lab::model::retention::{bridge, BridgeInputs};
/// let b = bridge(BridgeInputs {
///     start_arr: 1_000_000.0,
///     churned_arr: 100_000.0,
///     contraction_arr: 50_000.0,
///     expansion_arr: 200_000.0,
/// })
/// .unwrap();
/// assert!((b.ndr - 1.05).abs() < 1e-12);
/// assert!((b.grr - 0.85).abs() < 1e-12);
/// ```
pub fn bridge(inputs: BridgeInputs) -> Result<Bridge, ModelError> {
    let BridgeInputs {
        start_arr,
        churned_arr,
        contraction_arr,
        expansion_arr,
    } = inputs;
    for (field, value) in [
        ("start_arr", start_arr),
        ("churned_arr", churned_arr),
        ("contraction_arr", contraction_arr),
        ("expansion_arr", expansion_arr),
    ] {
        if !value.is_finite() {
            return Err(ModelError::NotFinite { field });
        }
        if value < 0.0 {
            return Err(ModelError::Negative { field });
        }
    }
    if start_arr <= 0.0 {
        return Err(ModelError::NotPositive { field: "start_arr" });
    }
    let lost = churned_arr + contraction_arr;
    if lost > start_arr {
        return Err(ModelError::LossesExceedStart {
            lost,
            start: start_arr,
        });
    }
    // Divide each part separately: with inputs near f64::MAX the sums overflow to ∞ while the
    // ratios stay finite.
    let churn_share = churned_arr / start_arr;
    let contraction_share = contraction_arr / start_arr;
    let expansion_share = expansion_arr / start_arr;
    let grr = (1.0 - churn_share - contraction_share).clamp(0.0, 1.0);
    let ndr = grr + expansion_share;
    if !ndr.is_finite() {
        return Err(ModelError::NotFinite {
            field: "expansion_arr",
        });
    }
    Ok(Bridge {
        ndr,
        grr,
        gross_churn: 1.0 - grr,
        net_churn: 1.0 - ndr,
        end_arr: start_arr * ndr,
    })
}

/// Rounding noise tolerated when a figure is compared with a benchmark it must exceed.
pub const BENCHMARK_TOLERANCE: f64 = 1e-9;

/// Places an NDR against the thresholds of the sources, both "大于" (greater than): above 120 %
/// excellent, above 100 % negative churn. A value within [`BENCHMARK_TOLERANCE`] of a
/// threshold counts as on it (1.2000000000000002 from 0.85 × 1.41… is 120 %, not above).
///
/// ```
/// use retention_lab::model::retention::{ndr_band, NdrBand};
/// assert_eq!(ndr_band(1.21), NdrBand::Excellent);
/// assert_eq!(ndr_band(1.2), NdrBand::NegativeChurn);
/// assert_eq!(ndr_band(1.05), NdrBand::NegativeChurn);
/// assert_eq!(ndr_band(1.0), NdrBand::Shrinking);
/// ```
pub fn ndr_band(ndr: f64) -> NdrBand {
    if ndr > NDR_EXCELLENT + BENCHMARK_TOLERANCE {
        NdrBand::Excellent
    } else if ndr > NDR_NEGATIVE_CHURN + BENCHMARK_TOLERANCE {
        NdrBand::NegativeChurn
    } else {
        NdrBand::Shrinking
    }
}

/// Places a GRR against the 90 % benchmark.
///
/// ```
/// use retention_lab::model::retention::{grr_band, GrrBand};
/// assert_eq!(grr_band(0.9), GrrBand::Strong);
/// assert_eq!(grr_band(0.85), GrrBand::BelowBenchmark);
/// ```
pub fn grr_band(grr: f64) -> GrrBand {
    if grr >= GRR_STRONG {
        GrrBand::Strong
    } else {
        GrrBand::BelowBenchmark
    }
}

/// Discounted expected lifetime, in periods, when every customer has the same churn
/// probability `churn` per period (the first period undiscounted):
/// Σ_{t≥0} (1 − churn)ᵗ / (1 + d)ᵗ = 1 / (1 − (1 − churn)/(1 + d)).
/// This is the "one constant churn rate" baseline that the sBG model's DEL is compared with
/// (Fader & Hardie 2010 show it under-states the value of a heterogeneous base).
///
/// # Errors
/// `churn` outside (0, 1], or `discount` not finite and ≥ 0 with both zero (infinite lifetime).
///
/// ```
/// use retention_lab::model::retention::constant_churn_lifetime;
/// // 20 % churn, 10 % discount: 1 / (1 − 0.8 / 1.1) = 3.667 periods.
/// assert!((constant_churn_lifetime(0.2, 0.1).unwrap() - 3.6667).abs() < 1e-4);
/// ```
pub fn constant_churn_lifetime(churn: f64, discount: f64) -> Result<f64, ModelError> {
    if !churn.is_finite() || !discount.is_finite() {
        return Err(ModelError::NotFinite { field: "churn" });
    }
    if churn <= 0.0 || churn > 1.0 {
        return Err(ModelError::NotPositive { field: "churn" });
    }
    if discount < 0.0 {
        return Err(ModelError::Negative { field: "discount" });
    }
    Ok(1.0 / (1.0 - (1.0 - churn) / (1.0 + discount)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inputs(start: f64, churn: f64, contraction: f64, expansion: f64) -> BridgeInputs {
        BridgeInputs {
            start_arr: start,
            churned_arr: churn,
            contraction_arr: contraction,
            expansion_arr: expansion,
        }
    }

    #[test]
    fn worked_example_gives_ndr_105_and_grr_85() {
        let b = bridge(inputs(1_000_000.0, 100_000.0, 50_000.0, 200_000.0)).unwrap();
        assert!((b.ndr - 1.05).abs() < 1e-12);
        assert!((b.grr - 0.85).abs() < 1e-12);
        assert!((b.gross_churn - 0.15).abs() < 1e-12);
        assert!((b.net_churn + 0.05).abs() < 1e-12);
        assert!((b.end_arr - 1_050_000.0).abs() < 1e-6);
    }

    #[test]
    fn no_movement_keeps_everything_at_one() {
        let b = bridge(inputs(500.0, 0.0, 0.0, 0.0)).unwrap();
        assert_eq!(
            (b.ndr, b.grr, b.gross_churn, b.net_churn),
            (1.0, 1.0, 0.0, 0.0)
        );
    }

    #[test]
    fn losing_everything_is_allowed_and_gives_zero() {
        let b = bridge(inputs(500.0, 300.0, 200.0, 0.0)).unwrap();
        assert_eq!(b.grr, 0.0);
        assert_eq!(b.ndr, 0.0);
    }

    #[test]
    fn rejects_losses_above_start() {
        let err = bridge(inputs(100.0, 80.0, 30.0, 0.0)).unwrap_err();
        assert_eq!(
            err,
            ModelError::LossesExceedStart {
                lost: 110.0,
                start: 100.0
            }
        );
    }

    #[test]
    fn rejects_negative_and_non_finite_and_zero_start() {
        assert_eq!(
            bridge(inputs(100.0, -1.0, 0.0, 0.0)),
            Err(ModelError::Negative {
                field: "churned_arr"
            })
        );
        assert_eq!(
            bridge(inputs(100.0, 0.0, 0.0, f64::NAN)),
            Err(ModelError::NotFinite {
                field: "expansion_arr"
            })
        );
        assert_eq!(
            bridge(inputs(0.0, 0.0, 0.0, 0.0)),
            Err(ModelError::NotPositive { field: "start_arr" })
        );
    }

    #[test]
    fn bands_follow_the_source_thresholds() {
        assert_eq!(ndr_band(1.19999), NdrBand::NegativeChurn);
        assert_eq!(ndr_band(1.2 + 1e-6), NdrBand::Excellent);
        assert_eq!(ndr_band(1.2000000000000002), NdrBand::NegativeChurn);
        assert_eq!(ndr_band(0.99999), NdrBand::Shrinking);
        assert_eq!(ndr_band(1.0), NdrBand::Shrinking);
        assert_eq!(grr_band(0.89999), GrrBand::BelowBenchmark);
    }
}
