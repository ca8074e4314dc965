use std::rc::Rc;

use yew::prelude::*;

use super::chart_figure::{shown, ChartFigure};
use super::heterogeneity_panel::HeterogeneityPanel;
use super::scenario_table::ScenarioTable;
use crate::chart::ltv_bars;
use crate::chart::projection::{self, Projection};
use crate::chart::tornado;
use crate::hooks::app_context::use_app;
use crate::hooks::derived::use_scenarios;
use crate::i18n::{
    chart_model_error_text, format_money, format_percent, Currency, EconKey, Lang, WorkshopKey,
};

/// Which chart the scenarios view shows. One at a time: each is readable on a projector,
/// and only the visible one is redrawn on every edit (plotters measures each text label
/// through the DOM in the browser, which is the costly part of a redraw).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ChartTab {
    Projection,
    Ltv,
    Sensitivity,
}

/// Scenarios side by side, one chart about them, and the heterogeneity setting.
#[component]
pub fn ScenariosView() -> Html {
    let tab = use_state(|| ChartTab::Projection);
    // Each tornado's last value axis, kept while a slider moves (see `tornado::draw`).
    let tornado_axes = use_mut_ref(|| [None, None]);
    let figures = use_scenarios();
    let Some(state) = use_app() else {
        return html! {};
    };
    let Some(figures) = figures.as_ref() else {
        return html! {};
    };
    let lang = state.lang;
    let currency = state.currency();
    let money = move |v: f64| format_money(v, lang, currency);
    let charts = match *tab {
        ChartTab::Projection => {
            let svg = projection_svg(&figures.projection, lang, currency);
            html! { <ChartFigure name="revenue-projection" {svg} source={lang.t(WorkshopKey::SourceInputs)} /> }
        }
        ChartTab::Ltv => {
            let svg = shown(ltv_bars::draw(&figures.ltv, &money), lang);
            html! { <ChartFigure name="ltv-comparison" {svg} source={lang.t(WorkshopKey::SourceInputs)} /> }
        }
        ChartTab::Sensitivity => match &figures.tornados {
            Some(tornados) => {
                let [mut ltv_axis, mut ndr_axis] = tornado_axes.take();
                let (ltv, ndr) = match tornados {
                    Ok([ltv, ndr]) => (
                        shown(tornado::draw(ltv, &mut ltv_axis, &money), lang),
                        shown(
                            tornado::draw(ndr, &mut ndr_axis, &|v| format_percent(v)),
                            lang,
                        ),
                    ),
                    Err(e) => {
                        let failed = AttrValue::from(chart_model_error_text(lang, e));
                        (Err(failed.clone()), Err(failed))
                    }
                };
                tornado_axes.replace([ltv_axis, ndr_axis]);
                html! {
                    <div class="scenarios-charts">
                        <ChartFigure name="tornado-ltv" svg={ltv} source={lang.t(WorkshopKey::SourceInputs)} />
                        <ChartFigure name="tornado-ndr" svg={ndr} source={lang.t(WorkshopKey::SourceInputs)} />
                    </div>
                }
            }
            None => html! {},
        },
    };
    let tab_button = |target: ChartTab, id: &'static str, key: EconKey| {
        let tab_handle = tab.clone();
        let onclick = Callback::from(move |_: MouseEvent| tab_handle.set(target));
        let class = classes!(
            "tabs__item",
            (*tab == target).then_some("tabs__item--active")
        );
        html! { <button type="button" {class} data-testid={id} {onclick}>{ lang.t(key) }</button> }
    };
    html! {
        <div class="scenarios-view">
            <header class="section__header">
                <h2 class="section__title">{ lang.t(EconKey::ScenariosTitle) }</h2>
                <p class="section__intro">{ lang.t(EconKey::ScenariosIntro) }</p>
            </header>
            <ScenarioTable rows={Rc::new(figures.rows.clone())} />
            <div class="tabs scenarios-view__tabs">
                { tab_button(ChartTab::Projection, "chart-tab-projection", EconKey::TabProjection) }
                { tab_button(ChartTab::Ltv, "chart-tab-ltv", EconKey::TabLtv) }
                { tab_button(ChartTab::Sensitivity, "chart-tab-sensitivity", EconKey::TabSensitivity) }
            </div>
            { charts }
            <HeterogeneityPanel />
        </div>
    }
}

/// Revenue from today's customers and with new business, one colour per scenario.
pub(crate) fn projection_svg(
    chart: &Projection,
    lang: Lang,
    currency: Currency,
) -> Result<AttrValue, AttrValue> {
    shown(
        projection::draw(chart, &|v| format_money(v, lang, currency)),
        lang,
    )
}
