//! Kaplan–Meier retention by months paid in the cohorts section: one row per month with the
//! number at risk, the churned, Ŝ(t) and its 90 % band.

use yew::prelude::*;

use super::chart_figure::ChartFigure;
use crate::i18n::{format_count, format_percent, CohortKey, Lang};
use crate::model::km::KmRow;

/// The panel: the chart (`svg`, drawn by the section when the rows change) and the table.
pub fn km_panel(
    rows: &[KmRow],
    svg: Option<Result<AttrValue, AttrValue>>,
    source: AttrValue,
    lang: Lang,
) -> Html {
    if rows.is_empty() {
        return html! {};
    }
    html! {
        <section class="panel" data-testid="cohort-km">
            <h3 class="panel__title">{ lang.t(CohortKey::KmTitle) }</h3>
            <p class="section__intro">{ lang.t(CohortKey::KmIntro) }</p>
            if let Some(svg) = svg {
                <ChartFigure name="cohort-km" {svg} {source} />
            }
            <details>
                <summary>{ format!("{} ({})", lang.t(CohortKey::KmSurvival), rows.len()) }</summary>
                <table class="table">
                    <thead><tr>
                        <th>{ lang.t(CohortKey::KmMonth) }</th>
                        <th>{ lang.t(CohortKey::KmAtRisk) }</th>
                        <th>{ lang.t(CohortKey::KmEvents) }</th>
                        <th>{ lang.t(CohortKey::KmSurvival) }</th>
                        <th>{ lang.t(CohortKey::KmBand) }</th>
                    </tr></thead>
                    <tbody>
                        { for rows.iter().map(|r| html! {
                            <tr data-testid="km-row" data-period={r.period.to_string()} data-survival={r.survival.to_string()}
                                data-at-risk={r.at_risk.to_string()} data-low={r.low.to_string()} data-high={r.high.to_string()}>
                                <td class="num">{ r.period }</td>
                                <td class="num">{ format_count(r.at_risk) }</td>
                                <td class="num">{ format_count(r.events) }</td>
                                <td class="num">{ format_percent(r.survival) }</td>
                                <td class="num">{ format!("{} – {}", format_percent(r.low), format_percent(r.high)) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </details>
        </section>
    }
}
