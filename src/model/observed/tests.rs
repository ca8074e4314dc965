use super::*;
use crate::model::cohort::{cohorts_from_monthly, Grain};

fn d(y: i32, m: u8, day: u8) -> Date {
    Date::new(y, m, day).unwrap_or(Date::new(1970, 1, 1).unwrap())
}

fn span(id: &str, start: Date, end: Option<Date>, mrr: f64) -> Span {
    Span {
        customer_id: id.into(),
        start,
        end,
        mrr,
    }
}

#[test]
fn spans_are_observed_through_the_latest_date_not_after_today() {
    let spans = [
        span("a", d(2026, 1, 10), None, 100.0),
        span("b", d(2026, 2, 1), Some(d(2026, 6, 30)), 50.0),
        span("c", d(2026, 3, 5), Some(d(2099, 12, 31)), 10.0),
        span("d", d(2027, 1, 1), None, 10.0),
    ];
    // Dates not after 2026-11-30: starts Jan 10, Feb 1, Mar 5 and the end Jun 30.
    assert_eq!(
        observed_through_spans(&spans, d(2026, 11, 30)),
        Some(d(2026, 6, 30))
    );
    assert_eq!(observed_through_spans(&spans, d(2025, 1, 1)), None);
}

#[test]
fn monthly_rows_are_observed_through_the_last_month_billed_not_after_today() {
    let row = |m: u8, y: i32| MrrRow {
        customer_id: "a".into(),
        month: Month::from_year_month(y, m),
        mrr: 1.0,
    };
    let rows = [row(1, 2026), row(5, 2026), row(3, 2027)];
    assert_eq!(
        observed_through_monthly(&rows, d(2026, 11, 30)),
        Some(Month::from_year_month(2026, 5))
    );
}

#[test]
fn open_and_far_future_spans_are_censored_at_the_observation_month() {
    // Observed through June 2026: a (open) and c (ends 2099) are active in every month up to
    // June and no further; b ends in April. Cohorts by start month, counted by hand:
    // 2026-01: a only, months Jan..Jun → 6 periods, all active.
    // 2026-03: b (Mar..Apr) and c (Mar..) → periods Mar..Jun = 4: active 2, 2, 1, 1.
    let spans = [
        span("a", d(2026, 1, 10), None, 100.0),
        span("b", d(2026, 3, 1), Some(d(2026, 4, 30)), 50.0),
        span("c", d(2026, 3, 5), Some(d(2099, 12, 31)), 10.0),
    ];
    let through = Month::from_year_month(2026, 6);
    let cohorts = cohorts_through(&Subscriptions::Spans(spans.to_vec()), Grain::Month, through);
    assert_eq!(cohorts.len(), 2);
    assert_eq!(cohorts[0].active, vec![Some(1.0); 6]);
    let second: Vec<f64> = cohorts[1].active.iter().flatten().copied().collect();
    assert_eq!(second, vec![2.0, 2.0, 1.0, 1.0]);
    let revenue: Vec<f64> = cohorts[1].revenue.iter().flatten().copied().collect();
    assert_eq!(revenue, vec![60.0, 60.0, 10.0, 10.0]);
}

#[test]
fn a_2099_end_does_not_widen_the_triangle() {
    // One customer a year for five years, all ending 2099-12-31; observed through 2026-11.
    let spans: Vec<Span> = (0..5)
        .map(|i| {
            span(
                &format!("c{i}"),
                d(2021 + i, 1, 1),
                Some(d(2099, 12, 31)),
                1.0,
            )
        })
        .collect();
    let today = d(2026, 11, 30);
    let through = observed_through(&Subscriptions::Spans(spans.clone()), today).unwrap();
    assert_eq!(
        through,
        Month::from_year_month(2025, 1),
        "latest start, not 2099"
    );
    let cohorts = cohorts_through(&Subscriptions::Spans(spans), Grain::Quarter, through);
    // The oldest cohort, 2021-Q1, spans Jan 2021..Jan 2025: 49 months = 16 whole quarters.
    let widest = cohorts.iter().map(|c| c.active.len()).max();
    assert_eq!(widest, Some(16));
}

#[test]
fn monthly_rows_give_the_same_cohorts_as_the_month_by_month_builder() {
    // The older builder (cohort::cohorts_from_monthly) expands every customer month by
    // month; this one uses difference arrays. On data observed through its latest month
    // they must agree.
    let mut rows = Vec::new();
    for (i, (start, len, gap)) in [(0, 5, 0), (0, 2, 3), (1, 9, 0), (4, 3, 1), (6, 2, 0)]
        .into_iter()
        .enumerate()
    {
        for m in (start..start + len).chain(start + len + gap..start + len + gap + 1) {
            rows.push(MrrRow {
                customer_id: format!("c{i}"),
                month: Month(24_300 + m),
                mrr: 10.0 + i as f64,
            });
        }
    }
    let last = rows.iter().map(|r| r.month).max().unwrap();
    for grain in [Grain::Month, Grain::Quarter] {
        let old = cohorts_from_monthly(&rows, grain);
        let new = cohorts_through(&Subscriptions::Monthly(rows.clone()), grain, last);
        assert_eq!(old.len(), new.len());
        for (o, n) in old.iter().zip(&new) {
            assert_eq!((&o.label, o.size, &o.active), (&n.label, n.size, &n.active));
            for (x, y) in o.revenue.iter().flatten().zip(n.revenue.iter().flatten()) {
                assert!((x - y).abs() < 1e-9, "{x} vs {y}");
            }
        }
    }
}
