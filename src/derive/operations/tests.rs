//! The panels on small portfolios worked by hand, and on portfolios without the columns they
//! need. `Fixture` builds the context the way the app does (health from the default
//! scorecard, the sample scenarios' baseline).
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use super::*;
use crate::data::Origin;
use crate::derive::health::{health, health_basis};
use crate::derive::panel::{PanelChart, Row};
use crate::forms::scenario::Scenarios;
use crate::forms::view_settings::Heterogeneity;
use crate::i18n::{Currency, Lang};
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

fn answered(nps: Option<f64>, renewed: Option<bool>, expansion: f64, referrals: f64) -> Customer {
    Customer {
        arr: 1_000.0,
        nps,
        renewed,
        expansion_arr: Some(expansion),
        referrals: Some(referrals),
        ..Customer::default()
    }
}

#[test]
fn nps_on_a_hand_worked_portfolio() {
    // Answers 10, 9, 8, 3, 0 and one blank: 2 promoters, 1 passive, 2 detractors of 5
    // respondents → NPS = 100 × (2 − 2) / 5 = 0. Promoters: one renewed, one not due → 1/1.
    // Detractors: one churned, one renewed → 1/2. Passive: not due → blank.
    let fixture = Fixture::new(vec![
        answered(Some(10.0), Some(true), 200.0, 1.0),
        answered(Some(9.0), None, 0.0, 0.0),
        answered(Some(8.0), None, 50.0, 0.0),
        answered(Some(3.0), Some(false), 0.0, 0.0),
        answered(Some(0.0), Some(true), 0.0, 2.0),
        answered(None, Some(true), 0.0, 0.0),
    ]);
    let panel = nps::nps_panel(&fixture.context(Lang::En));
    assert_eq!(panel.needs, None);
    assert_eq!(value(&panel, "nps"), Some(0.0));
    assert_eq!(value(&panel, "nps-respondents"), Some(5.0));
    let groups = rows(&panel, "nps-group");
    let by = |key: &str| {
        *groups
            .iter()
            .find(|r| data(r, "data-group") == key)
            .unwrap()
    };
    assert_eq!(data(by("promoter"), "data-count"), "2");
    assert_eq!(data(by("promoter"), "data-renewal-rate"), "1");
    assert_eq!(data(by("passive"), "data-count"), "1");
    assert_eq!(data(by("passive"), "data-renewal-rate"), "");
    assert_eq!(data(by("detractor"), "data-count"), "2");
    assert_eq!(data(by("detractor"), "data-renewal-rate"), "0.5");
    // The distribution: one stacked series per group, counts at their answers.
    let Some(PanelChart::Stacked { chart, .. }) = panel.charts.first() else {
        panic!("a stacked distribution")
    };
    let total: Vec<f64> = (0..=10)
        .map(|a| chart.series.iter().map(|s| s.values[a]).sum())
        .collect();
    assert_eq!(
        total,
        vec![1.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0]
    );
}

#[test]
fn nps_without_answers_says_what_it_needs() {
    let fixture = Fixture::new(vec![answered(None, Some(true), 0.0, 0.0)]);
    let panel = nps::nps_panel(&fixture.context(Lang::Zh));
    assert!(panel.needs.as_deref().unwrap().contains("nps"));
    assert!(panel.metrics.is_empty() && panel.table.is_none());
    let empty = Fixture::new(Vec::new());
    assert!(nps::nps_panel(&empty.context(Lang::En)).needs.is_some());
}
