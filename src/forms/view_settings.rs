//! Settings the user picks that the derive layer reads: the sBG heterogeneity of retention
//! economics and how the cohorts section shows the data.

use crate::model::bdw::Preferred;
use crate::model::calendar::Date;
use crate::model::cohort::{Grain, Measure};
use crate::model::period::PeriodSbg;
use crate::model::sbg::Sbg;

/// The sBG setting of retention economics, the length of its period, and where it came from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Heterogeneity {
    pub model: Sbg,
    /// Months per period of α, β and the discount: 1 by default; the cohorts' own period once
    /// a fit is sent (1, 3 or 12), kept when a slider moves the setting afterwards (the
    /// sliders say "per period", and the panel names the period).
    pub period_months: u32,
    /// Whether the setting was sent from a cohort fit (otherwise set by hand).
    pub from_cohorts: bool,
    /// Discount rate per period, a fraction.
    pub discount: f64,
    /// The covariance of (ln α, ln β) of the cohort fit that sent α and β (its parameter
    /// uncertainty, for the bands of the figures built on them); `None` when set by hand.
    pub covariance: Option<[[f64; 2]; 2]>,
}

impl Heterogeneity {
    /// The setting with the mean churn per period moved by its slider (set by hand, in the same
    /// period); unchanged when the pair is not a valid sBG.
    pub fn with_mean_churn(self, mean: f64) -> Heterogeneity {
        Sbg::from_mean_and_polarisation(mean, self.model.polarisation())
            .map_or(self, |model| self.set_by_hand(model))
    }

    /// The setting with the polarisation moved by its slider (set by hand, in the same period).
    pub fn with_polarisation(self, polarisation: f64) -> Heterogeneity {
        Sbg::from_mean_and_polarisation(self.model.mean_churn(), polarisation)
            .map_or(self, |model| self.set_by_hand(model))
    }

    /// The setting with the discount rate per period moved by its slider.
    pub fn with_discount(self, discount: f64) -> Heterogeneity {
        Heterogeneity { discount, ..self }
    }

    fn set_by_hand(self, model: Sbg) -> Heterogeneity {
        // The period stays: a yearly fit's α and β re-read as monthly would silently change
        // every figure built on them (issue 25: +14.6 % sBG LTV on the FH 2007 fit).
        Heterogeneity {
            model,
            from_cohorts: false,
            covariance: None,
            ..self
        }
    }

    /// α, β with their period, as the economics model takes them.
    pub fn sbg(&self) -> PeriodSbg {
        PeriodSbg {
            model: self.model,
            period_months: self.period_months,
        }
    }
}

impl Default for Heterogeneity {
    fn default() -> Self {
        // 3 % mean monthly churn, polarisation 0.1, 1 % discount per month (≈ 12.7 % a year).
        Heterogeneity {
            model: Sbg {
                alpha: 0.27,
                beta: 8.73,
            },
            period_months: 1,
            from_cohorts: false,
            discount: 0.01,
            covariance: None,
        }
    }
}

/// View settings of the cohorts section.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct CohortView {
    pub measure: Measure,
    pub grain: Grain,
    /// Show counts (customers, revenue) instead of percentages.
    pub absolute: bool,
    /// The "data as of" date the user set for spans (`None`: the default, see
    /// `derive::cohorts::analyse`).
    pub as_of: Option<Date>,
    /// The period in months the user chose for an imported cohort table (`None`: read from
    /// its labels).
    pub table_period: Option<u32>,
    /// The model that projects retention, as the user picked it (`None`: the one the data
    /// supports, `model::bdw::compare`).
    pub projection: Option<Preferred>,
    /// The annual discount rate of the customer-base value (a fraction; `None`: the baseline
    /// scenario's).
    pub base_discount: Option<f64>,
    /// Fit on each cohort's first this many periods only, holding the rest out (`None`: every
    /// period).
    pub calibration: Option<u32>,
}
