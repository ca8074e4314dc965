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
    // Every answer: 100 × (2 − 2) / 5 = 0. Current customers (the churned 3 leaves): 10, 9,
    // 8, 0 → 100 × (2 − 1) / 4 = 25, the headline.
    assert_eq!(value(&panel, "nps"), Some(25.0));
    assert_eq!(value(&panel, "nps-respondents"), Some(4.0));
    assert_eq!(value(&panel, "nps-all"), Some(0.0));
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
    // The distribution of the current customers' answers (the churned 3 is not drawn): one
    // stacked series per group, counts at their answers.
    let Some(PanelChart::Stacked { chart, .. }) = panel.charts.first() else {
        panic!("a stacked distribution")
    };
    let total: Vec<f64> = (0..=10)
        .map(|a| chart.series.iter().map(|s| s.values[a]).sum())
        .collect();
    assert_eq!(
        total,
        vec![1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0]
    );
}

#[test]
fn a_fractional_answer_is_rounded_the_same_everywhere() {
    use crate::model::health::Measure;
    use crate::model::operations::tier_board::board;
    use crate::model::tiers::Tier;
    // 8.6 rounds to 9 (a promoter), 8.4 to 8 (a passive), 6.5 to 7 (a passive): by hand,
    // NPS = 100 × (1 − 0) / 3 = 33.3… in the panel and in the tier board alike.
    let customers = vec![
        answered(Some(8.6), None, 0.0, 0.0),
        answered(Some(8.4), None, 0.0, 0.0),
        answered(Some(6.5), None, 0.0, 0.0),
    ];
    let fixture = Fixture::new(customers.clone());
    let panel = nps::nps_panel(&fixture.context(Lang::En));
    let third = 100.0 / 3.0;
    assert!((value(&panel, "nps").unwrap() - third).abs() < 1e-9);
    let b = board(&customers, &[Some(Tier::Growth); 3], &[Some(50.0); 3], &[]);
    let growth = b.rows[Tier::Growth as usize].nps;
    assert!((growth.unwrap() - third).abs() < 1e-9, "{growth:?}");
    // The scorecard reads the same whole answers: 9, 8 and 7.
    let as_of = crate::model::calendar::Date::new(2026, 1, 1).unwrap();
    let raw: Vec<Option<f64>> = customers
        .iter()
        .map(|c| Measure::Nps.raw(c, as_of))
        .collect();
    assert_eq!(raw, vec![Some(9.0), Some(8.0), Some(7.0)]);
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
