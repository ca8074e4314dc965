use std::rc::Rc;

use yew::prelude::*;

use super::chart_figure::ChartFigure;
use super::heterogeneity_panel::HeterogeneityPanel;
use super::scenario_table::ScenarioTable;
use super::AppContext;
use crate::chart::projection::{self, Projection, ScenarioSeries};
use crate::i18n::{format_money, EconKey, Key};
use crate::model::economics::{economics, Economics};

/// Scenarios side by side, their revenue projection, and the heterogeneity setting.
#[component]
pub fn ScenariosView() -> Html {
    let state = use_context::<AppContext>();
    let deps = state.as_ref().map(|s| {
        let inputs: Vec<_> = s.scenarios.list.iter().map(|sc| sc.last_valid).collect();
        (inputs, s.heterogeneity)
    });
    // Recomputed only when a scenario's valid inputs or the heterogeneity setting change.
    let results = use_memo(deps, |deps| {
        let Some((inputs, heterogeneity)) = deps else {
            return Vec::new();
        };
        inputs
            .iter()
            .map(|i| {
                economics(i, (&heterogeneity.model, heterogeneity.from_cohorts))
                    .map_err(|e| e.to_string())
            })
            .collect::<Vec<Result<Economics, String>>>()
    });
    let Some(state) = state else {
        return html! {};
    };
    let lang = state.lang;
    let currency = state.currency();
    let chart = Projection {
        title: lang.t(EconKey::ProjectionTitle).into(),
        x_label: lang.t(EconKey::Years).into(),
        y_label: format!(
            "{} ({})",
            lang.t(EconKey::ProjectionAxis),
            currency.symbol()
        ),
        existing_label: lang.t(EconKey::ExistingRevenue).into(),
        total_label: lang.t(EconKey::WithNewBusiness).into(),
        scenarios: state
            .scenarios
            .list
            .iter()
            .zip(results.iter())
            .enumerate()
            .filter_map(|(i, (_, r))| r.as_ref().ok().map(|e| (i, e)))
            .map(|(i, e)| ScenarioSeries {
                name: state.scenarios.display_name(i, lang.t(EconKey::Baseline)),
                existing: e.existing_revenue.clone(),
                total: e.total_revenue.clone(),
            })
            .collect(),
    };
    let svg = projection::draw(&chart, &|v| format_money(v, lang, currency))
        .map(AttrValue::from)
        .map_err(|e| AttrValue::from(Key::fill(lang.t(Key::ChartError), &[&e.to_string()])));
    html! {
        <div class="scenarios-view">
            <header class="section__header">
                <h2 class="section__title">{ lang.t(EconKey::ScenariosTitle) }</h2>
                <p class="section__intro">{ lang.t(EconKey::ScenariosIntro) }</p>
            </header>
            <ScenarioTable results={Rc::new((*results).clone())} />
            <ChartFigure name="revenue-projection" {svg} />
            <HeterogeneityPanel />
        </div>
    }
}
