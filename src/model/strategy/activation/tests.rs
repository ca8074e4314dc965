#![allow(clippy::expect_used)]
//! Expected values are summed by hand from the seed's points (±5, ±10, ±20) and pre-charges.
use super::*;
use proptest::prelude::*;

fn journey(pre_charge: i32, ratings: &[Rating]) -> Journey {
    Journey {
        pre_charge: PreCharge::new(pre_charge).expect("valid pre-charge"),
        touchpoints: ratings
            .iter()
            .enumerate()
            .map(|(i, &rating)| Touchpoint {
                name: format!("t{i}").into(),
                rating,
            })
            .collect(),
    }
}

#[test]
fn points_are_the_seeds_three_levels() {
    let points: Vec<i32> = Rating::ALL.iter().map(|r| r.points()).collect();
    assert_eq!(points, vec![-20, -10, -5, 5, 10, 20]);
    for p in [-25, -15, -1, 0, 1, 15, 25] {
        assert_eq!(
            Rating::from_points(p),
            Err(StrategyError::NotARating { points: p })
        );
    }
}

#[test]
fn pre_charge_is_held_to_zero_to_twenty_five() {
    assert_eq!(PreCharge::new(0).map(PreCharge::points), Ok(0));
    assert_eq!(PreCharge::new(25).map(PreCharge::points), Ok(25));
    assert!(PreCharge::new(-1).is_err());
    assert!(PreCharge::new(26).is_err());
}

#[test]
fn verdict_follows_the_seeds_sign_rule() {
    // "大于0就是可激活,小于0则是激活失败"; 0 itself is named by neither.
    assert_eq!(verdict(1), Verdict::Activates);
    assert_eq!(verdict(0), Verdict::OnTheEdge);
    assert_eq!(verdict(-1), Verdict::Fails);
}

#[test]
fn a_journey_that_dips_below_zero_then_recovers() {
    use Rating::*;
    // 5 → 5−10 = −5 → −5+20 = 15 → 15−5 = 10.
    let r = evaluate(&journey(5, &[Disliked, Delighted, Unpleasant]));
    assert_eq!(r.balances, vec![-5, 15, 10]);
    assert_eq!(r.net, 10);
    assert_eq!(r.verdict, Verdict::Activates);
    assert_eq!(r.first_negative, Some(1));
    // Worst is −10 at 1: 10 + 10 + 5 = 25.
    assert_eq!(
        r.best_fix,
        Some(BestFix {
            position: 1,
            from: Disliked,
            net_after: 25
        })
    );
}

#[test]
fn net_of_exactly_zero_is_on_the_edge() {
    use Rating::*;
    // 10 + 5 − 20 + 5 = 0.
    let r = evaluate(&journey(10, &[Pleasant, Annoyed, Pleasant]));
    assert_eq!(r.net, 0);
    assert_eq!(r.verdict, Verdict::OnTheEdge);
    assert_eq!(r.first_negative, Some(2));
}

#[test]
fn best_fix_takes_the_first_of_equally_bad_touchpoints() {
    use Rating::*;
    // 0 − 10 + 5 − 10 = −15; raising the first −10 to +5 gives −15 + 15 = 0.
    let r = evaluate(&journey(0, &[Disliked, Pleasant, Disliked]));
    assert_eq!(r.net, -15);
    assert_eq!(r.verdict, Verdict::Fails);
    let fix = r.best_fix.expect("a negative touchpoint");
    assert_eq!((fix.position, fix.net_after), (1, 0));
}

#[test]
fn no_best_fix_without_a_negative_touchpoint() {
    use Rating::*;
    assert_eq!(evaluate(&journey(0, &[Pleasant, Liked])).best_fix, None);
    let empty = evaluate(&journey(12, &[]));
    assert_eq!(
        (empty.net, empty.best_fix, empty.first_negative),
        (12, None, None)
    );
    assert!(empty.balances.is_empty());
}

#[test]
fn seed_presets_fail_and_activate_as_their_text_says() {
    let [obstacle, rehearsal] = seed_presets();
    // 10 + 5 − 20 − 10 + 5: balances 15, −5, −15, −10.
    let a = evaluate(&obstacle.journey(0).expect("valid preset").journey);
    assert_eq!(a.balances, vec![15, -5, -15, -10]);
    assert_eq!((a.verdict, a.first_negative), (Verdict::Fails, Some(2)));
    assert_eq!(a.best_fix.map(|f| f.net_after), Some(15));
    // 10 + 5 + 10 − 5 + 20: balances 15, 25, 20, 40.
    let b = evaluate(&rehearsal.journey(1).expect("valid preset").journey);
    assert_eq!(b.balances, vec![15, 25, 20, 40]);
    assert_eq!(b.verdict, Verdict::Activates);
    assert_eq!(b.best_fix.map(|f| (f.position, f.net_after)), Some((3, 50)));
}

fn any_rating() -> impl Strategy<Value = Rating> {
    prop::sample::select(Rating::ALL.to_vec())
}

proptest! {
    #[test]
    fn net_is_pre_charge_plus_sum_and_the_last_balance(
        pre in 0..=PRE_CHARGE_MAX,
        ratings in prop::collection::vec(any_rating(), 0..30),
    ) {
        let r = evaluate(&journey(pre, &ratings));
        let sum: i32 = ratings.iter().map(|x| x.points()).sum();
        prop_assert_eq!(r.net, pre + sum);
        prop_assert_eq!(r.balances.len(), ratings.len());
        prop_assert_eq!(r.balances.last().copied().unwrap_or(pre), r.net);
        prop_assert_eq!(r.verdict == Verdict::Activates, pre + sum > 0);
        prop_assert_eq!(r.verdict == Verdict::Fails, pre + sum < 0);
        // The first negative balance: no earlier one is negative.
        match r.first_negative {
            Some(k) => {
                prop_assert!(r.balances[k - 1] < 0);
                prop_assert!(r.balances[..k - 1].iter().all(|&b| b >= 0));
            }
            None => prop_assert!(r.balances.iter().all(|&b| b >= 0)),
        }
        // The best fix raises the smallest rating, whose value sets the gain.
        let min = ratings.iter().map(|x| x.points()).min();
        match (r.best_fix, min) {
            (Some(fix), Some(m)) => {
                prop_assert_eq!(fix.from.points(), m);
                // Fixing the worst touchpoint raises the net (the size of the gain is pinned
                // by the hand-worked cases above, not restated here).
                prop_assert!(fix.net_after > r.net);
            }
            (None, m) => prop_assert!(m.is_none_or(|m| m > 0)),
            (Some(_), None) => prop_assert!(false, "a fix for an empty journey"),
        }
    }

    #[test]
    fn an_empty_journey_keeps_its_pre_charge(pre in 0..=PRE_CHARGE_MAX) {
        let r = evaluate(&journey(pre, &[]));
        prop_assert_eq!(r.net, pre);
        prop_assert_eq!(r.verdict == Verdict::OnTheEdge, pre == 0);
    }
}
