//! Property tests of the retention-economics model.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

use proptest::prelude::*;
use retention_lab::model::economics::{economics, EconomicsInputs};
use retention_lab::model::period::PeriodSbg;
use retention_lab::model::sbg::Sbg;

fn inputs() -> impl Strategy<Value = EconomicsInputs> {
    (
        (
            1.0..1e10f64,
            1.0..1e6f64,
            0.0..=1.0f64,
            0.0..=1.0f64,
            0.0..3.0f64,
        ),
        (
            0.0..1.0f64,
            0.0..1e9f64,
            0.0..=1.0f64,
            0.0..1e7f64,
            0.001..0.5f64,
            1u32..=30,
        ),
    )
        .prop_map(
            |(
                (arr, customers, logo_renewal, contraction, expansion),
                (referral, new_business, gross_margin, cac, discount, horizon_years),
            )| {
                EconomicsInputs {
                    arr,
                    customers,
                    logo_renewal,
                    contraction,
                    expansion,
                    referral,
                    new_business,
                    gross_margin,
                    cac,
                    discount,
                    horizon_years,
                }
            },
        )
}

/// A yearly setting, polarisation 0.2.
fn model() -> PeriodSbg {
    PeriodSbg::new(Sbg::from_mean_and_polarisation(0.1, 0.2).unwrap(), 12).unwrap()
}

fn period_months() -> impl Strategy<Value = u32> {
    prop_oneof![Just(1u32), Just(3), Just(12)]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn no_nan_or_infinity_and_grr_at_most_one(i in inputs()) {
        let e = economics(&i, &model()).unwrap();
        for v in [e.ndr, e.grr, e.logo_churn, e.arpa, e.ltv_discounted, e.ltv_single_rate, e.ltv_sbg, e.payback_months] {
            prop_assert!(v.is_finite(), "{:?} -> {:?}", i, e);
        }
        prop_assert!(e.ltv_simple.is_none_or(f64::is_finite) && e.ltv_cac.is_none_or(f64::is_finite));
        prop_assert!(e.existing_revenue.iter().chain(&e.total_revenue).all(|v| v.is_finite()));
        prop_assert!(e.grr <= 1.0 && e.grr >= 0.0);
        prop_assert!(e.ndr >= e.grr);
    }

    #[test]
    fn ltv_falls_as_churn_rises(i in inputs(), a in 0.0..=1.0f64, b in 0.0..=1.0f64) {
        let (low, high) = (a.min(b), a.max(b));
        let at = |renewal: f64| economics(&EconomicsInputs { logo_renewal: renewal, ..i }, &model()).unwrap();
        // Higher renewal = lower churn: LTV never falls (an undefined simple LTV is no churn).
        match (at(low).ltv_simple, at(high).ltv_simple) {
            (Some(l), Some(h)) => prop_assert!(h >= l * (1.0 - 1e-9)),
            (lo, hi) => prop_assert!(hi.is_none() || lo.is_some(), "{lo:?} {hi:?}"),
        }
        prop_assert!(at(high).ltv_discounted >= at(low).ltv_discounted * (1.0 - 1e-9));
        prop_assert!(at(high).ltv_sbg >= at(low).ltv_sbg * (1.0 - 1e-9));
    }

    #[test]
    fn ndr_rises_with_expansion(i in inputs(), extra in 0.0..1.0f64) {
        let before = economics(&i, &model()).unwrap();
        let after = economics(&EconomicsInputs { expansion: i.expansion + extra, ..i }, &model()).unwrap();
        prop_assert!(after.ndr >= before.ndr);
    }

    /// Jensen: S_sBG(t) = E[(1 − θ)ᵗ] ≥ (1 − E θ)ᵗ, term by term, so the heterogeneity-aware
    /// value is never below the single-rate value with the same mean churn, discount, horizon.
    #[test]
    fn sbg_value_is_never_below_the_single_rate_value(i in inputs(), polarisation in 0.001..0.999f64, m in period_months()) {
        let setting = Sbg::from_mean_and_polarisation(0.1, polarisation).unwrap();
        let e = economics(&i, &PeriodSbg::new(setting, m).unwrap()).unwrap();
        prop_assert!(e.ltv_sbg >= e.ltv_single_rate * (1.0 - 1e-12), "{} < {}", e.ltv_sbg, e.ltv_single_rate);
    }

    /// Simple LTV against its definition inverted: LTV × monthly churn = monthly ARPA × margin,
    /// with the monthly churn taken from 12 compounded months, not from the code's formula.
    #[test]
    fn simple_ltv_times_churn_is_monthly_margin(i in inputs(), monthly_renewal in 0.5..0.999_999f64) {
        let i = EconomicsInputs { logo_renewal: monthly_renewal.powi(12), ..i };
        let e = economics(&i, &model()).unwrap();
        let ltv = e.ltv_simple.unwrap();
        let expected = i.arr / i.customers / 12.0 * i.gross_margin;
        prop_assert!((ltv * (1.0 - monthly_renewal) - expected).abs() <= 1e-6 * expected.max(1.0), "{ltv}");
    }

    /// Discounted LTV against the closed form of its geometric series,
    /// v (1 − q^H)/(1 − q) with q = NDR/(1 + d), NDR counted from the renewing accounts.
    #[test]
    fn discounted_ltv_is_the_closed_form_geometric_sum(i in inputs()) {
        let e = economics(&i, &model()).unwrap();
        let ndr = i.logo_renewal * (1.0 - i.contraction + i.expansion);
        let q = ndr / (1.0 + i.discount);
        let v = i.arr / i.customers * i.gross_margin;
        let h = i.horizon_years as i32;
        let expected = if (1.0 - q).abs() < 1e-9 { v * f64::from(h) } else { v * (1.0 - q.powi(h)) / (1.0 - q) };
        prop_assert!((e.ltv_discounted - expected).abs() <= 1e-6 * expected.abs().max(1.0), "{} vs {expected}", e.ltv_discounted);
    }
}

#[test]
fn figures_past_f64_are_an_error_not_infinity() {
    // ARR 1e300 growing at NDR 101 for 30 years is ~1e360: past f64, so refused.
    let i = EconomicsInputs {
        arr: 1e300,
        customers: 1.0,
        logo_renewal: 1.0,
        contraction: 0.0,
        expansion: 100.0,
        referral: 0.0,
        new_business: 0.0,
        gross_margin: 1.0,
        cac: 1.0,
        discount: 0.01,
        horizon_years: 30,
    };
    assert!(economics(&i, &model()).is_err());
    // The same base over one year is 1.01e302: representable, so given.
    let one = EconomicsInputs {
        horizon_years: 1,
        ..i
    };
    let e = economics(&one, &model()).unwrap();
    assert!((e.total_revenue[1] / 1.01e302 - 1.0).abs() < 1e-12);
}
