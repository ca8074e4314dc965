//! Cohort retention: the cohorts of the loaded data, the sBG fit on their logo survivors, the
//! fit's headline figures and the retention-curves chart input.

use std::borrow::Cow;
use std::rc::Rc;

use crate::chart::cohort_curves::{CohortCurves, Curve, Projection};
use crate::forms::view_settings::CohortView;
use crate::i18n::{CohortKey, Lang};
use crate::model::band::BandPoint;
use crate::model::bdw::{bdw_band, compare, fit_bdw_from, BdwFit, Comparison, Preferred};
use crate::model::calendar::{Date, Month};
use crate::model::cohort::{average_curve, cohorts_from_table, retention, Cohort, Grain, Measure};
use crate::model::error::ModelError;
use crate::model::km::{kaplan_meier, months_paid, KmRow};
use crate::model::observed::{cohorts_through, observed_through};
use crate::model::period::cohort_period_months;
use crate::model::portfolio::{CohortCell, Subscriptions};
use crate::model::sbg::{
    alive_now, fit, sbg_band_with, sbg_covariance, AliveGroup, Fit, Survivors,
};

/// Periods projected beyond the longest observed one.
pub const PROJECTION_PERIODS: usize = 12;

/// The cohorts and the fit: they depend on the data and the grain only, so they are
/// recomputed when those change, never while the user picks what to show.
#[derive(Debug, Clone, PartialEq)]
pub struct CohortAnalysis {
    /// Shared with the heat-map component, which compares its properties by value.
    pub cohorts: Rc<Vec<Cohort>>,
    /// The fit and its figures, or why there is none (translated by the view).
    pub fit: Result<SbgFigures, ModelError>,
    /// The beta-discrete-Weibull fit on the same survivors, and the two compared; `None` when
    /// either fit failed.
    pub bdw: Option<(BdwFit, Comparison)>,
    /// Customers alive now by renewals made, and the last period's aggregate retention (the
    /// value of the base reads them; `base::alive_now`).
    pub alive_now: (Vec<AliveGroup>, Option<f64>),
    /// The 90 % bands of the two fits' survival curves to the projection horizon (delta
    /// method, `model::band`); `None` where a fit or its covariance is missing.
    pub bands: Bands,
    /// What the fits used: the cohorts with at least one period observed after period 0, and
    /// their customers at period 0.
    pub fitted_on: (usize, f64),
    /// The fits used the first this many periods of every cohort only (the user's calibration
    /// period, when shorter than the data); the rest is held out.
    pub calibration: Option<u32>,
    /// Kaplan–Meier retention by months paid (subscriptions only; empty for a cohort table,
    /// which has no customers to follow).
    pub km: Vec<KmRow>,
    /// Months per period of the cohorts (1, 3 or 12): the table's own (chosen, or read from
    /// its labels), or the grain's; `None` when a table's labels do not say.
    pub period_months: Option<u32>,
    /// The month the subscriptions are observed through (later dates censored); `None` for a
    /// cohort table (aggregated elsewhere) or no subscriptions.
    pub observed_through: Option<Month>,
}

/// The survival bands of the sBG and the BdW fits, period 0 to the projection horizon.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Bands {
    /// The covariance of the sBG's (ln α, ln β), sent with the fit to retention economics.
    pub sbg_covariance: Option<[[f64; 2]; 2]>,
    pub sbg: Option<Vec<BandPoint>>,
    pub bdw: Option<Vec<BandPoint>>,
}

/// What the cohorts are computed from, besides the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CohortBasis {
    pub grain: Grain,
    /// Today, from the browser's clock; `None` (natively) takes the data's latest date.
    pub today: Option<Date>,
    /// The user's "data as of" date (spans), overriding the default.
    pub as_of: Option<Date>,
    /// The user's choice of an imported table's period in months, overriding its labels.
    pub table_period: Option<u32>,
    /// Fit on the first this many periods of each cohort only (`None`: every period).
    pub calibration: Option<u32>,
}

impl CohortBasis {
    pub fn of_grain(grain: Grain) -> CohortBasis {
        CohortBasis {
            grain,
            today: None,
            as_of: None,
            table_period: None,
            calibration: None,
        }
    }
}

/// The last date the calendar takes, for "no today" (native tests): every date in the data is
/// then "not after today". In the browser today is always known.
const NO_TODAY: Date = Date {
    year: 2200,
    month: 12,
    day: 31,
};

/// The sBG fit's figures as the section shows them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SbgFigures {
    pub fit: Fit,
    /// α / (α + β): the mean churn probability per period.
    pub mean_churn: f64,
    /// 1 / (α + β + 1): how unequal customers' churn probabilities are.
    pub polarisation: f64,
}

/// Why a fit is not reliable (`None` when it is): stopped at the search bound, not converged,
/// or a parameter not identified (its standard error above its value). The fit status line
/// says it, and the α and β cards carry it as an "unreliable" badge.
pub fn unreliable_reason(fit: &Fit) -> Option<CohortKey> {
    if fit.is_reliable() {
        None
    } else if fit.at_bound {
        Some(CohortKey::WhyAtBound)
    } else if !fit.converged {
        Some(CohortKey::WhyNotConverged)
    } else {
        Some(CohortKey::WhyNotIdentified)
    }
}

/// An imported cohort table wins over cohorts built from subscriptions (its grain is its own).
/// Subscriptions are observed through the user's "data as of" month, else through the last
/// month billed (long form) or the latest start or end (spans) not after today; later dates
/// are censored (`model::observed`).
pub fn analyse(
    subscriptions: &Subscriptions,
    table: Option<&[CohortCell]>,
    basis: CohortBasis,
) -> CohortAnalysis {
    let grain = basis.grain;
    let observed = match table {
        Some(_) => None,
        None => basis
            .as_of
            .map(Date::month)
            .or_else(|| observed_through(subscriptions, basis.today.unwrap_or(NO_TODAY))),
    };
    let cohorts = match (table, observed) {
        (Some(cells), _) => cohorts_from_table(cells),
        (None, Some(through)) => cohorts_through(subscriptions, grain, through),
        (None, None) => Vec::new(),
    };
    // Each cohort's survivors up to its first unobserved period.
    let survivors: Vec<Survivors> = cohorts
        .iter()
        .map(|c| Survivors::from_counts(&c.active.iter().map_while(|a| *a).collect::<Vec<_>>()))
        .collect();
    // A calibration period shorter than the longest cohort holds the later periods out.
    let longest = survivors.iter().map(|s| s.alive.len()).max().unwrap_or(0);
    let calibration = basis
        .calibration
        .filter(|&k| k >= 1 && (k as usize) < longest.saturating_sub(1));
    let fitted: Cow<[Survivors]> = match calibration {
        Some(k) => Cow::Owned(
            survivors
                .iter()
                .map(|s| Survivors {
                    alive: s.alive.iter().take(k as usize + 1).copied().collect(),
                })
                .collect(),
        ),
        None => Cow::Borrowed(&survivors),
    };
    let sbg = fit(&fitted);
    let usable = fitted.iter().filter(|s| s.alive.len() >= 2);
    let customers: f64 = usable.clone().map(|s| s.alive[0]).sum();
    let fitted_on = (usable.count(), customers);
    let bdw = sbg
        .as_ref()
        .ok()
        .and_then(|s| Some((s, fit_bdw_from(&fitted, s).ok()?)))
        .map(|(s, b)| (b, compare(s, &b, customers)));
    // The horizon of the curves chart and the projected-values table.
    let horizon = projection_horizon(average_curve(&cohorts, Measure::Logo).len());
    let sbg_covariance = sbg.as_ref().ok().and_then(|f| sbg_covariance(f, &fitted));
    let bands = Bands {
        sbg_covariance,
        sbg: sbg
            .as_ref()
            .ok()
            .zip(sbg_covariance)
            .and_then(|(f, v)| sbg_band_with(&f.model, &v, horizon)),
        bdw: bdw
            .as_ref()
            .and_then(|(b, _)| bdw_band(b, &fitted, horizon)),
    };
    CohortAnalysis {
        fit: sbg.map(|f| SbgFigures {
            fit: f,
            mean_churn: f.model.mean_churn(),
            polarisation: f.model.polarisation(),
        }),
        bdw,
        bands,
        fitted_on,
        calibration,
        alive_now: alive_now(&survivors),
        km: match (table, observed) {
            (None, Some(through)) => kaplan_meier(&months_paid(subscriptions, through)),
            _ => Vec::new(),
        },
        cohorts: Rc::new(cohorts),
        period_months: match (table, basis.table_period) {
            (Some(_), Some(chosen)) => Some(chosen),
            _ => cohort_period_months(table, grain),
        },
        observed_through: observed,
    }
}

/// The last period projected when the longest cohort has `observed` periods (0 included):
/// [`PROJECTION_PERIODS`] beyond it.
pub fn projection_horizon(observed: usize) -> u32 {
    (observed + PROJECTION_PERIODS).saturating_sub(1) as u32
}

/// The axis title of periods since start for periods of `months` (the grain's, or an
/// imported table's own).
pub fn period_axis(months: Option<u32>) -> CohortKey {
    match months {
        Some(1) => CohortKey::MonthsSince,
        Some(3) => CohortKey::QuartersSince,
        Some(12) => CohortKey::YearsSince,
        _ => CohortKey::PeriodsSince,
    }
}

/// The model that projects: the user's pick, else the one the data supports
/// ([`compare`]: the BdW when c = 1 is rejected at 5 % and its fit is reliable), else the sBG.
pub fn projecting(analysis: &CohortAnalysis, view: CohortView) -> Preferred {
    view.projection
        .or_else(|| analysis.bdw.as_ref().map(|(_, c)| c.preferred))
        .unwrap_or(Preferred::Sbg)
}

/// The projecting model's survival S(0..=horizon) and its band, when that model's fit is
/// reliable: a fit that did not converge, stopped at a bound or cannot tell its parameters
/// apart is not projected, its curve would be a guess drawn as a forecast.
#[derive(Debug, Clone, PartialEq)]
pub struct Projected<'a> {
    pub model: Preferred,
    pub survival: Vec<f64>,
    /// Empty when the band is not defined (the covariance of the estimates is not).
    pub band: &'a [BandPoint],
}

pub fn projected(
    analysis: &CohortAnalysis,
    view: CohortView,
    horizon: u32,
) -> Option<Projected<'_>> {
    let model = projecting(analysis, view);
    let (survival, band) = match model {
        Preferred::Bdw => {
            let (b, _) = analysis.bdw.as_ref().filter(|(b, _)| b.is_reliable())?;
            (b.model.survival(horizon), &analysis.bands.bdw)
        }
        Preferred::Sbg => {
            let f = analysis.fit.as_ref().ok().filter(|f| f.fit.is_reliable())?;
            (f.fit.model.survival(horizon), &analysis.bands.sbg)
        }
    };
    Some(Projected {
        model,
        survival,
        band: band.as_deref().unwrap_or_default(),
    })
}

/// Every cohort's curve, the weighted average, the compared cohorts (by label) highlighted
/// and, for logo retention, the fit projected [`PROJECTION_PERIODS`] beyond the data.
pub fn curves(
    analysis: &CohortAnalysis,
    view: CohortView,
    lang: Lang,
    compared: &[Option<String>],
) -> CohortCurves {
    let curve = |c: &Cohort| Curve {
        label: c.label.clone(),
        values: (0..c.active.len())
            .map(|p| retention(c, view.measure, p).unwrap_or(f64::NAN))
            .collect(),
    };
    let average = average_curve(&analysis.cohorts, view.measure);
    let observed = average.len();
    let horizon = projection_horizon(observed);
    // The model is drawn dotted over the periods it was fitted on, dashed beyond.
    let fitted = analysis.calibration.map_or(observed, |k| k as usize + 1);
    let model = projected(analysis, view, horizon)
        .filter(|_| view.measure == Measure::Logo)
        .map(|p| Projection {
            curve: Curve {
                label: lang
                    .t(match p.model {
                        Preferred::Sbg => CohortKey::SbgFit,
                        Preferred::Bdw => CohortKey::BdwFit,
                    })
                    .into(),
                values: p.survival,
            },
            fitted,
            band: p.band.iter().map(|b| (b.low, b.high)).collect(),
        });
    let held_out = match (analysis.calibration, view.measure) {
        (Some(k), Measure::Logo) => Some(k as usize),
        _ => None,
    };
    CohortCurves {
        title: lang
            .t(match view.measure {
                Measure::Logo => CohortKey::CurvesTitleLogo,
                Measure::Revenue => CohortKey::CurvesTitleRevenue,
            })
            .into(),
        x_label: lang.t(period_axis(analysis.period_months)).into(),
        y_label: lang.t(CohortKey::RetentionAxis).into(),
        cohorts: analysis.cohorts.iter().map(curve).collect(),
        average: Curve {
            label: lang.t(CohortKey::WeightedAverage).into(),
            values: average,
        },
        compared: compared
            .iter()
            .flatten()
            .filter_map(|l| analysis.cohorts.iter().find(|c| &c.label == l))
            .map(curve)
            .collect(),
        model,
        held_out,
        cohorts_label: lang.t(CohortKey::CohortLines).into(),
        band_label: lang.t(CohortKey::BandLegend).into(),
        held_out_label: lang.t(CohortKey::HeldOutLegend).into(),
        projection_label: lang
            .t(match projecting(analysis, view) {
                Preferred::Sbg => CohortKey::SbgProjection,
                Preferred::Bdw => CohortKey::BdwProjection,
            })
            .into(),
    }
}

pub mod base;
pub mod km;
pub mod models;
pub mod projection;
#[cfg(test)]
mod tests;
