//! The customer-success funnel: AARRR mapped to customer success (seed 002: "新签获客就等同于
//! Acquisition … 实施上线(Onboarding)等同于Activation … 北极星指标活跃等同于Retention … 续费留存
//! 等同于Revenue … 转介绍和增购就等同于Referral").
//!
//! A strict funnel: each step is a subset of the one before, so every conversion is in 0–1.
//! - acquisition 获客: customers whose first start (`first_start`, the start TTFV counts from;
//!   without it the customer is outside the funnel) lies in the window [from, to] (inclusive)
//!   and who pass the optional tier and segment filters;
//! - activation 实施上线: of those, time to first value ≤ 90 days (the onboarding window of
//!   `shared/domain.md` point 4; no first value yet = not activated);
//! - retention 北极星活跃: of those, north star above the activity threshold the user sets (the
//!   seed: "代表客户活跃使用系统", the customer actively uses the product; the threshold is in
//!   north-star units and a missing north star is not active);
//! - revenue 续费留存: of those, renewed (`renewed == Some(true)`). Customers not yet due are
//!   not renewed, so the step undercounts young cohorts: [`Funnel::due`] says how many of the
//!   retention step had an outcome at all, and [`Funnel::renewal_among_due`] gives the rate
//!   among them;
//! - referral 转介绍和增购: of those, referrals > 0 or expansion ARR > 0.
//!
//! Beside the strict steps, [`Funnel::renewed_all`] counts every acquired customer who renewed,
//! whatever the earlier steps, so a reader sees how many renewals the strict funnel leaves out.

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

use crate::model::calendar::Date;
use crate::model::health::ONBOARDING_DAYS;
use crate::model::portfolio::Customer;
use crate::model::tiers::Tier;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    Acquisition,
    Activation,
    Retention,
    Revenue,
    Referral,
}

impl Step {
    pub const ALL: [Step; 5] = [
        Step::Acquisition,
        Step::Activation,
        Step::Retention,
        Step::Revenue,
        Step::Referral,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Step::Acquisition => "acquisition",
            Step::Activation => "activation",
            Step::Retention => "retention",
            Step::Revenue => "revenue",
            Step::Referral => "referral",
        }
    }
}

/// Which customers enter the funnel.
#[derive(Debug, Clone, PartialEq)]
pub struct FunnelFilter {
    /// First day of the start window (inclusive).
    pub from: Date,
    /// Last day of the start window (inclusive).
    pub to: Date,
    /// Only customers of this current tier (`tiers[i]`), when set.
    pub tier: Option<Tier>,
    /// Only customers of this segment (exact match), when set.
    pub segment: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FunnelStep {
    pub step: Step,
    pub count: usize,
    /// count / previous step's count; `None` for the first step and when the previous is 0.
    pub conversion: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Funnel {
    /// In [`Step::ALL`] order.
    pub steps: [FunnelStep; 5],
    /// Retention-step customers with a known renewal outcome (`renewed.is_some()`).
    pub due: usize,
    /// Revenue step / due; `None` when nobody was due.
    pub renewal_among_due: Option<f64>,
    /// Acquired customers who renewed, whether or not they passed activation and retention.
    pub renewed_all: usize,
}

/// The step a customer reaches (index into [`Step::ALL`]), or `None` when outside the funnel.
fn reached(
    c: &Customer,
    tier: Option<Tier>,
    filter: &FunnelFilter,
    active_above: f64,
) -> Option<usize> {
    let start = c.first_start?;
    let in_window = filter.from <= start && start <= filter.to;
    let tier_ok = filter.tier.is_none_or(|t| tier == Some(t));
    let segment_ok = filter
        .segment
        .as_deref()
        .is_none_or(|s| c.segment.as_deref() == Some(s));
    if !(in_window && tier_ok && segment_ok) {
        return None;
    }
    let positive = |v: Option<f64>| v.is_some_and(|x| x.is_finite() && x > 0.0);
    let checks = [
        c.ttfv_days
            .is_some_and(|d| d.is_finite() && d <= ONBOARDING_DAYS as f64),
        c.north_star
            .is_some_and(|n| n.is_finite() && active_above.is_finite() && n > active_above),
        c.renewed == Some(true),
        positive(c.referrals) || positive(c.expansion_arr),
    ];
    Some(checks.iter().take_while(|ok| **ok).count())
}

/// Counts the funnel. `tiers[i]` is customers[i]'s current tier (used only by the tier
/// filter; a shorter slice counts as `None`). A customer is active when the north star is
/// strictly above `active_above`; a non-finite threshold lets nobody reach the retention step.
///
/// ```
/// use retention_lab::model::calendar::Date;
/// use retention_lab::model::operations::funnel::{funnel, FunnelFilter};
/// use retention_lab::model::portfolio::Customer;
/// let day = Date::new(2025, 1, 1).unwrap();
/// let c = Customer { first_start: Some(day), ttfv_days: Some(30.0), ..Customer::default() };
/// let filter = FunnelFilter { from: day, to: day, tier: None, segment: None };
/// let f = funnel(&[c], &[], &filter, 50.0); // no north star: not active
/// assert_eq!((f.steps[0].count, f.steps[1].count, f.steps[2].count), (1, 1, 0));
/// assert_eq!(f.steps[1].conversion, Some(1.0));
/// ```
pub fn funnel(
    customers: &[Customer],
    tiers: &[Option<Tier>],
    filter: &FunnelFilter,
    active_above: f64,
) -> Funnel {
    let mut counts = [0usize; 5];
    let mut due = 0;
    let mut renewed_all = 0;
    for (i, c) in customers.iter().enumerate() {
        let tier = tiers.get(i).copied().flatten();
        let Some(depth) = reached(c, tier, filter, active_above) else {
            continue;
        };
        if c.renewed == Some(true) {
            renewed_all += 1;
        }
        for count in counts.iter_mut().take(depth + 1) {
            *count += 1;
        }
        if depth >= 2 && c.renewed.is_some() {
            due += 1;
        }
    }
    let mut steps = Step::ALL.map(|step| FunnelStep {
        step,
        count: 0,
        conversion: None,
    });
    for k in 0..steps.len() {
        steps[k].count = counts[k];
        if k > 0 && counts[k - 1] > 0 {
            steps[k].conversion = Some(counts[k] as f64 / counts[k - 1] as f64);
        }
    }
    Funnel {
        steps,
        due,
        renewal_among_due: (due > 0).then(|| counts[3] as f64 / due as f64),
        renewed_all,
    }
}
