//! Round trips and every refusal of a scenario document, with its place.

use super::*;
use crate::forms::scenario::{Preset, ScenarioAction};

fn sample_doc() -> ScenarioDoc {
    let mut scenarios = Scenarios::sample();
    scenarios.apply(ScenarioAction::AddPreset(Preset::RenewalPlus5));
    scenarios.apply(ScenarioAction::Duplicate(0));
    scenarios.apply(ScenarioAction::Rename(1, "Plan \"A\" <b>".into()));
    ScenarioDoc {
        currency: Some("USD".into()),
        scenarios,
        sbg: Sbg::new(0.5, 3.0).unwrap(),
        period_months: 12,
        discount: 0.02,
        bridge: BridgeForm::sample(),
        strategy: Some(strategy_inputs()),
    }
}

fn strategy_inputs() -> StrategyState {
    use crate::model::strategy::activation::{Rating, Touchpoint};
    let mut s = StrategyState::default();
    s.journeys[0].name = "Admin".into();
    s.journeys[0].journey.touchpoints.push(Touchpoint {
        name: "找不到导出按钮".into(),
        rating: Rating::Disliked,
    });
    s.checklist.zero_threshold = true;
    s.org.customers = 2_400.0;
    s.weights.0[0] = 3.0;
    s
}

#[test]
fn the_period_travels_and_old_documents_read_as_monthly() {
    let doc = sample_doc();
    let json = to_json(&doc);
    assert!(json.contains("\"period_months\":12"), "{json}");
    assert_eq!(from_json(&json).map(|d| d.period_months), Ok(12));
    // Written before the period was stored: the hand-set setting, labelled per month.
    let old = json.replace(",\"period_months\":12", "");
    assert_eq!(from_json(&old).map(|d| d.period_months), Ok(1));
    let bad = json.replace("\"period_months\":12", "\"period_months\":5");
    assert_eq!(
        from_json(&bad),
        Err(DocError::BadHeterogeneity(HeterogeneityPart::Period))
    );
}

#[test]
fn round_trip() {
    let doc = sample_doc();
    assert_eq!(from_json(&to_json(&doc)), Ok(doc.clone()));
    // Reformatted by an editor, it opens the same.
    let spaced = to_json(&doc).replace(",\"", ",\n  \"").replace(":", ": ");
    assert_eq!(from_json(&spaced), Ok(doc));
}

#[test]
fn a_half_typed_field_is_written_from_its_last_valid_inputs() {
    let mut doc = sample_doc();
    doc.scenarios
        .apply(ScenarioAction::SetText(1, EconField::Cac, "12,5x".into()));
    let opened = from_json(&to_json(&doc)).unwrap();
    assert_eq!(
        opened.scenarios.list[1].last_valid,
        doc.scenarios.list[1].last_valid
    );
    assert_ne!(opened.scenarios.list[1].form.text(EconField::Cac), "12,5x");
}

#[test]
fn each_fault_is_named_with_its_place() {
    let good = to_json(&sample_doc());
    let bad_cac = good.replacen("\"cac\":\"", "\"cac\":\"x", 1);
    // The first "cac" key belongs to scenario 1.
    assert_eq!(
        from_json(&bad_cac),
        Err(DocError::BadInput {
            scenario: 1,
            field: "cac",
            error: FieldError::NotNumber(format!(
                "x{}",
                sample_doc().scenarios.list[0].form.text(EconField::Cac)
            ))
        })
    );
    let no_arpa = good.replacen("\"arpa\"", "\"arpa_old\"", 2);
    assert_eq!(
        from_json(&no_arpa),
        Err(DocError::MissingInput {
            scenario: 1,
            field: "arpa"
        })
    );
    let other = good.replace(FORMAT, "something-else");
    assert_eq!(from_json(&other), Err(DocError::NotScenarioDoc));
    let newer = good.replace("\"version\":4", "\"version\":5");
    assert_eq!(from_json(&newer), Err(DocError::NewerVersion(5)));
    let no_discount = good.replace("\"discount\":0.02", "\"discount\":1.5");
    assert_eq!(
        from_json(&no_discount),
        Err(DocError::BadHeterogeneity(HeterogeneityPart::Discount))
    );
    let truncated = &good[..good.len() / 2];
    assert!(matches!(
        from_json(truncated),
        Err(DocError::NotJson { line: 1, .. })
    ));
    let spread = "{\n  \"format\": \n  ]";
    assert_eq!(
        from_json(spread),
        Err(DocError::NotJson { line: 3, column: 3 })
    );
}

#[test]
fn names_the_app_gave_are_stored_as_kinds_and_typed_ones_as_text() {
    let json = to_json(&sample_doc());
    // Baseline, "renewal +5" renamed by the user, a copy of the baseline.
    assert!(json.contains(r#""name":{"kind":"baseline"}"#), "{json}");
    assert!(json.contains(r#""name":"Plan \"A\" <b>""#), "{json}");
    assert!(
        json.contains(r#""name":{"kind":"copy","of":{"kind":"baseline"}}"#),
        "{json}"
    );
    // A version-1 document wrote names as text in the UI language of the moment.
    let v1 = json
        .replace(r#""version":4"#, r#""version":1"#)
        .replace(
            r#"{"kind":"copy","of":{"kind":"baseline"}}"#,
            r#""Baseline (2)""#,
        )
        .replace(r#"{"kind":"baseline"}"#, r#""基准""#);
    assert_eq!(from_json(&v1), Ok(sample_doc()));
    // From version 2 on, a typed "基准" is what the user typed.
    let typed = json.replacen(r#"{"kind":"baseline"}"#, r#""基准""#, 1);
    assert_eq!(
        from_json(&typed).map(|d| d.scenarios.list[0].name.clone()),
        Ok(ScenarioName::Typed("基准".into()))
    );
}

#[test]
fn a_value_of_the_wrong_type_is_named_by_its_path() {
    let good = to_json(&sample_doc());
    let cac = sample_doc().scenarios.list[1]
        .form
        .text(EconField::Cac)
        .to_string();
    // Scenario 2's CAC as a number instead of typed text.
    let at = good.match_indices("\"cac\":\"").nth(1).unwrap().0;
    let numeric = format!(
        "{}\"cac\":5{}",
        &good[..at],
        &good[at + "\"cac\":\"".len() + cac.len() + 1..]
    );
    assert_eq!(
        from_json(&numeric),
        Err(DocError::BadField("scenarios[1].inputs.cac".into()))
    );
    let alpha = good.replace("\"alpha\":0.5", "\"alpha\":\"0.5\"");
    assert_eq!(
        from_json(&alpha),
        Err(DocError::BadField("heterogeneity.alpha".into()))
    );
}

#[test]
fn scenario_count_is_checked() {
    let good = to_json(&sample_doc());
    let none = {
        let start = good.find("\"scenarios\":[").unwrap() + "\"scenarios\":[".len();
        let end = good.find("],\"heterogeneity\"").unwrap();
        format!("{}{}", &good[..start], &good[end..])
    };
    assert_eq!(from_json(&none), Err(DocError::ScenarioCount(0)));
}

#[test]
fn the_strategy_inputs_travel_and_older_documents_leave_them_alone() {
    let doc = sample_doc();
    let json = to_json(&doc);
    assert!(json.contains("\"version\":4"), "{json}");
    assert_eq!(
        from_json(&json).map(|d| d.strategy),
        Ok(doc.strategy.clone())
    );
    // A version-2 document has no `strategy`: opening it changes no Strategy input.
    let mut old: serde_json::Value = serde_json::from_str(&json).unwrap();
    old["version"] = 2.into();
    old.as_object_mut().unwrap().remove("strategy");
    assert_eq!(from_json(&old.to_string()).map(|d| d.strategy), Ok(None));
}

#[test]
fn a_strategy_fault_is_named() {
    let doc = sample_doc();
    let mut value: serde_json::Value = serde_json::from_str(&to_json(&doc)).unwrap();
    value["strategy"]["journeys"][0]["journey"]["touchpoints"][0]["rating"] = 3.into();
    assert_eq!(
        from_json(&value.to_string()),
        Err(DocError::BadField(
            "strategy.journeys[0].journey.touchpoints[0].rating".into()
        ))
    );
    let mut value: serde_json::Value = serde_json::from_str(&to_json(&doc)).unwrap();
    value["strategy"]["org"]["productive_hours"] = 0.into();
    assert!(matches!(
        from_json(&value.to_string()),
        Err(DocError::BadStrategy(StrategyError::Field {
            field: "productive_hours",
            ..
        }))
    ));
}

#[test]
fn preset_journey_names_are_stored_as_kinds_and_older_texts_become_them() {
    use crate::model::strategy::activation::{Name, PresetName};
    let mut doc = sample_doc();
    let presets = crate::derive::strategy::preset_journeys();
    doc.strategy = doc.strategy.map(|mut s| {
        s.journeys = presets.clone();
        s
    });
    let json = to_json(&doc);
    assert!(json.contains(r#"{"preset":0,"touchpoint":1}"#), "{json}");
    assert_eq!(from_json(&json), Ok(doc.clone()));
    // Version 3 wrote the names as text in the UI language of the moment (here English for
    // the first journey, Chinese for the second): they are the presets' names again.
    let v3 = json
        .replace(r#""version":4"#, r#""version":3"#)
        .replace(
            r#"{"preset":0,"touchpoint":null}"#,
            r#""Opens it, cannot use it""#,
        )
        .replace(
            r#"{"preset":0,"touchpoint":1}"#,
            r#""Opens it, does not know how""#,
        )
        .replace(r#"{"preset":1,"touchpoint":3}"#, r#""会议成果即刻可见""#);
    assert!(!v3.contains(r#"{"preset":0,"touchpoint":null}"#));
    assert_eq!(from_json(&v3), Ok(doc.clone()));
    // From version 4 on, a name typed as a preset's text is what the user typed.
    let typed = json.replace(
        r#"{"preset":0,"touchpoint":1}"#,
        r#""Opens it, does not know how""#,
    );
    let strategy = from_json(&typed).map(|d| d.strategy);
    let Ok(Some(s)) = strategy else {
        panic!("reads: {strategy:?}")
    };
    assert_eq!(
        s.journeys[0].journey.touchpoints[1].name,
        Name::Typed("Opens it, does not know how".into())
    );
    // A preset that does not exist is refused, not shown blank.
    let unknown = json.replace(
        r#"{"preset":0,"touchpoint":1}"#,
        r#"{"preset":7,"touchpoint":1}"#,
    );
    assert!(matches!(from_json(&unknown), Err(DocError::BadStrategy(_))));
    assert_eq!(
        presets[1].journey.touchpoints[3].name,
        Name::Preset(PresetName {
            preset: 1,
            touchpoint: Some(3)
        })
    );
}
