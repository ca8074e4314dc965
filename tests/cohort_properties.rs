//! Property tests of the cohort and sBG models.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

use proptest::prelude::*;
use retention_lab::model::calendar::Month;
use retention_lab::model::cohort::{average_curve, cohorts_from_monthly, Grain, Measure};
use retention_lab::model::portfolio::MrrRow;
use retention_lab::model::sbg::{fit, log_likelihood, Sbg, Survivors};

/// Customers who each pay from a start month for a run of months and never come back (closed
/// cohorts: no reactivation).
fn closed_histories() -> impl Strategy<Value = Vec<MrrRow>> {
    prop::collection::vec((0..24i32, 1..24i32, 1.0..1000.0f64), 1..60).prop_map(|customers| {
        let mut rows = Vec::new();
        for (i, (start, length, mrr)) in customers.into_iter().enumerate() {
            for m in start..(start + length).min(30) {
                rows.push(MrrRow {
                    customer_id: format!("c{i}"),
                    month: Month(24_000 + m),
                    mrr,
                });
            }
        }
        rows
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn closed_cohorts_have_logo_retention_in_0_1_and_non_increasing(rows in closed_histories(), quarter in any::<bool>()) {
        let grain = if quarter { Grain::Quarter } else { Grain::Month };
        for cohort in cohorts_from_monthly(&rows, grain) {
            let mut previous = 1.0;
            for p in 0..cohort.observed() {
                let r = cohort.logo_retention(p).unwrap();
                prop_assert!((0.0..=1.0).contains(&r), "{r}");
                prop_assert!(r <= previous + 1e-12, "{} rose at {p}", cohort.label);
                previous = r;
            }
        }
        for value in average_curve(&cohorts_from_monthly(&rows, grain), Measure::Logo) {
            prop_assert!((0.0..=1.0).contains(&value));
        }
    }

    #[test]
    fn sbg_survival_is_non_increasing(alpha in 0.01..50.0f64, beta in 0.01..50.0f64) {
        let s = Sbg::new(alpha, beta).unwrap().survival(60);
        prop_assert!(s.windows(2).all(|w| w[1] <= w[0] && w[1] >= 0.0));
    }

    #[test]
    fn fit_is_at_least_as_likely_as_its_start(counts in prop::collection::vec(prop::collection::vec(0.0..1000.0f64, 2..12), 1..6)) {
        let cohorts: Vec<Survivors> = counts
            .iter()
            .map(|c| {
                let mut sorted = c.clone();
                sorted.sort_by(|a, b| b.total_cmp(a));
                Survivors::from_counts(&sorted)
            })
            .collect();
        if let Ok(f) = fit(&cohorts) {
            prop_assert!(f.log_likelihood.is_finite());
            prop_assert!(f.model.alpha > 0.0 && f.model.beta > 0.0);
            // The optimiser's starting point: α = 2m, β = 2(1 − m).
            let usable: Vec<&Survivors> = cohorts.iter().filter(|c| c.alive[0] > 0.0).collect();
            let (n0, n1) = usable.iter().fold((0.0, 0.0), |(a, b), c| (a + c.alive[0], b + c.alive[1]));
            let m = (1.0 - n1 / n0).clamp(0.01, 0.99);
            let start = Sbg::new(2.0 * m, 2.0 * (1.0 - m)).unwrap();
            prop_assert!(f.log_likelihood >= log_likelihood(&start, &cohorts) - 1e-9);
        }
    }
}
