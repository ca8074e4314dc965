//! Segments on a portfolio worked by hand, and without a segment column.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use super::*;
use crate::model::portfolio::Customer;
use crate::tests::{data, has_non_finite, panel_is_finite, rows, value, Fixture};

fn customer(segment: Option<&str>, arr: f64, renewed: Option<bool>) -> Customer {
    Customer {
        segment: segment.map(String::from),
        arr,
        renewed,
        ..Customer::default()
    }
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-12)
}

#[test]
fn segments_by_hand() {
    let mut first = customer(Some("Retail"), 500.0, Some(true));
    first.expansion_arr = Some(50.0);
    first.north_star = Some(10.0);
    let mut second = customer(Some("Retail"), 300.0, None);
    second.north_star = Some(20.0);
    let mut fixture = Fixture::new(vec![
        first,
        second,
        customer(Some("Retail"), 200.0, Some(false)), // churned: not active
        customer(Some("Finance"), 400.0, Some(true)),
        customer(Some("Health"), 100.0, None),
        customer(Some("Edu"), 50.0, None),
        customer(Some("Gov"), 30.0, None),
        customer(None, 120.0, None),
    ]);
    // Health scores set by hand (the churned customer's 10 is not counted).
    fixture.health.analysis.scores = vec![
        Some(80.0),
        Some(60.0),
        Some(10.0),
        None,
        Some(50.0),
        None,
        None,
        None,
    ];
    // Active ARR: Retail 500 + 300 = 800, Finance 400, Health 100, Edu 50, Gov 30,
    // unsegmented 120 → total 1 500. Top 3 = 1 300 / 1 500 ≈ 0.867 and top 5 = 1 380 / 1 500
    // = 0.92: one reading, the smallest k in 3–5 reaching 80 % is 3, at 86.7 %, in 80–90 %.
    let panel = segments_panel(&fixture.context(Lang::En));
    assert_eq!(panel.needs, None);
    assert!(close(
        value(&panel, "top3-segment-share"),
        1_300.0 / 1_500.0
    ));
    assert!(close(value(&panel, "top5-segment-share"), 0.92));
    assert_eq!(value(&panel, "segments-k"), Some(3.0));
    let k = &panel.metrics[0];
    assert_eq!((k.name, k.text.as_str()), ("segments-k", "3 · 86.7%"));
    assert!(
        k.explain.contains("within seed 004's T model"),
        "{}",
        k.explain
    );
    // The shares are plain figures: no second verdict beside the first.
    assert!(panel.metrics[1..]
        .iter()
        .all(|m| !m.explain.contains("band")));
    let table: Vec<[&str; 3]> = rows(&panel, "segment-row")
        .iter()
        .map(|r| {
            [
                data(r, "data-segment"),
                data(r, "data-customers"),
                data(r, "data-arr"),
            ]
        })
        .collect();
    assert_eq!(
        table,
        vec![
            ["Retail", "2", "800"],
            ["Finance", "1", "400"],
            ["Health", "1", "100"],
            ["Edu", "1", "50"],
            ["Gov", "1", "30"],
        ]
    );
    // Retail: share 800 / 1 500 = 53.3 %; ARPA 800 / 2 = 400; renewal over all its customers
    // with an outcome, churned one included: 1 / 2; expansion 50 / 800 = 6.25 %;
    // north star (10 + 20) / 2 = 15; health (80 + 60) / 2 = 70.
    let retail = &rows(&panel, "segment-row")[0].cells;
    assert_eq!(retail[3], "53.3%");
    assert_eq!(retail[4], format_money(400.0, Lang::En, Currency::Usd));
    assert_eq!(retail[5], "50.0%");
    assert_eq!(retail[6], "6.2%");
    assert_eq!(retail[7], "15.0");
    assert_eq!(retail[8], "70");
    // Finance: no north star, no score → "—".
    let finance = &rows(&panel, "segment-row")[1].cells;
    assert_eq!((finance[5].as_str(), finance[7].as_str()), ("100.0%", "—"));
    let Some(PanelChart::Bars { chart, .. }) = panel.charts.first() else {
        panic!("ARR share bars")
    };
    assert_eq!(chart.bars.len(), 5);
    assert!((chart.bars[1].value - 400.0 / 15.0).abs() < 1e-9);
    assert!(panel.notes.iter().any(|n| n.contains("1 more")));
}

#[test]
fn without_a_segment_it_says_what_it_needs() {
    let blank = vec![
        customer(None, 100.0, None),
        customer(Some("  "), 100.0, None),
    ];
    for customers in [blank, Vec::new()] {
        let fixture = Fixture::new(customers);
        let panel = segments_panel(&fixture.context(Lang::Zh));
        assert!(panel.needs.as_deref().unwrap().contains("segment"));
        assert!(panel.metrics.is_empty() && panel.table.is_none());
    }
}

/// Every text and data attribute of a panel, for the no-NaN check.
fn texts(panel: &Panel) -> Vec<String> {
    let mut out = vec![panel.title.clone(), panel.intro.clone()];
    out.extend(panel.notes.iter().cloned());
    for m in &panel.metrics {
        out.extend([m.label.clone(), m.text.clone(), m.explain.clone()]);
    }
    for r in panel.table.iter().flat_map(|t| &t.rows) {
        out.extend(r.cells.iter().cloned());
        out.extend(r.data.iter().map(|(_, v)| v.clone()));
    }
    out
}

#[test]
fn the_growth_panels_on_the_sample_have_figures_and_no_nan() {
    use crate::derive::operations::{finder, first_value, funnel};
    use crate::forms::ops_inputs::OpsInputs;
    let fixture = Fixture::new(crate::sample::sample_portfolio().customers);
    for lang in [Lang::En, Lang::Zh] {
        let cx = fixture.context(lang);
        let inputs = OpsInputs::default();
        let panels = [
            finder::finder_panel(&cx),
            first_value::first_value_panel(&cx, &inputs),
            funnel::funnel_panel(&cx, &inputs),
            segments_panel(&cx),
        ];
        for panel in &panels {
            assert_eq!(panel.needs, None, "{}", panel.id);
            for text in texts(panel) {
                assert!(!has_non_finite(&text), "{}: {text}", panel.id);
            }
            assert!(panel_is_finite(panel), "{}", panel.id);
        }
    }
}
