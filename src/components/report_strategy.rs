//! The Strategy section in the printable report (issue #19): each journey's net index and
//! verdict, the 3F fit, the niche ranking's top rows and the organisation designer's models
//! (`derive::strategy::report`), printed once the user has changed any Strategy input.

use yew::prelude::*;

use crate::hooks::app_context::use_app;
use crate::hooks::derived::use_strategy_report;
use crate::i18n::StrategyCoreKey as KC;

#[component]
pub fn ReportStrategy() -> Html {
    let report = use_strategy_report();
    let (Some(state), Some(report)) = (use_app(), report.as_ref()) else {
        return html! {};
    };
    let lang = state.lang;
    // The first cell heads the row; `text` marks the columns that are words, not numbers.
    let row = |test_id: &'static str, cells: &[String], text: &[usize]| {
        html! {
            <tr data-testid={test_id}>
                <th scope="row">{ &cells[0] }</th>
                { for cells.iter().enumerate().skip(1).map(|(i, c)| {
                    let class = (!text.contains(&i)).then_some("num");
                    html! { <td {class}>{ c }</td> }
                }) }
            </tr>
        }
    };
    let head = |keys: &[KC]| {
        html! {
            <thead><tr>{ for keys.iter().map(|k| html! { <th scope="col">{ lang.t(*k) }</th> }) }</tr></thead>
        }
    };
    html! {
        <section class="report__block report__page" data-testid="report-strategy">
            <h3 class="report__subtitle">{ lang.t(KC::Title) }</h3>
            <table class="report__table">
                { head(&[KC::FrictionHeading, KC::NetMetric, KC::ActivatesMetric]) }
                <tbody>{ for report.journeys.iter().map(|j| row("report-journey", j, &[2])) }</tbody>
            </table>
            <p data-testid="report-plg-fit">{ format!("{}: {} / 3", lang.t(KC::PlgFitMetric), report.plg_fit) }</p>
            if let Some(rows) = &report.niche {
                <table class="report__table">
                    { head(&[KC::Segment, KC::RankColumn, KC::Score]) }
                    <tbody>{ for rows.iter().map(|r| row("report-niche", r, &[])) }</tbody>
                </table>
            }
            if let Some(org) = &report.org {
                <p>{ format!("{}: {}", lang.t(KC::RecommendedMetric), org.recommended) }</p>
                <table class="report__table">
                    { head(&[KC::ModelColumn, KC::HeadcountColumn, KC::RolesColumn, KC::CostColumn, KC::ArrPerHead]) }
                    <tbody>{ for org.models.iter().map(|m| row("report-org-model", m, &[2])) }</tbody>
                </table>
            }
        </section>
    }
}
