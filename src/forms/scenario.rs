//! Scenarios of retention economics: a baseline and up to three variants, each a named form
//! with the last inputs that parsed (shown while a field holds an error).

use serde::{Deserialize, Serialize};

use crate::forms::economics_form::{EconField, EconomicsForm, SAMPLE_INPUTS};
use crate::model::economics::EconomicsInputs;

/// The most scenarios shown side by side, baseline included.
pub const MAX_SCENARIOS: usize = 4;

#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    pub name: ScenarioName,
    pub form: EconomicsForm,
    pub last_valid: EconomicsInputs,
}

/// A scenario's name: one the user typed, kept as typed, or one the app gave, kept as what it
/// is (shown in the UI language of the moment, `i18n::scenario_name`). Stored and shared as a
/// string or as `{"kind": …}` (scenario document format 2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ScenarioName {
    Typed(String),
    Given(GivenName),
}

/// The names the app gives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum GivenName {
    Baseline,
    Preset {
        preset: Preset,
    },
    /// A duplicate of a scenario named by the app ("… (2)").
    Copy {
        of: Box<GivenName>,
    },
    /// The onboarding lever of the Operations section: 90-day activation raised from `from`
    /// to `to` per cent (whole points, as the name shows them).
    Onboarding {
        from: u32,
        to: u32,
    },
}

/// Ready-made scenarios from the sources' levers. Stored by these stable names.
/// `CutOnboardingChurn` is no longer offered (the onboarding lever of the Operations section
/// replaced it: it computes the gain from the data instead of assuming a quarter less churn),
/// but scenarios saved with it still open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Preset {
    /// Logo renewal five points higher.
    #[serde(rename = "renewal-plus-5")]
    RenewalPlus5,
    /// Upsell raised until NDR reaches 120 % (the sources' "excellent").
    #[serde(rename = "upsell-to-ndr-120")]
    UpsellToNdr120,
    /// A quarter less churn: customers not activated within 90 days are the sources' first
    /// churn risk, so better onboarding removes a share of all churn.
    #[serde(rename = "cut-onboarding-churn")]
    CutOnboardingChurn,
}

impl Preset {
    /// The presets offered.
    pub const ALL: [Preset; 2] = [Preset::RenewalPlus5, Preset::UpsellToNdr120];

    /// The baseline's inputs with this lever pulled.
    pub fn apply(self, base: &EconomicsInputs) -> EconomicsInputs {
        match self {
            Preset::RenewalPlus5 => EconomicsInputs {
                logo_renewal: (base.logo_renewal + 0.05).min(1.0),
                ..*base
            },
            Preset::UpsellToNdr120 => {
                let needed = if base.logo_renewal > 0.0 {
                    1.2 / base.logo_renewal - (1.0 - base.contraction)
                } else {
                    0.0
                };
                EconomicsInputs {
                    expansion: needed.max(base.expansion),
                    ..*base
                }
            }
            Preset::CutOnboardingChurn => EconomicsInputs {
                logo_renewal: 1.0 - (1.0 - base.logo_renewal) * 0.75,
                ..*base
            },
        }
    }
}

impl ScenarioName {
    /// The name of a duplicate: a typed name with " (2)", a given one as a copy of it.
    pub fn copy(&self) -> ScenarioName {
        match self {
            ScenarioName::Typed(name) => ScenarioName::Typed(format!("{name} (2)")),
            ScenarioName::Given(given) => ScenarioName::Given(GivenName::Copy {
                of: Box::new(given.clone()),
            }),
        }
    }
}

impl Scenario {
    /// A scenario showing `inputs`; it computes with what its fields show (the texts round
    /// to four decimals), so a reopened or shared scenario gives the very same figures.
    pub fn new(name: ScenarioName, inputs: &EconomicsInputs) -> Scenario {
        let form = EconomicsForm::from_inputs(inputs);
        let last_valid = form.parse().unwrap_or(*inputs);
        Scenario {
            name,
            form,
            last_valid,
        }
    }

    /// Sets a field's text and keeps the inputs if the form now parses.
    pub fn set_text(&mut self, field: EconField, text: String) {
        self.form.set_text(field, text);
        if let Ok(inputs) = self.form.parse() {
            self.last_valid = inputs;
        }
    }
}

/// What the user can do to the scenarios.
#[derive(Debug, Clone, PartialEq)]
pub enum ScenarioAction {
    SetText(usize, EconField, String),
    /// Adds a scenario made from the baseline by a preset, named after it.
    AddPreset(Preset),
    /// Adds the onboarding lever (Operations section) as a scenario: the baseline with its
    /// logo renewal moved by the lever's change, `after − before` (fractions; the data's
    /// bucket-weighted renewal moves the scenario's typed rate by the same points).
    AddOnboarding {
        from: f64,
        to: f64,
        before: f64,
        after: f64,
    },
    Duplicate(usize),
    Delete(usize),
    Rename(usize, String),
}

/// The baseline (index 0) and its variants.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenarios {
    pub list: Vec<Scenario>,
}

impl Scenarios {
    pub fn sample() -> Scenarios {
        // The inputs as the form reads its own texts back (what a user who typed them gets);
        // the sample parses (tested), so the fallback never shows.
        let inputs = EconomicsForm::sample().parse().unwrap_or(SAMPLE_INPUTS);
        Scenarios {
            list: vec![Scenario::new(
                ScenarioName::Given(GivenName::Baseline),
                &inputs,
            )],
        }
    }

    /// Applies an action; impossible ones (a fifth scenario, deleting the baseline, an index
    /// out of range) change nothing.
    pub fn apply(&mut self, action: ScenarioAction) {
        let full = self.list.len() >= MAX_SCENARIOS;
        match action {
            ScenarioAction::SetText(i, field, text) => {
                if let Some(s) = self.list.get_mut(i) {
                    s.set_text(field, text);
                }
            }
            ScenarioAction::AddPreset(preset) if !full => {
                if let Some(base) = self.list.first() {
                    let inputs = preset.apply(&base.last_valid);
                    let name = ScenarioName::Given(GivenName::Preset { preset });
                    self.list.push(Scenario::new(name, &inputs));
                }
            }
            ScenarioAction::AddOnboarding {
                from,
                to,
                before,
                after,
            } if !full && [from, to, before, after].iter().all(|v| v.is_finite()) => {
                if let Some(base) = self.list.first() {
                    let inputs = EconomicsInputs {
                        logo_renewal: (base.last_valid.logo_renewal + after - before)
                            .clamp(0.0, 1.0),
                        ..base.last_valid
                    };
                    let points = |f: f64| (f * 100.0).round().clamp(0.0, 100.0) as u32;
                    let name = ScenarioName::Given(GivenName::Onboarding {
                        from: points(from),
                        to: points(to),
                    });
                    self.list.push(Scenario::new(name, &inputs));
                }
            }
            ScenarioAction::Duplicate(i) if !full => {
                if let Some(s) = self.list.get(i).cloned() {
                    self.list.push(Scenario {
                        name: s.name.copy(),
                        ..s
                    });
                }
            }
            ScenarioAction::Delete(i) if i > 0 && i < self.list.len() => {
                self.list.remove(i);
            }
            ScenarioAction::Rename(i, name) => {
                if let Some(s) = self.list.get_mut(i) {
                    s.name = ScenarioName::Typed(name);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::economics::economics;
    use crate::model::sbg::Sbg;

    #[test]
    fn presets_pull_their_lever() {
        let base = EconomicsForm::sample().parse().unwrap();
        let sbg = Sbg::new(1.0, 4.0).unwrap();
        let ndr = |i: &EconomicsInputs| {
            economics(i, &crate::model::period::PeriodSbg::new(sbg, 12).unwrap())
                .unwrap()
                .ndr
        };
        assert!((Preset::RenewalPlus5.apply(&base).logo_renewal - 0.85).abs() < 1e-12);
        assert!((ndr(&Preset::UpsellToNdr120.apply(&base)) - 1.2).abs() < 1e-12);
        assert!((Preset::CutOnboardingChurn.apply(&base).logo_renewal - 0.85).abs() < 1e-12);
    }

    #[test]
    fn add_duplicate_delete_rename_with_limits() {
        let given = |g| ScenarioName::Given(g);
        let preset = |preset| given(GivenName::Preset { preset });
        let mut s = Scenarios::sample();
        s.apply(ScenarioAction::AddPreset(Preset::RenewalPlus5));
        s.apply(ScenarioAction::Duplicate(1));
        s.apply(ScenarioAction::AddPreset(Preset::UpsellToNdr120));
        s.apply(ScenarioAction::AddPreset(Preset::CutOnboardingChurn));
        assert_eq!(s.list.len(), MAX_SCENARIOS);
        assert_eq!(
            s.list[2].name,
            given(GivenName::Copy {
                of: Box::new(GivenName::Preset {
                    preset: Preset::RenewalPlus5
                })
            })
        );
        s.apply(ScenarioAction::Delete(0));
        assert_eq!(s.list.len(), MAX_SCENARIOS, "the baseline stays");
        s.apply(ScenarioAction::Delete(2));
        s.apply(ScenarioAction::Rename(1, "Plan A".into()));
        s.apply(ScenarioAction::Duplicate(1));
        assert_eq!(
            s.list.iter().map(|x| x.name.clone()).collect::<Vec<_>>(),
            vec![
                given(GivenName::Baseline),
                ScenarioName::Typed("Plan A".into()),
                preset(Preset::UpsellToNdr120),
                ScenarioName::Typed("Plan A (2)".into()),
            ]
        );
    }

    #[test]
    fn invalid_text_keeps_the_last_valid_inputs() {
        let mut scenario = Scenario::new(
            ScenarioName::Typed("Base".into()),
            &EconomicsForm::sample().parse().unwrap(),
        );
        let before = scenario.last_valid;
        scenario.set_text(EconField::Cac, "??".into());
        assert_eq!(scenario.last_valid, before);
        scenario.set_text(EconField::Cac, "20000".into());
        assert_eq!(scenario.last_valid.cac, 20_000.0);
    }
}
