//! The sBG model itself: its parameters, survival, retention and the discounted lifetimes
//! (formulas in the module doc of `model::sbg`).

use crate::model::ModelError;

/// Fitted or chosen sBG parameters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sbg {
    pub alpha: f64,
    pub beta: f64,
}

/// The largest α or β accepted. Beyond it the Beta distribution of churn probabilities has a
/// standard deviation below 0.0005 whatever the mean (polarisation < 10⁻⁶): every customer
/// churns alike, the sBG adds nothing to one constant rate, and series in α + β converge
/// slowly. The fit stays below it (it searches ln α, ln β ≤ 12, e¹² ≈ 162,755).
pub const MAX_PARAMETER: f64 = 1e6;

impl Sbg {
    /// α = e^x₀, β = e^x₁: the fits search in log-parameters, where every point is valid.
    pub fn from_log(x: [f64; 2]) -> Sbg {
        Sbg {
            alpha: x[0].exp(),
            beta: x[1].exp(),
        }
    }

    /// # Errors
    /// α or β not finite and positive, or above [`MAX_PARAMETER`].
    pub fn new(alpha: f64, beta: f64) -> Result<Sbg, ModelError> {
        for (field, value) in [("alpha", alpha), ("beta", beta)] {
            if !value.is_finite() {
                return Err(ModelError::NotFinite { field });
            }
            if value <= 0.0 {
                return Err(ModelError::NotPositive { field });
            }
            if value > MAX_PARAMETER {
                return Err(ModelError::AboveMax {
                    field,
                    max: MAX_PARAMETER,
                });
            }
        }
        Ok(Sbg { alpha, beta })
    }

    /// From a mean churn per period m = α/(α+β) and a polarisation φ = 1/(α+β+1) in (0, 1):
    /// near 0 everyone churns alike, near 1 customers split into stayers and leavers.
    pub fn from_mean_and_polarisation(
        mean_churn: f64,
        polarisation: f64,
    ) -> Result<Sbg, ModelError> {
        if !(mean_churn > 0.0 && mean_churn < 1.0) {
            return Err(ModelError::NotPositive {
                field: "mean_churn",
            });
        }
        if !(polarisation > 0.0 && polarisation < 1.0) {
            return Err(ModelError::NotPositive {
                field: "polarisation",
            });
        }
        let total = 1.0 / polarisation - 1.0;
        Sbg::new(mean_churn * total, (1.0 - mean_churn) * total)
    }

    /// Mean churn probability per period, α / (α + β).
    pub fn mean_churn(&self) -> f64 {
        self.alpha / (self.alpha + self.beta)
    }

    /// Polarisation 1 / (α + β + 1).
    pub fn polarisation(&self) -> f64 {
        1.0 / (self.alpha + self.beta + 1.0)
    }

    /// Retention rate of period t ≥ 1: (β + t − 1) / (α + β + t − 1).
    pub fn retention_rate(&self, t: u32) -> f64 {
        let t = f64::from(t.max(1));
        (self.beta + t - 1.0) / (self.alpha + self.beta + t - 1.0)
    }

    /// S(0..=horizon), by the recursion S(t) = S(t − 1) · r(t).
    pub fn survival(&self, horizon: u32) -> Vec<f64> {
        let mut s = Vec::with_capacity(horizon as usize + 1);
        s.push(1.0);
        for t in 1..=horizon {
            let previous = s[t as usize - 1];
            s.push(previous * self.retention_rate(t));
        }
        s
    }

    /// Discounted expected lifetime of a new customer, in periods (the first period counts
    /// undiscounted): DEL(d) = ₂F₁(1, β; α + β; 1/(1 + d)).
    ///
    /// # Errors
    /// `discount` not finite and above 0 (with no discount the sum may not converge), or the
    /// series not converging.
    ///
    /// ```
    /// use retention_lab::model::sbg::Sbg;
    /// // Fader & Hardie (2010): α = 0.704, β = 1.182 (the "regular" customers of the 2007
    /// // paper), d = 10 %: DEL ≈ 3.7 years.
    /// let del = Sbg::new(0.704, 1.182).unwrap().del(0.1).unwrap();
    /// assert!((del - 3.7).abs() < 0.1, "{del}");
    /// ```
    pub fn del(&self, discount: f64) -> Result<f64, ModelError> {
        hyp2f1_one(
            self.beta,
            self.alpha + self.beta,
            discount_factor(discount)?,
        )
    }

    /// Discounted expected residual lifetime of a customer who has made n − 1 renewals (has
    /// been a customer for n − 1 periods, n ≥ 1), in periods, the next one undiscounted:
    /// DERL(d | n) = Σ_{t≥n} S(t)/S(n−1) · (1+d)^{−(t−n)}
    ///             = (β + n − 1)/(α + β + n − 1) · ₂F₁(1, β + n; α + β + n; 1/(1 + d)).
    ///
    /// # Errors
    /// As [`Sbg::del`].
    pub fn derl(&self, discount: f64, n: u32) -> Result<f64, ModelError> {
        let n = f64::from(n.max(1));
        let z = discount_factor(discount)?;
        let first = (self.beta + n - 1.0) / (self.alpha + self.beta + n - 1.0);
        Ok(first * hyp2f1_one(self.beta + n, self.alpha + self.beta + n, z)?)
    }
}

fn discount_factor(discount: f64) -> Result<f64, ModelError> {
    if !discount.is_finite() {
        return Err(ModelError::NotFinite { field: "discount" });
    }
    if discount <= 0.0 {
        return Err(ModelError::NotPositive { field: "discount" });
    }
    Ok(1.0 / (1.0 + discount))
}

/// ₂F₁(1, b; c; z) = Σₖ (b)ₖ/(c)ₖ zᵏ for 0 ≤ z < 1, summed until a term is below 1e-15 of
/// the sum. The term ratio (b + k)/(c + k)·z is below 1 once k is large, so it converges;
/// a cap of 1,000,000 terms guards against z ≈ 1 with b ≫ c.
fn hyp2f1_one(b: f64, c: f64, z: f64) -> Result<f64, ModelError> {
    let (mut term, mut sum) = (1.0, 1.0);
    for k in 0..1_000_000 {
        let k = f64::from(k);
        term *= (b + k) / (c + k) * z;
        sum += term;
        if term < 1e-15 * sum {
            return Ok(sum);
        }
        if !sum.is_finite() {
            break;
        }
    }
    Err(ModelError::NotFinite {
        field: "hypergeometric series",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn survival_and_retention_follow_the_recursion() {
        let m = Sbg::new(0.704, 1.182).unwrap();
        let s = m.survival(3);
        assert_eq!(s[0], 1.0);
        assert!((s[1] - 1.182 / 1.886).abs() < 1e-12);
        assert!(
            m.retention_rate(2) > m.retention_rate(1),
            "retention rises with tenure"
        );
        assert!((m.mean_churn() - 0.704 / 1.886).abs() < 1e-12);
    }

    #[test]
    fn del_and_derl_agree_with_direct_sums() {
        let m = Sbg::new(0.668, 3.806).unwrap();
        let z: f64 = 1.0 / 1.1;
        let s = m.survival(3000);
        let del: f64 = s
            .iter()
            .enumerate()
            .map(|(t, s)| s * z.powi(t as i32))
            .sum();
        assert!((m.del(0.1).unwrap() - del).abs() < 1e-6);
        // DERL with n = 3 (two renewals made): Σ_{t≥3} S(t)/S(2) z^(t−3).
        let derl: f64 = (3..3000).map(|t| s[t] / s[2] * z.powi(t as i32 - 3)).sum();
        assert!(
            (m.derl(0.1, 3).unwrap() - derl).abs() < 1e-6,
            "{} vs {derl}",
            m.derl(0.1, 3).unwrap()
        );
    }

    #[test]
    fn rejects_bad_parameters_and_discounts() {
        assert!(Sbg::new(0.0, 1.0).is_err());
        assert_eq!(
            Sbg::new(1.0, 2e6),
            Err(ModelError::AboveMax {
                field: "beta",
                max: 1e6
            })
        );
        assert!(Sbg::new(1e6, 1e6).is_ok());
        assert!(Sbg::new(f64::NAN, 1.0).is_err());
        let m = Sbg::new(1.0, 1.0).unwrap();
        assert!(m.del(0.0).is_err());
        assert!(m.del(f64::INFINITY).is_err());
    }

    #[test]
    fn mean_and_polarisation_round_trip() {
        let m = Sbg::from_mean_and_polarisation(0.2, 0.25).unwrap();
        assert!((m.mean_churn() - 0.2).abs() < 1e-12 && (m.polarisation() - 0.25).abs() < 1e-12);
    }
}
