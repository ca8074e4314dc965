//! Property tests of the retention-economics model.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

use proptest::prelude::*;
use retention_lab::model::economics::{economics, EconomicsInputs};
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

fn model() -> Sbg {
    Sbg::from_mean_and_polarisation(0.1, 0.2).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn no_nan_or_infinity_and_grr_at_most_one(i in inputs()) {
        let e = economics(&i, (&model(), None)).unwrap();
        for v in [e.ndr, e.grr, e.logo_churn, e.arpa, e.ltv_simple, e.ltv_discounted, e.ltv_sbg, e.ltv_cac, e.payback_months] {
            prop_assert!(v.is_finite(), "{:?} -> {:?}", i, e);
        }
        prop_assert!(e.existing_revenue.iter().chain(&e.total_revenue).all(|v| v.is_finite()));
        prop_assert!(e.grr <= 1.0 && e.grr >= 0.0);
        prop_assert!(e.ndr >= e.grr);
    }

    #[test]
    fn ltv_falls_as_churn_rises(i in inputs(), a in 0.0..=1.0f64, b in 0.0..=1.0f64) {
        let (low, high) = (a.min(b), a.max(b));
        let at = |renewal: f64| economics(&EconomicsInputs { logo_renewal: renewal, ..i }, (&model(), None)).unwrap();
        // Higher renewal = lower churn: LTV never falls.
        prop_assert!(at(high).ltv_simple >= at(low).ltv_simple - 1e-9 * at(low).ltv_simple.abs());
        prop_assert!(at(high).ltv_discounted >= at(low).ltv_discounted - 1e-9 * at(low).ltv_discounted.abs());
    }

    #[test]
    fn ndr_rises_with_expansion(i in inputs(), extra in 0.0..1.0f64) {
        let before = economics(&i, (&model(), None)).unwrap();
        let after = economics(&EconomicsInputs { expansion: i.expansion + extra, ..i }, (&model(), None)).unwrap();
        prop_assert!(after.ndr >= before.ndr);
    }

    #[test]
    fn huge_but_valid_inputs_never_give_infinity(arr in 1e200..1e308f64, expansion in 1e100..1e300f64, horizon in 1u32..=30) {
        let i = EconomicsInputs { arr, customers: 1.0, logo_renewal: 1.0, contraction: 0.0, expansion, referral: 0.5,
            new_business: 1e300, gross_margin: 1.0, cac: 1.0, discount: 0.01, horizon_years: horizon };
        if let Ok(e) = economics(&i, (&model(), None)) {
            prop_assert!(e.ltv_discounted.is_finite() && e.total_revenue.iter().all(|v| v.is_finite()));
        }
    }

    #[test]
    fn any_finite_input_gives_a_result_or_an_error(values in prop::array::uniform10(any::<f64>()), horizon in any::<u32>()) {
        let i = EconomicsInputs {
            arr: values[0], customers: values[1], logo_renewal: values[2], contraction: values[3], expansion: values[4],
            referral: values[5], new_business: values[6], gross_margin: values[7], cac: values[8], discount: values[9],
            horizon_years: horizon,
        };
        if let Ok(e) = economics(&i, (&model(), None)) {
            prop_assert!(e.ndr.is_finite() && e.ltv_discounted.is_finite() && e.ltv_simple.is_finite());
        }
    }
}
