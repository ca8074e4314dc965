//! The Strategy section (issue #19): four tools of the source articles side by side, each in
//! its own file. Inputs live in `state::strategy` (memory only); figures come from
//! `derive::strategy` through the hooks of `hooks::derived`.

use yew::prelude::*;

use super::strategy_friction::FrictionTool;
use super::strategy_niche::NicheTool;
use super::strategy_org::OrgTool;
use super::strategy_three_f::ThreeFTool;
use crate::hooks::app_context::use_app;
use crate::i18n::{StrategyCoreKey as KC, StrategyKey as K};

#[component]
pub fn StrategySection() -> Html {
    let lang = use_app().map(|s| s.lang).unwrap_or_default();
    html! {
        <section class="section" data-testid="section-strategy">
            <header class="section__header">
                <h2 class="section__title">{ lang.t(KC::Title) }</h2>
                <p class="section__intro">{ lang.t(K::Intro) }</p>
            </header>
            <FrictionTool />
            <ThreeFTool />
            <NicheTool />
            <OrgTool />
        </section>
    }
}
