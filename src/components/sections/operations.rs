//! The Operations and Team sections (issue 18): panels computed by `derive::operations`,
//! drawn by `panel_view`; their buttons and settings come back as `Action::Ops`.

use yew::prelude::*;

use crate::components::panel_view::PanelView;
use crate::derive::operations::PanelSet;
use crate::derive::panel::Request;
use crate::hooks::app_context::use_app;
use crate::hooks::derived::use_ops_panels;
use crate::i18n::OpsKey as K;
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct OperationsProps {
    /// The Operations section's panels, or the Team section's (tier board, CSM books).
    pub set: PanelSet,
}

#[component]
pub fn OperationsSection(props: &OperationsProps) -> Html {
    let panels = use_ops_panels(props.set);
    let Some(state) = use_app() else {
        return html! {};
    };
    let lang = state.lang;
    let on_request = {
        let state = state.clone();
        Callback::from(move |request: Request| state.dispatch(Action::Ops(request)))
    };
    let (id, title, intro) = match props.set {
        PanelSet::Team => ("section-team", K::TeamTitle, K::TeamIntro),
        PanelSet::Operations => ("section-operations", K::Title, K::Intro),
    };
    let body = match panels.as_ref() {
        Some(panels) if !state.dataset.customers.is_empty() => panels
            .iter()
            .map(|p| html! { <PanelView panel={p.clone()} on_request={on_request.clone()} /> })
            .collect::<Html>(),
        _ => html! { <p class="panel__notice">{ lang.t(K::NoCustomers) }</p> },
    };
    html! {
        <section class="section" data-testid={id}>
            <header class="section__header">
                <h2 class="section__title">{ lang.t(title) }</h2>
                <p class="section__intro">{ lang.t(intro) }</p>
            </header>
            { body }
        </section>
    }
}
