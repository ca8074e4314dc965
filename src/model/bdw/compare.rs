//! The sBG and the BdW side by side on the same data: log-likelihoods, AIC, BIC and the
//! likelihood-ratio test of c = 1, and which model the data supports.

use super::fit::BdwFit;
use crate::model::sbg::Fit;

/// The test's level: the BdW projects by default when c = 1 is rejected at 5 %.
pub const SIGNIFICANCE: f64 = 0.05;

/// What the test says about each customer's churn propensity over tenure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Duration {
    /// c < 1, significantly: churn propensity falls with tenure.
    Falling,
    /// c > 1, significantly: it rises with tenure.
    Rising,
    /// c = 1 is not rejected: no evidence it changes (the sBG's assumption holds).
    Constant,
}

/// Which model projects by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preferred {
    Sbg,
    Bdw,
}

impl Preferred {
    pub fn key(self) -> &'static str {
        match self {
            Preferred::Sbg => "sbg",
            Preferred::Bdw => "bdw",
        }
    }
}

/// The two fits compared.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Comparison {
    pub ll_sbg: f64,
    pub ll_bdw: f64,
    /// AIC = 2k − 2 LL (k = 2 for the sBG, 3 for the BdW).
    pub aic_sbg: f64,
    pub aic_bdw: f64,
    /// BIC = k ln n − 2 LL, n = customers at period 0 summed over the cohorts.
    pub bic_sbg: f64,
    pub bic_bdw: f64,
    /// 2 (LL_BdW − LL_sBG), never below 0.
    pub lr_statistic: f64,
    /// P(χ²₁ > statistic) = erfc(√(statistic / 2)).
    pub p_value: f64,
    pub duration: Duration,
    pub preferred: Preferred,
}

/// Compares the fits of the same `customers` (at period 0). The rule for the default: the BdW
/// when the likelihood-ratio test rejects c = 1 at [`SIGNIFICANCE`] and the BdW fit is
/// reliable; otherwise the simpler sBG.
///
/// ```
/// use retention_lab::model::bdw::{compare, fit_bdw, Preferred};
/// use retention_lab::model::sbg::{fit, Survivors};
/// let regular = [Survivors::from_counts(&[1000.0, 631.0, 468.0, 382.0, 326.0, 289.0, 262.0, 241.0])];
/// let c = compare(&fit(&regular).unwrap(), &fit_bdw(&regular).unwrap(), 1000.0);
/// assert!(c.ll_bdw >= c.ll_sbg && (0.0..=1.0).contains(&c.p_value));
/// ```
pub fn compare(sbg: &Fit, bdw: &BdwFit, customers: f64) -> Comparison {
    let (ll_sbg, ll_bdw) = (sbg.log_likelihood, bdw.log_likelihood);
    let lr_statistic = (2.0 * (ll_bdw - ll_sbg)).max(0.0);
    let p_value = libm::erfc((lr_statistic / 2.0).sqrt()).clamp(0.0, 1.0);
    let ln_n = customers.max(1.0).ln();
    let significant = p_value < SIGNIFICANCE;
    let duration = match (significant, bdw.model.c < 1.0) {
        (false, _) => Duration::Constant,
        (true, true) => Duration::Falling,
        (true, false) => Duration::Rising,
    };
    Comparison {
        ll_sbg,
        ll_bdw,
        aic_sbg: 4.0 - 2.0 * ll_sbg,
        aic_bdw: 6.0 - 2.0 * ll_bdw,
        bic_sbg: 2.0 * ln_n - 2.0 * ll_sbg,
        bic_bdw: 3.0 * ln_n - 2.0 * ll_bdw,
        lr_statistic,
        p_value,
        duration,
        preferred: if significant && bdw.is_reliable() {
            Preferred::Bdw
        } else {
            Preferred::Sbg
        },
    }
}
