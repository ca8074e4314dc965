//! Draws a [`ShownPanel`] (from `derive::shown_panel`): its settings, metric cards, table (rows
//! carry their test hooks and data attributes) and charts. A plain function, not a component:
//! all the panels of the Operations and Team sections share this one body of markup code.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;
use yew::virtual_dom::{AttributeOrProperty, Attributes, VTag};

use super::chart_figure::ChartFigure;
use super::text_setting::TextSetting;
use crate::derive::panel::Request;
use crate::derive::shown_panel::{ShownInput, ShownPanel, ShownRow};
use crate::forms::number::parse_number;
use crate::i18n::Lang;
use crate::i18n::StrategyCoreKey;

/// The panel; its buttons and settings send their [`Request`] to `on_request`.
pub fn panel_view(panel: &ShownPanel, lang: Lang, on_request: &Callback<Request>) -> Html {
    let body = match &panel.needs {
        Some(needs) => html! { <p class="panel__notice" data-testid="panel-needs">{ needs }</p> },
        None => figures(panel, on_request),
    };
    let inputs = panel.inputs.iter().map(|i| input(i, lang, on_request));
    html! {
        <section class="panel ops-panel" data-testid={panel.id.clone()}>
            <h3 class="panel__title">{ &panel.title }</h3>
            <p class="section__intro">{ &panel.intro }</p>
            if !panel.inputs.is_empty() && panel.needs.is_none() {
                <div class="settings">{ for inputs }</div>
            }
            { body }
        </section>
    }
}

fn figures(panel: &ShownPanel, on_request: &Callback<Request>) -> Html {
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
    let charts = panel.charts.iter().map(|(name, svg)| {
        let svg = svg.clone().map(AttrValue::from).map_err(AttrValue::from);
        html! { <ChartFigure name={name.clone()} {svg} source={source.clone()} /> }
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
fn row(r: &ShownRow, on_request: &Callback<Request>) -> Html {
    let mut tr = VTag::new("tr");
    let mut attributes = indexmap::IndexMap::new();
    let mut set = |name: &str, value: &str| {
        attributes.insert(
            AttrValue::from(name.to_string()),
            AttributeOrProperty::Attribute(AttrValue::from(value.to_string())),
        );
    };
    set("data-testid", &r.test_id);
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
    if let Some((test_id, label, request)) = &r.action {
        let onclick = {
            let (on_request, request) = (on_request.clone(), request.clone());
            Callback::from(move |_: MouseEvent| on_request.emit(request.clone()))
        };
        tr.add_child(html! {
            <td><button type="button" class="button button--quiet" data-testid={test_id.clone()} {onclick}>{ label }</button></td>
        });
    }
    tr.into()
}

/// A setting above the figures; what the user enters goes back as a [`Request`].
fn input(input: &ShownInput, lang: Lang, on_request: &Callback<Request>) -> Html {
    match input {
        ShownInput::Number {
            name,
            label,
            value,
            percent,
        } => {
            let scale = if *percent { 100.0 } else { 1.0 };
            let (key, on_request) = (name.clone(), on_request.clone());
            let parse = Callback::from(move |text: String| match parse_number(&text) {
                Ok((v, _)) if v.is_finite() && v >= 0.0 => {
                    on_request.emit(Request::Set(key.clone(), v / scale));
                    Ok(())
                }
                _ => Err(AttrValue::from(lang.t(StrategyCoreKey::NotANumber))),
            });
            // One decimal at most: 0.929811 shows as 93, 0.1 × 100 as 10.
            let shown = value
                .map(|v| ((v * scale * 10.0).round() / 10.0).to_string())
                .unwrap_or_default();
            html! { <TextSetting name={name.clone()} label={label.clone()} value={shown} {parse} /> }
        }
        ShownInput::Select {
            name,
            label,
            options,
            selected,
        } => {
            let (key, on_request) = (name.clone(), on_request.clone());
            let onchange = Callback::from(move |e: Event| {
                let value = e.target_unchecked_into::<HtmlSelectElement>().value();
                on_request.emit(Request::Choose(key.clone(), value));
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
        ShownInput::Button {
            name,
            label,
            request,
        } => {
            let (on_request, request) = (on_request.clone(), request.clone());
            let onclick = Callback::from(move |_: MouseEvent| on_request.emit(request.clone()));
            html! { <button type="button" class="button" data-testid={name.clone()} {onclick}>{ label }</button> }
        }
    }
}
