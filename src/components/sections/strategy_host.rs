//! The page's side of the Strategy section: an empty host the Strategy module (fetched the
//! first time the section opens, `src/bin/strategy_app.rs`) mounts into. It sends the module
//! what the tools read and takes back the edited inputs (`state::strategy_link`).

use yew::prelude::*;

use crate::hooks::strategy_link::{mount, send, use_message};
use crate::i18n::OpsKey;
use crate::state::dataset::Shared;
use crate::state::strategy_link::{
    strategy_message, StrategySnapshot, SNAPSHOT_EVENT, STRATEGY_EVENT,
};
use crate::state::use_app;

#[component]
pub fn StrategyHost() -> Html {
    let host = use_node_ref();
    let inner = use_state(|| None::<web_sys::Element>);
    // The customers the module has: sent again only when another set is loaded.
    let sent = use_mut_ref(|| None::<Shared<Vec<crate::model::portfolio::Customer>>>);
    let state = use_app();
    {
        let (host, inner, state, sent) = (host.clone(), inner.clone(), state.clone(), sent.clone());
        use_effect_with((), move |_| {
            if let (Some(h), Some(s)) = (host.cast::<web_sys::Element>(), state.as_ref()) {
                *sent.borrow_mut() = Some(s.dataset.customers.clone());
                inner.set(mount(&h, &StrategySnapshot::of(s, true).to_json()));
            }
        });
    }
    let changes = state.as_ref().map(|s| {
        (
            s.lang,
            s.chosen_currency,
            s.strategy.clone(),
            s.dataset.customers.clone(),
        )
    });
    {
        let (inner, state, sent) = (inner.clone(), state.clone(), sent.clone());
        use_effect_with(changes, move |changes| {
            if let (Some(target), Some(s), Some((.., customers))) =
                (inner.as_ref(), state.as_ref(), changes.as_ref())
            {
                let fresh = sent.borrow().as_ref() != Some(customers);
                if fresh {
                    *sent.borrow_mut() = Some(customers.clone());
                }
                send(
                    target,
                    SNAPSHOT_EVENT,
                    &StrategySnapshot::of(s, fresh).to_json(),
                );
            }
        });
    }
    let on_message = {
        let state = state.clone();
        Callback::from(move |json: String| {
            if let (Some(s), Some(action)) = (state.as_ref(), strategy_message(&json)) {
                s.dispatch(action);
            }
        })
    };
    use_message((*inner).clone(), STRATEGY_EVENT, on_message);
    let lang = state.as_ref().map(|s| s.lang).unwrap_or_default();
    html! {
        <div class="strategy-host" ref={host} data-loading={lang.t(OpsKey::StrategyLoading)}
             data-failed={lang.t(OpsKey::StrategyFailed)} data-testid="strategy-host"></div>
    }
}
