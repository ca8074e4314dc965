//! The scores of a whole portfolio: the summary by band, and ticket priority.

use super::Bands;
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

/// Ticket priority from the sources: customers with unresolved tickets, most urgent first by
/// `(1 − health / 100) × ARR` (a ticket from an at-risk account outranks one from a healthy
/// account of the same size). Returns `(customer index, priority)`.
pub fn ticket_priority(customers: &[Customer], scores: &[Option<f64>]) -> Vec<(usize, f64)> {
    let ranked: Vec<(usize, f64)> = customers
        .iter()
        .zip(scores)
        .enumerate()
        .filter(|(_, (c, _))| is_active(c) && c.tickets_unresolved.is_some_and(|t| t > 0.0))
        .filter_map(|(i, (c, score))| {
            let score = (*score)?;
            let arr = if c.arr.is_finite() {
                c.arr.max(0.0)
            } else {
                0.0
            };
            Some((i, (1.0 - score / 100.0) * arr))
        })
        .collect();
    let keys: Vec<f64> = ranked.iter().map(|r| r.1).collect();
    crate::model::order::permute(&ranked, &crate::model::order::descending(&keys))
}
