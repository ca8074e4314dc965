//! Scoring and renewal fitting of 100,000 customers timed in headless Chromium (release build):
//! `cargo test --release --target wasm32-unknown-unknown --test web_speed -- --nocapture`.
//! Reported, not asserted: speed targets live in benchmarks (`make bench`).
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used)]

use retention_lab::model::health::{self, Measure, Scorecard};
use retention_lab::model::renewal;
use retention_lab::model::tiers::{self, TierRules};
use retention_lab::sample::{portfolio, AS_OF};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

#[wasm_bindgen_test]
fn score_and_fit_100k() {
    let customers = portfolio(100_000, 7).customers;
    let card = Scorecard::with_target(60.0);
    let mut runs: Vec<[f64; 5]> = Vec::new();
    for _ in 0..7 {
        let t0 = now();
        let scores: Vec<Option<f64>> = customers
            .iter()
            .map(|c| health::score_value(&card, c, AS_OF))
            .collect();
        let scored = now();
        let summary = health::portfolio(&customers, &scores, &card.bands);
        let tiers = tiers::assign(&customers, &scores, &TierRules::default());
        let tiered = now();
        let fit = renewal::fit(&customers, &[Measure::NorthStar], AS_OF).unwrap();
        let fitted = now();
        let forecast = renewal::forecast(&fit, &customers, AS_OF, 0.0);
        let done = now();
        assert!(summary.mean_score.is_some() && tiers.len() == customers.len());
        assert!(!forecast.due.is_empty());
        runs.push([
            scored - t0,
            tiered - scored,
            fitted - tiered,
            done - fitted,
            done - t0,
        ]);
    }
    let median = |k: usize| {
        let mut v: Vec<f64> = runs.iter().map(|r| r[k]).collect();
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    console_log!(
        "measure: 100,000 customers in wasm (median of 7): score {:.1} ms, summary + tiers {:.1} ms, fit {:.1} ms, forecast {:.1} ms; all together {:.1} ms",
        median(0),
        median(1),
        median(2),
        median(3),
        median(4)
    );
}

#[path = "../benches/support/triangle.rs"]
mod triangle;

/// What the cohorts section recomputes when the data change, on 36 monthly cohorts × 36
/// periods: both fits, their bands and the comparison (`derive::cohorts::analyse`).
#[wasm_bindgen_test]
fn cohort_fits_36x36() {
    use retention_lab::derive::cohorts::{analyse, CohortBasis};
    use retention_lab::model::cohort::Grain;
    use retention_lab::model::portfolio::Subscriptions;
    let none = Subscriptions::Monthly(Vec::new());
    let mut report = Vec::new();
    for (shape, rectangle) in [("triangle", false), ("rectangle", true)] {
        let cells = triangle::cohort_table(36, 36, rectangle);
        let mut runs = Vec::new();
        for _ in 0..7 {
            let t0 = now();
            let a = analyse(&none, Some(&cells), CohortBasis::of_grain(Grain::Month));
            runs.push(now() - t0);
            assert!(a.fit.is_ok() && a.bdw.is_some() && a.bands.sbg.is_some());
        }
        runs.sort_by(f64::total_cmp);
        report.push(format!("{shape} {:.1} ms", runs[runs.len() / 2]));
    }
    console_log!(
        "measure: cohort fits 36 x 36 in wasm (median of 7, sBG + BdW + bands): {}",
        report.join(", ")
    );
}
