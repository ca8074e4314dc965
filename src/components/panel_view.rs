//! Draws a [`Panel`] (from `derive::panel`): its settings, metric cards, table (rows carry
//! their test hooks and data attributes) and charts. One component for every panel of the
//! Operations and Team sections.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;
use yew::virtual_dom::{AttributeOrProperty, Attributes, VTag};

use super::chart_figure::ChartFigure;
use super::text_setting::TextSetting;
use crate::chart::{bars, stacked};
use crate::derive::panel::{Panel, PanelChart, PanelInput, Request, Row};
use crate::forms::number::parse_number;
use crate::hooks::app_context::use_app;
use crate::i18n::{error_text, format_magnitude, format_setting, Lang, StrategyCoreKey};

#[derive(Properties, PartialEq)]
pub struct PanelViewProps {
    pub panel: Panel,
    /// Where its buttons and settings send their [`Request`].
    pub on_request: Callback<Request>,
}

#[component]
pub fn PanelView(props: &PanelViewProps) -> Html {
    let lang = use_app().map(|s| s.lang).unwrap_or_default();
    let panel = &props.panel;
    let body = match &panel.needs {
        Some(needs) => html! { <p class="panel__notice" data-testid="panel-needs">{ needs }</p> },
        None => figures(panel, &props.on_request),
    };
    let inputs = panel
        .inputs
        .iter()
        .map(|i| input(i, lang, &props.on_request));
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

fn figures(panel: &Panel, on_request: &Callback<Request>) -> Html {
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
    let source = AttrValue::from(panel.title.clone());
    let charts = panel.charts.iter().map(|chart| {
        html! { <PanelChartView chart={chart.clone()} source={source.clone()} /> }
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

#[derive(Properties, PartialEq)]
struct PanelChartProps {
    chart: PanelChart,
    source: AttrValue,
}

/// One chart of a panel, drawn again only when its input or the language changes.
#[component]
fn PanelChartView(props: &PanelChartProps) -> Html {
    let lang = use_app().map(|s| s.lang).unwrap_or_default();
    let svg = use_memo((props.chart.clone(), lang), |(chart, lang)| {
        let format = |v: f64| format_magnitude(v, *lang);
        let drawn = match chart {
            PanelChart::Bars { chart, .. } => bars::draw(chart, &format),
            PanelChart::Stacked { chart, .. } => stacked::draw(chart, &format),
        };
        drawn
            .map(AttrValue::from)
            .map_err(|e| AttrValue::from(error_text(*lang, &e)))
    });
    let name = match &props.chart {
        PanelChart::Bars { name, .. } | PanelChart::Stacked { name, .. } => *name,
    };
    html! { <ChartFigure {name} svg={(*svg).clone()} source={props.source.clone()} /> }
}

/// A table row: built tag by tag because its data attributes are named by the data.
fn row(r: &Row, on_request: &Callback<Request>) -> Html {
    let mut tr = VTag::new("tr");
    let mut attributes = indexmap::IndexMap::new();
    let mut set = |name: &str, value: &str| {
        attributes.insert(
            AttrValue::from(name.to_string()),
            AttributeOrProperty::Attribute(AttrValue::from(value.to_string())),
        );
    };
    set("data-testid", r.test_id);
    for (name, value) in &r.data {
        set(name, value);
    }
    if r.highlight {
        set("class", "row--highlight");
    }
    tr.set_attributes(Attributes::IndexMap(Rc::new(attributes)));
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

/// A setting above the figures; what the user enters goes back as a [`Request`].
fn input(input: &PanelInput, lang: Lang, on_request: &Callback<Request>) -> Html {
    match input {
        PanelInput::Number {
            setting,
            label,
            value,
            percent,
        } => {
            let scale = if *percent { 100.0 } else { 1.0 };
            let (setting, on_request) = (*setting, on_request.clone());
            let parse = Callback::from(move |text: String| match parse_number(&text) {
                Ok((v, _)) if v.is_finite() && v >= 0.0 => {
                    on_request.emit(Request::Set(setting, v / scale));
                    Ok(())
                }
                _ => Err(AttrValue::from(lang.t(StrategyCoreKey::NotANumber))),
            });
            let shown = value.map(|v| format_setting(v * scale)).unwrap_or_default();
            html! { <TextSetting name={setting.name()} label={label.clone()} value={shown} {parse} /> }
        }
        PanelInput::Select {
            name,
            label,
            options,
            selected,
        } => {
            let (choices, on_request) = (options.clone(), on_request.clone());
            let onchange = Callback::from(move |e: Event| {
                let value = e.target_unchecked_into::<HtmlSelectElement>().value();
                if let Some((choice, _)) = choices.iter().find(|(c, _)| c.key() == value) {
                    on_request.emit(Request::Choose(choice.clone()));
                }
            });
            html! {
                <label class="setting">
                    <span class="setting__label">{ label }</span>
                    <select class="field__input" data-testid={format!("input-{name}")} {onchange}>
                        { for options.iter().map(|(choice, text)| {
                            let key = choice.key();
                            let chosen = &key == selected;
                            html! { <option selected={chosen} value={key}>{ text }</option> }
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
