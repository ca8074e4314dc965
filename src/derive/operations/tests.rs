//! The panels on small portfolios worked by hand, and on portfolios without the columns they
//! need, through the shared `Fixture` (`crate::tests`).
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use super::*;
use crate::derive::panel::PanelChart;
use crate::i18n::Lang;
use crate::tests::{data, rows, value, Fixture};

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
