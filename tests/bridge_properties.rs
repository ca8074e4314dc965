//! Property tests of the NDR / GRR bridge: invariants for any finite input.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use retention_lab::model::retention::{bridge, BridgeInputs};

fn any_finite() -> impl Strategy<Value = f64> {
    prop_oneof![
        -1e12..1e12_f64,
        Just(0.0),
        Just(f64::MAX),
        Just(-f64::MAX),
        Just(f64::MIN_POSITIVE),
        any::<f64>().prop_filter("finite", |v| v.is_finite()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    /// Whatever the inputs, the model returns a result or an error: never a panic, never NaN.
    #[test]
    fn never_nan_for_finite_input(s in any_finite(), c in any_finite(), d in any_finite(), e in any_finite()) {
        let inputs = BridgeInputs { start_arr: s, churned_arr: c, contraction_arr: d, expansion_arr: e };
        if let Ok(b) = bridge(inputs) {
            for v in [b.ndr, b.grr, b.gross_churn, b.net_churn] {
                prop_assert!(v.is_finite(), "{inputs:?} gave {b:?}");
            }
        }
    }

    /// For every valid input: 0 ≤ GRR ≤ 1, NDR ≥ GRR, and the churn rates are the complements.
    #[test]
    fn grr_bounded_and_below_ndr(
        start in 1.0..1e10_f64,
        churn_share in 0.0..1.0_f64,
        contraction_share in 0.0..1.0_f64,
        expansion in 0.0..1e10_f64,
    ) {
        let churned = start * churn_share;
        let contraction = (start - churned) * contraction_share;
        let b = bridge(BridgeInputs {
            start_arr: start, churned_arr: churned, contraction_arr: contraction, expansion_arr: expansion,
        }).unwrap();
        prop_assert!((0.0..=1.0).contains(&b.grr));
        prop_assert!(b.ndr >= b.grr);
        prop_assert!((b.gross_churn - (1.0 - b.grr)).abs() < 1e-12);
        prop_assert!((b.net_churn - (1.0 - b.ndr)).abs() < 1e-9);
    }

    /// More expansion never lowers NDR; more churn never raises GRR.
    #[test]
    fn monotone_in_expansion_and_churn(start in 1.0..1e9_f64, a in 0.0..0.5_f64, b in 0.0..0.5_f64, x in 0.0..1e9_f64, y in 0.0..1e9_f64) {
        let run = |churn: f64, expansion: f64| bridge(BridgeInputs {
            start_arr: start, churned_arr: start * churn, contraction_arr: 0.0, expansion_arr: expansion,
        }).unwrap();
        let (lo, hi) = (x.min(y), x.max(y));
        prop_assert!(run(a, hi).ndr >= run(a, lo).ndr);
        let (less, more) = (a.min(b), a.max(b));
        prop_assert!(run(more, lo).grr <= run(less, lo).grr);
    }
}
