use std::rc::Rc;

use yew::prelude::*;

use crate::chart::export::with_source;
use crate::hooks::app_context::use_app;
use crate::hooks::download::download;
use crate::hooks::keys::use_key_down;
use crate::hooks::png::download_png;
use crate::hooks::storage;
use crate::hooks::svg_patch::show_svg;
use crate::i18n::{Lang, WorkshopKey};

#[derive(Properties, PartialEq)]
pub struct ChartFigureProps {
    /// Names the chart for tests and exports: `data-chart="<name>"`, `<name>.svg`.
    pub name: AttrValue,
    /// The chart as drawn by `chart::*`, or the message to show when it could not be drawn.
    pub svg: Result<AttrValue, AttrValue>,
    /// Where the chart's numbers come from (a file name, the sample, the scenario inputs):
    /// written below the chart in its exports.
    pub source: AttrValue,
}

/// Shows an SVG string from `chart::*`, with SVG and PNG downloads; a click shows it full
/// screen (another click or Escape returns). The markup is plotters' own, which escapes every
/// text it draws, so inserting it unchecked cannot inject anything from user data.
///
/// In the browser the SVG is put in and updated in place by `hooks::svg_patch` (a redraw then
/// repaints only what moved); server-side rendering, used by the tests, writes it inline.
#[component]
pub fn ChartFigure(props: &ChartFigureProps) -> Html {
    let full = use_state(|| false);
    let body = use_node_ref();
    {
        let body = body.clone();
        use_effect_with(props.svg.clone(), move |svg| {
            if let Ok(svg) = svg {
                show_svg(&body, svg);
            }
        });
    }
    let lang = use_app().map(|s| s.lang).unwrap_or_default();
    {
        let full = full.clone();
        use_key_down(Callback::from(move |key: String| {
            if key == "Escape" && *full {
                full.set(false);
            }
        }));
    }
    let svg = match &props.svg {
        Ok(svg) => svg.clone(),
        Err(message) => {
            return html! {
                <figure class="chart" data-testid="chart" data-chart={props.name.clone()}>
                    <p class="chart__error" role="alert">{ message.clone() }</p>
                </figure>
            }
        }
    };
    let on_toggle = {
        let full = full.clone();
        Callback::from(move |_: MouseEvent| full.set(!*full))
    };
    let svg_for_export = svg.clone();
    let class = classes!("chart", full.then_some("chart--full"));
    html! {
        <figure {class} data-testid="chart" data-chart={props.name.clone()} data-full={full.to_string()}>
            <div class="chart__body" ref={body} title={lang.t(WorkshopKey::FullScreenHint)} onclick={on_toggle}>
                if cfg!(not(target_arch = "wasm32")) {
                    { Html::from_html_unchecked(svg) }
                }
            </div>
            { chart_exports(&props.name, &props.source, lang, Rc::new(move || Some(svg_for_export.to_string()))) }
        </figure>
    }
}

/// "SVG" and "PNG" buttons for the chart `name`: `make` draws it when a button is pressed
/// (never before), and the export adds `source` and today's date under it.
pub fn chart_exports(
    name: &AttrValue,
    source: &AttrValue,
    lang: Lang,
    make: Rc<dyn Fn() -> Option<String>>,
) -> Html {
    let exported = {
        let source = source.clone();
        move || {
            let date = storage::today();
            let line = lang.fill(
                WorkshopKey::ChartSource,
                &[("source", &source), ("date", &date)],
            );
            with_source(&make()?, &line)
        }
    };
    let on_svg = {
        let (exported, name) = (exported.clone(), name.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(svg) = exported() {
                download(&format!("{name}.svg"), "image/svg+xml", svg.as_bytes());
            }
        })
    };
    let on_png = {
        let name = name.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(svg) = exported() {
                download_png(svg, format!("{name}.png"), 2);
            }
        })
    };
    html! {
        <div class="chart__exports">
            <button type="button" class="chart__export" data-testid="export-svg" data-chart={name.clone()} onclick={on_svg}>
                { lang.t(WorkshopKey::ExportSvg) }
            </button>
            <button type="button" class="chart__export" data-testid="export-png" data-chart={name.clone()} onclick={on_png}>
                { lang.t(WorkshopKey::ExportPng) }
            </button>
        </div>
    }
}

/// A drawn chart, or the notice shown in its place (in the UI language: plotters' own message
/// is English and says nothing a user can act on).
pub(crate) fn shown(
    drawn: Result<String, crate::chart::ChartError>,
    lang: Lang,
) -> Result<AttrValue, AttrValue> {
    drawn
        .map(AttrValue::from)
        .map_err(|e| AttrValue::from(crate::i18n::error_text(lang, &e)))
}
