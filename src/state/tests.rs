//! The reducer's rules: each action's effect, restoring from storage, opened documents.
use super::*;

fn apply(state: AppState, action: Action) -> AppState {
    (*Rc::new(state).reduce(action)).clone()
}

#[test]
fn invalid_text_keeps_last_valid_inputs() {
    let state = apply(
        AppState::default(),
        Action::SetBridgeText(BridgeField::Churned, "x".into()),
    );
    assert_eq!(state.bridge.churned, "x");
    assert_eq!(state.last_valid_bridge, sample_inputs());
    let state = apply(
        state,
        Action::SetBridgeText(BridgeField::Churned, "0".into()),
    );
    assert_eq!(state.last_valid_bridge.churned_arr, 0.0);
}

#[test]
fn corrupt_storage_gives_sample_and_notice() {
    let state = AppState::restore(Some("en"), Some("EUR"), Some("{broken"), None);
    assert_eq!(state.lang, Lang::En);
    assert_eq!(state.currency(), Currency::Eur);
    assert_eq!(state.bridge, BridgeForm::sample());
    assert_eq!(state.notice, Some(Notice::StoredInputsIgnored));
}

#[test]
fn working_scenarios_survive_a_reload_and_a_broken_copy_is_ignored() {
    use crate::forms::scenario::{Preset, ScenarioAction};
    use crate::persist::scenario_doc::to_json;
    let mut before = AppState::default();
    before
        .scenarios
        .apply(ScenarioAction::AddPreset(Preset::UpsellToNdr120));
    before.heterogeneity.discount = 0.03;
    before
        .strategy
        .apply(StrategyAction::AddTouchpoint(0, "Sign-up".into()));
    before.strategy.apply(StrategyAction::SetPreCharge(0, 18));
    let stored = to_json(&before.scenario_doc());
    let after = AppState::restore(None, None, None, Some(&stored));
    assert_eq!(after.scenarios, before.scenarios);
    assert_eq!(after.heterogeneity.discount, 0.03);
    assert_eq!(after.strategy, before.strategy);
    assert_ne!(after.strategy, StrategyState::default());
    assert_eq!(after.notice, None);
    let broken = AppState::restore(None, None, None, Some(&stored[..40]));
    assert_eq!(broken.scenarios, AppState::default().scenarios);
    assert_eq!(broken.notice, Some(Notice::StoredInputsIgnored));
}

#[test]
fn currency_follows_language_until_chosen() {
    let state = apply(AppState::default(), Action::SetLang(Lang::En));
    assert_eq!(state.currency(), Currency::Usd);
    let state = apply(state, Action::SetCurrency(Currency::Cny));
    assert_eq!(
        apply(state, Action::SetLang(Lang::En)).currency(),
        Currency::Cny
    );
}

#[test]
fn no_op_returns_the_same_state() {
    let state = Rc::new(AppState::default());
    let same = state.clone().reduce(Action::DismissNotice);
    assert!(Rc::ptr_eq(&state, &same));
}

#[test]
fn failed_import_leaves_the_data_untouched() {
    let state = AppState::default();
    let before = state.dataset.clone();
    let failed = crate::io::import::read_paste("");
    let state = apply(state, Action::ImportRead(failed));
    assert!(state.import_error.is_some());
    assert!(state.dataset == before);
}

#[test]
fn confirmed_import_replaces_only_its_part() {
    use crate::io::records::build;
    let state = AppState::default();
    let customers_before = state.dataset.customers.clone();
    let pending =
        crate::io::import::read_paste("customer_id\tmonth\tmrr\nA\t2024-01\t10\n").unwrap();
    let built = build(&pending.table, &pending.mapping).unwrap();
    let state = apply(state, Action::ImportRead(Ok(pending)));
    let state = apply(state, Action::ConfirmImport(Shared::new(built)));
    assert_eq!(state.dataset.subscriptions.len(), 1);
    assert!(state.dataset.customers == customers_before);
    assert!(state.pending_import.is_none());
    let state = apply(state, Action::ResetData);
    assert!(state.dataset.is_sample());
}

#[test]
fn entry_mode_switch_keeps_figures() {
    let state = apply(
        AppState::default(),
        Action::SetEntryMode(EntryMode::PercentOfStart),
    );
    assert_eq!(state.bridge.expansion, "20");
    assert_eq!(state.last_valid_bridge, sample_inputs());
}

#[test]
fn an_opened_document_replaces_the_scenario_inputs_and_says_so() {
    use crate::forms::scenario::{Preset, ScenarioAction};
    let mut source = AppState::default();
    source
        .scenarios
        .apply(ScenarioAction::AddPreset(Preset::RenewalPlus5));
    source.chosen_currency = Some(Currency::Eur);
    source.heterogeneity.discount = 0.02;
    source.strategy.apply(StrategyAction::AddJourney);
    let doc = source.scenario_doc();
    let state = apply(
        AppState::default(),
        Action::OpenScenarioDoc(Box::new(doc.clone()), OpenedFrom::Link),
    );
    assert_eq!(state.scenarios, source.scenarios);
    assert_eq!(state.currency(), Currency::Eur);
    assert_eq!(state.heterogeneity.discount, 0.02);
    assert_eq!(state.strategy.journeys.len(), 2);
    assert_eq!(state.section, Section::Economics);
    assert_eq!(state.economics_view, EconomicsView::Scenarios);
    assert_eq!(state.notice, Some(Notice::Opened(OpenedFrom::Link)));
    assert!(!state.notice.as_ref().is_some_and(Notice::is_problem));
    assert_eq!(
        state.scenario_doc(),
        doc,
        "what opened is what would be shared again"
    );
}

#[test]
fn a_half_typed_bridge_is_shared_from_its_last_valid_inputs() {
    let state = apply(
        AppState::default(),
        Action::SetBridgeText(BridgeField::Churned, "12x".into()),
    );
    assert!(state.scenario_doc().bridge.parse().is_ok());
}

#[test]
fn arrows_step_through_every_section_and_wrap_around() {
    let mut state = AppState::default();
    let mut seen = Vec::new();
    for _ in 0..Section::ALL.len() {
        state = apply(state, Action::StepSection(true));
        seen.push(state.section);
    }
    assert_eq!(
        seen.last(),
        Some(&Section::Economics),
        "back where it started"
    );
    assert_eq!(seen.len(), Section::ALL.len());
    for section in Section::ALL {
        assert!(seen.contains(&section));
    }
    let back = apply(state, Action::StepSection(false));
    assert_eq!(back.section, Section::Data);
}

#[test]
fn showing_a_section_leaves_the_report() {
    let state = apply(AppState::default(), Action::ShowReport(true));
    assert!(state.report);
    let state = apply(state, Action::ShowSection(Section::Health));
    assert!(!state.report);
    let state = apply(state, Action::TogglePresentation);
    assert!(state.presenting);
    assert!(!apply(state, Action::TogglePresentation).presenting);
}

#[test]
fn using_a_cohort_fit_is_one_step_to_the_scenarios() {
    let mut before = AppState::default();
    before.heterogeneity.discount = 0.03;
    before.section = Section::Cohorts;
    before.report = true;
    let fit = crate::model::sbg::Sbg {
        alpha: 0.5,
        beta: 4.0,
    };
    // A quarterly fit: α, β per three months, the discount converted: 1.03³ − 1 = 0.092727.
    let after = apply(before.clone(), Action::UseCohortFit(fit, 3, None));
    assert_eq!(after.heterogeneity.model, fit);
    assert_eq!(after.heterogeneity.period_months, 3);
    assert!(after.heterogeneity.from_cohorts);
    assert!((after.heterogeneity.discount - 0.092727).abs() < 1e-12);
    // A yearly fit from the default 1 % a month: 1.01¹² − 1 = 0.12682503013196977; sent again
    // with the same period the discount stays.
    let yearly = apply(AppState::default(), Action::UseCohortFit(fit, 12, None));
    assert!((yearly.heterogeneity.discount - 0.126_825_030_131_969_77).abs() < 1e-15);
    let again = apply(yearly.clone(), Action::UseCohortFit(fit, 12, None));
    assert!((again.heterogeneity.discount - yearly.heterogeneity.discount).abs() < 1e-15);
    // A period that is not 1, 3 or 12 months is refused: nothing changes.
    assert_eq!(
        apply(before.clone(), Action::UseCohortFit(fit, 5, None)),
        before
    );
    assert_eq!(after.section, Section::Economics);
    assert_eq!(after.economics_view, EconomicsView::Scenarios);
    assert!(!after.report);
}

#[test]
fn the_first_scorecard_edit_starts_from_the_default_card() {
    use crate::model::health::Scorecard;
    let before = AppState::default();
    assert_eq!(before.health.card, None);
    let edit = ScorecardEdit::Weight {
        rule: 1,
        stage: Stage::Renewal,
        weight: 12.0,
    };
    let after = apply(before.clone(), Action::EditScorecard(edit));
    let card = after.health.card.expect("an edited card");
    // Rule 1 of the default card is tickets opened, weighted 5 in every stage.
    assert_eq!(card.rules[1].weights, [5.0, 5.0, 5.0, 12.0]);
    // The north star keeps the default card's data-derived target, not the fallback of 1.
    let default = default_scorecard(&before.dataset.customers);
    assert_eq!(card.rules[0], default.rules[0]);
    assert_ne!(card.rules[0], Scorecard::with_target(1.0).rules[0]);
}

#[test]
fn scorecard_edits_that_do_not_apply_leave_the_state_as_it_was() {
    let state = Rc::new(AppState::default());
    for edit in [
        ScorecardEdit::Weight {
            rule: 0,
            stage: Stage::Steady,
            weight: -1.0,
        },
        ScorecardEdit::Band {
            red: true,
            value: 101.0,
        },
        ScorecardEdit::Remove(99),
        // Worst equal to best: a linear scale with no slope, which the model rejects.
        ScorecardEdit::LinearEnd {
            rule: 1,
            worst: true,
            value: 10.0,
        },
    ] {
        let next = state.clone().reduce(Action::EditScorecard(edit.clone()));
        assert!(Rc::ptr_eq(&state, &next), "{edit:?} changed the state");
    }
}

#[test]
fn resetting_the_scorecard_after_edits_goes_back_to_the_default() {
    let edited = apply(
        AppState::default(),
        Action::EditScorecard(ScorecardEdit::Band {
            red: true,
            value: 40.0,
        }),
    );
    assert_eq!(
        edited.health.card.as_ref().map(|c| c.bands.red_below),
        Some(40.0)
    );
    assert_eq!(apply(edited, Action::ResetScorecard).health.card, None);
}

#[test]
fn stored_tier_rules_are_restored_and_bad_ones_ignored_with_a_notice() {
    use crate::model::tiers::TierRules;
    use crate::persist::stored::encode_health;
    let rules = TierRules {
        growth_min_health: 50.0,
        ..TierRules::default()
    };
    let state = AppState::default().with_stored_health(Some(&encode_health(&rules)));
    assert_eq!(state.health.tier_rules, rules);
    assert_eq!(state.notice, None);
    let broken = AppState::default().with_stored_health(Some("{"));
    assert_eq!(broken.health.tier_rules, TierRules::default());
    assert_eq!(broken.notice, Some(Notice::StoredInputsIgnored));
}

#[test]
fn the_hand_set_heterogeneity_is_per_month_as_its_sliders_say() {
    // The sliders read "mean churn per period" and "1 % discount per period"; the default
    // period is a month (the economics used to apply the setting per year).
    let h = Heterogeneity::default();
    assert_eq!(h.sbg().period_months, 1);
    assert!(!h.from_cohorts);
}

#[test]
fn a_slider_after_a_yearly_fit_keeps_the_year() {
    use crate::forms::economics_form::SAMPLE_INPUTS;
    use crate::model::economics::economics;
    // The FH 2007 "regular" fit (α 0.704077, β 1.182043 per year) sent to the sample with the
    // converted discount, then a slider touched at the same value.
    let fit = crate::model::sbg::Sbg {
        alpha: 0.704077,
        beta: 1.182043,
    };
    let sent = apply(AppState::default(), Action::UseCohortFit(fit, 12, None)).heterogeneity;
    let touched = sent.with_polarisation(sent.model.polarisation());
    assert_eq!(touched.period_months, 12);
    assert!(!touched.from_cohorts);
    assert_eq!(sent.with_mean_churn(0.3).period_months, 12);
    // sBG LTV of the sample baseline with 12-month periods, summed independently in Python
    // (mpmath): 30,427.812363; read as monthly it was 34,884.266476 (+14.6 %).
    let e = economics(&SAMPLE_INPUTS, &touched.sbg()).expect("valid");
    assert!((e.ltv_sbg - 30_427.812_363).abs() < 1e-3, "{}", e.ltv_sbg);
}

mod strategy {
    use super::*;
    use crate::model::strategy::activation::{evaluate, Rating};
    use crate::model::strategy::niche::SegmentRow;
    use crate::model::strategy::three_f::Checklist;

    fn s(state: AppState, action: StrategyAction) -> AppState {
        apply(state, Action::Strategy(action))
    }

    #[test]
    fn a_journey_built_by_hand_evaluates_as_computed() {
        let mut state = s(AppState::default(), StrategyAction::SetPreCharge(0, 5));
        for rating in [Rating::Disliked, Rating::Pleasant, Rating::Annoyed] {
            state = s(state, StrategyAction::AddTouchpoint(0, "t".into()));
            let i = state.strategy.journeys[0].journey.touchpoints.len() - 1;
            state = s(state, StrategyAction::RateTouchpoint(0, i, rating));
        }
        let result = evaluate(&state.strategy.journeys[0].journey);
        assert_eq!(result.net, 5 - 10 + 5 - 20);
        assert_eq!(result.first_negative, Some(1));
    }

    #[test]
    fn an_out_of_range_pre_charge_is_ignored() {
        let state = s(AppState::default(), StrategyAction::SetPreCharge(0, 26));
        assert_eq!(state.strategy.journeys[0].journey.pre_charge.points(), 10);
        let state = s(state, StrategyAction::SetPreCharge(5, 3));
        assert_eq!(state.strategy.journeys.len(), 1);
    }

    #[test]
    fn touchpoints_rename_move_and_delete() {
        let mut state = AppState::default();
        for name in ["a", "b", "c"] {
            state = s(state, StrategyAction::AddTouchpoint(0, name.into()));
        }
        state = s(state, StrategyAction::RenameTouchpoint(0, 0, "A".into()));
        state = s(state, StrategyAction::MoveTouchpoint(0, 0, false));
        state = s(state, StrategyAction::MoveTouchpoint(0, 0, true)); // already first: no-op
        state = s(state, StrategyAction::MoveTouchpoint(0, 2, false)); // already last: no-op
        state = s(state, StrategyAction::RemoveTouchpoint(0, 2));
        state = s(state, StrategyAction::RemoveTouchpoint(0, 9));
        let names: Vec<String> = state.strategy.journeys[0]
            .journey
            .touchpoints
            .iter()
            .map(|t| t.name.text(false))
            .collect();
        assert_eq!(names, ["b", "A"]);
    }

    #[test]
    fn journeys_add_up_to_four_and_never_drop_to_none() {
        let mut state = AppState::default();
        for _ in 0..6 {
            state = s(state, StrategyAction::AddJourney);
        }
        assert_eq!(state.strategy.journeys.len(), 4);
        for _ in 0..6 {
            state = s(state, StrategyAction::RemoveJourney(0));
        }
        assert_eq!(state.strategy.journeys.len(), 1);
        let state = s(state, StrategyAction::SetJourneys(Vec::new()));
        assert_eq!(state.strategy.journeys.len(), 1);
        let presets = crate::derive::strategy::preset_journeys();
        let state = s(state, StrategyAction::SetJourneys(presets.clone()));
        assert_eq!(state.strategy.journeys, presets);
    }

    #[test]
    fn checklist_niche_rows_weights_and_org_inputs_are_taken() {
        let checklist = Checklist::from_fs(true, true, false);
        let state = s(AppState::default(), StrategyAction::SetChecklist(checklist));
        assert_eq!(state.strategy.checklist, checklist);
        let rows = vec![SegmentRow {
            segment: "A".into(),
            ..SegmentRow::default()
        }];
        let state = s(state, StrategyAction::SetNicheRows(Some(rows.clone())));
        assert_eq!(state.strategy.niche_rows, Some(rows));
        let state = s(state, StrategyAction::SetNicheWeight(2, 2.5));
        let state = s(state, StrategyAction::SetNicheWeight(1, f64::NAN));
        let state = s(state, StrategyAction::SetNicheWeight(0, -1.0));
        let state = s(state, StrategyAction::SetNicheWeight(7, 1.0));
        assert_eq!(state.strategy.weights.0, [1.0, 1.0, 2.5, 1.0]);
        let mut org = state.strategy.org;
        org.customers = 42.0;
        let state = s(state, StrategyAction::SetOrg(org));
        assert_eq!(state.strategy.org.customers, 42.0);
    }

    #[test]
    fn strategy_is_the_last_section_and_stepping_wraps_to_it() {
        let state = AppState {
            section: Section::Data,
            ..AppState::default()
        };
        let state = apply(state, Action::StepSection(false));
        assert_eq!(state.section, Section::Strategy);
        assert_eq!(Section::Strategy.slug(), "strategy");
    }
}
