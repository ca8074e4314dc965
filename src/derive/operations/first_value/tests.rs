//! First value on a portfolio worked by hand, the lever, and portfolios without TTFV.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use super::*;
use crate::model::calendar::Date;
use crate::model::portfolio::Customer;
use crate::tests::{data, rows, value, Fixture};

/// The fixture's data date is the sample's, 2026-10-31: a start on 2026-01-01 is eligible
/// (303 days), one on 2026-09-01 is not (60 days < 90).
fn started(day: (i32, u8, u8), ttfv: Option<f64>, renewed: Option<bool>) -> Customer {
    Customer {
        arr: 1_000.0,
        first_start: Date::new(day.0, day.1, day.2),
        ttfv_days: ttfv,
        renewed,
        ..Customer::default()
    }
}

fn portfolio() -> Vec<Customer> {
    let jan = (2026, 1, 1);
    vec![
        started(jan, Some(10.0), Some(true)),
        started(jan, Some(20.0), Some(false)),
        started(jan, Some(45.0), Some(true)),
        started(jan, Some(80.0), Some(true)),
        started(jan, Some(80.0), None),
        started(jan, Some(120.0), Some(false)),
        started(jan, None, Some(false)),
        started(jan, None, Some(true)),
        started((2026, 9, 1), Some(20.0), Some(true)), // not eligible
    ]
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-12)
}

#[test]
fn first_value_by_hand() {
    // Eligible 8; TTFV ≤ 90: 10, 20, 45, 80, 80 → 5/8 = 0.625; never: 2/8 = 0.25.
    // TTFVs sorted 10 20 45 80 80 120 (n = 6): median h = 2.5 → 45 + 0.5 × 35 = 62.5;
    // p75 h = 3.75 → 80 + 0.75 × 0 = 80.
    // Buckets: ≤30 {10 ✓, 20 ✗} 2, 1/2; 31–60 {45 ✓} 1, 1; 61–90 {80 ✓, 80 not due} 2, 1/1;
    // over-90 {120 ✗, never ✗, never ✓} 3, 1/3.
    let fixture = Fixture::new(portfolio());
    let panel = first_value_panel(&fixture.context(Lang::En), &OpsInputs::default());
    assert_eq!(panel.needs, None);
    assert_eq!(value(&panel, "activated-90d"), Some(0.625));
    assert_eq!(value(&panel, "ttfv-median"), Some(62.5));
    assert_eq!(value(&panel, "ttfv-p75"), Some(80.0));
    assert_eq!(value(&panel, "never-activated"), Some(0.25));
    let buckets: Vec<[&str; 3]> = rows(&panel, "ttfv-bucket")
        .iter()
        .map(|r| {
            [
                data(r, "data-bucket"),
                data(r, "data-count"),
                data(r, "data-renewal-rate"),
            ]
        })
        .collect();
    let third = (1.0_f64 / 3.0).to_string();
    assert_eq!(
        buckets,
        vec![
            ["0-30", "2", "0.5"],
            ["31-60", "1", "1"],
            ["61-90", "2", "1"],
            ["over-90", "3", third.as_str()],
        ]
    );
    let Some(PanelChart::Bars { chart, .. }) = panel.charts.first() else {
        panic!("renewal by bucket as bars")
    };
    assert_eq!(chart.bars.len(), 4);
    assert_eq!(chart.bars[0].label, "≤ 30 d (n=2)");
    assert_eq!(chart.bars[1].value, 100.0);
    // The lever, default target 0.625 + 0.10 = 0.725: round(0.1 × 8) = 1 customer moves.
    // Before: (2 × 0.5 + 1 × 1 + 2 × 1 + 3 × 1/3) / 8 = 5/8. After, counts 2 1 3 2:
    // (1 + 1 + 3 + 2/3) / 8 = 17/24.
    assert!(close(value(&panel, "lever-logo-renewal-before"), 0.625));
    assert!(close(
        value(&panel, "lever-logo-renewal-after"),
        17.0 / 24.0
    ));
    assert!(panel.inputs.iter().any(|i| matches!(
        i,
        PanelInput::Number { setting: NumberSetting::ActivationTarget, value: Some(v), percent: true, .. }
            if (v - 0.725).abs() < 1e-12
    )));
    let button = panel.inputs.iter().find_map(|i| match i {
        PanelInput::Button {
            name: "lever-to-scenario",
            request: Request::OnboardingScenario { after, .. },
            ..
        } => Some(*after),
        _ => None,
    });
    assert!(close(button, 17.0 / 24.0));
    // Target 100 %: round(0.375 × 8) = 3 move, all of over-90 → (1 + 1 + 5 × 1) / 8 = 7/8.
    let all = OpsInputs {
        activation_target: Some(1.0),
        ..OpsInputs::default()
    };
    let panel = first_value_panel(&fixture.context(Lang::Zh), &all);
    assert!(close(value(&panel, "lever-logo-renewal-after"), 0.875));
}

#[test]
fn monthly_plans_count_as_customers_not_as_annual_renewals() {
    // The portfolio plus four monthly plans (2026-01-01 to 02-01), all still paying: two with
    // TTFV 5 (≤ 30), two never. Eligible 12; activated (5 + 2) / 12; buckets ≤30 and over-90
    // hold 4 and 5 customers, their annual rates unchanged (1/2 and 1/3). The lever works on
    // the 8 annual customers: target 7/12 + 0.1 moves round(0.1 × 8) = 1, so before and after
    // are the portfolio's own 5/8 and 17/24. (Reading the monthly flags as renewals would give
    // ≤30 3/4 and over-90 3/5.)
    let monthly = |ttfv| Customer {
        contract_start: Date::new(2026, 1, 1),
        contract_end: Date::new(2026, 2, 1),
        ..started((2026, 1, 1), ttfv, Some(true))
    };
    let mut customers = portfolio();
    customers.extend([
        monthly(Some(5.0)),
        monthly(Some(5.0)),
        monthly(None),
        monthly(None),
    ]);
    let fixture = Fixture::new(customers);
    let panel = first_value_panel(&fixture.context(Lang::En), &OpsInputs::default());
    assert!(close(value(&panel, "activated-90d"), 7.0 / 12.0));
    let buckets: Vec<[&str; 3]> = rows(&panel, "ttfv-bucket")
        .iter()
        .map(|r| {
            [
                data(r, "data-bucket"),
                data(r, "data-count"),
                data(r, "data-renewal-rate"),
            ]
        })
        .collect();
    let third = (1.0_f64 / 3.0).to_string();
    assert_eq!(buckets[0], ["0-30", "4", "0.5"]);
    assert_eq!(buckets[3], ["over-90", "5", third.as_str()]);
    assert!(close(value(&panel, "lever-logo-renewal-before"), 0.625));
    assert!(close(
        value(&panel, "lever-logo-renewal-after"),
        17.0 / 24.0
    ));
    assert!(panel.notes[0].contains("Here: 4 eligible customers on monthly or shorter plans, 7 on annual contracts with an outcome."));
}

#[test]
fn the_lever_without_a_61_to_90_rate_has_no_scenario() {
    // ≤30 {✓}, never {✗}: activated 1/2; target 100 % moves round(0.5 × 2) = 1 customer into
    // 61–90, which has no rate → the lever is undefined and offers no button.
    let jan = (2026, 1, 1);
    let fixture = Fixture::new(vec![
        started(jan, Some(10.0), Some(true)),
        started(jan, None, Some(false)),
    ]);
    let inputs = OpsInputs {
        activation_target: Some(1.0),
        ..OpsInputs::default()
    };
    let panel = first_value_panel(&fixture.context(Lang::En), &inputs);
    assert_eq!(value(&panel, "lever-logo-renewal-after"), None);
    assert!(!panel
        .inputs
        .iter()
        .any(|i| matches!(i, PanelInput::Button { .. })));
}

#[test]
fn without_ttfv_or_eligible_customers_it_says_what_it_needs() {
    let no_ttfv: Vec<Customer> = portfolio()
        .into_iter()
        .map(|c| Customer {
            ttfv_days: None,
            ..c
        })
        .collect();
    let too_young = vec![started((2026, 9, 1), Some(20.0), None)];
    for customers in [no_ttfv, too_young, Vec::new()] {
        let fixture = Fixture::new(customers);
        let panel = first_value_panel(&fixture.context(Lang::En), &OpsInputs::default());
        let needs = panel.needs.unwrap();
        assert!(needs.contains("ttfv_days") && needs.contains("first_start"));
        assert!(panel.metrics.is_empty() && panel.inputs.is_empty());
    }
}
