//! Customer tiers (客户分层, `shared/domain.md` point 6): lighthouse 标杆 (few, influential, large
//! and healthy, referring others), growth 增值 (upsell, cross-sell and referral candidates) and
//! standard 普通 (most customers; success is moving them up). The share of growth-tier customers
//! is the first KPI of the CS operations team (point 7, 五星).
//!
//! The sources describe the tiers, not a formula; the rules here are configurable thresholds on
//! the measures they name: ARR rank, health, referrals and expansion.

pub use super::tier::{parse_tier, Tier};
use crate::model::portfolio::Customer;

/// Thresholds of the tier rules.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TierRules {
    /// Lighthouse: among the top `lighthouse_top_share` of active customers by ARR …
    pub lighthouse_top_share: f64,
    /// … with a health score of at least this …
    pub lighthouse_min_health: f64,
    /// … and at least this many referrals.
    pub lighthouse_min_referrals: f64,
    /// Growth: health at least this, and expansion ARR > 0 or a referral.
    pub growth_min_health: f64,
}

impl Default for TierRules {
    fn default() -> Self {
        TierRules {
            lighthouse_top_share: 0.05,
            lighthouse_min_health: 75.0,
            lighthouse_min_referrals: 1.0,
            growth_min_health: 60.0,
        }
    }
}

/// The tier of each customer (`None` for churned customers, which belong to no tier).
/// `health[i]` is customer i's score (`None` = not scored: never above standard).
///
/// ```
/// use retention_lab::model::portfolio::Customer;
/// use retention_lab::model::tiers::{assign, Tier, TierRules};
/// let big = Customer { arr: 900.0, referrals: Some(2.0), ..Customer::default() };
/// let upsold = Customer { arr: 100.0, expansion_arr: Some(20.0), ..Customer::default() };
/// let plain = Customer { arr: 100.0, ..Customer::default() };
/// let rules = TierRules { lighthouse_top_share: 0.34, ..TierRules::default() };
/// let tiers = assign(&[big, upsold, plain], &[Some(90.0), Some(70.0), Some(95.0)], &rules);
/// assert_eq!(tiers, vec![Some(Tier::Lighthouse), Some(Tier::Growth), Some(Tier::Standard)]);
/// ```
pub fn assign(
    customers: &[Customer],
    health: &[Option<f64>],
    rules: &TierRules,
) -> Vec<Option<Tier>> {
    let active: Vec<usize> = (0..customers.len())
        .filter(|&i| crate::model::health::is_active(&customers[i]))
        .collect();
    let arr: Vec<f64> = active.iter().map(|&i| customers[i].arr).collect();
    let share = if rules.lighthouse_top_share.is_finite() {
        rules.lighthouse_top_share.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let top_count = (share * active.len() as f64).ceil() as usize;
    let mut in_top = vec![false; customers.len()];
    // Only the top of the ranking is needed: a partial selection, not a sort of everyone.
    for k in crate::model::order::largest(&arr, top_count) {
        in_top[active[k]] = true;
    }
    let mut tiers = vec![None; customers.len()];
    for &i in &active {
        let c = &customers[i];
        let score = health.get(i).copied().flatten().filter(|s| s.is_finite());
        let referrals = c.referrals.unwrap_or(0.0);
        let lighthouse = in_top[i]
            && score.is_some_and(|s| s >= rules.lighthouse_min_health)
            && referrals >= rules.lighthouse_min_referrals;
        let growth = score.is_some_and(|s| s >= rules.growth_min_health)
            && (c.expansion_arr.is_some_and(|e| e > 0.0) || referrals >= 1.0);
        tiers[i] = Some(if lighthouse {
            Tier::Lighthouse
        } else if growth {
            Tier::Growth
        } else {
            Tier::Standard
        });
    }
    tiers
}

/// The tier KPIs: customers and ARR per tier, in [`Tier::ALL`] order.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct TierKpis {
    pub customers: [usize; 3],
    pub arr: [f64; 3],
}

impl TierKpis {
    /// Share of tiered (active) customers in the growth tier: the CS operations team's 5★ KPI.
    pub fn growth_share(&self) -> Option<f64> {
        let total: usize = self.customers.iter().sum();
        (total > 0).then(|| self.customers[Tier::Growth as usize] as f64 / total as f64)
    }
}

pub fn kpis(customers: &[Customer], tiers: &[Option<Tier>]) -> TierKpis {
    let mut out = TierKpis::default();
    for (c, tier) in customers.iter().zip(tiers) {
        if let Some(t) = tier {
            out.customers[*t as usize] += 1;
            if c.arr.is_finite() {
                out.arr[*t as usize] += c.arr;
            }
        }
    }
    out
}

// proptest is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn churned_customers_have_no_tier_and_growth_share_counts_the_rest() {
        let grow = Customer {
            arr: 10.0,
            referrals: Some(1.0),
            ..Customer::default()
        };
        let churned = Customer {
            renewed: Some(false),
            ..grow.clone()
        };
        let plain = Customer {
            arr: 10.0,
            ..Customer::default()
        };
        let customers = [grow, churned, plain];
        let rules = TierRules {
            lighthouse_top_share: 0.0,
            ..TierRules::default()
        };
        let tiers = assign(&customers, &[Some(80.0), Some(80.0), Some(80.0)], &rules);
        assert_eq!(tiers, vec![Some(Tier::Growth), None, Some(Tier::Standard)]);
        let k = kpis(&customers, &tiers);
        assert_eq!(k.growth_share(), Some(0.5));
        assert_eq!(k.arr, [0.0, 10.0, 10.0]);
    }

    #[test]
    fn parse_tier_reads_keys_and_chinese_names() {
        for (text, tier) in [
            ("lighthouse", Tier::Lighthouse),
            ("LIGHTHOUSE", Tier::Lighthouse),
            ("灯塔", Tier::Lighthouse),
            (" growth\t", Tier::Growth),
            ("增值", Tier::Growth),
            ("成长", Tier::Growth),
            ("Standard", Tier::Standard),
            ("普通", Tier::Standard),
            (" 标准 ", Tier::Standard),
        ] {
            assert_eq!(parse_tier(text), Some(tier), "{text}");
        }
        for text in ["", "  ", "gold", "growth tier", "标杆客户"] {
            assert_eq!(parse_tier(text), None, "{text}");
        }
    }

    proptest! {
        #[test]
        fn raising_health_never_lowers_a_tier(
            arrs in prop::collection::vec(0.0..1e6f64, 1..40),
            scores in prop::collection::vec(0.0..100.0f64, 40),
            who in 0usize..40, lift in 0.0..50.0f64,
        ) {
            let customers: Vec<Customer> = arrs.iter().map(|&arr| Customer {
                arr, referrals: Some(1.0), ..Customer::default()
            }).collect();
            let health: Vec<Option<f64>> = scores[..customers.len()].iter().map(|s| Some(*s)).collect();
            let who = who % customers.len();
            let mut better = health.clone();
            better[who] = better[who].map(|s| s + lift);
            let rules = TierRules::default();
            let before = assign(&customers, &health, &rules)[who];
            let after = assign(&customers, &better, &rules)[who];
            prop_assert!(after <= before, "{before:?} -> {after:?}");
        }
    }
}
