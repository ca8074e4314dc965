//! The beta-discrete-Weibull (BdW) model of contractual retention (Fader, Hardie, Liu, Davin &
//! Steenburgh, "“How to Project Customer Retention” Revisited: The Role of Duration
//! Dependence", Journal of Interactive Marketing 43, 2018).
//!
//! Each customer's churn propensity can rise or fall with tenure: the individual survival is
//! (1 − θ)^(t^c), with θ ~ Beta(γ, δ) across customers. Then
//! - S(t) = B(γ, δ + t^c) / B(γ, δ),
//! - P(T = t) = S(t − 1) − S(t),
//!
//! and c = 1 is the shifted-beta-geometric (sBG) with α = γ, β = δ. c < 1: each customer's
//! churn propensity falls with tenure; c > 1: it rises. The fit takes the same survivor counts
//! as the sBG fit (every cohort with its own censoring), so the two log-likelihoods compare
//! directly ([`compare`]).

mod band;
mod compare;
mod fit;
mod model;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

pub use band::bdw_band;
pub use compare::{compare, Comparison, Duration, Preferred, SIGNIFICANCE};
pub use fit::{fit_bdw, fit_bdw_from, BdwFit};
pub use model::Bdw;
