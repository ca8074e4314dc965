//! What each section shows, memoised: every hook reads the app state, picks the typed slices a
//! `derive` function depends on and recomputes only when one of them changes. `None` outside
//! `App`'s provider.

use std::rc::Rc;

use yew::prelude::*;

use super::use_app;
use crate::derive::economics::{self, BridgeFigures, ScenariosFigures};

/// The NDR bridge of the last valid inputs (a half-typed field changes nothing).
#[hook]
pub fn use_bridge() -> Rc<Option<BridgeFigures>> {
    let state = use_app();
    let deps = state
        .as_ref()
        .map(|s| (s.last_valid_bridge, s.lang, s.currency()));
    use_memo(deps, |deps| {
        deps.map(|(inputs, lang, currency)| economics::bridge_figures(&inputs, lang, currency))
    })
}

/// The scenarios' economics, projection, LTV bars and tornados.
#[hook]
pub fn use_scenarios() -> Rc<Option<ScenariosFigures>> {
    let state = use_app();
    let deps = state.as_ref().map(|s| {
        (
            economics::scenario_inputs(&s.scenarios),
            s.heterogeneity,
            s.lang,
            s.currency(),
        )
    });
    use_memo(deps, |deps| {
        deps.as_ref().map(|(list, heterogeneity, lang, currency)| {
            economics::scenarios(list, heterogeneity, *lang, *currency)
        })
    })
}
