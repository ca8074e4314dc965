//! The cohorts section's observation and fit controls: when the data is observed through
//! (and the "data as of" date for spans), the period of an imported table, the fit's period
//! and diagnostics, and sending a reliable fit to retention economics.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::metric_card::{metric_card, Metric};
use crate::derive::cohorts::CohortAnalysis;
use crate::i18n::{CohortKey, EconKey, Lang};
use crate::io::values::parse_date;
use crate::model::error::ModelError;
use crate::model::portfolio::Subscriptions;
use crate::state::{Action, AppContext};

/// "Observed through" as a card (`metric-observed-through`, `data-value` = `YYYY-MM`), with
/// the cards of the metrics row.
pub fn observed_card(analysis: &CohortAnalysis, lang: Lang) -> Html {
    let Some(through) = analysis.observed_through else {
        return html! {};
    };
    let month = format!("{:04}-{:02}", through.year(), through.month());
    html! {
        <section class="metric" data-testid="metric-observed-through" data-value={month.clone()}>
            <h3 class="metric__label">{ lang.t(CohortKey::ObservedThrough) }</h3>
            <p class="metric__value">{ month }</p>
            <p class="metric__explain">{ lang.t(CohortKey::ObservedThroughExplain) }</p>
        </section>
    }
}

/// The fit's period card (`metric-sbg-period-months`), with the cards of the metrics row.
pub fn period_card(analysis: &CohortAnalysis, lang: Lang) -> Html {
    match (&analysis.fit, analysis.period_months) {
        (Ok(_), Some(months)) => metric_card(Metric {
            name: "sbg-period-months",
            value: f64::from(months),
            text: months.to_string().into(),
            label: lang.t(CohortKey::SbgPeriod).into(),
            explain: lang.t(CohortKey::SbgPeriodExplain).into(),
            badge: None,
        }),
        _ => html! {},
    }
}

/// For spans, the editable "data as of" date (in the toolbar).
pub fn data_as_of(state: &AppContext, analysis: &CohortAnalysis, lang: Lang) -> Html {
    if analysis.observed_through.is_none() {
        return html! {};
    }
    let spans = matches!(*state.dataset.subscriptions, Subscriptions::Spans(_))
        && state.dataset.cohort_table.is_none();
    let on_as_of = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            let mut next = state.cohort_view;
            // An emptied field goes back to the default; a partial date changes nothing.
            next.as_of = match parse_date(&text) {
                Some(date) => Some(date),
                None if text.trim().is_empty() => None,
                None => return,
            };
            state.dispatch(Action::SetCohortView(next));
        })
    };
    let as_of = state
        .cohort_view
        .as_of
        .map(|d| format!("{:04}-{:02}-{:02}", d.year, d.month, d.day))
        .unwrap_or_default();
    html! {
        if spans {
            <label class="field field--inline">
                <span class="field__label">{ lang.t(CohortKey::DataAsOf) }</span>
                <input class="field__select" type="date" data-testid="input-data-as-of" value={as_of} onchange={on_as_of} />
            </label>
        }
    }
}

/// The period select of an imported cohort table: from its labels, or chosen.
pub fn table_period(state: &AppContext, lang: Lang) -> Html {
    if state.dataset.cohort_table.is_none() {
        return html! {};
    }
    let chosen = state.cohort_view.table_period;
    let on_change = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            let mut next = state.cohort_view;
            next.table_period = value.parse().ok();
            state.dispatch(Action::SetCohortView(next));
        })
    };
    let option = |value: &'static str, months: Option<u32>, label: CohortKey| {
        html! { <option {value} selected={chosen == months}>{ lang.t(label) }</option> }
    };
    html! {
        <label class="field field--inline">
            <span class="field__label">{ lang.t(CohortKey::TablePeriod) }</span>
            <select class="field__select" data-testid="input-cohort-period" onchange={on_change}>
                { option("", None, CohortKey::PeriodFromLabels) }
                { option("1", Some(1), CohortKey::Month) }
                { option("3", Some(3), CohortKey::Quarter) }
                { option("12", Some(12), CohortKey::PeriodTwelveMonths) }
            </select>
        </label>
    }
}

/// The fit's period card, its diagnostics, and the button that sends a reliable fit to
/// retention economics (otherwise the reason it cannot be sent).
pub fn fit_controls(state: &AppContext, analysis: &CohortAnalysis, lang: Lang) -> Html {
    let Ok(f) = &analysis.fit else {
        let no_churn = matches!(analysis.fit, Err(ModelError::NoChurnObserved));
        return html! {
            if no_churn {
                <p class="panel__notice" data-testid="sbg-no-churn">{ lang.t(crate::i18n::ErrorKey::NoChurnObserved) }</p>
            }
        };
    };
    let fit = &f.fit;
    let reliable = fit.is_reliable();
    let status = match crate::derive::cohorts::unreliable_reason(fit) {
        None => lang.fill(
            CohortKey::FitConverged,
            &[
                ("iterations", &fit.iterations.to_string()),
                ("gradient", &format!("{:.1e}", fit.gradient_norm)),
            ],
        ),
        Some(why) => lang.fill(CohortKey::FitUnreliable, &[("why", lang.t(why))]),
    };
    let period = analysis.period_months;
    let send = match (reliable, period) {
        (true, Some(months)) => {
            let (state, model) = (state.clone(), fit.model);
            let covariance = analysis.bands.sbg_covariance;
            let onclick = Callback::from(move |_: MouseEvent| {
                state.dispatch(Action::UseCohortFit(model, months, covariance))
            });
            html! {
                <button type="button" class="button" data-testid="send-sbg" {onclick}>
                    { lang.t(EconKey::SendToEconomics) }
                </button>
            }
        }
        (true, None) => html! {
            <>
                <button type="button" class="button" data-testid="send-sbg" disabled=true>{ lang.t(EconKey::SendToEconomics) }</button>
                <span class="data__reason" data-testid="send-sbg-reason">{ lang.t(CohortKey::PeriodUnknown) }</span>
            </>
        },
        (false, _) => html! {
            <button type="button" class="button" data-testid="send-sbg" disabled=true>{ lang.t(EconKey::SendToEconomics) }</button>
        },
    };
    html! {
        <>
            <p class={classes!("section__intro", (!reliable).then_some("panel__notice"))}
               data-testid="sbg-fit-status" data-reliable={reliable.to_string()}>{ status }</p>
            <p class="section__intro" data-testid="fit-data" data-cohorts={analysis.fitted_on.0.to_string()}>
                { lang.fill(CohortKey::FitData, &[
                    ("cohorts", &analysis.fitted_on.0.to_string()),
                    ("customers", &crate::i18n::format_count(analysis.fitted_on.1.round() as usize)),
                ]) }
            </p>
            <p class="data__actions">{ send }</p>
        </>
    }
}
