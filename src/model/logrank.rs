//! The log-rank test of whether groups of customers (segments, tiers) retain differently:
//! Mantel (1966); Peto & Peto (1972); e.g. Klein & Moeschberger, *Survival Analysis*, §7.3.
//!
//! At every month t with churn, n_t customers are at risk and d_t churn; group g has n_gt at
//! risk and d_gt churned. Under "no difference" group g expects E_g = Σ_t d_t n_gt / n_t
//! churned, with covariance V_gh = Σ_t d_t (n_t − d_t)/(n_t − 1) · (n_gt/n_t)(δ_gh − n_ht/n_t).
//! The statistic (O − E)ᵀ V⁻¹ (O − E) over any k − 1 of the k groups is chi-square with k − 1
//! degrees of freedom.

use crate::model::chi_square::chi_square_sf;
use crate::model::km::Duration;
use crate::model::numeric::solve_rows;

/// The test's result, with each group's observed and expected churn.
#[derive(Debug, Clone, PartialEq)]
pub struct LogRank {
    pub statistic: f64,
    pub df: u32,
    pub p_value: f64,
    pub observed: Vec<f64>,
    pub expected: Vec<f64>,
}

/// The test over `groups` (each customers' durations, as `km::months_paid` gives them);
/// `None` with fewer than two non-empty groups, no churn at all, or a singular covariance.
pub fn log_rank(groups: &[Vec<Duration>]) -> Option<LogRank> {
    let k = groups.len();
    if k < 2 || groups.iter().any(|g| g.is_empty()) {
        return None;
    }
    let mut times: Vec<u32> = groups
        .iter()
        .flatten()
        .filter(|d| d.churned)
        .map(|d| d.months)
        .collect();
    times.sort_unstable();
    times.dedup();
    if times.is_empty() {
        return None;
    }
    let mut observed = vec![0.0; k];
    let mut expected = vec![0.0; k];
    let mut v = vec![vec![0.0; k]; k];
    for &t in &times {
        let at_risk: Vec<f64> = groups
            .iter()
            .map(|g| g.iter().filter(|d| d.months >= t).count() as f64)
            .collect();
        let churned: Vec<f64> = groups
            .iter()
            .map(|g| g.iter().filter(|d| d.months == t && d.churned).count() as f64)
            .collect();
        let (n, d): (f64, f64) = (at_risk.iter().sum(), churned.iter().sum());
        for g in 0..k {
            observed[g] += churned[g];
            expected[g] += d * at_risk[g] / n;
        }
        if n > 1.0 {
            let spread = d * (n - d) / (n - 1.0);
            for g in 0..k {
                for h in 0..k {
                    let same = if g == h { 1.0 } else { 0.0 };
                    v[g][h] += spread * at_risk[g] / n * (same - at_risk[h] / n);
                }
            }
        }
    }
    // Any k − 1 groups: the last one is determined by the others.
    let diff: Vec<f64> = (0..k - 1).map(|g| observed[g] - expected[g]).collect();
    let reduced: Vec<Vec<f64>> = v[..k - 1].iter().map(|row| row[..k - 1].to_vec()).collect();
    let x = solve_rows(reduced, diff.clone())?;
    let statistic: f64 = diff.iter().zip(&x).map(|(a, b)| a * b).sum();
    let df = (k - 1) as u32;
    (statistic.is_finite() && statistic >= 0.0).then(|| LogRank {
        statistic,
        df,
        p_value: chi_square_sf(statistic, df),
        observed,
        expected,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn durations(events: &[u32], censored: &[u32]) -> Vec<Duration> {
        events
            .iter()
            .map(|&months| Duration {
                months,
                churned: true,
            })
            .chain(censored.iter().map(|&months| Duration {
                months,
                churned: false,
            }))
            .collect()
    }

    /// Freireich et al. (1963): 6-MP against placebo. lifelines 0.30.3 (run outside the
    /// project): χ² 16.792940989216547, p 4.1688091093345111e-05, expected churn 19.2505 and
    /// 10.7495.
    #[test]
    fn the_6mp_trial() {
        let six_mp = durations(
            &[6, 6, 6, 7, 10, 13, 16, 22, 23],
            &[6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35],
        );
        let placebo = durations(
            &[
                1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23,
            ],
            &[],
        );
        let t = log_rank(&[six_mp, placebo]).unwrap();
        assert!((t.statistic - 16.792_940_989_216_547).abs() < 1e-9, "{t:?}");
        assert_eq!(t.df, 1);
        assert!(
            (t.p_value / 4.168_809_109_334_511e-5 - 1.0).abs() < 1e-8,
            "{t:?}"
        );
        assert_eq!(t.observed, [9.0, 21.0]);
        assert!((t.expected[0] - 19.250_500_948_031_13).abs() < 1e-9);
    }

    /// Three groups: lifelines' multivariate_logrank_test gives 4.7418588476935462, p
    /// 0.093393883425002711; expected churn 6.17897, 4.47183, 8.34920.
    #[test]
    fn three_groups() {
        let a = durations(&[1, 2, 2, 3, 6, 8], &[5, 12, 12, 12]);
        let b = durations(&[1, 1, 2, 3, 3, 4, 6, 7], &[4, 9]);
        let c = durations(&[2, 4, 7, 9, 11], &[6, 10, 12, 12, 12]);
        let t = log_rank(&[a, b, c]).unwrap();
        assert!((t.statistic - 4.741_858_847_693_546).abs() < 1e-9, "{t:?}");
        assert_eq!(t.df, 2);
        assert!(
            (t.p_value - 0.093_393_883_425_002_71).abs() < 1e-10,
            "{t:?}"
        );
        let want = [
            6.178_969_219_186_61,
            4.471_830_062_047_453,
            8.349_200_718_765_935,
        ];
        for (got, want) in t.expected.iter().zip(want) {
            assert!((got - want).abs() < 1e-9);
        }
    }

    #[test]
    fn nothing_to_test() {
        let churned = durations(&[1, 2], &[]);
        assert_eq!(log_rank(std::slice::from_ref(&churned)), None);
        assert_eq!(log_rank(&[churned, Vec::new()]), None);
        assert_eq!(
            log_rank(&[durations(&[], &[3]), durations(&[], &[4])]),
            None
        );
    }
}
