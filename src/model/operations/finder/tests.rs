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
    let ranked = rank(&columns, &renewed);
    let names: Vec<&str> = ranked.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["b", "a", "d", "c"]);
    assert_eq!(
        ranked.iter().map(|c| c.rank).collect::<Vec<_>>(),
        [1, 2, 3, 4]
    );

    // b: sample (1,T) (2,T) (3,F) (4,F): every renewed value is below every churned one,
    // AUC 0, strength 1, lower. k = ceil(4/4) = 1: bottom {1:T} → 1, top {4:F} → 0.
    let b = &ranked[0];
    assert_eq!(b.used, 4);
    assert!(close(b.auc, 0.0));
    assert!(close(b.strength, 1.0));
    assert_eq!(b.direction, Some(Direction::Lower));
    assert_eq!(b.quartile_size, 1);
    assert!(close(b.bottom_quartile_renewal, 1.0));
    assert!(close(b.top_quartile_renewal, 0.0));

    // a: renewed {5,4,2}, churned {3,1}; pairs won: 5>3, 5>1, 4>3, 4>1, 2>1 = 5 of 6.
    // Sorted 1F 2T 3F 4T 5T; k = ceil(5/4) = 2: bottom {1F,2T} → 1/2, top {4T,5T} → 1.
    let a = &ranked[1];
    assert_eq!(a.used, 5);
    assert!(close(a.auc, 5.0 / 6.0));
    assert!(close(a.strength, 5.0 / 6.0));
    assert_eq!(a.direction, Some(Direction::Higher));
    assert!(close(a.bottom_quartile_renewal, 0.5));
    assert!(close(a.top_quartile_renewal, 1.0));

    // d: all values tie, AUC ½ (higher). Stable order of the sample T T F F T, k = 2:
    // bottom = first two (T,T) → 1, top = last two (F,T) → 1/2.
    let d = &ranked[2];
    assert!(close(d.auc, 0.5));
    assert_eq!(d.direction, Some(Direction::Higher));
    assert!(close(d.bottom_quartile_renewal, 1.0));
    assert!(close(d.top_quartile_renewal, 0.5));

    // c: only churned customers in the sample: no AUC, ranked last; quartiles k = 1 → 0, 0.
    let c = &ranked[3];
    assert_eq!(
        (c.used, c.auc, c.strength, c.direction),
        (2, None, None, None)
    );
    assert!(close(c.top_quartile_renewal, 0.0));
    assert!(close(c.bottom_quartile_renewal, 0.0));
}

#[test]
fn equal_strength_ties_by_name_and_single_customer() {
    let renewed = [Some(true), Some(false)];
    let same = [Some(2.0), Some(1.0)];
    let ranked = rank(&[col("z", &same), col("m", &same)], &renewed);
    assert_eq!(ranked[0].name, "m");
    assert_eq!(ranked[1].name, "z");

    // One customer: no AUC; both quartiles are that customer (k = ceil(1/4) = 1).
    let one = rank(&[col("x", &[Some(3.0)])], &[Some(true)]);
    assert_eq!(
        (one[0].used, one[0].quartile_size, one[0].auc),
        (1, 1, None)
    );
    assert_eq!(one[0].top_quartile_renewal, Some(1.0));
    assert_eq!(one[0].bottom_quartile_renewal, Some(1.0));
}

#[test]
fn empty_inputs_and_missing_columns() {
    assert!(rank(&[], &[]).is_empty());
    assert!(candidate_columns(&[]).is_empty());
    let ranked = rank(&[col("x", &[None, None])], &[Some(true), Some(false)]);
    let x = &ranked[0];
    assert_eq!(
        (x.used, x.quartile_size, x.auc, x.strength),
        (0, 0, None, None)
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
    let ranked = rank_customers(&[c(9.0, true), c(1.0, false)]);
    // north_star separates perfectly (strength 1); arr ties (AUC ½).
    assert_eq!(ranked[0].name, NORTH_STAR);
    assert_eq!(ranked[0].strength, Some(1.0));
    assert_eq!(ranked[1].name, ARR);
    assert_eq!(ranked[1].strength, Some(0.5));
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
    fn figures_are_bounded((renewed, values) in sample()) {
        let ranked = rank(&[("x".to_string(), values.clone())], &renewed);
        let x = &ranked[0];
        let used = renewed.iter().zip(&values).filter(|(r, v)| r.is_some() && v.is_some()).count();
        prop_assert_eq!(x.used, used);
        prop_assert_eq!(x.quartile_size, used.div_ceil(4));
        let both = renewed.iter().zip(&values).filter(|(_, v)| v.is_some()).filter_map(|(r, _)| *r);
        let (yes, no) = both.fold((0, 0), |(y, n), r| if r { (y + 1, n) } else { (y, n + 1) });
        prop_assert_eq!(x.auc.is_some(), yes > 0 && no > 0);
        if let Some(a) = x.auc {
            prop_assert!((0.0..=1.0).contains(&a));
            prop_assert!(x.strength.is_some_and(|s| (0.5..=1.0).contains(&s)));
        }
        for rate in [x.top_quartile_renewal, x.bottom_quartile_renewal] {
            prop_assert_eq!(rate.is_some(), used > 0);
            prop_assert!(rate.is_none_or(|r| (0.0..=1.0).contains(&r)));
        }
    }

    #[test]
    fn negating_flips_the_direction_not_the_strength((renewed, values) in sample()) {
        let negated: Vec<Option<f64>> = values.iter().map(|v| v.map(|v| -v)).collect();
        let ranked = rank(&[col("a", &values), col("b", &negated)], &renewed);
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
        let ranked = rank(&columns, &renewed);
        prop_assert_eq!(ranked.len(), columns.len());
        for (i, pair) in ranked.windows(2).enumerate() {
            prop_assert_eq!(pair[0].rank, i + 1);
            match (pair[0].strength, pair[1].strength) {
                (Some(x), Some(y)) => prop_assert!(x >= y),
                (None, Some(_)) => prop_assert!(false, "a column without AUC ranked first"),
                _ => {}
            }
        }
    }
}
