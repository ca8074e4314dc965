//! The sections' settings kept in the state: health and renewal settings, what the economics
//! section shows, import progress. (The heterogeneity and the cohorts' view are settings the
//! user types or picks, so they live with the other forms: `forms::view_settings`.)

use crate::model::health::{Measure as HealthMeasure, Scorecard, Stage};
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

/// How far a large import has got (reading happens in chunks between repaints).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportProgress {
    pub file: String,
    pub rows: usize,
}
