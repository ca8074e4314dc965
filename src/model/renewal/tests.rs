#![allow(clippy::unwrap_used)]

use super::*;
use crate::sample::rng::SplitMix64;
use proptest::prelude::*;

fn as_of() -> Date {
    Date::new(2026, 10, 31).unwrap()
}

/// Customers whose renewal follows `logit = b0 + b1 × north star` exactly in distribution.
fn simulated(n: usize, b0: f64, b1: f64, seed: u64) -> Vec<Customer> {
    let mut rng = SplitMix64(seed);
    (0..n)
        .map(|_| {
            let x = 100.0 * rng.uniform();
            let renewed = rng.uniform() < sigmoid(b0 + b1 * x);
            Customer {
                north_star: Some(x),
                renewed: Some(renewed),
                arr: 1000.0,
                ..Customer::default()
            }
        })
        .collect()
}

#[test]
fn recovers_known_coefficients_from_simulated_renewals() {
    let (b0, b1) = (-2.0, 0.05);
    let customers = simulated(20_000, b0, b1, 42);
    let fitted = fit(&customers, &[Measure::NorthStar], as_of()).unwrap();
    let (intercept, slopes) = fitted.model.original_scale();
    // Standard errors at n = 20,000 are about 0.04 (intercept) and 0.0008 (slope): 3 s.e.
    assert!((intercept - b0).abs() < 0.12, "intercept {intercept}");
    assert!((slopes[0] - b1).abs() < 0.0025, "slope {}", slopes[0]);
    // Calibrated: every decile's observed rate is near its mean prediction.
    for bin in &fitted.calibration {
        assert!(
            (bin.observed_rate - bin.mean_predicted).abs() < 0.05,
            "{bin:?}"
        );
    }
    assert!(fitted.auc.unwrap() > 0.7);
}

#[test]
fn too_few_outcomes_and_separation_are_explained() {
    let few = simulated(15, -2.0, 0.05, 1);
    assert!(matches!(
        fit(&few, &[Measure::NorthStar], as_of()),
        Err(RenewalError::TooFewOutcomes { .. })
    ));
    let separated: Vec<Customer> = (0..40)
        .map(|i| Customer {
            north_star: Some(f64::from(i)),
            renewed: Some(i >= 20),
            ..Customer::default()
        })
        .collect();
    assert_eq!(
        fit(&separated, &[Measure::NorthStar], as_of()),
        Err(RenewalError::Separation)
    );
}

#[test]
fn forecast_covers_active_customers_due_within_a_year_and_the_lever_raises_it() {
    let mut customers = simulated(2_000, -2.0, 0.05, 7);
    let fitted = fit(&customers, &[Measure::NorthStar], as_of()).unwrap();
    let due = Customer {
        north_star: Some(30.0),
        arr: 50_000.0,
        contract_end: Date::new(2027, 3, 1),
        ..Customer::default()
    };
    let later = Customer {
        contract_end: Date::new(2028, 3, 1),
        ..due.clone()
    };
    let churned = Customer {
        renewed: Some(false),
        ..due.clone()
    };
    let no_input = Customer {
        north_star: None,
        ..due.clone()
    };
    customers.extend([due, later, churned, no_input]);
    let plain = forecast(&fitted, &customers, as_of(), 0.0);
    assert_eq!(plain.due.len(), 1);
    assert_eq!(plain.without_inputs, 1);
    // Expected values from an independent fit of the same simulated data (a Python port of
    // the generator, the documented penalised logit solved by Newton at 50 digits): intercept
    // −2.101386230212, slope 0.05252917368939, so p = σ(c0 + 30 c1) = 0.3715644786.
    let p = plain.due[0].probability;
    assert!((p - 0.371_564_478_6).abs() < 1e-6, "{p}");
    assert!((plain.arr_at_risk - 31_421.776_069_6).abs() < 1e-3);
    assert!((plain.expected_logo_rate.unwrap() - 0.371_564_478_6).abs() < 1e-6);
    // The lever lifts the north star by 20 % (30 → 36): σ(c0 + 36 c1) = 0.4476090168.
    let lifted = forecast(&fitted, &customers, as_of(), 0.2);
    assert!((lifted.expected_dollar_rate.unwrap() - 0.447_609_016_8).abs() < 1e-6);
}

proptest! {
    #[test]
    fn any_data_gives_a_fit_or_a_reason_and_probabilities_stay_in_0_1(
        rows in prop::collection::vec((-1e6..1e6f64, any::<bool>()), 0..80),
        probe in -1e9..1e9f64,
    ) {
        let customers: Vec<Customer> = rows.iter().map(|(x, y)| Customer {
            north_star: Some(*x), renewed: Some(*y), ..Customer::default()
        }).collect();
        if let Ok(fitted) = fit(&customers, &[Measure::NorthStar], as_of()) {
            let p = fitted.model.probability(&[probe]);
            prop_assert!((0.0..=1.0).contains(&p));
            for c in &fitted.calibration {
                prop_assert!((0.0..=1.0).contains(&c.mean_predicted));
            }
            let typical = fitted.model.probability(&[fitted.model.means[0]]);
            prop_assert!(typical > 0.0 && typical < 1.0);
        }
    }
}
