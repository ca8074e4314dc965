//! The finder on a portfolio ranked by hand, and without outcomes.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use super::*;
use crate::derive::panel::PanelChart;
use crate::model::portfolio::Customer;
use crate::tests::{data, rows, Fixture};

fn customer(
    renewed: Option<bool>,
    north_star: f64,
    tickets: Option<f64>,
    arr: f64,
    logins: Option<f64>,
) -> Customer {
    Customer {
        renewed,
        north_star: Some(north_star),
        tickets_unresolved: tickets,
        arr,
        extra: logins
            .map(|l| vec![("Weekly logins".to_string(), l)])
            .unwrap_or_default(),
        ..Customer::default()
    }
}

/// Four customers with an outcome (A–D) and one not due (E); [`portfolio`] repeats them five
/// times, so a column measured on A–D has 10 renewed and 10 churned, the finder's minimum.
fn four() -> Vec<Customer> {
    vec![
        customer(Some(true), 10.0, Some(0.0), 100.0, Some(5.0)), // A
        customer(Some(true), 8.0, Some(3.0), 400.0, Some(7.0)),  // B
        customer(Some(false), 2.0, Some(2.0), 300.0, Some(6.0)), // C
        customer(Some(false), 4.0, Some(4.0), 200.0, None),      // D
        customer(None, 100.0, None, 50.0, None),                 // E: not due, not used
    ]
}

fn portfolio() -> Vec<Customer> {
    (0..5).flat_map(|_| four()).collect()
}

#[test]
fn columns_ranked_by_hand() {
    // Each of A–E five times (n = 20 with an outcome for A–D).
    // north_star: renewers {10, 8} vs churners {2, 4}: every pair favours the renewer → AUC 1,
    //   higher. Sorted 2C×5 4D×5 8B×5 10A×5: mid-ranks 3, 8, 13, 18 → percentiles 0.125,
    //   0.375, 0.625, 0.875: top = the five A (100 %), bottom = the five C (0 %).
    // tickets_unresolved: renewers {0, 3} vs churners {2, 4}: only 3 > 2 → AUC 1/4 = 0.25,
    //   strength 0.75, lower; sorted 0A 2C 3B 4D: top D (0 %), bottom A (100 %).
    // Weekly logins: renewers {5, 7} (10) vs churner {6} (5 of C): too few churned (< 10);
    //   7 > 6 only → AUC 0.5, not ranked.
    // arr: an outcome of renewal: 400 beats both churners → 2/4 = 0.5, shown, not offered.
    let fixture = Fixture::new(portfolio());
    let panel = finder_panel(&fixture.context(Lang::En));
    assert_eq!(panel.needs, None);
    let candidates = rows(&panel, "northstar-candidate");
    let table: Vec<[&str; 5]> = candidates
        .iter()
        .map(|r| {
            [
                data(r, "data-column"),
                data(r, "data-auc"),
                data(r, "data-direction"),
                data(r, "data-rank"),
                data(r, "data-standing"),
            ]
        })
        .collect();
    assert_eq!(
        table,
        vec![
            ["north_star", "1", "higher", "1", "ranked"],
            ["tickets_unresolved", "0.75", "lower", "2", "ranked"],
            ["Weekly logins", "0.5", "higher", "", "too-few"],
            ["arr", "0.5", "higher", "", "outcome"],
        ]
    );
    assert_eq!(candidates[0].cells[1], "1");
    assert_eq!(candidates[0].cells[2], "1.000");
    assert_eq!(candidates[0].cells[4], "100.0% (n=5) / 0.0% (n=5)");
    assert_eq!(candidates[0].cells[5], "20");
    assert_eq!(candidates[1].cells[4], "0.0% (n=5) / 100.0% (n=5)");
    assert_eq!(candidates[2].cells[1], "too few (10 renewed / 5 churned)");
    assert_eq!(candidates[2].cells[5], "15");
    let action = candidates[2].action.as_ref().unwrap();
    assert_eq!(action.test_id, "northstar-use");
    assert_eq!(
        action.request,
        Request::UseAsNorthStar("Weekly logins".into())
    );
    assert_eq!(candidates[3].action, None, "an outcome is never offered");
    let Some(PanelChart::Stacked { name, chart }) = panel.charts.first() else {
        panic!("a stacked AUC chart")
    };
    assert_eq!(*name, "northstar-auc");
    assert_eq!(chart.series[0].values, vec![1.0, 0.75]);
    assert_eq!(chart.marks[0].0, 0.5);
    assert_eq!(chart.y_max, Some(1.0));
    assert!(panel.notes.iter().any(|n| n.contains("fewer than 10")));
}

#[test]
fn without_both_outcomes_it_says_what_it_needs() {
    // Everyone renewed: no column can separate renewers from churners.
    let all_renewed: Vec<Customer> = portfolio()
        .into_iter()
        .map(|c| Customer {
            renewed: Some(true),
            ..c
        })
        .collect();
    for customers in [all_renewed, Vec::new()] {
        let fixture = Fixture::new(customers);
        let panel = finder_panel(&fixture.context(Lang::Zh));
        assert!(panel.needs.as_deref().unwrap().contains("renewed"));
        assert!(panel.table.is_none() && panel.charts.is_empty());
    }
}
