#![allow(clippy::expect_used)]
//! Expected scores are worked by hand from min–max normalisation and the weighted mean.
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
    // Cycle 30..120 reversed: 1, 0, 2/3. Pay 3..9: 1/2, 1, 0. Stick 2..8: 0, 1, 1/2.
    // Potential 200..1000: 1, 0, 1/2.
    assert!(close(s.rows[0].score, 100.0 * 2.5 / 4.0));
    assert!(close(s.rows[1].score, 100.0 * 2.0 / 4.0));
    // Retail 2.5 / 4 = 62.5, Finance 2 / 4 = 50, Education (2/3 + 0 + 1/2 + 1/2) / 4 = 41.7.
    assert!(close(
        s.rows[2].score,
        100.0 * (2.0 / 3.0 + 0.5 + 0.5) / 4.0
    ));
    assert_eq!(
        s.rows.iter().map(|r| r.rank).collect::<Vec<_>>(),
        vec![Some(1), Some(2), Some(3)]
    );
    assert!(close(s.rows[2].normalised[0], 2.0 / 3.0));
}

#[test]
fn indicator_equal_on_every_row_is_left_out_and_weights_renormalised() {
    // Willingness 7 everywhere: left out; weights 2 (cycle), 5 (pay), 1, 1 → Σ kept = 4.
    let rows = [
        row("A", 10.0, 7.0, 0.0, 50.0),
        row("B", 20.0, 7.0, 4.0, 0.0),
    ];
    let w = Weights([2.0, 5.0, 1.0, 1.0]);
    let s = score(&rows, &w).expect("valid");
    assert_eq!(s.left_out, vec![Indicator::WillingnessToPay]);
    assert_eq!(s.rows[0].normalised[1], None);
    // A: (2·1 + 1·0 + 1·1) / 4 = 75. B: (2·0 + 1·1 + 1·0) / 4 = 25.
    assert!(close(s.rows[0].score, 75.0));
    assert!(close(s.rows[1].score, 25.0));
}

#[test]
fn ties_share_a_rank_and_the_next_rank_is_skipped() {
    // Only potential customers varies: 100, 100, 0 → 100, 100, 0 → ranks 1, 1, 3.
    let rows = [
        row("A", 30.0, 5.0, 1.0, 100.0),
        row("B", 30.0, 5.0, 1.0, 100.0),
        row("C", 30.0, 5.0, 1.0, 0.0),
    ];
    let s = score(&rows, &Weights::default()).expect("valid");
    assert_eq!(s.left_out.len(), 3);
    let ranks: Vec<_> = s.rows.iter().map(|r| r.rank).collect();
    assert_eq!(ranks, vec![Some(1), Some(1), Some(3)]);
}

#[test]
fn all_zero_weights_or_nothing_kept_leave_every_score_undefined() {
    let rows = [row("A", 10.0, 7.0, 1.0, 5.0), row("B", 20.0, 3.0, 2.0, 9.0)];
    let s = score(&rows, &Weights([0.0; 4])).expect("valid");
    assert!(s.rows.iter().all(|r| r.score.is_none() && r.rank.is_none()));
    // Weight only on an indicator that is left out.
    let same = [row("A", 10.0, 7.0, 1.0, 5.0), row("B", 10.0, 3.0, 2.0, 9.0)];
    let s = score(&same, &Weights([1.0, 0.0, 0.0, 0.0])).expect("valid");
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

proptest! {
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
            // The normalised cycle, recomputed directly: (max − own) / (max − min).
            if let Some(x) = a.normalised[0] {
                let c: Vec<f64> = rows.iter().filter_map(|r| r.closing_cycle_days).collect();
                let (lo, hi) = (c.iter().copied().fold(f64::INFINITY, f64::min),
                                c.iter().copied().fold(f64::NEG_INFINITY, f64::max));
                let own = r.closing_cycle_days.unwrap_or(0.0);
                prop_assert!((x - (hi - own) / (hi - lo)).abs() < 1e-6);
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
        let s = score(&[r], &Weights::default()).expect("valid");
        prop_assert_eq!(s.left_out.len(), 4);
        prop_assert_eq!(s.rows[0].score, None);
    }
}
