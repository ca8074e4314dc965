//! Revenue by source against hand arithmetic of the projection's recurrence
//! total[y] = total[y−1] × NDR + new business + referral × total[y−1], where the marks note
//! lands, and an invalid baseline.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use super::revenue_panel;
use crate::derive::operations::OpsContext;
use crate::derive::panel::PanelChart;
use crate::i18n::Lang;
use crate::model::economics::EconomicsInputs;
use crate::tests::{data, has_non_finite, rows, value, Fixture};

fn inputs(new_business: f64, horizon_years: u32) -> EconomicsInputs {
    EconomicsInputs {
        arr: 1000.0,
        customers: 10.0,
        logo_renewal: 0.8,
        contraction: 0.25,
        expansion: 0.5,
        referral: 0.1,
        new_business,
        gross_margin: 0.8,
        cac: 0.0,
        discount: 0.1,
        horizon_years,
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9 * b.abs().max(1.0)
}

#[test]
fn two_years_split_by_source_by_hand() {
    // GRR = 0.8 × (1 − 0.25) = 0.6; NDR = 0.6 + 0.8 × 0.5 = 1.0.
    // Year 1 from 1000: renewal 600, expansion 400, referral 100, new 100 → 1200;
    //   CS share 1100 / 1200.
    // Year 2 from 1200: renewal 720, expansion 480, referral 120, new 100 → 1420;
    //   CS share 1320 / 1420.
    let mut f = Fixture::new(Vec::new());
    f.baseline = inputs(100.0, 2);
    let panel = revenue_panel(&f.context(Lang::En));
    assert_eq!(panel.id, "ops-revenue-sources");
    assert_eq!(panel.needs, None);
    assert!(close(
        value(&panel, "cs-revenue-share").unwrap(),
        1100.0 / 1200.0
    ));
    let years = rows(&panel, "revenue-year");
    assert_eq!(years.len(), 2);
    assert_eq!(data(years[0], "data-year"), "1");
    assert_eq!(data(years[1], "data-year"), "2");
    let share = |i: usize| data(years[i], "data-cs-share").parse::<f64>().unwrap();
    assert!(close(share(0), 1100.0 / 1200.0));
    assert!(close(share(1), 1320.0 / 1420.0));
    let Some(PanelChart::Stacked { chart, .. }) = panel.charts.first() else {
        panic!("a stacked chart")
    };
    let expected = [
        [600.0, 720.0],
        [400.0, 480.0],
        [100.0, 120.0],
        [100.0, 100.0],
    ];
    assert_eq!(chart.series.len(), 4);
    for (series, want) in chart.series.iter().zip(expected) {
        assert!(series.values.iter().zip(want).all(|(&v, w)| close(v, w)));
    }
    assert!(chart.marks.is_empty() && chart.y_label.contains('$'));
    assert_eq!(chart.categories, ["Year 1", "Year 2"]);
    // 91.7 % is at or above the 7:3 mark.
    assert!(panel
        .notes
        .iter()
        .any(|n| n.contains("91.7%") && n.contains("7:3")));
}

#[test]
fn the_note_places_the_share_against_the_marks() {
    // No referral, no expansion beyond renewal, new business 1000 on a base of 1000:
    // GRR = 0.8 × 0.75 = 0.6, NDR = 0.6 + 0 → year 1: 600 + 0 + 0 + 1000 → CS 600 / 1600.
    let mut f = Fixture::new(Vec::new());
    f.baseline = EconomicsInputs {
        expansion: 0.0,
        referral: 0.0,
        new_business: 1000.0,
        ..inputs(0.0, 1)
    };
    let panel = revenue_panel(&f.context(Lang::En));
    assert!(close(value(&panel, "cs-revenue-share").unwrap(), 0.375));
    assert!(panel
        .notes
        .iter()
        .any(|n| n.contains("37.5%: not above 50 %")));
    // New business 500: year 1 = 600 + 500 → CS 600 / 1100 = 54.5 %, between the marks.
    f.baseline.new_business = 500.0;
    let panel = revenue_panel(&f.context(Lang::Zh));
    assert!(panel
        .notes
        .iter()
        .any(|n| n.contains("54.5%") && n.contains("未到")));
}

#[test]
fn an_invalid_baseline_says_so_instead_of_zeros() {
    let mut f = Fixture::new(Vec::new());
    f.baseline = EconomicsInputs {
        customers: 0.0,
        ..inputs(100.0, 2)
    };
    let cx: OpsContext = f.context(Lang::En);
    let panel = revenue_panel(&cx);
    assert!(panel
        .needs
        .as_deref()
        .unwrap()
        .contains("number of customers"));
    assert!(panel.metrics.is_empty() && panel.table.is_none() && panel.charts.is_empty());
}

#[test]
fn the_sample_baseline_has_no_nan_and_a_share_in_range() {
    let f = Fixture::new(Vec::new());
    for lang in [Lang::En, Lang::Zh] {
        let panel = revenue_panel(&f.context(lang));
        let share = value(&panel, "cs-revenue-share").unwrap();
        assert!((0.0..=1.0).contains(&share));
        let text = format!("{panel:?}");
        assert!(!has_non_finite(&text), "{text}");
    }
}
