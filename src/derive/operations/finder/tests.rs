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

fn portfolio() -> Vec<Customer> {
    vec![
        customer(Some(true), 10.0, Some(0.0), 100.0, Some(5.0)), // A
        customer(Some(true), 8.0, Some(3.0), 400.0, Some(7.0)),  // B
        customer(Some(false), 2.0, Some(2.0), 300.0, Some(6.0)), // C
        customer(Some(false), 4.0, Some(4.0), 200.0, None),      // D
        customer(None, 100.0, None, 50.0, None),                 // E: not due, not used
    ]
}

#[test]
fn columns_ranked_by_hand() {
    // north_star: renewers {10, 8} vs churners {2, 4}: every pair favours the renewer → AUC 1,
    //   higher; sorted 2C 4D 8B 10A, k = ceil(4/4) = 1: top A renewed (100 %), bottom C (0 %).
    // tickets_unresolved: renewers {0, 3} vs churners {2, 4}: only 3 > 2 → AUC 1/4 = 0.25,
    //   strength 0.75, lower; sorted 0A 2C 3B 4D: top D (0 %), bottom A (100 %).
    // Weekly logins: renewers {5, 7} vs churner {6}: 7 > 6 only → 1/2 = 0.5, higher; n = 3.
    // arr: renewers {100, 400} vs churners {300, 200}: 400 beats both → 2/4 = 0.5, higher.
    // Ties at 0.5 by name: "Weekly logins" < "arr" (uppercase first).
    let fixture = Fixture::new(portfolio());
    let panel = finder_panel(&fixture.context(Lang::En));
    assert_eq!(panel.needs, None);
    let candidates = rows(&panel, "northstar-candidate");
    let table: Vec<[&str; 4]> = candidates
        .iter()
        .map(|r| {
            [
                data(r, "data-column"),
                data(r, "data-auc"),
                data(r, "data-direction"),
                data(r, "data-rank"),
            ]
        })
        .collect();
    assert_eq!(
        table,
        vec![
            ["north_star", "1", "higher", "1"],
            ["tickets_unresolved", "0.75", "lower", "2"],
            ["Weekly logins", "0.5", "higher", "3"],
            ["arr", "0.5", "higher", "4"],
        ]
    );
    assert_eq!(candidates[0].cells[1], "1.000");
    assert_eq!(candidates[0].cells[3], "100.0% / 0.0%");
    assert_eq!(candidates[0].cells[4], "4");
    assert_eq!(candidates[1].cells[3], "0.0% / 100.0%");
    assert_eq!(candidates[2].cells[4], "3");
    let action = candidates[2].action.as_ref().unwrap();
    assert_eq!(action.test_id, "northstar-use");
    assert_eq!(
        action.request,
        Request::UseAsNorthStar("Weekly logins".into())
    );
    let Some(PanelChart::Stacked { name, chart }) = panel.charts.first() else {
        panic!("a stacked AUC chart")
    };
    assert_eq!(*name, "northstar-auc");
    assert_eq!(chart.series[0].values, vec![1.0, 0.75, 0.5, 0.5]);
    assert_eq!(chart.marks[0].0, 0.5);
    assert_eq!(chart.y_max, Some(1.0));
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
