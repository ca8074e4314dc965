//! The customer-heterogeneity panel of retention economics: the same mean churn valued as one
//! constant rate and as the sBG model, and by how much the sBG lifetime is longer.

use crate::forms::view_settings::Heterogeneity;
use crate::i18n::{format_percent, EconKey, Lang};
use crate::model::retention::constant_churn_lifetime;
use crate::model::ModelError;

#[derive(Debug, Clone, PartialEq)]
pub struct HeterogeneityView {
    pub mean_churn: f64,
    pub polarisation: f64,
    /// Where α and β came from ("set by hand", "from the cohort fit") and their values.
    pub source: String,
    /// The two discounted expected lifetimes, or why they are undefined.
    pub lifetimes: Result<Lifetimes, ModelError>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Lifetimes {
    /// Periods, one constant churn rate at the mean: 1 / (1 − (1 − churn) / (1 + d)).
    pub constant: f64,
    /// Periods, sBG: DEL(d) (Fader & Hardie 2010).
    pub sbg: f64,
    /// Each as shown, with its period ("8.4 months").
    pub constant_text: String,
    pub sbg_text: String,
    /// "The sBG lifetime is X % longer …": sBG / constant − 1.
    pub why: String,
}

pub fn heterogeneity_view(setting: &Heterogeneity, lang: Lang) -> HeterogeneityView {
    let model = setting.model;
    let mean_churn = model.mean_churn();
    let period = lang.t(match setting.period_months {
        1 => EconKey::PeriodMonth,
        3 => EconKey::PeriodQuarter,
        _ => EconKey::PeriodYear,
    });
    let from = lang.t(if setting.from_cohorts {
        EconKey::FromCohortFit
    } else {
        EconKey::SetByHand
    });
    let lifetimes = model
        .del(setting.discount.max(1e-9))
        .and_then(|sbg| Ok((sbg, constant_churn_lifetime(mean_churn, setting.discount)?)))
        .map(|(sbg, constant)| Lifetimes {
            constant,
            sbg,
            constant_text: format!("{constant:.1} {period}"),
            sbg_text: format!("{sbg:.1} {period}"),
            why: lang.fill(
                EconKey::Why,
                &[("longer", &format_percent(sbg / constant - 1.0))],
            ),
        });
    HeterogeneityView {
        mean_churn,
        polarisation: model.polarisation(),
        source: format!("{from} α = {:.3}, β = {:.3}", model.alpha, model.beta),
        lifetimes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::sbg::Sbg;

    #[test]
    fn lifetimes_by_hand_against_the_closed_forms() {
        // α = 1, β = 9: mean churn 0.1. Constant rate at d = 0.1: 1 / (1 − 0.9 / 1.1) = 5.5.
        // sBG: DEL(0.1) = ₂F₁(1, 9; 10; 1/1.1) = Σ_k 9/(9 + k) · (1/1.1)^k, summed here
        // independently of the model's series.
        let setting = Heterogeneity {
            model: Sbg {
                alpha: 1.0,
                beta: 9.0,
            },
            period_months: 1,
            from_cohorts: false,
            discount: 0.1,
        };
        let view = heterogeneity_view(&setting, Lang::En);
        let Ok(l) = view.lifetimes else {
            panic!("defined")
        };
        assert!((l.constant - 5.5).abs() < 1e-9);
        let del: f64 = (0..2000)
            .map(|k| 9.0 / (9.0 + k as f64) * (1.0 / 1.1f64).powi(k))
            .sum();
        assert!((l.sbg - del).abs() < 1e-6, "{} vs {del}", l.sbg);
        assert_eq!(l.constant_text, "5.5 months");
        assert!((view.mean_churn - 0.1).abs() < 1e-12);
        assert!(view.source.contains("α = 1.000, β = 9.000"));
    }
}
