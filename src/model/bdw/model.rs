//! The BdW survival function and its log-likelihood on survivor counts.

use crate::model::sbg::Survivors;
use crate::model::ModelError;

/// The three parameters of the BdW: γ, δ (the beta mixing distribution) and c (duration
/// dependence of each customer's churn).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bdw {
    pub gamma: f64,
    pub delta: f64,
    pub c: f64,
}

/// ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b).
pub(super) fn ln_beta(a: f64, b: f64) -> f64 {
    libm::lgamma(a) + libm::lgamma(b) - libm::lgamma(a + b)
}

impl Bdw {
    /// γ = e^x₀, δ = e^x₁, c = e^x₂: the fit searches in log-parameters.
    pub fn from_log(x: [f64; 3]) -> Bdw {
        Bdw {
            gamma: x[0].exp(),
            delta: x[1].exp(),
            c: x[2].exp(),
        }
    }

    /// A model with positive, finite γ, δ and c.
    ///
    /// # Errors
    /// A parameter that is not a positive finite number.
    pub fn new(gamma: f64, delta: f64, c: f64) -> Result<Bdw, ModelError> {
        for (field, value) in [("gamma", gamma), ("delta", delta), ("c", c)] {
            if !(value.is_finite() && value > 0.0) {
                return Err(ModelError::NotPositive { field });
            }
        }
        Ok(Bdw { gamma, delta, c })
    }

    /// ln S(t) = ln B(γ, δ + t^c) − ln B(γ, δ) for t = 0..=horizon.
    pub fn ln_survival(&self, horizon: u32) -> Vec<f64> {
        let base = ln_beta(self.gamma, self.delta);
        (0..=horizon)
            .map(|t| {
                if t == 0 {
                    0.0
                } else {
                    ln_beta(self.gamma, self.delta + f64::from(t).powf(self.c)) - base
                }
            })
            .collect()
    }

    /// S(t) = B(γ, δ + t^c) / B(γ, δ) for t = 0..=horizon: S(0) = 1, non-increasing.
    ///
    /// ```
    /// use retention_lab::model::bdw::Bdw;
    /// use retention_lab::model::sbg::Sbg;
    /// // c = 1 is the sBG: S(t) = Π (β + i − 1)/(α + β + i − 1).
    /// let bdw = Bdw::new(0.7, 1.2, 1.0).unwrap().survival(3);
    /// let sbg = Sbg::new(0.7, 1.2).unwrap().survival(3);
    /// for (a, b) in bdw.iter().zip(&sbg) {
    ///     assert!((a - b).abs() < 1e-12);
    /// }
    /// ```
    pub fn survival(&self, horizon: u32) -> Vec<f64> {
        let mut last = 1.0_f64;
        self.ln_survival(horizon)
            .into_iter()
            .map(|l| {
                // Rounding in ln Γ must not let the curve rise.
                last = last.min(l.exp());
                last
            })
            .collect()
    }
}

/// Log-likelihood of `cohorts` under `model`: Σ_t (n_{t−1} − n_t) ln P(T = t) + n_T ln S(T),
/// each cohort censored at its own last observed period. P(T = t) = S(t − 1)(1 − e^{Δ}) with
/// Δ = ln S(t) − ln S(t − 1), computed with `exp_m1` so that a small churn keeps its digits.
pub fn log_likelihood(model: &Bdw, cohorts: &[Survivors]) -> f64 {
    let horizon = cohorts
        .iter()
        .map(|c| c.alive.len().saturating_sub(1))
        .max()
        .unwrap_or(0) as u32;
    // One survival curve serves every cohort: they differ only in where they are censored.
    let ln_s = model.ln_survival(horizon);
    let ln_p: Vec<f64> = (1..ln_s.len())
        .map(|t| {
            ln_s[t - 1]
                + (-(ln_s[t] - ln_s[t - 1]).exp_m1())
                    .max(f64::MIN_POSITIVE)
                    .ln()
        })
        .collect();
    let mut ll = 0.0;
    for cohort in cohorts {
        let last_period = cohort.alive.len().saturating_sub(1);
        for t in 1..=last_period {
            let churned = cohort.alive[t - 1] - cohort.alive[t];
            if churned > 0.0 {
                ll += churned * ln_p[t - 1];
            }
        }
        if last_period > 0 {
            let last = cohort.alive[last_period];
            if last > 0.0 {
                ll += last * ln_s[last_period];
            }
        }
    }
    ll
}
