//! Lifetime value, each figure named for what it counts.
//!
//! - **Simple LTV** = ARPA × gross margin / churn, per period, exactly (ChartMogul, "Customer
//!   lifetime value"; Baremetrics, "LTV"): the undiscounted value of an average customer whose
//!   lifetime is 1 / churn periods. No cap and no horizon: with no churn the lifetime, and so
//!   the figure, is undefined, and the function says so with `None`.
//! - **Single-rate LTV over a horizon** = Σ_{t<N} v (1 − c)ᵗ / (1 + d)ᵗ: every customer churns
//!   at the same rate c per period; N periods, discount d per period. Bounded and discounted: its
//!   label must say so.
//! - **sBG LTV over a horizon** = Σ_{t<N} v S(t) / (1 + d)ᵗ with the sBG survival S(t) = Π_{i≤t}
//!   (β + i − 1)/(α + β + i − 1) (Fader & Hardie 2007, 2010), α, β set from the mean churn c and
//!   a polarisation φ = 1/(α + β + 1). Since S(t) = E[(1 − θ)ᵗ] ≥ (1 − E θ)ᵗ (Jensen: x ↦ (1 − x)ᵗ
//!   is convex), it is never below the single-rate value with the same c, d and N; it is
//!   continuous and non-decreasing as c falls to 0, where S ≡ 1.

use crate::model::ModelError;

/// Simple LTV = ARPA × margin / churn, with ARPA and churn of the same period (monthly ARPA
/// with monthly churn, yearly with yearly). `None` when churn is 0: the average lifetime
/// 1 / churn is undefined (not infinite, not a horizon).
///
/// # Errors
/// An input not finite or negative, or churn above 1.
///
/// ```
/// use retention_lab::model::economics::simple_ltv;
/// // ARPA 100 a month, 5 % monthly churn, margin 100 %: LTV 2,000 (ChartMogul's example).
/// assert!((simple_ltv(100.0, 1.0, 0.05).unwrap().unwrap() - 2000.0).abs() < 1e-9);
/// assert_eq!(simple_ltv(100.0, 1.0, 0.0).unwrap(), None);
/// ```
pub fn simple_ltv(arpa: f64, margin: f64, churn: f64) -> Result<Option<f64>, ModelError> {
    check("ltv inputs", &[arpa, margin, churn])?;
    if churn > 1.0 {
        return Err(ModelError::AboveOne { field: "churn" });
    }
    Ok((churn > 0.0).then(|| arpa * margin / churn))
}

/// Single-rate LTV over `periods` periods: Σ_{t<N} v (1 − c)ᵗ / (1 + d)ᵗ, the first period
/// undiscounted; c churn and d discount per period.
///
/// # Errors
/// An input not finite or negative, or churn above 1.
///
/// ```
/// use retention_lab::model::economics::single_rate_ltv;
/// // v = 100, c = 0.5, d = 0, two periods: 100 + 50.
/// assert!((single_rate_ltv(100.0, 0.5, 0.0, 2).unwrap() - 150.0).abs() < 1e-12);
/// ```
pub fn single_rate_ltv(
    value_per_period: f64,
    churn: f64,
    discount: f64,
    periods: u32,
) -> Result<f64, ModelError> {
    check("ltv inputs", &[value_per_period, churn, discount])?;
    if churn > 1.0 {
        return Err(ModelError::AboveOne { field: "churn" });
    }
    let ratio = (1.0 - churn) / (1.0 + discount);
    Ok(sum_of_terms(value_per_period, periods, |_| ratio))
}

/// sBG LTV over `periods` periods: Σ_{t<N} v S(t) / (1 + d)ᵗ with α = c (1/φ − 1),
/// β = (1 − c)(1/φ − 1), so the mean churn per period is c and the polarisation φ. At c = 0
/// nobody churns (S ≡ 1) and the value is Σ_{t<N} v / (1 + d)ᵗ, the limit as c → 0.
///
/// # Errors
/// An input not finite or negative, churn above 1, polarisation not in (0, 1).
///
/// ```
/// use retention_lab::model::economics::sbg_ltv;
/// // c = 0.5, φ = 0.5 (α = β = 0.5): S(1) = 0.5, S(2) = 0.5 × 1.5/2 = 0.375.
/// let v = sbg_ltv(100.0, 0.5, 0.5, 0.0, 3).unwrap();
/// assert!((v - 187.5).abs() < 1e-12);
/// ```
pub fn sbg_ltv(
    value_per_period: f64,
    mean_churn: f64,
    polarisation: f64,
    discount: f64,
    periods: u32,
) -> Result<f64, ModelError> {
    check("ltv inputs", &[value_per_period, mean_churn, discount])?;
    if mean_churn > 1.0 {
        return Err(ModelError::AboveOne {
            field: "mean_churn",
        });
    }
    if !(polarisation > 0.0 && polarisation < 1.0) {
        return Err(ModelError::NotPositive {
            field: "polarisation",
        });
    }
    let total = 1.0 / polarisation - 1.0;
    let (alpha, beta) = (mean_churn * total, (1.0 - mean_churn) * total);
    // r(t) = (β + t − 1)/(α + β + t − 1); α + β > 0, so the denominator is positive.
    Ok(sum_of_terms(value_per_period, periods, |t| {
        (beta + t - 1.0) / (alpha + beta + t - 1.0) / (1.0 + discount)
    }))
}

/// Σ_{t<N} v Π_{i=1..t} ratio(i).
fn sum_of_terms(value: f64, periods: u32, ratio: impl Fn(f64) -> f64) -> f64 {
    let (mut term, mut sum) = (value, 0.0);
    for t in 0..periods {
        sum += term;
        term *= ratio(f64::from(t + 1));
    }
    sum
}

fn check(field: &'static str, values: &[f64]) -> Result<(), ModelError> {
    if values.iter().any(|v| !v.is_finite()) {
        return Err(ModelError::NotFinite { field });
    }
    if values.iter().any(|&v| v < 0.0) {
        return Err(ModelError::Negative { field });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_rate_matches_the_geometric_series() {
        // Σ_{t<N} v qᵗ = v (1 − q^N)/(1 − q), q = (1 − c)/(1 + d).
        let (v, c, d, n) = (1_000.0, 0.02, 0.01, 60);
        let q: f64 = 0.98 / 1.01;
        let closed = v * (1.0 - q.powi(n)) / (1.0 - q);
        let got = single_rate_ltv(v, c, d, n as u32).unwrap();
        assert!((got - closed).abs() < 1e-9 * closed, "{got} vs {closed}");
    }

    #[test]
    fn sbg_matches_the_beta_function_survival() {
        // python3: from math import lgamma, exp
        //   lb = lambda a, b: lgamma(a) + lgamma(b) - lgamma(a + b)
        //   a, b = 0.02 * 9, 0.98 * 9   # c = 0.02, φ = 0.1
        //   sum(exp(lb(a, b + t) - lb(a, b)) / 1.01**t for t in range(60)) * 1000
        //   -> 36271.7492…
        let got = sbg_ltv(1_000.0, 0.02, 0.1, 0.01, 60).unwrap();
        assert!((got - 36_271.749_2).abs() < 1e-3, "{got}");
    }

    #[test]
    fn no_churn_leaves_simple_ltv_undefined_and_the_others_at_the_plain_sum() {
        assert_eq!(simple_ltv(1_000.0, 0.8, 0.0).unwrap(), None);
        // Σ_{t<3} 100 / 1.1ᵗ = 100 + 90.909… + 82.644… = 273.553…
        let plain = 100.0 + 100.0 / 1.1 + 100.0 / 1.21;
        assert!((single_rate_ltv(100.0, 0.0, 0.1, 3).unwrap() - plain).abs() < 1e-9);
        assert!((sbg_ltv(100.0, 0.0, 0.3, 0.1, 3).unwrap() - plain).abs() < 1e-9);
    }

    #[test]
    fn rejects_impossible_inputs() {
        assert!(simple_ltv(-1.0, 0.8, 0.1).is_err());
        assert!(simple_ltv(1.0, 0.8, 1.5).is_err());
        assert!(single_rate_ltv(1.0, f64::NAN, 0.1, 3).is_err());
        assert!(sbg_ltv(1.0, 0.1, 1.0, 0.1, 3).is_err());
    }
}
