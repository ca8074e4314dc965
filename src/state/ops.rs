//! What the Operations and Team sections ask of the app ([`Request`]): a column as the north
//! star, a setting typed or chosen, the onboarding lever sent to the scenarios.

use super::AppState;
use crate::derive::panel::{Choice, NumberSetting, Request};
use crate::forms::scenario::ScenarioAction;
use crate::model::operations::finder::NORTH_STAR;
use crate::model::operations::north_star::can_be_north_star;

impl AppState {
    pub(super) fn apply_ops(&mut self, request: Request) {
        match request {
            Request::UseAsNorthStar(column) => {
                let chosen = (column != NORTH_STAR).then_some(column);
                if chosen != self.health.north_star_column
                    && chosen
                        .as_deref()
                        .is_none_or(|c| can_be_north_star(&self.dataset.customers, c))
                {
                    // Only the name is kept: the customers in use are derived from it
                    // (`derive::north_star`). The edited scorecard's north-star target was
                    // set for the old metric.
                    self.health.north_star_column = chosen;
                    self.health.card = None;
                }
            }
            Request::Set(NumberSetting::ActivationTarget, v) if v.is_finite() => {
                self.ops.activation_target = Some(v.clamp(0.0, 1.0));
            }
            Request::Set(NumberSetting::CsHeadcount, v) if v.is_finite() && v >= 0.0 => {
                self.ops.cs_headcount = Some(v);
            }
            Request::Set(NumberSetting::FunnelActiveThreshold, v) if v.is_finite() => {
                self.ops.funnel_active_threshold = Some(v);
            }
            Request::Set(..) => {}
            Request::Choose(Choice::FunnelYear(year)) => self.ops.funnel_year = year,
            Request::Choose(Choice::FunnelTier(tier)) => self.ops.funnel_tier = tier,
            Request::Choose(Choice::FunnelSegment(segment)) => {
                self.ops.funnel_segment = segment.filter(|s| !s.is_empty());
            }
            Request::OnboardingScenario {
                from,
                to,
                before,
                after,
            } => {
                self.scenarios.apply(ScenarioAction::AddOnboarding {
                    from,
                    to,
                    before,
                    after,
                });
            }
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::forms::scenario::{GivenName, ScenarioName};
    use crate::model::tiers::Tier;
    use crate::state::Action;
    use std::rc::Rc;
    use yew::Reducible;

    fn apply(state: AppState, action: Action) -> AppState {
        (*Rc::new(state).reduce(action)).clone()
    }

    #[test]
    fn a_column_becomes_the_north_star_and_the_scorecard_follows() {
        let sample = AppState::default();
        let edited = apply(
            sample.clone(),
            Action::EditScorecard(crate::state::ScorecardEdit::Band {
                red: true,
                value: 40.0,
            }),
        );
        assert!(edited.health.card.is_some());
        let state = apply(
            edited,
            Action::Ops(Request::UseAsNorthStar("weekly_active_users".into())),
        );
        // The name is kept, the loaded customers are untouched, the edited card is dropped.
        assert_eq!(
            state.health.north_star_column.as_deref(),
            Some("weekly_active_users")
        );
        assert!(state.dataset.customers == sample.dataset.customers);
        assert_eq!(state.health.card, None);
        // Back to the file's own north star.
        let back = apply(
            state,
            Action::Ops(Request::UseAsNorthStar(NORTH_STAR.into())),
        );
        assert_eq!(back.health.north_star_column, None);
        // An unknown column changes nothing.
        let same = apply(
            sample.clone(),
            Action::Ops(Request::UseAsNorthStar("nope".into())),
        );
        assert_eq!(same, sample);
        // Nor does an outcome of renewal, though the sample has its values.
        let same = apply(
            sample.clone(),
            Action::Ops(Request::UseAsNorthStar("expansion_arr".into())),
        );
        assert_eq!(same, sample);
    }

    #[test]
    fn settings_are_checked_and_kept() {
        let s = apply(
            AppState::default(),
            Action::Ops(Request::Set(NumberSetting::ActivationTarget, 1.7)),
        );
        assert_eq!(s.ops.activation_target, Some(1.0));
        let s = apply(
            s,
            Action::Ops(Request::Set(NumberSetting::CsHeadcount, -2.0)),
        );
        assert_eq!(s.ops.cs_headcount, None);
        let s = apply(
            s,
            Action::Ops(Request::Set(NumberSetting::CsHeadcount, 12.0)),
        );
        assert_eq!(s.ops.cs_headcount, Some(12.0));
        let s = apply(
            s,
            Action::Ops(Request::Choose(Choice::FunnelTier(Some(Tier::Growth)))),
        );
        assert_eq!(s.ops.funnel_tier, Some(Tier::Growth));
        let s = apply(
            s,
            Action::Ops(Request::Choose(Choice::FunnelYear(Some(2025)))),
        );
        assert_eq!(s.ops.funnel_year, Some(2025));
        let s = apply(s, Action::Ops(Request::Choose(Choice::FunnelYear(None))));
        assert_eq!(s.ops.funnel_year, None);
        let s = apply(
            s,
            Action::Ops(Request::Choose(Choice::FunnelSegment(Some("零售".into())))),
        );
        assert_eq!(s.ops.funnel_segment.as_deref(), Some("零售"));
        let s = apply(
            s,
            Action::Ops(Request::Set(NumberSetting::FunnelActiveThreshold, 12.5)),
        );
        assert_eq!(s.ops.funnel_active_threshold, Some(12.5));
        let s = apply(
            s,
            Action::Ops(Request::Set(NumberSetting::FunnelActiveThreshold, f64::NAN)),
        );
        assert_eq!(s.ops.funnel_active_threshold, Some(12.5));
        let reset = apply(s, Action::ResetData);
        assert_eq!(reset.ops, Default::default());
    }

    #[test]
    fn the_onboarding_lever_becomes_a_scenario() {
        // Baseline logo renewal 80 %; the lever moved the data's expected renewal from 70 % to
        // 73 %: the scenario renews 83 %, named after the activation shares 62 % → 72 %.
        let s = apply(
            AppState::default(),
            Action::Ops(Request::OnboardingScenario {
                from: 0.62,
                to: 0.72,
                before: 0.70,
                after: 0.73,
            }),
        );
        assert_eq!(s.scenarios.list.len(), 2);
        let added = &s.scenarios.list[1];
        assert!((added.last_valid.logo_renewal - 0.83).abs() < 1e-9);
        assert_eq!(
            added.name,
            ScenarioName::Given(GivenName::Onboarding { from: 62, to: 72 })
        );
    }
}
