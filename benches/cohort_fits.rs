//! The retention fits of the cohorts section on 36 monthly cohorts × 36 periods, natively:
//! the sBG fit, the BdW fit started from it, the two 90 % bands, and everything the section
//! recomputes when the data change (`derive::cohorts::analyse`: cohorts, both fits, bands,
//! the comparison, who is alive now). `cargo bench --bench cohort_fits`.
#![allow(clippy::unwrap_used)]
// criterion is a native-only dev-dependency; on wasm32 this file is an empty program.
#![cfg_attr(target_arch = "wasm32", allow(unused))]

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
#[path = "support/triangle.rs"]
mod triangle;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::triangle::cohort_table;
    use criterion::{criterion_group, Criterion};
    use retention_lab::derive::cohorts::{analyse, CohortBasis};
    use retention_lab::model::bdw::{bdw_band, fit_bdw_from};
    use retention_lab::model::cohort::{cohorts_from_table, Grain};
    use retention_lab::model::portfolio::Subscriptions;
    use retention_lab::model::sbg::{fit, sbg_band, Survivors};

    fn fits(c: &mut Criterion) {
        let mut group = c.benchmark_group("cohort_fits");
        group.sample_size(20);
        for (shape, rectangle) in [("triangle", false), ("rectangle", true)] {
            let cells = cohort_table(36, 36, rectangle);
            let survivors: Vec<Survivors> = cohorts_from_table(&cells)
                .iter()
                .map(|c| {
                    Survivors::from_counts(&c.active.iter().map_while(|a| *a).collect::<Vec<_>>())
                })
                .collect();
            let sbg = fit(&survivors).unwrap();
            let bdw = fit_bdw_from(&survivors, &sbg).unwrap();
            group.bench_function(format!("sbg_fit_36x36_{shape}"), |b| {
                b.iter(|| fit(&survivors).unwrap())
            });
            group.bench_function(format!("bdw_fit_36x36_{shape}"), |b| {
                b.iter(|| fit_bdw_from(&survivors, &sbg).unwrap())
            });
            group.bench_function(format!("bands_36x36_{shape}"), |b| {
                b.iter(|| {
                    (
                        sbg_band(&sbg, &survivors, 47).unwrap(),
                        bdw_band(&bdw, &survivors, 47).unwrap(),
                    )
                })
            });
            let none = Subscriptions::Monthly(Vec::new());
            group.bench_function(format!("analyse_36x36_{shape}"), |b| {
                b.iter(|| analyse(&none, Some(&cells), CohortBasis::of_grain(Grain::Month)))
            });
        }
        group.finish();
    }

    criterion_group!(benches, fits);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);
