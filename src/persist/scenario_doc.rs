//! The scenario inputs as one versioned JSON document: what a share link carries, what a
//! scenario file holds and what a saved scenario keeps in localStorage. Never customer rows:
//! only the economics scenarios, the sBG heterogeneity, the NDR bridge, the currency and the
//! Strategy section's inputs.
//!
//! ```json
//! {"format":"retention-lab/scenarios","version":2,"currency":"CNY",
//!  "scenarios":[{"name":{"kind":"baseline"},"inputs":{"arpa":"1,000","logo-renewal":"80",…}},
//!               {"name":"Board plan","inputs":{…}}],
//!  "heterogeneity":{"alpha":0.27,"beta":8.73,"discount":0.01},
//!  "bridge":{"mode":"money","start":"…","churned":"…","contraction":"…","expansion":"…"},
//!  "strategy":{"journeys":[…],"checklist":{…},"niche_rows":null,"weights":[1,1,1,1],…}}
//! ```
//!
//! Inputs are keyed by their stable persistence key ([`EconField::persist_key`]) and kept as
//! typed text (so "1,000" stays "1,000"). Decoding is serde's, in three steps: the envelope
//! (`format`, then `version`: a newer one is refused with its number), then the typed body,
//! whose shape faults are located by their path (`scenarios[1].inputs.cac`, [`path_at`]); then every value
//! is validated, and the first thing wrong is named: scenario, field, reason.
//!
//! Versions: 2 stores a name the app gave as what it is (`{"kind":"baseline"}`,
//! `{"kind":"preset","preset":"renewal-plus-5"}`, `{"kind":"copy","of":…}`) and a typed name as
//! text. Version 1 wrote every name as text in the UI language of the moment; on reading, a
//! version-1 name equal to one the app gives (in either language) becomes that kind again
//! ([`name_from_v1_text`]). Version 3 adds `strategy` (issue #19: journeys, the 3F checklist,
//! niche rows and weights, the organisation designer); a document without it leaves the
//! Strategy inputs as they are. Version 4 stores a seed preset's journey or touchpoint name as
//! which one it is (`{"preset":0,"touchpoint":2}`) instead of its text in the UI language of
//! the moment; on reading an earlier document, a name equal to a preset's text (in either
//! language) becomes that preset's name again.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::forms::bridge_form::{BridgeField, BridgeForm, FieldError};
use crate::forms::economics_form::{EconField, EconomicsForm};
use crate::forms::scenario::{Scenario, ScenarioName, Scenarios, MAX_SCENARIOS};
use crate::forms::strategy_inputs::{self, StrategyState};
use crate::i18n::name_from_v1_text;
use crate::model::period::check_period_months;
use crate::model::sbg::Sbg;
use crate::model::strategy::StrategyError;

/// The `format` every document names, so another JSON file is told apart from a wrong one.
pub const FORMAT: &str = "retention-lab/scenarios";
/// The version this build writes and the newest it reads.
pub const VERSION: u32 = 4;
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
    /// The Strategy section's inputs; `None` in documents written before version 3.
    pub strategy: Option<StrategyState>,
}

/// Why a document was not opened. Scenario numbers count from 1, as the user sees them.
#[derive(Debug, Clone, PartialEq)]
pub enum DocError {
    /// Not JSON, from this place on (counted from 1; serde_json's own message is English).
    NotJson { line: usize, column: usize },
    /// A file whose bytes are not UTF-8 text (JSON is UTF-8), so not even JSON.
    NotUtf8,
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
    BadHeterogeneity(HeterogeneityPart),
    /// A Strategy input of the right type but out of range (a name too long, a negative cost).
    BadStrategy(StrategyError),
}

/// A value of the document's `heterogeneity`, named by the view in the UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeterogeneityPart {
    Alpha,
    Beta,
    Discount,
    /// The period α and β are per: 1, 3 or 12 months.
    Period,
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    strategy: Option<StrategyState>,
}

#[derive(Serialize, Deserialize)]
struct WireScenario {
    name: Option<ScenarioName>,
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
        strategy: doc.strategy.clone(),
    };
    // Strings, finite numbers and maps with string keys: serialising cannot fail.
    serde_json::to_string(&wire).unwrap_or_default()
}

/// Reads and checks a document written by [`to_json`] (by this or an older version).
///
/// ```
/// use retention_lab::persist::scenario_doc::{from_json, DocError};
/// assert_eq!(from_json(r#"{"format":"retention-lab/scenarios","version":9}"#),
///            Err(DocError::NewerVersion(9)));
/// assert_eq!(from_json("[1, 2"), Err(DocError::NotJson { line: 1, column: 5 }));
/// ```
pub fn from_json(text: &str) -> Result<ScenarioDoc, DocError> {
    serde_json::from_str::<serde::de::IgnoredAny>(text).map_err(|e| DocError::NotJson {
        line: e.line(),
        column: e.column(),
    })?;
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
    // The path of the faulty field as serde walked to it ("scenarios[1].inputs.cac").
    let mut reader = serde_json::Deserializer::from_str(text);
    let wire: Wire = serde_path_to_error::deserialize(&mut reader).map_err(|e| {
        // The document's root is "." for serde_path_to_error, "" in our messages.
        let path = e.path().to_string();
        DocError::BadField(if path == "." { String::new() } else { path })
    })?;
    validate(wire, version)
}

/// The checks serde's types cannot say: counts, presence, ranges and every input's text.
fn validate(wire: Wire, version: u32) -> Result<ScenarioDoc, DocError> {
    let scenarios = wire
        .scenarios
        .ok_or(DocError::BadField("scenarios".into()))?;
    if scenarios.is_empty() || scenarios.len() > MAX_SCENARIOS {
        return Err(DocError::ScenarioCount(scenarios.len()));
    }
    let list = scenarios
        .into_iter()
        .enumerate()
        .map(|(i, s)| read_scenario(i + 1, s, version))
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
            HeterogeneityPart::Beta
        } else {
            HeterogeneityPart::Alpha
        })
    })?;
    if !(0.0..1.0).contains(&discount) {
        return Err(DocError::BadHeterogeneity(HeterogeneityPart::Discount));
    }
    let period_months = heterogeneity.and_then(|h| h.period_months).unwrap_or(1);
    if check_period_months(period_months).is_err() {
        return Err(DocError::BadHeterogeneity(HeterogeneityPart::Period));
    }
    let mut strategy = wire.strategy;
    if let Some(strategy) = strategy.as_mut() {
        strategy_inputs::validate(strategy).map_err(DocError::BadStrategy)?;
        if version < 4 {
            strategy_inputs::recognise_preset_names(strategy);
        }
    }
    Ok(ScenarioDoc {
        currency: wire.currency,
        scenarios: Scenarios { list },
        sbg,
        period_months,
        discount,
        bridge: check_bridge(wire.bridge)?,
        strategy,
    })
}

fn read_scenario(number: usize, wire: WireScenario, version: u32) -> Result<Scenario, DocError> {
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
        name: match name {
            ScenarioName::Typed(text) if version == 1 => name_from_v1_text(&cut(&text)),
            ScenarioName::Typed(text) => ScenarioName::Typed(cut(&text)),
            given => given,
        },
        form,
        last_valid: inputs,
    })
}

/// A name cut to [`MAX_NAME_CHARS`].
fn cut(text: &str) -> String {
    text.chars().take(MAX_NAME_CHARS).collect()
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
mod tests;
