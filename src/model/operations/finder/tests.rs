#![allow(clippy::expect_used, clippy::unwrap_used)]
//! Expected figures are worked by hand in the comments.
use super::*;
use proptest::prelude::*;

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

fn col(name: &str, values: &[Option<f64>]) -> Column {
    (name.to_string(), values.to_vec())
}

#[test]
fn ranks_four_columns_by_hand() {
    let renewed = [
        Some(true),
        Some(true),
        Some(false),
        Some(false),
        Some(true),
        None,
    ];
    let columns = [
        col(
            "a",
            &[
                Some(5.0),
                Some(4.0),
                Some(3.0),
                Some(1.0),
                Some(2.0),
                Some(9.0),
            ],
        ),
        col(
            "b",
            &[Some(1.0), Some(2.0), Some(3.0), Some(4.0), None, Some(7.0)],
        ),
        col("c", &[None, None, Some(1.0), Some(2.0), None, None]),
        col("d", &[Some(1.0); 6]),
    ];
    let ranked = rank(&columns, &renewed, 1);
    let names: Vec<&str> = ranked.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["b", "a", "d", "c"]);
    assert_eq!(
        ranked.iter().map(|c| c.standing).collect::<Vec<_>>(),
        [
            Standing::Ranked(1),
            Standing::Ranked(2),
            Standing::Ranked(3),
            Standing::TooFew
        ]
    );

    // b: sample (1,T) (2,T) (3,F) (4,F): every renewed value is below every churned one,
    // AUC 0, strength 1, lower. Mid-ranks 1–4, percentiles 0.125, 0.375, 0.625, 0.875:
    // bottom {1:T} → 1, top {4:F} → 0.
    let b = &ranked[0];
    assert_eq!((b.used, b.renewed, b.churned), (4, 2, 2));
    assert!(close(b.auc, 0.0));
    assert!(close(b.strength, 1.0));
    assert_eq!(b.direction, Some(Direction::Lower));
    assert_eq!((b.bottom_quartile, b.top_quartile), (1, 1));
    assert!(close(b.bottom_quartile_renewal, 1.0));
    assert!(close(b.top_quartile_renewal, 0.0));

    // a: renewed {5,4,2}, churned {3,1}; pairs won: 5>3, 5>1, 4>3, 4>1, 2>1 = 5 of 6.
    // Sorted 1F 2T 3F 4T 5T, percentiles 0.1, 0.3, 0.5, 0.7, 0.9: bottom {1F} → 0,
    // top {5T} → 1.
    let a = &ranked[1];
    assert_eq!(a.used, 5);
    assert!(close(a.auc, 5.0 / 6.0));
    assert!(close(a.strength, 5.0 / 6.0));
    assert_eq!(a.direction, Some(Direction::Higher));
    assert!(close(a.bottom_quartile_renewal, 0.0));
    assert!(close(a.top_quartile_renewal, 1.0));

    // d: all five values tie: AUC ½ (higher), one mid-rank 3, percentile 0.5, so neither
    // quartile has anyone (no spread to read).
    let d = &ranked[2];
    assert!(close(d.auc, 0.5));
    assert_eq!(d.direction, Some(Direction::Higher));
    assert_eq!((d.bottom_quartile, d.top_quartile), (0, 0));
    assert_eq!(
        (d.bottom_quartile_renewal, d.top_quartile_renewal),
        (None, None)
    );

    // c: only churned customers in the sample: no AUC, too few whatever the minimum.
    let c = &ranked[3];
    assert_eq!(
        (c.used, c.auc, c.strength, c.direction),
        (2, None, None, None)
    );

    // Asking three of each side: b (2/2), a (3/2) and d (3/2) are too few as well, listed by
    // strength.
    let strict = rank(&columns, &renewed, 3);
    assert!(strict.iter().all(|c| c.standing == Standing::TooFew));
    let names: Vec<&str> = strict.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["b", "a", "d", "c"]);
}

#[test]
fn ties_stay_together_whatever_the_row_order() {
    // Eight customers, values 1 1 2 2 2 2 3 3: mid-ranks 1.5 (the two 1s), 4.5 (the 2s),
    // 7.5 (the 3s); percentiles 0.125, 0.5, 0.875: bottom = both 1s, top = both 3s, the 2s
    // in neither. The 1s: one renewed → bottom 1/2; the 3s: both renewed → top 1. Reversing
    // the file changes nothing.
    let values = [1.0, 1.0, 2.0, 2.0, 2.0, 2.0, 3.0, 3.0];
    let outcome = [true, false, true, false, true, false, true, true];
    let run = |order: &[usize]| {
        let v: Vec<Option<f64>> = order.iter().map(|&i| Some(values[i])).collect();
        let r: Vec<Option<bool>> = order.iter().map(|&i| Some(outcome[i])).collect();
        rank(&[col("x", &v)], &r, 1).remove(0)
    };
    let forward = run(&[0, 1, 2, 3, 4, 5, 6, 7]);
    assert_eq!((forward.bottom_quartile, forward.top_quartile), (2, 2));
    assert!(close(forward.bottom_quartile_renewal, 0.5));
    assert!(close(forward.top_quartile_renewal, 1.0));
    // The old stable-sort cut (k = 2) gave the same here; with 2 2 the cut fell inside a tie:
    // values 1 2 2 2 and outcomes F T F T make file order decide. Now both orders agree.
    let tie_values = [1.0, 2.0, 2.0, 2.0];
    let tie_outcomes = [false, true, false, true];
    let tied = |order: &[usize]| {
        let v: Vec<Option<f64>> = order.iter().map(|&i| Some(tie_values[i])).collect();
        let r: Vec<Option<bool>> = order.iter().map(|&i| Some(tie_outcomes[i])).collect();
        rank(&[col("y", &v)], &r, 1).remove(0)
    };
    let one = tied(&[0, 1, 2, 3]);
    let other = tied(&[0, 3, 2, 1]);
    assert_eq!(one, other);
    // Mid-rank of the 2s is 3 → percentile 0.625: top quartile empty; bottom {1:F} → 0.
    assert_eq!((one.bottom_quartile, one.top_quartile), (1, 0));
    assert!(close(one.bottom_quartile_renewal, 0.0));
    assert_eq!(one.top_quartile_renewal, None);
    assert_eq!(run(&[7, 6, 5, 4, 3, 2, 1, 0]), forward);
    // Two halves tied: mid-ranks 6.5 and 18.5 of 24, percentiles exactly 0.25 and 0.75: both
    // halves are quartiles, the rule symmetric (12 churned at the bottom, 12 renewed on top).
    let halves: Vec<Option<f64>> = (0..24)
        .map(|i| Some(if i < 12 { 1.0 } else { 10.0 }))
        .collect();
    let outcomes: Vec<Option<bool>> = (0..24).map(|i| Some(i >= 12)).collect();
    let h = rank(&[col("h", &halves)], &outcomes, 1).remove(0);
    assert_eq!((h.bottom_quartile, h.top_quartile), (12, 12));
    assert_eq!(
        (h.bottom_quartile_renewal, h.top_quartile_renewal),
        (Some(0.0), Some(1.0))
    );
}

#[test]
fn outcomes_are_shown_not_ranked() {
    let renewed = [Some(true), Some(false)];
    let leak = [Some(2.0), Some(1.0)];
    let ranked = rank(
        &[
            col(EXPANSION_ARR, &leak),
            col("usage", &leak),
            col(ARR, &leak),
        ],
        &renewed,
        1,
    );
    let standings: Vec<(&str, Standing)> = ranked
        .iter()
        .map(|c| (c.name.as_str(), c.standing))
        .collect();
    assert_eq!(
        standings,
        [
            ("usage", Standing::Ranked(1)),
            (ARR, Standing::Outcome),
            (EXPANSION_ARR, Standing::Outcome)
        ]
    );
    assert!(OUTCOMES.iter().all(|c| is_outcome(c)));
    assert!(!is_outcome(NORTH_STAR));
}

#[test]
fn equal_strength_ties_by_name_and_single_customer() {
    let renewed = [Some(true), Some(false)];
    let same = [Some(2.0), Some(1.0)];
    let ranked = rank(&[col("z", &same), col("m", &same)], &renewed, 1);
    assert_eq!(ranked[0].name, "m");
    assert_eq!(ranked[1].name, "z");

    // One customer: no AUC, too few; percentile 0.5, so no quartile.
    let one = rank(&[col("x", &[Some(3.0)])], &[Some(true)], 1);
    assert_eq!(
        (one[0].used, one[0].standing, one[0].auc),
        (1, Standing::TooFew, None)
    );
    assert_eq!(one[0].top_quartile_renewal, None);
    assert_eq!(one[0].bottom_quartile_renewal, None);
}

#[test]
fn empty_inputs_and_missing_columns() {
    assert!(rank(&[], &[], 1).is_empty());
    assert!(candidate_columns(&[]).is_empty());
    let ranked = rank(&[col("x", &[None, None])], &[Some(true), Some(false)], 1);
    let x = &ranked[0];
    assert_eq!(
        (x.used, x.standing, x.auc, x.strength),
        (0, Standing::TooFew, None, None)
    );
    assert_eq!(x.top_quartile_renewal, None);
    assert_eq!(x.bottom_quartile_renewal, None);
}

#[test]
fn lists_builtin_and_extra_columns() {
    let customers = [
        Customer {
            arr: 100.0,
            north_star: Some(3.0),
            extra: vec![("logins".into(), 7.0), ("empty".into(), f64::NAN)],
            ..Customer::default()
        },
        Customer {
            arr: 200.0,
            extra: vec![("seats".into(), 2.0)],
            ..Customer::default()
        },
    ];
    let columns = candidate_columns(&customers);
    let names: Vec<&str> = columns.iter().map(|(n, _)| n.as_str()).collect();
    // Built-ins without a value (tickets, nps, …) and the all-NaN "empty" are left out.
    assert_eq!(names, ["north_star", "arr", "logins", "seats"]);
    assert_eq!(columns[0].1, vec![Some(3.0), None]);
    assert_eq!(columns[1].1, vec![Some(100.0), Some(200.0)]);
    assert_eq!(columns[2].1, vec![Some(7.0), None]);
    assert_eq!(columns[3].1, vec![None, Some(2.0)]);
}

#[test]
fn rank_customers_uses_their_outcomes() {
    let c = |ns: f64, renewed: bool| Customer {
        north_star: Some(ns),
        arr: 100.0,
        renewed: Some(renewed),
        ..Customer::default()
    };
    // Ten renewed with north star 9 and ten churned with 1: the minimum on each side.
    let customers: Vec<Customer> = (0..20)
        .map(|i| c(if i < 10 { 9.0 } else { 1.0 }, i < 10))
        .collect();
    let ranked = rank_customers(&customers);
    // north_star separates perfectly (strength 1); arr ties (AUC ½) and is an outcome.
    assert_eq!(ranked[0].name, NORTH_STAR);
    assert_eq!(ranked[0].standing, Standing::Ranked(1));
    assert_eq!(ranked[0].strength, Some(1.0));
    assert_eq!(ranked[1].name, ARR);
    assert_eq!(ranked[1].standing, Standing::Outcome);
    assert_eq!(ranked[1].strength, Some(0.5));
    // One churned customer fewer: too few.
    assert_eq!(
        rank_customers(&customers[..19])[0].standing,
        Standing::TooFew
    );
}

#[test]
fn column_names_match_io_fields() {
    use crate::io::fields::Field;
    assert_eq!(NORTH_STAR, Field::NorthStar.column_name());
    assert_eq!(TICKETS_OPENED, Field::TicketsOpened.column_name());
    assert_eq!(TICKETS_UNRESOLVED, Field::TicketsUnresolved.column_name());
    assert_eq!(NPS, Field::Nps.column_name());
    assert_eq!(TTFV_DAYS, Field::TtfvDays.column_name());
    assert_eq!(EXEC_TOUCH_DAYS, Field::ExecTouchDays.column_name());
    assert_eq!(REFERRALS, Field::Referrals.column_name());
    assert_eq!(EXPANSION_ARR, Field::ExpansionArr.column_name());
    assert_eq!(PREV_HEALTH, Field::PrevHealth.column_name());
    assert_eq!(ARR, Field::Arr.column_name());
    assert_eq!(Direction::Higher.key(), "higher");
    assert_eq!(Direction::Lower.key(), "lower");
}

fn sample() -> impl Strategy<Value = (Vec<Option<bool>>, Vec<Option<f64>>)> {
    proptest::collection::vec(
        (
            proptest::option::of(any::<bool>()),
            proptest::option::of(-1e3..1e3f64),
        ),
        0..40,
    )
    .prop_map(|rows| rows.into_iter().unzip())
}

proptest! {
    #[test]
    fn the_row_order_changes_nothing((renewed, values) in sample(), seed in any::<u64>()) {
        // A permutation drawn from the seed (a Fisher–Yates shuffle with a small LCG).
        let mut order: Vec<usize> = (0..values.len()).collect();
        let mut state = seed | 1;
        for i in (1..order.len()).rev() {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            order.swap(i, (state >> 33) as usize % (i + 1));
        }
        let shuffled_values: Vec<Option<f64>> = order.iter().map(|&i| values[i]).collect();
        let shuffled_renewed: Vec<Option<bool>> = order.iter().map(|&i| renewed[i]).collect();
        let before = rank(&[col("x", &values)], &renewed, 2);
        let after = rank(&[col("x", &shuffled_values)], &shuffled_renewed, 2);
        // The AUC sums in another order: equal to rounding, every other figure exactly.
        prop_assert_eq!(before[0].auc.is_some(), after[0].auc.is_some());
        if let (Some(x), Some(y)) = (before[0].auc, after[0].auc) {
            prop_assert!((x - y).abs() < 1e-12);
        }
        let strip = |c: &Candidate| Candidate { auc: None, strength: None, ..c.clone() };
        prop_assert_eq!(strip(&before[0]), strip(&after[0]));
    }

    #[test]
    fn figures_are_bounded((renewed, values) in sample()) {
        let ranked = rank(&[("x".to_string(), values.clone())], &renewed, 1);
        let x = &ranked[0];
        let used = renewed.iter().zip(&values).filter(|(r, v)| r.is_some() && v.is_some()).count();
        prop_assert_eq!(x.used, used);
        prop_assert_eq!(x.renewed + x.churned, used);
        // Each quartile holds at most a quarter of the customers plus the tie it cannot split.
        prop_assert!(x.top_quartile + x.bottom_quartile <= used);
        let both = renewed.iter().zip(&values).filter(|(_, v)| v.is_some()).filter_map(|(r, _)| *r);
        let (yes, no) = both.fold((0, 0), |(y, n), r| if r { (y + 1, n) } else { (y, n + 1) });
        prop_assert_eq!(x.auc.is_some(), yes > 0 && no > 0);
        if let Some(a) = x.auc {
            prop_assert!((0.0..=1.0).contains(&a));
            prop_assert!(x.strength.is_some_and(|s| (0.5..=1.0).contains(&s)));
        }
        for (rate, n) in [(x.top_quartile_renewal, x.top_quartile), (x.bottom_quartile_renewal, x.bottom_quartile)] {
            prop_assert_eq!(rate.is_some(), n > 0);
            prop_assert!(rate.is_none_or(|r| (0.0..=1.0).contains(&r)));
        }
    }

    #[test]
    fn negating_flips_the_direction_not_the_strength((renewed, values) in sample()) {
        let negated: Vec<Option<f64>> = values.iter().map(|v| v.map(|v| -v)).collect();
        let ranked = rank(&[col("a", &values), col("b", &negated)], &renewed, 1);
        let (a, b) = if ranked[0].name == "a" { (&ranked[0], &ranked[1]) } else { (&ranked[1], &ranked[0]) };
        match (a.auc, b.auc) {
            (Some(x), Some(y)) => {
                prop_assert!((x + y - 1.0).abs() < 1e-9);
                prop_assert!((a.strength.unwrap() - b.strength.unwrap()).abs() < 1e-9);
            }
            (None, None) => {}
            _ => prop_assert!(false, "one column has an AUC, the other not"),
        }
    }

    #[test]
    fn ranking_is_ordered(rows in proptest::collection::vec(sample(), 1..6)) {
        let renewed = rows[0].0.clone();
        let columns: Vec<Column> = rows
            .into_iter()
            .enumerate()
            .map(|(i, (_, values))| (format!("c{i}"), values))
            .collect();
        let ranked = rank(&columns, &renewed, 1);
        prop_assert_eq!(ranked.len(), columns.len());
        let ranks: Vec<usize> = ranked.iter().filter_map(|c| c.standing.rank()).collect();
        prop_assert_eq!(ranks.clone(), (1..=ranks.len()).collect::<Vec<_>>());
        for pair in ranked.windows(2) {
            if let (Standing::Ranked(_), Standing::Ranked(_)) = (pair[0].standing, pair[1].standing) {
                prop_assert!(pair[0].strength >= pair[1].strength);
            }
            prop_assert!(!(pair[0].standing == Standing::TooFew && pair[1].standing.rank().is_some()));
        }
    }
}
