//! Health figures of hand-made portfolios, worked out by hand; the sample for the defaults.
use super::*;
use crate::data::Dataset;
use crate::model::health::{Bands, Rule, Scale};

#[test]
fn sample_defaults_and_analysis() {
    let data = Dataset::sample();
    let card = default_scorecard(&data.customers);
    let health = analyse_health(
        &data.customers,
        &Origin::Sample,
        &card,
        &TierRules::default(),
    );
    assert_eq!(health.as_of, sample::AS_OF);
    let mean = health.summary.mean_score.unwrap();
    assert!((30.0..90.0).contains(&mean), "{mean}");
    assert!(health.tier_kpis.growth_share().unwrap() > 0.0);
    assert_eq!(round_target(137.42), 140.0);
}

#[test]
fn imported_data_is_dated_by_its_latest_contract() {
    let c = |y| Customer {
        contract_start: Date::new(y, 3, 1),
        ..Customer::default()
    };
    let origin = Origin::File("crm.csv".into());
    assert_eq!(
        as_of(&[c(2024), c(2025)], &origin),
        Date::new(2025, 3, 1).unwrap()
    );
}

/// Three active customers scored on the north star alone (0 → 100 linear), so each score is
/// its north star: 20 (red), 60 (yellow), 90 (green); a fourth has churned.
fn portfolio() -> (Vec<Customer>, Scorecard) {
    let customer = |id: &str, north_star: f64, arr: f64| Customer {
        id: id.into(),
        name: id.into(),
        arr,
        contract_start: Date::new(2024, 1, 1),
        north_star: Some(north_star),
        ..Customer::default()
    };
    let mut a = customer("a", 20.0, 100.0);
    a.tickets_unresolved = Some(2.0);
    a.extra = vec![("logins".into(), 5.0)];
    let mut b = customer("b", 60.0, 300.0);
    b.tickets_unresolved = Some(1.0);
    b.extra = vec![("logins".into(), 15.0)];
    let mut c = customer("c", 90.0, 500.0);
    c.extra = vec![("logins".into(), 10.0), ("seats".into(), 3.0)];
    let mut gone = customer("d", 40.0, 1000.0);
    gone.renewed = Some(false);
    let card = Scorecard {
        rules: vec![Rule {
            measure: Measure::NorthStar,
            scale: Scale::Linear {
                worst: 0.0,
                best: 100.0,
            },
            weights: [1.0; 4],
        }],
        bands: Bands::default(),
    };
    (vec![a, b, c, gone], card)
}

#[test]
fn basis_scans_columns_and_targets_the_upper_quartile() {
    let (customers, _) = portfolio();
    let basis = health_basis(&customers);
    assert_eq!(
        basis.columns,
        [
            ("logins".to_string(), (5.0, 15.0)),
            ("seats".to_string(), (3.0, 3.0))
        ]
    );
    // Active north stars 20, 60, 90: the value at index 3 × 3 / 4 = 2 is 90.
    assert_eq!(basis.default_card, Scorecard::with_target(90.0));
}

#[test]
fn figures_of_a_small_portfolio() {
    let (customers, card) = portfolio();
    let basis = health_basis(&customers);
    let origin = Origin::File("crm.csv".into());
    let f = health(
        &customers,
        &origin,
        Some(&card),
        &TierRules::default(),
        &basis,
        Lang::En,
        Currency::Usd,
    );
    assert_eq!(f.analysis.as_of, Date::new(2024, 1, 1).unwrap());
    // (20 + 60 + 90) / 3 over the active customers only.
    assert!(
        (f.mean_score - 170.0 / 3.0).abs() < 1e-9,
        "{}",
        f.mean_score
    );
    assert_eq!((f.red_customers, f.red_arr), (1, 100.0));
    let by_band: Vec<(String, f64)> = f
        .arr_by_band
        .bars
        .iter()
        .map(|b| (b.label.clone(), b.value))
        .collect();
    assert_eq!(
        by_band,
        [
            (band_label(Lang::En, Band::Red).to_string(), 100.0),
            (band_label(Lang::En, Band::Yellow).to_string(), 300.0),
            (band_label(Lang::En, Band::Green).to_string(), 500.0),
        ]
    );
    // One customer in each of the bins 20–30, 60–70 and 90–100.
    let counts: Vec<f64> = f.distribution.bars.iter().map(|b| b.value).collect();
    assert_eq!(counts, [0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 1.0]);
    assert_eq!(f.distribution.bars[9].label, "90–100");
    // Risk first: a (score 20, red, ARR 100) before b (score 60, yellow, ARR 300), although
    // b carries three times the ARR.
    assert_eq!(f.tickets.len(), 2);
    assert_eq!((f.tickets[0].index, f.tickets[0].band), (0, Band::Red));
    assert_eq!((f.tickets[1].index, f.tickets[1].band), (1, Band::Yellow));
    assert_eq!(f.unused_columns.len(), 2);
    assert!((0.0..=1.0).contains(&f.growth_share));
    // No first start anywhere: the tenure of a, b and c is unknown (d has churned).
    assert_eq!(f.unknown_tenure, 3);
}

#[test]
fn columns_already_measured_are_not_offered_again() {
    let (customers, mut card) = portfolio();
    card.rules.push(Rule {
        measure: Measure::Custom("logins".into()),
        scale: Scale::Linear {
            worst: 5.0,
            best: 15.0,
        },
        weights: [1.0; 4],
    });
    let basis = health_basis(&customers);
    let f = health(
        &customers,
        &Origin::Sample,
        Some(&card),
        &TierRules::default(),
        &basis,
        Lang::Zh,
        Currency::Cny,
    );
    assert_eq!(f.unused_columns, [("seats".to_string(), (3.0, 3.0))]);
}

#[test]
fn without_an_edited_card_the_default_one_is_used() {
    let (customers, _) = portfolio();
    let basis = health_basis(&customers);
    let f = health(
        &customers,
        &Origin::Sample,
        None,
        &TierRules::default(),
        &basis,
        Lang::En,
        Currency::Usd,
    );
    assert_eq!(f.card, basis.default_card);
}
