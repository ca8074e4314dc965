//! Fixtures shared by the crate's unit tests (compiled for tests only): one place for what
//! more than one test file builds.
//!
//! - [`Fixture`]: the context the Operations and Team panels read, built the way the app
//!   builds it (health from the default scorecard, the sample scenarios' baseline), and the
//!   readers of a panel's rows, data attributes and metrics.
//! - The sample economics inputs are `forms::economics_form::SAMPLE_INPUTS`, used as they are.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use crate::data::Origin;
use crate::derive::health::{health, health_basis, HealthFigures};
use crate::derive::operations::OpsContext;
use crate::derive::panel::{Panel, Row};
use crate::forms::scenario::Scenarios;
use crate::forms::view_settings::Heterogeneity;
use crate::i18n::{Currency, Lang};
use crate::model::economics::EconomicsInputs;
use crate::model::period::PeriodSbg;
use crate::model::portfolio::Customer;
use crate::model::tiers::TierRules;

/// What a panel needs besides its customers, built as the app builds it.
pub struct Fixture {
    pub customers: Vec<Customer>,
    pub health: HealthFigures,
    pub baseline: EconomicsInputs,
    pub heterogeneity: PeriodSbg,
}

impl Fixture {
    pub fn new(customers: Vec<Customer>) -> Fixture {
        let basis = health_basis(&customers);
        let health = health(
            &customers,
            &Origin::Sample,
            None,
            &TierRules::default(),
            &basis,
            Lang::En,
            Currency::Usd,
        );
        Fixture {
            customers,
            health,
            baseline: Scenarios::sample().list[0].last_valid,
            heterogeneity: Heterogeneity::default().sbg(),
        }
    }

    pub fn context(&self, lang: Lang) -> OpsContext<'_> {
        OpsContext {
            customers: &self.customers,
            loaded: &self.customers,
            north_star_column: None,
            health: &self.health,
            forecast: None,
            baseline: &self.baseline,
            heterogeneity: &self.heterogeneity,
            tier_rules: TierRules::default(),
            lang,
            currency: Currency::Usd,
        }
    }
}

/// The rows of a panel's table with a test id.
pub fn rows<'p>(panel: &'p Panel, test_id: &str) -> Vec<&'p Row> {
    panel
        .table
        .iter()
        .flat_map(|t| t.rows.iter())
        .filter(|r| r.test_id == test_id)
        .collect()
}

/// A row's data attribute.
pub fn data<'r>(row: &'r Row, name: &str) -> &'r str {
    row.data
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or_else(|| panic!("{name} missing"))
}

/// A metric's raw value.
pub fn value(panel: &Panel, name: &str) -> Option<f64> {
    panel
        .metrics
        .iter()
        .find(|m| m.name == name)
        .unwrap_or_else(|| panic!("metric {name} missing"))
        .value
}

/// Whether `text` shows a non-finite number as Rust writes one (`NaN`, `inf`, `-inf`, by
/// Display and Debug): a whole ASCII word, so a segment "information services", a CSM
/// "Winfred" or the word "inferred" do not count, while "增长NaN" or "inf%" do.
pub fn has_non_finite(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| w == "NaN" || w == "inf")
}

/// Whether every number a panel carries is finite: metric values, chart values, and no
/// `NaN` or `inf` word in anything it shows.
pub fn panel_is_finite(panel: &Panel) -> bool {
    use crate::derive::panel::PanelChart;
    let metrics = panel
        .metrics
        .iter()
        .all(|m| m.value.is_none_or(f64::is_finite));
    let charts = panel.charts.iter().all(|c| match c {
        PanelChart::Bars { chart, .. } => chart.bars.iter().all(|b| b.value.is_finite()),
        PanelChart::Stacked { chart, .. } => chart
            .series
            .iter()
            .all(|s| s.values.iter().all(|v| v.is_finite())),
    });
    metrics && charts && !has_non_finite(&format!("{panel:?}"))
}

#[test]
fn non_finite_words_are_found_and_names_are_not() {
    for text in [
        "value: Some(NaN)",
        "Some(inf)",
        "增长-inf%",
        "inf%",
        "增长NaN",
    ] {
        assert!(has_non_finite(text), "{text}");
    }
    for text in [
        "information services",
        "Information",
        "Winfred Lee",
        "Linfeng",
        "inferred from",
        "信息技术 infra",
        "Infinity Labs",
    ] {
        assert!(!has_non_finite(text), "{text}");
    }
}
