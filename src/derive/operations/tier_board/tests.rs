//! The tier board on a hand-worked portfolio (tiers and scores set by hand), without the
//! optional columns, and empty.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use super::tier_board_panel;
use crate::derive::panel::PanelChart;
use crate::i18n::Lang;
use crate::model::portfolio::Customer;
use crate::model::tiers::Tier;
use crate::tests::{data, has_non_finite, rows, value, Fixture};

fn customer(
    arr: f64,
    expansion: f64,
    referrals: f64,
    nps: f64,
    renewed: Option<bool>,
    prev_tier: Option<Tier>,
) -> Customer {
    Customer {
        arr,
        expansion_arr: Some(expansion),
        referrals: Some(referrals),
        nps: Some(nps),
        renewed,
        prev_tier,
        ..Customer::default()
    }
}

/// A: lighthouse now, standard before, renewed; B: growth now, standard before, renewed;
/// C: standard now and before, no outcome; D: churned, growth before.
fn worked() -> Fixture {
    let mut f = Fixture::new(vec![
        customer(600.0, 100.0, 2.0, 10.0, Some(true), Some(Tier::Standard)),
        customer(300.0, 50.0, 1.0, 8.0, Some(true), Some(Tier::Standard)),
        customer(100.0, 0.0, 0.0, 3.0, None, Some(Tier::Standard)),
        customer(200.0, 0.0, 0.0, 9.0, Some(false), Some(Tier::Growth)),
    ]);
    f.health.analysis.tiers = vec![
        Some(Tier::Lighthouse),
        Some(Tier::Growth),
        Some(Tier::Standard),
        None,
    ];
    f.health.analysis.scores = vec![Some(90.0), Some(70.0), Some(50.0), None];
    f
}

#[test]
fn tier_rows_renewal_by_previous_tier_and_upgrade_rate_by_hand() {
    let f = worked();
    let panel = tier_board_panel(&f.context(Lang::En));
    assert_eq!(panel.id, "team-tiers");
    assert_eq!(panel.needs, None);
    let tiers = rows(&panel, "tier-kpi");
    let keys: Vec<&str> = tiers.iter().map(|r| data(r, "data-tier")).collect();
    assert_eq!(keys, ["lighthouse", "growth", "standard"]);
    // One customer per tier now (D is churned: no tier); ARR 600 / 300 / 100 of 1000.
    let customers: Vec<&str> = tiers.iter().map(|r| data(r, "data-customers")).collect();
    assert_eq!(customers, ["1", "1", "1"]);
    let arr: Vec<&str> = tiers.iter().map(|r| data(r, "data-arr")).collect();
    assert_eq!(arr, ["600", "300", "100"]);
    assert_eq!(tiers[0].cells[3], "60.0%");
    // Renewal by previous tier: standard before = A, B renewed (C has no outcome) → 2/2; in
    // revenue A and B were up for renewal at 600 − 100 and 300 − 50 = 750 and kept 900: 续费率
    // 900 / 750 = 120 %, upgrades included; growth before = D churned → 0/1 and 0/200;
    // lighthouse before: nobody.
    assert_eq!(tiers[2].cells[4], "100.0%");
    assert_eq!(tiers[2].cells[5], "120.0%");
    assert_eq!(data(tiers[2], "data-logo-renewal"), "1");
    assert_eq!(data(tiers[2], "data-dollar-renewal"), "1.2");
    assert_eq!(data(tiers[1], "data-dollar-renewal"), "0");
    assert_eq!(data(tiers[0], "data-dollar-renewal"), "");
    assert_eq!(tiers[1].cells[4], "0.0%");
    assert_eq!(tiers[1].cells[5], "0.0%");
    assert_eq!(tiers[0].cells[4], "—");
    // Lighthouse expansion 100 / 600 = 16.7 %; mean health 90; NPS of one promoter = 100.
    assert_eq!(tiers[0].cells[7], "16.7%");
    assert_eq!(tiers[0].cells[9], "90.0");
    assert_eq!(tiers[0].cells[10], "100.0");
    // Growth: one passive (8) → NPS 0; standard: one detractor (3) → −100.
    assert_eq!(tiers[1].cells[10], "0.0");
    assert_eq!(tiers[2].cells[10], "-100.0");
    // Previously standard and still active: A, B, C; upgraded A (lighthouse) and B (growth).
    let rate = value(&panel, "standard-upgrade-rate").unwrap();
    assert!((rate - 2.0 / 3.0).abs() < 1e-12);
    // Migration: from standard one each to lighthouse, growth, standard; from growth one
    // churned; series lighthouse, growth, standard, churned over previous tiers L, G, S.
    let Some(PanelChart::Stacked { chart, .. }) = panel.charts.get(1) else {
        panic!("a migration chart")
    };
    let values: Vec<Vec<f64>> = chart.series.iter().map(|s| s.values.clone()).collect();
    assert_eq!(
        values,
        vec![
            vec![0.0, 0.0, 1.0],
            vec![0.0, 0.0, 1.0],
            vec![0.0, 0.0, 1.0],
            vec![0.0, 1.0, 0.0],
        ]
    );
    // The stars: the standard team's 4★ note carries the upgrade rate.
    assert!(panel
        .notes
        .iter()
        .any(|n| n.starts_with("Standard team ★★★★:") && n.contains("66.7%")));
    // Star levels per team in seed 004: CS operations 5/4/3, lighthouse 5/4, growth 5/4/3,
    // standard 5/4/3, implementation 5/4 → 3 + 2 + 3 + 3 + 2 = 13 notes.
    assert_eq!(panel.notes.iter().filter(|n| n.contains('★')).count(), 13);
}

#[test]
fn without_previous_tiers_or_optional_columns_the_cells_say_dash_and_the_notes_say_why() {
    let mut f = Fixture::new(vec![
        Customer {
            arr: 100.0,
            renewed: Some(true),
            ..Customer::default()
        },
        Customer {
            arr: 50.0,
            ..Customer::default()
        },
    ]);
    f.health.analysis.tiers = vec![Some(Tier::Standard), Some(Tier::Growth)];
    for lang in [Lang::En, Lang::Zh] {
        let panel = tier_board_panel(&f.context(lang));
        assert_eq!(panel.needs, None);
        assert_eq!(value(&panel, "standard-upgrade-rate"), None);
        let tiers = rows(&panel, "tier-kpi");
        assert_eq!(data(tiers[2], "data-customers"), "1");
        assert_eq!(data(tiers[2], "data-arr"), "100");
        for r in &tiers {
            assert_eq!(&r.cells[4..9], ["—", "—", "—", "—", "—"]);
            assert_eq!(r.cells[10], "—");
        }
        assert!(panel.notes.iter().any(|n| n.contains("prev_tier")));
        assert!(panel
            .notes
            .iter()
            .any(|n| n.contains("expansion_arr, referrals, nps")));
        // No migration chart without previous tiers.
        assert_eq!(panel.charts.len(), 1);
        let text = format!("{panel:?}");
        assert!(!has_non_finite(&text), "{text}");
    }
}

#[test]
fn an_empty_or_all_churned_portfolio_needs_customers() {
    let empty = Fixture::new(Vec::new());
    assert!(tier_board_panel(&empty.context(Lang::En)).needs.is_some());
    let churned = Fixture::new(vec![Customer {
        arr: 10.0,
        renewed: Some(false),
        ..Customer::default()
    }]);
    let panel = tier_board_panel(&churned.context(Lang::Zh));
    assert!(panel.needs.is_some() && panel.table.is_none());
}

#[test]
fn the_sample_fills_every_tier_and_the_migration_without_nan() {
    let f = Fixture::new(crate::sample::sample_portfolio().customers);
    for lang in [Lang::En, Lang::Zh] {
        let panel = tier_board_panel(&f.context(lang));
        assert_eq!(panel.needs, None);
        assert_eq!(rows(&panel, "tier-kpi").len(), 3);
        assert!(value(&panel, "standard-upgrade-rate").is_some());
        assert_eq!(panel.charts.len(), 2);
        let text = format!("{panel:?}");
        assert!(!has_non_finite(&text), "{text}");
    }
}

#[test]
fn a_previous_health_gives_previous_tiers_with_todays_rules() {
    // No prev_tier column; previous health 72 and 65 (growth: ≥ 60; below the lighthouse 75)
    // and 40 (standard). Today: the first two growth, the third churned. Renewal by previous
    // tier: growth 1 of 1 renewed (the other has no outcome).
    let with = |prev: f64, renewed: Option<bool>| Customer {
        arr: 100.0,
        expansion_arr: Some(10.0),
        prev_health: Some(prev),
        renewed,
        ..Customer::default()
    };
    let mut f = Fixture::new(vec![
        with(72.0, Some(true)),
        with(65.0, None),
        with(40.0, Some(false)),
    ]);
    f.health.analysis.tiers = vec![Some(Tier::Growth), Some(Tier::Growth), None];
    let panel = tier_board_panel(&f.context(Lang::En));
    assert!(panel.notes[0].contains("prev_health"), "{:?}", panel.notes);
    // The migration chart is drawn: there is a previous snapshot.
    assert_eq!(panel.charts.len(), 2);
    let Some(PanelChart::Stacked { chart, .. }) = panel.charts.get(1) else {
        panic!("a migration chart")
    };
    // x = previous tier (lighthouse, growth, standard); series growth today holds 2 from growth,
    // churned holds 1 from standard.
    let series = |name: &str| {
        chart
            .series
            .iter()
            .find(|s| s.name == name)
            .map(|s| s.values.clone())
    };
    assert_eq!(series("Growth"), Some(vec![0.0, 2.0, 0.0]));
    assert_eq!(
        series(chart.series[3].name.as_str()),
        Some(vec![0.0, 0.0, 1.0])
    );
}
