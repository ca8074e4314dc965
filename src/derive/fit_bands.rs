//! The 90 % intervals of retention economics' sBG figures when α and β were sent from a
//! cohort fit: the expected lifetime of a new customer (DEL), of one a year in (DERL), and the
//! baseline scenario's sBG LTV, each from the fit's parameter uncertainty by the delta method
//! on its logarithm (`model::band::value_band`). Set by hand, α and β have no uncertainty to
//! show, so there is no band.

use crate::forms::view_settings::Heterogeneity;
use crate::i18n::{format_fixed, format_money, Currency, EconKey, Lang};
use crate::model::band::value_band;
use crate::model::economics::{economics, EconomicsInputs};
use crate::model::period::PeriodSbg;
use crate::model::sbg::Sbg;

/// The intervals, each `None` where the figure is undefined.
#[derive(Debug, Clone, PartialEq)]
pub struct FitBands {
    pub del: Option<(f64, f64)>,
    pub derl: Option<(f64, f64)>,
    /// The baseline scenario's sBG LTV (money), its own mean churn held as set: only the
    /// polarisation comes from the fit there.
    pub ltv: Option<(f64, f64)>,
    pub text: String,
}

/// The bands of a setting sent from a cohort fit with its covariance; `None` otherwise.
pub fn fit_bands(
    setting: &Heterogeneity,
    baseline: Option<&EconomicsInputs>,
    lang: Lang,
    currency: Currency,
) -> Option<FitBands> {
    let v = setting.covariance.filter(|_| setting.from_cohorts)?;
    let x = [setting.model.alpha.ln(), setting.model.beta.ln()];
    let d = setting.discount.max(1e-9);
    let n = 12 / setting.period_months.max(1) + 1;
    let del = value_band(x, &v, &|p| Sbg::from_log(p).del(d).unwrap_or(f64::NAN));
    let derl = value_band(x, &v, &|p| Sbg::from_log(p).derl(d, n).unwrap_or(f64::NAN));
    let ltv = baseline.and_then(|inputs| {
        value_band(x, &v, &|p| {
            let sbg = PeriodSbg {
                model: Sbg::from_log(p),
                period_months: setting.period_months,
            };
            economics(inputs, &sbg).map_or(f64::NAN, |e| e.ltv_sbg)
        })
    });
    let range = |band: Option<(f64, f64)>, show: &dyn Fn(f64) -> String| {
        band.map_or_else(
            || "—".to_string(),
            |(low, high)| format!("{} – {}", show(low), show(high)),
        )
    };
    let periods = |v: f64| format_fixed(v, 1);
    let money = |v: f64| format_money(v, lang, currency);
    let text = lang.fill(
        EconKey::FitBands,
        &[
            ("del", &range(del, &periods)),
            ("derl", &range(derl, &periods)),
            ("ltv", &range(ltv, &money)),
        ],
    );
    Some(FitBands {
        del,
        derl,
        ltv,
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forms::economics_form::SAMPLE_INPUTS;

    /// Fader & Hardie (2007) regular customers fitted on years 1–7, with the covariance of
    /// (ln α, ln β) of an independent mpmath fit (tests/reference/band_reference.py).
    fn regular(from_cohorts: bool) -> Heterogeneity {
        Heterogeneity {
            model: Sbg {
                alpha: 0.704_077_298_473_516_2,
                beta: 1.182_043_026_209_475_7,
            },
            period_months: 12,
            from_cohorts,
            discount: 0.1,
            covariance: Some([
                [0.008_680_670_690_735_13, 0.010_683_323_735_220_6],
                [0.010_683_323_735_220_6, 0.016_639_271_659_47],
            ]),
        }
    }

    #[test]
    fn lifetime_bands_match_the_independent_computation() {
        // mpmath (dps 40): DEL(0.1) = 3.694908427512111 in [3.507356199084846,
        // 3.892489816478363]; DERL(0.1 | n = 2) = 4.103139775083837 in [3.799895947721700,
        // 4.430583427940768] (a yearly setting: one renewal in a year, n = 2).
        let b = fit_bands(&regular(true), None, Lang::En, Currency::Usd).unwrap();
        let (low, high) = b.del.unwrap();
        assert!(
            (low - 3.507_356_199).abs() < 1e-6 && (high - 3.892_489_816).abs() < 1e-6,
            "{b:?}"
        );
        let (low, high) = b.derl.unwrap();
        assert!(
            (low - 3.799_895_948).abs() < 1e-6 && (high - 4.430_583_428).abs() < 1e-6,
            "{b:?}"
        );
        assert_eq!(b.ltv, None);
        assert!(b.text.contains("3.5 – 3.9"), "{}", b.text);
    }

    #[test]
    fn set_by_hand_there_is_no_band() {
        assert_eq!(
            fit_bands(
                &regular(false),
                Some(&SAMPLE_INPUTS),
                Lang::En,
                Currency::Usd
            ),
            None
        );
        let no_covariance = Heterogeneity {
            covariance: None,
            ..regular(true)
        };
        assert_eq!(
            fit_bands(
                &no_covariance,
                Some(&SAMPLE_INPUTS),
                Lang::En,
                Currency::Usd
            ),
            None
        );
    }

    /// The delta method's scaling: a quarter of the covariance halves the band on the log
    /// scale, and the band holds the baseline's own sBG LTV.
    #[test]
    fn the_ltv_band_holds_the_ltv_and_scales_with_the_uncertainty() {
        let setting = regular(true);
        let sbg = setting.sbg();
        let ltv = economics(&SAMPLE_INPUTS, &sbg).unwrap().ltv_sbg;
        let (low, high) = fit_bands(&setting, Some(&SAMPLE_INPUTS), Lang::En, Currency::Usd)
            .unwrap()
            .ltv
            .unwrap();
        assert!(low < ltv && ltv < high, "{low} {ltv} {high}");
        let quarter = Heterogeneity {
            covariance: setting
                .covariance
                .map(|v| v.map(|row| row.map(|x| x / 4.0))),
            ..setting
        };
        let (low4, high4) = fit_bands(&quarter, Some(&SAMPLE_INPUTS), Lang::En, Currency::Usd)
            .unwrap()
            .ltv
            .unwrap();
        let half = (high / ltv).ln() / 2.0;
        assert!(
            ((high4 / ltv).ln() - half).abs() < 1e-9 && ((ltv / low4).ln() - half).abs() < 1e-9
        );
    }
}
