//! What every Operations and Team panel shares: the context they read and the small rules
//! for showing a figure (a percentage, a raw data value, a short label, a missing column).

use crate::derive::health::HealthFigures;
use crate::derive::panel::Panel;
use crate::i18n::{Currency, Lang, OpsKey};
use crate::model::economics::EconomicsInputs;
use crate::model::period::PeriodSbg;
use crate::model::portfolio::Customer;
use crate::model::renewal::Forecast;
use crate::model::tiers::TierRules;

/// Everything the panels read: the customers and what the other sections already computed
/// from them (health scores, tiers, the renewal forecast) and the baseline scenario.
#[derive(Clone, Copy)]
pub struct OpsContext<'a> {
    /// The customers in use: as loaded, with the chosen column as their north star.
    pub customers: &'a [Customer],
    /// The customers as loaded (the finder ranks the file's own columns) and the column chosen
    /// as north star (`None`: the file's own).
    pub loaded: &'a [Customer],
    pub north_star_column: Option<&'a str>,
    /// Scores, tiers, bands and the data date (`analysis.as_of`).
    pub health: &'a HealthFigures,
    /// The renewal forecast of the next 12 months; `None` when the renewal fit failed.
    pub forecast: Option<&'a Forecast>,
    /// The baseline scenario's last valid inputs and the heterogeneity in use.
    pub baseline: &'a EconomicsInputs,
    pub heterogeneity: &'a PeriodSbg,
    /// Today's tier rules (the tier board scores a previous health with them).
    pub tier_rules: TierRules,
    pub lang: Lang,
    pub currency: Currency,
}

/// A panel that cannot compute without `columns` (canonical column names): says so.
pub fn needs(panel: Panel, lang: Lang, columns: &[&str]) -> Panel {
    panel.needing(lang.fill(OpsKey::Needs, &[("columns", &columns.join(", "))]))
}

/// A fraction as a percentage with one decimal, "—" when undefined.
pub fn percent(fraction: Option<f64>) -> String {
    match fraction.filter(|f| f.is_finite()) {
        Some(f) => format!("{:.1}%", f * 100.0),
        None => "—".to_string(),
    }
}

/// A category name cut to `max` characters, "…" marking the cut, so that the labels under a
/// chart's bars stay apart (the table beside it has the full names).
pub fn short_label(name: &str, max: usize) -> String {
    if name.chars().count() <= max {
        name.to_string()
    } else {
        let cut: String = name.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

/// A raw number for a `data-*` attribute: empty when undefined (the hooks' convention).
pub fn data_value(value: Option<f64>) -> String {
    value
        .filter(|v| v.is_finite())
        .map(|v| v.to_string())
        .unwrap_or_default()
}
