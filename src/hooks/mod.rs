//! The only code that touches browser APIs: storage and the document. Natively (tests, SSR)
//! every browser call is a no-op, so components that use these hooks still render.

pub mod app_context;
pub mod derived;
pub mod download;
pub mod files;
pub mod import;
pub mod keys;
pub mod png;
pub mod share;
pub mod storage;
pub mod svg_patch;
pub mod workbook;

use yew::prelude::*;

use crate::persist::scenario_doc::to_json;
use crate::persist::stored::{
    encode_bridge, encode_health, BRIDGE_KEY, CURRENCY_KEY, HEALTH_KEY, LANG_KEY, SCENARIOS_KEY,
};
use crate::state::AppState;

/// The state the app starts with: whatever this browser saved, else the sample.
pub fn initial_state() -> AppState {
    AppState::restore(
        storage::load(LANG_KEY).as_deref(),
        storage::load(CURRENCY_KEY).as_deref(),
        storage::load(BRIDGE_KEY).as_deref(),
        storage::load(SCENARIOS_KEY).as_deref(),
    )
    .with_stored_health(storage::load(HEALTH_KEY).as_deref())
}

/// Saves the language, currency, bridge inputs, tier rules and working scenarios whenever they
/// change,
/// and keeps the page's `lang` attribute in step (screen readers and CJK font selection
/// depend on it).
#[hook]
pub fn use_persistence(state: &UseReducerHandle<AppState>) {
    let lang = state.lang;
    use_effect_with(lang, |lang| {
        storage::save(LANG_KEY, lang.code());
        storage::set_document_lang(lang.code());
    });
    use_effect_with(state.chosen_currency, |currency| {
        if let Some(currency) = currency {
            storage::save(CURRENCY_KEY, currency.code());
        }
    });
    use_effect_with(state.bridge.clone(), |bridge| {
        storage::save(BRIDGE_KEY, &encode_bridge(bridge));
    });
    use_effect_with(state.health.tier_rules, |rules| {
        storage::save(HEALTH_KEY, &encode_health(rules));
    });
    // The document is written only when the scenarios, the heterogeneity or the Strategy
    // inputs changed.
    let handle = state.clone();
    use_effect_with(
        (
            state.scenarios.clone(),
            state.heterogeneity,
            state.strategy.clone(),
        ),
        move |_| {
            storage::save(SCENARIOS_KEY, &to_json(&handle.scenario_doc()));
        },
    );
}
