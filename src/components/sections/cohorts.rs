//! Cohort retention: the triangle, the curves, and the sBG projection.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::chart::cohort_curves;
use crate::components::chart_figure::ChartFigure;
use crate::components::cohort_base;
use crate::components::cohort_fit;
use crate::components::cohort_heatmap::CohortHeatmap;
use crate::components::cohort_km;
use crate::components::cohort_models;
use crate::components::cohort_projection;
use crate::components::metric_card::{metric_card, Badge, Metric, Tone};
use crate::derive::cohorts::{CohortAnalysis, SbgFigures};
use crate::forms::view_settings::CohortView;
use crate::hooks::app_context::use_app;
use crate::hooks::derived::use_cohorts;
use crate::i18n::{error_text, format_percent, CohortKey, Lang};
use crate::model::cohort::{Grain, Measure};
use crate::model::error::ModelError;
use crate::state::Action;

#[component]
pub fn CohortsSection() -> Html {
    let compare = use_state(|| (None::<String>, None::<String>));
    let (analysis, curves) = use_cohorts([compare.0.clone(), compare.1.clone()]);
    // Redrawn only when what the chart shows changes.
    let chart = use_memo(curves, |curves| {
        curves
            .as_ref()
            .as_ref()
            .map(|c| cohort_curves::draw(c).map(AttrValue::from))
    });
    let lang_now = use_app().map(|s| s.lang);
    let km_chart = use_memo(
        (analysis.as_ref().as_ref().map(|a| a.km.clone()), lang_now),
        |(rows, lang)| {
            let lang = (*lang)?;
            crate::derive::cohorts::km::km_chart(rows.as_deref()?, lang)
                .map(|c| crate::chart::km_curve::draw(&c).map(AttrValue::from))
        },
    );
    // The log-rank test by segment: once per data, not on every change of the view.
    let app_now = use_app();
    let segments = use_memo(
        app_now.map(|s| {
            (
                s.dataset.subscriptions.clone(),
                s.dataset.customers.clone(),
                analysis.as_ref().as_ref().and_then(|a| a.observed_through),
                s.lang,
            )
        }),
        |deps| {
            let (subscriptions, customers, through, lang) = deps.as_ref()?;
            crate::derive::cohorts::km::km_by_segment(subscriptions, customers, (*through)?, *lang)
        },
    );
    let Some(state) = use_app() else {
        return html! {};
    };
    let Some(analysis) = analysis.as_ref() else {
        return html! {};
    };
    let lang = state.lang;
    let view = state.cohort_view;
    let chart = match chart.as_ref() {
        Some(Ok(svg)) => Ok(svg.clone()),
        Some(Err(e)) => Err(AttrValue::from(error_text(lang, e))),
        None => Err(AttrValue::default()),
    };
    let set_view = |change: fn(&mut CohortView, &str)| {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let mut next = state.cohort_view;
            change(
                &mut next,
                &e.target_unchecked_into::<HtmlSelectElement>().value(),
            );
            state.dispatch(Action::SetCohortView(next));
        })
    };
    let on_measure = set_view(|v, code| {
        v.measure = if code == "revenue" {
            Measure::Revenue
        } else {
            Measure::Logo
        }
    });
    let on_grain = set_view(|v, code| {
        v.grain = if code == "quarter" {
            Grain::Quarter
        } else {
            Grain::Month
        }
    });
    let on_display = set_view(|v, code| v.absolute = code == "absolute");
    let pick = |slot: usize| {
        let compare = compare.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            let chosen = (!value.is_empty()).then_some(value);
            let mut next = (*compare).clone();
            if slot == 0 {
                next.0 = chosen
            } else {
                next.1 = chosen
            }
            compare.set(next);
        })
    };
    let table_source = state
        .dataset
        .cohort_table
        .as_ref()
        .map(|(_, file)| file.clone());
    let cohort_source = table_source
        .clone()
        .unwrap_or_else(|| crate::i18n::origin_label(lang, &state.dataset.subscriptions_origin));
    let option = |label: &str, selected: bool| html! { <option value={label.to_string()} {selected}>{ label.to_string() }</option> };

    html! {
        <section class="section" data-testid="section-cohorts">
            <header class="section__header">
                <h2 class="section__title">{ lang.t(CohortKey::Title) }</h2>
                <p class="section__intro">{ lang.t(CohortKey::Intro) }</p>
                <p class="section__intro">
                    { match &table_source {
                        Some(file) => lang.fill(CohortKey::TableSource, &[("file", file)]),
                        None => lang.t(CohortKey::SubscriptionsSource).to_string(),
                    } }
                </p>
            </header>
            <div class="toolbar">
                <label class="field field--inline">
                    <span class="field__label">{ lang.t(CohortKey::Measure) }</span>
                    <select class="field__select" data-testid="input-cohort-measure" onchange={on_measure}>
                        <option value="logo" selected={view.measure == Measure::Logo}>{ lang.t(CohortKey::Logo) }</option>
                        <option value="revenue" selected={view.measure == Measure::Revenue}>{ lang.t(CohortKey::Revenue) }</option>
                    </select>
                </label>
                <label class="field field--inline">
                    <span class="field__label">{ lang.t(CohortKey::Grain) }</span>
                    <select class="field__select" data-testid="input-cohort-grain" onchange={on_grain} disabled={table_source.is_some()}>
                        <option value="month" selected={view.grain == Grain::Month}>{ lang.t(CohortKey::Month) }</option>
                        <option value="quarter" selected={view.grain == Grain::Quarter}>{ lang.t(CohortKey::Quarter) }</option>
                    </select>
                </label>
                { cohort_fit::table_period(&state, lang) }
                { cohort_fit::data_as_of(&state, analysis, lang) }
                <label class="field field--inline">
                    <span class="field__label">{ lang.t(CohortKey::Display) }</span>
                    <select class="field__select" data-testid="input-cohort-display" onchange={on_display}>
                        <option value="percent" selected={!view.absolute}>{ lang.t(CohortKey::Percent) }</option>
                        <option value="absolute" selected={view.absolute}>{ lang.t(CohortKey::Absolute) }</option>
                    </select>
                </label>
            </div>
            if let Some(k) = analysis.calibration {
                <p class="panel__notice" data-testid="calibrating">{ lang.fill(CohortKey::Calibrating, &[("k", &k.to_string())]) }</p>
            }
            { metrics(analysis, lang) }
            { cohort_fit::fit_controls(&state, analysis, lang) }
            if let Some(models) = crate::derive::cohorts::models::models_view(analysis, view, lang) {
                { cohort_models::models_panel(&state, &models, lang) }
            }
            if let Some(base) = state.scenarios.list.first().and_then(|baseline| {
                crate::derive::cohorts::base::base_view(analysis, view, &baseline.last_valid, lang, state.currency())
            }) {
                { cohort_base::base_panel(&state, &base, lang) }
            }
            if analysis.cohorts.is_empty() {
                <p class="panel__notice">{ lang.t(CohortKey::NoData) }</p>
            } else {
                <CohortHeatmap cohorts={analysis.cohorts.clone()} measure={view.measure} absolute={view.absolute}
                               source={cohort_source.clone()} period_label={lang.t(crate::derive::cohorts::period_axis(analysis.period_months))} />
                <div class="toolbar">
                    <span class="field__label">{ lang.t(CohortKey::Compare) }</span>
                    { for [0usize, 1].map(|slot| {
                        let current = if slot == 0 { &compare.0 } else { &compare.1 };
                        html! {
                            <select class="field__select" data-testid={format!("input-compare-{}", ["a", "b"][slot])} onchange={pick(slot)}
                                    aria-label={lang.fill(CohortKey::CompareSlot, &[("n", &(slot + 1).to_string())])}>
                                <option value="" selected={current.is_none()}>{ lang.t(CohortKey::CompareNone) }</option>
                                { for analysis.cohorts.iter().map(|c| option(&c.label, current.as_deref() == Some(c.label.as_str()))) }
                            </select>
                        }
                    }) }
                </div>
                <ChartFigure name="cohort-curves" svg={chart} source={cohort_source.clone()} />
                <p class="section__intro">{ lang.t(CohortKey::ChartExplain) }</p>
                if view.measure == Measure::Revenue {
                    <p class="section__intro">{ lang.t(CohortKey::RevenueNoSbg) }</p>
                }
            }
            if analysis.fit.is_ok() {
                { cohort_projection::projection_panel(&state, crate::derive::cohorts::projection::projection_table(analysis, view).as_ref(), lang) }
            }
            { cohort_km::km_panel(&analysis.km, km_chart.as_ref().clone().map(|r| r.map_err(|e| AttrValue::from(error_text(lang, &e)))), cohort_source.clone().into(), segments.as_ref().as_ref(), lang) }
        </section>
    }
}

fn metrics(analysis: &CohortAnalysis, lang: Lang) -> Html {
    let count = analysis.cohorts.len();
    let fitted = match &analysis.fit {
        Ok(SbgFigures {
            fit: f,
            mean_churn: mean,
            polarisation,
        }) => {
            let (se_a, se_b) = f
                .std_errors
                .map_or((String::new(), String::new()), |(a, b)| {
                    (
                        format!(" ± {}", significant(a)),
                        format!(" ± {}", significant(b)),
                    )
                });
            let (mean, polarisation) = (*mean, format!("{polarisation:.2}"));
            // An unreliable fit's α and β are marked on their own cards, not only in the
            // status line further down.
            let badge = || {
                crate::derive::cohorts::unreliable_reason(f).map(|why| Badge {
                    text: lang.t(CohortKey::Unreliable).into(),
                    tone: Tone::Poor,
                    source: lang
                        .fill(CohortKey::FitUnreliable, &[("why", lang.t(why))])
                        .into(),
                })
            };
            html! {
                <>
                    { metric_card(Metric { name: "sbg-alpha", value: f.model.alpha, text: (significant(f.model.alpha)).into(), label: (lang.t(CohortKey::Alpha)).into(), explain: (format!("{}{se_a}", lang.t(CohortKey::AlphaExplain))).into(), badge: badge() }) }
                    { metric_card(Metric { name: "sbg-beta", value: f.model.beta, text: (significant(f.model.beta)).into(), label: (lang.t(CohortKey::Beta)).into(), explain: (format!("{}{se_b}", lang.t(CohortKey::BetaExplain))).into(), badge: badge() }) }
                    { metric_card(Metric { name: "sbg-mean-churn", value: mean, text: (format_percent(mean)).into(), label: (lang.t(CohortKey::MeanChurn)).into(), explain: (lang.fill(CohortKey::MeanChurnExplain, &[("polarisation", &polarisation)])).into(), badge: None }) }
                </>
            }
        }
        // No churn at all has its own notice (with the fit controls).
        Err(ModelError::NoChurnObserved) => html! {},
        Err(reason) => {
            html! { <p class="panel__notice">{ lang.fill(CohortKey::NoSbg, &[("reason", &error_text(lang, reason))]) }</p> }
        }
    };
    html! {
        <div class="metrics">
            { metric_card(Metric { name: "cohorts", value: count as f64, text: (count.to_string()).into(), label: (lang.t(CohortKey::Cohorts)).into(), explain: (lang.t(CohortKey::CohortsExplain)).into(), badge: None }) }
            { cohort_fit::observed_card(analysis, lang) }
            { fitted }
            { cohort_fit::period_card(analysis, lang) }
        </div>
    }
}

/// Three significant digits: 0.341, 10.2, 1380.
fn significant(value: f64) -> String {
    let decimals = if value.abs() >= 100.0 {
        0
    } else if value.abs() >= 10.0 {
        1
    } else if value.abs() >= 1.0 {
        2
    } else {
        3
    };
    format!("{value:.decimals$}")
}
