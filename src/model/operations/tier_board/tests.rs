use super::*;
use proptest::prelude::*;

fn cust(arr: f64, renewed: Option<bool>, nps: Option<f64>) -> Customer {
    Customer {
        arr,
        renewed,
        nps,
        ..Customer::default()
    }
}

#[test]
fn hand_computed_board() {
    use Tier::*;
    // 0: growth now, prev standard, renewed, ARR 100, expansion 20, NPS 10 (promoter)
    // 1: standard now, prev standard, renewed, ARR 50, NPS 5 (detractor)
    // 2: churned (no tier), prev standard, ARR 30
    // 3: growth now, prev growth, not yet due, ARR 50, referrals 2, NPS 8 (passive)
    let mut c0 = cust(100.0, Some(true), Some(10.0));
    c0.expansion_arr = Some(20.0);
    let c1 = cust(50.0, Some(true), Some(5.0));
    let c2 = cust(30.0, Some(false), None);
    let mut c3 = cust(50.0, None, Some(8.0));
    c3.referrals = Some(2.0);
    let customers = [c0, c1, c2, c3];
    let tiers = [Some(Growth), Some(Standard), None, Some(Growth)];
    let health = [Some(80.0), Some(40.0), None, Some(70.0)];
    let prev = [Some(Standard), Some(Standard), Some(Standard), Some(Growth)];
    let b = board(&customers, &tiers, &health, &prev);
    let g = b.rows[1];
    assert_eq!(g.tier, Growth);
    assert_eq!(g.customers, 2);
    assert_eq!(g.arr, 150.0);
    // tiered ARR = 100 + 50 + 50 = 200 → growth share 150/200
    assert_eq!(g.arr_share, Some(0.75));
    assert_eq!(g.expansion_arr, 20.0);
    assert_eq!(g.expansion_rate, Some(20.0 / 150.0));
    assert_eq!(g.referrals, 2.0);
    assert_eq!(g.mean_health, Some(75.0));
    // growth respondents: 10 (promoter), 8 (passive) → 100 × (1 − 0) / 2 = 50
    assert_eq!(g.nps, Some(50.0));
    // prev growth: customer 3 only, not due → no outcomes
    assert_eq!(g.renewal, Err(RenewalGap::NoOutcomes));
    let s = b.rows[2];
    // standard now: customer 1, NPS 5 → −100
    assert_eq!(s.nps, Some(-100.0));
    // prev standard with outcomes: 0 (renewed, 100 after an expansion of 20: 80 was up for
    // renewal), 1 (renewed, 50), 2 (churned, 30). Up for renewal 80 + 50 + 30 = 160, kept
    // 100 + 50 = 150: 续费率 150 / 160, upgrades included (it was 150 / 180 with the
    // post-upsell ARR in the denominator, which can never pass 100 %).
    let r = s.renewal.unwrap();
    assert_eq!((r.with_outcome, r.renewed), (3, 2));
    assert!((r.logo - 2.0 / 3.0).abs() < 1e-12);
    assert!((r.dollar.unwrap() - 150.0 / 160.0).abs() < 1e-12);
    // lighthouse: empty
    let l = b.rows[0];
    assert_eq!(
        (l.customers, l.arr_share, l.nps, l.mean_health),
        (0, Some(0.0), None, None)
    );
    // migration: standard → growth 1, standard → standard 1, standard → churned 1, growth → growth 1
    assert_eq!(b.migration[2], [0, 1, 1, 1]);
    assert_eq!(b.migration[1], [0, 1, 0, 0]);
    // upgrade: base = prev standard with a tier now = 2, upgraded 1
    assert_eq!((b.standard_base, b.upgrade_rate), (2, Some(0.5)));
    assert_eq!(b.with_prev_tier, 4);
}

#[test]
fn without_previous_tiers_renewal_is_unavailable() {
    let customers = [cust(10.0, Some(true), None)];
    let b = board(&customers, &[Some(Tier::Standard)], &[], &[]);
    assert!(b
        .rows
        .iter()
        .all(|r| r.renewal == Err(RenewalGap::NoPreviousTiers)));
    assert_eq!(b.upgrade_rate, None);
    assert_eq!(b.rows[2].mean_health, None);
    let empty = board(&[], &[], &[], &[]);
    assert!(empty
        .rows
        .iter()
        .all(|r| r.customers == 0 && r.arr_share.is_none()));
}

#[test]
fn team_table_follows_seed_004() {
    let stars = |team: Team, s: u8| {
        TEAM_METRICS
            .iter()
            .filter(|m| m.team == team && m.stars == s)
            .count()
    };
    assert_eq!(stars(Team::CsOperations, 5), 3);
    assert_eq!(stars(Team::CsOperations, 4), 2);
    assert_eq!(stars(Team::CsOperations, 3), 3);
    assert!(TEAM_METRICS.iter().all(|m| (3..=5).contains(&m.stars)));
    assert!(TEAM_METRICS.iter().any(|m| m.team == Team::StandardTeam
        && m.metric == "upgrade_to_growth_share"
        && m.stars == 4));
}

fn tier_of(k: u8) -> Option<Tier> {
    match k {
        0 => Some(Tier::Lighthouse),
        1 => Some(Tier::Growth),
        2 => Some(Tier::Standard),
        _ => None,
    }
}

proptest! {
    #[test]
    fn counts_and_shares_add_up(
        rows in prop::collection::vec((0.0..1e6f64, 0u8..4, 0u8..4, 0u8..3, prop::option::of(0.0..100.0f64)), 0..40),
    ) {
        // renewed: 0 → None, 1 → Some(true), 2 → Some(false); churned customers get no tier.
        let customers: Vec<Customer> = rows.iter().map(|&(arr, _, _, r, _)| cust(arr, [None, Some(true), Some(false)][r as usize], None)).collect();
        let tiers: Vec<Option<Tier>> = rows.iter().map(|&(_, t, _, r, _)| if r == 2 { None } else { tier_of(t) }).collect();
        let prev: Vec<Option<Tier>> = rows.iter().map(|&(_, _, p, _, _)| tier_of(p)).collect();
        let health: Vec<Option<f64>> = rows.iter().map(|r| r.4).collect();
        let b = board(&customers, &tiers, &health, &prev);
        let tiered = tiers.iter().flatten().count();
        prop_assert_eq!(b.rows.iter().map(|r| r.customers).sum::<usize>(), tiered);
        if let Some(total) = b.rows.iter().map(|r| r.arr_share).sum::<Option<f64>>() {
            prop_assert!((total - 1.0).abs() < 1e-9);
        }
        let moved: usize = b.migration.iter().flatten().sum();
        prop_assert!(moved <= b.with_prev_tier);
        for r in &b.rows {
            if let Ok(p) = r.renewal {
                prop_assert!((0.0..=1.0).contains(&p.logo));
                prop_assert!(p.dollar.is_none_or(|d| (0.0..=1.0 + 1e-12).contains(&d)));
            }
            prop_assert!(r.nps.is_none_or(|n| (-100.0..=100.0).contains(&n)));
        }
        prop_assert!(b.upgrade_rate.is_none_or(|u| (0.0..=1.0).contains(&u)));
    }
}
