//! The customer-heterogeneity panel of retention economics: the same mean churn valued as one
//! constant rate and as the sBG model, for a new customer (DEL) and for a customer one year in
//! (DERL), and the slider ranges that fit the setting's period.

use crate::forms::view_settings::Heterogeneity;
use crate::i18n::{format_percent, EconKey, Lang};
use crate::model::retention::constant_churn_lifetime;
#[cfg(doc)]
use crate::model::sbg::Sbg;
use crate::model::ModelError;

#[derive(Debug, Clone, PartialEq)]
pub struct HeterogeneityView {
    pub mean_churn: f64,
    pub polarisation: f64,
    /// Where α and β came from ("set by hand", "from the cohort fit"), their values and the
    /// length of one period.
    pub source: String,
    /// Slider ranges in the setting's period: mean churn and discount per period. A yearly
    /// fit's mean churn (0.37 on the FH 2007 data) must not be clamped to a monthly range.
    pub mean_churn_range: (f64, f64),
    pub discount_range: (f64, f64),
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
    /// Periods a customer one year in still has, discounted: sBG DERL(d | n) with n − 1 =
    /// 12 / period renewals made ([`Sbg::derl`], Fader & Hardie 2010), and with one churn rate,
    /// which has no memory: (1 − c)(1 + d) / (d + c).
    pub residual_sbg: f64,
    pub residual_constant: f64,
    pub residual_sbg_text: String,
    /// How DERL is computed and what one churn rate gives.
    pub residual_explain: String,
    /// DEL / constant − 1 for a new customer, DERL / residual constant − 1 for the base.
    pub why: String,
}

/// The renewals a customer one year in has made, in periods of `months`.
fn renewals_in_a_year(months: u32) -> u32 {
    12 / months.max(1)
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
    let d = setting.discount;
    let renewals = renewals_in_a_year(setting.period_months);
    let n = renewals + 1;
    let lifetimes = model
        .del(d.max(1e-9))
        .and_then(|sbg| Ok((sbg, constant_churn_lifetime(mean_churn, d)?)))
        .and_then(|(sbg, constant)| Ok((sbg, constant, model.derl(d.max(1e-9), n)?)))
        .map(|(sbg, constant, residual_sbg)| {
            let residual_constant = (1.0 - mean_churn) * (1.0 + d) / (d + mean_churn);
            Lifetimes {
                constant,
                sbg,
                constant_text: format!("{constant:.1} {period}"),
                sbg_text: format!("{sbg:.1} {period}"),
                residual_sbg,
                residual_constant,
                residual_sbg_text: format!("{residual_sbg:.1} {period}"),
                residual_explain: lang.fill(
                    EconKey::LifetimeDerlExplain,
                    &[
                        ("renewals", &renewals.to_string()),
                        ("n", &n.to_string()),
                        ("constant", &format!("{residual_constant:.1} {period}")),
                    ],
                ),
                why: lang.fill(
                    EconKey::Why,
                    &[
                        ("longer", &format_percent(sbg / constant - 1.0)),
                        (
                            "residual",
                            &format_percent(residual_sbg / residual_constant - 1.0),
                        ),
                    ],
                ),
            }
        });
    let m = f64::from(setting.period_months.max(1));
    // Mean churn per period up to what 30 % a month compounds to, at most 95 %, and never below
    // the setting itself; the discount up to 10 % a month's worth, at most 50 %.
    let churn_max = (1.0 - 0.7f64.powf(m)).min(0.95).max(mean_churn);
    let discount_max = (0.1 * m).min(0.5).max(d);
    HeterogeneityView {
        mean_churn,
        polarisation: model.polarisation(),
        source: format!(
            "{from} α = {:.3}, β = {:.3}; {}",
            model.alpha,
            model.beta,
            match setting.period_months {
                1 => lang.t(EconKey::OnePeriodIsAMonth).to_string(),
                months => lang.fill(EconKey::OnePeriodIs, &[("months", &months.to_string())]),
            }
        ),
        mean_churn_range: (0.005, churn_max),
        discount_range: (0.001, discount_max),
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
            covariance: None,
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
        assert!(
            view.source.ends_with("; one period = 1 month"),
            "{}",
            view.source
        );
        // A customer one year in (12 renewals made, n = 13): DERL = Σ_{t≥13} S(t)/S(12) ·
        // 1.1^{−(t−13)}, summed here over the survival recursion S(t) = S(t−1)(β+t−1)/(α+β+t−1)
        // (7.80494048 in mpmath); one churn rate: 0.9 × 1.1 / 0.2 = 4.95.
        let mut survival = vec![1.0f64];
        for t in 1..3000 {
            let prev = survival[t - 1];
            survival.push(prev * (9.0 + t as f64 - 1.0) / (10.0 + t as f64 - 1.0));
        }
        let derl: f64 = (13..3000)
            .map(|t| survival[t] / survival[12] * 1.1f64.powi(-(t as i32 - 13)))
            .sum();
        assert!(
            (l.residual_sbg - derl).abs() < 1e-6,
            "{} vs {derl}",
            l.residual_sbg
        );
        assert!((l.residual_sbg - 7.804_940_48).abs() < 1e-6);
        assert!((l.residual_constant - 4.95).abs() < 1e-12);
        assert!(l.residual_explain.contains("renewed 12 times"));
        assert!(l.why.contains("57.7%"), "{}", l.why);
    }

    #[test]
    fn a_yearly_setting_has_yearly_ranges_and_a_year_in_is_one_renewal() {
        // The FH 2007 "regular" fit per year with the converted discount 0.126825: DERL(n = 2)
        // = 3.60836273 years in mpmath, one churn rate 1.41204062.
        let setting = Heterogeneity {
            model: Sbg {
                alpha: 0.704077,
                beta: 1.182043,
            },
            period_months: 12,
            from_cohorts: true,
            discount: 0.126_825_030_131_969_77,
            covariance: None,
        };
        let view = heterogeneity_view(&setting, Lang::En);
        let Ok(l) = view.lifetimes else {
            panic!("defined")
        };
        assert!(
            (l.residual_sbg - 3.608_362_73).abs() < 1e-6,
            "{}",
            l.residual_sbg
        );
        assert!((l.residual_constant - 1.412_040_62).abs() < 1e-6);
        assert!(l.residual_sbg_text.ends_with("years"));
        // Mean churn 0.373 fits inside the yearly range (1 − 0.7¹² capped at 0.95).
        assert!(view.mean_churn_range.1 >= view.mean_churn);
        assert!((view.mean_churn_range.1 - 0.95).abs() < 1e-12);
        assert!((view.discount_range.1 - 0.5).abs() < 1e-12);
    }
}
