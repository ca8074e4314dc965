//! First value and onboarding (新手启动, 初步激活). Seed 001 (`shared/seeds/001_26dfe038886bd2ff.txt`):
//! "我们经常会看客户在付费之后90天内是否完成了激活动作" (we check whether the customer activated
//! within 90 days of paying) and "在这个阶段客户成功的关键指标是完成激活动作的所需的时间(Time to
//! First Value,TTFV)" (the key metric is the time to first value). Seed 004: "客户“第一价值”特别
//! 重要" (the customer's first value matters most).
//!
//! A customer is eligible once its first start is at least 90 days before the as-of date, so
//! every eligible customer has had the full 90 days to activate. Churned customers count (their
//! outcome is what the buckets compare).
//!
//! Renewal rates here are annual: only customers on contracts of a year or more
//! ([`annual_contract`]) give an outcome. A monthly plan's `renewed` says it is still paying
//! this month; mixing the two would add a monthly survival to an annual renewal rate.

use crate::model::calendar::Date;
use crate::model::portfolio::Customer;

/// The activation window of seed 001, days from payment.
pub const ACTIVATION_DAYS: f64 = 90.0;

/// TTFV buckets: `≤ 30`, `31–60`, `61–90`, `> 90 or never`. Bounds are on the days as given
/// (fractions allowed): (−∞, 30], (30, 60], (60, 90], (90, ∞) plus never.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Bucket {
    UpTo30,
    From31To60,
    From61To90,
    Over90OrNever,
}

impl Bucket {
    pub const ALL: [Bucket; 4] = [
        Bucket::UpTo30,
        Bucket::From31To60,
        Bucket::From61To90,
        Bucket::Over90OrNever,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Bucket::UpTo30 => "0-30",
            Bucket::From31To60 => "31-60",
            Bucket::From61To90 => "61-90",
            Bucket::Over90OrNever => "over-90",
        }
    }

    /// The bucket of a TTFV ([`ttfv`]; `None` = never reached first value).
    pub fn of(ttfv: Option<f64>) -> Bucket {
        match ttfv {
            Some(d) if d <= 30.0 => Bucket::UpTo30,
            Some(d) if d <= 60.0 => Bucket::From31To60,
            Some(d) if d <= ACTIVATION_DAYS => Bucket::From61To90,
            _ => Bucket::Over90OrNever,
        }
    }
}

/// The shortest contract, in days, read as annual: a year runs 365 or 366 days, and 360
/// leaves room for contracts dated a few days short.
pub const ANNUAL_CONTRACT_DAYS: i64 = 360;

/// Whether the customer's `renewed` is an annual renewal: its contract runs at least
/// [`ANNUAL_CONTRACT_DAYS`], or its term is unknown (no contract dates; the customers file
/// describes annual contracts, `shared/domain.md` point 4). A monthly plan is not.
pub fn annual_contract(customer: &Customer) -> bool {
    match (customer.contract_start, customer.contract_end) {
        (Some(start), Some(end)) => start.days_until(end) >= ANNUAL_CONTRACT_DAYS,
        _ => true,
    }
}

/// A customer's TTFV in days: `None` when missing, or when not a finite number ≥ 0 (an
/// impossible value is read as "no first value recorded").
pub fn ttfv(customer: &Customer) -> Option<f64> {
    customer.ttfv_days.filter(|d| d.is_finite() && *d >= 0.0)
}

/// Whether the customer has had the full window: `first_start.days_until(as_of) ≥ 90`.
pub fn eligible(customer: &Customer, as_of: Date) -> bool {
    customer
        .first_start
        .is_some_and(|start| start.days_until(as_of) as f64 >= ACTIVATION_DAYS)
}

/// One TTFV bucket of the eligible customers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BucketFigures {
    pub bucket: Bucket,
    /// Every eligible customer of the bucket, monthly plans included.
    pub customers: usize,
    /// Of those, the customers on annual contracts ([`annual_contract`]).
    pub annual: usize,
    /// Annual-contract customers of the bucket with a past renewal outcome.
    pub with_outcome: usize,
    pub renewed: usize,
    /// Annual renewal rate: `renewed / with_outcome`; `None` when no annual-contract customer
    /// of the bucket has a past outcome.
    pub renewal_rate: Option<f64>,
}

/// First value and onboarding figures.
#[derive(Debug, Clone, PartialEq)]
pub struct FirstValue {
    pub eligible: usize,
    /// Share of the eligible customers with TTFV ≤ 90 days; `None` with none eligible.
    pub activated_share: Option<f64>,
    /// Share of the eligible customers that never reached first value (no TTFV).
    pub never_share: Option<f64>,
    /// Median TTFV among the eligible customers that reached first value ([`percentile`] 0.5).
    pub median_ttfv: Option<f64>,
    /// 75th percentile of the same ([`percentile`] 0.75).
    pub p75_ttfv: Option<f64>,
    /// In [`Bucket::ALL`] order.
    pub buckets: [BucketFigures; 4],
}

/// The `p`-quantile (0..=1) of ascending `sorted` values by linear interpolation between the
/// closest ranks (Hyndman & Fan 1996 type 7, the default of R and NumPy): with
/// `h = (n − 1)·p`, `x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋])`. `None` when empty or `p` is
/// outside 0..=1.
///
/// ```
/// use retention_lab::model::operations::first_value::percentile;
/// assert_eq!(percentile(&[10.0, 20.0, 30.0, 40.0], 0.5), Some(25.0));
/// assert_eq!(percentile(&[10.0, 20.0, 30.0, 40.0], 0.75), Some(32.5));
/// ```
pub fn percentile(sorted: &[f64], p: f64) -> Option<f64> {
    if sorted.is_empty() || !(0.0..=1.0).contains(&p) {
        return None;
    }
    let h = (sorted.len() - 1) as f64 * p;
    let lo = h.floor() as usize;
    let x_lo = *sorted.get(lo)?;
    let x_hi = *sorted.get(lo + 1).unwrap_or(&x_lo);
    Some(x_lo + (h - lo as f64) * (x_hi - x_lo)).filter(|q| q.is_finite())
}

fn share(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// First value and onboarding of the customers eligible at `as_of` ([`eligible`]).
///
/// Activated = TTFV ≤ 90 days (seed 001: "付费之后90天内是否完成了激活动作"); never = no TTFV.
/// Shares are over the eligible customers; median and 75th percentile by [`percentile`] over
/// the eligible customers with a TTFV (including those above 90 days). Each bucket's renewal
/// rate = renewed / its annual-contract customers ([`annual_contract`]) with a past outcome
/// (`renewed.is_some()`); monthly plans count in every share but give no renewal outcome.
///
/// ```
/// use retention_lab::model::calendar::Date;
/// use retention_lab::model::operations::first_value::first_value;
/// use retention_lab::model::portfolio::Customer;
/// let start = Date::new(2024, 1, 1);
/// let quick = Customer { first_start: start, ttfv_days: Some(20.0), ..Customer::default() };
/// let never = Customer { first_start: start, ..Customer::default() };
/// let f = first_value(&[quick, never], Date { year: 2024, month: 12, day: 31 });
/// assert_eq!((f.eligible, f.activated_share, f.never_share), (2, Some(0.5), Some(0.5)));
/// ```
pub fn first_value(customers: &[Customer], as_of: Date) -> FirstValue {
    let mut buckets = Bucket::ALL.map(|bucket| BucketFigures {
        bucket,
        customers: 0,
        annual: 0,
        with_outcome: 0,
        renewed: 0,
        renewal_rate: None,
    });
    let mut days: Vec<f64> = Vec::new();
    let mut eligible_count = 0;
    let mut never = 0;
    for c in customers.iter().filter(|c| eligible(c, as_of)) {
        eligible_count += 1;
        let t = ttfv(c);
        match t {
            Some(d) => days.push(d),
            None => never += 1,
        }
        let b = &mut buckets[Bucket::of(t) as usize];
        b.customers += 1;
        if !annual_contract(c) {
            continue;
        }
        b.annual += 1;
        if let Some(renewed) = c.renewed {
            b.with_outcome += 1;
            b.renewed += usize::from(renewed);
        }
    }
    for b in &mut buckets {
        b.renewal_rate = share(b.renewed, b.with_outcome);
    }
    days.sort_by(f64::total_cmp);
    let activated = days.iter().filter(|&&d| d <= ACTIVATION_DAYS).count();
    FirstValue {
        eligible: eligible_count,
        activated_share: share(activated, eligible_count),
        never_share: share(never, eligible_count),
        median_ttfv: percentile(&days, 0.5),
        p75_ttfv: percentile(&days, 0.75),
        buckets,
    }
}

/// The annual renewal the activation mix implies, before and after the onboarding lever. Not
/// the renewal rate of the portfolio: a model of it from the TTFV buckets.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LeverResult {
    /// Annual-contract customers moved from the over-90 / never bucket to the 61–90 bucket.
    pub moved: usize,
    /// `Σ annual_k × rate_k / Σ annual_k` over the buckets with a rate, before the move.
    pub before: f64,
    /// The same after the move.
    pub after: f64,
}

fn expected_renewal(counts: [usize; 4], rates: [Option<f64>; 4]) -> Option<f64> {
    let (weighted, total) = counts
        .iter()
        .zip(rates)
        .filter_map(|(&n, r)| Some((n as f64 * r?, n as f64)))
        .fold((0.0, 0.0), |(w, t), (x, n)| (w + x, t + n));
    Some(weighted / total).filter(|e| total > 0.0 && e.is_finite())
}

/// Onboarding lever: what if the activated share rose from `from_share` (a) to `to_share` (b)?
///
/// On annual contracts only, one unit throughout: moves `round((b − a) × annual)` customers
/// (annual = Σ bucket `annual`; rounding half away from zero; only upward, so b ≤ a moves
/// none; at most the annual customers of the over-90 / never bucket) from the over-90 / never
/// bucket into the 61–90 bucket, then recomputes the implied annual renewal
/// `Σ annual_k × rate_k / Σ annual_k` over the buckets that have a rate (each an annual
/// renewal rate); buckets without a rate are left out of both sums, before and after. The
/// difference is what the lever adds to a scenario's annual logo renewal.
///
/// Assumption (not from the seeds): a customer moved takes on the 61–90 bucket's renewal rate,
/// i.e. activating late but within 90 days is worth what it is worth today for those who do.
/// Seed 001 supports the direction ("要么你能激活客户,要么就可能永远失去客户"), not the size.
///
/// `None` when a or b is not finite, when no bucket has a rate, or when customers would be
/// moved but the 61–90 bucket has no rate to give them.
pub fn onboarding_lever(
    buckets: &[BucketFigures; 4],
    from_share: f64,
    to_share: f64,
) -> Option<LeverResult> {
    if !from_share.is_finite() || !to_share.is_finite() {
        return None;
    }
    let counts = buckets.map(|b| b.annual);
    let rates = buckets.map(|b| b.renewal_rate);
    let eligible: usize = counts.iter().sum();
    let late = Bucket::Over90OrNever as usize;
    let target = Bucket::From61To90 as usize;
    let wanted = ((to_share - from_share) * eligible as f64).round().max(0.0);
    let moved = (wanted.min(counts[late] as f64)) as usize;
    let before = expected_renewal(counts, rates)?;
    if moved > 0 && rates[target].is_none() {
        return None;
    }
    let mut after_counts = counts;
    after_counts[late] -= moved;
    after_counts[target] += moved;
    let after = expected_renewal(after_counts, rates)?;
    Some(LeverResult {
        moved,
        before,
        after,
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
