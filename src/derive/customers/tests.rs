//! Filtering, ordering and paging on a portfolio whose scores are known by construction.
use super::*;
use crate::data::Origin;
use crate::derive::health::analyse_health;
use crate::model::calendar::Date;
use crate::model::health::{Bands, Measure, Rule, Scale};
use crate::model::tiers::TierRules;

/// Thirty active customers `c0`…`c29` scored 0, 3, …, 87 (their north star on a 0 → 100
/// scale), ARR 1000 down to 971; and one churned customer, never listed.
fn portfolio() -> (Vec<Customer>, HealthAnalysis, Scorecard) {
    let mut customers: Vec<Customer> = (0..30)
        .map(|i| Customer {
            id: format!("c{i}"),
            name: format!("Customer {i}"),
            arr: 1000.0 - i as f64,
            contract_start: Date::new(2024, 1, 1),
            north_star: Some(3.0 * i as f64),
            ..Customer::default()
        })
        .collect();
    customers.push(Customer {
        id: "gone".into(),
        north_star: Some(1.0),
        renewed: Some(false),
        ..Customer::default()
    });
    let card = Scorecard {
        rules: vec![Rule {
            measure: Measure::NorthStar,
            scale: Scale::Linear {
                worst: 0.0,
                best: 100.0,
            },
            weights: [1.0; 4],
        }],
        bands: Bands::default(),
    };
    let origin = Origin::File("crm.csv".into());
    let analysis = analyse_health(&customers, &origin, &card, &TierRules::default());
    (customers, analysis, card)
}

fn indices(page: &CustomerPage) -> Vec<usize> {
    page.rows.iter().map(|r| r.index).collect()
}

#[test]
fn worst_first_in_pages_of_25() {
    let (customers, a, card) = portfolio();
    let first = customer_page(&customers, &a, &card, &TableView::default());
    assert_eq!(
        (first.total, first.pages, first.page, first.first),
        (30, 2, 0, 1)
    );
    assert_eq!(indices(&first), (0..25).collect::<Vec<_>>());
    assert_eq!(first.rows[1].health.score, Some(3.0));
    let view = TableView {
        page: 1,
        ..TableView::default()
    };
    let second = customer_page(&customers, &a, &card, &view);
    assert_eq!(second.first, 26);
    assert_eq!(indices(&second), [25, 26, 27, 28, 29]);
    // A page beyond the last shows the last.
    let beyond = TableView {
        page: 9,
        ..TableView::default()
    };
    assert_eq!(customer_page(&customers, &a, &card, &beyond).page, 1);
}

#[test]
fn best_and_largest_first() {
    let (customers, a, card) = portfolio();
    let best = TableView {
        sort: Sort::Best,
        ..TableView::default()
    };
    assert_eq!(
        indices(&customer_page(&customers, &a, &card, &best))[..3],
        [29, 28, 27]
    );
    let arr = TableView {
        sort: Sort::Arr,
        ..TableView::default()
    };
    // ARR falls with the index, so the largest accounts are the first customers.
    assert_eq!(
        indices(&customer_page(&customers, &a, &card, &arr))[..3],
        [0, 1, 2]
    );
}

#[test]
fn largest_fall_first() {
    let (mut customers, _, card) = portfolio();
    // c10 (score 30) was at 80: −50; c20 (score 60) was at 70: −10; c5 (15) was at 10: +5.
    customers[10].prev_health = Some(80.0);
    customers[20].prev_health = Some(70.0);
    customers[5].prev_health = Some(10.0);
    let a = analyse_health(
        &customers,
        &Origin::File("crm.csv".into()),
        &card,
        &TierRules::default(),
    );
    let view = TableView {
        sort: Sort::Drop,
        ..TableView::default()
    };
    assert_eq!(
        indices(&customer_page(&customers, &a, &card, &view))[..3],
        [10, 20, 5]
    );
}

#[test]
fn filters_by_band_and_search() {
    let (customers, a, card) = portfolio();
    // Red is below 50: scores 0, 3, …, 48, i.e. c0 to c16.
    let red = TableView {
        band: Some(Band::Red),
        ..TableView::default()
    };
    assert_eq!(customer_page(&customers, &a, &card, &red).total, 17);
    // "C1" matches c1 and c10 to c19, whatever the case.
    let search = TableView {
        search: " C1 ".into(),
        ..TableView::default()
    };
    assert_eq!(customer_page(&customers, &a, &card, &search).total, 11);
    let nothing = TableView {
        search: "nobody".into(),
        ..TableView::default()
    };
    let empty = customer_page(&customers, &a, &card, &nothing);
    assert_eq!((empty.total, empty.pages, empty.first), (0, 1, 0));
    assert!(empty.rows.is_empty());
    // Case folds beyond ASCII: an accented capital finds its lower case.
    let mut named = customers.clone();
    named[3].name = "École Normale".into();
    let a = analyse_health(
        &named,
        &Origin::File("crm.csv".into()),
        &card,
        &TierRules::default(),
    );
    let accented = TableView {
        search: "éCOLE".into(),
        ..TableView::default()
    };
    assert_eq!(indices(&customer_page(&named, &a, &card, &accented)), [3]);
}
