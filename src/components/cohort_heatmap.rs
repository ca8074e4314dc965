use yew::prelude::*;

use super::AppContext;
use crate::i18n::{format_count, format_money, format_percent, CohortKey, Key};
use crate::model::cohort::{retention, Cohort, Measure};

#[derive(Properties, PartialEq)]
pub struct CohortHeatmapProps {
    pub cohorts: std::rc::Rc<Vec<Cohort>>,
    pub measure: Measure,
    pub absolute: bool,
}

/// The retention triangle: a row per cohort, a column per period, each cell coloured by its
/// retention on a sequential blue scale (ColorBrewer "Blues", readable for colour-blind
/// viewers), revenue above 100 % in green. Unobserved periods are blank, not zero.
#[component]
pub fn CohortHeatmap(props: &CohortHeatmapProps) -> Html {
    let Some(state) = use_context::<AppContext>() else {
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
            let title = Key::fill(
                lang.t(CohortKey::CellTitle),
                &[&cohort.label, &p.to_string(), &format_percent(value), &amount, &base],
            );
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
        <figure class="chart heatmap" data-chart="cohort-triangle">
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
        </figure>
    }
}

/// Background and text colour for a retention fraction.
fn colour(value: f64) -> (String, &'static str) {
    if value > 1.0 {
        // Expansion: green, deeper the further above 100 %.
        let t = ((value - 1.0) / 0.5).clamp(0.0, 1.0);
        return (
            mix((0xc7, 0xe9, 0xc0), (0x00, 0x6d, 0x2c), t),
            if t > 0.5 { "#fff" } else { "#1f2937" },
        );
    }
    let t = value.clamp(0.0, 1.0);
    (
        mix((0xf7, 0xfb, 0xff), (0x08, 0x30, 0x6b), t),
        if t > 0.55 { "#fff" } else { "#1f2937" },
    )
}

fn mix(from: (u8, u8, u8), to: (u8, u8, u8), t: f64) -> String {
    let channel = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
    format!(
        "#{:02x}{:02x}{:02x}",
        channel(from.0, to.0),
        channel(from.1, to.1),
        channel(from.2, to.2)
    )
}
