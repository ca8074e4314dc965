//! Inputs of the Strategy section (issue #19): activation journeys, the 3F checklist, niche rows
//! and weights, and the organisation designer. The inputs' type is
//! [`crate::forms::strategy_inputs`] (saved with the scenario document); this is its reducer.

pub use crate::forms::strategy_inputs::{StrategyState, MAX_JOURNEYS, MAX_TOUCHPOINTS};

use crate::forms::strategy_inputs::blank_journey;
use crate::model::strategy::activation::{Name, NamedJourney, PreCharge, Rating, Touchpoint};
use crate::model::strategy::defaults::Defaults;
use crate::model::strategy::niche::SegmentRow;
use crate::model::strategy::niche_draft::StickinessSource;
use crate::model::strategy::org::OrgInputs;
use crate::model::strategy::org_advice::{Profile, Thresholds};
use crate::model::strategy::three_f::Checklist;

/// One edit of the strategy inputs; `j` is a journey's index, `i` a touchpoint's.
#[derive(Debug, Clone, PartialEq)]
pub enum StrategyAction {
    /// Ignored outside 0..=25.
    SetPreCharge(usize, i32),
    RenameJourney(usize, String),
    AddJourney,
    RemoveJourney(usize),
    /// Replace every journey (the seed presets).
    SetJourneys(Vec<NamedJourney>),
    /// A new touchpoint rated +5 at the end.
    AddTouchpoint(usize, String),
    RenameTouchpoint(usize, usize, String),
    RateTouchpoint(usize, usize, Rating),
    /// Up (`true`) or down one place.
    MoveTouchpoint(usize, usize, bool),
    RemoveTouchpoint(usize, usize),
    SetChecklist(Checklist),
    /// Rows pasted (or `None`: back to the customers' segments).
    SetNicheRows(Option<Vec<SegmentRow>>),
    /// Indicator index 0–3 and its weight (finite, ≥ 0).
    SetNicheWeight(usize, f64),
    SetStickiness(StickinessSource),
    SetOrg(OrgInputs),
    SetThresholds(Thresholds),
    SetProfile(Profile),
}

impl StrategyState {
    pub fn apply(&mut self, action: StrategyAction) {
        match action {
            StrategyAction::SetPreCharge(j, points) => {
                if let (Some(journey), Ok(p)) = (self.journeys.get_mut(j), PreCharge::new(points)) {
                    journey.journey.pre_charge = p;
                }
            }
            StrategyAction::RenameJourney(j, name) => {
                let name = Name::Typed(name);
                if let Some(journey) = self.journeys.get_mut(j) {
                    journey.name = name;
                }
            }
            StrategyAction::AddJourney => {
                if self.journeys.len() < MAX_JOURNEYS {
                    self.journeys
                        .push(blank_journey(Defaults::default().pre_charge));
                }
            }
            StrategyAction::RemoveJourney(j) => {
                if self.journeys.len() > 1 && j < self.journeys.len() {
                    self.journeys.remove(j);
                }
            }
            StrategyAction::SetJourneys(journeys) => {
                if !journeys.is_empty() {
                    self.journeys = journeys.into_iter().take(MAX_JOURNEYS).collect();
                }
            }
            StrategyAction::AddTouchpoint(j, name) => {
                if let Some(journey) = self.journeys.get_mut(j) {
                    let touchpoints = &mut journey.journey.touchpoints;
                    if touchpoints.len() < MAX_TOUCHPOINTS {
                        touchpoints.push(Touchpoint {
                            name: Name::Typed(name),
                            rating: Rating::Pleasant,
                        });
                    }
                }
            }
            StrategyAction::RenameTouchpoint(j, i, name) => {
                let name = Name::Typed(name);
                if let Some(t) = self.touchpoint(j, i) {
                    t.name = name;
                }
            }
            StrategyAction::RateTouchpoint(j, i, rating) => {
                if let Some(t) = self.touchpoint(j, i) {
                    t.rating = rating;
                }
            }
            StrategyAction::MoveTouchpoint(j, i, up) => {
                if let Some(journey) = self.journeys.get_mut(j) {
                    let touchpoints = &mut journey.journey.touchpoints;
                    let other = if up { i.checked_sub(1) } else { Some(i + 1) };
                    if let Some(other) = other.filter(|&o| o < touchpoints.len()) {
                        if i < touchpoints.len() {
                            touchpoints.swap(i, other);
                        }
                    }
                }
            }
            StrategyAction::RemoveTouchpoint(j, i) => {
                if let Some(journey) = self.journeys.get_mut(j) {
                    if i < journey.journey.touchpoints.len() {
                        journey.journey.touchpoints.remove(i);
                    }
                }
            }
            StrategyAction::SetChecklist(checklist) => self.checklist = checklist,
            StrategyAction::SetNicheRows(rows) => self.niche_rows = rows,
            StrategyAction::SetNicheWeight(k, weight) => {
                if weight.is_finite() && weight >= 0.0 {
                    if let Some(w) = self.weights.0.get_mut(k) {
                        *w = weight;
                    }
                }
            }
            StrategyAction::SetStickiness(source) => self.stickiness = source,
            StrategyAction::SetOrg(org) => self.org = org,
            StrategyAction::SetThresholds(thresholds) => self.thresholds = thresholds,
            StrategyAction::SetProfile(profile) => self.profile = profile,
        }
    }

    fn touchpoint(&mut self, j: usize, i: usize) -> Option<&mut Touchpoint> {
        self.journeys.get_mut(j)?.journey.touchpoints.get_mut(i)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
