#![allow(clippy::expect_used, clippy::unwrap_used)]
//! Expected figures are worked by hand in the comments.
use super::*;
use proptest::prelude::*;

fn answered(
    nps: f64,
    renewed: Option<bool>,
    expansion: Option<f64>,
    refs: Option<f64>,
) -> Customer {
    Customer {
        nps: Some(nps),
        renewed,
        expansion_arr: expansion,
        referrals: refs,
        ..Customer::default()
    }
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

#[test]
fn small_portfolio_by_hand() {
    let customers = [
        answered(10.0, Some(true), Some(100.0), Some(2.0)),
        answered(9.4, Some(false), None, Some(0.0)), // rounds to 9: promoter
        answered(8.5, None, Some(50.0), None),       // rounds to 9: promoter
        answered(7.0, Some(true), Some(0.0), Some(1.0)),
        answered(6.0, Some(false), Some(-10.0), Some(0.0)),
        answered(0.0, Some(false), None, None),
        answered(11.0, Some(true), None, None), // out of range: ignored
        Customer::default(),                    // no answer: ignored
    ];
    let s = summarise(&customers);
    // Respondents 6: promoters 3 (10, 9.4, 8.5), passive 1 (7), detractors 2 (6, 0).
    assert_eq!(s.respondents, 6);
    // 100 × (3 − 2) / 6 = 16.666…
    assert!(close(s.nps, 100.0 / 6.0));
    assert_eq!(s.above_benchmark(), Some(true));
    let mut dist = [0; 11];
    dist[10] = 1;
    dist[9] = 2;
    dist[7] = 1;
    dist[6] = 1;
    dist[0] = 1;
    assert_eq!(s.distribution, dist);
    let p = s.group(NpsGroup::Promoter);
    assert_eq!(p.customers, 3);
    // Outcomes: true, false (the third has none) → 1/2.
    assert!(close(p.renewal_rate, 0.5));
    // Expansion values 100 and 50 → mean 75.
    assert!(close(p.mean_expansion_arr, 75.0));
    // Referrals values 2 and 0 → 1 of 2 refers.
    assert!(close(p.referral_rate, 0.5));
    let q = s.group(NpsGroup::Passive);
    assert_eq!(q.customers, 1);
    assert!(close(q.renewal_rate, 1.0));
    assert!(close(q.mean_expansion_arr, 0.0));
    assert!(close(q.referral_rate, 1.0));
    let d = s.group(NpsGroup::Detractor);
    assert_eq!(d.customers, 2);
    // Both churned → 0/2.
    assert!(close(d.renewal_rate, 0.0));
    // Only one expansion value, −10.
    assert!(close(d.mean_expansion_arr, -10.0));
    // One referrals value, 0 → 0/1.
    assert!(close(d.referral_rate, 0.0));
}

#[test]
fn all_detractors_score_minus_100() {
    let customers = [
        answered(3.0, None, None, None),
        answered(6.4, None, None, None),
    ];
    let s = summarise(&customers);
    // (0 − 2) / 2 × 100 = −100.
    assert_eq!(s.nps, Some(-100.0));
    assert_eq!(s.above_benchmark(), Some(false));
    let d = s.group(NpsGroup::Detractor);
    assert_eq!(d.renewal_rate, None);
    assert_eq!(d.mean_expansion_arr, None);
    assert_eq!(d.referral_rate, None);
}

#[test]
fn no_respondents_gives_none() {
    let nan = answered(f64::NAN, Some(true), None, None);
    let negative = answered(-1.0, Some(true), None, None);
    for customers in [vec![], vec![Customer::default()], vec![nan, negative]] {
        let s = summarise(&customers);
        assert_eq!(s.respondents, 0);
        assert_eq!(s.nps, None);
        assert_eq!(s.above_benchmark(), None);
        assert_eq!(s.distribution, [0; 11]);
        for g in s.groups {
            assert_eq!(g.customers, 0);
            assert_eq!(g.renewal_rate, None);
            assert_eq!(g.mean_expansion_arr, None);
            assert_eq!(g.referral_rate, None);
        }
    }
}

#[test]
fn single_customer() {
    let s = summarise(&[answered(9.0, Some(true), Some(20.0), Some(0.0))]);
    assert_eq!(s.nps, Some(100.0));
    let p = s.group(NpsGroup::Promoter);
    assert_eq!((p.customers, p.renewal_rate), (1, Some(1.0)));
    assert_eq!(p.mean_expansion_arr, Some(20.0));
    assert_eq!(p.referral_rate, Some(0.0));
}

#[test]
fn keys_and_groups() {
    let keys: Vec<&str> = NpsGroup::ALL.iter().map(|g| g.key()).collect();
    assert_eq!(keys, ["promoter", "passive", "detractor"]);
    assert_eq!(NpsGroup::of(6), NpsGroup::Detractor);
    assert_eq!(NpsGroup::of(7), NpsGroup::Passive);
    assert_eq!(NpsGroup::of(8), NpsGroup::Passive);
    assert_eq!(NpsGroup::of(9), NpsGroup::Promoter);
    assert_eq!(NpsGroup::of(10), NpsGroup::Promoter);
}

fn customer() -> impl Strategy<Value = Customer> {
    (
        proptest::option::of(0.0..=10.0f64),
        proptest::option::of(any::<bool>()),
        proptest::option::of(-1e6..1e6f64),
        proptest::option::of(0.0..20.0f64),
    )
        .prop_map(|(nps, renewed, expansion_arr, referrals)| Customer {
            nps,
            renewed,
            expansion_arr,
            referrals,
            ..Customer::default()
        })
}

proptest! {
    #[test]
    fn figures_are_bounded_and_consistent(customers in proptest::collection::vec(customer(), 0..40)) {
        let s = summarise(&customers);
        let answered = customers.iter().filter(|c| c.nps.is_some()).count();
        prop_assert_eq!(s.respondents, answered);
        prop_assert_eq!(s.distribution.iter().sum::<usize>(), answered);
        prop_assert_eq!(s.groups.iter().map(|g| g.customers).sum::<usize>(), answered);
        prop_assert_eq!(s.nps.is_none(), answered == 0);
        if let Some(n) = s.nps {
            prop_assert!((-100.0..=100.0).contains(&n));
        }
        for g in s.groups {
            for rate in [g.renewal_rate, g.referral_rate].into_iter().flatten() {
                prop_assert!((0.0..=1.0).contains(&rate));
            }
            if let Some(m) = g.mean_expansion_arr {
                prop_assert!(m.is_finite());
            }
            if g.customers == 0 {
                prop_assert_eq!(g.renewal_rate, None);
            }
        }
    }

    #[test]
    fn missing_answers_give_all_none(customers in proptest::collection::vec(customer(), 0..20)) {
        let blanked: Vec<Customer> = customers
            .into_iter()
            .map(|c| Customer { nps: None, ..c })
            .collect();
        let s = summarise(&blanked);
        prop_assert_eq!(s.nps, None);
        for g in s.groups {
            prop_assert_eq!(g.renewal_rate, None);
            prop_assert_eq!(g.mean_expansion_arr, None);
            prop_assert_eq!(g.referral_rate, None);
        }
    }
}
