//! The health section's customer table: which active customers match the filters, in which
//! order, and the page shown with each row's health explained. Only up to the shown page is
//! put in order and only the shown rows are explained, so 100,000 customers stay fast.

use super::health::HealthAnalysis;
use crate::model::health::{customer_stage, is_active, score, Band, Health, Scorecard, Stage};
use crate::model::order::{largest, permute, smallest};
use crate::model::portfolio::Customer;
use crate::model::tiers::Tier;

/// Rows per page.
pub const PAGE: usize = 25;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    /// Lowest score first.
    Worst,
    Best,
    /// Largest ARR first.
    Arr,
    /// Largest fall since the previous score first.
    Drop,
}

/// How the table is sorted, filtered and paged (kept by the health section, not the app).
#[derive(Debug, Clone, PartialEq)]
pub struct TableView {
    pub sort: Sort,
    pub band: Option<Band>,
    pub tier: Option<Tier>,
    pub stage: Option<Stage>,
    /// Matched against names and ids, ASCII case folded.
    pub search: String,
    pub page: usize,
}

impl Default for TableView {
    fn default() -> Self {
        TableView {
            sort: Sort::Worst,
            band: None,
            tier: None,
            stage: None,
            search: String::new(),
            page: 0,
        }
    }
}

/// One shown row: the customer's index, its health explained, its tier.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomerRow {
    pub index: usize,
    pub health: Health,
    pub tier: Option<Tier>,
}

/// The page shown of the matching customers.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomerPage {
    pub rows: Vec<CustomerRow>,
    /// Matching customers in all.
    pub total: usize,
    /// The page shown (the one asked for, or the last one if it asked beyond).
    pub page: usize,
    pub pages: usize,
    /// 1-based position of the first row shown (0 when nothing matches).
    pub first: usize,
}

pub fn customer_page(
    customers: &[Customer],
    a: &HealthAnalysis,
    card: &Scorecard,
    view: &TableView,
) -> CustomerPage {
    // Unicode lower case, so "ÉCOLE" finds "école" and a full-width "ＡＢＣ" finds "ａｂｃ".
    let needle = view.search.trim().to_lowercase();
    let rows: Vec<usize> = (0..customers.len())
        .filter(|&i| is_active(&customers[i]))
        .filter(|&i| view.band.is_none() || a.scores[i].map(|s| card.bands.band(s)) == view.band)
        .filter(|&i| view.tier.is_none() || a.tiers[i] == view.tier)
        .filter(|&i| {
            let c = &customers[i];
            view.stage.is_none_or(|s| customer_stage(c, a.as_of) == s)
        })
        .filter(|&i| {
            needle.is_empty()
                || customers[i].name.to_lowercase().contains(&needle)
                || customers[i].id.to_lowercase().contains(&needle)
        })
        .collect();
    let score_of = |i: usize| a.scores[i].unwrap_or(f64::NAN);
    let change_of = |i: usize| {
        customers[i]
            .prev_health
            .map_or(f64::NAN, |p| score_of(i) - p)
    };
    let keys: Vec<f64> = rows
        .iter()
        .map(|&i| match view.sort {
            Sort::Worst | Sort::Best => score_of(i),
            Sort::Arr => customers[i].arr,
            Sort::Drop => change_of(i),
        })
        .collect();
    let total = rows.len();
    let pages = total.div_ceil(PAGE).max(1);
    let page = view.page.min(pages - 1);
    let through = (page + 1) * PAGE;
    let order = match view.sort {
        Sort::Worst | Sort::Drop => smallest(&keys, through),
        Sort::Best | Sort::Arr => largest(&keys, through),
    };
    let rows = permute(&rows, &order);
    let shown = &rows[(page * PAGE).min(rows.len())..];
    CustomerPage {
        rows: shown
            .iter()
            .map(|&i| CustomerRow {
                index: i,
                health: score(card, &customers[i], a.as_of),
                tier: a.tiers[i],
            })
            .collect(),
        total,
        page,
        pages,
        first: if total == 0 { 0 } else { page * PAGE + 1 },
    }
}

#[cfg(test)]
mod tests;
