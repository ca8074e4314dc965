use std::rc::Rc;

use yew::prelude::*;

use crate::chart::heatmap;
use crate::components::chart_figure::chart_exports;
use crate::derive::heatmap::heatmap_view;
use crate::hooks::app_context::use_app;
use crate::i18n::CohortKey;
use crate::model::cohort::{Cohort, Measure};

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
    let state = use_app();
    let deps = state.as_ref().map(|s| {
        (
            props.cohorts.clone(),
            props.measure,
            props.absolute,
            props.period_label.clone(),
            s.lang,
            s.currency(),
        )
    });
    let view = use_memo(deps, |deps| {
        let (cohorts, measure, absolute, period_label, lang, currency) = deps.as_ref()?;
        Some(heatmap_view(
            cohorts,
            *measure,
            *absolute,
            period_label,
            *lang,
            *currency,
        ))
    });
    let (Some(state), Some(view)) = (state, view.as_ref()) else {
        return html! {};
    };
    let lang = state.lang;
    let picture = {
        let chart = view.chart.clone();
        move || heatmap::draw(&chart).ok()
    };
    let rows = view.rows.iter().map(|row| {
        let cells = row.cells.iter().enumerate().map(|(p, cell)| match cell {
            None => html! { <td class="heatmap__cell heatmap__cell--empty"></td> },
            Some(c) => html! {
                <td class="heatmap__cell" data-testid="cohort-cell" data-cohort={row.label.clone()}
                    data-period={p.to_string()} data-value={c.value.to_string()} title={c.title.clone()}
                    style={format!("background:{};color:{}", c.background, c.ink)}>{ &c.shown }</td>
            },
        });
        html! {
            <tr>
                <th class="heatmap__cohort" scope="row">{ &row.label }</th>
                <td class="heatmap__size">{ &row.size }</td>
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
                <span class="heatmap__swatch" style={format!("background:{}", view.above_swatch)}></span>
                <span>{ lang.t(CohortKey::LegendAbove) }</span>
            </div>
            // Focusable, so a keyboard can scroll a triangle wider than the screen.
            <div class="heatmap__scroll" tabindex="0" role="region" aria-label={lang.t(CohortKey::HeatmapTitle)}>
                <table class="heatmap__table">
                    <thead><tr>
                        <th scope="col">{ lang.t(CohortKey::Cohort) }</th>
                        <th scope="col">{ "n" }</th>
                        { for (0..view.periods).map(|p| html! { <th scope="col">{ p }</th> }) }
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            { chart_exports(&AttrValue::from("cohort-triangle"), &props.source, lang, Rc::new(picture)) }
        </figure>
    }
}
