#![allow(clippy::expect_used)]
//! Expected figures are worked by hand from the seed presets and the defaults.
use super::*;
use crate::model::strategy::activation::{Journey, PreCharge, Rating, Touchpoint, Verdict};
use crate::model::strategy::defaults::Defaults;
use crate::model::strategy::org_advice::Reason;
use proptest::prelude::*;

fn named(pre: i32, ratings: &[Rating]) -> NamedJourney {
    NamedJourney {
        name: "persona".into(),
        journey: Journey {
            pre_charge: PreCharge::new(pre).expect("valid"),
            touchpoints: ratings
                .iter()
                .map(|&rating| Touchpoint {
                    name: format!("{}", rating.points()).into(),
                    rating,
                })
                .collect(),
        },
    }
}

#[test]
fn journey_waterfall_runs_from_pre_charge_to_net() {
    let v = journey_view(&named(5, &[Rating::Liked, Rating::Annoyed]), Lang::En);
    let kinds: Vec<StepKind> = v.waterfall.steps.iter().map(|s| s.kind).collect();
    use StepKind::*;
    assert_eq!(kinds, vec![Total, Increase, Decrease, Total]);
    let amounts: Vec<f64> = v.waterfall.steps.iter().map(|s| s.amount).collect();
    // 5 + 10 − 20 = −5.
    assert_eq!(amounts, vec![5.0, 10.0, 20.0, -5.0]);
    assert_eq!(v.waterfall.steps[0].label, "Pre-charge");
    assert_eq!((v.lowest_balance, v.dips_below_zero), (-5, true));
    assert_eq!(v.result.verdict, Verdict::Fails);
}

#[test]
fn presets_come_in_both_languages() {
    let presets = preset_journeys();
    assert_eq!(presets.len(), 2);
    let zh = journey_views(&presets, Lang::Zh);
    assert_eq!(zh[0].waterfall.steps[2].label, "打开不会用");
    assert_eq!(zh[0].name, "打开不会用");
    let views = journey_views(&presets, Lang::En);
    assert_eq!(views[0].name, "Opens it, cannot use it");
    assert_eq!(
        views[0].waterfall.steps[2].label,
        "Opens it, does not know how"
    );
    assert_eq!(views[0].result.verdict, Verdict::Fails);
    assert_eq!(views[1].result.verdict, Verdict::Activates);
    assert!(!views[1].dips_below_zero);
}

#[test]
fn three_f_groups_follow_the_seed() {
    let mut c = Checklist::from_fs(true, false, true);
    c.daily_use = true;
    let v = three_f_view(&c);
    assert_eq!(v.groups.len(), 3);
    assert_eq!(v.groups[1].f, F::Frequency);
    assert!(!v.groups[1].met);
    assert_eq!(
        v.groups[1].criteria,
        vec![
            (Criterion::DailyUse, true),
            (Criterion::HeardToUsedWithin48Hours, false)
        ]
    );
}

fn seg(name: &str, cycle: f64, potential: f64) -> SegmentRow {
    SegmentRow {
        segment: name.into(),
        closing_cycle_days: Some(cycle),
        willingness_to_pay: Some(5.0),
        stickiness: Some(1.0),
        potential_customers: Some(potential),
    }
}

#[test]
fn niche_bars_are_in_rank_order_with_the_leader_green() {
    // Cycle against the shortest 30, pay 5 / 10, stickiness 1 / 1, potential / 100:
    // A (1/3 + 0.5 + 1 + 0) / 4 = 45.83, B (1 + 0.5 + 1 + 1) / 4 = 87.5,
    // C (0.5 + 0.5 + 1 + 0.5) / 4 = 62.5.
    let rows = [
        seg("A", 90.0, 0.0),
        seg("B", 30.0, 100.0),
        seg("C", 60.0, 50.0),
    ];
    let v = niche_view(&rows, &Weights::default(), Lang::En).expect("valid");
    assert_eq!(v.order, vec![1, 2, 0]);
    let bars = v.bars.expect("scores");
    let values: Vec<f64> = bars.bars.iter().map(|b| b.value).collect();
    assert_eq!(values[..2], [87.5, 62.5]);
    assert!((values[2] - 100.0 * (1.0 / 3.0 + 1.5) / 4.0).abs() < 1e-9);
    assert_eq!(bars.bars[0].colour, palette::GREEN);
    assert_eq!(bars.bars[1].colour, palette::BLUE);
}

#[test]
fn niche_without_scores_has_no_bars() {
    let v = niche_view(&[seg("Only", 30.0, 10.0)], &Weights::default(), Lang::Zh).expect("valid");
    assert_eq!(v.bars, None);
    assert_eq!(v.order, vec![0]);
}

fn range() -> CustomerRange {
    CustomerRange {
        from: 100.0,
        to: 1_000.0,
        points: 10,
    }
}

#[test]
fn org_view_at_the_defaults() {
    let d = Defaults::default();
    let v = org_view(&d.org, d.profile, &d.thresholds, range(), Lang::En).expect("valid");
    // Costs 2.70 M, 2.25 M, 2.40 M, 2.60 M (see model::strategy::org tests).
    assert_eq!(v.cheapest, OrgModel::ProactiveReactive);
    // 人效: 10 M / 9 heads for the first two, 10 M / 10 for the others: full-stack first.
    assert_eq!(v.best_arr_per_head, Some(OrgModel::FullStack));
    assert_eq!(v.recommendation.reason, Reason::EnoughCustomersToSplit);
    assert_eq!(v.cost_lines.customers.len(), 10);
    assert_eq!(v.cost_lines.lines.len(), 4);
    assert_eq!(v.cost_lines.lines[3].label, "Integrated");
    assert!(org_view(
        &d.org,
        d.profile,
        &d.thresholds,
        CustomerRange {
            points: 0,
            ..range()
        },
        Lang::En
    )
    .is_err());
}

proptest! {
    #[test]
    fn waterfall_steps_add_up_to_the_net(
        pre in 0..=25i32,
        ratings in prop::collection::vec(prop::sample::select(Rating::ALL.to_vec()), 0..20),
    ) {
        let v = journey_view(&named(pre, &ratings), Lang::Zh);
        let steps = &v.waterfall.steps;
        prop_assert_eq!(steps.len(), ratings.len() + 2);
        let walked: f64 = steps[1..steps.len() - 1]
            .iter()
            .map(|s| if s.kind == StepKind::Decrease { -s.amount } else { s.amount })
            .sum::<f64>() + steps[0].amount;
        prop_assert_eq!(walked, steps[steps.len() - 1].amount);
        let sum: i32 = ratings.iter().map(|r| r.points()).sum();
        prop_assert_eq!(walked, f64::from(pre + sum));
    }

    #[test]
    fn cost_lines_never_fall_as_customers_grow(to in 200.0..20_000.0f64) {
        let d = Defaults::default();
        let r = CustomerRange { from: 0.0, to, points: 12 };
        let v = org_view(&d.org, d.profile, &d.thresholds, r, Lang::En).expect("valid");
        for line in &v.cost_lines.lines {
            prop_assert!(line.values.windows(2).all(|w| w[1] >= w[0]));
            prop_assert!(line.values.iter().all(|&c| c >= 0.0));
        }
    }
}

#[test]
fn bubbles_put_willingness_across_stickiness_up_and_colour_the_closing_cycle() {
    let row = |name: &str, cycle, will, stick, potential| SegmentRow {
        segment: name.into(),
        closing_cycle_days: Some(cycle),
        willingness_to_pay: Some(will),
        stickiness: Some(stick),
        potential_customers: Some(potential),
    };
    let blank = SegmentRow {
        segment: "Blank".into(),
        ..SegmentRow::default()
    };
    let rows = [
        row("A", 30.0, 8.0, 0.5, 100.0),
        row("B", 90.0, 4.0, 0.2, 400.0),
        blank,
        row("C", 60.0, 6.0, 0.3, 50.0),
    ];
    let chart = niche_bubbles(&rows, Lang::En).expect("three complete rows");
    // Cycles 30, 60, 90: the median is 60, so A and C are short (class 0), B long (class 1).
    let got: Vec<(&str, f64, f64, f64, usize)> = chart
        .bubbles
        .iter()
        .map(|b| (b.label.as_str(), b.x, b.y, b.size, b.class))
        .collect();
    assert_eq!(
        got,
        vec![
            ("A", 8.0, 0.5, 100.0, SHORT_CYCLE),
            ("B", 4.0, 0.2, 400.0, SHORT_CYCLE + 1),
            ("C", 6.0, 0.3, 50.0, SHORT_CYCLE),
        ]
    );
    assert_eq!(chart.x_label, Lang::En.t(StrategyCoreKey::Willingness));
    assert_eq!(chart.y_label, Lang::En.t(StrategyCoreKey::Stickiness));
    assert_eq!(niche_bubbles(&rows[2..3], Lang::En), None);
    assert_eq!(niche_bubbles(&[], Lang::Zh), None);
}

#[test]
fn roles_list_only_the_people_needed() {
    let h = Headcount {
        csm: 12,
        support: 3,
        ..Headcount::default()
    };
    assert_eq!(roles_text(Lang::En, &h), "CSM 12 · Support 3");
    assert_eq!(roles_text(Lang::Zh, &Headcount::default()), "");
}
