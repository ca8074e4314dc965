use std::ops::Range;
use std::rc::Rc;

use yew::prelude::*;

use super::chart_figure::ChartFigure;
use super::heterogeneity_panel::HeterogeneityPanel;
use super::scenario_table::ScenarioTable;
use super::AppContext;
use crate::chart::ltv_bars::{self, LtvBars, LtvGroup};
use crate::chart::projection::{self, Projection, ScenarioSeries};
use crate::chart::tornado::{self, Tornado, TornadoBar};
use crate::chart::ChartError;
use crate::i18n::{
    chart_model_error_text, error_text, format_money, format_percent, scenario_name, Currency,
    EconKey, Lang, WorkshopKey,
};
use crate::model::economics::{economics, Economics, EconomicsInputs};
use crate::model::error::ModelError;
use crate::model::sensitivity::{perturb, Lever, Perturbed};
use crate::state::{AppState, Heterogeneity};

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
    let state = use_context::<AppContext>();
    let deps = state.as_ref().map(|s| {
        let inputs: Vec<_> = s.scenarios.list.iter().map(|sc| sc.last_valid).collect();
        (inputs, s.heterogeneity)
    });
    // Recomputed only when a scenario's valid inputs or the heterogeneity setting change.
    let results = use_memo(deps, |deps| match deps {
        Some((inputs, heterogeneity)) => scenario_economics(inputs, heterogeneity),
        None => Vec::new(),
    });
    let Some(state) = state else {
        return html! {};
    };
    let lang = state.lang;
    let currency = state.currency();
    let names = scenario_names(&state, lang);
    let valid = with_names(&names, &results);
    let charts = match *tab {
        ChartTab::Projection => {
            let svg = projection_svg(&valid, lang, currency);
            html! { <ChartFigure name="revenue-projection" {svg} source={lang.t(WorkshopKey::SourceInputs)} /> }
        }
        ChartTab::Ltv => {
            let bars = LtvBars {
                title: lang.t(EconKey::LtvBarsTitle).into(),
                y_label: format!("LTV ({})", currency.symbol()),
                methods: [
                    lang.t(EconKey::Simple).into(),
                    lang.t(EconKey::Discounted).into(),
                    lang.t(EconKey::Sbg).into(),
                ],
                groups: valid
                    .iter()
                    .map(|(name, e)| LtvGroup {
                        scenario: (*name).clone(),
                        values: [
                            e.ltv_simple.unwrap_or(f64::NAN),
                            e.ltv_discounted,
                            e.ltv_sbg,
                        ],
                    })
                    .collect(),
            };
            let svg = shown(
                ltv_bars::draw(&bars, &|v| format_money(v, lang, currency)),
                lang,
            );
            html! { <ChartFigure name="ltv-comparison" {svg} source={lang.t(WorkshopKey::SourceInputs)} /> }
        }
        ChartTab::Sensitivity => match state.scenarios.list.first().map(|s| s.last_valid) {
            Some(inputs) => {
                let h = state.heterogeneity;
                let perturbed = perturb(&inputs, &h.sbg())
                    .map_err(|e| AttrValue::from(chart_model_error_text(lang, &e)));
                let [mut ltv_axis, mut ndr_axis] = tornado_axes.take();
                let ltv = tornado_svg(&perturbed, lang, currency, Metric::Ltv, &mut ltv_axis);
                let ndr = tornado_svg(&perturbed, lang, currency, Metric::Ndr, &mut ndr_axis);
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
            <ScenarioTable results={Rc::new((*results).clone())} />
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

#[derive(Clone, Copy)]
enum Metric {
    Ltv,
    Ndr,
}

/// The baseline's tornado for one metric, drawn from the economics perturbed once for both, on
/// the axis it was last drawn on if that still suits (`axis` is updated).
fn tornado_svg(
    perturbed: &Result<Perturbed, AttrValue>,
    lang: Lang,
    currency: Currency,
    metric: Metric,
    axis: &mut Option<Range<f64>>,
) -> Result<AttrValue, AttrValue> {
    let (get, title): (fn(&Economics) -> f64, EconKey) = match metric {
        Metric::Ltv => (|e| e.ltv_discounted, EconKey::TornadoLtvTitle),
        Metric::Ndr => (|e| e.ndr, EconKey::TornadoNdrTitle),
    };
    let (base, moved) = perturbed.as_ref().map_err(Clone::clone)?.swings(get);
    let chart = Tornado {
        title: lang.t(title).into(),
        x_label: match metric {
            Metric::Ltv => format!("LTV ({})", currency.symbol()),
            Metric::Ndr => "NDR (%)".into(),
        },
        low_label: lang.t(EconKey::Minus10).into(),
        high_label: lang.t(EconKey::Plus10).into(),
        base,
        // The six levers that move the metric most; levers that do not move it are left out.
        bars: moved
            .iter()
            .filter(|s| (s.high - s.low).abs() > 1e-9 * base.abs().max(1.0))
            .take(6)
            .map(|s| TornadoBar {
                label: lang.t(lever_label(s.lever)).into(),
                low: s.low,
                high: s.high,
            })
            .collect(),
    };
    let format = move |v: f64| match metric {
        Metric::Ltv => format_money(v, lang, currency),
        Metric::Ndr => format_percent(v),
    };
    shown(tornado::draw(&chart, axis, &format), lang)
}

/// The economics of each scenario's last valid inputs.
pub(crate) fn scenario_economics(
    inputs: &[EconomicsInputs],
    heterogeneity: &Heterogeneity,
) -> Vec<Result<Economics, ModelError>> {
    inputs
        .iter()
        .map(|i| economics(i, &heterogeneity.sbg()))
        .collect()
}

/// The scenarios' names as shown (the names the app gave in the UI language).
pub(crate) fn scenario_names(state: &AppState, lang: Lang) -> Vec<String> {
    state
        .scenarios
        .list
        .iter()
        .map(|s| scenario_name(&s.name, lang).to_string())
        .collect()
}

/// Each scenario whose economics could be computed, with its name.
pub(crate) fn with_names<'a>(
    names: &'a [String],
    results: &'a [Result<Economics, ModelError>],
) -> Vec<(&'a String, &'a Economics)> {
    names
        .iter()
        .zip(results)
        .filter_map(|(n, r)| r.as_ref().ok().map(|e| (n, e)))
        .collect()
}

/// Revenue from today's customers and with new business, one colour per scenario.
pub(crate) fn projection_svg(
    valid: &[(&String, &Economics)],
    lang: Lang,
    currency: Currency,
) -> Result<AttrValue, AttrValue> {
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
        scenarios: valid
            .iter()
            .map(|(name, e)| ScenarioSeries {
                name: (*name).clone(),
                existing: e.existing_revenue.clone(),
                total: e.total_revenue.clone(),
            })
            .collect(),
    };
    shown(
        projection::draw(&chart, &|v| format_money(v, lang, currency)),
        lang,
    )
}

fn lever_label(lever: Lever) -> EconKey {
    match lever {
        Lever::Arpa => EconKey::Arpa,
        Lever::Churn => EconKey::LogoChurn,
        Lever::Contraction => EconKey::Contraction,
        Lever::Expansion => EconKey::Expansion,
        Lever::Referral => EconKey::Referral,
        Lever::NewBusiness => EconKey::NewBusiness,
        Lever::GrossMargin => EconKey::GrossMargin,
        Lever::Cac => EconKey::Cac,
        Lever::Discount => EconKey::DiscountRate,
    }
}

fn shown(drawn: Result<String, ChartError>, lang: Lang) -> Result<AttrValue, AttrValue> {
    drawn
        .map(AttrValue::from)
        .map_err(|e| AttrValue::from(error_text(lang, &e)))
}
