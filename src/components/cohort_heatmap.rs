use std::rc::Rc;

use yew::prelude::*;

use crate::chart::heatmap::{self, cell_colour, HeatRow, Heatmap};
use crate::components::chart_figure::chart_exports;
use crate::hooks::app_context::use_app;
use crate::i18n::{format_count, format_money, format_percent, CohortKey};
use crate::model::cohort::{retention, Cohort, Measure};
use plotters::style::RGBColor;

#[derive(Properties, PartialEq)]
pub struct CohortHeatmapProps {
    pub cohorts: std::rc::Rc<Vec<Cohort>>,
    pub measure: Measure,
    pub absolute: bool,
    /// Where the cohorts come from, and what a period is ("Months since start"), for exports.
    pub source: AttrValue,
    pub period_label: AttrValue,
}

/// The retention triangle: a row per cohort, a column per period, each cell coloured by its
/// retention on a sequential blue scale (ColorBrewer "Blues", readable for colour-blind
/// viewers), revenue above 100 % in green. Unobserved periods are blank, not zero.
#[component]
pub fn CohortHeatmap(props: &CohortHeatmapProps) -> Html {
    let Some(state) = use_app() else {
        return html! {};
    };
    let lang = state.lang;
    let currency = state.currency();
    let periods = props
        .cohorts
        .iter()
        .map(|c| c.active.len())
        .max()
        .unwrap_or(0);
    let picture = {
        let (cohorts, measure) = (props.cohorts.clone(), props.measure);
        let period_label = props.period_label.to_string();
        let measure_label = lang.t(match measure {
            Measure::Logo => CohortKey::Logo,
            Measure::Revenue => CohortKey::Revenue,
        });
        move || {
            let chart = Heatmap {
                title: format!("{} · {measure_label}", lang.t(CohortKey::HeatmapTitle)),
                x_label: period_label.clone(),
                y_label: lang.t(CohortKey::Cohort).into(),
                key: [
                    CohortKey::LegendLow,
                    CohortKey::LegendHigh,
                    CohortKey::LegendAbove,
                ]
                .map(|k| lang.t(k).to_string()),
                rows: cohorts
                    .iter()
                    .map(|c| HeatRow {
                        label: c.label.clone(),
                        values: (0..c.active.len())
                            .map(|p| retention(c, measure, p))
                            .collect(),
                    })
                    .collect(),
            };
            heatmap::draw(&chart).ok()
        }
    };
    let rows = props.cohorts.iter().map(|cohort| {
        let cells = (0..periods).map(|p| {
            let Some(value) = retention(cohort, props.measure, p) else {
                return html! { <td class="heatmap__cell heatmap__cell--empty"></td> };
            };
            let (amount, base) = match props.measure {
                Measure::Logo => (cohort.active[p].map(|a| format_count(a.round() as usize)), format_count(cohort.size.round() as usize)),
                Measure::Revenue => (
                    cohort.revenue[p].map(|r| format_money(r, lang, currency)),
                    format_money(cohort.start_revenue.unwrap_or(0.0), lang, currency),
                ),
            };
            let amount = amount.unwrap_or_default();
            // Whole percents in the cells (the exact value is in the tooltip and data-value).
            let shown = if props.absolute { amount.clone() } else { format!("{:.0}%", value * 100.0) };
            let title = lang.fill(CohortKey::CellTitle, &[("cohort", &cohort.label), ("period", &p.to_string()), ("value", &format_percent(value)), ("amount", &amount), ("base", &base)]);
            let (background, ink) = colour(value);
            html! {
                <td class="heatmap__cell" data-testid="cohort-cell" data-cohort={cohort.label.clone()}
                    data-period={p.to_string()} data-value={value.to_string()} title={title}
                    style={format!("background:{background};color:{ink}")}>{ shown }</td>
            }
        });
        html! {
            <tr>
                <th class="heatmap__cohort" scope="row">{ &cohort.label }</th>
                <td class="heatmap__size">{ format_count(cohort.size.round() as usize) }</td>
                { for cells }
            </tr>
        }
    });
    html! {
        <figure class="chart heatmap" data-testid="chart" data-chart="cohort-triangle">
            <figcaption class="heatmap__title">{ lang.t(CohortKey::HeatmapTitle) }</figcaption>
            <div class="heatmap__legend" aria-hidden="true">
                <span>{ lang.t(CohortKey::LegendLow) }</span>
                <span class="heatmap__ramp"></span>
                <span>{ lang.t(CohortKey::LegendHigh) }</span>
                <span class="heatmap__swatch" style={format!("background:{}", colour(1.3).0)}></span>
                <span>{ lang.t(CohortKey::LegendAbove) }</span>
            </div>
            <div class="heatmap__scroll">
                <table class="heatmap__table">
                    <thead><tr>
                        <th scope="col">{ lang.t(CohortKey::Cohort) }</th>
                        <th scope="col">{ "n" }</th>
                        { for (0..periods).map(|p| html! { <th scope="col">{ p }</th> }) }
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            { chart_exports(&AttrValue::from("cohort-triangle"), &props.source, lang, Rc::new(picture)) }
        </figure>
    }
}

/// Background and text colour for a retention fraction, as CSS: the scale of
/// [`cell_colour`], shared with the exported picture.
fn colour(value: f64) -> (String, String) {
    let (background, ink) = cell_colour(value);
    (hex(background), hex(ink))
}

fn hex(c: RGBColor) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}
