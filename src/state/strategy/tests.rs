#![allow(clippy::expect_used)]
use super::*;

#[test]
fn preset_names_follow_the_language_and_typed_names_stay() {
    let presets = seed_presets();
    let mut state = StrategyState::default();
    state.apply(StrategyAction::SetJourneys(vec![presets[0]
        .journey(true)
        .expect("shipped preset")]));
    state.apply(StrategyAction::RenameTouchpoint(
        0,
        1,
        "我们自己的名字".into(),
    ));
    state.retranslate(Lang::En);
    let journey = &state.journeys[0];
    assert_eq!(journey.name, presets[0].name.1);
    assert_eq!(
        journey.journey.touchpoints[0].name,
        presets[0].touchpoints[0].0 .1
    );
    assert_eq!(journey.journey.touchpoints[1].name, "我们自己的名字");
    state.retranslate(Lang::Zh);
    assert_eq!(state.journeys[0].name, presets[0].name.0);
    assert_eq!(
        state.journeys[0].journey.touchpoints[0].name,
        presets[0].touchpoints[0].0 .0
    );
}
