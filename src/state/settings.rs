//! The sections' settings kept in the state: health and renewal settings, the sBG heterogeneity
//! of retention economics, what the economics and cohorts sections show, import progress.

use crate::model::cohort::{Grain, Measure};
use crate::model::health::{Measure as HealthMeasure, Scorecard, Stage};
use crate::model::period::PeriodSbg;
use crate::model::sbg::Sbg;
use crate::model::tiers::TierRules;

/// Settings of the health and renewal sections.
#[derive(Debug, Clone, PartialEq)]
pub struct HealthSettings {
    /// `None`: the default scorecard for the loaded customers (its north-star target follows
    /// the data); `Some` once the user edits it.
    pub card: Option<Scorecard>,
    /// The stage whose weights the editor shows.
    pub profile: Stage,
    pub tier_rules: TierRules,
    /// Inputs of the renewal model, the north star first.
    pub renewal_inputs: Vec<HealthMeasure>,
    /// "If the north star rises by X %": a fraction.
    pub north_star_lift: f64,
    /// The column made the north star from the finder (`None`: the file's own north star).
    pub north_star_column: Option<String>,
}

impl Default for HealthSettings {
    fn default() -> Self {
        HealthSettings {
            card: None,
            profile: Stage::Steady,
            tier_rules: TierRules::default(),
            renewal_inputs: vec![HealthMeasure::NorthStar],
            north_star_lift: 0.1,
            north_star_column: None,
        }
    }
}

/// What the retention-economics section shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EconomicsView {
    #[default]
    Bridge,
    Scenarios,
}

/// The sBG setting of retention economics, the length of its period, and where it came from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Heterogeneity {
    pub model: Sbg,
    /// Months per period of α, β and the discount: 1 when set by hand (the sliders say "per
    /// month"), the cohorts' own period when sent from a fit (1, 3 or 12).
    pub period_months: u32,
    /// Whether the setting was sent from a cohort fit (otherwise set by hand).
    pub from_cohorts: bool,
    /// Discount rate per period, a fraction.
    pub discount: f64,
}

impl Heterogeneity {
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
        }
    }
}

/// View settings of the cohorts section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CohortView {
    pub measure: Measure,
    pub grain: Grain,
    /// Show counts (customers, revenue) instead of percentages.
    pub absolute: bool,
    /// The "data as of" date the user set for spans (`None`: the default, see
    /// `derive::cohorts::analyse`).
    pub as_of: Option<crate::model::calendar::Date>,
    /// The period in months the user chose for an imported cohort table (`None`: read from
    /// its labels).
    pub table_period: Option<u32>,
}

/// How far a large import has got (reading happens in chunks between repaints).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportProgress {
    pub file: String,
    pub rows: usize,
}
