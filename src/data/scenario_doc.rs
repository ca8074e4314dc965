//! The scenario inputs as one versioned JSON document: what a share link carries, what a
//! scenario file holds and what a saved scenario keeps in localStorage. Never customer rows:
//! only the economics scenarios, the sBG heterogeneity, the NDR bridge and the currency.
//!
//! ```json
//! {"format":"retention-lab/scenarios","version":1,"currency":"CNY",
//!  "scenarios":[{"name":"基准","inputs":{"arpa":"1,000","logo-renewal":"80",…}}],
//!  "heterogeneity":{"alpha":0.27,"beta":8.73,"discount":0.01},
//!  "bridge":{"mode":"money","start":"…","churned":"…","contraction":"…","expansion":"…"}}
//! ```
//!
//! Inputs are keyed by their `input-…` test id and kept as typed text (so "1,000" stays
//! "1,000"). Opening checks the format name, then the version (a newer one is refused with
//! its number), then every field, and names the first thing wrong: scenario, field, reason.

use crate::data::bridge_form::{BridgeField, BridgeForm, EntryMode, FieldError};
use crate::data::economics_form::{EconField, EconomicsForm};
use crate::data::json::{self, object, Json};
use crate::data::scenario::{Scenario, Scenarios, MAX_SCENARIOS};
use crate::model::sbg::Sbg;

/// The `format` every document names, so another JSON file is told apart from a wrong one.
pub const FORMAT: &str = "retention-lab/scenarios";
/// The version this build writes and the newest it reads.
pub const VERSION: u32 = 1;
/// Longer scenario names are cut on opening (a name is a label, not a document).
pub const MAX_NAME_CHARS: usize = 80;

/// Everything a scenario document restores.
#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioDoc {
    /// The currency code (`CNY`, `USD` …) the amounts were typed in, if one was chosen.
    pub currency: Option<String>,
    pub scenarios: Scenarios,
    pub sbg: Sbg,
    /// Discount rate per sBG period, a fraction.
    pub discount: f64,
    pub bridge: BridgeForm,
}

/// Why a document was not opened. Scenario numbers count from 1, as the user sees them.
#[derive(Debug, Clone, PartialEq)]
pub enum DocError {
    /// Not JSON; the reader's message says where (line, column).
    NotJson(String),
    /// JSON, but not a Retention Lab scenario document.
    NotScenarioDoc,
    /// Written by a newer version of the app.
    NewerVersion(u32),
    /// A field outside the scenarios (`version`, `currency`, `heterogeneity.alpha`,
    /// `bridge.start` …) is missing or of the wrong type.
    BadField(&'static str),
    /// No scenario, or more than [`MAX_SCENARIOS`].
    ScenarioCount(usize),
    /// A scenario's name or input is missing or not text.
    MissingInput {
        scenario: usize,
        field: &'static str,
    },
    BadInput {
        scenario: usize,
        field: &'static str,
        error: FieldError,
    },
    BadBridge {
        field: &'static str,
        error: FieldError,
    },
    /// `alpha`, `beta` or `discount` out of range.
    BadHeterogeneity(&'static str),
}

/// The document as compact JSON (files too: any editor can reformat it).
///
/// Scenarios whose form does not parse right now are written from their last valid inputs,
/// so every document the app writes opens again.
pub fn to_json(doc: &ScenarioDoc) -> String {
    let scenarios = doc
        .scenarios
        .list
        .iter()
        .map(|s| {
            let form = match s.form.parse() {
                Ok(_) => s.form.clone(),
                Err(_) => EconomicsForm::from_inputs(&s.last_valid),
            };
            let inputs = EconField::ALL
                .iter()
                .map(|f| (f.test_id().to_string(), form.text(*f).into()))
                .collect();
            object([
                ("name", s.name.as_str().into()),
                ("inputs", Json::Object(inputs)),
            ])
        })
        .collect();
    let bridge = &doc.bridge;
    let mut bridge_fields = vec![("mode".to_string(), bridge.mode.code().into())];
    for field in BridgeField::ALL {
        bridge_fields.push((field.key().to_string(), bridge.text(field).into()));
    }
    let mut fields = vec![
        ("format".to_string(), FORMAT.into()),
        ("version".to_string(), VERSION.into()),
    ];
    if let Some(currency) = &doc.currency {
        fields.push(("currency".to_string(), currency.as_str().into()));
    }
    fields.extend([
        ("scenarios".to_string(), Json::Array(scenarios)),
        (
            "heterogeneity".to_string(),
            object([
                ("alpha", doc.sbg.alpha.into()),
                ("beta", doc.sbg.beta.into()),
                ("discount", doc.discount.into()),
            ]),
        ),
        ("bridge".to_string(), Json::Object(bridge_fields)),
    ]);
    Json::Object(fields).to_string()
}

/// Reads and checks a document written by [`to_json`] (by this or an older version).
///
/// ```
/// use retention_lab::data::scenario_doc::{from_json, DocError};
/// assert_eq!(from_json(r#"{"format":"retention-lab/scenarios","version":9}"#),
///            Err(DocError::NewerVersion(9)));
/// assert!(matches!(from_json("[1, 2"), Err(DocError::NotJson(_))));
/// ```
pub fn from_json(text: &str) -> Result<ScenarioDoc, DocError> {
    let root = json::parse(text).map_err(|e| DocError::NotJson(e.to_string()))?;
    if root.get("format").and_then(Json::as_str) != Some(FORMAT) {
        return Err(DocError::NotScenarioDoc);
    }
    let version = root
        .get("version")
        .and_then(Json::as_u32)
        .ok_or(DocError::BadField("version"))?;
    if version > VERSION {
        return Err(DocError::NewerVersion(version));
    }
    let currency = match root.get("currency") {
        None | Some(Json::Null) => None,
        Some(Json::String(code)) => Some(code.clone()),
        Some(_) => return Err(DocError::BadField("currency")),
    };
    let scenarios = root
        .get("scenarios")
        .and_then(Json::as_array)
        .ok_or(DocError::BadField("scenarios"))?;
    if scenarios.is_empty() || scenarios.len() > MAX_SCENARIOS {
        return Err(DocError::ScenarioCount(scenarios.len()));
    }
    let list = scenarios
        .iter()
        .enumerate()
        .map(|(i, s)| read_scenario(i + 1, s))
        .collect::<Result<Vec<_>, _>>()?;
    let heterogeneity = |key: &'static str, path: &'static str| {
        root.get("heterogeneity")
            .and_then(|h| h.get(key))
            .and_then(Json::as_f64)
            .ok_or(DocError::BadField(path))
    };
    let alpha = heterogeneity("alpha", "heterogeneity.alpha")?;
    let beta = heterogeneity("beta", "heterogeneity.beta")?;
    let discount = heterogeneity("discount", "heterogeneity.discount")?;
    let sbg = Sbg::new(alpha, beta).map_err(|_| {
        DocError::BadHeterogeneity(if alpha > 0.0 && alpha.is_finite() {
            "beta"
        } else {
            "alpha"
        })
    })?;
    if !(0.0..1.0).contains(&discount) {
        return Err(DocError::BadHeterogeneity("discount"));
    }
    Ok(ScenarioDoc {
        currency,
        scenarios: Scenarios { list },
        sbg,
        discount,
        bridge: read_bridge(root.get("bridge"))?,
    })
}

fn read_scenario(number: usize, wire: &Json) -> Result<Scenario, DocError> {
    let text = |value: Option<&Json>, field: &'static str| {
        value
            .and_then(Json::as_str)
            .map(str::to_string)
            .ok_or(DocError::MissingInput {
                scenario: number,
                field,
            })
    };
    let name = text(wire.get("name"), "name")?;
    let inputs = wire.get("inputs");
    let mut texts: [String; 12] = Default::default();
    for (slot, field) in texts.iter_mut().zip(EconField::ALL) {
        *slot = text(inputs.and_then(|i| i.get(field.test_id())), field.test_id())?;
    }
    let form = EconomicsForm { texts };
    let inputs = form.parse().map_err(|errors| {
        let (field, error) = errors
            .into_iter()
            .next()
            .unwrap_or((EconField::Arpa, FieldError::ZeroStart));
        DocError::BadInput {
            scenario: number,
            field: field.test_id(),
            error,
        }
    })?;
    Ok(Scenario {
        name: name.chars().take(MAX_NAME_CHARS).collect(),
        form,
        last_valid: inputs,
    })
}

fn read_bridge(wire: Option<&Json>) -> Result<BridgeForm, DocError> {
    let text = |key: &str, path: &'static str| {
        wire.and_then(|b| b.get(key))
            .and_then(Json::as_str)
            .map(str::to_string)
            .ok_or(DocError::BadField(path))
    };
    let code = text("mode", "bridge.mode")?;
    let mode = EntryMode::from_code(&code).ok_or(DocError::BadBridge {
        field: "mode",
        error: FieldError::NotNumber(code.clone()),
    })?;
    let form = BridgeForm {
        mode,
        start: text("start", "bridge.start")?,
        churned: text("churned", "bridge.churned")?,
        contraction: text("contraction", "bridge.contraction")?,
        expansion: text("expansion", "bridge.expansion")?,
    };
    match form.parse() {
        Ok(_) => Ok(form),
        Err(errors) => {
            let (field, error) = errors
                .into_iter()
                .next()
                .unwrap_or((BridgeField::Start, FieldError::ZeroStart));
            Err(DocError::BadBridge {
                field: field.key(),
                error,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::scenario::{Preset, ScenarioAction};

    fn sample_doc() -> ScenarioDoc {
        let mut scenarios = Scenarios::sample("基准");
        scenarios.apply(ScenarioAction::AddPreset(
            Preset::RenewalPlus5,
            "续约率 +5 点".into(),
        ));
        scenarios.apply(ScenarioAction::Rename(1, "Plan \"A\" <b>".into()));
        ScenarioDoc {
            currency: Some("USD".into()),
            scenarios,
            sbg: Sbg::new(0.5, 3.0).unwrap(),
            discount: 0.02,
            bridge: BridgeForm::sample(),
        }
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
        let newer = good.replace("\"version\":1", "\"version\":2");
        assert_eq!(from_json(&newer), Err(DocError::NewerVersion(2)));
        let no_discount = good.replace("\"discount\":0.02", "\"discount\":1.5");
        assert_eq!(
            from_json(&no_discount),
            Err(DocError::BadHeterogeneity("discount"))
        );
        let truncated = &good[..good.len() / 2];
        assert!(matches!(from_json(truncated), Err(DocError::NotJson(m)) if m.contains("line 1")));
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
}
