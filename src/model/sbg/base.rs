//! The value of the customer base in a contractual setting (Fader & Hardie, "Customer-Base
//! Valuation in a Contractual Setting: The Perils of Ignoring Heterogeneity", Marketing
//! Science 29(1), 2010): the customers alive now, each valued by its discounted expected
//! residual lifetime given the renewals it has made, beside the naive value from one aggregate
//! retention rate.

use super::fit::Survivors;
use super::model::Sbg;
use crate::model::ModelError;

/// Customers alive now who have made `renewals` renewals (a cohort observed through period
/// `renewals`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AliveGroup {
    pub renewals: u32,
    pub alive: f64,
}

/// The base valued two ways, in discounted customer-periods.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BaseValue {
    pub alive: f64,
    /// Σ alive × DERL(d | n), n = renewals + 1.
    pub derl_periods: f64,
    /// The aggregate retention rate a naive analyst would use.
    pub aggregate_retention: f64,
    /// alive × r(1 + d)/(1 + d − r): every customer at the one rate r, valued like DERL from
    /// just before the next renewal (Σ_{t≥1} r^t / (1 + d)^{t−1}).
    pub naive_periods: f64,
    /// naive / DERL value − 1: negative when the naive value understates the base.
    pub misstatement: f64,
}

/// The customers alive now by renewals made, and the aggregate retention of the last
/// observed period (Σ alive at each cohort's last period ÷ Σ alive one period before, over
/// the cohorts observed for at least one period): what a naive analyst would use.
pub fn alive_now(cohorts: &[Survivors]) -> (Vec<AliveGroup>, Option<f64>) {
    let groups = cohorts
        .iter()
        .filter_map(|c| {
            let last = *c.alive.last()?;
            Some(AliveGroup {
                renewals: (c.alive.len() - 1) as u32,
                alive: last,
            })
        })
        .collect();
    let (now, before) =
        cohorts
            .iter()
            .filter(|c| c.alive.len() >= 2)
            .fold((0.0, 0.0), |(n, b), c| {
                (
                    n + c.alive[c.alive.len() - 1],
                    b + c.alive[c.alive.len() - 2],
                )
            });
    (groups, (before > 0.0).then(|| now / before))
}

/// Values `groups` under `model` at the discount `d` per period, against the naive value at
/// `aggregate_retention` (the rate observed over the last period, as the caller measures it).
///
/// # Errors
/// A discount or rate that is not a finite number in range, or nobody alive.
///
/// ```
/// use retention_lab::model::sbg::{base_value, AliveGroup, Sbg};
/// // One customer who has just started: DERL(d | 1) = (1 + d)(DEL − 1).
/// let m = Sbg::new(1.0, 9.0).unwrap();
/// let v = base_value(&m, &[AliveGroup { renewals: 0, alive: 1.0 }], 0.1, 0.9).unwrap();
/// let del = m.del(0.1).unwrap();
/// assert!((v.derl_periods - 1.1 * (del - 1.0)).abs() < 1e-9);
/// ```
pub fn base_value(
    model: &Sbg,
    groups: &[AliveGroup],
    d: f64,
    aggregate_retention: f64,
) -> Result<BaseValue, ModelError> {
    let field = "aggregate_retention";
    if !aggregate_retention.is_finite() {
        return Err(ModelError::NotFinite { field });
    }
    if aggregate_retention < 0.0 {
        return Err(ModelError::Negative { field });
    }
    // A rate of 1 values every customer for ever: refused like a rate above it.
    if aggregate_retention >= 1.0 {
        return Err(ModelError::AboveOne { field });
    }
    let alive: f64 = groups.iter().map(|g| g.alive.max(0.0)).sum();
    if alive.is_nan() || alive <= 0.0 {
        return Err(ModelError::NotPositive { field: "alive" });
    }
    let mut derl_periods = 0.0;
    for g in groups.iter().filter(|g| g.alive > 0.0) {
        derl_periods += g.alive * model.derl(d, g.renewals + 1)?;
    }
    let r = aggregate_retention;
    let naive_periods = alive * r * (1.0 + d) / (1.0 + d - r);
    Ok(BaseValue {
        alive,
        derl_periods,
        aggregate_retention: r,
        naive_periods,
        misstatement: naive_periods / derl_periods - 1.0,
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn the_regular_segment_as_five_cohorts_by_an_independent_computation() {
        // FH 2007 Regular (α 0.704077, β 1.182043 per year) read as five cohorts alive now
        // with 0–4 renewals: 1000, 631, 468, 382, 326; d = 10 %. mpmath at 50 digits (DERL
        // checked against the direct series): Σ alive × DERL = 11,832.894135549565; the
        // model's own aggregate retention Σ alive r(n) / Σ alive = 0.74846482623637558 gives
        // the naive 6,574.1212158872575, 44.44 % below.
        let m = Sbg::new(0.704077, 1.182043).unwrap();
        let groups: Vec<AliveGroup> = [1000.0, 631.0, 468.0, 382.0, 326.0]
            .iter()
            .enumerate()
            .map(|(k, &alive)| AliveGroup {
                renewals: k as u32,
                alive,
            })
            .collect();
        let v = base_value(&m, &groups, 0.1, 0.748_464_826_236_375_6).unwrap();
        assert!(
            (v.derl_periods - 11_832.894_135_549_565).abs() < 1e-6,
            "{}",
            v.derl_periods
        );
        assert!((v.naive_periods - 6_574.121_215_887_257).abs() < 1e-6);
        assert!((v.misstatement - -0.444_419_840_101_786_7).abs() < 1e-9);
        assert_eq!(v.alive, 2807.0);
    }

    #[test]
    fn nobody_alive_or_an_impossible_rate_is_refused() {
        let m = Sbg::new(1.0, 1.0).unwrap();
        assert!(base_value(&m, &[], 0.1, 0.5).is_err());
        let one = [AliveGroup {
            renewals: 0,
            alive: 1.0,
        }];
        assert!(base_value(&m, &one, 0.1, 1.0).is_err());
        assert!(base_value(&m, &one, 0.1, f64::NAN).is_err());
    }
}
