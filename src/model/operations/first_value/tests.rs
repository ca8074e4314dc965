#![allow(clippy::expect_used, clippy::unwrap_used)]
//! Expected figures are worked by hand in the comments.
use super::*;
use proptest::prelude::*;

fn date(y: i32, m: u8, d: u8) -> Date {
    Date::new(y, m, d).expect("valid date")
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

fn cust(start: Option<Date>, ttfv: Option<f64>, renewed: Option<bool>) -> Customer {
    Customer {
        first_start: start,
        ttfv_days: ttfv,
        renewed,
        ..Customer::default()
    }
}

/// As of 2024-07-01. 2024-01-01 is 182 days before; 2024-04-02 exactly 90 (29 days to May 1,
/// 31 to June 1, 30 to July 1); 2024-04-03 only 89.
fn portfolio() -> Vec<Customer> {
    let old = Some(date(2024, 1, 1));
    vec![
        cust(old, Some(10.0), Some(true)),                    // 0-30
        cust(old, Some(30.0), Some(false)),                   // 0-30
        cust(old, Some(45.0), None),                          // 31-60
        cust(Some(date(2024, 4, 2)), Some(90.0), Some(true)), // 61-90, eligible at 90 days
        cust(old, Some(120.0), Some(false)),                  // over-90
        cust(old, None, Some(false)),                         // never
        cust(old, None, Some(true)),                          // never
        cust(Some(date(2024, 4, 3)), Some(5.0), Some(true)),  // 89 days: not eligible
        cust(None, Some(5.0), Some(true)),                    // no first start: not eligible
    ]
}

#[test]
fn small_portfolio_by_hand() {
    let f = first_value(&portfolio(), date(2024, 7, 1));
    assert_eq!(f.eligible, 7);
    // TTFV ≤ 90: 10, 30, 45, 90 → 4/7; never: 2/7.
    assert!(close(f.activated_share, 4.0 / 7.0));
    assert!(close(f.never_share, 2.0 / 7.0));
    // Reached: 10 30 45 90 120 (n = 5). Median h = 4 × 0.5 = 2 → 45; p75 h = 3 → 90.
    assert!(close(f.median_ttfv, 45.0));
    assert!(close(f.p75_ttfv, 90.0));
    let counts: Vec<usize> = f.buckets.iter().map(|b| b.customers).collect();
    assert_eq!(counts, [2, 1, 1, 3]);
    // 0-30: T, F → 1/2; 31-60: no outcome; 61-90: T → 1; over-90: F, F, T → 1/3.
    assert!(close(f.buckets[0].renewal_rate, 0.5));
    assert_eq!(f.buckets[1].renewal_rate, None);
    assert!(close(f.buckets[2].renewal_rate, 1.0));
    assert!(close(f.buckets[3].renewal_rate, 1.0 / 3.0));
}

#[test]
fn onboarding_lever_by_hand() {
    let f = first_value(&portfolio(), date(2024, 7, 1));
    // From 4/7 to 6/7: round(2/7 × 7) = 2 moved. Before, over the buckets with a rate
    // (31-60 has none): (2 × ½ + 1 × 1 + 3 × ⅓) / (2 + 1 + 3) = 3/6.
    // After: (2 × ½ + 3 × 1 + 1 × ⅓) / 6 = (13/3) / 6 = 13/18.
    let r = onboarding_lever(&f.buckets, 4.0 / 7.0, 6.0 / 7.0).expect("rates");
    assert_eq!(r.moved, 2);
    assert!((r.before - 0.5).abs() < 1e-9);
    assert!((r.after - 13.0 / 18.0).abs() < 1e-9);
    // From 0 to 1 wants 7, clamped to the 3 of the over-90 bucket: (1 + 4) / 6 = 5/6.
    let all = onboarding_lever(&f.buckets, 0.0, 1.0).expect("rates");
    assert_eq!(all.moved, 3);
    assert!((all.after - 5.0 / 6.0).abs() < 1e-9);
    // Downward moves nobody.
    let down = onboarding_lever(&f.buckets, 0.8, 0.5).expect("rates");
    assert_eq!(down.moved, 0);
    assert_eq!(down.before, down.after);
    assert_eq!(onboarding_lever(&f.buckets, f64::NAN, 0.5), None);
}

#[test]
fn lever_needs_the_61_to_90_rate() {
    let old = Some(date(2024, 1, 1));
    let customers = [
        cust(old, Some(10.0), Some(true)),
        cust(old, None, Some(false)),
    ];
    let f = first_value(&customers, date(2024, 7, 1));
    assert_eq!(f.buckets[2].renewal_rate, None);
    assert_eq!(onboarding_lever(&f.buckets, 0.5, 1.0), None);
    // Nobody moved: before = after = (1 × 1 + 1 × 0) / 2.
    let none = onboarding_lever(&f.buckets, 0.5, 0.5).expect("rates");
    assert_eq!((none.moved, none.before, none.after), (0, 0.5, 0.5));
}

#[test]
fn empty_single_and_missing() {
    let as_of = date(2024, 7, 1);
    for customers in [vec![], vec![cust(None, Some(3.0), Some(true))]] {
        let f = first_value(&customers, as_of);
        assert_eq!(f.eligible, 0);
        assert_eq!((f.activated_share, f.never_share), (None, None));
        assert_eq!((f.median_ttfv, f.p75_ttfv), (None, None));
        assert!(f.buckets.iter().all(|b| b.renewal_rate.is_none()));
        assert_eq!(onboarding_lever(&f.buckets, 0.0, 1.0), None);
    }
    // One eligible customer without TTFV: never activated, no percentile.
    let f = first_value(&[cust(Some(date(2024, 1, 1)), None, None)], as_of);
    assert_eq!(
        (f.eligible, f.activated_share, f.never_share),
        (1, Some(0.0), Some(1.0))
    );
    assert_eq!(f.median_ttfv, None);
    // A negative or NaN TTFV reads as none.
    let bad = [
        cust(Some(date(2024, 1, 1)), Some(-3.0), None),
        cust(Some(date(2024, 1, 1)), Some(f64::NAN), None),
    ];
    assert_eq!(first_value(&bad, as_of).never_share, Some(1.0));
}

/// A customer with contract dates: `months` long from 2024-01-01.
fn on_plan(months: u8, ttfv: Option<f64>, renewed: Option<bool>) -> Customer {
    let start = date(2024, 1, 1);
    let end = if months == 12 {
        date(2025, 1, 1)
    } else {
        date(2024, 1 + months, 1)
    };
    Customer {
        contract_start: Some(start),
        contract_end: Some(end),
        ..cust(Some(start), ttfv, renewed)
    }
}

#[test]
fn monthly_plans_give_no_annual_renewal() {
    // Annual (366 days): 0-30 {✓, ✗}, over-90 {never ✗, never ✗}. Monthly (31 days, still
    // paying or not): 0-30 {✓, ✓}, over-90 {never ✓, never ✓}. Counts include every plan:
    // 4 and 4; annual renewal: 0-30 1/2, over-90 0/2 (the monthly flags would give 3/4, 2/4).
    let customers = [
        on_plan(12, Some(10.0), Some(true)),
        on_plan(12, Some(20.0), Some(false)),
        on_plan(12, None, Some(false)),
        on_plan(12, None, Some(false)),
        on_plan(1, Some(10.0), Some(true)),
        on_plan(1, Some(20.0), Some(true)),
        on_plan(1, None, Some(true)),
        on_plan(1, None, Some(true)),
    ];
    assert!(annual_contract(&customers[0]) && !annual_contract(&customers[4]));
    assert!(
        annual_contract(&cust(None, None, None)),
        "no dates: the file's annual terms"
    );
    let f = first_value(&customers, date(2024, 7, 1));
    assert_eq!((f.buckets[0].customers, f.buckets[0].annual), (4, 2));
    assert_eq!((f.buckets[3].customers, f.buckets[3].annual), (4, 2));
    assert!(close(f.buckets[0].renewal_rate, 0.5));
    assert!(close(f.buckets[3].renewal_rate, 0.0));
    // Lever on annual contracts only: 4 annual customers, 0.5 → 1.0 moves round(0.5 × 4) = 2
    // over-90 annual customers to 61–90, which has no rate: nothing to give them.
    assert_eq!(onboarding_lever(&f.buckets, 0.5, 1.0), None);
    // Before any move the implied annual renewal is (2 × 0.5 + 2 × 0) / 4 = 0.25, not the
    // 5/8 = 0.625 the mixed flags would give.
    let r = onboarding_lever(&f.buckets, 0.5, 0.5).expect("rates");
    assert!((r.before - 0.25).abs() < 1e-12 && r.moved == 0);
    // A 360-day contract is annual, a 359-day one not.
    let days = |n: i64| Customer {
        contract_start: Some(date(2024, 1, 1)),
        contract_end: Date::from_days_since_epoch(date(2024, 1, 1).days_since_epoch() + n),
        ..Customer::default()
    };
    assert!(annual_contract(&days(360)) && !annual_contract(&days(359)));
}

#[test]
fn buckets_and_percentiles() {
    let keys: Vec<&str> = Bucket::ALL.iter().map(|b| b.key()).collect();
    assert_eq!(keys, ["0-30", "31-60", "61-90", "over-90"]);
    assert_eq!(Bucket::of(Some(30.0)), Bucket::UpTo30);
    assert_eq!(Bucket::of(Some(30.5)), Bucket::From31To60);
    assert_eq!(Bucket::of(Some(60.0)), Bucket::From31To60);
    assert_eq!(Bucket::of(Some(90.0)), Bucket::From61To90);
    assert_eq!(Bucket::of(Some(91.0)), Bucket::Over90OrNever);
    assert_eq!(Bucket::of(None), Bucket::Over90OrNever);
    // n = 1: every quantile is the value. n = 2: p = 0.75 → h = 0.75 → 10 + 0.75 × 10.
    assert_eq!(percentile(&[7.0], 0.75), Some(7.0));
    assert_eq!(percentile(&[10.0, 20.0], 0.75), Some(17.5));
    assert_eq!(percentile(&[10.0, 20.0], 1.0), Some(20.0));
    assert_eq!(percentile(&[], 0.5), None);
    assert_eq!(percentile(&[1.0], 1.5), None);
}

fn customer() -> impl Strategy<Value = Customer> {
    (
        proptest::option::of(0i64..400),
        proptest::option::of(0.0..200.0f64),
        proptest::option::of(any::<bool>()),
    )
        .prop_map(|(days_before, ttfv, renewed)| {
            let as_of = date(2024, 7, 1).days_since_epoch();
            let start = days_before.and_then(|d| Date::from_days_since_epoch(as_of - d));
            cust(start, ttfv, renewed)
        })
}

proptest! {
    #[test]
    fn figures_are_consistent(customers in proptest::collection::vec(customer(), 0..40)) {
        let f = first_value(&customers, date(2024, 7, 1));
        prop_assert_eq!(f.buckets.iter().map(|b| b.customers).sum::<usize>(), f.eligible);
        for s in [f.activated_share, f.never_share] {
            prop_assert_eq!(s.is_some(), f.eligible > 0);
            prop_assert!(s.is_none_or(|s| (0.0..=1.0).contains(&s)));
        }
        if let (Some(m), Some(p)) = (f.median_ttfv, f.p75_ttfv) {
            prop_assert!(m <= p);
        }
        for b in f.buckets {
            prop_assert!(b.renewal_rate.is_none_or(|r| (0.0..=1.0).contains(&r)));
        }
    }

    #[test]
    fn lever_is_bounded(
        customers in proptest::collection::vec(customer(), 0..40),
        a in 0.0..=1.0f64,
        b in 0.0..=1.0f64,
    ) {
        let f = first_value(&customers, date(2024, 7, 1));
        if let Some(r) = onboarding_lever(&f.buckets, a, b) {
            prop_assert!(r.moved <= f.buckets[3].annual);
            prop_assert!((0.0..=1.0).contains(&r.before) && (0.0..=1.0).contains(&r.after));
            if r.moved == 0 {
                prop_assert_eq!(r.before, r.after);
            }
        }
    }
}
