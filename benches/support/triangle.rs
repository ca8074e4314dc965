//! A cohort table of 36 monthly cohorts for timing the retention fits: survivors drawn from a
//! beta-discrete-Weibull population (γ 0.6, δ 3, c 1.2, so the BdW has something to find),
//! each cohort of 300–1,500 customers. `rectangle`: every cohort observed 36 periods (36 × 37
//! cells); otherwise a triangle, the newest cohort observed only at period 0 (666 cells, the
//! shape of the sample). Included by path (`#[path]`) in the criterion bench and the browser
//! timing, so the library does not carry it.

use retention_lab::model::bdw::Bdw;
use retention_lab::model::portfolio::CohortCell;

pub fn cohort_table(cohorts: usize, periods: usize, rectangle: bool) -> Vec<CohortCell> {
    let truth = Bdw::new(0.6, 3.0, 1.2).unwrap();
    let survival = truth.survival(periods as u32);
    let mut rng = retention_lab::sample::rng::SplitMix64(0x000C_0407);
    let mut cells = Vec::new();
    for i in 0..cohorts {
        let size = 300 + rng.next_u64() % 1_200;
        let observed = if rectangle { periods } else { periods - i };
        // Each customer's lifetime drawn by inverting S at a uniform u: alive at t while
        // S(t) > u.
        let mut alive = vec![0u32; observed + 1];
        for _ in 0..size {
            let u = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
            for (t, a) in alive.iter_mut().enumerate() {
                if survival[t] > u {
                    *a += 1;
                }
            }
        }
        let label = format!("{:04}-{:02}", 2023 + (i / 12), 1 + i % 12);
        for (t, a) in alive.iter().enumerate() {
            cells.push(CohortCell {
                cohort: label.clone(),
                period: t as u32,
                customers: f64::from(*a),
                revenue: None,
            });
        }
    }
    cells
}
