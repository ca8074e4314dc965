//! Cohort retention: the triangle, the curves, and the sBG projection.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::chart::cohort_curves::{self, CohortCurves, Curve};
use crate::components::chart_figure::ChartFigure;
use crate::components::cohort_heatmap::CohortHeatmap;
use crate::components::metric_card::{metric_card, Metric};
use crate::components::AppContext;
use crate::data::dataset::Dataset;
use crate::i18n::{error_text, format_percent, CohortKey, EconKey, Lang};
use crate::model::cohort::{
    average_curve, cohorts_from_subscriptions, cohorts_from_table, retention, Cohort, Grain,
    Measure,
};
use crate::model::error::ModelError;
use crate::model::period::cohort_period_months;
use crate::model::sbg::{fit, Fit, Sbg, Survivors};
use crate::state::{Action, CohortView, EconomicsView, Heterogeneity, Section};

/// Periods projected beyond the longest observed one.
const PROJECTION_PERIODS: usize = 12;

/// Cohorts of the loaded data and the sBG fit on their logo survivors. Depends only on the
/// data and the grain, so it is recomputed when those change, never while the user types.
#[derive(PartialEq)]
struct Analysis {
    cohorts: Rc<Vec<Cohort>>,
    fit: Result<Fit, ModelError>,
}

fn analyse(data: &Dataset, grain: Grain) -> Analysis {
    let cohorts = match &data.cohort_table {
        Some((cells, _)) => cohorts_from_table(cells),
        None => cohorts_from_subscriptions(&data.subscriptions, grain),
    };
    let survivors: Vec<Survivors> = cohorts
        .iter()
        .map(|c| Survivors::from_counts(&c.active.iter().map_while(|a| *a).collect::<Vec<_>>()))
        .collect();
    Analysis {
        fit: fit(&survivors),
        cohorts: Rc::new(cohorts),
    }
}

#[component]
pub fn CohortsSection() -> Html {
    let compare = use_state(|| (None::<String>, None::<String>));
    let state = use_context::<AppContext>();
    let data = state.as_ref().map(|s| {
        (
            s.dataset.subscriptions.clone(),
            s.dataset.cohort_table.clone(),
            s.cohort_view.grain,
        )
    });
    let analysis = use_memo(data, |data| match data {
        Some((subscriptions, table, grain)) => {
            let dataset = Dataset {
                subscriptions: subscriptions.clone(),
                cohort_table: table.clone(),
                ..Dataset::empty()
            };
            analyse(&dataset, *grain)
        }
        None => Analysis {
            cohorts: Rc::new(Vec::new()),
            fit: Err(ModelError::NotPositive {
                field: "observed periods",
            }),
        },
    });
    let lang = state.as_ref().map(|s| s.lang).unwrap_or_default();
    let view = state.as_ref().map(|s| s.cohort_view).unwrap_or_default();
    // Redrawn only when the data, the view, the language or the compared cohorts change.
    let chart = {
        let deps = (
            Rc::as_ptr(&analysis) as usize,
            view,
            lang,
            (*compare).clone(),
        );
        let analysis = analysis.clone();
        use_memo(deps, move |(_, view, lang, (a, b))| {
            let compared: Vec<&Cohort> = [a, b]
                .into_iter()
                .flatten()
                .filter_map(|l| analysis.cohorts.iter().find(|c| &c.label == l))
                .collect();
            curves_chart(&analysis, *view, *lang, &compared)
        })
    };
    let Some(state) = state else {
        return html! {};
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
                <label class="field field--inline">
                    <span class="field__label">{ lang.t(CohortKey::Display) }</span>
                    <select class="field__select" data-testid="input-cohort-display" onchange={on_display}>
                        <option value="percent" selected={!view.absolute}>{ lang.t(CohortKey::Percent) }</option>
                        <option value="absolute" selected={view.absolute}>{ lang.t(CohortKey::Absolute) }</option>
                    </select>
                </label>
            </div>
            { metrics(&analysis, lang) }
            if let Ok(f) = &analysis.fit {
                <p class="data__actions">
                    <button type="button" class="button" data-testid="send-sbg" onclick={send_fit(&state, f.model, cohort_period_months(state.dataset.cohort_table.as_ref().map(|t| t.0.as_slice()), view.grain))}>
                        { lang.t(EconKey::SendToEconomics) }
                    </button>
                </p>
            }
            if analysis.cohorts.is_empty() {
                <p class="panel__notice">{ lang.t(CohortKey::NoData) }</p>
            } else {
                <CohortHeatmap cohorts={analysis.cohorts.clone()} measure={view.measure} absolute={view.absolute}
                               source={cohort_source.clone()} period_label={lang.t(match view.grain {
                                   Grain::Month => CohortKey::MonthsSince,
                                   Grain::Quarter => CohortKey::QuartersSince,
                               })} />
                <div class="toolbar">
                    <span class="field__label">{ lang.t(CohortKey::Compare) }</span>
                    { for [0usize, 1].map(|slot| {
                        let current = if slot == 0 { &compare.0 } else { &compare.1 };
                        html! {
                            <select class="field__select" data-testid={format!("input-compare-{}", ["a", "b"][slot])} onchange={pick(slot)}>
                                <option value="" selected={current.is_none()}>{ lang.t(CohortKey::CompareNone) }</option>
                                { for analysis.cohorts.iter().map(|c| option(&c.label, current.as_deref() == Some(c.label.as_str()))) }
                            </select>
                        }
                    }) }
                </div>
                <ChartFigure name="cohort-curves" svg={(*chart).clone()} source={cohort_source} />
                if view.measure == Measure::Revenue {
                    <p class="section__intro">{ lang.t(CohortKey::RevenueNoSbg) }</p>
                }
            }
        </section>
    }
}

/// Makes the fit the heterogeneity setting of retention economics and shows that section.
/// The fit's period is the cohorts' own (a yearly cohort table's is 12 months, whatever grain
/// the select shows); a table whose period cannot be read sends nothing.
fn send_fit(state: &AppContext, model: Sbg, period_months: Option<u32>) -> Callback<MouseEvent> {
    let state = state.clone();
    Callback::from(move |_| {
        let Some(period_months) = period_months else {
            return;
        };
        let discount = state.heterogeneity.discount;
        state.dispatch(Action::SetHeterogeneity(Heterogeneity {
            model,
            period_months,
            from_cohorts: true,
            discount,
        }));
        state.dispatch(Action::SetEconomicsView(EconomicsView::Scenarios));
        state.dispatch(Action::ShowSection(Section::Economics));
    })
}

fn metrics(analysis: &Analysis, lang: Lang) -> Html {
    let count = analysis.cohorts.len();
    let fitted = match &analysis.fit {
        Ok(f) => {
            let (se_a, se_b) = f
                .std_errors
                .map_or((String::new(), String::new()), |(a, b)| {
                    (
                        format!(" ± {}", significant(a)),
                        format!(" ± {}", significant(b)),
                    )
                });
            let mean = f.model.mean_churn();
            let polarisation = format!("{:.2}", f.model.polarisation());
            html! {
                <>
                    { metric_card(Metric { name: "sbg-alpha", value: f.model.alpha, text: (significant(f.model.alpha)).into(), label: (lang.t(CohortKey::Alpha)).into(), explain: (format!("{}{se_a}", lang.t(CohortKey::AlphaExplain))).into(), badge: None }) }
                    { metric_card(Metric { name: "sbg-beta", value: f.model.beta, text: (significant(f.model.beta)).into(), label: (lang.t(CohortKey::Beta)).into(), explain: (format!("{}{se_b}", lang.t(CohortKey::BetaExplain))).into(), badge: None }) }
                    { metric_card(Metric { name: "sbg-mean-churn", value: mean, text: (format_percent(mean)).into(), label: (lang.t(CohortKey::MeanChurn)).into(), explain: (lang.fill(CohortKey::MeanChurnExplain, &[("polarisation", &polarisation)])).into(), badge: None }) }
                </>
            }
        }
        Err(reason) => {
            html! { <p class="panel__notice">{ lang.fill(CohortKey::NoSbg, &[("reason", &error_text(lang, reason))]) }</p> }
        }
    };
    html! {
        <div class="metrics">
            { metric_card(Metric { name: "cohorts", value: count as f64, text: (count.to_string()).into(), label: (lang.t(CohortKey::Cohorts)).into(), explain: (lang.t(CohortKey::CohortsExplain)).into(), badge: None }) }
            { fitted }
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

fn curves_chart(
    analysis: &Analysis,
    view: CohortView,
    lang: Lang,
    compared: &[&Cohort],
) -> Result<AttrValue, AttrValue> {
    let curve = |c: &Cohort| Curve {
        label: c.label.clone(),
        values: (0..c.active.len())
            .map(|p| retention(c, view.measure, p).unwrap_or(f64::NAN))
            .collect(),
    };
    let average = average_curve(&analysis.cohorts, view.measure);
    let observed = average.len();
    let model = match (&analysis.fit, view.measure) {
        (Ok(f), Measure::Logo) => Some((
            Curve {
                label: lang.t(CohortKey::SbgFit).into(),
                values: f.model.survival((observed + PROJECTION_PERIODS) as u32 - 1),
            },
            observed,
        )),
        _ => None,
    };
    let chart = CohortCurves {
        title: lang
            .t(match view.measure {
                Measure::Logo => CohortKey::CurvesTitleLogo,
                Measure::Revenue => CohortKey::CurvesTitleRevenue,
            })
            .into(),
        x_label: lang
            .t(match view.grain {
                Grain::Month => CohortKey::MonthsSince,
                Grain::Quarter => CohortKey::QuartersSince,
            })
            .into(),
        y_label: lang.t(CohortKey::RetentionAxis).into(),
        cohorts: analysis.cohorts.iter().map(curve).collect(),
        average: Curve {
            label: lang.t(CohortKey::WeightedAverage).into(),
            values: average,
        },
        compared: compared.iter().map(|c| curve(c)).collect(),
        model,
        cohorts_label: lang.t(CohortKey::CohortLines).into(),
        projection_label: lang.t(CohortKey::SbgProjection).into(),
    };
    cohort_curves::draw(&chart)
        .map(AttrValue::from)
        .map_err(|e| AttrValue::from(error_text(lang, &e)))
}
