//! The state the app starts with, built from what this browser stored: each value is decoded
//! by its versioned reader, and anything unreadable is ignored with a notice.

use super::{AppState, Notice};
use crate::i18n::{Currency, Lang};
use crate::persist::stored;

impl AppState {
    /// Builds the start-up state from what the browser had stored (each `None` when absent):
    /// language, currency, the bridge form and the working scenarios (a scenario document).
    /// Anything unreadable is ignored with a notice; a stored form with a half-typed field is
    /// kept as typed, with the sample as the last valid inputs.
    pub fn restore(
        lang: Option<&str>,
        currency: Option<&str>,
        bridge: Option<&str>,
        scenarios: Option<&str>,
    ) -> AppState {
        let mut state = AppState {
            lang: lang.and_then(Lang::from_code).unwrap_or_default(),
            chosen_currency: currency.and_then(Currency::from_code),
            ..AppState::default()
        };
        if let Some(text) = bridge {
            match stored::decode_bridge(text) {
                Ok(form) => {
                    if let Ok(inputs) = form.parse() {
                        state.last_valid_bridge = inputs;
                    }
                    state.bridge = form;
                }
                Err(_) => state.notice = Some(Notice::StoredInputsIgnored),
            }
        }
        if let Some(text) = scenarios {
            match crate::persist::scenario_doc::from_json(text) {
                Ok(doc) => state.take_doc_inputs(doc),
                Err(_) => state.notice = Some(Notice::StoredInputsIgnored),
            }
        }
        state
    }

    /// The state with the Health settings this browser kept (the tier rules); an unreadable
    /// value is ignored with the same notice as other stored inputs.
    pub fn with_stored_health(mut self, text: Option<&str>) -> AppState {
        if let Some(text) = text {
            match stored::decode_health(text) {
                Ok(rules) => self.health.tier_rules = rules,
                Err(_) => self.notice = Some(Notice::StoredInputsIgnored),
            }
        }
        self
    }
}
