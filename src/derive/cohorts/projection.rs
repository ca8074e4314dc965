//! The projecting model's values with their 90 % band, period by period, beside the observed
//! weighted average; and, when the fit is calibrated on the first periods only, its error at
//! the last observed period (how Fader & Hardie evaluate a projection: fit on the first years,
//! compare with the years held out).

use super::{projected, projection_horizon, CohortAnalysis};
use crate::forms::view_settings::CohortView;
use crate::model::band::BandPoint;
use crate::model::bdw::Preferred;
use crate::model::cohort::{average_curve, Measure};

/// One period of the projected-values table.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ProjectionRow {
    /// S(t) with its band, r(t) with its band; a band equal to the value when undefined.
    pub point: BandPoint,
    /// Whether the band is defined (else the table shows "—" and why).
    pub banded: bool,
    /// The observed size-weighted average logo retention, where there is one.
    pub observed: Option<f64>,
    /// Beyond the periods the model was fitted on: a projection, or a held-out period.
    pub projected: bool,
}

/// The error of a calibrated fit where the data end: projected minus observed survival.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Holdout {
    pub calibration: u32,
    pub period: u32,
    pub projected: f64,
    pub observed: f64,
}

impl Holdout {
    /// Projected minus observed, in percentage points.
    pub fn error_points(&self) -> f64 {
        (self.projected - self.observed) * 100.0
    }
}

/// What the projection panel shows.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectionTable {
    pub model: Preferred,
    /// Periods 1 to the horizon.
    pub rows: Vec<ProjectionRow>,
    pub holdout: Option<Holdout>,
}

/// The table of the model projecting now, or `None` when no reliable fit projects.
pub fn projection_table(analysis: &CohortAnalysis, view: CohortView) -> Option<ProjectionTable> {
    let average = average_curve(&analysis.cohorts, Measure::Logo);
    let horizon = projection_horizon(average.len());
    let p = projected(analysis, view, horizon)?;
    let fitted = analysis
        .calibration
        .map_or(average.len(), |k| k as usize + 1);
    let rows = (1..p.survival.len())
        .map(|t| {
            let banded = p.band.get(t).is_some_and(|b| b.period as usize == t);
            let point = if banded {
                p.band[t]
            } else {
                let s = p.survival[t];
                let r = (p.survival[t - 1] > 0.0).then(|| s / p.survival[t - 1]);
                BandPoint {
                    period: t as u32,
                    mid: s,
                    low: s,
                    high: s,
                    rate: r.map(|r| (r, r, r)),
                }
            };
            ProjectionRow {
                point,
                banded,
                observed: average.get(t).copied().filter(|v| v.is_finite()),
                projected: t >= fitted,
            }
        })
        .collect();
    let holdout = analysis.calibration.and_then(|k| {
        let last = average.len().checked_sub(1)?;
        (last > k as usize).then(|| Holdout {
            calibration: k,
            period: last as u32,
            projected: p.survival[last],
            observed: average[last],
        })
    });
    Some(ProjectionTable {
        model: p.model,
        rows,
        holdout,
    })
}
