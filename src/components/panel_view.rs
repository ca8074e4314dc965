//! Draws a [`Panel`] from `derive::panel`: its metric cards, its table (rows carry their test
//! hooks and data attributes) and its charts. A plain function, not a component: the panels of
//! the Operations and Team sections share this one body of markup code.

use web_sys::HtmlSelectElement;
use yew::prelude::*;
use yew::virtual_dom::VTag;

use super::chart_figure::{shown, ChartFigure};
use super::text_setting::TextSetting;
use crate::chart::{bars, stacked};
use crate::derive::panel::{Panel, PanelChart, PanelInput, Request, Row};
use crate::forms::number::parse_number;
use crate::i18n::{Lang, StrategyKey};

/// The panel; a row's button sends its [`Request`] to `on_request`. `format` writes chart
/// values (money, shares) in the UI language.
pub fn panel_view(
    panel: &Panel,
    lang: Lang,
    on_request: &Callback<Request>,
    format: &dyn Fn(f64) -> String,
) -> Html {
    let body = match &panel.needs {
        Some(needs) => html! { <p class="panel__notice" data-testid="panel-needs">{ needs }</p> },
        None => figures(panel, lang, on_request, format),
    };
    let inputs = panel.inputs.iter().map(|i| input(i, lang, on_request));
    html! {
        <section class="panel ops-panel" data-testid={panel.id}>
            <h3 class="panel__title">{ &panel.title }</h3>
            <p class="section__intro">{ &panel.intro }</p>
            if !panel.inputs.is_empty() && panel.needs.is_none() {
                <div class="settings">{ for inputs }</div>
            }
            { body }
        </section>
    }
}

/// A setting above the figures; what the user enters goes back as a [`Request`].
fn input(input: &PanelInput, lang: Lang, on_request: &Callback<Request>) -> Html {
    match input {
        PanelInput::Number {
            name,
            label,
            value,
            percent,
        } => {
            let (name, scale) = (*name, if *percent { 100.0 } else { 1.0 });
            let on_request = on_request.clone();
            let parse = Callback::from(move |text: String| match parse_number(&text) {
                Ok((v, _)) if v.is_finite() && v >= 0.0 => {
                    on_request.emit(Request::Set(name, v / scale));
                    Ok(())
                }
                _ => Err(AttrValue::from(lang.t(StrategyKey::NotANumber))),
            });
            // Rounded so that 0.1 × 100 shows as 10, not 10.000000000000002.
            let shown = value
                .map(|v| ((v * scale * 1e4).round() / 1e4).to_string())
                .unwrap_or_default();
            html! { <TextSetting {name} label={label.clone()} value={shown} {parse} /> }
        }
        PanelInput::Select {
            name,
            label,
            options,
            selected,
        } => {
            let (name, on_request) = (*name, on_request.clone());
            let onchange = Callback::from(move |e: Event| {
                let value = e.target_unchecked_into::<HtmlSelectElement>().value();
                on_request.emit(Request::Choose(name, value));
            });
            html! {
                <label class="setting">
                    <span class="setting__label">{ label }</span>
                    <select class="field__input" data-testid={format!("input-{name}")} {onchange}>
                        { for options.iter().map(|(value, text)| html! {
                            <option value={value.clone()} selected={value == selected}>{ text }</option>
                        }) }
                    </select>
                </label>
            }
        }
        PanelInput::Button {
            name,
            label,
            request,
        } => {
            let (on_request, request) = (on_request.clone(), request.clone());
            let onclick = Callback::from(move |_: MouseEvent| on_request.emit(request.clone()));
            html! { <button type="button" class="button" data-testid={*name} {onclick}>{ label }</button> }
        }
    }
}

fn figures(
    panel: &Panel,
    lang: Lang,
    on_request: &Callback<Request>,
    format: &dyn Fn(f64) -> String,
) -> Html {
    let metrics = panel.metrics.iter().map(|m| {
        html! {
            <section class="metric" data-testid={format!("metric-{}", m.name)}
                     data-value={m.value.map(|v| v.to_string()).unwrap_or_default()}>
                <h3 class="metric__label">{ &m.label }</h3>
                <p class="metric__value">{ &m.text }</p>
                <p class="metric__explain">{ &m.explain }</p>
            </section>
        }
    });
    let table = panel.table.as_ref().map(|t| {
        html! {
            <div class="table-scroll">
                <table class="table">
                    <thead><tr>{ for t.headers.iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr></thead>
                    <tbody>{ for t.rows.iter().map(|r| row(r, on_request)) }</tbody>
                </table>
            </div>
        }
    });
    let source = panel.title.clone();
    let charts = panel.charts.iter().map(|c| {
        let (name, svg) = match c {
            PanelChart::Bars { name, chart } => (*name, bars::draw(chart, format)),
            PanelChart::Stacked { name, chart } => (*name, stacked::draw(chart, format)),
        };
        html! { <ChartFigure name={name} svg={shown(svg, lang)} source={source.clone()} /> }
    });
    html! {
        <>
            if !panel.metrics.is_empty() {
                <div class="metrics">{ for metrics }</div>
            }
            { for table }
            if !panel.charts.is_empty() {
                <div class="scenarios-charts">{ for charts }</div>
            }
            { for panel.notes.iter().map(|n| html! { <p class="section__intro">{ n }</p> }) }
        </>
    }
}

/// A table row: built tag by tag because its data attributes are named by the data.
fn row(r: &Row, on_request: &Callback<Request>) -> Html {
    let mut tr = VTag::new("tr");
    tr.add_attribute("data-testid", r.test_id);
    for (name, value) in &r.data {
        tr.add_attribute(name, value.clone());
    }
    if r.highlight {
        tr.add_attribute("class", "row--highlight");
    }
    for (i, cell) in r.cells.iter().enumerate() {
        tr.add_child(if i == 0 {
            html! { <th scope="row">{ cell }</th> }
        } else {
            html! { <td class="num">{ cell }</td> }
        });
    }
    if let Some(action) = &r.action {
        let onclick = {
            let (on_request, request) = (on_request.clone(), action.request.clone());
            Callback::from(move |_: MouseEvent| on_request.emit(request.clone()))
        };
        tr.add_child(html! {
            <td><button type="button" class="button button--quiet" data-testid={action.test_id} {onclick}>{ &action.label }</button></td>
        });
    }
    tr.into()
}
