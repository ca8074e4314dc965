//! The tier KPI board (客户分层运营, seed 004 "客户成功运营体系"): per tier, the figures each tier
//! team is judged on, the standard → growth upgrade rate and the migration between tier
//! snapshots; plus which team owns which metric at which priority (五星 / 四星 / 三星).
//!
//! Tiers exist only for active customers ([`crate::model::tiers::assign`] gives churned
//! customers none), so a renewal rate "of the current growth tier" would be 100 % by
//! construction. The honest reading used here: renewal rates are grouped by the **previous**
//! tier — among customers whose `prev_tier` is t and whose past renewal is known
//! (`renewed.is_some()`), how many renewed. Without any previous tier the rates are
//! unavailable, with the reason ([`RenewalGap`]).

mod previous;
mod teams;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

pub use teams::{Team, TeamMetric, TEAM_METRICS};

use super::nps::{answer, NpsGroup};
use crate::model::portfolio::Customer;
use crate::model::tiers::Tier;

pub use previous::{previous_tiers, PrevSource};

/// Why a tier's past renewal rates are not shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RenewalGap {
    /// No customer has a previous tier: renewal cannot be grouped by tier honestly.
    NoPreviousTiers,
    /// Customers had this previous tier, but none has a known renewal outcome.
    NoOutcomes,
}

/// Past renewal of the customers whose previous tier is the row's tier.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PastRenewal {
    /// Customers with that previous tier and a known outcome.
    pub with_outcome: usize,
    pub renewed: usize,
    /// Logo renewal 续约率 = renewed / with_outcome.
    pub logo: f64,
    /// Dollar renewal 续费率 = renewal revenue / revenue up for renewal, upgrades included, so
    /// it can pass 100 %: up for renewal is a renewed account's ARR before the renewal's
    /// expansion (`arr − expansion_arr`) and a churned account's ARR; renewal revenue is the
    /// renewed accounts' ARR after it (`arr`), 0 for the churned ([`renewal_revenue`]).
    /// `None` when nothing was up for renewal.
    pub dollar: Option<f64>,
}

/// A past renewal's revenue: (up for renewal, kept), `None` without a known outcome. Up for
/// renewal is what the account paid before the renewal: a renewed account's ARR less the
/// expansion booked at renewal (`arr − expansion_arr`, not below 0; the file's ARR is after
/// it), a churned account's ARR. Kept is the renewed account's ARR after renewal, 0 for a
/// churned one. So Σ kept / Σ up for renewal is 续费率 with upgrades, the revenue counterpart
/// of logo renewal (`shared/domain.md`: 续费率 = renewal revenue / revenue up for renewal,
/// upgrades included).
///
/// ```
/// use retention_lab::model::operations::tier_board::renewal_revenue;
/// use retention_lab::model::portfolio::Customer;
/// let renewed = Customer { arr: 130.0, expansion_arr: Some(30.0), renewed: Some(true), ..Customer::default() };
/// assert_eq!(renewal_revenue(&renewed), Some((100.0, 130.0)));
/// let churned = Customer { arr: 50.0, renewed: Some(false), ..Customer::default() };
/// assert_eq!(renewal_revenue(&churned), Some((50.0, 0.0)));
/// ```
pub fn renewal_revenue(c: &Customer) -> Option<(f64, f64)> {
    let arr = finite(Some(c.arr)).unwrap_or(0.0).max(0.0);
    match c.renewed? {
        true => {
            let expansion = finite(c.expansion_arr).unwrap_or(0.0);
            Some(((arr - expansion).max(0.0), arr))
        }
        false => Some((arr, 0.0)),
    }
}

/// One tier's row of the board.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TierRow {
    pub tier: Tier,
    pub customers: usize,
    pub arr: f64,
    /// ARR / ARR of all tiered customers; `None` when that is 0.
    pub arr_share: Option<f64>,
    /// Renewal grouped by previous tier (see the module notes).
    pub renewal: Result<PastRenewal, RenewalGap>,
    pub expansion_arr: f64,
    /// Expansion ARR / ARR; `None` when ARR is 0.
    pub expansion_rate: Option<f64>,
    pub referrals: f64,
    /// Mean health score of the tier's scored customers.
    pub mean_health: Option<f64>,
    /// NPS points = 100 × (promoters − detractors) / respondents (promoters answer 9–10,
    /// detractors 0–6, i.e. below 7); `None` without respondents.
    pub nps: Option<f64>,
    pub nps_respondents: usize,
}

/// The whole board.
#[derive(Debug, Clone, PartialEq)]
pub struct TierBoard {
    /// In [`Tier::ALL`] order.
    pub rows: [TierRow; 3],
    /// Customers with a previous tier.
    pub with_prev_tier: usize,
    /// Customers previously standard that have a tier now (the upgrade rate's base).
    pub standard_base: usize,
    /// Upgrade rate 普客转增值比例 = customers previously standard and now growth or
    /// lighthouse / `standard_base` (standard team's 4★, seed 004); `None` when the base is 0.
    pub upgrade_rate: Option<f64>,
    /// `migration[prev][now]`: prev in [`Tier::ALL`] order; now in [`Tier::ALL`] order then
    /// index 3 = churned (recorded `renewed == Some(false)`). Customers without a previous
    /// tier, or active without a current tier, are not counted.
    pub migration: [[usize; 4]; 3],
}

/// Index of the churned column of [`TierBoard::migration`].
pub const CHURNED: usize = 3;

fn finite(v: Option<f64>) -> Option<f64> {
    v.filter(|x| x.is_finite())
}

fn ratio(num: f64, den: f64) -> Option<f64> {
    (den > 0.0 && num.is_finite() && den.is_finite()).then(|| num / den)
}

/// Builds the board. `tiers[i]`, `health[i]` and `prev_tiers[i]` belong to `customers[i]`
/// (shorter slices count as `None`); `tiers` comes from [`crate::model::tiers::assign`].
/// Non-finite numbers are ignored.
///
/// ```
/// use retention_lab::model::operations::tier_board::board;
/// use retention_lab::model::portfolio::Customer;
/// use retention_lab::model::tiers::Tier;
/// let c = [Customer { arr: 10.0, ..Customer::default() }];
/// let b = board(&c, &[Some(Tier::Growth)], &[Some(80.0)], &[Some(Tier::Standard)]);
/// assert_eq!(b.rows[1].customers, 1);
/// assert_eq!(b.upgrade_rate, Some(1.0));
/// ```
pub fn board(
    customers: &[Customer],
    tiers: &[Option<Tier>],
    health: &[Option<f64>],
    prev_tiers: &[Option<Tier>],
) -> TierBoard {
    #[derive(Default, Clone, Copy)]
    struct Acc {
        customers: usize,
        arr: f64,
        expansion: f64,
        referrals: f64,
        health_sum: f64,
        scored: usize,
        promoters: usize,
        detractors: usize,
        respondents: usize,
        prev_with_outcome: usize,
        prev_count: usize,
        prev_renewed: usize,
        /// Revenue up for renewal and renewal revenue ([`renewal_revenue`]).
        prev_arr_due: f64,
        prev_arr_renewed: f64,
    }
    let mut acc = [Acc::default(); 3];
    let mut migration = [[0usize; 4]; 3];
    let mut with_prev_tier = 0;
    for (i, c) in customers.iter().enumerate() {
        let now = tiers.get(i).copied().flatten();
        let prev = prev_tiers.get(i).copied().flatten();
        let arr = finite(Some(c.arr)).unwrap_or(0.0);
        if let Some(t) = now {
            let a = &mut acc[t as usize];
            a.customers += 1;
            a.arr += arr;
            a.expansion += finite(c.expansion_arr).unwrap_or(0.0);
            a.referrals += finite(c.referrals).unwrap_or(0.0);
            if let Some(h) = finite(health.get(i).copied().flatten()) {
                a.health_sum += h;
                a.scored += 1;
            }
            // One classification of an answer everywhere: rounded, then grouped (`nps`).
            if let Some(group) = answer(c).map(NpsGroup::of) {
                a.respondents += 1;
                match group {
                    NpsGroup::Promoter => a.promoters += 1,
                    NpsGroup::Detractor => a.detractors += 1,
                    NpsGroup::Passive => {}
                }
            }
        }
        if let Some(p) = prev {
            with_prev_tier += 1;
            let a = &mut acc[p as usize];
            a.prev_count += 1;
            if let Some((due, kept)) = renewal_revenue(c) {
                a.prev_with_outcome += 1;
                a.prev_arr_due += due;
                a.prev_arr_renewed += kept;
                a.prev_renewed += usize::from(c.renewed == Some(true));
            }
            match now {
                Some(t) => migration[p as usize][t as usize] += 1,
                None if c.renewed == Some(false) => migration[p as usize][CHURNED] += 1,
                None => {}
            }
        }
    }
    let total_arr: f64 = acc.iter().map(|a| a.arr).sum();
    let rows = Tier::ALL.map(|tier| {
        let a = acc[tier as usize];
        let renewal = if with_prev_tier == 0 {
            Err(RenewalGap::NoPreviousTiers)
        } else if a.prev_with_outcome == 0 {
            Err(RenewalGap::NoOutcomes)
        } else {
            Ok(PastRenewal {
                with_outcome: a.prev_with_outcome,
                renewed: a.prev_renewed,
                logo: a.prev_renewed as f64 / a.prev_with_outcome as f64,
                dollar: ratio(a.prev_arr_renewed, a.prev_arr_due),
            })
        };
        TierRow {
            tier,
            customers: a.customers,
            arr: a.arr,
            arr_share: ratio(a.arr, total_arr),
            renewal,
            expansion_arr: a.expansion,
            expansion_rate: ratio(a.expansion, a.arr),
            referrals: a.referrals,
            mean_health: (a.scored > 0).then(|| a.health_sum / a.scored as f64),
            nps: (a.respondents > 0)
                .then(|| 100.0 * (a.promoters as f64 - a.detractors as f64) / a.respondents as f64),
            nps_respondents: a.respondents,
        }
    });
    let from_standard = migration[Tier::Standard as usize];
    let standard_base: usize = from_standard[..CHURNED].iter().sum();
    let upgraded = from_standard[Tier::Growth as usize] + from_standard[Tier::Lighthouse as usize];
    TierBoard {
        rows,
        with_prev_tier,
        standard_base,
        upgrade_rate: (standard_base > 0).then(|| upgraded as f64 / standard_base as f64),
        migration,
    }
}
