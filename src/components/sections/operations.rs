//! The Operations and Team sections (issue 18): panels computed by `derive::operations`,
//! drawn by `panel_view`; their buttons and settings come back as `Action::Ops`.

use yew::prelude::*;

use crate::components::panel_view::panel_view;
use crate::derive::panel::Request;
use crate::i18n::{error_text, OpsKey as K};
use crate::state::ops_panels::{use_ops_panels, OpsPanels};
use crate::state::{use_app, Action};

#[derive(Properties, PartialEq)]
pub struct OperationsProps {
    /// The Team section's panels (tier board, CSM books) instead of the Operations ones.
    pub team: bool,
}

#[component]
pub fn OperationsSection(props: &OperationsProps) -> Html {
    let panels = use_ops_panels(props.team);
    let Some(state) = use_app() else {
        return html! {};
    };
    let lang = state.lang;
    let on_request = {
        let state = state.clone();
        Callback::from(move |request: Request| state.dispatch(Action::Ops(request)))
    };
    let (id, title, intro) = if props.team {
        ("section-team", K::TeamTitle, K::TeamIntro)
    } else {
        ("section-operations", K::Title, K::Intro)
    };
    let body = match panels {
        _ if state.dataset.customers.is_empty() => {
            html! { <p class="panel__notice">{ lang.t(K::NoCustomers) }</p> }
        }
        OpsPanels::Ready(panels) => panels
            .iter()
            .map(|p| panel_view(p, lang, &on_request))
            .collect::<Html>(),
        OpsPanels::Working => {
            html! { <p class="panel__notice" data-testid="ops-working">{ lang.t(K::Working) }</p> }
        }
        OpsPanels::Failed(failure) => html! {
            <p class="panel__notice" role="alert" data-testid="ops-failed">
                { lang.fill(K::Failed, &[("reason", &error_text(lang, &failure))]) }
            </p>
        },
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
