//! Scoring and renewal fitting of 100,000 customers natively: the health scorecard for every
//! customer, tiers, then the north-star logistic fit and the 12-month forecast.
//! `cargo bench --bench health`.
#![allow(clippy::unwrap_used)]
// criterion is a native-only dev-dependency; on wasm32 this file is an empty program.
#![cfg_attr(target_arch = "wasm32", allow(unused))]

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{criterion_group, Criterion, Throughput};
    use retention_lab::model::health::{self, Measure, Scorecard};
    use retention_lab::model::renewal;
    use retention_lab::model::tiers::{self, TierRules};
    use retention_lab::sample::{portfolio, AS_OF};

    fn score_and_fit(c: &mut Criterion) {
        let customers = portfolio(100_000, 7).customers;
        let card = Scorecard::with_target(60.0);
        let mut group = c.benchmark_group("health");
        group.sample_size(20);
        group.throughput(Throughput::Elements(customers.len() as u64));
        group.bench_function("score_100k", |b| {
            b.iter(|| {
                customers
                    .iter()
                    .map(|c| health::score_value(&card, c, AS_OF))
                    .collect::<Vec<Option<f64>>>()
            })
        });
        group.bench_function("fit_100k", |b| {
            b.iter(|| renewal::fit(&customers, &[Measure::NorthStar], AS_OF).unwrap())
        });
        group.bench_function("score_tier_fit_forecast_100k", |b| {
            b.iter(|| {
                let scores: Vec<Option<f64>> = customers
                    .iter()
                    .map(|c| health::score_value(&card, c, AS_OF))
                    .collect();
                let summary = health::portfolio(&customers, &scores, &card.bands);
                let tiers = tiers::assign(&customers, &scores, &TierRules::default());
                let fit = renewal::fit(&customers, &[Measure::NorthStar], AS_OF).unwrap();
                let forecast = renewal::forecast(&fit, &customers, AS_OF, 0.0);
                (summary, tiers, forecast)
            })
        });
        group.finish();
    }

    criterion_group!(benches, score_and_fit);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);
