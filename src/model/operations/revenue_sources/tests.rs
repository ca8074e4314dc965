use super::*;
use crate::model::economics::economics;
use crate::model::period::PeriodSbg;
use crate::model::sbg::Sbg;
use proptest::prelude::*;

fn setting() -> PeriodSbg {
    Sbg::from_mean_and_polarisation(0.2, 0.2)
        .and_then(|model| PeriodSbg::new(model, 12))
        .unwrap_or_else(|e| unreachable!("a valid setting: {e}"))
}

fn inputs(horizon_years: u32) -> EconomicsInputs {
    EconomicsInputs {
        arr: 1_000.0,
        customers: 10.0,
        logo_renewal: 0.8,
        contraction: 0.1,
        expansion: 0.25,
        referral: 0.05,
        new_business: 100.0,
        gross_margin: 0.8,
        cac: 1_000.0,
        discount: 0.1,
        horizon_years,
    }
}

#[test]
fn hand_computed_two_years() {
    let i = inputs(2);
    let e = economics(&i, &setting()).unwrap();
    let s = revenue_sources(&i, &e);
    assert_eq!(s.len(), 2);
    // GRR = 0.8 × 0.9 = 0.72, NDR = 0.72 + 0.8 × 0.25 = 0.92.
    // Year 1 from 1,000: renewal 720, expansion 200, referral 50, new 100 → 1,070.
    let y1 = s[0];
    assert_eq!(y1.year, 1);
    for (got, want) in [
        (y1.renewal, 720.0),
        (y1.expansion, 200.0),
        (y1.referral, 50.0),
        (y1.new_business, 100.0),
        (y1.total, 1_070.0),
    ] {
        assert!((got - want).abs() < 1e-9, "{got} vs {want}");
    }
    // existing base: 1,000 × 0.92 = 920; CS share (720 + 200 + 50) / 1,070.
    assert!((y1.existing_base - 920.0).abs() < 1e-9);
    assert!((y1.cs_share().unwrap() - 970.0 / 1_070.0).abs() < 1e-12);
    // Year 2 from 1,070: renewal 770.4, expansion 214, referral 53.5, new 100 → 1,137.9.
    let y2 = s[1];
    for (got, want) in [
        (y2.renewal, 770.4),
        (y2.expansion, 214.0),
        (y2.referral, 53.5),
        (y2.total, 1_137.9),
    ] {
        assert!((got - want).abs() < 1e-9, "{got} vs {want}");
    }
}

#[test]
fn zero_total_has_no_share_and_marks_are_the_seed_s() {
    let mut i = inputs(1);
    i.arr = 0.0;
    i.new_business = 0.0;
    let e = economics(&i, &setting()).unwrap();
    let s = revenue_sources(&i, &e);
    assert_eq!(s[0].total, 0.0);
    assert_eq!(s[0].cs_share(), None);
    assert_eq!(CS_SHARE_MARKS, [0.5, 0.7]);
}

proptest! {
    #[test]
    fn four_parts_sum_to_the_projection(
        arr in 0.0..1e8f64, customers in 1.0..1e4f64, logo in 0.0..=1.0f64,
        contraction in 0.0..=1.0f64, expansion in 0.0..2.0f64, referral in 0.0..0.5f64,
        new_business in 0.0..1e7f64, horizon in 1u32..=10,
    ) {
        let i = EconomicsInputs {
            arr, customers, logo_renewal: logo, contraction, expansion, referral, new_business,
            gross_margin: 0.8, cac: 100.0, discount: 0.08, horizon_years: horizon,
        };
        let e = economics(&i, &setting()).unwrap();
        let s = revenue_sources(&i, &e);
        prop_assert_eq!(s.len(), horizon as usize);
        for (k, y) in s.iter().enumerate() {
            let total = e.total_revenue[k + 1];
            prop_assert_eq!(y.total, total);
            let sum = y.renewal + y.expansion + y.referral + y.new_business;
            prop_assert!((sum - total).abs() <= 1e-12 * total.max(1.0), "{} vs {}", sum, total);
            prop_assert!(y.renewal >= 0.0 && y.expansion >= -1e-9 * total.max(1.0));
            prop_assert!(y.cs_share().is_none_or(|c| (0.0..=1.0 + 1e-12).contains(&c)));
        }
    }
}
