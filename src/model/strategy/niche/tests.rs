#![allow(clippy::expect_used)]
//! Expected scores are worked by hand from the yardsticks (v / 10, v / max, min / v) and the
//! weighted mean.
use super::*;
use proptest::prelude::*;

fn row(segment: &str, cycle: f64, pay: f64, stick: f64, potential: f64) -> SegmentRow {
    SegmentRow {
        segment: segment.into(),
        closing_cycle_days: Some(cycle),
        willingness_to_pay: Some(pay),
        stickiness: Some(stick),
        potential_customers: Some(potential),
    }
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

#[test]
fn three_segments_with_equal_weights() {
    let rows = [
        row("Retail", 30.0, 6.0, 2.0, 1000.0),
        row("Finance", 120.0, 9.0, 8.0, 200.0),
        row("Education", 60.0, 3.0, 5.0, 600.0),
    ];
    let s = score(&rows, &Weights::default()).expect("valid");
    assert!(s.left_out.is_empty());
    // Cycle, shortest 30: 1, 0.25, 0.5. Pay / 10: 0.6, 0.9, 0.3. Stick / 8: 0.25, 1, 0.625.
    // Potential / 1000: 1, 0.2, 0.6.
    // Retail 2.85 / 4 = 71.25, Finance 2.35 / 4 = 58.75, Education 2.025 / 4 = 50.625.
    assert!(close(s.rows[0].score, 71.25));
    assert!(close(s.rows[1].score, 58.75));
    assert!(close(s.rows[2].score, 50.625));
    assert_eq!(
        s.rows.iter().map(|r| r.rank).collect::<Vec<_>>(),
        vec![Some(1), Some(2), Some(3)]
    );
    assert!(close(s.rows[2].normalised[0], 0.5));
}

#[test]
fn a_segment_no_better_than_another_changes_no_score() {
    // The review's case: A and B, then C no better than either on any indicator. Min–max
    // would move B from a tie with A (50 / 50) to 94.4 against A's 60.
    // A: (30/30 + 0.6 + 5/5 + 100/300) / 4 = 73.33…; B: (30/60 + 0.6 + 1 + 1) / 4 = 77.5.
    let a = row("A", 30.0, 6.0, 5.0, 100.0);
    let b = row("B", 60.0, 6.0, 5.0, 300.0);
    let c = row("C", 300.0, 6.0, 5.0, 50.0);
    let two = score(&[a.clone(), b.clone()], &Weights::default()).expect("valid");
    let three = score(&[a, b, c], &Weights::default()).expect("valid");
    assert!(close(two.rows[0].score, 100.0 * (2.6 + 1.0 / 3.0) / 4.0));
    assert!(close(two.rows[1].score, 77.5));
    for k in 0..2 {
        assert_eq!(two.rows[k].score, three.rows[k].score);
        assert_eq!(two.rows[k].rank, three.rows[k].rank);
    }
    // C: (0.1 + 0.6 + 1 + 1/6) / 4 = 46.67, last.
    assert!(close(
        three.rows[2].score,
        100.0 * (0.1 + 0.6 + 1.0 + 1.0 / 6.0) / 4.0
    ));
    assert_eq!(three.rows[2].rank, Some(3));
}

#[test]
fn weights_and_an_indicator_without_a_yardstick() {
    // Weights 2 (cycle), 5 (pay), 1, 1; stickiness 0 everywhere: no yardstick, left out, so
    // Σ kept = 8. A: (2 · 10/10 + 5 · 0.7 + 1 · 50/50) / 8 = 6.5 / 8 = 81.25;
    // B: (2 · 10/20 + 3.5 + 0) / 8 = 4.5 / 8 = 56.25.
    let rows = [
        row("A", 10.0, 7.0, 0.0, 50.0),
        row("B", 20.0, 7.0, 0.0, 0.0),
    ];
    let w = Weights([2.0, 5.0, 1.0, 1.0]);
    let s = score(&rows, &w).expect("valid");
    assert_eq!(s.left_out, vec![Indicator::Stickiness]);
    assert_eq!(s.rows[0].normalised[2], None);
    assert!(close(s.rows[0].score, 81.25));
    assert!(close(s.rows[1].score, 56.25));
}

#[test]
fn ties_share_a_rank_and_the_next_rank_is_skipped() {
    // A = B: (1 + 0.5 + 1 + 1) / 4 = 87.5; C: (1 + 0.5 + 1 + 0) / 4 = 62.5 → ranks 1, 1, 3.
    let rows = [
        row("A", 30.0, 5.0, 1.0, 100.0),
        row("B", 30.0, 5.0, 1.0, 100.0),
        row("C", 30.0, 5.0, 1.0, 0.0),
    ];
    let s = score(&rows, &Weights::default()).expect("valid");
    assert!(s.left_out.is_empty());
    assert!(close(s.rows[0].score, 87.5) && close(s.rows[2].score, 62.5));
    let ranks: Vec<_> = s.rows.iter().map(|r| r.rank).collect();
    assert_eq!(ranks, vec![Some(1), Some(1), Some(3)]);
}

#[test]
fn a_zero_shortest_cycle_gives_longer_cycles_nothing() {
    // Shortest 0 days: A scores 1 on the cycle, B 0. Only the cycle weighs.
    let rows = [row("A", 0.0, 5.0, 1.0, 1.0), row("B", 5.0, 5.0, 1.0, 1.0)];
    let s = score(&rows, &Weights([1.0, 0.0, 0.0, 0.0])).expect("valid");
    assert!(close(s.rows[0].score, 100.0) && close(s.rows[1].score, 0.0));
}

#[test]
fn all_zero_weights_or_nothing_kept_leave_every_score_undefined() {
    let rows = [row("A", 10.0, 7.0, 1.0, 5.0), row("B", 20.0, 3.0, 2.0, 9.0)];
    let s = score(&rows, &Weights([0.0; 4])).expect("valid");
    assert!(s.rows.iter().all(|r| r.score.is_none() && r.rank.is_none()));
    // Weight only on an indicator that is left out (stickiness 0 on every row).
    let flat = [row("A", 10.0, 7.0, 0.0, 5.0), row("B", 10.0, 3.0, 0.0, 9.0)];
    let s = score(&flat, &Weights([0.0, 0.0, 1.0, 0.0])).expect("valid");
    assert!(s.rows.iter().all(|r| r.score.is_none()));
}

#[test]
fn invalid_cells_and_weights_are_located() {
    let mut bad = row("B", 10.0, 11.0, 1.0, 5.0);
    let rows = [row("A", 10.0, 7.0, 1.0, 5.0), bad.clone()];
    assert_eq!(
        score(&rows, &Weights::default()),
        Err(StrategyError::Cell {
            row: 2,
            field: "willingness_to_pay",
            problem: Problem::OutOfRange {
                min: 0.0,
                max: 10.0
            }
        })
    );
    bad.willingness_to_pay = Some(5.0);
    bad.stickiness = None;
    let rows = [row("A", 10.0, 7.0, 1.0, 5.0), bad];
    assert!(matches!(
        score(&rows, &Weights::default()),
        Err(StrategyError::Cell {
            row: 2,
            field: "stickiness",
            problem: Problem::Missing
        })
    ));
    assert!(score(&[], &Weights([1.0, -1.0, 1.0, 1.0])).is_err());
}

fn any_row() -> impl Strategy<Value = SegmentRow> {
    (0.0..400.0f64, 0.0..=10.0f64, 0.0..1e6f64, 0.0..1e7f64)
        .prop_map(|(c, w, k, p)| row("s", c, w, k, p))
}

/// A row no better than `of` on any indicator: a longer or equal cycle, no more willingness,
/// stickiness or potential (each moved by a fraction drawn 0..1 of the room it has).
fn dominated(of: &SegmentRow, by: [f64; 4]) -> SegmentRow {
    let get = |v: Option<f64>| v.unwrap_or(0.0);
    row(
        "dominated",
        get(of.closing_cycle_days) * (1.0 + by[0]) + by[0],
        get(of.willingness_to_pay) * (1.0 - by[1]),
        get(of.stickiness) * (1.0 - by[2]),
        get(of.potential_customers) * (1.0 - by[3]),
    )
}

proptest! {
    #[test]
    fn a_dominated_row_never_changes_the_others(
        rows in prop::collection::vec(any_row(), 2..10),
        which in any::<prop::sample::Index>(),
        by in prop::array::uniform4(0.0..1.0f64),
        at in any::<prop::sample::Index>(),
        weights in prop::array::uniform4(0.0..5.0f64),
    ) {
        let before = score(&rows, &Weights(weights)).expect("valid by construction");
        let extra = dominated(&rows[which.index(rows.len())], by);
        let mut more = rows.clone();
        let position = at.index(rows.len() + 1);
        more.insert(position, extra);
        let after = score(&more, &Weights(weights)).expect("valid by construction");
        let others: Vec<&Scored> = after
            .rows
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != position)
            .map(|(_, s)| s)
            .collect();
        for (i, a) in before.rows.iter().enumerate() {
            for (j, b) in before.rows.iter().enumerate() {
                if let (Some(x), Some(y), Some(x2), Some(y2)) = (a.score, b.score, others[i].score, others[j].score) {
                    // The order of every pair is kept (and each score is too).
                    prop_assert_eq!(x > y + TIE, x2 > y2 + TIE);
                    prop_assert!((x - x2).abs() < 1e-9);
                }
            }
        }
    }

    #[test]
    fn scores_stay_within_zero_to_hundred_and_ranks_follow_scores(
        rows in prop::collection::vec(any_row(), 0..12),
        weights in prop::array::uniform4(0.0..5.0f64),
    ) {
        let s = score(&rows, &Weights(weights)).expect("valid by construction");
        prop_assert_eq!(s.rows.len(), rows.len());
        for (a, r) in s.rows.iter().zip(&rows) {
            for x in a.normalised.iter().flatten() {
                prop_assert!((0.0..=1.0).contains(x));
            }
            if let Some(v) = a.score {
                prop_assert!((0.0..=100.0).contains(&v));
            }
            // A shorter cycle never scores lower on the cycle; the shortest scores 1.
            let own = r.closing_cycle_days.unwrap_or(0.0);
            for (b, other) in s.rows.iter().zip(&rows) {
                if let (Some(x), Some(y)) = (a.normalised[0], b.normalised[0]) {
                    if own < other.closing_cycle_days.unwrap_or(0.0) {
                        prop_assert!(x >= y);
                    }
                }
            }
            let shortest = rows.iter().filter_map(|r| r.closing_cycle_days).fold(f64::INFINITY, f64::min);
            if own == shortest {
                prop_assert!(a.normalised[0].is_none_or(|x| x == 1.0));
            }
        }
        for a in &s.rows {
            for b in &s.rows {
                if let (Some(sa), Some(sb), Some(ra), Some(rb)) = (a.score, b.score, a.rank, b.rank) {
                    if sa > sb + 1e-6 { prop_assert!(ra < rb); }
                }
            }
        }
    }

    #[test]
    fn one_segment_has_nothing_to_compare(r in any_row()) {
        // A single row is its own yardstick: nothing to compare, not scored.
        let s = score(&[r], &Weights::default()).expect("valid");
        prop_assert_eq!(s.left_out.len(), 4);
        prop_assert_eq!(s.rows[0].score, None);
    }
}
