//! A [`Panel`] as the page shows it: charts already drawn to SVG, every name an owned string,
//! serde-typed. The Operations and Team panels are computed in an on-demand worker (their
//! models, strings and chart inputs stay out of the page's first load) and cross to the page
//! in this form; `components::panel_view` draws it.

use serde::{Deserialize, Serialize};

use super::panel::{Panel, PanelChart, PanelInput, Request};
use crate::chart::{bars, stacked};
use crate::i18n::{error_text, format_magnitude, Lang};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShownPanel {
    pub id: String,
    pub title: String,
    pub intro: String,
    pub needs: Option<String>,
    pub metrics: Vec<ShownMetric>,
    pub table: Option<ShownTable>,
    /// Each chart's name and its SVG, or why it could not be drawn (in the UI language).
    pub charts: Vec<(String, Result<String, String>)>,
    pub notes: Vec<String>,
    pub inputs: Vec<ShownInput>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShownMetric {
    pub name: String,
    pub label: String,
    pub value: Option<f64>,
    pub text: String,
    pub explain: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShownTable {
    pub headers: Vec<String>,
    pub rows: Vec<ShownRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShownRow {
    pub test_id: String,
    /// `data-*` attributes by full name.
    pub data: Vec<(String, String)>,
    pub cells: Vec<String>,
    /// A button: its test id, label and request.
    pub action: Option<(String, String, Request)>,
    pub highlight: bool,
}

/// A setting: [`PanelInput`] with owned names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ShownInput {
    Number {
        name: String,
        label: String,
        value: Option<f64>,
        percent: bool,
    },
    Select {
        name: String,
        label: String,
        options: Vec<(String, String)>,
        selected: String,
    },
    Button {
        name: String,
        label: String,
        request: Request,
    },
}

/// Draws the panel's charts (values written with [`format_magnitude`]) and owns its names.
pub fn show(panel: &Panel, lang: Lang) -> ShownPanel {
    let format = |v: f64| format_magnitude(v, lang);
    ShownPanel {
        id: panel.id.into(),
        title: panel.title.clone(),
        intro: panel.intro.clone(),
        needs: panel.needs.clone(),
        metrics: panel
            .metrics
            .iter()
            .map(|m| ShownMetric {
                name: m.name.into(),
                label: m.label.clone(),
                value: m.value.filter(|v| v.is_finite()),
                text: m.text.clone(),
                explain: m.explain.clone(),
            })
            .collect(),
        table: panel.table.as_ref().map(|t| ShownTable {
            headers: t.headers.clone(),
            rows: t
                .rows
                .iter()
                .map(|r| ShownRow {
                    test_id: r.test_id.into(),
                    data: r
                        .data
                        .iter()
                        .map(|(k, v)| (k.to_string(), v.clone()))
                        .collect(),
                    cells: r.cells.clone(),
                    action: r
                        .action
                        .as_ref()
                        .map(|a| (a.test_id.into(), a.label.clone(), a.request.clone())),
                    highlight: r.highlight,
                })
                .collect(),
        }),
        charts: panel
            .charts
            .iter()
            .map(|c| {
                let (name, drawn) = match c {
                    PanelChart::Bars { name, chart } => (*name, bars::draw(chart, &format)),
                    PanelChart::Stacked { name, chart } => (*name, stacked::draw(chart, &format)),
                };
                (name.into(), drawn.map_err(|e| error_text(lang, &e)))
            })
            .collect(),
        notes: panel.notes.clone(),
        inputs: panel
            .inputs
            .iter()
            .map(|i| match i {
                PanelInput::Number {
                    name,
                    label,
                    value,
                    percent,
                } => ShownInput::Number {
                    name: name.to_string(),
                    label: label.clone(),
                    value: value.filter(|v| v.is_finite()),
                    percent: *percent,
                },
                PanelInput::Select {
                    name,
                    label,
                    options,
                    selected,
                } => ShownInput::Select {
                    name: name.to_string(),
                    label: label.clone(),
                    options: options.clone(),
                    selected: selected.clone(),
                },
                PanelInput::Button {
                    name,
                    label,
                    request,
                } => ShownInput::Button {
                    name: name.to_string(),
                    label: label.clone(),
                    request: request.clone(),
                },
            })
            .collect(),
    }
}
