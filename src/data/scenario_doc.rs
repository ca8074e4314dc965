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

use serde::{Deserialize, Serialize};

use crate::data::bridge_form::{BridgeField, BridgeForm, EntryMode, FieldError};
use crate::data::economics_form::{EconField, EconomicsForm};
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
    /// Not JSON, or JSON of another shape; serde's message says where (line, column).
    NotJson(String),
    /// JSON, but not a Retention Lab scenario document.
    NotScenarioDoc,
    /// Written by a newer version of the app.
    NewerVersion(u32),
    /// No scenario, or more than [`MAX_SCENARIOS`].
    ScenarioCount(usize),
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

#[derive(Serialize, Deserialize)]
struct Head {
    format: String,
    version: u32,
}

#[derive(Serialize, Deserialize)]
struct Wire {
    format: String,
    version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    currency: Option<String>,
    scenarios: Vec<WireScenario>,
    heterogeneity: WireHeterogeneity,
    bridge: WireBridge,
}

#[derive(Serialize, Deserialize)]
struct WireScenario {
    name: String,
    inputs: WireInputs,
}

/// The twelve inputs by their test ids. A struct, not a map: a map of strings would bring a
/// sorted tree and a sort into the bundle for a dozen fixed keys.
#[derive(Serialize, Deserialize, Default)]
struct WireInputs {
    arpa: Option<String>,
    customers: Option<String>,
    #[serde(rename = "monthly-churn")]
    monthly_churn: Option<String>,
    #[serde(rename = "logo-renewal")]
    logo_renewal: Option<String>,
    #[serde(rename = "contraction-rate")]
    contraction: Option<String>,
    #[serde(rename = "expansion-rate")]
    expansion: Option<String>,
    #[serde(rename = "referral-rate")]
    referral: Option<String>,
    #[serde(rename = "new-business")]
    new_business: Option<String>,
    #[serde(rename = "gross-margin")]
    gross_margin: Option<String>,
    cac: Option<String>,
    #[serde(rename = "discount-rate")]
    discount: Option<String>,
    horizon: Option<String>,
}

impl WireInputs {
    /// The slot of `field` (its serde name is `field.test_id()`).
    fn slot(&mut self, field: EconField) -> &mut Option<String> {
        match field {
            EconField::Arpa => &mut self.arpa,
            EconField::Customers => &mut self.customers,
            EconField::MonthlyChurn => &mut self.monthly_churn,
            EconField::LogoRenewal => &mut self.logo_renewal,
            EconField::Contraction => &mut self.contraction,
            EconField::Expansion => &mut self.expansion,
            EconField::Referral => &mut self.referral,
            EconField::NewBusiness => &mut self.new_business,
            EconField::GrossMargin => &mut self.gross_margin,
            EconField::Cac => &mut self.cac,
            EconField::Discount => &mut self.discount,
            EconField::Horizon => &mut self.horizon,
        }
    }
}

#[derive(Serialize, Deserialize)]
struct WireHeterogeneity {
    alpha: f64,
    beta: f64,
    discount: f64,
}

#[derive(Serialize, Deserialize)]
struct WireBridge {
    mode: String,
    start: String,
    churned: String,
    contraction: String,
    expansion: String,
}

/// The document as compact JSON (files too: a pretty printer would be more code in the
/// bundle, and any editor can reformat it).
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
            let mut inputs = WireInputs::default();
            for field in EconField::ALL {
                *inputs.slot(field) = Some(form.text(field).to_string());
            }
            WireScenario {
                name: s.name.clone(),
                inputs,
            }
        })
        .collect();
    let bridge = &doc.bridge;
    let wire = Wire {
        format: FORMAT.to_string(),
        version: VERSION,
        currency: doc.currency.clone(),
        scenarios,
        heterogeneity: WireHeterogeneity {
            alpha: doc.sbg.alpha,
            beta: doc.sbg.beta,
            discount: doc.discount,
        },
        bridge: WireBridge {
            mode: bridge.mode.code().to_string(),
            start: bridge.start.clone(),
            churned: bridge.churned.clone(),
            contraction: bridge.contraction.clone(),
            expansion: bridge.expansion.clone(),
        },
    };
    // Strings and finite numbers always serialise; an empty object would fail to open loudly.
    serde_json::to_string(&wire).unwrap_or_else(|_| "{}".to_string())
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
    let head: Head = serde_json::from_str(text).map_err(|e| DocError::NotJson(e.to_string()))?;
    if head.format != FORMAT {
        return Err(DocError::NotScenarioDoc);
    }
    if head.version > VERSION {
        return Err(DocError::NewerVersion(head.version));
    }
    let wire: Wire = serde_json::from_str(text).map_err(|e| DocError::NotJson(e.to_string()))?;
    if wire.scenarios.is_empty() || wire.scenarios.len() > MAX_SCENARIOS {
        return Err(DocError::ScenarioCount(wire.scenarios.len()));
    }
    let Wire {
        scenarios,
        heterogeneity: h,
        bridge,
        currency,
        ..
    } = wire;
    let list = scenarios
        .into_iter()
        .enumerate()
        .map(|(i, s)| read_scenario(i + 1, s))
        .collect::<Result<Vec<_>, _>>()?;
    let sbg = Sbg::new(h.alpha, h.beta).map_err(|_| {
        DocError::BadHeterogeneity(if h.alpha > 0.0 && h.alpha.is_finite() {
            "beta"
        } else {
            "alpha"
        })
    })?;
    if !(0.0..1.0).contains(&h.discount) {
        return Err(DocError::BadHeterogeneity("discount"));
    }
    Ok(ScenarioDoc {
        currency,
        scenarios: Scenarios { list },
        sbg,
        discount: h.discount,
        bridge: read_bridge(&bridge)?,
    })
}

fn read_scenario(number: usize, wire: WireScenario) -> Result<Scenario, DocError> {
    let mut inputs = wire.inputs;
    let mut texts: [String; 12] = Default::default();
    for (text, field) in texts.iter_mut().zip(EconField::ALL) {
        *text = inputs.slot(field).take().ok_or(DocError::MissingInput {
            scenario: number,
            field: field.test_id(),
        })?;
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
        name: wire.name.chars().take(MAX_NAME_CHARS).collect(),
        form,
        last_valid: inputs,
    })
}

fn read_bridge(wire: &WireBridge) -> Result<BridgeForm, DocError> {
    let mode = EntryMode::from_code(&wire.mode).ok_or(DocError::BadBridge {
        field: "mode",
        error: FieldError::NotNumber(wire.mode.clone()),
    })?;
    let form = BridgeForm {
        mode,
        start: wire.start.clone(),
        churned: wire.churned.clone(),
        contraction: wire.contraction.clone(),
        expansion: wire.expansion.clone(),
    };
    match form.parse() {
        Ok(_) => Ok(form),
        Err(errors) => {
            let (field, error) = errors
                .into_iter()
                .next()
                .unwrap_or((BridgeField::Start, FieldError::ZeroStart));
            Err(DocError::BadBridge {
                field: bridge_field_name(field),
                error,
            })
        }
    }
}

fn bridge_field_name(field: BridgeField) -> &'static str {
    match field {
        BridgeField::Start => "start",
        BridgeField::Churned => "churned",
        BridgeField::Contraction => "contraction",
        BridgeField::Expansion => "expansion",
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
