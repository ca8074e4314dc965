use super::*;
use crate::model::renewal::Due;
use proptest::prelude::*;

fn cust(arr: f64, csm: Option<&str>, renewed: Option<bool>) -> Customer {
    Customer {
        arr,
        csm: csm.map(str::to_string),
        renewed,
        ..Customer::default()
    }
}

#[test]
fn hand_computed_books() {
    let customers = [
        cust(100.0, Some("Alex"), None),       // 0: green (80), growth
        cust(50.0, Some("Alex"), Some(true)),  // 1: red (30), standard
        cust(40.0, Some(" 李娜 "), None),      // 2: unscored, growth
        cust(70.0, Some("李娜"), Some(false)), // 3: churned: not in any book
        cust(20.0, None, None),                // 4: no CSM, yellow (60)
        cust(10.0, Some(""), None),            // 5: blank CSM, unscored
    ];
    let health = [Some(80.0), Some(30.0), None, Some(90.0), Some(60.0)];
    let tiers = [Some(Tier::Growth), Some(Tier::Standard), Some(Tier::Growth)];
    let due = |customer, probability, arr| Due {
        customer,
        probability,
        arr,
    };
    let forecast = Forecast {
        // Alex: 100 × 0.1 + 50 × 0.5 = 35 at risk of 150 due; 李娜: 40 × 0.25 = 10 of 40;
        // unassigned: 20 × 0.5 = 10 of 20.
        due: vec![
            due(0, 0.9, 100.0),
            due(1, 0.5, 50.0),
            due(2, 0.75, 40.0),
            due(4, 0.5, 20.0),
        ],
        ..Forecast::default()
    };
    let b = books(&customers, &health, &Bands::default(), &forecast, &tiers);
    assert_eq!(b.books.len(), 2);
    let alex = &b.books[0];
    assert_eq!(alex.csm.as_deref(), Some("Alex"));
    assert_eq!((alex.accounts, alex.arr), (2, 150.0));
    assert_eq!(alex.arr_by_band, [50.0, 0.0, 100.0, 0.0]);
    assert_eq!((alex.arr_due, alex.arr_at_risk), (150.0, 35.0));
    assert_eq!(alex.mean_health, Some(55.0));
    assert_eq!(alex.growth_share, Some(0.5));
    let lina = &b.books[1];
    assert_eq!(lina.csm.as_deref(), Some("李娜"));
    assert_eq!((lina.accounts, lina.arr, lina.arr_at_risk), (1, 40.0, 10.0));
    assert_eq!(lina.arr_by_band, [0.0, 0.0, 0.0, 40.0]);
    assert_eq!(lina.mean_health, None);
    assert_eq!(lina.growth_share, Some(1.0));
    let none = &b.unassigned;
    assert_eq!((none.csm.clone(), none.accounts, none.arr), (None, 2, 30.0));
    assert_eq!(none.arr_by_band, [0.0, 20.0, 0.0, 10.0]);
    assert_eq!((none.arr_due, none.arr_at_risk), (20.0, 10.0));
}

#[test]
fn ties_sort_by_name_and_empty_portfolio() {
    let customers = [cust(1.0, Some("b"), None), cust(1.0, Some("a"), None)];
    let b = books(
        &customers,
        &[],
        &Bands::default(),
        &Forecast::default(),
        &[],
    );
    let names: Vec<_> = b.books.iter().map(|b| b.csm.clone()).collect();
    assert_eq!(names, vec![Some("a".into()), Some("b".into())]);
    let empty = books(&[], &[], &Bands::default(), &Forecast::default(), &[]);
    assert!(empty.books.is_empty());
    assert_eq!(
        (empty.unassigned.accounts, empty.unassigned.growth_share),
        (0, None)
    );
}

#[test]
fn arr_per_head_guards() {
    assert_eq!(arr_per_cs_head(900.0, 3.0), Some(300.0));
    for bad in [0.0, -1.0, f64::NAN, f64::INFINITY] {
        assert_eq!(arr_per_cs_head(900.0, bad), None);
    }
}

proptest! {
    #[test]
    fn books_partition_the_active_arr(
        rows in prop::collection::vec((0.0..1e6f64, 0usize..4, any::<bool>(), prop::option::of(0.0..100.0f64)), 0..40),
    ) {
        let names = ["张伟", "Sam", "王芳"];
        let customers: Vec<Customer> = rows.iter().map(|&(arr, k, churned, _)| {
            cust(arr, names.get(k).copied(), churned.then_some(false))
        }).collect();
        let health: Vec<Option<f64>> = rows.iter().map(|r| r.3).collect();
        let b = books(&customers, &health, &Bands::default(), &Forecast::default(), &[]);
        let active: f64 = customers.iter().filter(|c| is_active(c)).map(|c| c.arr).sum();
        let booked: f64 = b.books.iter().chain([&b.unassigned]).map(|b| b.arr).sum();
        prop_assert!((active - booked).abs() <= 1e-6 * active.max(1.0));
        for book in b.books.iter().chain([&b.unassigned]) {
            let banded: f64 = book.arr_by_band.iter().sum();
            prop_assert!((banded - book.arr).abs() <= 1e-6 * book.arr.max(1.0));
        }
    }
}
