//! What the user typed into the Strategy section (issue #19): activation journeys, the 3F
//! checklist, niche rows and weights, and the organisation designer's inputs. Saved with the
//! scenarios (browser storage, scenario files, share links) as the `strategy` part of the
//! scenario document, so it is serde-typed here and checked by [`validate`] after decoding:
//! a document typed by hand can hold values the form would never let through.

use serde::{Deserialize, Serialize};

use crate::model::strategy::activation::{Journey, Name, NamedJourney, PreCharge};
use crate::model::strategy::defaults::Defaults;
use crate::model::strategy::niche::{Indicator, SegmentRow, Weights, WILLINGNESS_MAX};
use crate::model::strategy::niche_draft::StickinessSource;
use crate::model::strategy::org::{validate as validate_org, OrgInputs};
use crate::model::strategy::org_advice::{Profile, Thresholds};
use crate::model::strategy::three_f::Checklist;
use crate::model::strategy::{Problem, StrategyError};

/// The most journeys compared side by side, touchpoints per journey and niche rows.
pub const MAX_JOURNEYS: usize = 4;
pub const MAX_TOUCHPOINTS: usize = 20;
pub const MAX_NICHE_ROWS: usize = 200;
/// Longer journey and touchpoint names are refused in a document (a name is a label).
pub const MAX_NAME_CHARS: usize = 80;

/// A part missing from a document takes its default (`#[serde(default)]`): documents written
/// before a part existed still open.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct StrategyState {
    /// Journeys compared side by side; never empty.
    pub journeys: Vec<NamedJourney>,
    pub checklist: Checklist,
    /// Rows pasted by the user; `None` follows the loaded customers' segments.
    pub niche_rows: Option<Vec<SegmentRow>>,
    pub weights: Weights,
    pub stickiness: StickinessSource,
    pub org: OrgInputs,
    pub profile: Profile,
    pub thresholds: Thresholds,
}

impl Default for StrategyState {
    fn default() -> Self {
        let d = Defaults::default();
        StrategyState {
            journeys: vec![blank_journey(d.pre_charge)],
            checklist: Checklist::default(),
            niche_rows: None,
            weights: d.niche_weights,
            stickiness: d.stickiness,
            org: d.org,
            profile: d.profile,
            thresholds: d.thresholds,
        }
    }
}

/// Names an earlier version stored as text that are a seed preset's (in either language)
/// become that preset's name, shown in the UI language from then on (documents before
/// version 4 wrote every name as text).
pub fn recognise_preset_names(s: &mut StrategyState) {
    let recognise = |name: &mut Name, touchpoint: bool| {
        if let Name::Typed(text) = name {
            *name = Name::recognise(text, touchpoint);
        }
    };
    for j in &mut s.journeys {
        recognise(&mut j.name, false);
        for t in &mut j.journey.touchpoints {
            recognise(&mut t.name, true);
        }
    }
}

/// A journey without a name or touchpoints, starting at `pre_charge`.
pub fn blank_journey(pre_charge: i32) -> NamedJourney {
    NamedJourney {
        name: Name::default(),
        journey: Journey {
            pre_charge: PreCharge::new(pre_charge).unwrap_or_default(),
            touchpoints: Vec::new(),
        },
    }
}

/// The checks serde's types cannot say (ratings and pre-charges are checked while decoding):
/// 1–[`MAX_JOURNEYS`] journeys of at most [`MAX_TOUCHPOINTS`] touchpoints with names of at
/// most [`MAX_NAME_CHARS`]; at most [`MAX_NICHE_ROWS`] niche rows whose filled cells are
/// finite, ≥ 0 and willingness ≤ 10 (blank cells are allowed: the user fills them later);
/// weights finite and ≥ 0; the organisation inputs as [`validate_org`] checks them; the
/// thresholds finite and ≥ 0.
///
/// # Errors
/// The first value at fault, as the strategy models name it.
pub fn validate(s: &StrategyState) -> Result<(), StrategyError> {
    let field = |field: &'static str, problem| StrategyError::Field { field, problem };
    let at_most = |field: &'static str, n: usize, max: usize| {
        if n > max {
            return Err(StrategyError::Field {
                field,
                problem: Problem::OutOfRange {
                    min: 0.0,
                    max: max as f64,
                },
            });
        }
        Ok(())
    };
    let check_name = |field: &'static str, name: &Name| {
        if !name.is_known() {
            return Err(StrategyError::Field {
                field,
                problem: Problem::Missing,
            });
        }
        at_most(field, name.text(true).chars().count(), MAX_NAME_CHARS)
    };
    if s.journeys.is_empty() {
        return Err(field("journeys", Problem::Missing));
    }
    at_most("journeys", s.journeys.len(), MAX_JOURNEYS)?;
    for j in &s.journeys {
        check_name("journey_name", &j.name)?;
        at_most("touchpoints", j.journey.touchpoints.len(), MAX_TOUCHPOINTS)?;
        for t in &j.journey.touchpoints {
            check_name("touchpoint_name", &t.name)?;
        }
    }
    let rows = s.niche_rows.as_deref().unwrap_or_default();
    at_most("niche_rows", rows.len(), MAX_NICHE_ROWS)?;
    for (i, row) in rows.iter().enumerate() {
        for indicator in Indicator::ALL {
            let cell = |problem| StrategyError::Cell {
                row: i + 1,
                field: indicator.field(),
                problem,
            };
            match row.get(indicator) {
                Some(v) if !v.is_finite() => return Err(cell(Problem::NotFinite)),
                Some(v) if v < 0.0 => return Err(cell(Problem::Negative)),
                Some(v) if indicator == Indicator::WillingnessToPay && v > WILLINGNESS_MAX => {
                    return Err(cell(Problem::OutOfRange {
                        min: 0.0,
                        max: WILLINGNESS_MAX,
                    }))
                }
                _ => {}
            }
        }
    }
    for (name, value) in [
        ("weight", s.weights.0.iter().copied().fold(0.0, f64::min)),
        ("weight", s.weights.0.iter().sum()),
        ("low_arpa_below", s.thresholds.low_arpa_below),
        ("split_from_customers", s.thresholds.split_from_customers),
        (
            "refined_from_customers",
            s.thresholds.refined_from_customers,
        ),
    ] {
        if !value.is_finite() {
            return Err(field(name, Problem::NotFinite));
        }
        if value < 0.0 {
            return Err(field(name, Problem::Negative));
        }
    }
    validate_org(&s.org)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
