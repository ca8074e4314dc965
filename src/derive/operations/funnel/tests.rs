//! The funnel on a portfolio worked by hand, its filters, and without start dates.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use super::*;
use crate::model::health::Scorecard;
use crate::tests::{data, rows, Fixture};

struct Spec {
    start: (i32, u8, u8),
    ttfv: Option<f64>,
    north_star: f64,
    renewed: Option<bool>,
    referrals: f64,
    expansion: f64,
    segment: &'static str,
}

fn customer(s: Spec) -> Customer {
    Customer {
        arr: 1_000.0,
        first_start: Date::new(s.start.0, s.start.1, s.start.2),
        ttfv_days: s.ttfv,
        north_star: Some(s.north_star),
        renewed: s.renewed,
        referrals: Some(s.referrals),
        expansion_arr: Some(s.expansion),
        segment: Some(s.segment.into()),
        ..Customer::default()
    }
}

/// Seven customers and the step each reaches with the activity threshold 50 ([`active_50`]):
/// 1 referral (referred), 2 revenue, 3 retention (not due), 4 activation (north star 10),
/// 5 acquisition (no TTFV), 6 retention (due, churned), 7 referral (expansion).
fn fixture() -> Fixture {
    let spec = |start, ttfv, north_star, renewed, referrals, segment| Spec {
        start,
        ttfv,
        north_star,
        renewed,
        referrals,
        expansion: 0.0,
        segment,
    };
    let mut seventh = customer(Spec {
        expansion: 500.0,
        ..spec((2026, 2, 1), Some(10.0), 90.0, Some(true), 0.0, "Finance")
    });
    seventh.contract_start = seventh.first_start;
    let mut fixture = Fixture::new(vec![
        customer(spec(
            (2025, 3, 1),
            Some(30.0),
            60.0,
            Some(true),
            1.0,
            "Retail",
        )),
        customer(spec(
            (2025, 6, 1),
            Some(60.0),
            55.0,
            Some(true),
            0.0,
            "Retail",
        )),
        customer(spec((2025, 7, 1), Some(90.0), 70.0, None, 0.0, "Finance")),
        customer(spec(
            (2025, 8, 1),
            Some(40.0),
            10.0,
            Some(true),
            0.0,
            "Finance",
        )),
        customer(spec((2025, 9, 1), None, 0.0, None, 0.0, "Retail")),
        customer(spec(
            (2024, 5, 1),
            Some(20.0),
            80.0,
            Some(false),
            0.0,
            "Retail",
        )),
        seventh,
    ]);
    // A scorecard whose north-star target differs from the funnel's threshold: the funnel must
    // not read it.
    fixture.health.card = Scorecard::with_target(85.0);
    fixture
}

/// The settings with the activity threshold at 50.
fn active_50() -> OpsInputs {
    OpsInputs {
        funnel_active_threshold: Some(50.0),
        ..OpsInputs::default()
    }
}

fn counts(panel: &Panel) -> Vec<(String, usize)> {
    rows(panel, "funnel-step")
        .iter()
        .map(|r| {
            let count = data(r, "data-count").parse().unwrap();
            (data(r, "data-step").to_string(), count)
        })
        .collect()
}

fn keyed(counts: [usize; 5]) -> Vec<(String, usize)> {
    Step::ALL
        .iter()
        .zip(counts)
        .map(|(s, n)| (s.key().to_string(), n))
        .collect()
}

#[test]
fn the_whole_window_by_hand() {
    // All starts (2024-05-01 to the data date): acquired 7; TTFV ≤ 90: all but 5 → 6;
    // north star > 50: 1, 2, 3, 6, 7 → 5; renewed: 1, 2, 7 → 3; referral or expansion: 1, 7 → 2.
    // Conversions 6/7, 5/6, 3/5, 2/3. Due in the retention step: 1, 2, 6, 7 → 4, 3/4 renewed.
    // Renewed in all: 1, 2, 4, 7 → 4 (4 stopped at activation).
    let fixture = fixture();
    let panel = funnel_panel(&fixture.context(Lang::En), &active_50());
    assert_eq!(panel.needs, None);
    assert_eq!(counts(&panel), keyed([7, 6, 5, 3, 2]));
    let steps = rows(&panel, "funnel-step");
    assert_eq!(steps[0].cells[2], "—");
    assert_eq!(steps[1].cells[2], percent(Some(6.0 / 7.0)));
    assert_eq!(steps[3].cells[2], "60.0%");
    assert!(panel
        .notes
        .iter()
        .any(|n| n.contains("above 50 (the threshold you set")));
    let renewed_all = panel
        .metrics
        .iter()
        .find(|m| m.name == "funnel-renewed-all");
    assert_eq!(renewed_all.and_then(|m| m.value), Some(4.0));
    assert!(panel.inputs.iter().any(|i| matches!(
        i,
        PanelInput::Number { setting: NumberSetting::FunnelActiveThreshold, value: Some(v), .. } if *v == 50.0
    )));
    assert!(panel.notes.iter().any(|n| n.contains("75.0%")));
    let Some(PanelChart::Bars { chart, .. }) = panel.charts.first() else {
        panic!("funnel bars")
    };
    let bars: Vec<f64> = chart.bars.iter().map(|b| b.value).collect();
    assert_eq!(bars, vec![7.0, 6.0, 5.0, 3.0, 2.0]);
    let options = |name: &str| {
        panel
            .inputs
            .iter()
            .find_map(|i| match i {
                PanelInput::Select {
                    name: n, options, ..
                } if *n == name => Some(options.iter().map(|o| o.0.key()).collect::<Vec<_>>()),
                _ => None,
            })
            .unwrap()
    };
    assert_eq!(options("funnel-year"), vec!["", "2024", "2025", "2026"]);
    assert_eq!(
        options("funnel-tier"),
        vec!["", "lighthouse", "growth", "standard"]
    );
    assert_eq!(options("funnel-segment"), vec!["", "Finance", "Retail"]);
}

#[test]
fn filters_by_year_segment_and_tier() {
    let mut fixture = fixture();
    // 2025: customers 1–5 → acquired 5; TTFV ≤ 90: 1–4 → 4; north star ≥ 50: 1, 2, 3 → 3;
    // renewed 1, 2 → 2; referred 1 → 1.
    let year = OpsInputs {
        funnel_year: Some(2025),
        ..active_50()
    };
    let cx = fixture.context(Lang::En);
    assert_eq!(counts(&funnel_panel(&cx, &year)), keyed([5, 4, 3, 2, 1]));
    // 2025 and Retail: 1, 2, 5 → 3; activated 1, 2 → 2; both ≥ 50 → 2; both renewed → 2; 1.
    let retail = OpsInputs {
        funnel_segment: Some("Retail".into()),
        ..year.clone()
    };
    let panel = funnel_panel(&cx, &retail);
    assert_eq!(counts(&panel), keyed([3, 2, 2, 2, 1]));
    assert!(panel.inputs.iter().any(|i| matches!(
        i,
        PanelInput::Select { name: "funnel-segment", selected, .. } if selected == "Retail"
    )));
    // Tiers set by hand: growth = 1, 3, 4, 6 → 4; all activated → 4; ≥ 50: 1, 3, 6 → 3;
    // renewed: 1 → 1; referred: 1 → 1.
    fixture.health.analysis.tiers = vec![
        Some(Tier::Growth),
        Some(Tier::Standard),
        Some(Tier::Growth),
        Some(Tier::Growth),
        None,
        Some(Tier::Growth),
        Some(Tier::Standard),
    ];
    let growth = OpsInputs {
        funnel_tier: Some(Tier::Growth),
        ..active_50()
    };
    let panel = funnel_panel(&fixture.context(Lang::Zh), &growth);
    assert_eq!(counts(&panel), keyed([4, 4, 3, 1, 1]));
}

#[test]
fn by_default_any_use_is_active() {
    // Threshold 0: north star > 0 is 1, 2, 3, 4, 6, 7 (5 has 0 and no TTFV). Acquired 7;
    // activated 6 (not 5); active 1, 2, 3, 4, 6, 7 → 6; renewed 1, 2, 4, 7 → 4;
    // referral or expansion 1, 7 → 2. The scorecard's target (85) plays no part.
    let fixture = fixture();
    let panel = funnel_panel(&fixture.context(Lang::Zh), &OpsInputs::default());
    assert_eq!(counts(&panel), keyed([7, 6, 6, 4, 2]));
    assert!(panel.notes.iter().any(|n| n.contains("> 0（默认")));
    let renewed_all = panel
        .metrics
        .iter()
        .find(|m| m.name == "funnel-renewed-all");
    assert_eq!(renewed_all.and_then(|m| m.value), Some(4.0));
}

#[test]
fn without_start_dates_it_says_what_it_needs() {
    let undated = vec![Customer {
        ttfv_days: Some(10.0),
        ..Customer::default()
    }];
    for customers in [undated, Vec::new()] {
        let fixture = Fixture::new(customers);
        let panel = funnel_panel(&fixture.context(Lang::En), &OpsInputs::default());
        assert!(panel.needs.as_deref().unwrap().contains("first_start"));
        assert!(panel.table.is_none() && panel.inputs.is_empty());
    }
}
