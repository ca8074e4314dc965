//! Property tests of the cohort and sBG models.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

use proptest::prelude::*;
use retention_lab::model::calendar::Month;
use retention_lab::model::cohort::{average_curve, cohorts_from_monthly, Grain, Measure};
use retention_lab::model::observed::cohorts_through;
use retention_lab::model::portfolio::{MrrRow, Subscriptions};
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

    /// The difference-array builder (observed through the latest month) agrees with the
    /// month-by-month one on any closed history.
    #[test]
    fn observed_builder_matches_the_month_by_month_builder(rows in closed_histories(), quarter in any::<bool>()) {
        let grain = if quarter { Grain::Quarter } else { Grain::Month };
        let last = rows.iter().map(|r| r.month).max().unwrap();
        let old = cohorts_from_monthly(&rows, grain);
        let new = cohorts_through(&Subscriptions::Monthly(rows), grain, last);
        prop_assert_eq!(old.len(), new.len());
        for (o, n) in old.iter().zip(&new) {
            prop_assert_eq!((&o.label, o.size, &o.active), (&n.label, n.size, &n.active));
            for (x, y) in o.revenue.iter().flatten().zip(n.revenue.iter().flatten()) {
                prop_assert!((x - y).abs() < 1e-6, "{} vs {}", x, y);
            }
        }
    }

    #[test]
    fn sbg_survival_is_non_increasing(alpha in 0.01..50.0f64, beta in 0.01..50.0f64) {
        let s = Sbg::new(alpha, beta).unwrap().survival(60);
        prop_assert!(s.windows(2).all(|w| w[1] <= w[0] && w[1] >= 0.0));
    }

    /// Survivor counts that are exactly the expected counts of a known sBG,
    /// N·S(t) with S(t) = Π_{i≤t} (β + i − 1)/(α + β + i − 1) written out here: the likelihood
    /// is then maximal at the true α, β, so the fit must find them (and be at least as likely).
    #[test]
    fn fit_recovers_the_parameters_that_generated_expected_counts(
        alpha in 0.3..5.0f64, beta in 0.5..8.0f64, periods in 8usize..14, cohorts in 1usize..4,
    ) {
        let mut alive = vec![1_000_000.0];
        for i in 1..=periods {
            let i = i as f64;
            let last = alive[alive.len() - 1];
            alive.push(last * (beta + i - 1.0) / (alpha + beta + i - 1.0));
        }
        // Cohorts observed for fewer periods (right-censored earlier) share the parameters.
        let data: Vec<Survivors> = (0..cohorts).map(|c| Survivors { alive: alive[..alive.len() - c].to_vec() }).collect();
        let f = fit(&data).unwrap();
        let truth = Sbg::new(alpha, beta).unwrap();
        prop_assert!(f.log_likelihood >= log_likelihood(&truth, &data) - 1e-6 * f.log_likelihood.abs());
        prop_assert!(f.converged && !f.at_bound, "{f:?}");
        prop_assert!((f.model.alpha / alpha - 1.0).abs() < 0.02, "{:?} vs {alpha}, {beta}", f.model);
        prop_assert!((f.model.beta / beta - 1.0).abs() < 0.02, "{:?} vs {alpha}, {beta}", f.model);
    }
}
