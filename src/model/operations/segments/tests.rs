#![allow(clippy::expect_used, clippy::unwrap_used)]
//! Expected figures are worked by hand in the comments.
use super::*;
use proptest::prelude::*;

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

fn cust(segment: Option<&str>, arr: f64, renewed: Option<bool>) -> Customer {
    Customer {
        segment: segment.map(String::from),
        arr,
        renewed,
        ..Customer::default()
    }
}

#[test]
fn small_portfolio_by_hand() {
    let customers = [
        Customer {
            expansion_arr: Some(50.0),
            north_star: Some(10.0),
            ..cust(Some("Retail"), 500.0, Some(true))
        },
        Customer {
            north_star: Some(20.0),
            ..cust(Some("Retail"), 300.0, None)
        },
        cust(Some("Retail"), 200.0, Some(false)), // churned: renewal rate only
        Customer {
            expansion_arr: Some(100.0),
            ..cust(Some("Finance"), 400.0, Some(true))
        },
        cust(Some(" Edu "), 100.0, None),
        cust(None, 200.0, None),               // active, unsegmented
        cust(Some("  "), 50.0, Some(false)),   // churned and blank: nowhere
        cust(Some("Gov"), 999.0, Some(false)), // all churned: no row
    ];
    // Health for the first four only; the churned Retail customer's 10 is ignored.
    let health = [Some(80.0), None, Some(10.0), Some(60.0)];
    let s = segments(&customers, &health);
    // Active ARR: 500 + 300 + 400 + 100 + 200 = 1500.
    assert_eq!(s.total_arr, 1500.0);
    assert_eq!((s.unsegmented, s.unsegmented_arr), (1, 200.0));
    let names: Vec<&str> = s.rows.iter().map(|r| r.segment.as_str()).collect();
    assert_eq!(names, ["Retail", "Finance", "Edu"]);

    // Retail: 2 active, ARR 800, share 8/15, ARPA 400; outcomes T and F → ½;
    // expansion 50 / 800; north star (10 + 20) / 2; health 80 (one score).
    let r = &s.rows[0];
    assert_eq!((r.customers, r.arr), (2, 800.0));
    assert!(close(r.arr_share, 8.0 / 15.0));
    assert!(close(r.arpa, 400.0));
    assert!(close(r.renewal_rate, 0.5));
    assert!(close(r.expansion_ratio, 0.0625));
    assert!(close(r.mean_north_star, 15.0));
    assert!(close(r.mean_health, 80.0));

    // Finance: 400, 4/15, ARPA 400, 1/1 renewed, 100 / 400, no north star, health 60.
    let f = &s.rows[1];
    assert!(close(f.arr_share, 4.0 / 15.0));
    assert!(close(f.renewal_rate, 1.0));
    assert!(close(f.expansion_ratio, 0.25));
    assert_eq!(f.mean_north_star, None);
    assert!(close(f.mean_health, 60.0));

    // Edu (trimmed): 100, 1/15, no outcome, expansion 0 / 100, nothing else.
    let e = &s.rows[2];
    assert!(close(e.arr_share, 1.0 / 15.0));
    assert!(close(e.arpa, 100.0));
    assert_eq!(e.renewal_rate, None);
    assert!(close(e.expansion_ratio, 0.0));
    assert_eq!((e.mean_north_star, e.mean_health), (None, None));

    // Top 1: 800/1500; top 3 and top 5: (800 + 400 + 100) / 1500 = 13/15, inside 80–90 %.
    assert!(close(s.top_share(1), 8.0 / 15.0));
    assert!(close(s.top_share(3), 13.0 / 15.0));
    assert!(close(s.top_share(5), 13.0 / 15.0));
    assert!(Segments::in_niche_band(13.0 / 15.0));
    assert!(!Segments::in_niche_band(8.0 / 15.0));
}

#[test]
fn equal_arr_ties_by_name_and_zero_arr() {
    let s = segments(
        &[cust(Some("B"), 0.0, None), cust(Some("A"), 0.0, None)],
        &[],
    );
    let names: Vec<&str> = s.rows.iter().map(|r| r.segment.as_str()).collect();
    assert_eq!(names, ["A", "B"]);
    // Total ARR 0: no shares, ARPA 0 / 1 = 0, no expansion ratio.
    assert_eq!(s.top_share(3), None);
    assert_eq!(s.rows[0].arr_share, None);
    assert_eq!(s.rows[0].arpa, Some(0.0));
    assert_eq!(s.rows[0].expansion_ratio, None);
}

#[test]
fn empty_single_and_missing_column() {
    let empty = segments(&[], &[]);
    assert!(empty.rows.is_empty());
    assert_eq!((empty.unsegmented, empty.top_share(3)), (0, None));

    let one = segments(&[cust(Some("Retail"), 250.0, Some(true))], &[Some(70.0)]);
    assert_eq!(one.rows.len(), 1);
    assert_eq!(one.top_share(3), Some(1.0));
    assert_eq!(one.rows[0].renewal_rate, Some(1.0));
    assert_eq!(one.rows[0].mean_health, Some(70.0));

    // No segment column: every active customer is unsegmented, no rows, top share 0.
    let none = segments(
        &[cust(None, 100.0, None), cust(None, 50.0, Some(true))],
        &[],
    );
    assert!(none.rows.is_empty());
    assert_eq!((none.unsegmented, none.total_arr), (2, 150.0));
    assert_eq!(none.top_share(3), Some(0.0));
}

fn customer() -> impl Strategy<Value = (Customer, Option<f64>)> {
    (
        proptest::option::of(prop::sample::select(vec!["A", "B", "C", "D", "E", "F"])),
        0.0..1e6f64,
        proptest::option::of(any::<bool>()),
        proptest::option::of(0.0..1e5f64),
        proptest::option::of(0.0..100.0f64),
    )
        .prop_map(|(segment, arr, renewed, expansion, health)| {
            let c = Customer {
                expansion_arr: expansion,
                ..cust(segment, arr, renewed)
            };
            (c, health)
        })
}

proptest! {
    #[test]
    fn figures_are_consistent(rows in proptest::collection::vec(customer(), 0..40)) {
        let (customers, health): (Vec<Customer>, Vec<Option<f64>>) = rows.into_iter().unzip();
        let s = segments(&customers, &health);
        let active = customers.iter().filter(|c| is_active(c)).count();
        prop_assert_eq!(s.rows.iter().map(|r| r.customers).sum::<usize>() + s.unsegmented, active);
        let arr: f64 = s.rows.iter().map(|r| r.arr).sum::<f64>() + s.unsegmented_arr;
        prop_assert!((arr - s.total_arr).abs() <= 1e-6 * s.total_arr.max(1.0));
        for pair in s.rows.windows(2) {
            prop_assert!(pair[0].arr >= pair[1].arr);
        }
        for r in &s.rows {
            prop_assert!(r.customers > 0);
            for x in [r.arr_share, r.renewal_rate] {
                prop_assert!(x.is_none_or(|x| (0.0..=1.0 + 1e-12).contains(&x)));
            }
            prop_assert!(r.mean_health.is_none_or(|h| (0.0..=100.0).contains(&h)));
        }
        let (t3, t5) = (s.top_share(3), s.top_share(5));
        prop_assert_eq!(t3.is_some(), s.total_arr > 0.0);
        if let (Some(t3), Some(t5)) = (t3, t5) {
            prop_assert!(t3 <= t5 + 1e-12 && t5 <= 1.0 + 1e-12);
        }
    }

    #[test]
    fn missing_optional_columns_give_none(rows in proptest::collection::vec(customer(), 0..20)) {
        let customers: Vec<Customer> = rows
            .into_iter()
            .map(|(c, _)| Customer { renewed: None, expansion_arr: None, ..c })
            .collect();
        let s = segments(&customers, &[]);
        for r in &s.rows {
            prop_assert_eq!(r.renewal_rate, None);
            prop_assert_eq!(r.mean_north_star, None);
            prop_assert_eq!(r.mean_health, None);
            prop_assert!(r.expansion_ratio.is_none_or(|x| x == 0.0));
        }
    }
}

/// Segments of the given ARRs, named a, b, c, ….
fn of_arrs(arrs: &[f64]) -> Segments {
    let names = ["a", "b", "c", "d", "e", "f", "g"];
    let customers: Vec<Customer> = arrs
        .iter()
        .zip(names)
        .map(|(&arr, name)| cust(Some(name), arr, None))
        .collect();
    segments(&customers, &[])
}

#[test]
fn one_reading_of_the_niche() {
    // 40 + 25 + 15 = 80 of 100 in three: k = 3, within 80–90 %.
    let r = of_arrs(&[40.0, 25.0, 15.0, 10.0, 10.0]).niche_reading();
    assert_eq!((r.k, r.verdict), (Some(3), NicheVerdict::Fits));
    assert!(close(r.share, 0.80));
    // 30 + 20 + 15 = 65 < 80, + 10 = 75 < 80, + 8 = 83: k = 5 at 83 %, fits.
    let r = of_arrs(&[30.0, 20.0, 15.0, 10.0, 8.0, 9.0, 8.0]).niche_reading();
    // Sorted: 30, 20, 15, 10, 9, 8, 8 → top 4 = 75, top 5 = 84 of 100.
    assert_eq!((r.k, r.verdict), (Some(5), NicheVerdict::Fits));
    assert!(close(r.share, 0.84));
    // 70 + 20 + 5 = 95 % in three: above 90 %, concentrated (the sample's top-5 reading of
    // "concentrated" beside a top-3 "within the band" cannot happen: one k, one verdict).
    let r = of_arrs(&[70.0, 20.0, 5.0, 5.0]).niche_reading();
    assert_eq!((r.k, r.verdict), (Some(3), NicheVerdict::Concentrated));
    assert!(close(r.share, 0.95));
    // Seven equal segments: the top 5 make 5/7 = 71 % < 80 %: spread, no k.
    let r = of_arrs(&[1.0; 7]).niche_reading();
    assert_eq!((r.k, r.verdict), (None, NicheVerdict::Spread));
    assert!(close(r.share, 5.0 / 7.0));
    assert_eq!(
        of_arrs(&[]).niche_reading().verdict,
        NicheVerdict::NoRevenue
    );
}

#[test]
fn names_differing_in_case_and_spaces_are_one_segment() {
    let customers = [
        Customer {
            north_star: Some(10.0),
            ..cust(Some("Retail"), 100.0, None)
        },
        Customer {
            north_star: Some(30.0),
            ..cust(Some(" retail "), 200.0, None)
        },
        Customer {
            north_star: Some(99.0),
            ..cust(Some("RETAIL"), 50.0, Some(false))
        },
    ];
    let s = segments(&customers, &[]);
    assert_eq!(s.rows.len(), 1);
    // Named as first written; two active customers, ARR 300; the churned one's north star
    // is not in the mean: (10 + 30) / 2 = 20.
    assert_eq!(s.rows[0].segment, "Retail");
    assert_eq!((s.rows[0].customers, s.rows[0].arr), (2, 300.0));
    assert!(close(s.rows[0].mean_north_star, 20.0));
    assert!(close(mean_north_star(&customers), 20.0));
    // The niche draft groups and averages the same way.
    let draft = crate::model::strategy::niche_draft::draft_from_customers(
        &customers,
        crate::model::strategy::niche_draft::StickinessSource::MeanNorthStar,
    );
    assert_eq!(draft.rows.len(), 1);
    assert_eq!(draft.rows[0].segment, "Retail");
    assert_eq!(draft.rows[0].stickiness, Some(20.0));
}
