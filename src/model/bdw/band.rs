//! The BdW projection's 90 % band from the uncertainty of γ, δ and c
//! ([`crate::model::band`]).

use super::fit::BdwFit;
use super::model::{log_likelihood, Bdw};
use crate::model::band::{delta_band, log_covariance, BandPoint};
use crate::model::sbg::{self, Survivors};

/// S(0..=horizon) of `fit` with its delta-method band in (ln γ, ln δ, ln c), the covariance
/// from the likelihood of the `cohorts` it was fitted on; `None` when that is not defined.
pub fn bdw_band(fit: &BdwFit, cohorts: &[Survivors], horizon: u32) -> Option<Vec<BandPoint>> {
    let usable = sbg::observed(cohorts);
    let m = fit.model;
    let x = [m.gamma.ln(), m.delta.ln(), m.c.ln()];
    let v = log_covariance(x, &|x| log_likelihood(&Bdw::from_log(x), &usable))?;
    delta_band(x, &v, &|x| Bdw::from_log(x).survival(horizon))
}
