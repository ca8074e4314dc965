//! The Strategy module's root (`src/bin/strategy_app.rs` mounts it): its own app state with
//! the Strategy section in it, kept in step with the page through `state::strategy_link`.
//! The page never links this file, so the section's forms and charts are not in its download.

use yew::prelude::*;

use super::sections::strategy::StrategySection;
use crate::hooks::strategy_link::{send, use_message};
use crate::state::strategy_link::{StrategySnapshot, SNAPSHOT_EVENT, STRATEGY_EVENT};
use crate::state::{Action, AppContext, AppState, Section};

#[derive(Properties, PartialEq)]
pub struct StrategyAppProps {
    /// The element the module is mounted in: messages come and go through it.
    pub root: web_sys::Element,
    pub snapshot: StrategySnapshot,
}

#[component]
pub fn StrategyApp(props: &StrategyAppProps) -> Html {
    let state = use_reducer({
        let snapshot = props.snapshot.clone();
        move || {
            let mut state = AppState {
                section: Section::Strategy,
                ..AppState::default()
            };
            state.take_snapshot(snapshot);
            state
        }
    });
    let on_snapshot = {
        let state = state.clone();
        Callback::from(move |json: String| {
            if let Ok(snapshot) = serde_json::from_str::<StrategySnapshot>(&json) {
                state.dispatch(Action::Snapshot(Box::new(snapshot)));
            }
        })
    };
    use_message(Some(props.root.clone()), SNAPSHOT_EVENT, on_snapshot);
    {
        let root = props.root.clone();
        use_effect_with(state.strategy.clone(), move |strategy| {
            send(
                &root,
                STRATEGY_EVENT,
                &serde_json::to_string(strategy).unwrap_or_default(),
            );
        });
    }
    html! {
        <ContextProvider<AppContext> context={state}>
            <StrategySection />
        </ContextProvider<AppContext>>
    }
}
