//! The tiers of the previous snapshot, for the tier board's renewal by previous tier and its
//! migration matrix (issue 18: "`prev_tier`, or `prev_health` scored with today's rules").

use crate::model::portfolio::Customer;
use crate::model::tiers::{assign, Tier, TierRules};

/// Where the previous tiers came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrevSource {
    /// The file's `prev_tier` column.
    Column,
    /// Today's tier rules applied to the previous health score (`prev_health`).
    PrevHealth,
    /// Neither column: no previous snapshot.
    Missing,
}

/// The previous tier of each customer: the file's `prev_tier` when any customer has one;
/// otherwise, when any customer has `prev_health`, [`assign`] with today's `rules`, scoring
/// each customer by its previous health. Then every customer with a previous score is tiered,
/// churned ones included (they were customers at the previous snapshot), and the lighthouse
/// ARR rank is taken among them; a customer without a previous score has no previous tier
/// (it was not scored then). Otherwise all `None`.
///
/// ```
/// use retention_lab::model::operations::tier_board::{previous_tiers, PrevSource};
/// use retention_lab::model::portfolio::Customer;
/// use retention_lab::model::tiers::{Tier, TierRules};
/// let c = Customer { prev_health: Some(90.0), expansion_arr: Some(5.0), renewed: Some(false), ..Customer::default() };
/// let (tiers, source) = previous_tiers(&[c], &TierRules::default());
/// // Health 90 with expansion but no referral: growth, not lighthouse (which needs a referral).
/// assert_eq!((tiers, source), (vec![Some(Tier::Growth)], PrevSource::PrevHealth));
/// ```
pub fn previous_tiers(
    customers: &[Customer],
    rules: &TierRules,
) -> (Vec<Option<Tier>>, PrevSource) {
    if customers.iter().any(|c| c.prev_tier.is_some()) {
        return (
            customers.iter().map(|c| c.prev_tier).collect(),
            PrevSource::Column,
        );
    }
    let scores: Vec<Option<f64>> = customers
        .iter()
        .map(|c| c.prev_health.filter(|h| h.is_finite()))
        .collect();
    if scores.iter().all(Option::is_none) {
        return (vec![None; customers.len()], PrevSource::Missing);
    }
    // Only the customers scored then were customers then: the others are left out of the
    // ranking and get no tier. Churned ones were active at the snapshot.
    let then: Vec<usize> = (0..customers.len())
        .filter(|&i| scores[i].is_some())
        .collect();
    let as_then: Vec<Customer> = then
        .iter()
        .map(|&i| Customer {
            renewed: None,
            ..customers[i].clone()
        })
        .collect();
    let then_scores: Vec<Option<f64>> = then.iter().map(|&i| scores[i]).collect();
    let mut tiers = vec![None; customers.len()];
    for (k, tier) in assign(&as_then, &then_scores, rules)
        .into_iter()
        .enumerate()
    {
        tiers[then[k]] = tier;
    }
    (tiers, PrevSource::PrevHealth)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn customer(arr: f64, prev_health: Option<f64>, expansion: f64, referrals: f64) -> Customer {
        Customer {
            arr,
            prev_health,
            expansion_arr: Some(expansion),
            referrals: Some(referrals),
            ..Customer::default()
        }
    }

    #[test]
    fn previous_health_is_tiered_with_todays_rules() {
        // Default rules: lighthouse = top 5 % by ARR (ceil: 1 of 3 scored), health ≥ 75 and a
        // referral; growth = health ≥ 60 and expansion or a referral; else standard.
        let mut churned = customer(500.0, Some(80.0), 0.0, 2.0);
        churned.renewed = Some(false);
        let customers = [
            churned,                                // largest, 80, 2 referrals → lighthouse
            customer(200.0, Some(65.0), 10.0, 0.0), // 65 with expansion → growth
            customer(300.0, Some(40.0), 10.0, 0.0), // 40 → standard
            customer(900.0, None, 0.0, 5.0),        // not scored then → no previous tier
        ];
        let (tiers, source) = previous_tiers(&customers, &TierRules::default());
        assert_eq!(source, PrevSource::PrevHealth);
        assert_eq!(
            tiers,
            vec![
                Some(Tier::Lighthouse),
                Some(Tier::Growth),
                Some(Tier::Standard),
                None
            ]
        );
    }

    #[test]
    fn the_column_wins_and_nothing_gives_nothing() {
        let mut a = customer(1.0, Some(90.0), 0.0, 0.0);
        a.prev_tier = Some(Tier::Growth);
        let b = customer(1.0, Some(10.0), 0.0, 0.0);
        assert_eq!(
            previous_tiers(&[a, b], &TierRules::default()),
            (vec![Some(Tier::Growth), None], PrevSource::Column)
        );
        let plain = customer(1.0, None, 0.0, 0.0);
        assert_eq!(
            previous_tiers(&[plain], &TierRules::default()),
            (vec![None], PrevSource::Missing)
        );
        assert_eq!(
            previous_tiers(&[], &TierRules::default()),
            (vec![], PrevSource::Missing)
        );
    }
}
