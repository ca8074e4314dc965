//! CSM books of business and cost efficiency (人效). Seed 000: "客户成功负责人需要在抓产出增长
//! 的同时,关注人效的提升,人效就是生产力"; seed 002: the organisation models trade cost per
//! head against coverage. Each CSM's book: accounts, ARR, ARR by health band, ARR due in the
//! next 12 months and ARR at risk (from the renewal forecast), mean health and the share of the
//! book in the growth tier (the CS operations team's 5★ KPI, seed 004, per book).

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

use std::collections::BTreeMap;

use crate::model::health::{is_active, Bands};
use crate::model::portfolio::Customer;
use crate::model::renewal::Forecast;
use crate::model::tiers::Tier;

/// Index of the unscored column of [`Book::arr_by_band`] (after red, yellow, green).
pub const UNSCORED: usize = 3;

/// One CSM's book (or the accounts without a CSM).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Book {
    /// The CSM's name (trimmed); `None` for the accounts without one.
    pub csm: Option<String>,
    pub accounts: usize,
    pub arr: f64,
    /// ARR by band in [`crate::model::health::Band::ALL`] order (red, yellow, green), then
    /// the unscored ARR at [`UNSCORED`].
    pub arr_by_band: [f64; 4],
    /// Σ [`crate::model::renewal::Due::arr`] of the book's accounts due in the forecast.
    pub arr_due: f64,
    /// Σ [`crate::model::renewal::Due::arr_at_risk`] = Σ ARR × (1 − p) of those accounts.
    pub arr_at_risk: f64,
    /// Mean health score of the book's scored accounts.
    pub mean_health: Option<f64>,
    /// Accounts in the growth tier (exactly [`Tier::Growth`]) / accounts; `None` when empty.
    pub growth_share: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Books {
    /// Books of named CSMs, by ARR at risk (largest first), then name.
    pub books: Vec<Book>,
    /// Active accounts without a CSM (blank counts as none); `accounts == 0` when all have one.
    pub unassigned: Book,
}

#[derive(Default)]
struct Acc {
    book: Book,
    health_sum: f64,
    scored: usize,
    growth: usize,
}

impl Acc {
    fn finish(self) -> Book {
        let mut b = self.book;
        b.mean_health = (self.scored > 0).then(|| self.health_sum / self.scored as f64);
        b.growth_share = (b.accounts > 0).then(|| self.growth as f64 / b.accounts as f64);
        b
    }
}

/// Builds the books over the active customers (`health::is_active`). `health[i]`,
/// `tiers[i]` belong to `customers[i]` (shorter slices count as `None`); the forecast's due
/// entries index the same customers. Non-finite money counts as 0.
///
/// ```
/// use retention_lab::model::health::Bands;
/// use retention_lab::model::operations::books::books;
/// use retention_lab::model::portfolio::Customer;
/// use retention_lab::model::renewal::Forecast;
/// let c = Customer { arr: 100.0, csm: Some("李娜".into()), ..Customer::default() };
/// let b = books(&[c], &[Some(80.0)], &Bands::default(), &Forecast::default(), &[]);
/// assert_eq!(b.books[0].arr_by_band, [0.0, 0.0, 100.0, 0.0]);
/// ```
pub fn books(
    customers: &[Customer],
    health: &[Option<f64>],
    bands: &Bands,
    forecast: &Forecast,
    tiers: &[Option<Tier>],
) -> Books {
    let money = |v: f64| if v.is_finite() { v } else { 0.0 };
    let key = |c: &Customer| {
        c.csm
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    let mut named: BTreeMap<String, Acc> = BTreeMap::new();
    let mut unassigned = Acc::default();
    let mut owner: Vec<Option<Option<String>>> = vec![None; customers.len()];
    for (i, c) in customers.iter().enumerate() {
        if !is_active(c) {
            continue;
        }
        let name = key(c);
        owner[i] = Some(name.clone());
        let acc = match name {
            Some(n) => named.entry(n).or_default(),
            None => &mut unassigned,
        };
        let arr = money(c.arr);
        acc.book.accounts += 1;
        acc.book.arr += arr;
        match health.get(i).copied().flatten().filter(|h| h.is_finite()) {
            Some(h) => {
                acc.book.arr_by_band[bands.band(h) as usize] += arr;
                acc.health_sum += h;
                acc.scored += 1;
            }
            None => acc.book.arr_by_band[UNSCORED] += arr,
        }
        if tiers.get(i).copied().flatten() == Some(Tier::Growth) {
            acc.growth += 1;
        }
    }
    for due in &forecast.due {
        // Only due entries of active customers belong to a book.
        let acc = match owner.get(due.customer) {
            Some(Some(Some(name))) => named.get_mut(name),
            Some(Some(None)) => Some(&mut unassigned),
            _ => None,
        };
        if let Some(acc) = acc {
            acc.book.arr_due += money(due.arr);
            acc.book.arr_at_risk += money(due.arr_at_risk());
        }
    }
    let mut list: Vec<Book> = named
        .into_iter()
        .map(|(name, acc)| {
            let mut b = acc.finish();
            b.csm = Some(name);
            b
        })
        .collect();
    list.sort_by(|a, b| {
        b.arr_at_risk
            .total_cmp(&a.arr_at_risk)
            .then_with(|| a.csm.cmp(&b.csm))
    });
    Books {
        books: list,
        unassigned: unassigned.finish(),
    }
}

/// 人效: ARR per CS head = total active ARR / headcount. `None` when the headcount is not a
/// positive finite number or the ARR is not finite.
///
/// ```
/// use retention_lab::model::operations::books::arr_per_cs_head;
/// assert_eq!(arr_per_cs_head(3_000_000.0, 4.0), Some(750_000.0));
/// assert_eq!(arr_per_cs_head(3_000_000.0, 0.0), None);
/// ```
pub fn arr_per_cs_head(total_active_arr: f64, headcount: f64) -> Option<f64> {
    (headcount.is_finite() && headcount > 0.0 && total_active_arr.is_finite())
        .then(|| total_active_arr / headcount)
}
