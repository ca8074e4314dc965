//! Renewal forecast: the logistic fit on the north star (and chosen inputs), its quality, the
//! next-12-month forecast, the at-risk list and the north-star lever.

use std::rc::Rc;

use super::health::as_of;
use crate::chart::probability::ProbabilityChart;
use crate::data::Origin;
use crate::i18n::{HealthKey, Lang};
use crate::model::calendar::Date;
use crate::model::health::Measure;
use crate::model::order::{largest, permute};
use crate::model::portfolio::Customer;
use crate::model::renewal::{self, Bin, Due, Forecast, RenewalError, RenewalFit};

/// How many at-risk customers the list shows.
pub const AT_RISK_ROWS: usize = 20;
/// Points along the fitted curve.
const CURVE_STEPS: usize = 60;

/// The fit, and when it was taken: it depends on the data and the inputs only, so moving the
/// lift slider reuses it.
pub type Fitted = (Date, Result<Rc<RenewalFit>, RenewalError>);

pub fn fit_renewal(customers: &[Customer], origin: &Origin, inputs: &[Measure]) -> Fitted {
    let as_of = as_of(customers, origin);
    (as_of, renewal::fit(customers, inputs, as_of).map(Rc::new))
}

/// Everything the renewal section shows.
#[derive(Debug, Clone, PartialEq)]
pub struct RenewalFigures {
    pub as_of: Date,
    pub fit: Result<Rc<RenewalFit>, RenewalError>,
    pub forecast: Forecast,
    /// The forecast with the north star lifted.
    pub lifted: Forecast,
    /// What depends on a successful fit.
    pub quality: Option<FitFigures>,
}

/// The figures and chart inputs of a successful fit (missing values are NaN, shown as such).
#[derive(Debug, Clone, PartialEq)]
pub struct FitFigures {
    pub auc: f64,
    pub log_loss: f64,
    /// The log-loss of always predicting the observed renewal rate: the bar the model must beat.
    pub baseline_log_loss: f64,
    pub expected_logo_rate: f64,
    pub expected_dollar_rate: f64,
    pub lifted_logo_rate: f64,
    /// Lifted minus plain expected logo renewal rate.
    pub lifted_rate_change: f64,
    /// Expected renewal ARR gained by the lift.
    pub lifted_arr_gain: f64,
    pub curve: ProbabilityChart,
    pub calibration: ProbabilityChart,
    /// The customers due with the most ARR at risk, most first.
    pub at_risk: Vec<Due>,
}

pub fn renewal(customers: &[Customer], fitted: &Fitted, lift: f64, lang: Lang) -> RenewalFigures {
    let (as_of, fit) = fitted;
    let (forecast, lifted) = match fit {
        Ok(f) => (
            renewal::forecast(f, customers, *as_of, 0.0),
            renewal::forecast(f, customers, *as_of, lift),
        ),
        Err(_) => (Forecast::default(), Forecast::default()),
    };
    let quality = fit
        .as_ref()
        .ok()
        .map(|f| fit_figures(f, &forecast, &lifted, lang));
    RenewalFigures {
        as_of: *as_of,
        fit: fit.clone(),
        forecast,
        lifted,
        quality,
    }
}

fn fit_figures(fit: &RenewalFit, base: &Forecast, lifted: &Forecast, lang: Lang) -> FitFigures {
    let nan = |v: Option<f64>| v.unwrap_or(f64::NAN);
    let at_risk: Vec<f64> = base.due.iter().map(Due::arr_at_risk).collect();
    FitFigures {
        auc: nan(fit.auc),
        log_loss: nan(fit.log_loss),
        baseline_log_loss: baseline_log_loss(&fit.calibration, fit.observations),
        expected_logo_rate: nan(base.expected_logo_rate),
        expected_dollar_rate: nan(base.expected_dollar_rate),
        lifted_logo_rate: nan(lifted.expected_logo_rate),
        lifted_rate_change: nan(lifted.expected_logo_rate) - nan(base.expected_logo_rate),
        lifted_arr_gain: lifted.expected_renewal_arr - base.expected_renewal_arr,
        curve: curve(fit, lang),
        calibration: calibration(fit, lang),
        // The largest only: no sort of every customer due.
        at_risk: permute(&base.due, &largest(&at_risk, AT_RISK_ROWS)),
    }
}

/// −[r ln r + (1 − r) ln(1 − r)] for the observed renewal rate r (recovered from the
/// calibration bins): the mean log-loss of predicting r for everyone.
pub fn baseline_log_loss(calibration: &[Bin], observations: usize) -> f64 {
    let r = calibration
        .iter()
        .map(|b| b.observed_rate * b.count as f64)
        .sum::<f64>()
        / observations.max(1) as f64;
    -(r * r.ln() + (1.0 - r) * (1.0 - r).ln())
}

/// `probability` along the first input from zero (or below, if observed) to 10 % beyond the
/// highest observed decile, the other inputs at `means`.
pub fn curve_points(
    bins: &[Bin],
    means: &[f64],
    probability: impl Fn(&[f64]) -> f64,
) -> Vec<(f64, f64)> {
    let lo = bins.first().map_or(0.0, |b| b.mean_key).min(0.0);
    let hi = bins.last().map_or(1.0, |b| b.mean_key) * 1.1;
    let mut row = means.to_vec();
    if row.is_empty() {
        row.push(0.0);
    }
    (0..=CURVE_STEPS)
        .map(|k| {
            let x = lo + (hi - lo) * k as f64 / CURVE_STEPS as f64;
            row[0] = x;
            (x, probability(&row))
        })
        .collect()
}

/// The fitted probability along the north star over the observed renewal rate of each
/// north-star decile.
fn curve(fit: &RenewalFit, lang: Lang) -> ProbabilityChart {
    let bins = &fit.observed_by_input;
    ProbabilityChart {
        title: lang.t(HealthKey::CurveTitle).into(),
        x_label: lang.t(HealthKey::NorthStar).into(),
        y_label: lang.t(HealthKey::ProbabilityAxis).into(),
        line: curve_points(bins, &fit.model.means, |row| fit.model.probability(row)),
        line_label: lang.t(HealthKey::Fitted).into(),
        points: bins
            .iter()
            .map(|b| (b.mean_key, b.observed_rate, b.count))
            .collect(),
        points_label: lang.t(HealthKey::ObservedDeciles).into(),
        diagonal: None,
        x_is_probability: false,
    }
}

fn calibration(fit: &RenewalFit, lang: Lang) -> ProbabilityChart {
    ProbabilityChart {
        title: lang.t(HealthKey::CalibrationTitle).into(),
        x_label: lang.t(HealthKey::PredictedAxis).into(),
        y_label: lang.t(HealthKey::ObservedAxis).into(),
        // The deciles themselves, against the diagonal: a line through them would look like a
        // model of its own.
        line: Vec::new(),
        line_label: String::new(),
        points: fit
            .calibration
            .iter()
            .map(|b| (b.mean_predicted, b.observed_rate, b.count))
            .collect(),
        points_label: lang.t(HealthKey::PredictedDeciles).into(),
        diagonal: Some(lang.t(HealthKey::Perfect).into()),
        x_is_probability: true,
    }
}

#[cfg(test)]
mod tests;
