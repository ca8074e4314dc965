//! North-star finder (北极星指标): which measure of the customers file best separates the
//! customers who renewed from those who churned. Seed 000 (`shared/seeds/000_304623c434db8e9e.txt`):
//! "通过北极星指标和续约率做关联、归因设计,通过提升北极星这一过程指标来促成续约率的提升"
//! (the north star must be correlated with, and attributed to, the renewal rate); seed 004:
//! "客户的实际行动,如续费、介绍新客户,才能真实反映客户的满意度".
//!
//! The finder only measures association (AUC and quartile renewal rates) on past outcomes; the
//! attribution the seed asks for is a judgement the user makes on the ranked list.

use crate::model::portfolio::Customer;
use crate::model::renewal::auc;
use std::cmp::Ordering;

/// Canonical column names of the built-in numeric measures (equal to `io::fields::Field`'s
/// `column_name`, checked by a test; the model does not import `io`).
pub const NORTH_STAR: &str = "north_star";
pub const TICKETS_OPENED: &str = "tickets_opened";
pub const TICKETS_UNRESOLVED: &str = "tickets_unresolved";
pub const NPS: &str = "nps";
pub const TTFV_DAYS: &str = "ttfv_days";
pub const EXEC_TOUCH_DAYS: &str = "exec_touch_days";
pub const REFERRALS: &str = "referrals";
pub const EXPANSION_ARR: &str = "expansion_arr";
pub const PREV_HEALTH: &str = "prev_health";
pub const ARR: &str = "arr";

/// A candidate measure: its name and one value per customer (aligned with the customers).
pub type Column = (String, Vec<Option<f64>>);

/// Which way the measure goes with renewal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    /// Renewed customers tend to have higher values (AUC ≥ 0.5).
    Higher,
    /// Renewed customers tend to have lower values (AUC < 0.5).
    Lower,
}

impl Direction {
    pub fn key(self) -> &'static str {
        match self {
            Direction::Higher => "higher",
            Direction::Lower => "lower",
        }
    }
}

/// One ranked candidate.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// 1-based position in the ranking.
    pub rank: usize,
    pub name: String,
    /// Customers with a past outcome and a finite value.
    pub used: usize,
    /// AUC of the value for "renewed"; `None` without both outcomes in the sample.
    pub auc: Option<f64>,
    /// `max(auc, 1 − auc)`, 0.5..=1.
    pub strength: Option<f64>,
    pub direction: Option<Direction>,
    /// Customers in each quartile: `ceil(used / 4)`.
    pub quartile_size: usize,
    /// Renewal rate among the `quartile_size` largest values; `None` when `used` is 0.
    pub top_quartile_renewal: Option<f64>,
    /// Renewal rate among the `quartile_size` smallest values; `None` when `used` is 0.
    pub bottom_quartile_renewal: Option<f64>,
}

fn finite(x: Option<f64>) -> Option<f64> {
    x.filter(|x| x.is_finite())
}

/// The candidate columns of a customers file: the built-in numeric measures under their
/// canonical names (north_star, tickets_opened, tickets_unresolved, nps, ttfv_days,
/// exec_touch_days, referrals, expansion_arr, prev_health, arr), then each `extra` column by its
/// header in order of first appearance. Non-finite values count as missing; a column without a
/// single value is left out. For a header repeated within one customer, the first value counts.
pub fn candidate_columns(customers: &[Customer]) -> Vec<Column> {
    type Get = fn(&Customer) -> Option<f64>;
    let builtins: [(&str, Get); 10] = [
        (NORTH_STAR, |c| c.north_star),
        (TICKETS_OPENED, |c| c.tickets_opened),
        (TICKETS_UNRESOLVED, |c| c.tickets_unresolved),
        (NPS, |c| c.nps),
        (TTFV_DAYS, |c| c.ttfv_days),
        (EXEC_TOUCH_DAYS, |c| c.exec_touch_days),
        (REFERRALS, |c| c.referrals),
        (EXPANSION_ARR, |c| c.expansion_arr),
        (PREV_HEALTH, |c| c.prev_health),
        (ARR, |c| Some(c.arr)),
    ];
    let mut columns: Vec<Column> = builtins
        .iter()
        .map(|(name, get)| {
            let values = customers.iter().map(|c| finite(get(c))).collect();
            (name.to_string(), values)
        })
        .collect();
    let mut headers: Vec<&str> = Vec::new();
    for (header, _) in customers.iter().flat_map(|c| &c.extra) {
        if !headers.contains(&header.as_str()) {
            headers.push(header);
        }
    }
    for header in headers {
        let values = customers
            .iter()
            .map(|c| finite(c.extra.iter().find(|(h, _)| h == header).map(|(_, v)| *v)))
            .collect();
        columns.push((header.to_string(), values));
    }
    columns.retain(|(_, values)| values.iter().any(Option::is_some));
    columns
}

/// Measures one column against the outcomes (`rank` left at 0).
fn measure(name: &str, values: &[Option<f64>], renewed: &[Option<bool>]) -> Candidate {
    let mut sample: Vec<(f64, bool)> = values
        .iter()
        .zip(renewed)
        .filter_map(|(v, r)| Some((finite(*v)?, (*r)?)))
        .collect();
    let (value, outcome): (Vec<f64>, Vec<bool>) = sample.iter().copied().unzip();
    let auc = auc(&value, &outcome).filter(|a| a.is_finite());
    // Stable sort: equal values keep the customers' order.
    sample.sort_by(|a, b| a.0.total_cmp(&b.0));
    let n = sample.len();
    let k = n.div_ceil(4);
    let rate = |part: &[(f64, bool)]| {
        (!part.is_empty())
            .then(|| part.iter().filter(|(_, r)| *r).count() as f64 / part.len() as f64)
    };
    Candidate {
        rank: 0,
        name: name.to_string(),
        used: n,
        auc,
        strength: auc.map(|a| a.max(1.0 - a)),
        direction: auc.map(|a| {
            if a >= 0.5 {
                Direction::Higher
            } else {
                Direction::Lower
            }
        }),
        quartile_size: k,
        top_quartile_renewal: rate(&sample[n - k..]),
        bottom_quartile_renewal: rate(&sample[..k]),
    }
}

/// Ranks candidate measures by how well they separate renewed from churned customers.
///
/// For each column, the sample is the customers with a past outcome (`renewed[i].is_some()`)
/// and a finite value. `auc` = [`crate::model::renewal::auc`] of the value for "renewed" (the
/// Mann–Whitney probability that a renewed customer has the higher value, ties ½);
/// `strength = max(auc, 1 − auc)`; direction `Higher` when `auc ≥ 0.5`, else `Lower`.
/// Quartiles: the sample sorted by value ascending with a stable sort, so customers with equal
/// values keep their order in the file; with `k = ceil(n / 4)`, the bottom quartile is the
/// first `k` and the top quartile the last `k` of that order (a tie across a cut is split by
/// file order: of tied customers, the later ones go to the top). For `n < 4` the two quartiles
/// overlap (n = 1: both are the one customer). Each quartile's renewal rate is renewed / `k`.
///
/// Ranking: by strength descending, ties by name; columns without a both-outcome sample
/// (`auc: None`) come last, by name. `renewed` and each column are aligned with the customers;
/// entries beyond the shorter of the two are ignored. Source: seed 000 (北极星指标 "和续约率做
/// 关联、归因设计").
///
/// ```
/// use retention_lab::model::operations::finder::{rank, Direction};
/// let renewed = [Some(true), Some(true), Some(false), Some(false), None];
/// let columns = vec![
///     ("logins".to_string(), vec![Some(9.0), Some(8.0), Some(2.0), Some(1.0), Some(5.0)]),
///     ("noise".to_string(), vec![Some(1.0), Some(3.0), Some(2.0), Some(4.0), None]),
/// ];
/// let ranked = rank(&columns, &renewed);
/// assert_eq!(ranked[0].name, "logins");
/// assert_eq!(ranked[0].auc, Some(1.0));
/// assert_eq!(ranked[0].direction, Some(Direction::Higher));
/// assert_eq!(ranked[1].rank, 2);
/// ```
pub fn rank(columns: &[Column], renewed: &[Option<bool>]) -> Vec<Candidate> {
    let mut ranked: Vec<Candidate> = columns
        .iter()
        .map(|(name, values)| measure(name, values, renewed))
        .collect();
    ranked.sort_by(|a, b| {
        let by_strength = match (a.strength, b.strength) {
            (Some(x), Some(y)) => y.total_cmp(&x),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        by_strength.then_with(|| a.name.cmp(&b.name))
    });
    for (i, candidate) in ranked.iter_mut().enumerate() {
        candidate.rank = i + 1;
    }
    ranked
}

/// [`rank`] over [`candidate_columns`] of the customers, against their own outcomes.
pub fn rank_customers(customers: &[Customer]) -> Vec<Candidate> {
    let renewed: Vec<Option<bool>> = customers.iter().map(|c| c.renewed).collect();
    rank(&candidate_columns(customers), &renewed)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
