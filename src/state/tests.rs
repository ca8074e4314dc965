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
    use crate::data::scenario::{Preset, ScenarioAction};
    use crate::data::scenario_doc::to_json;
    let mut before = AppState::default();
    before.scenarios.apply(ScenarioAction::AddPreset(
        Preset::UpsellToNdr120,
        "NDR 120".into(),
    ));
    before.heterogeneity.discount = 0.03;
    let stored = to_json(&before.scenario_doc());
    let after = AppState::restore(None, None, None, Some(&stored));
    assert_eq!(after.scenarios, before.scenarios);
    assert_eq!(after.heterogeneity.discount, 0.03);
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
    let failed = crate::data::import::read_paste("");
    let state = apply(state, Action::ImportRead(failed));
    assert!(state.import_error.is_some());
    assert!(state.dataset == before);
}

#[test]
fn confirmed_import_replaces_only_its_part() {
    use crate::data::records::build;
    let state = AppState::default();
    let customers_before = state.dataset.customers.clone();
    let pending =
        crate::data::import::read_paste("customer_id\tmonth\tmrr\nA\t2024-01\t10\n").unwrap();
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
    use crate::data::scenario::{Preset, ScenarioAction};
    let mut source = AppState::default();
    source.scenarios.apply(ScenarioAction::AddPreset(
        Preset::RenewalPlus5,
        "Plan".into(),
    ));
    source.chosen_currency = Some(Currency::Eur);
    source.heterogeneity.discount = 0.02;
    let doc = source.scenario_doc();
    let state = apply(
        AppState::default(),
        Action::OpenScenarioDoc(Box::new(doc.clone()), OpenedFrom::Link),
    );
    assert_eq!(state.scenarios, source.scenarios);
    assert_eq!(state.currency(), Currency::Eur);
    assert_eq!(state.heterogeneity.discount, 0.02);
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
fn the_hand_set_heterogeneity_is_per_month_as_its_sliders_say() {
    // The sliders read "mean churn per month" and "1 % discount per month"; the economics
    // used to apply the setting per year.
    let h = Heterogeneity::default();
    assert_eq!(h.sbg().period_months, 1);
    assert!(!h.from_cohorts);
}
