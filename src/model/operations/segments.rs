//! Segments and the niche (利基市场), seed 004 (`shared/seeds/004_558385ba70675088.txt`, T型业务模式):
//! "专注3~5个细分行业做垂直深耕" (focus on 3–5 vertical segments) and "目标垂直行业的营收占企业
//! 年度总营收的80%~90%" (the target verticals make 80–90 % of annual revenue). Figures per
//! `segment` value of the customers file, and the share of ARR the largest 3 and 5 take.

use crate::model::health::is_active;
use crate::model::portfolio::Customer;
use std::collections::BTreeMap;

/// The seed's band for the niche's share of revenue: 80 %…
pub const NICHE_SHARE_LOW: f64 = 0.80;
/// …to 90 %.
pub const NICHE_SHARE_HIGH: f64 = 0.90;
/// The seed's number of vertical segments: 3…
pub const NICHE_SEGMENTS_MIN: usize = 3;
/// …to 5.
pub const NICHE_SEGMENTS_MAX: usize = 5;

/// One segment's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct SegmentFigures {
    pub segment: String,
    /// Active customers of the segment.
    pub customers: usize,
    /// ARR of the active customers.
    pub arr: f64,
    /// `arr / total_arr` of [`Segments`]; `None` when the total is 0.
    pub arr_share: Option<f64>,
    /// Average revenue per account: `arr / customers`.
    pub arpa: Option<f64>,
    /// Logo renewal rate: renewed / customers of the segment with a past outcome, churned
    /// customers included; `None` when none has one.
    pub renewal_rate: Option<f64>,
    /// Σ expansion ARR of the active customers / `arr`; `None` when `arr` is 0.
    pub expansion_ratio: Option<f64>,
    /// Mean north star of the active customers with a value.
    pub mean_north_star: Option<f64>,
    /// Mean health score of the active customers with a score.
    pub mean_health: Option<f64>,
}

/// Segments of a portfolio, largest ARR first.
#[derive(Debug, Clone, PartialEq)]
pub struct Segments {
    pub rows: Vec<SegmentFigures>,
    /// Active customers without a segment (left out of `rows`).
    pub unsegmented: usize,
    /// Their ARR.
    pub unsegmented_arr: f64,
    /// ARR of all active customers, segmented or not: the denominator of the shares.
    pub total_arr: f64,
}

/// The one reading of seed 004's T model: the smallest number of largest segments, 3 to 5,
/// whose share of ARR reaches 80 % (`k`, with that share), and where the share lies against
/// the 80–90 % band.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NicheReading {
    /// `None` when even the 5 largest stay under 80 % (or there is no ARR).
    pub k: Option<usize>,
    /// The share of the `k` largest; of the 5 largest when `k` is `None`.
    pub share: Option<f64>,
    pub verdict: NicheVerdict,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NicheVerdict {
    /// 3–5 segments make 80–90 % of ARR: the seed's T model.
    Fits,
    /// The `k` largest make more than 90 %: more concentrated than the seed's niche.
    Concentrated,
    /// The 5 largest make less than 80 %: no niche yet.
    Spread,
    /// No ARR to share.
    NoRevenue,
}

impl Segments {
    /// The smallest `k` in [`NICHE_SEGMENTS_MIN`]..=[`NICHE_SEGMENTS_MAX`] with
    /// `top_share(k) ≥` [`NICHE_SHARE_LOW`], read against the band (see [`NicheReading`]).
    ///
    /// ```
    /// use retention_lab::model::operations::segments::{segments, NicheVerdict};
    /// use retention_lab::model::portfolio::Customer;
    /// let c = |s: &str, arr: f64| Customer { segment: Some(s.into()), arr, ..Customer::default() };
    /// // 40 + 25 + 15 = 80 % in three segments: the seed's niche.
    /// let s = segments(&[c("a", 40.0), c("b", 25.0), c("c", 15.0), c("d", 10.0), c("e", 10.0)], &[]);
    /// let r = s.niche_reading();
    /// assert_eq!((r.k, r.verdict), (Some(3), NicheVerdict::Fits));
    /// ```
    pub fn niche_reading(&self) -> NicheReading {
        if self.total_arr <= 0.0 {
            return NicheReading {
                k: None,
                share: None,
                verdict: NicheVerdict::NoRevenue,
            };
        }
        let reached = (NICHE_SEGMENTS_MIN..=NICHE_SEGMENTS_MAX)
            .find(|&k| self.top_share(k).is_some_and(|s| s >= NICHE_SHARE_LOW));
        match reached {
            Some(k) => {
                let share = self.top_share(k);
                let verdict = if share.is_some_and(|s| s > NICHE_SHARE_HIGH) {
                    NicheVerdict::Concentrated
                } else {
                    NicheVerdict::Fits
                };
                NicheReading {
                    k: Some(k),
                    share,
                    verdict,
                }
            }
            None => NicheReading {
                k: None,
                share: self.top_share(NICHE_SEGMENTS_MAX),
                verdict: NicheVerdict::Spread,
            },
        }
    }

    /// Share of the total ARR in the `k` largest segments (all of them when fewer than `k`):
    /// seed 004 expects 80–90 % in the top 3–5. `None` when the total ARR is 0.
    pub fn top_share(&self, k: usize) -> Option<f64> {
        let top: f64 = self.rows.iter().take(k).map(|r| r.arr).sum();
        ratio(top, self.total_arr)
    }

    /// Whether `share` lies in the seed's band, [`NICHE_SHARE_LOW`]..=[`NICHE_SHARE_HIGH`].
    pub fn in_niche_band(share: f64) -> bool {
        (NICHE_SHARE_LOW..=NICHE_SHARE_HIGH).contains(&share)
    }
}

fn ratio(numerator: f64, denominator: f64) -> Option<f64> {
    Some(numerator / denominator).filter(|r| denominator > 0.0 && r.is_finite())
}

/// ARR as counted here: finite and ≥ 0, anything else 0.
fn arr_of(customer: &Customer) -> f64 {
    if customer.arr.is_finite() {
        customer.arr.max(0.0)
    } else {
        0.0
    }
}

/// The customer's segment as written (trimmed), `None` when missing or blank.
pub fn segment_of(customer: &Customer) -> Option<&str> {
    customer
        .segment
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// What groups customers into one segment: the trimmed name in lower case, so "Retail",
/// "retail" and " RETAIL " are one segment (shown as first written). Every view of segments
/// (this panel, the niche draft of the Strategy section) groups by it.
pub fn segment_key(customer: &Customer) -> Option<String> {
    segment_of(customer).map(str::to_lowercase)
}

/// A segment's mean north star, the one definition every view of segments uses: the mean of
/// the finite north-star values of its active customers (not recorded as churned); `None`
/// when none has one.
pub fn mean_north_star<'a>(members: impl IntoIterator<Item = &'a Customer>) -> Option<f64> {
    let mut sum = (0.0, 0usize);
    for c in members.into_iter().filter(|c| is_active(c)) {
        add(&mut sum, c.north_star);
    }
    ratio(sum.0, sum.1 as f64)
}

#[derive(Default)]
struct Tally {
    /// The name as first written.
    name: String,
    customers: usize,
    arr: f64,
    with_outcome: usize,
    renewed: usize,
    expansion: f64,
    north_star: (f64, usize),
    health: (f64, usize),
}

fn add(sum: &mut (f64, usize), x: Option<f64>) {
    if let Some(x) = x.filter(|x| x.is_finite()) {
        sum.0 += x;
        sum.1 += 1;
    }
}

/// Figures per segment over the active customers ([`is_active`]: not recorded as churned).
/// `health[i]` is customer i's score (aligned with `customers`; missing entries = not scored).
///
/// Per segment: customers, ARR (non-finite or negative ARR counts as 0), share of the total
/// active ARR (unsegmented customers included in the total, as the seed's "企业年度总营收"
/// is all revenue), ARPA = ARR / customers, logo renewal rate = renewed / customers with a past
/// outcome — over **all** the segment's customers, churned ones included, since the active
/// ones exclude exactly the churned outcomes — expansion / ARR, mean north star, mean health.
/// A segment whose customers have all churned has no active customer and no row. Names are
/// grouped by [`segment_key`] (case and surrounding spaces ignored). Sorted by ARR
/// descending, ties by name. Source: seed 004 (T型业务模式, "专注3~5个细分行业").
///
/// ```
/// use retention_lab::model::operations::segments::segments;
/// use retention_lab::model::portfolio::Customer;
/// let c = |s: &str, arr: f64| Customer { segment: Some(s.into()), arr, ..Customer::default() };
/// let s = segments(&[c("Retail", 300.0), c("Finance", 100.0)], &[]);
/// assert_eq!(s.rows[0].segment, "Retail");
/// assert_eq!(s.top_share(1), Some(0.75));
/// ```
pub fn segments(customers: &[Customer], health: &[Option<f64>]) -> Segments {
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    let mut unsegmented = 0;
    let mut unsegmented_arr = 0.0;
    for (i, c) in customers.iter().enumerate() {
        let active = is_active(c);
        let (Some(name), Some(key)) = (segment_of(c), segment_key(c)) else {
            if active {
                unsegmented += 1;
                unsegmented_arr += arr_of(c);
            }
            continue;
        };
        let t = tallies.entry(key).or_insert_with(|| Tally {
            name: name.to_string(),
            ..Tally::default()
        });
        if let Some(renewed) = c.renewed {
            t.with_outcome += 1;
            t.renewed += usize::from(renewed);
        }
        if !active {
            continue;
        }
        t.customers += 1;
        t.arr += arr_of(c);
        t.expansion += c.expansion_arr.filter(|x| x.is_finite()).unwrap_or(0.0);
        add(&mut t.north_star, c.north_star);
        add(&mut t.health, health.get(i).copied().flatten());
    }
    let segmented_arr: f64 = tallies.values().map(|t| t.arr).sum();
    let total_arr = segmented_arr + unsegmented_arr;
    let mut rows: Vec<SegmentFigures> = tallies
        .into_iter()
        .filter(|(_, t)| t.customers > 0)
        .map(|(_, t)| SegmentFigures {
            segment: t.name.clone(),
            customers: t.customers,
            arr: t.arr,
            arr_share: ratio(t.arr, total_arr),
            arpa: ratio(t.arr, t.customers as f64),
            renewal_rate: ratio(t.renewed as f64, t.with_outcome as f64),
            expansion_ratio: ratio(t.expansion, t.arr),
            mean_north_star: ratio(t.north_star.0, t.north_star.1 as f64),
            mean_health: ratio(t.health.0, t.health.1 as f64),
        })
        .collect();
    // BTreeMap order is by name, and the sort is stable: equal ARR stays by name.
    rows.sort_by(|a, b| b.arr.total_cmp(&a.arr));
    Segments {
        rows,
        unsegmented,
        unsegmented_arr,
        total_arr,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
