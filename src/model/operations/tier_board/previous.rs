//! The tiers of the previous snapshot, for the tier board's renewal by previous tier and its
//! migration matrix (issue 18: "`prev_tier`, or `prev_health` scored with today's rules").

use crate::model::order::largest;
use crate::model::portfolio::Customer;
use crate::model::tiers::{Tier, TierRules};

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

/// The ARR a customer had before this year's expansion: `arr − expansion_arr` (expansion
/// counted when positive), never below 0.
fn arr_before_expansion(c: &Customer) -> f64 {
    let expansion = c.expansion_arr.filter(|e| e.is_finite() && *e > 0.0);
    (c.arr - expansion.unwrap_or(0.0)).max(0.0)
}

/// The previous tier of each customer: the file's `prev_tier` when any customer has one;
/// otherwise, when any customer has `prev_health`, today's thresholds applied to what the file
/// says of the previous snapshot. The file has no previous expansion or referrals, and today's
/// would carry this year's upgrades into last year's tiers (an upgrade would look like a
/// customer who was already growth), so the fallback reads only:
/// - lighthouse: among the top `lighthouse_top_share` by the ARR before this year's expansion
///   ([`arr_before_expansion`]), ranked among the customers scored then, and previous health
///   ≥ `lighthouse_min_health` (the referral condition cannot be checked then);
/// - growth: previous health ≥ `growth_min_health` (the expansion-or-referral condition cannot
///   be checked then);
/// - standard: any other customer scored then.
///
/// Every customer with a previous score is tiered, churned ones included (they were customers
/// at the previous snapshot); a customer without one has no previous tier. Otherwise all
/// `None`.
///
/// ```
/// use retention_lab::model::operations::tier_board::{previous_tiers, PrevSource};
/// use retention_lab::model::portfolio::Customer;
/// use retention_lab::model::tiers::{Tier, TierRules};
/// // This year's expansion and referrals play no part: health 65 was growth then, whatever
/// // happened since.
/// let c = Customer { arr: 100.0, prev_health: Some(65.0), renewed: Some(false), ..Customer::default() };
/// let rules = TierRules { lighthouse_top_share: 0.0, ..TierRules::default() };
/// let (tiers, source) = previous_tiers(&[c], &rules);
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
    // ranking and get no tier.
    let then: Vec<usize> = (0..customers.len())
        .filter(|&i| scores[i].is_some())
        .collect();
    let arr_then: Vec<f64> = then
        .iter()
        .map(|&i| arr_before_expansion(&customers[i]))
        .collect();
    let share = if rules.lighthouse_top_share.is_finite() {
        rules.lighthouse_top_share.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let top_count = (share * then.len() as f64).ceil() as usize;
    let mut in_top = vec![false; then.len()];
    for k in largest(&arr_then, top_count) {
        in_top[k] = true;
    }
    let mut tiers = vec![None; customers.len()];
    for (k, &i) in then.iter().enumerate() {
        let score = scores[i].unwrap_or(f64::NEG_INFINITY);
        tiers[i] = Some(if in_top[k] && score >= rules.lighthouse_min_health {
            Tier::Lighthouse
        } else if score >= rules.growth_min_health {
            Tier::Growth
        } else {
            Tier::Standard
        });
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
    fn previous_health_is_tiered_without_this_years_upgrades() {
        // Default rules: lighthouse = top 5 % (ceil: 1 of the 4 scored then) by ARR before
        // this year's expansion and previous health ≥ 75; growth = previous health ≥ 60.
        // ARR before expansion: 500, 200 − 10 = 190, 300, 1 000 − 800 = 200.
        let mut churned = customer(500.0, Some(80.0), 0.0, 0.0);
        churned.renewed = Some(false);
        let customers = [
            churned, // largest then (500), 80 → lighthouse, though no referral is recorded
            customer(200.0, Some(65.0), 10.0, 0.0), // 65 → growth
            customer(300.0, Some(40.0), 10.0, 3.0), // 40 → standard, whatever it did since
            customer(1_000.0, Some(70.0), 800.0, 5.0), // largest today only by this year's
            // expansion: 200 then, 70 → growth (today's rules would make it lighthouse)
            customer(900.0, None, 0.0, 5.0), // not scored then → no previous tier
        ];
        let (tiers, source) = previous_tiers(&customers, &TierRules::default());
        assert_eq!(source, PrevSource::PrevHealth);
        assert_eq!(
            tiers,
            vec![
                Some(Tier::Lighthouse),
                Some(Tier::Growth),
                Some(Tier::Standard),
                Some(Tier::Growth),
                None
            ]
        );
        // An upgrade this year: health 70 then, no expansion or referral recorded then, was
        // growth by its previous health alone; a health of 50 was standard however much it
        // expanded since.
        let rules = TierRules {
            lighthouse_top_share: 0.0,
            ..TierRules::default()
        };
        let upgraded = customer(100.0, Some(50.0), 60.0, 2.0);
        assert_eq!(
            previous_tiers(&[upgraded], &rules).0,
            vec![Some(Tier::Standard)]
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
