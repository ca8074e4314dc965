//! App state and the actions that change it. `reduce` is pure: storage, URL and other browser
//! effects live in `hooks/`, which read this state and write it out.

use std::rc::Rc;

use yew::Reducible;

use crate::data::bridge_form::{BridgeField, BridgeForm, EntryMode};
use crate::data::stored;
use crate::i18n::{Currency, Lang};
use crate::model::retention::BridgeInputs;

/// A message shown in the error banner until dismissed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// Saved inputs could not be read and were replaced by the sample.
    StoredInputsIgnored,
}

/// The sections of the app; only those that work are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Section {
    #[default]
    Economics,
}

impl Section {
    pub const ALL: [Section; 1] = [Section::Economics];

    /// The `data-testid` suffix of its navigation entry.
    pub fn slug(self) -> &'static str {
        match self {
            Section::Economics => "economics",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub lang: Lang,
    /// `None` follows the language (¥ for zh, $ for en) until the user picks one.
    pub chosen_currency: Option<Currency>,
    pub section: Section,
    pub bridge: BridgeForm,
    /// The last inputs that parsed, shown while a field holds an error.
    pub last_valid_bridge: BridgeInputs,
    pub notice: Option<Notice>,
}

pub enum Action {
    SetLang(Lang),
    SetCurrency(Currency),
    ShowSection(Section),
    SetBridgeText(BridgeField, String),
    SetEntryMode(EntryMode),
    ResetSample,
    DismissNotice,
}

impl Default for AppState {
    fn default() -> Self {
        let bridge = BridgeForm::sample();
        let last_valid_bridge = sample_inputs();
        AppState {
            lang: Lang::default(),
            chosen_currency: None,
            section: Section::default(),
            bridge,
            last_valid_bridge,
            notice: None,
        }
    }
}

fn sample_inputs() -> BridgeInputs {
    // The sample is a constant known to parse (tested); the fallback only keeps this total.
    BridgeForm::sample().parse().unwrap_or(BridgeInputs {
        start_arr: 1.0,
        churned_arr: 0.0,
        contraction_arr: 0.0,
        expansion_arr: 0.0,
    })
}

impl AppState {
    /// Builds the start-up state from what the browser had stored (each `None` when absent).
    /// Anything unreadable is ignored with a notice; a stored form with a half-typed field is
    /// kept as typed, with the sample as the last valid inputs.
    pub fn restore(lang: Option<&str>, currency: Option<&str>, bridge: Option<&str>) -> AppState {
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
        state
    }

    pub fn currency(&self) -> Currency {
        self.chosen_currency
            .unwrap_or_else(|| self.lang.default_currency())
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetLang(lang) => next.lang = lang,
            Action::SetCurrency(currency) => next.chosen_currency = Some(currency),
            Action::ShowSection(section) => next.section = section,
            Action::SetBridgeText(field, text) => {
                next.bridge.set_text(field, text);
                if let Ok(inputs) = next.bridge.parse() {
                    next.last_valid_bridge = inputs;
                }
            }
            Action::SetEntryMode(mode) => {
                let inputs = next.bridge.parse().unwrap_or(next.last_valid_bridge);
                next.bridge = BridgeForm::from_inputs(&inputs, mode);
            }
            Action::ResetSample => {
                next.bridge = BridgeForm::sample();
                next.last_valid_bridge = sample_inputs();
            }
            Action::DismissNotice => next.notice = None,
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[cfg(test)]
mod tests {
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
        let state = AppState::restore(Some("en"), Some("EUR"), Some("{broken"));
        assert_eq!(state.lang, Lang::En);
        assert_eq!(state.currency(), Currency::Eur);
        assert_eq!(state.bridge, BridgeForm::sample());
        assert_eq!(state.notice, Some(Notice::StoredInputsIgnored));
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
    fn entry_mode_switch_keeps_figures() {
        let state = apply(
            AppState::default(),
            Action::SetEntryMode(EntryMode::PercentOfStart),
        );
        assert_eq!(state.bridge.expansion, "20");
        assert_eq!(state.last_valid_bridge, sample_inputs());
    }
}
