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

    /// The ledger's figure for `model::order` (docs/ledger.md): its radix sort against the
    /// standard library's stable sort by `f64::total_cmp` on the same keys (the health scores
    /// of 100,000 customers, unscored ones NaN), side by side in one run.
    fn order_against_std(c: &mut Criterion) {
        let customers = portfolio(100_000, 7).customers;
        let card = Scorecard::with_target(60.0);
        let keys: Vec<f64> = customers
            .iter()
            .map(|c| health::score_value(&card, c, AS_OF).unwrap_or(f64::NAN))
            .collect();
        let mut group = c.benchmark_group("order");
        group.sample_size(30);
        group.bench_function("radix_ascending_100k", |b| {
            b.iter(|| retention_lab::model::order::ascending(&keys))
        });
        group.bench_function("std_stable_sort_100k", |b| {
            b.iter(|| {
                let mut order: Vec<usize> = (0..keys.len()).collect();
                // NaN last, as `ascending` puts them.
                order.sort_by(|&a, &b| {
                    keys[a]
                        .is_nan()
                        .cmp(&keys[b].is_nan())
                        .then(keys[a].total_cmp(&keys[b]))
                });
                order
            })
        });
        group.finish();
    }

    criterion_group!(benches, score_and_fit, order_against_std);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);
