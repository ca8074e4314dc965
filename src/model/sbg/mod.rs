//! The shifted-beta-geometric (sBG) model of contractual retention (Fader & Hardie, "How to
//! Project Customer Retention", Journal of Interactive Marketing 21(1), 2007).
//!
//! Each customer has a constant churn probability θ per period; θ ~ Beta(α, β) across
//! customers. Then, for t = 1, 2, …
//! - P(T = t) = B(α + 1, β + t − 1) / B(α, β)   (churn in period t),
//! - S(t) = B(α, β + t) / B(α, β)               (survival to the end of period t),
//! - r(t) = S(t) / S(t − 1) = (β + t − 1) / (α + β + t − 1), which rises with t: the customers
//!   who stay are the loyal ones.
//!
//! α and β are fitted by maximum likelihood on survivor counts, right-censored at the last
//! observed period (eq. 5 of the paper), pooled over cohorts with different observation lengths.
//! Valuation follows Fader & Hardie, "Customer-Base Valuation in a Contractual Setting: The
//! Perils of Ignoring Heterogeneity", Marketing Science 29(1), 2010:
//! DEL(d) = ₂F₁(1, β; α + β; 1/(1 + d)) and
//! DERL(d | n) = (β + n − 1)/(α + β + n − 1) · ₂F₁(1, β + n; α + β + n; 1/(1 + d)).

mod band;
mod base;
mod fit;
mod model;

pub use band::{sbg_band, sbg_band_with, sbg_covariance};
pub use base::{alive_now, base_value, AliveGroup, BaseValue};
pub(crate) use fit::observed;
pub use fit::{fit, log_likelihood, Fit, Survivors, CONVERGED_GRADIENT};
pub use model::{Sbg, MAX_PARAMETER};
