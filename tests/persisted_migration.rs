//! Everything a user saved with format 1 (the hand-written JSON codecs, before serde) still
//! opens: the fixtures in `tests/fixtures/persisted/v1/` were written by that build and are
//! never edited. The expected values below are the inputs typed to make them (see the
//! fixtures' README), not read back from the code under test.

// Helpers shared by the tests below fail the test that calls them, like the tests themselves.
#![allow(clippy::expect_used)]
// Native only: flate2 and the fixture files are dev-side tools.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Read;

use retention_lab::forms::bridge_form::EntryMode;
use retention_lab::forms::economics_form::EconField;
use retention_lab::forms::scenario::{GivenName, ScenarioName};
use retention_lab::i18n::{scenario_name, Lang};
use retention_lab::persist::saved::decode;
use retention_lab::persist::scenario_doc::{from_json, ScenarioDoc};
use retention_lab::persist::share_link::parse_fragment;
use retention_lab::persist::stored::decode_bridge;
use retention_lab::state::AppState;

#[track_caller]
fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/persisted/v1/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).expect("fixture readable")
}

/// The state the fixtures were made from: baseline, "renewal +5" renamed, "upsell to NDR
/// 120 %" with CAC typed as 12,000; bridge in percent mode with expansion typed as 12.5%.
#[track_caller]
fn check_workshop_doc(doc: &ScenarioDoc) {
    // Format 1 wrote every name as text; the baseline's was the app's own ("基准") and comes
    // back as that kind, shown in either language; the others were typed.
    let names: Vec<&ScenarioName> = doc.scenarios.list.iter().map(|s| &s.name).collect();
    assert_eq!(
        names,
        [
            &ScenarioName::Given(GivenName::Baseline),
            &ScenarioName::Typed("Plan \"A\" <b> 方案".into()),
            &ScenarioName::Typed("Upsell to NDR 120 %".into())
        ]
    );
    assert_eq!(scenario_name(names[0], Lang::En), "Baseline");
    let (base, plus5, upsell) = (
        &doc.scenarios.list[0],
        &doc.scenarios.list[1],
        &doc.scenarios.list[2],
    );
    // ARPA 1,000 a month × 1,000 customers × 12.
    assert_eq!(base.last_valid.arr, 12_000_000.0);
    assert!((base.last_valid.logo_renewal - 0.80).abs() < 1e-12);
    assert!((plus5.last_valid.logo_renewal - 0.85).abs() < 1e-12);
    assert_eq!(upsell.form.text(EconField::Cac), "12,000");
    assert_eq!(upsell.last_valid.cac, 12_000.0);
    // Upsell raised until NDR = 1.2 at 80 % renewal and 5 % contraction: 1.2/0.8 − 0.95.
    assert!((upsell.last_valid.expansion - (1.2 / 0.8 - 0.95)).abs() < 1e-9);
    assert_eq!(
        (doc.sbg.alpha, doc.sbg.beta, doc.discount),
        (0.27, 8.73, 0.01)
    );
    assert_eq!(doc.bridge.mode, EntryMode::PercentOfStart);
    assert_eq!(
        (doc.bridge.start.as_str(), doc.bridge.expansion.as_str()),
        ("1,000,000", "12.5%")
    );
    assert_eq!(doc.currency, None);
}

#[test]
fn a_v1_scenario_file_and_autosave_open() {
    let doc = from_json(&fixture("scenarios.json")).expect("v1 document opens");
    check_workshop_doc(&doc);
    let restored = AppState::restore(None, None, None, Some(&fixture("scenarios.json")));
    assert_eq!(restored.notice, None, "no 'ignored' notice");
    assert_eq!(restored.scenarios, doc.scenarios);
    let default = from_json(&fixture("scenarios_default.json")).expect("default opens");
    assert_eq!(default.scenarios.list.len(), 1);
    assert_eq!(default.bridge.churned, "100,000");
}

#[test]
fn a_v1_autosaved_bridge_opens_even_half_typed() {
    let bridge = decode_bridge(&fixture("bridge.json")).expect("v1 bridge opens");
    assert_eq!(bridge.mode, EntryMode::PercentOfStart);
    assert_eq!(bridge.churned, "10");
    let half = fixture("bridge_half_typed.json");
    assert_eq!(decode_bridge(&half).map(|b| b.churned), Ok("12x".into()));
    let state = AppState::restore(Some("en"), Some("USD"), Some(&half), None);
    assert_eq!(state.bridge.churned, "12x", "kept as typed");
    assert_eq!(state.notice, None);
    // The last valid inputs are the sample's: 1,000,000 start.
    assert_eq!(state.last_valid_bridge.start_arr, 1_000_000.0);
}

#[test]
fn a_v1_saved_scenario_opens_with_its_name_and_time() {
    let entry = decode(
        "retention-lab/v1/saved/1763865370123",
        &fixture("saved.json"),
    );
    assert_eq!(entry.name, "董事会计划 Board plan");
    assert_eq!(entry.saved_at, "2026-11-23T02:36:10.123Z");
    check_workshop_doc(entry.doc.as_ref().expect("document inside opens"));
}

#[test]
fn a_v1_share_link_opens() {
    let fragment = fixture("share_fragment.txt");
    let compressed = parse_fragment(fragment.trim())
        .expect("a share fragment")
        .expect("well framed");
    let mut json = String::new();
    flate2::read::DeflateDecoder::new(&compressed[..])
        .read_to_string(&mut json)
        .expect("raw DEFLATE");
    check_workshop_doc(&from_json(&json).expect("the link's document opens"));
}

/// Format 3 wrote the seed presets' journey and touchpoint names as text in the UI language of
/// the moment; opened now, they are the presets' names (shown in either language) and the name
/// the user typed stays typed. The expected names are the seed's (model::strategy::activation,
/// seed 004's examples) and the inputs typed to make the fixture (its README).
#[test]
fn format_3_strategy_names_open_as_the_presets_they_were() {
    use retention_lab::model::strategy::activation::{Name, PresetName};
    let text = std::fs::read_to_string(format!(
        "{}/tests/fixtures/persisted/v3/scenarios_strategy.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture readable");
    let doc: ScenarioDoc = from_json(&text).expect("a format-3 document opens");
    let strategy = doc.strategy.expect("it carries Strategy inputs");
    let preset =
        |preset: u8, touchpoint: Option<u8>| Name::Preset(PresetName { preset, touchpoint });
    let [first, second] = &strategy.journeys[..] else {
        panic!("two journeys")
    };
    assert_eq!(first.name, preset(0, None));
    let names: Vec<&Name> = first.journey.touchpoints.iter().map(|t| &t.name).collect();
    assert_eq!(
        names,
        [
            &preset(0, Some(0)),
            &preset(0, Some(1)),
            &Name::Typed("找不到导出按钮".into()),
            &preset(0, Some(3)),
        ]
    );
    assert_eq!(first.name.text(false), "Opens it, cannot use it");
    assert_eq!(second.name, preset(1, None));
    assert_eq!(second.name.text(true), "三步设置会议预演");
    assert_eq!(
        second.journey.touchpoints[3].name.text(true),
        "会议成果即刻可见"
    );
    assert_eq!(
        (
            first.journey.pre_charge.points(),
            second.journey.pre_charge.points()
        ),
        (10, 12)
    );
    let ratings: Vec<i32> = first
        .journey
        .touchpoints
        .iter()
        .map(|t| t.rating.points())
        .collect();
    assert_eq!(ratings, [5, -20, -10, 5]);
}
