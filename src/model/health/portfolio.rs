//! The scores of a whole portfolio: the summary by band, and ticket priority.

use super::band::{Band, Bands};
use crate::model::order::{ascending, descending, permute};
use crate::model::portfolio::Customer;

/// Portfolio view of the scores of the customers still active (not recorded as churned).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PortfolioHealth {
    /// Mean score of the scored active customers.
    pub mean_score: Option<f64>,
    pub scored: usize,
    /// Customers and ARR by [`Band`] order (red, yellow, green).
    pub customers_by_band: [usize; 3],
    pub arr_by_band: [f64; 3],
    /// Scored customers per ten-point bin, 0–10 … 90–100.
    pub histogram: [usize; 10],
}

/// Whether a customer still counts in the portfolio: not recorded as churned.
pub fn is_active(customer: &Customer) -> bool {
    customer.renewed != Some(false)
}

/// Summarises `scores[i]` of `customers[i]` over the active customers.
pub fn portfolio(customers: &[Customer], scores: &[Option<f64>], bands: &Bands) -> PortfolioHealth {
    let mut out = PortfolioHealth::default();
    let mut sum = 0.0;
    for (customer, score) in customers.iter().zip(scores) {
        let (Some(score), true) = (*score, is_active(customer)) else {
            continue;
        };
        let b = bands.band(score) as usize;
        out.scored += 1;
        sum += score;
        out.customers_by_band[b] += 1;
        if customer.arr.is_finite() {
            out.arr_by_band[b] += customer.arr;
        }
        out.histogram[((score / 10.0) as usize).min(9)] += 1;
    }
    out.mean_score = (out.scored > 0).then(|| sum / out.scored as f64);
    out
}

/// One customer's place in the ticket queue.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TicketRank {
    /// Index into the customers.
    pub index: usize,
    /// The customer's health band: the first key of the order.
    pub band: Band,
    /// The customer's ARR (0 when unknown): the order within a band.
    pub arr: f64,
}

/// Ticket priority as the source states it (`shared/seeds/001`, 客户支持: "一个健康度处于正常
/// 状态的高价值客户遇到了一个工单问题,相比较于一个处于流失状态的低价值客户的工单,应该优先处理
/// 后者"): risk comes first, value second. Active customers with unresolved tickets, ordered
/// by band (red, then yellow, then green) and, within a band, by ARR, largest first; equal
/// keys keep the data's order. A customer with no score is not ranked (its risk is unknown).
///
/// A weighted product such as (1 − health/100) × ARR would let a large healthy account
/// outrank a small churning one, which is exactly what the source says not to do.
pub fn ticket_priority(
    customers: &[Customer],
    scores: &[Option<f64>],
    bands: &Bands,
) -> Vec<TicketRank> {
    let ranked: Vec<TicketRank> = customers
        .iter()
        .zip(scores)
        .enumerate()
        .filter(|(_, (c, _))| is_active(c) && c.tickets_unresolved.is_some_and(|t| t > 0.0))
        .filter_map(|(index, (c, score))| {
            let score = (*score).filter(|s| s.is_finite())?;
            let arr = if c.arr.is_finite() {
                c.arr.max(0.0)
            } else {
                0.0
            };
            Some(TicketRank {
                index,
                band: bands.band(score),
                arr,
            })
        })
        .collect();
    // Stable sorts: by ARR descending, then by band; the band order wins, ARR breaks ties.
    let by_arr: Vec<f64> = ranked.iter().map(|r| r.arr).collect();
    let ranked = permute(&ranked, &descending(&by_arr));
    let by_band: Vec<f64> = ranked.iter().map(|r| r.band as u8 as f64).collect();
    permute(&ranked, &ascending(&by_band))
}
