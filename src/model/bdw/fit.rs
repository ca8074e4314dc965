//! Maximum-likelihood fit of the BdW on survivor counts, started from the sBG fit (c = 1), so
//! its likelihood is never below the sBG's and the two compare as nested models.

use super::model::{log_likelihood, Bdw};
use crate::model::numeric::{covariance, derivatives, negative_definite, solve};
use crate::model::sbg::{self, Fit, Survivors, CONVERGED_GRADIENT};
use crate::model::ModelError;

/// The result of a BdW fit, with its diagnostics (the same as the sBG fit's).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BdwFit {
    pub model: Bdw,
    pub log_likelihood: f64,
    /// Standard errors of γ, δ and c: square roots of the diagonal of the inverse observed
    /// information (the Hessian of −LL in (γ, δ, c) by finite differences of the likelihood),
    /// when that matrix is positive definite.
    pub std_errors: Option<[f64; 3]>,
    pub iterations: u32,
    /// Euclidean norm of ∂LL/∂(ln γ, ln δ, ln c) where the search stopped.
    pub gradient_norm: f64,
    /// A log-parameter stopped within 0.1 of its search bound.
    pub at_bound: bool,
    /// The gradient norm is below [`CONVERGED_GRADIENT`] × customers at the start and no
    /// parameter is at a bound.
    pub converged: bool,
}

impl BdwFit {
    /// Converged, inside the bounds, and every standard error below its estimate.
    pub fn is_reliable(&self) -> bool {
        let m = self.model;
        let identified = self
            .std_errors
            .is_some_and(|se| se[0] < m.gamma && se[1] < m.delta && se[2] < m.c);
        self.converged && !self.at_bound && identified
    }
}

/// Search bounds of ln γ, ln δ (as the sBG's) and ln c (c from 0.018 to 12: beyond, t^c of
/// a few dozen periods leaves f64).
const BOUNDS: [(f64, f64); 3] = [(-12.0, 12.0), (-12.0, 12.0), (-4.0, 2.5)];

/// The log-likelihood at log-parameters `x`; −∞ where it is not a number.
fn ll_at(x: [f64; 3], cohorts: &[Survivors]) -> f64 {
    let ll = log_likelihood(&Bdw::from_log(x), cohorts);
    if ll.is_nan() {
        f64::NEG_INFINITY
    } else {
        ll
    }
}

fn clamp(x: [f64; 3]) -> [f64; 3] {
    [0, 1, 2].map(|i| x[i].clamp(BOUNDS[i].0, BOUNDS[i].1))
}

/// Maximum-likelihood fit of γ, δ and c on survivor counts of one or more cohorts (each
/// censored at its own last period, as [`sbg::fit`]).
///
/// Starts at the sBG fit (γ = α, δ = β, c = 1) and climbs over (ln γ, ln δ, ln c) by Newton
/// steps on a finite-difference Hessian where it is negative definite, otherwise by gradient
/// steps, each with a backtracking line search that only accepts a higher likelihood. So the
/// BdW log-likelihood is never below the sBG's on the same data.
///
/// # Errors
/// As [`sbg::fit`]: no cohort with an observed period after period 0, or no churn at all.
pub fn fit_bdw(cohorts: &[Survivors]) -> Result<BdwFit, ModelError> {
    fit_bdw_from(cohorts, &sbg::fit(cohorts)?)
}

/// [`fit_bdw`] from an sBG fit of the same `cohorts` the caller already has, so the sBG is
/// not fitted twice.
///
/// # Errors
/// A start outside the model's range (not from a fit).
pub fn fit_bdw_from(cohorts: &[Survivors], start: &Fit) -> Result<BdwFit, ModelError> {
    let usable = sbg::observed(cohorts);
    let customers: f64 = usable.iter().map(|c| c.alive[0]).sum();
    let f = |x: [f64; 3]| ll_at(x, &usable);
    let mut x = [start.model.alpha.ln(), start.model.beta.ln(), 0.0];
    let mut current = f(x);
    let mut iterations = 0;
    for _ in 0..300 {
        iterations += 1;
        let (g, h) = derivatives(&f, x, 1e-4);
        let newton = if negative_definite(&h) {
            solve(h, g.map(|v| -v))
        } else {
            None
        };
        // The gradient step is scaled so that its first try moves at most one unit.
        let norm = g.iter().map(|v| v * v).sum::<f64>().sqrt();
        let ascent = g.map(|v| v / norm.max(1.0));
        let mut improved = false;
        for direction in newton.into_iter().chain(std::iter::once(ascent)) {
            let mut step = 1.0;
            for _ in 0..40 {
                let candidate = clamp([0, 1, 2].map(|i| x[i] + step * direction[i]));
                let value = f(candidate);
                if value.is_finite() && value > current {
                    improved = value - current > 1e-12 * current.abs().max(1.0);
                    x = candidate;
                    current = value;
                    break;
                }
                step *= 0.5;
            }
            if improved {
                break;
            }
        }
        if !improved || norm < 1e-9 {
            break;
        }
    }
    let (g, _) = derivatives(&f, x, 1e-4);
    let gradient_norm = g.iter().map(|v| v * v).sum::<f64>().sqrt();
    let at_bound = (0..3).any(|i| x[i] <= BOUNDS[i].0 + 0.1 || x[i] >= BOUNDS[i].1 - 0.1);
    let model = Bdw::new(x[0].exp(), x[1].exp(), x[2].exp())?;
    Ok(BdwFit {
        model,
        log_likelihood: current,
        std_errors: std_errors(&model, &usable),
        iterations,
        gradient_norm,
        at_bound,
        converged: !at_bound && gradient_norm <= CONVERGED_GRADIENT * customers.max(1.0),
    })
}

/// Standard errors of (γ, δ, c) from the observed information in the parameters themselves,
/// each differenced with a step relative to its value.
fn std_errors(model: &Bdw, cohorts: &[Survivors]) -> Option<[f64; 3]> {
    let p = [model.gamma, model.delta, model.c];
    let scale = p.map(|v| v * 1e-4);
    let f = |u: [f64; 3]| {
        let m = Bdw {
            gamma: p[0] + u[0] * scale[0],
            delta: p[1] + u[1] * scale[1],
            c: p[2] + u[2] * scale[2],
        };
        log_likelihood(&m, cohorts)
    };
    // Derivatives in units of `scale`: H_ij(p) = H_ij(u) / (scale_i scale_j).
    let (_, hu) = derivatives(&f, [0.0; 3], 1.0);
    let h: [[f64; 3]; 3] = [0, 1, 2].map(|i| [0, 1, 2].map(|j| hu[i][j] / (scale[i] * scale[j])));
    let v = covariance(&h)?;
    let se = [0, 1, 2].map(|i| v[i][i]);
    se.iter().all(|&x| x > 0.0).then(|| se.map(f64::sqrt))
}
