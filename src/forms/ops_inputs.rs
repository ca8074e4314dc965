//! What the user sets in the Operations and Team sections (issue 18): the onboarding lever's
//! target, the CS funnel's window and filters, and the CS headcount for ARR per head.
//! Settings of a workshop, not of a scenario: kept in memory with the loaded data.

use crate::model::tiers::Tier;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct OpsInputs {
    /// The onboarding lever's target: the share (0–1) activated within 90 days; `None` until
    /// the user sets one (the panel then proposes +10 points).
    pub activation_target: Option<f64>,
    /// The CS funnel's window: customers who started in this calendar year; `None` = all.
    pub funnel_year: Option<i32>,
    pub funnel_tier: Option<Tier>,
    pub funnel_segment: Option<String>,
    /// The funnel's activity rule: north star above this (north-star units); `None` = the
    /// default, 0 (any use).
    pub funnel_active_threshold: Option<f64>,
    /// Everyone in customer success (all roles), for ARR per CS head; `None` until typed.
    pub cs_headcount: Option<f64>,
}
