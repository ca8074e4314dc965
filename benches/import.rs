//! Parsing + mapping a 1,000,000-row long-form subscription CSV natively (decode, read, detect
//! the shape, build typed records), then its monthly cohort triangle and the sBG fit on it.
//! `cargo bench --bench import`.
// A benchmark that cannot parse its own generated input should stop loudly.
#![allow(clippy::unwrap_used, clippy::panic)]
// criterion is a native-only dev-dependency; on wasm32 this file is an empty program.
#![cfg_attr(target_arch = "wasm32", allow(unused))]

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
#[path = "support/synthetic.rs"]
mod synthetic;

#[cfg(not(target_arch = "wasm32"))]
mod native {

    use super::synthetic::long_form_csv;
    use criterion::{criterion_group, Criterion, Throughput};
    use retention_lab::io::import::read_delimited_file;
    use retention_lab::io::records::{build, Records};
    use retention_lab::io::text::gb18030_native;
    use retention_lab::model::cohort::{cohorts_from_monthly, Grain};
    use retention_lab::model::portfolio::Subscriptions;
    use retention_lab::model::sbg::{fit, Survivors};

    fn import_long_form(c: &mut Criterion) {
        let csv = long_form_csv(1_000_000);
        let mut group = c.benchmark_group("import");
        group.sample_size(10);
        group.throughput(Throughput::Elements(1_000_000));
        group.bench_function("long_form_1m_rows", |b| {
            b.iter(|| {
                let pending =
                    read_delimited_file("bench.csv", csv.as_bytes(), &gb18030_native).unwrap();
                let built = build(&pending.table, &pending.mapping).unwrap();
                assert_eq!(built.records.len(), 1_000_000);
                built
            })
        });
        group.finish();
    }

    /// The monthly cohort triangle (logo and revenue) and the sBG fit on it, from the typed
    /// rows of the same 1,000,000-row CSV (import excluded: it is measured above).
    fn cohort_triangle(c: &mut Criterion) {
        let csv = long_form_csv(1_000_000);
        let pending = read_delimited_file("bench.csv", csv.as_bytes(), &gb18030_native).unwrap();
        let Records::Subscriptions(Subscriptions::Monthly(rows)) =
            build(&pending.table, &pending.mapping).unwrap().records
        else {
            panic!("long-form rows expected")
        };
        let mut group = c.benchmark_group("cohorts");
        group.sample_size(10);
        group.bench_function("triangle_1m_rows", |b| {
            b.iter(|| {
                let cohorts = cohorts_from_monthly(&rows, Grain::Month);
                assert_eq!(cohorts.len(), 36);
                cohorts
            })
        });
        let cohorts = cohorts_from_monthly(&rows, Grain::Month);
        let survivors: Vec<Survivors> = cohorts
            .iter()
            .map(|c| Survivors::from_counts(&c.active.iter().map_while(|a| *a).collect::<Vec<_>>()))
            .collect();
        group.bench_function("sbg_fit_36x36", |b| b.iter(|| fit(&survivors).unwrap()));
        group.finish();
    }

    /// What the browser benchmark times in wasm (`make bench`): the same CSV read and mapped,
    /// then its monthly triangle, end to end. The wasm / native ratio compares these two.
    fn import_then_triangle(c: &mut Criterion) {
        let csv = long_form_csv(1_000_000);
        let mut group = c.benchmark_group("peers");
        group.sample_size(10);
        group.bench_function("import_then_triangle_1m", |b| {
            b.iter(|| {
                let pending =
                    read_delimited_file("bench.csv", csv.as_bytes(), &gb18030_native).unwrap();
                let built = build(&pending.table, &pending.mapping).unwrap();
                let Records::Subscriptions(Subscriptions::Monthly(rows)) = built.records else {
                    panic!("long-form rows expected")
                };
                cohorts_from_monthly(&rows, Grain::Month)
            })
        });
        group.finish();
    }

    criterion_group!(
        benches,
        import_long_form,
        cohort_triangle,
        import_then_triangle
    );
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::benches();
    criterion::Criterion::default()
        .configure_from_args()
        .final_summary();
}
