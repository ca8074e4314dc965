//! North-star finder (北极星指标): which measure of the customers file best separates the
//! customers who renewed from those who churned. Seed 000 (`shared/seeds/000_304623c434db8e9e.txt`):
//! "通过北极星指标和续约率做关联、归因设计,通过提升北极星这一过程指标来促成续约率的提升"
//! (the north star must be correlated with, and attributed to, the renewal rate); seed 004:
//! "客户的实际行动,如续费、介绍新客户,才能真实反映客户的满意度".
//!
//! The finder only measures association (AUC and quartile renewal rates) on past outcomes; the
//! attribution the seed asks for is a judgement the user makes on the ranked list. Two guards
//! keep the list honest: columns that are outcomes of renewal ([`OUTCOMES`]) are shown but not
//! offered (a usage metric drives renewal; expansion booked at renewal is renewal), and a
//! column measured on fewer than [`MIN_EACH_SIDE`] renewed or churned customers is "too few"
//! and not ranked. Every figure depends only on the customers' values and outcomes, never on
//! the file's row order.

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

/// Columns recorded at or after the renewal they would predict: expansion booked at renewal,
/// referrals, ARR (today's, after expansion) and the previous health score (issue 25: "outcomes
/// of renewal"). Ranking them would reward a leak, so they are shown as outcomes.
pub const OUTCOMES: [&str; 4] = [EXPANSION_ARR, REFERRALS, ARR, PREV_HEALTH];

/// The fewest renewed and the fewest churned customers a column needs to be ranked: below 10
/// on either side one customer moves the AUC by 0.05 or more (1/10 of the pairs), too much
/// to choose a north star on. A stated choice, not from the seeds.
pub const MIN_EACH_SIDE: usize = 10;

/// Whether `column` is an outcome of renewal ([`OUTCOMES`]), never offered as north star.
pub fn is_outcome(column: &str) -> bool {
    OUTCOMES.contains(&column)
}

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

/// Where a column stands in the finder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Standing {
    /// Ranked among the usable columns: 1 is the strongest.
    Ranked(usize),
    /// Fewer than the minimum of renewed or of churned customers have a value.
    TooFew,
    /// An outcome of renewal ([`OUTCOMES`]): measured, never offered as north star.
    Outcome,
}

impl Standing {
    pub fn key(self) -> &'static str {
        match self {
            Standing::Ranked(_) => "ranked",
            Standing::TooFew => "too-few",
            Standing::Outcome => "outcome",
        }
    }

    /// The rank, for ranked columns.
    pub fn rank(self) -> Option<usize> {
        match self {
            Standing::Ranked(rank) => Some(rank),
            _ => None,
        }
    }
}

/// One measured column.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub standing: Standing,
    pub name: String,
    /// Customers with a past outcome and a finite value.
    pub used: usize,
    /// Of those, how many renewed and how many churned.
    pub renewed: usize,
    pub churned: usize,
    /// AUC of the value for "renewed"; `None` without both outcomes in the sample.
    pub auc: Option<f64>,
    /// `max(auc, 1 − auc)`, 0.5..=1.
    pub strength: Option<f64>,
    pub direction: Option<Direction>,
    /// Customers in the top quartile (see [`rank`]) and its renewal rate (`None` when empty).
    pub top_quartile: usize,
    pub top_quartile_renewal: Option<f64>,
    /// Customers in the bottom quartile and its renewal rate (`None` when empty).
    pub bottom_quartile: usize,
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

/// The customers of `sample` (sorted by value) whose mid-rank puts them in the bottom and in
/// the top quartile: `(bottom, top)` as (customers, renewed).
fn quartiles(sorted: &[(f64, bool)]) -> ((usize, usize), (usize, usize)) {
    let n = sorted.len() as f64;
    let (mut bottom, mut top) = ((0, 0), (0, 0));
    let mut i = 0;
    while i < sorted.len() {
        // A run of equal values shares one mid-rank, so ties always fall on the same side.
        let mut j = i;
        while j < sorted.len() && sorted[j].0 == sorted[i].0 {
            j += 1;
        }
        let mid_rank = (i + 1 + j) as f64 / 2.0;
        let percentile = (mid_rank - 0.5) / n;
        let run = j - i;
        let renewed = sorted[i..j].iter().filter(|(_, r)| *r).count();
        if percentile <= 0.25 {
            bottom = (bottom.0 + run, bottom.1 + renewed);
        } else if percentile >= 0.75 {
            top = (top.0 + run, top.1 + renewed);
        }
        i = j;
    }
    (bottom, top)
}

/// Measures one column against the outcomes (standing left as `TooFew`; [`rank`] settles it).
fn measure(name: &str, values: &[Option<f64>], renewed: &[Option<bool>]) -> Candidate {
    let mut sample: Vec<(f64, bool)> = values
        .iter()
        .zip(renewed)
        .filter_map(|(v, r)| Some((finite(*v)?, (*r)?)))
        .collect();
    let (value, outcome): (Vec<f64>, Vec<bool>) = sample.iter().copied().unzip();
    let auc = auc(&value, &outcome).filter(|a| a.is_finite());
    sample.sort_by(|a, b| a.0.total_cmp(&b.0));
    let ((bottom, bottom_renewed), (top, top_renewed)) = quartiles(&sample);
    let rate = |customers: usize, renewed: usize| {
        (customers > 0).then(|| renewed as f64 / customers as f64)
    };
    let renewed_count = outcome.iter().filter(|r| **r).count();
    Candidate {
        standing: Standing::TooFew,
        name: name.to_string(),
        used: sample.len(),
        renewed: renewed_count,
        churned: sample.len() - renewed_count,
        auc,
        strength: auc.map(|a| a.max(1.0 - a)),
        direction: auc.map(|a| {
            if a >= 0.5 {
                Direction::Higher
            } else {
                Direction::Lower
            }
        }),
        top_quartile: top,
        top_quartile_renewal: rate(top, top_renewed),
        bottom_quartile: bottom,
        bottom_quartile_renewal: rate(bottom, bottom_renewed),
    }
}

/// Ranks candidate measures by how well they separate renewed from churned customers.
///
/// For each column, the sample is the customers with a past outcome (`renewed[i].is_some()`)
/// and a finite value. `auc` = [`crate::model::renewal::auc`] of the value for "renewed" (the
/// Mann–Whitney probability that a renewed customer has the higher value, ties ½);
/// `strength = max(auc, 1 − auc)`; direction `Higher` when `auc ≥ 0.5`, else `Lower`.
///
/// Quartiles by rank, ties together: each customer's mid-rank `r` (equal values share the
/// mean of their positions, 1-based, in ascending order) gives the percentile `(r − ½) / n`;
/// the bottom quartile is every customer at or below 0.25, the top quartile every customer at or
/// above 0.75. With all values equal both quartiles are empty. A quartile's renewal rate is
/// its renewed / its customers. Nothing depends on the customers' order.
///
/// Standing: a column in [`OUTCOMES`] is `Outcome`; otherwise one with fewer than
/// `min_each_side` renewed or churned customers in its sample (so also one without an AUC) is
/// `TooFew`; the rest are `Ranked` by strength descending, ties by name. The list is the
/// ranked columns, then the too-few, then the outcomes (each group by strength, then name).
/// `renewed` and each column are aligned with the customers; entries beyond the shorter of
/// the two are ignored. Source: seed 000 (北极星指标 "和续约率做关联、归因设计").
///
/// ```
/// use retention_lab::model::operations::finder::{rank, Direction, Standing};
/// let renewed = [Some(true), Some(true), Some(false), Some(false), None];
/// let columns = vec![
///     ("logins".to_string(), vec![Some(9.0), Some(8.0), Some(2.0), Some(1.0), Some(5.0)]),
///     ("noise".to_string(), vec![Some(1.0), Some(3.0), Some(2.0), Some(4.0), None]),
///     ("arr".to_string(), vec![Some(9.0), Some(8.0), Some(2.0), Some(1.0), Some(5.0)]),
/// ];
/// let ranked = rank(&columns, &renewed, 2);
/// assert_eq!(ranked[0].name, "logins");
/// assert_eq!(ranked[0].auc, Some(1.0));
/// assert_eq!(ranked[0].direction, Some(Direction::Higher));
/// assert_eq!(ranked[1].standing, Standing::Ranked(2));
/// assert_eq!(ranked[2].standing, Standing::Outcome);
/// // Two renewed and two churned are too few when three of each are asked for.
/// assert_eq!(rank(&columns, &renewed, 3)[0].standing, Standing::TooFew);
/// ```
pub fn rank(columns: &[Column], renewed: &[Option<bool>], min_each_side: usize) -> Vec<Candidate> {
    let mut measured: Vec<Candidate> = columns
        .iter()
        .map(|(name, values)| {
            let mut c = measure(name, values, renewed);
            c.standing = if is_outcome(name) {
                Standing::Outcome
            } else if c.auc.is_none() || c.renewed.min(c.churned) < min_each_side.max(1) {
                Standing::TooFew
            } else {
                Standing::Ranked(0)
            };
            c
        })
        .collect();
    let group = |s: Standing| match s {
        Standing::Ranked(_) => 0,
        Standing::TooFew => 1,
        Standing::Outcome => 2,
    };
    measured.sort_by(|a, b| {
        let by_strength = match (a.strength, b.strength) {
            (Some(x), Some(y)) => y.total_cmp(&x),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        group(a.standing)
            .cmp(&group(b.standing))
            .then(by_strength)
            .then_with(|| a.name.cmp(&b.name))
    });
    let mut next = 0;
    for candidate in measured.iter_mut() {
        if let Standing::Ranked(rank) = &mut candidate.standing {
            next += 1;
            *rank = next;
        }
    }
    measured
}

/// [`rank`] over [`candidate_columns`] of the customers, against their own outcomes, with
/// [`MIN_EACH_SIDE`].
pub fn rank_customers(customers: &[Customer]) -> Vec<Candidate> {
    let renewed: Vec<Option<bool>> = customers.iter().map(|c| c.renewed).collect();
    rank(&candidate_columns(customers), &renewed, MIN_EACH_SIDE)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
