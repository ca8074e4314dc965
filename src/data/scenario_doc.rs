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
//! Inputs are keyed by their stable persistence key ([`EconField::persist_key`]) and kept as
//! typed text (so "1,000" stays "1,000"). Decoding is serde's, in three steps: the envelope
//! (`format`, then `version`: a newer one is refused with its number), then the typed body,
//! whose shape faults are located by their path (`scenarios[1].inputs.cac`); then every value
//! is validated, and the first thing wrong is named: scenario, field, reason.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::data::bridge_form::{BridgeField, BridgeForm, FieldError};
use crate::data::economics_form::{EconField, EconomicsForm};
use crate::data::scenario::{Scenario, Scenarios, MAX_SCENARIOS};
use crate::model::period::check_period_months;
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
    /// Months per sBG period (1, 3 or 12). Documents without it were written when the only
    /// setting was the hand-set one, labelled per month: they read as 1.
    pub period_months: u32,
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
    /// A field outside the scenarios' inputs (`version`, `currency`, `heterogeneity.alpha`,
    /// `bridge.start`, `scenarios[1].inputs` …) is missing or of the wrong type; its path.
    BadField(String),
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

/// The document as it is written and read (format 1): typed, every part optional on reading
/// so that a missing part is named by [`from_json`]'s checks rather than by serde.
#[derive(Serialize, Deserialize, Default)]
struct Wire {
    format: Option<String>,
    version: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    currency: Option<String>,
    scenarios: Option<Vec<WireScenario>>,
    heterogeneity: Option<WireHeterogeneity>,
    bridge: Option<BridgeForm>,
}

#[derive(Serialize, Deserialize)]
struct WireScenario {
    name: Option<String>,
    /// Typed texts by [`EconField::persist_key`].
    inputs: Option<BTreeMap<String, String>>,
}

#[derive(Serialize, Deserialize)]
struct WireHeterogeneity {
    alpha: Option<f64>,
    beta: Option<f64>,
    discount: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    period_months: Option<u32>,
}

/// The envelope, read first (format, then version): a newer version's body may have
/// another shape.
#[derive(Deserialize)]
struct FormatOnly<'a> {
    #[serde(borrow)]
    format: Option<std::borrow::Cow<'a, str>>,
}

#[derive(Deserialize)]
struct VersionOnly {
    version: Option<u32>,
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
                .map(|f| (f.persist_key().to_string(), form.text(*f).to_string()))
                .collect();
            WireScenario {
                name: Some(s.name.clone()),
                inputs: Some(inputs),
            }
        })
        .collect();
    let wire = Wire {
        format: Some(FORMAT.to_string()),
        version: Some(VERSION),
        currency: doc.currency.clone(),
        scenarios: Some(scenarios),
        heterogeneity: Some(WireHeterogeneity {
            alpha: Some(doc.sbg.alpha),
            beta: Some(doc.sbg.beta),
            discount: Some(doc.discount),
            period_months: Some(doc.period_months),
        }),
        bridge: Some(doc.bridge.clone()),
    };
    // Strings, finite numbers and maps with string keys: serialising cannot fail.
    serde_json::to_string(&wire).unwrap_or_default()
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
    serde_json::from_str::<serde::de::IgnoredAny>(text)
        .map_err(|e| DocError::NotJson(e.to_string()))?;
    let is_ours =
        serde_json::from_str::<FormatOnly>(text).is_ok_and(|e| e.format.as_deref() == Some(FORMAT));
    if !is_ours {
        return Err(DocError::NotScenarioDoc);
    }
    let version = serde_json::from_str::<VersionOnly>(text)
        .ok()
        .and_then(|v| v.version)
        .ok_or(DocError::BadField("version".into()))?;
    if version > VERSION {
        return Err(DocError::NewerVersion(version));
    }
    let wire: Wire =
        serde_path_to_error::deserialize(&mut serde_json::Deserializer::from_str(text))
            .map_err(|e| DocError::BadField(e.path().to_string()))?;
    validate(wire)
}

/// The checks serde's types cannot say: counts, presence, ranges and every input's text.
fn validate(wire: Wire) -> Result<ScenarioDoc, DocError> {
    let scenarios = wire
        .scenarios
        .ok_or(DocError::BadField("scenarios".into()))?;
    if scenarios.is_empty() || scenarios.len() > MAX_SCENARIOS {
        return Err(DocError::ScenarioCount(scenarios.len()));
    }
    let list = scenarios
        .into_iter()
        .enumerate()
        .map(|(i, s)| read_scenario(i + 1, s))
        .collect::<Result<Vec<_>, _>>()?;
    let heterogeneity = wire.heterogeneity.as_ref();
    let part = |value: Option<f64>, path: &str| value.ok_or(DocError::BadField(path.into()));
    let alpha = part(heterogeneity.and_then(|h| h.alpha), "heterogeneity.alpha")?;
    let beta = part(heterogeneity.and_then(|h| h.beta), "heterogeneity.beta")?;
    let discount = part(
        heterogeneity.and_then(|h| h.discount),
        "heterogeneity.discount",
    )?;
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
    let period_months = heterogeneity.and_then(|h| h.period_months).unwrap_or(1);
    if check_period_months(period_months).is_err() {
        return Err(DocError::BadHeterogeneity("period_months"));
    }
    Ok(ScenarioDoc {
        currency: wire.currency,
        scenarios: Scenarios { list },
        sbg,
        period_months,
        discount,
        bridge: check_bridge(wire.bridge)?,
    })
}

fn read_scenario(number: usize, wire: WireScenario) -> Result<Scenario, DocError> {
    let missing = |field| DocError::MissingInput {
        scenario: number,
        field,
    };
    let name = wire.name.ok_or(missing("name"))?;
    let mut inputs = wire.inputs.unwrap_or_default();
    let mut texts: [String; 12] = Default::default();
    for (slot, field) in texts.iter_mut().zip(EconField::ALL) {
        *slot = inputs
            .remove(field.persist_key())
            .ok_or(missing(field.persist_key()))?;
    }
    let form = EconomicsForm { texts };
    let inputs = form.parse().map_err(|errors| {
        let (field, error) = errors
            .into_iter()
            .next()
            .unwrap_or((EconField::Arpa, FieldError::ZeroStart));
        DocError::BadInput {
            scenario: number,
            field: field.persist_key(),
            error,
        }
    })?;
    Ok(Scenario {
        name: name.chars().take(MAX_NAME_CHARS).collect(),
        form,
        last_valid: inputs,
    })
}

fn check_bridge(bridge: Option<BridgeForm>) -> Result<BridgeForm, DocError> {
    let form = bridge.ok_or(DocError::BadField("bridge".into()))?;
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
            period_months: 12,
            discount: 0.02,
            bridge: BridgeForm::sample(),
        }
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
            Err(DocError::BadHeterogeneity("period_months"))
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
}
