#![allow(clippy::expect_used, clippy::unwrap_used)]
use super::*;
use crate::model::strategy::activation::{Rating, Touchpoint};

fn edited() -> StrategyState {
    let mut s = StrategyState::default();
    s.journeys[0].name = "Admin".into();
    s.journeys[0].journey.touchpoints.push(Touchpoint {
        name: "Sign-up".into(),
        rating: Rating::Annoyed,
    });
    s.checklist.daily_use = true;
    s.niche_rows = Some(vec![SegmentRow {
        segment: "Retail".into(),
        closing_cycle_days: Some(30.0),
        willingness_to_pay: None,
        stickiness: Some(0.25),
        potential_customers: Some(1_200.0),
    }]);
    s.weights = Weights([2.0, 1.0, 0.0, 1.0]);
    s.org.productive_hours = 1_500.0;
    s.thresholds.low_arpa_below = 5_000.0;
    s.profile.complex_product = true;
    s
}

#[test]
fn every_part_survives_json() {
    let s = edited();
    let text = serde_json::to_string(&s).unwrap();
    // A rating is stored as the seed's points, a pre-charge as its number.
    assert!(text.contains(r#""rating":-20"#), "{text}");
    assert!(text.contains(r#""pre_charge":10"#), "{text}");
    let back: StrategyState = serde_json::from_str(&text).unwrap();
    assert_eq!(back, s);
    assert_eq!(validate(&back), Ok(()));
}

#[test]
fn missing_parts_take_their_defaults() {
    let back: StrategyState =
        serde_json::from_str(r#"{"checklist":{"free_version":true}}"#).unwrap();
    assert!(back.checklist.free_version);
    assert!(!back.checklist.daily_use);
    assert_eq!(back.org, StrategyState::default().org);
    assert_eq!(back.journeys.len(), 1);
}

#[test]
fn a_rating_or_pre_charge_off_the_scale_is_refused_while_decoding() {
    let mut value = serde_json::to_value(edited()).unwrap();
    value["journeys"][0]["journey"]["touchpoints"][0]["rating"] = 7.into();
    assert!(serde_json::from_value::<StrategyState>(value.clone()).is_err());
    value["journeys"][0]["journey"]["touchpoints"][0]["rating"] = 5.into();
    value["journeys"][0]["journey"]["pre_charge"] = 26.into();
    assert!(serde_json::from_value::<StrategyState>(value).is_err());
}

#[test]
fn validation_names_the_value_at_fault() {
    let mut s = edited();
    s.journeys.clear();
    assert_eq!(
        validate(&s),
        Err(StrategyError::Field {
            field: "journeys",
            problem: Problem::Missing
        })
    );
    let mut s = edited();
    s.journeys = vec![s.journeys[0].clone(); MAX_JOURNEYS + 1];
    assert!(matches!(
        validate(&s),
        Err(StrategyError::Field {
            field: "journeys",
            ..
        })
    ));
    let mut s = edited();
    if let Some(rows) = s.niche_rows.as_mut() {
        rows[0].willingness_to_pay = Some(11.0);
    }
    assert!(matches!(
        validate(&s),
        Err(StrategyError::Cell {
            row: 1,
            field: "willingness_to_pay",
            ..
        })
    ));
    let mut s = edited();
    s.weights.0[2] = -1.0;
    assert_eq!(
        validate(&s),
        Err(StrategyError::Field {
            field: "weight",
            problem: Problem::Negative
        })
    );
    let mut s = edited();
    s.org.productive_hours = 0.0;
    assert!(matches!(
        validate(&s),
        Err(StrategyError::Field {
            field: "productive_hours",
            ..
        })
    ));
    let mut s = edited();
    s.thresholds.split_from_customers = -3.0;
    assert!(matches!(
        validate(&s),
        Err(StrategyError::Field {
            field: "split_from_customers",
            ..
        })
    ));
}
