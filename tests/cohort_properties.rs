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

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// The 90 % band of a projection holds its curve: 0 ≤ low ≤ S ≤ high ≤ 1 each period, for
    /// the sBG and the BdW fitted on survivors an sBG generated (rounded to whole customers),
    /// and the period retention's band holds r(t).
    #[test]
    fn projection_bands_are_ordered_and_inside_0_1(
        alpha in 0.2..5.0f64,
        beta in 0.5..20.0f64,
        size in 200.0..5000.0f64,
        periods in 4u32..13,
    ) {
        use retention_lab::model::bdw::{bdw_band, fit_bdw};
        use retention_lab::model::sbg::sbg_band;
        let truth = Sbg { alpha, beta };
        let counts: Vec<f64> = truth.survival(periods).iter().map(|s| (size * s).round()).collect();
        let data = [Survivors::from_counts(&counts)];
        let horizon = periods + 12;
        let mut bands = Vec::new();
        // A reliable fit always has a band.
        if let Ok(f) = fit(&data) {
            let band = sbg_band(&f, &data, horizon);
            prop_assert!(band.is_some() || !f.is_reliable());
            bands.extend(band);
        }
        if let Ok(f) = fit_bdw(&data) {
            let band = bdw_band(&f, &data, horizon);
            prop_assert!(band.is_some() || !f.is_reliable());
            bands.extend(band);
        }
        prop_assert!(!bands.is_empty());
        for band in bands {
            prop_assert_eq!(band.len(), horizon as usize + 1);
            for p in &band {
                prop_assert!(0.0 <= p.low && p.low <= p.mid && p.mid <= p.high && p.high <= 1.0, "{:?}", p);
                if let Some((low, r, high)) = p.rate {
                    prop_assert!(0.0 <= low && low <= r && r <= high && high <= 1.0, "{:?}", p);
                }
            }
            prop_assert!(band.windows(2).all(|w| w[1].mid <= w[0].mid + 1e-12));
        }
    }
}
