#![allow(clippy::unwrap_used)]

use super::*;
use proptest::prelude::*;

fn as_of() -> Date {
    Date::new(2026, 10, 31).unwrap()
}

fn steady_customer() -> Customer {
    Customer {
        id: "C1".into(),
        arr: 100_000.0,
        contract_start: Date::new(2026, 1, 1),
        contract_end: Date::new(2027, 6, 1),
        north_star: Some(50.0),
        tickets_opened: Some(4.0),
        tickets_unresolved: Some(2.0),
        nps: Some(8.0),
        ttfv_days: Some(20.0),
        exec_touch_days: Some(60.0),
        ..Customer::default()
    }
}

#[test]
fn gainsight_group_score_example() {
    // Gainsight, "Scorecards 2.0: score calculation": weights 20 / 15 / 22 on scores
    // 47 / 59 / 21 give (20×47 + 15×59 + 22×21) / 57 = 40.12.
    let identity = Scale::Linear {
        worst: 0.0,
        best: 100.0,
    };
    let card = Scorecard {
        rules: [
            (Measure::NorthStar, 20.0),
            (Measure::TicketsOpened, 15.0),
            (Measure::ExecTouch, 22.0),
        ]
        .into_iter()
        .map(|(measure, w)| Rule {
            measure,
            scale: identity.clone(),
            weights: [w; 4],
        })
        .collect(),
        bands: Bands::default(),
    };
    let customer = Customer {
        north_star: Some(47.0),
        tickets_opened: Some(59.0),
        exec_touch_days: Some(21.0),
        ..Customer::default()
    };
    let health = score(&card, &customer, as_of());
    assert!((health.score.unwrap() - 2287.0 / 57.0).abs() < 1e-12);
    assert_eq!(format!("{:.2}", health.score.unwrap()), "40.12");
    assert_eq!(health.band, Some(Band::Red));
    let shares: f64 = health.contributions.iter().map(|c| c.share).sum();
    assert!((shares - 1.0).abs() < 1e-12);
}

#[test]
fn a_missing_measure_is_dropped_and_the_rest_renormalised() {
    let card = Scorecard::with_target(100.0);
    let mut customer = steady_customer();
    let full = score(&card, &customer, as_of());
    customer.nps = None;
    let without = score(&card, &customer, as_of());
    let nps_rule = card
        .rules
        .iter()
        .position(|r| r.measure == Measure::Nps)
        .unwrap();
    assert_eq!(without.missing, vec![nps_rule]);
    // Worked in exact fractions: steady weights NS 35, tickets opened 5, unresolved 15, NPS 20,
    // TTFV 5, executive touch 20; scores 50, 40, 60, 60 (NPS 8 between 7 and 9), 1750/19
    // (TTFV 20 on 90 → 14), 80 (60 days on 180 → 30). Full: 1161/19; without NPS the other
    // five over weight 80: 4665/76.
    assert!((full.score.unwrap() - 1161.0 / 19.0).abs() < 1e-12);
    assert!((without.score.unwrap() - 4665.0 / 76.0).abs() < 1e-12);
}

#[test]
fn stage_sets_the_weights_and_onboarding_leans_on_ttfv() {
    let card = Scorecard::with_target(100.0);
    let mut customer = steady_customer();
    customer.contract_start = Date::new(2026, 9, 1);
    customer.first_start = customer.contract_start;
    customer.ttfv_days = Some(80.0);
    let onboarding = score(&card, &customer, as_of());
    assert_eq!(onboarding.stage, Stage::Onboarding);
    let ttfv = onboarding.top_reasons(1)[0];
    assert_eq!(card.rules[ttfv.rule].measure, Measure::Onboarding);
    // No first value at all after 90 days scores as never activated.
    customer.contract_start = Date::new(2026, 5, 1);
    customer.first_start = customer.contract_start;
    customer.ttfv_days = None;
    let late = score(&card, &customer, as_of());
    let onboarding_rule = card
        .rules
        .iter()
        .position(|r| r.measure == Measure::Onboarding);
    let c = late
        .contributions
        .iter()
        .find(|c| Some(c.rule) == onboarding_rule)
        .unwrap();
    assert_eq!(c.score, 0.0);
}

#[test]
fn change_against_previous_health_and_custom_measures() {
    let mut card = Scorecard::with_target(100.0);
    card.rules.push(Rule {
        measure: Measure::Custom("Logins".into()),
        scale: Scale::Linear {
            worst: 0.0,
            best: 30.0,
        },
        weights: [10.0; 4],
    });
    let mut customer = steady_customer();
    customer.prev_health = Some(40.0);
    customer.extra = vec![("Logins".into(), 15.0)];
    let health = score(&card, &customer, as_of());
    // The six measures above plus Logins 15 on 0 → 30 = 50 at weight 10, over 110:
    // 12560/209; change against the previous 40: 4200/209.
    assert!((health.score.unwrap() - 12560.0 / 209.0).abs() < 1e-12);
    assert!((health.change.unwrap() - 4200.0 / 209.0).abs() < 1e-12);
    let custom = health
        .contributions
        .iter()
        .find(|c| c.rule == card.rules.len() - 1)
        .unwrap();
    assert_eq!(custom.score, 50.0);
    assert_eq!(
        Measure::Custom("Weekly logins".into()).key(),
        "custom-weekly-logins"
    );
}

#[test]
fn no_measure_no_score_and_portfolio_counts_active_only() {
    let card = Scorecard::with_target(100.0);
    let empty = Customer {
        arr: 10.0,
        ..Customer::default()
    };
    let scores = [score(&card, &empty, as_of())];
    assert_eq!(scores[0].score, None);
    let churned = Customer {
        renewed: Some(false),
        ..steady_customer()
    };
    let active = steady_customer();
    let customers = [active.clone(), churned];
    let scores: Vec<Option<f64>> = customers
        .iter()
        .map(|c| score_value(&card, c, as_of()))
        .collect();
    let summary = portfolio(&customers, &scores, &card.bands);
    assert_eq!(summary.scored, 1);
    // The active customer alone: 1161/19 = 61.1, yellow (50–75); the churned one is left out.
    assert!((summary.mean_score.unwrap() - 1161.0 / 19.0).abs() < 1e-12);
    assert_eq!(summary.arr_by_band, [0.0, active.arr, 0.0]);
}

/// The source's own example (`shared/seeds/001`, 客户支持): "一个健康度处于正常状态的高价值客户
/// 遇到了一个工单问题,相比较于一个处于流失状态的低价值客户的工单,应该优先处理后者" — a
/// healthy high-value account's ticket comes after a churning low-value account's ticket.
#[test]
fn the_seeds_churning_small_account_before_the_healthy_large_one() {
    let card = Scorecard::with_target(100.0);
    let healthy_big = Customer {
        arr: 1_000_000.0,
        north_star: Some(100.0),
        nps: Some(10.0),
        tickets_unresolved: Some(1.0),
        ..steady_customer()
    };
    let churning_small = Customer {
        arr: 5_000.0,
        north_star: Some(2.0),
        nps: Some(1.0),
        tickets_unresolved: Some(1.0),
        ..steady_customer()
    };
    let customers = [healthy_big, churning_small];
    let scores: Vec<Option<f64>> = customers
        .iter()
        .map(|c| score_value(&card, c, as_of()))
        .collect();
    let bands: Vec<Band> = scores.iter().map(|s| card.bands.band(s.unwrap())).collect();
    assert_eq!(bands, vec![Band::Green, Band::Red], "{scores:?}");
    let ranked = ticket_priority(&customers, &scores, &card.bands);
    assert_eq!(
        ranked.iter().map(|r| r.index).collect::<Vec<_>>(),
        vec![1, 0]
    );
}

#[test]
fn ticket_priority_is_band_first_then_arr_within_a_band() {
    // Scores given directly; default bands: red < 50, yellow 50–75, green > 75.
    let with = |arr: f64, unresolved: f64| Customer {
        arr,
        tickets_unresolved: Some(unresolved),
        ..steady_customer()
    };
    let customers = [
        with(900.0, 1.0), // 0: green, large
        with(10.0, 1.0),  // 1: red, small
        with(500.0, 3.0), // 2: yellow
        with(800.0, 1.0), // 3: red, larger
        with(1e9, 0.0),   // 4: red, no unresolved ticket: not queued
        with(700.0, 2.0), // 5: yellow, larger
        with(600.0, 1.0), // 6: no score: not queued
        with(10.0, 1.0),  // 7: red, same ARR as 1: keeps the data's order
    ];
    let scores = [
        Some(90.0),
        Some(10.0),
        Some(60.0),
        Some(49.9),
        Some(0.0),
        Some(75.0),
        None,
        Some(30.0),
    ];
    let ranked = ticket_priority(&customers, &scores, &Bands::default());
    let order: Vec<usize> = ranked.iter().map(|r| r.index).collect();
    assert_eq!(order, vec![3, 1, 7, 5, 2, 0]);
    let bands: Vec<Band> = ranked.iter().map(|r| r.band).collect();
    use Band::*;
    assert_eq!(bands, vec![Red, Red, Red, Yellow, Yellow, Green]);
}

fn value() -> impl Strategy<Value = Option<f64>> {
    prop_oneof![
        Just(None),
        (-1e6..1e6f64).prop_map(Some),
        Just(Some(f64::INFINITY))
    ]
}

prop_compose! {
    fn any_customer()(
        ns in value(), opened in value(), unresolved in value(), nps in value(),
        ttfv in value(), touch in value(), start in -800i64..400, length in 1i64..900,
    ) -> Customer {
        let start_day = as_of().days_since_epoch() - start;
        Customer {
            north_star: ns, tickets_opened: opened, tickets_unresolved: unresolved, nps,
            ttfv_days: ttfv, exec_touch_days: touch,
            contract_start: Date::from_days_since_epoch(start_day),
            contract_end: Date::from_days_since_epoch(start_day + length),
            arr: 1000.0,
            ..Customer::default()
        }
    }
}

proptest! {
    #[test]
    fn score_is_within_0_and_100(customer in any_customer(), target in 0.1..1e5f64) {
        let health = score(&Scorecard::with_target(target), &customer, as_of());
        if let Some(s) = health.score {
            prop_assert!((0.0..=100.0).contains(&s), "{s}");
        }
        for c in &health.contributions {
            prop_assert!((0.0..=100.0).contains(&c.score));
        }
    }

    #[test]
    fn score_is_monotone_in_every_measure_in_its_direction(
        customer in any_customer(), rule in 0usize..6, step in 0.0..1e4f64,
    ) {
        let card = Scorecard::with_target(100.0);
        let r = &card.rules[rule];
        let before = score(&card, &customer, as_of());
        let Some(raw) = r.measure.raw(&customer, as_of()) else { return Ok(()); };
        let moved = if r.scale.higher_is_better() { raw + step } else { raw - step };
        let mut better = customer.clone();
        let slot = match r.measure {
            Measure::NorthStar => &mut better.north_star,
            Measure::TicketsOpened => &mut better.tickets_opened,
            Measure::TicketsUnresolved => &mut better.tickets_unresolved,
            Measure::Nps => &mut better.nps,
            Measure::Onboarding => &mut better.ttfv_days,
            Measure::ExecTouch => &mut better.exec_touch_days,
            Measure::Custom(_) => return Ok(()),
        };
        *slot = Some(moved);
        let after = score(&card, &better, as_of());
        if let (Some(a), Some(b)) = (after.score, before.score) {
            prop_assert!(a >= b - 1e-9, "{b} -> {a}");
        }
    }

    #[test]
    fn the_fast_score_is_the_full_score(customer in any_customer()) {
        let card = Scorecard::with_target(50.0);
        prop_assert_eq!(score_value(&card, &customer, as_of()).map(|s| (s * 1e9).round()),
            score(&card, &customer, as_of()).score.map(|s| (s * 1e9).round()));
    }

    #[test]
    fn shares_sum_to_one_whatever_is_missing(customer in any_customer()) {
        let health = score(&Scorecard::with_target(50.0), &customer, as_of());
        if health.score.is_some() {
            let total: f64 = health.contributions.iter().map(|c| c.share).sum();
            prop_assert!((total - 1.0).abs() < 1e-9);
        }
    }
}
