//! Kaplan–Meier retention by months paid in the cohorts section: one row per month with the
//! number at risk, the churned, Ŝ(t) and its 90 % band.

use yew::prelude::*;

use super::chart_figure::ChartFigure;
use super::metric_card::{metric_card, Metric};
use crate::derive::cohorts::km::SegmentKm;
use crate::i18n::{format_count, format_fixed, format_p_value, format_percent, CohortKey, Lang};
use crate::model::km::KmRow;

/// The panel: the chart (`svg`, drawn by the section when the rows change) and the table.
pub fn km_panel(
    rows: &[KmRow],
    svg: Option<Result<AttrValue, AttrValue>>,
    source: AttrValue,
    segments: Option<&SegmentKm>,
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
                        <th class="num">{ lang.t(CohortKey::KmAtRisk) }</th>
                        <th class="num">{ lang.t(CohortKey::KmEvents) }</th>
                        <th class="num">{ lang.t(CohortKey::KmSurvival) }</th>
                        <th class="num">{ lang.t(CohortKey::KmBand) }</th>
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
            if let Some(seg) = segments {
                { segments_table(seg, lang) }
            }
        </section>
    }
}

/// Kaplan–Meier by segment: churned against expected, Ŝ at 12 months, and the log-rank test.
fn segments_table(seg: &SegmentKm, lang: Lang) -> Html {
    let t = &seg.test;
    html! {
        <div data-testid="km-segments">
            <h4 class="panel__subtitle">{ lang.t(CohortKey::SegmentsTitle) }</h4>
            <p class="section__intro">{ lang.t(CohortKey::SegmentsIntro) }</p>
            <table class="table">
                <thead><tr>
                    <th>{ lang.t(crate::i18n::StrategyCoreKey::Segment) }</th>
                    <th class="num">{ lang.t(crate::i18n::EconKey::Customers) }</th>
                    <th class="num">{ lang.t(CohortKey::KmEvents) }</th>
                    <th class="num">{ lang.t(CohortKey::SegmentExpected) }</th>
                    <th class="num">{ lang.t(CohortKey::SegmentTwelve) }</th>
                </tr></thead>
                <tbody>
                    { for seg.rows.iter().map(|r| html! {
                        <tr data-testid="km-segment-row" data-segment={r.segment.clone()} data-observed={r.observed.to_string()}
                            data-expected={r.expected.to_string()}>
                            <td>{ &r.segment }</td>
                            <td class="num">{ format_count(r.customers) }</td>
                            <td class="num">{ format_fixed(r.observed, 0) }</td>
                            <td class="num">{ format_fixed(r.expected, 1) }</td>
                            <td class="num">{ r.survival_12.map_or_else(|| "—".to_string(), format_percent) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            <div class="metrics">
                { metric_card(Metric {
                    name: "logrank-pvalue",
                    value: t.p_value,
                    text: format_p_value(t.p_value).into(),
                    label: lang.t(CohortKey::LogRankPvalue).into(),
                    explain: lang.fill(CohortKey::SegmentsTest, &[
                        ("statistic", &format_fixed(t.statistic, 2)),
                        ("df", &t.df.to_string()),
                        ("p", &format_p_value(t.p_value)),
                    ]).into(),
                    badge: None,
                }) }
            </div>
            <p class="panel__why" data-testid="km-segments-reading">{ &seg.reading }</p>
            if seg.unmatched > 0 {
                <p class="section__intro">{ lang.fill(CohortKey::SegmentsUnmatched, &[("n", &format_count(seg.unmatched))]) }</p>
            }
        </div>
    }
}
