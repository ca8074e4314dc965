#![allow(clippy::expect_used)]
use super::*;

#[test]
fn preset_names_follow_the_language_and_typed_names_stay() {
    use crate::model::strategy::activation::{seed_presets, Name};
    let presets = seed_presets();
    let mut state = StrategyState::default();
    state.apply(StrategyAction::SetJourneys(vec![presets[0]
        .journey(0)
        .expect("shipped preset")]));
    state.apply(StrategyAction::RenameTouchpoint(
        0,
        1,
        "我们自己的名字".into(),
    ));
    // Stored as which preset they are: each language reads its own text, no translating back.
    let journey = &state.journeys[0];
    assert_eq!(journey.name.text(false), presets[0].name.1);
    assert_eq!(journey.name.text(true), presets[0].name.0);
    let first = &journey.journey.touchpoints[0].name;
    assert_eq!(
        (first.text(true), first.text(false)),
        (
            presets[0].touchpoints[0].0 .0.to_string(),
            presets[0].touchpoints[0].0 .1.to_string()
        )
    );
    assert_eq!(
        journey.journey.touchpoints[1].name,
        Name::Typed("我们自己的名字".into())
    );
}
