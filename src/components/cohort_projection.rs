//! The projection panel of the cohorts section: the calibration period the user sets, the
//! error of a calibrated fit on the periods it did not see, and the projected values with
//! their 90 % band beside the observed average.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::metric_card::{metric_card, Metric};
use crate::derive::cohorts::projection::ProjectionTable;
use crate::i18n::{format_fixed, format_percent, CohortKey, Lang};
use crate::state::{Action, AppContext};

pub fn projection_panel(state: &AppContext, table: Option<&ProjectionTable>, lang: Lang) -> Html {
    let on_input = {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            let mut next = state.cohort_view;
            // Empty fits on every period; anything but a whole number of periods keeps the
            // last setting.
            next.calibration = match text.trim() {
                "" => None,
                t => match t.parse::<u32>() {
                    Ok(k) if k >= 1 => Some(k),
                    _ => return,
                },
            };
            state.dispatch(Action::SetCohortView(next));
        })
    };
    let calibration = state
        .cohort_view
        .calibration
        .map(|k| k.to_string())
        .unwrap_or_default();
    let band = |low: f64, high: f64, banded: bool| {
        if banded {
            lang.fill(
                CohortKey::ProjectionBandOf,
                &[
                    ("low", &format_percent(low)),
                    ("high", &format_percent(high)),
                ],
            )
        } else {
            "—".to_string()
        }
    };
    html! {
        <section class="panel" data-testid="cohort-projection">
            <h3 class="panel__title">{ lang.t(CohortKey::ProjectionTitle) }</h3>
            <p class="section__intro">{ lang.t(CohortKey::ProjectionIntro) }</p>
            <label class="field field--inline">
                <span class="field__label">{ lang.t(CohortKey::Calibration) }</span>
                <input type="number" class="field__input" data-testid="input-calibration-periods" min="1" step="1"
                       value={calibration} oninput={on_input} />
            </label>
            <p class="section__intro">{ lang.t(CohortKey::CalibrationExplain) }</p>
            if let Some(h) = table.and_then(|t| t.holdout) {
                <div class="metrics">
                    { metric_card(Metric {
                        name: "holdout-error",
                        value: h.error_points(),
                        text: format!("{}{}", format_fixed(h.error_points(), 2), lang.t(CohortKey::PointsUnit)).into(),
                        label: lang.t(CohortKey::HoldoutError).into(),
                        explain: lang.fill(CohortKey::HoldoutExplain, &[
                            ("period", &h.period.to_string()),
                            ("projected", &format_percent(h.projected)),
                            ("observed", &format_percent(h.observed)),
                            ("error", &format_fixed(h.error_points(), 2)),
                        ]).into(),
                        badge: None,
                    }) }
                </div>
            }
            if let Some(table) = table {
                if table.rows.iter().any(|r| !r.banded) {
                    <p class="panel__notice">{ lang.t(CohortKey::NoBand) }</p>
                }
                <details>
                    <summary>{ format!("{} ({})", lang.t(CohortKey::ProjectionTitle), table.rows.len()) }</summary>
                    <table class="table">
                        <thead><tr>
                            <th>{ lang.t(CohortKey::Period) }</th>
                            <th class="num">{ lang.t(CohortKey::ProjectionSurvival) }</th>
                            <th class="num">{ lang.t(CohortKey::KmBand) }</th>
                            <th class="num">{ lang.t(CohortKey::ProjectionRate) }</th>
                            <th class="num">{ lang.t(CohortKey::KmBand) }</th>
                            <th class="num">{ lang.t(CohortKey::ProjectionObserved) }</th>
                        </tr></thead>
                        <tbody>
                            { for table.rows.iter().map(|r| {
                                let p = r.point;
                                html! {
                                    <tr data-testid="projection-row" data-period={p.period.to_string()} data-low={p.low.to_string()}
                                        data-mid={p.mid.to_string()} data-high={p.high.to_string()} data-projected={r.projected.to_string()}
                                        class={classes!(r.projected.then_some("table__row--projected"))}>
                                        <td class="num">{ p.period }</td>
                                        <td class="num">{ format_percent(p.mid) }</td>
                                        <td class="num">{ band(p.low, p.high, r.banded) }</td>
                                        <td class="num">{ p.rate.map_or_else(|| "—".to_string(), |(_, rate, _)| format_percent(rate)) }</td>
                                        <td class="num">{ p.rate.map_or_else(|| "—".to_string(), |(low, _, high)| band(low, high, r.banded)) }</td>
                                        <td class="num">{ r.observed.map_or_else(|| "—".to_string(), format_percent) }</td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                </details>
            }
        </section>
    }
}
