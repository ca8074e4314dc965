//! Maximum-likelihood fit of the sBG model on survivor counts (Fader & Hardie 2007, eq. 5),
//! pooled over cohorts with different observation lengths, with standard errors.

use super::model::Sbg;
use crate::model::ModelError;

/// Survivor counts of one cohort: `alive[t]` customers still active at the end of period t,
/// `alive[0]` the cohort's size. Counts may be fractional (aggregated sources).
#[derive(Debug, Clone, PartialEq)]
pub struct Survivors {
    pub alive: Vec<f64>,
}

impl Survivors {
    /// The non-increasing envelope of observed counts (reactivations cannot be churn events
    /// of the sBG story, so a rise is held at the previous level).
    pub fn from_counts(counts: &[f64]) -> Survivors {
        let mut alive = Vec::with_capacity(counts.len());
        for &c in counts {
            let c = if c.is_finite() { c.max(0.0) } else { 0.0 };
            alive.push(alive.last().map_or(c, |&prev: &f64| c.min(prev)));
        }
        Survivors { alive }
    }
}

/// Log-likelihood of `cohorts` under `model` (eq. 5 of Fader & Hardie 2007):
/// Σ_t (n_{t−1} − n_t) ln P(T = t) + n_T ln S(T).
pub fn log_likelihood(model: &Sbg, cohorts: &[Survivors]) -> f64 {
    let mut ll = 0.0;
    for cohort in cohorts {
        let horizon = cohort.alive.len().saturating_sub(1) as u32;
        let s = model.survival(horizon);
        for t in 1..=horizon as usize {
            let churned = cohort.alive[t - 1] - cohort.alive[t];
            if churned > 0.0 {
                let p = s[t - 1] - s[t];
                ll += churned * p.max(f64::MIN_POSITIVE).ln();
            }
        }
        if let Some(&last) = cohort.alive.last() {
            if horizon > 0 && last > 0.0 {
                ll += last * s[horizon as usize].max(f64::MIN_POSITIVE).ln();
            }
        }
    }
    ll
}

/// The result of a fit, with its diagnostics.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fit {
    pub model: Sbg,
    pub log_likelihood: f64,
    /// Asymptotic standard errors of α and β: square roots of the diagonal of the inverse
    /// observed information (the Hessian of −LL in (α, β), by finite differences of the
    /// analytic gradient), when that matrix is positive definite.
    pub std_errors: Option<(f64, f64)>,
    pub iterations: u32,
    /// Euclidean norm of ∂LL/∂(ln α, ln β) where the search stopped.
    pub gradient_norm: f64,
    /// ln α or ln β stopped at (within 0.1 of) the search bound ±12 (α or β below ~7·10⁻⁶
    /// or above ~147,000): the likelihood wants a parameter beyond any meaningful value.
    pub at_bound: bool,
    /// The gradient norm is below [`CONVERGED_GRADIENT`] × customers at the start and no
    /// parameter is at the bound.
    pub converged: bool,
}

/// Gradient tolerance per customer for [`Fit::converged`] (the log-likelihood, and so its
/// gradient, grows with the number of customers).
pub const CONVERGED_GRADIENT: f64 = 1e-4;

/// The bound of the search in ln α and ln β.
const LOG_BOUND: f64 = 12.0;

impl Fit {
    /// Whether the figures can be shown as an estimate: converged, inside the bounds, with
    /// standard errors each smaller than its estimate (a standard error above the estimate
    /// says the data cannot tell the parameter from 0 or from ∞). Otherwise the UI should
    /// flag the fit rather than present α and β.
    pub fn is_reliable(&self) -> bool {
        let identified = self
            .std_errors
            .is_some_and(|(a, b)| a < self.model.alpha && b < self.model.beta);
        self.converged && !self.at_bound && identified
    }
}

/// The cohorts a fit can learn from: at least one period observed after period 0, and
/// someone at the start.
pub(crate) fn observed(cohorts: &[Survivors]) -> Vec<Survivors> {
    cohorts
        .iter()
        .filter(|c| c.alive.len() >= 2 && c.alive[0] > 0.0)
        .cloned()
        .collect()
}

/// Maximum-likelihood fit of α and β on survivor counts of one or more cohorts.
///
/// Optimises over (ln α, ln β), which keeps both positive, by Newton steps on a
/// finite-difference Hessian of the analytic gradient, falling back to a backtracking
/// gradient step whenever Newton would not increase the likelihood. Starts from α = 2m,
/// β = 2(1 − m) with m the pooled first-period churn (polarisation 1/3).
///
/// # Errors
/// No cohort with at least one observed period after period 0 (`NotPositive`), or no churn
/// observed at all ([`ModelError::NoChurnObserved`]): with every customer still there the
/// likelihood rises without end as α → 0, and any α, β reported (such as α ≈ 0.0006,
/// β ≈ 49) would be an artefact of where the search stopped, not an estimate.
pub fn fit(cohorts: &[Survivors]) -> Result<Fit, ModelError> {
    let usable = observed(cohorts);
    let (start_n, after) = usable
        .iter()
        .fold((0.0, 0.0), |(n, a), c| (n + c.alive[0], a + c.alive[1]));
    if usable.is_empty() || start_n <= 0.0 {
        return Err(ModelError::NotPositive {
            field: "observed periods",
        });
    }
    let churned_any = usable
        .iter()
        .any(|c| c.alive.iter().any(|&n| n < c.alive[0]));
    if !churned_any {
        return Err(ModelError::NoChurnObserved);
    }
    let first_churn = (1.0 - after / start_n).clamp(0.01, 0.99);
    let mut x = [(2.0 * first_churn).ln(), (2.0 * (1.0 - first_churn)).ln()];
    let ll_at = |x: [f64; 2]| log_likelihood(&Sbg::from_log(x), &usable);
    let mut current = ll_at(x);
    let mut iterations = 0;
    for _ in 0..200 {
        iterations += 1;
        let g = gradient(x, &usable);
        let h = hessian(x, &usable);
        let det = h[0][0] * h[1][1] - h[0][1] * h[1][0];
        let newton = (h[0][0] < 0.0 && det > 0.0).then(|| {
            [
                -(h[1][1] * g[0] - h[0][1] * g[1]) / det,
                -(-h[1][0] * g[0] + h[0][0] * g[1]) / det,
            ]
        });
        let mut improved = false;
        for direction in newton.into_iter().chain(std::iter::once(g)) {
            let mut step = 1.0;
            for _ in 0..40 {
                let candidate = [
                    (x[0] + step * direction[0]).clamp(-LOG_BOUND, LOG_BOUND),
                    (x[1] + step * direction[1]).clamp(-LOG_BOUND, LOG_BOUND),
                ];
                let value = ll_at(candidate);
                if value.is_finite() && value > current {
                    x = candidate;
                    improved =
                        current.is_finite() && value - current > 1e-12 * current.abs().max(1.0);
                    current = value;
                    break;
                }
                step *= 0.5;
            }
            if improved {
                break;
            }
        }
        if !improved || (g[0].abs() < 1e-9 && g[1].abs() < 1e-9) {
            break;
        }
    }
    let model = Sbg::new(x[0].exp(), x[1].exp())?;
    let g = gradient(x, &usable);
    let gradient_norm = g[0].hypot(g[1]);
    let at_bound = x.iter().any(|v| v.abs() >= LOG_BOUND - 0.1);
    Ok(Fit {
        model,
        log_likelihood: current,
        std_errors: std_errors(&model, &usable),
        iterations,
        gradient_norm,
        at_bound,
        converged: !at_bound && gradient_norm <= CONVERGED_GRADIENT * start_n.max(1.0),
    })
}

/// ∂LL/∂(ln α, ln β), from the closed forms
/// ln S(t) = Σᵢ₌₁ᵗ [ln(β+i−1) − ln(α+β+i−1)],  ln P(t) = ln α − ln(α+β+t−1) + ln S(t−1).
fn gradient(x: [f64; 2], cohorts: &[Survivors]) -> [f64; 2] {
    let (a, b) = (x[0].exp(), x[1].exp());
    let (mut da, mut db) = (0.0, 0.0);
    for cohort in cohorts {
        // Running ∂ln S(t)/∂α and ∂ln S(t)/∂β.
        let (mut sa, mut sb) = (0.0, 0.0);
        let horizon = cohort.alive.len() - 1;
        for t in 1..=horizon {
            let tf = t as f64;
            let churned = cohort.alive[t - 1] - cohort.alive[t];
            // ln P(t) derivatives use S(t−1): the running sums before adding period t.
            da += churned * (1.0 / a - 1.0 / (a + b + tf - 1.0) + sa);
            db += churned * (-1.0 / (a + b + tf - 1.0) + sb);
            sa -= 1.0 / (a + b + tf - 1.0);
            sb += 1.0 / (b + tf - 1.0) - 1.0 / (a + b + tf - 1.0);
        }
        let last = cohort.alive[horizon];
        da += last * sa;
        db += last * sb;
    }
    // Chain rule to log-parameters.
    [da * a, db * b]
}

fn hessian(x: [f64; 2], cohorts: &[Survivors]) -> [[f64; 2]; 2] {
    let h = 1e-5;
    let mut out = [[0.0; 2]; 2];
    for i in 0..2 {
        let mut up = x;
        let mut down = x;
        up[i] += h;
        down[i] -= h;
        let (gu, gd) = (gradient(up, cohorts), gradient(down, cohorts));
        for j in 0..2 {
            out[j][i] = (gu[j] - gd[j]) / (2.0 * h);
        }
    }
    // Symmetrise.
    let off = 0.5 * (out[0][1] + out[1][0]);
    out[0][1] = off;
    out[1][0] = off;
    out
}

/// Standard errors of (α, β) from the observed information in (α, β) itself.
fn std_errors(model: &Sbg, cohorts: &[Survivors]) -> Option<(f64, f64)> {
    let x = [model.alpha.ln(), model.beta.ln()];
    let h = hessian(x, cohorts);
    let g = gradient(x, cohorts);
    let (a, b) = (model.alpha, model.beta);
    // d²LL/dα² = (H_xx − g_x) / α² and so on, with x = ln α.
    let haa = (h[0][0] - g[0]) / (a * a);
    let hbb = (h[1][1] - g[1]) / (b * b);
    let hab = h[0][1] / (a * b);
    let det = haa * hbb - hab * hab;
    if !(det > 0.0 && haa < 0.0) {
        return None;
    }
    let (va, vb) = (-hbb / det, -haa / det);
    (va > 0.0 && vb > 0.0).then(|| (va.sqrt(), vb.sqrt()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fader & Hardie (2007), Table 1: survivors of 1,000 customers over years 0–7.
    fn regular() -> Survivors {
        Survivors::from_counts(&[1000.0, 631.0, 468.0, 382.0, 326.0, 289.0, 262.0, 241.0])
    }
    fn high_end() -> Survivors {
        Survivors::from_counts(&[1000.0, 869.0, 743.0, 653.0, 593.0, 551.0, 517.0, 491.0])
    }

    #[test]
    fn recovers_the_papers_estimates() {
        // The paper fits years 1–7 and reports α = 0.704, β = 1.182 (regular) and
        // α = 0.668, β = 3.806 (high end).
        let f = fit(&[regular()]).unwrap();
        assert!(
            (f.model.alpha - 0.704).abs() < 0.005 && (f.model.beta - 1.182).abs() < 0.01,
            "{f:?}"
        );
        let f = fit(&[high_end()]).unwrap();
        assert!(
            (f.model.alpha - 0.668).abs() < 0.005 && (f.model.beta - 3.806).abs() < 0.02,
            "{f:?}"
        );
        assert!(f.std_errors.is_some());
    }

    #[test]
    fn gradient_matches_finite_differences() {
        let data = [regular(), high_end()];
        let x = [0.3_f64.ln(), 2.0_f64.ln()];
        let g = gradient(x, &data);
        let ll = |x: [f64; 2]| {
            log_likelihood(
                &Sbg {
                    alpha: x[0].exp(),
                    beta: x[1].exp(),
                },
                &data,
            )
        };
        for i in 0..2 {
            let (mut up, mut down) = (x, x);
            up[i] += 1e-6;
            down[i] -= 1e-6;
            let numeric = (ll(up) - ll(down)) / 2e-6;
            assert!(
                (numeric - g[i]).abs() < 1e-4 * numeric.abs().max(1.0),
                "{i}: {numeric} vs {}",
                g[i]
            );
        }
    }

    #[test]
    fn the_papers_fit_converges_inside_the_bounds() {
        let f = fit(&[regular()]).unwrap();
        assert!(f.converged && !f.at_bound && f.is_reliable(), "{f:?}");
        assert!(f.gradient_norm < 1e-3, "{f:?}");
    }

    /// Standard errors against the observed information computed another way: second
    /// differences of the log-likelihood itself in (α, β) (not the analytic gradient, not
    /// log-parameters), inverted by hand.
    #[test]
    fn standard_errors_are_the_inverse_observed_information() {
        let data = [regular()];
        let f = fit(&data).unwrap();
        let (a, b) = (f.model.alpha, f.model.beta);
        let ll = |a: f64, b: f64| log_likelihood(&Sbg { alpha: a, beta: b }, &data);
        let h = 1e-4;
        let haa = (ll(a + h, b) - 2.0 * ll(a, b) + ll(a - h, b)) / (h * h);
        let hbb = (ll(a, b + h) - 2.0 * ll(a, b) + ll(a, b - h)) / (h * h);
        let hab = (ll(a + h, b + h) - ll(a + h, b - h) - ll(a - h, b + h) + ll(a - h, b - h))
            / (4.0 * h * h);
        // Information I = −H; Var = I⁻¹ = [[−hbb, hab], [hab, −haa]] / det(H).
        let det = haa * hbb - hab * hab;
        let (se_a, se_b) = ((-hbb / det).sqrt(), (-haa / det).sqrt());
        let (got_a, got_b) = f.std_errors.unwrap();
        assert!((got_a / se_a - 1.0).abs() < 0.01, "{got_a} vs {se_a}");
        assert!((got_b / se_b - 1.0).abs() < 0.01, "{got_b} vs {se_b}");
    }

    #[test]
    fn no_churn_at_all_is_recognised_not_fitted() {
        let none = Survivors::from_counts(&[120.0, 120.0, 120.0, 120.0]);
        assert_eq!(
            fit(std::slice::from_ref(&none)),
            Err(ModelError::NoChurnObserved)
        );
        assert_eq!(
            fit(&[none.clone(), Survivors::from_counts(&[50.0, 50.0])]),
            Err(ModelError::NoChurnObserved)
        );
        // One churning cohort beside it is something to learn from.
        assert!(fit(&[none, regular()]).is_ok());
    }

    #[test]
    fn homogeneous_churn_drives_the_fit_to_the_bound_and_is_flagged() {
        // Exactly geometric survivors (everyone churns at 20 %): the likelihood keeps rising
        // as α, β → ∞ at a fixed ratio (no spread), so the search stops at its bound.
        let counts: Vec<f64> = (0..8).map(|t| 1000.0 * 0.8f64.powi(t)).collect();
        let f = fit(&[Survivors::from_counts(&counts)]).unwrap();
        assert!(f.at_bound && !f.converged && !f.is_reliable(), "{f:?}");
        assert!((f.model.mean_churn() - 0.2).abs() < 1e-3, "{f:?}");
    }

    #[test]
    fn nothing_to_learn_from_is_an_error() {
        assert!(fit(&[Survivors::from_counts(&[100.0])]).is_err());
        assert!(fit(&[]).is_err());
    }
}
