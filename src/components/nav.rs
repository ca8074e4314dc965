use yew::prelude::*;

use crate::hooks::app_context::use_app;
use crate::i18n::{CohortKey, HealthKey, Key};
use crate::state::{Action, Section};

/// Navigation between the sections that work.
#[component]
pub fn Nav() -> Html {
    let Some(state) = use_app() else {
        return html! {};
    };
    let lang = state.lang;
    let shown = state.section;
    html! {
        <nav class="nav">
            { for Section::ALL.iter().map(|&section| {
                let label = match section {
                    Section::Data => lang.t(Key::NavData),
                    Section::Economics => lang.t(Key::NavEconomics),
                    Section::Health => lang.t(HealthKey::NavHealth),
                    Section::Renewal => lang.t(HealthKey::NavRenewal),
                    Section::Cohorts => lang.t(CohortKey::Nav),
                    Section::Operations => lang.t(crate::i18n::OpsKey::Nav),
                    Section::Team => lang.t(crate::i18n::OpsKey::TeamNav),
                    Section::Strategy => lang.t(crate::i18n::StrategyKey::Nav),
                };
                let onclick = {
                    let state = state.clone();
                    Callback::from(move |_: MouseEvent| state.dispatch(Action::ShowSection(section)))
                };
                let class = classes!("nav__item", (section == shown).then_some("nav__item--active"));
                html! {
                    <button type="button" {class} data-testid={format!("nav-{}", section.slug())} {onclick}>
                        { label }
                    </button>
                }
            }) }
        </nav>
    }
}
