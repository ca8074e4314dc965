//! The sBG projection's 90 % band from the uncertainty of α and β ([`crate::model::band`]).

use super::fit::{log_likelihood, observed, Fit, Survivors};
use super::model::Sbg;
use crate::model::band::{delta_band, log_covariance, BandPoint};

/// The covariance of (ln α, ln β) of `fit` from the likelihood of the `cohorts` it was fitted
/// on; `None` when the observed information is not positive definite.
pub fn sbg_covariance(fit: &Fit, cohorts: &[Survivors]) -> Option<[[f64; 2]; 2]> {
    let usable = observed(cohorts);
    log_covariance([fit.model.alpha.ln(), fit.model.beta.ln()], &|x| {
        log_likelihood(&Sbg::from_log(x), &usable)
    })
}

/// S(0..=horizon) of `model` with its delta-method band for the covariance `v` of
/// (ln α, ln β).
pub fn sbg_band_with(model: &Sbg, v: &[[f64; 2]; 2], horizon: u32) -> Option<Vec<BandPoint>> {
    delta_band([model.alpha.ln(), model.beta.ln()], v, &|x| {
        Sbg::from_log(x).survival(horizon)
    })
}

/// S(0..=horizon) of `fit` with its band, the covariance from the `cohorts` it was fitted on.
pub fn sbg_band(fit: &Fit, cohorts: &[Survivors], horizon: u32) -> Option<Vec<BandPoint>> {
    sbg_band_with(&fit.model, &sbg_covariance(fit, cohorts)?, horizon)
}
