//! Pointwise 90 % bands of a fitted survival curve from parameter uncertainty, by the delta
//! method on the observed information (e.g. Casella & Berger, *Statistical Inference*, §5.5.4;
//! the log(−log) scale as for Kaplan–Meier bands, Kalbfleisch & Prentice 2002, §1.3).
//!
//! With θ̂ the maximum-likelihood estimate in log-parameters and V = (−H)⁻¹ its covariance (H
//! the Hessian of the log-likelihood at θ̂):
//! - survival: g(t) = ln(−ln S(t)), se_g = √(∇gᵀ V ∇g), band
//!   exp(−exp(g ± z se_g)), which stays inside 0–1 and is ordered low ≤ S ≤ high;
//! - period retention r(t) = S(t)/S(t − 1): on the logit scale, logistic(logit r ∓ z se).
//!
//! Why the delta method and not a parametric bootstrap or profile likelihood: it costs one
//! Hessian and 2 × (number of parameters) survival curves, microseconds, so the band follows
//! every change of the data live and identically on every run; a bootstrap needs hundreds of
//! refits (milliseconds each for the BdW) and is random. On the Fader–Hardie (2007) data the
//! delta band and a 20,000-draw parametric bootstrap agree (tests/sbg_reference.rs).

use crate::model::km::Z90;
use crate::model::numeric::{covariance, derivatives};

/// One period of a projected curve with its 90 % band.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BandPoint {
    pub period: u32,
    /// S(t) at the estimate, and the band around it.
    pub mid: f64,
    pub low: f64,
    pub high: f64,
    /// r(t) = S(t)/S(t − 1) and its band; `None` at period 0 or once S(t − 1) is 0.
    pub rate: Option<(f64, f64, f64)>,
}

/// Step of the Hessian in log-parameters, and of the curve's gradient.
const HESSIAN_STEP: f64 = 1e-4;
const GRADIENT_STEP: f64 = 1e-5;

/// The covariance (−H)⁻¹ of the estimate `x` (log-parameters) at the maximum of
/// `log_likelihood`; `None` when the observed information is not positive definite (the
/// estimate's uncertainty is undefined).
pub fn log_covariance<const N: usize>(
    x: [f64; N],
    log_likelihood: &dyn Fn([f64; N]) -> f64,
) -> Option<[[f64; N]; N]> {
    let (_, h) = derivatives(log_likelihood, x, HESSIAN_STEP);
    covariance(&h)
}

/// ∇fᵀ V ∇f for f at `x` (central differences); `None` when not a finite non-negative number.
fn variance_of<const N: usize>(
    x: [f64; N],
    v: &[[f64; N]; N],
    f: &dyn Fn([f64; N]) -> f64,
) -> Option<f64> {
    let grad: [f64; N] = std::array::from_fn(|i| {
        let at = |sign: f64| {
            f(std::array::from_fn(|k| {
                x[k] + if k == i { sign * GRADIENT_STEP } else { 0.0 }
            }))
        };
        (at(1.0) - at(-1.0)) / (2.0 * GRADIENT_STEP)
    });
    quadratic_form(&grad, v)
}

/// gᵀ V g, the delta method's variance for the gradient `grad`; `None` when not a finite
/// non-negative number.
fn quadratic_form<const N: usize>(grad: &[f64; N], v: &[[f64; N]; N]) -> Option<f64> {
    let variance: f64 = (0..N)
        .flat_map(|i| (0..N).map(move |j| (i, j)))
        .map(|(i, j)| grad[i] * v[i][j] * grad[j])
        .sum();
    (variance.is_finite() && variance >= 0.0).then_some(variance)
}

/// The 90 % interval of a positive figure `value` computed from the parameters (an LTV, an
/// expected lifetime), by the delta method on its logarithm: exp(ln f ± z se); `None` when
/// the figure is not positive or its variance not defined.
pub fn value_band<const N: usize>(
    x: [f64; N],
    v: &[[f64; N]; N],
    value: &dyn Fn([f64; N]) -> f64,
) -> Option<(f64, f64)> {
    let mid = value(x);
    if !(mid.is_finite() && mid > 0.0) {
        return None;
    }
    let w = Z90 * variance_of(x, v, &|p| value(p).ln())?.sqrt();
    Some((mid * (-w).exp(), mid * w.exp()))
}

/// The band of `survival` (S(0..=horizon) at log-parameters) around the estimate `x` with
/// covariance `v`; `None` when a curve is not a number.
pub fn delta_band<const N: usize>(
    x: [f64; N],
    v: &[[f64; N]; N],
    survival: &dyn Fn([f64; N]) -> Vec<f64>,
) -> Option<Vec<BandPoint>> {
    let mid = survival(x);
    if mid.iter().any(|s| !s.is_finite()) {
        return None;
    }
    // S at x ± step along each parameter.
    let shifted: Vec<(Vec<f64>, Vec<f64>)> = (0..N)
        .map(|i| {
            let at = |sign: f64| {
                survival(std::array::from_fn(|k| {
                    x[k] + if k == i { sign * GRADIENT_STEP } else { 0.0 }
                }))
            };
            (at(1.0), at(-1.0))
        })
        .collect();
    let spread = |transform: &dyn Fn(&[f64], usize) -> f64, t: usize| -> Option<f64> {
        let grad: [f64; N] = std::array::from_fn(|i| {
            let (up, down) = &shifted[i];
            (transform(up, t) - transform(down, t)) / (2.0 * GRADIENT_STEP)
        });
        quadratic_form(&grad, v).map(|variance| Z90 * variance.sqrt())
    };
    let cloglog = |s: &[f64], t: usize| (-s[t].ln()).ln();
    let logit = |s: &[f64], t: usize| {
        let r = s[t] / s[t - 1];
        (r / (1.0 - r)).ln()
    };
    let points = (0..mid.len())
        .map(|t| {
            let s = mid[t];
            let (low, high) = if t == 0 || s >= 1.0 || s <= 0.0 {
                (s, s)
            } else {
                let w = spread(&cloglog, t)?;
                let g = cloglog(&mid, t);
                ((-(g + w).exp()).exp(), (-(g - w).exp()).exp())
            };
            let rate = (t > 0 && mid[t - 1] > 0.0).then(|| {
                let r = s / mid[t - 1];
                if r <= 0.0 || r >= 1.0 {
                    return Some((r, r, r));
                }
                let w = spread(&logit, t)?;
                let l = logit(&mid, t);
                let logistic = |u: f64| 1.0 / (1.0 + (-u).exp());
                Some((logistic(l - w), r, logistic(l + w)))
            });
            Some(BandPoint {
                period: t as u32,
                mid: s,
                low,
                high,
                rate: match rate {
                    Some(r) => Some(r?),
                    None => None,
                },
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(points)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A geometric curve S(t) = p^t with p = logistic(x) and a log-likelihood of known
    /// curvature: Var(x) = 1/k, so the survival band follows by hand.
    #[test]
    fn a_one_parameter_curve_gets_the_hand_computed_band() {
        let k = 400.0;
        let x0 = 1.2_f64;
        let ll = |x: [f64; 1]| -k * (x[0] - x0).powi(2) / 2.0;
        let p = |x: f64| 1.0 / (1.0 + (-x).exp());
        let survival = |x: [f64; 1]| (0..=3).map(|t| p(x[0]).powi(t)).collect::<Vec<_>>();
        let v = log_covariance([x0], &ll).unwrap();
        assert!((v[0][0] - 1.0 / k).abs() < 1e-6, "{v:?}");
        let band = delta_band([x0], &v, &survival).unwrap();
        let pv = p(x0);
        // The same band for one figure: S(2) = p², on the log scale.
        let (low, high) = value_band([x0], &v, &|x| p(x[0]).powi(2)).unwrap();
        let w = Z90 * (2.0 * (1.0 - pv)) / k.sqrt();
        assert!(
            (low - pv * pv * (-w).exp()).abs() < 1e-7 && (high - pv * pv * w.exp()).abs() < 1e-7
        );
        // g(t) = ln(t) + ln(−ln p); dg/dx = (dp/dx)/(p ln p) = (1 − p)/ln p.
        let se = ((1.0 - pv) / pv.ln()).abs() / k.sqrt();
        for (t, b) in band.iter().enumerate().skip(1) {
            let g = (-(pv.powi(t as i32)).ln()).ln();
            let low = (-(g + Z90 * se).exp()).exp();
            let high = (-(g - Z90 * se).exp()).exp();
            assert!(
                (b.low - low).abs() < 1e-7 && (b.high - high).abs() < 1e-7,
                "{t}: {b:?}"
            );
            // r(t) = p: logit r = x, se 1/√k.
            let (rl, r, rh) = b.rate.unwrap();
            assert!((r - pv).abs() < 1e-12);
            assert!((rl - p(x0 - Z90 / k.sqrt())).abs() < 1e-7, "{rl}");
            assert!((rh - p(x0 + Z90 / k.sqrt())).abs() < 1e-7, "{rh}");
        }
        assert_eq!(
            (band[0].low, band[0].mid, band[0].high, band[0].rate),
            (1.0, 1.0, 1.0, None)
        );
    }

    #[test]
    fn no_information_no_band() {
        let flat = |_: [f64; 1]| 0.0;
        assert_eq!(log_covariance([0.5], &flat), None);
    }
}
