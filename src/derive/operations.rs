//! The Operations and Team sections (issue 18): one [`Panel`] per question a head of customer
//! success asks of the customers file, computed from the models in
//! [`crate::model::operations`]. Every panel works on any customers file: a panel whose
//! columns are missing says which ([`needs`]) instead of showing zeros.

pub mod books;
pub mod common;
pub mod finder;
pub mod first_value;
pub mod funnel;
pub mod nps;
pub mod revenue;
pub mod segments;
pub mod tier_board;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

pub use common::OpsContext;

use crate::derive::health::HealthFigures;
use crate::derive::panel::Panel;
use crate::derive::renewal::{renewal, Fitted};
use crate::forms::ops_inputs::OpsInputs;
use crate::i18n::{Currency, Lang};
use crate::model::economics::EconomicsInputs;
use crate::model::period::PeriodSbg;
use crate::model::portfolio::Customer;
use crate::model::tiers::TierRules;

/// Which of the two sections' panels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PanelSet {
    /// NPS, the north-star finder, first value, the CS funnel, revenue by source, segments.
    Operations,
    /// The tier KPI board and CSM books.
    Team,
}

/// The panels of `set` from the customers (in use, as loaded, and the column chosen as north
/// star) and what the other sections already computed: the health figures and the renewal fit
/// of the same customers (the forecast taken without the renewal section's
/// "if the north star rises" lift, so a slider there never moves these panels).
#[allow(clippy::too_many_arguments)]
pub fn panels(
    set: PanelSet,
    (customers, loaded, north_star_column): (&[Customer], &[Customer], Option<&str>),
    health: &HealthFigures,
    fitted: Option<&Fitted>,
    baseline: &EconomicsInputs,
    heterogeneity: &PeriodSbg,
    tier_rules: TierRules,
    inputs: &OpsInputs,
    lang: Lang,
    currency: Currency,
) -> Vec<Panel> {
    let forecast = fitted.map(|f| renewal(customers, f, 0.0, lang));
    let cx = OpsContext {
        customers,
        loaded,
        north_star_column,
        health,
        forecast: forecast
            .as_ref()
            .filter(|r| r.fit.is_ok())
            .map(|r| &r.forecast),
        baseline,
        heterogeneity,
        tier_rules,
        lang,
        currency,
    };
    match set {
        PanelSet::Operations => operations_panels(&cx, inputs),
        PanelSet::Team => team_panels(&cx, inputs),
    }
}

/// The Operations section's panels, in the order a head of CS reads them.
pub fn operations_panels(cx: &OpsContext, inputs: &OpsInputs) -> Vec<Panel> {
    vec![
        finder::finder_panel(cx),
        nps::nps_panel(cx),
        first_value::first_value_panel(cx, inputs),
        funnel::funnel_panel(cx, inputs),
        revenue::revenue_panel(cx),
        segments::segments_panel(cx),
    ]
}

/// The Team section's panels.
pub fn team_panels(cx: &OpsContext, inputs: &OpsInputs) -> Vec<Panel> {
    vec![
        tier_board::tier_board_panel(cx),
        books::books_panel(cx, inputs),
    ]
}
