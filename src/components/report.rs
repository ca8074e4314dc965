//! The printable summary: one to two A4 pages with the headline figures, the scenarios side by
//! side, the key charts, the data sources and the date. Shown on screen as a preview with a
//! print button; `style/print.css` lays it out on paper.

use yew::prelude::*;

use super::chart_figure::ChartFigure;
use super::report_strategy::ReportStrategy;
use super::scenario_table::{field_label, show};
use super::scenarios_view::projection_svg;
use super::sections::economics::bridge_chart;
use super::sections::health::{arr_by_band, metrics as health_metrics};
use crate::forms::economics_form::EconField;
use crate::hooks::app_context::use_app;
use crate::hooks::derived::{use_bridge, use_health, use_scenarios};
use crate::hooks::storage;
use crate::i18n::{origin_label, DataKey, EconKey, Key, WorkshopKey};
use crate::state::Action;

/// The inputs the report repeats above the results (the levers a board discusses).
const REPORT_INPUTS: [EconField; 6] = [
    EconField::Arpa,
    EconField::LogoRenewal,
    EconField::Expansion,
    EconField::Contraction,
    EconField::GrossMargin,
    EconField::Cac,
];

#[component]
pub fn Report() -> Html {
    let scenarios = use_scenarios();
    let bridge = use_bridge();
    let health = use_health();
    let Some(state) = use_app() else {
        return html! {};
    };
    let (Some(scenarios), Some(bridge)) = (scenarios.as_ref(), bridge.as_ref()) else {
        return html! {};
    };
    let lang = state.lang;
    let currency = state.currency();
    let names = &scenarios.names;
    // The health block only when there are customers to score.
    let health = health
        .as_ref()
        .as_ref()
        .filter(|_| !state.dataset.customers.is_empty());
    let inputs_source = lang.t(WorkshopKey::SourceInputs);
    let customers_source = origin_label(lang, &state.dataset.customers_origin);
    let date = storage::today();

    let input_rows = REPORT_INPUTS.iter().map(|&field| {
        let unit = if field.is_percent() { " %" } else { "" };
        html! {
            <tr>
                <th scope="row">{ lang.t(field_label(field)) }</th>
                { for state.scenarios.list.iter().map(|s| html! { <td>{ format!("{}{unit}", s.form.text(field)) }</td> }) }
            </tr>
        }
    });
    let output_rows = scenarios.rows.iter().map(|row| {
        let (name, kind) = (row.name, row.kind);
        html! {
            <tr>
                <th scope="row">{ row.label }</th>
                { for row.cells.iter().enumerate().map(|(i, cell)| match cell {
                    Ok(cell) => html! {
                        <td data-testid={format!("report-{name}")} data-scenario={(i > 0).then(|| i.to_string())}>
                            { show(kind, cell.value, lang, currency) }
                        </td>
                    },
                    Err(_) => html! { <td>{ "—" }</td> },
                }) }
            </tr>
        }
    });
    let on_back = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::ShowReport(false)))
    };
    let on_print = Callback::from(|_: MouseEvent| storage::print());

    html! {
        <article class="report" data-testid="report">
            <header class="report__head">
                <div>
                    <h2 class="report__title">{ lang.t(WorkshopKey::ReportTitle) }</h2>
                    <p class="report__meta" data-testid="report-meta">
                        { format!("{}: {date}", lang.t(WorkshopKey::ReportDate)) }
                        { " · " }
                        { format!("{}: {} ({}), {}", lang.t(WorkshopKey::ReportDataSource), customers_source,
                                  lang.t(DataKey::Customers), inputs_source) }
                    </p>
                </div>
                <div class="report__actions">
                    <button type="button" class="button button--quiet" data-testid="report-back" onclick={on_back}>{ lang.t(WorkshopKey::ReportBack) }</button>
                    <button type="button" class="button" data-testid="report-print" onclick={on_print}>{ lang.t(WorkshopKey::ReportPrint) }</button>
                </div>
            </header>
            <section class="report__block">
                <h3 class="report__subtitle">{ lang.t(WorkshopKey::ReportScenarios) }</h3>
                <table class="report__table" data-testid="report-scenarios">
                    <thead>
                        <tr><th></th>{ for names.iter().map(|n| html! { <th scope="col">{ n }</th> }) }</tr>
                    </thead>
                    <tbody>
                        <tr class="report__group"><th colspan="5">{ lang.t(EconKey::InputsHeading) }</th></tr>
                        { for input_rows }
                        <tr class="report__group"><th colspan="5">{ lang.t(EconKey::ResultsHeading) }</th></tr>
                        { for output_rows }
                    </tbody>
                </table>
            </section>
            <div class="report__chart">
                <ChartFigure name="ndr-bridge" svg={bridge_chart(bridge, lang, currency)} source={inputs_source} />
            </div>
            // Page two on paper: the projection at full width (four scenarios' lines need it),
            // then customer health.
            <div class="report__page report__chart report__chart--wide">
                <ChartFigure name="revenue-projection" svg={projection_svg(&scenarios.projection, lang, currency)} source={inputs_source} />
            </div>
            if let Some(h) = health {
                <section class="report__block report__health">
                    <h3 class="report__subtitle">{ lang.t(WorkshopKey::ReportHealth) }</h3>
                    { health_metrics(h, lang, currency) }
                    <div class="report__chart">
                        <ChartFigure name="arr-by-band" svg={arr_by_band(h, lang, currency)} source={customers_source.clone()} />
                    </div>
                </section>
            }
            <ReportStrategy />
            <p class="report__foot">{ lang.t(Key::Footer) }</p>
        </article>
    }
}
