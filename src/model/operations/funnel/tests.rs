use super::*;
use proptest::prelude::*;

fn day(y: i32, m: u8, d: u8) -> Date {
    Date::new(y, m, d).unwrap_or(Date {
        year: y,
        month: 1,
        day: 1,
    })
}

fn window() -> FunnelFilter {
    FunnelFilter {
        from: day(2025, 1, 1),
        to: day(2025, 12, 31),
        tier: None,
        segment: None,
    }
}

fn c(
    start: Date,
    ttfv: Option<f64>,
    ns: Option<f64>,
    renewed: Option<bool>,
    refs: f64,
) -> Customer {
    Customer {
        first_start: Some(start),
        ttfv_days: ttfv,
        north_star: ns,
        renewed,
        referrals: Some(refs),
        segment: Some("零售".into()),
        ..Customer::default()
    }
}

#[test]
fn hand_computed_funnel() {
    let s = day(2025, 6, 1);
    let customers = [
        c(s, Some(20.0), Some(60.0), Some(true), 1.0), // referral
        c(s, Some(90.0), Some(50.0), Some(true), 0.0), // activation (90 days counts; 50 is not above 50)
        c(s, Some(40.0), Some(55.0), Some(false), 3.0), // retention, due, churned
        c(s, Some(40.0), Some(55.0), None, 3.0),       // retention, not due
        c(s, Some(40.0), Some(10.0), Some(true), 3.0), // activation only
        c(s, None, Some(90.0), Some(true), 3.0),       // acquisition only (never activated)
        c(day(2024, 12, 31), Some(1.0), Some(99.0), Some(true), 1.0), // outside the window
        Customer {
            first_start: Some(day(2025, 12, 31)),
            ..Customer::default()
        }, // started on the window's last day, acquisition only
        Customer {
            contract_start: Some(day(2025, 6, 1)),
            ttfv_days: Some(10.0),
            ..Customer::default()
        }, // no first start: tenure unknown, outside the funnel
    ];
    let f = funnel(&customers, &[], &window(), 50.0);
    let counts: Vec<usize> = f.steps.iter().map(|s| s.count).collect();
    // acquisition 7, activation 5 (not #5 or #7), retention #0, #2, #3 → 3, revenue #0 → 1,
    // referral #0 → 1
    assert_eq!(counts, vec![7, 5, 3, 1, 1]);
    assert_eq!(f.steps[0].conversion, None);
    assert_eq!(f.steps[1].conversion, Some(5.0 / 7.0));
    assert_eq!(f.steps[2].conversion, Some(3.0 / 5.0));
    assert_eq!(f.steps[4].conversion, Some(1.0));
    // due among the retention step: #0, #2 → 2; renewed 1 → 1/2
    assert_eq!(f.due, 2);
    assert_eq!(f.renewal_among_due, Some(0.5));
    // renewed in the window whatever the steps: #0, #1, #4, #5 → 4
    assert_eq!(f.renewed_all, 4);
}

#[test]
fn filters_and_empty_groups() {
    let s = day(2025, 6, 1);
    let customers = [c(s, Some(20.0), Some(60.0), Some(true), 1.0)];
    let mut other = window();
    other.segment = Some("金融".into());
    let f = funnel(&customers, &[Some(Tier::Growth)], &other, 50.0);
    assert!(f
        .steps
        .iter()
        .all(|s| s.count == 0 && s.conversion.is_none()));
    assert_eq!(f.renewal_among_due, None);
    let mut by_tier = window();
    by_tier.tier = Some(Tier::Growth);
    assert_eq!(
        funnel(&customers, &[Some(Tier::Growth)], &by_tier, 50.0).steps[4].count,
        1
    );
    assert_eq!(funnel(&customers, &[], &by_tier, 50.0).steps[0].count, 0);
    // a missing north star, or a non-finite target, stops at activation
    let no_ns = [c(s, Some(20.0), None, Some(true), 1.0)];
    assert_eq!(funnel(&no_ns, &[], &window(), 50.0).steps[2].count, 0);
    assert_eq!(
        funnel(&customers, &[], &window(), f64::NAN).steps[2].count,
        0
    );
    assert_eq!(funnel(&[], &[], &window(), 50.0).steps[0].count, 0);
}

proptest! {
    #[test]
    fn each_step_is_a_subset_of_the_previous(
        rows in prop::collection::vec((0u8..24, prop::option::of(0.0..200.0f64), prop::option::of(0.0..100.0f64), 0u8..3, 0.0..3.0f64), 0..50),
        target in 0.0..100.0f64,
    ) {
        let customers: Vec<Customer> = rows.iter().map(|&(m, t, n, r, refs)| c(
            day(2024 + i32::from(m / 12), m % 12 + 1, 15), t, n, [None, Some(true), Some(false)][r as usize], refs.floor(),
        )).collect();
        let f = funnel(&customers, &[], &window(), target);
        for k in 1..5 {
            prop_assert!(f.steps[k].count <= f.steps[k - 1].count);
            prop_assert!(f.steps[k].conversion.is_none_or(|v| (0.0..=1.0).contains(&v)));
        }
        prop_assert!(f.due <= f.steps[2].count && f.steps[3].count <= f.due);
        prop_assert!(f.steps[3].count <= f.renewed_all && f.renewed_all <= f.steps[0].count);
    }
}
