//! The Strategy section runs as its own module, fetched the first time the section opens
//! (`src/bin/strategy_app.rs`), so its forms and charts stay out of the page's first load.
//! The page and the module talk through two DOM events on the section's root element, each
//! carrying JSON:
//! - `rl-snapshot` (page → module): what the tools read from the page ([`StrategySnapshot`]);
//! - `rl-strategy` (module → page): the Strategy inputs after an edit ([`StrategyState`]),
//!   which the page keeps, saves and shares like every other input.

use serde::{Deserialize, Serialize};

use super::{Action, AppState, StrategyAction, StrategyState};
use crate::forms::strategy_inputs::validate;
use crate::i18n::{Currency, Lang};
use crate::model::portfolio::Customer;

/// The event the page sends with a [`StrategySnapshot`].
pub const SNAPSHOT_EVENT: &str = "rl-snapshot";
/// The event the module sends with the edited [`StrategyState`].
pub const STRATEGY_EVENT: &str = "rl-strategy";

/// What the Strategy tools read from the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StrategySnapshot {
    pub lang: Lang,
    pub currency: Option<Currency>,
    pub strategy: StrategyState,
    /// The loaded customers (the niche tool drafts its rows from their segments); `None`
    /// when they did not change since the last snapshot.
    pub customers: Option<Vec<Customer>>,
}

impl StrategySnapshot {
    /// The snapshot of the page's state, with its customers when `with_customers`.
    pub fn of(state: &AppState, with_customers: bool) -> StrategySnapshot {
        StrategySnapshot {
            lang: state.lang,
            currency: state.chosen_currency,
            strategy: state.strategy.clone(),
            customers: with_customers.then(|| state.dataset.customers.to_vec()),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

impl AppState {
    /// The module's state takes the page's snapshot.
    pub fn take_snapshot(&mut self, snapshot: StrategySnapshot) {
        self.lang = snapshot.lang;
        self.chosen_currency = snapshot.currency;
        self.strategy = snapshot.strategy;
        if let Some(customers) = snapshot.customers {
            self.dataset.customers = super::dataset::Shared::new(customers);
        }
    }
}

/// The page's action for a `rl-strategy` message: the inputs, if they read and are valid.
pub fn strategy_message(json: &str) -> Option<Action> {
    let state: StrategyState = serde_json::from_str(json).ok()?;
    validate(&state).ok()?;
    Some(Action::Strategy(StrategyAction::Replace(state)))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use std::rc::Rc;
    use yew::Reducible;

    #[test]
    fn a_snapshot_travels_and_the_edited_inputs_come_back() {
        let mut page = AppState {
            lang: Lang::En,
            ..AppState::default()
        };
        page.strategy.apply(StrategyAction::SetPreCharge(0, 3));
        let snapshot = StrategySnapshot::of(&page, true);
        let back: StrategySnapshot =
            serde_json::from_str(&snapshot.to_json()).unwrap_or_else(|_| unreachable!());
        let module = Rc::new(AppState::default()).reduce(Action::Snapshot(Box::new(back)));
        assert_eq!(module.lang, Lang::En);
        assert_eq!(module.strategy, page.strategy);
        assert_eq!(module.dataset.customers.len(), page.dataset.customers.len());
        // The module's edit, back on the page.
        let mut edited = module.strategy.clone();
        edited.apply(StrategyAction::AddJourney);
        let json = serde_json::to_string(&edited).unwrap_or_default();
        let Some(action) = strategy_message(&json) else {
            unreachable!("a valid message")
        };
        let page = Rc::new(page).reduce(action);
        assert_eq!(page.strategy, edited);
        // A broken or invalid message changes nothing.
        assert!(strategy_message("{oops").is_none());
        edited.journeys.clear();
        assert!(strategy_message(&serde_json::to_string(&edited).unwrap_or_default()).is_none());
    }
}
