//! Renewal forecast: the north-star logistic fit, its quality, the next-12-month forecast, the
//! at-risk list and the north-star lever.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::chart::probability;
use crate::components::chart_figure::{shown, ChartFigure};
use crate::components::data_table::{Align, DataTable};
use crate::components::metric_card::{metric_card, Metric};
use crate::derive::labels::measure_label;
use crate::derive::renewal::{FitFigures, RenewalFigures};
use crate::hooks::app_context::use_app;
use crate::hooks::derived::{use_customers, use_renewal};
use crate::i18n::{
    format_count, format_fixed, format_money, format_percent, format_signed_percent,
    format_whole_percent, Currency, HealthKey, Lang,
};
use crate::model::health::Measure;
use crate::model::portfolio::Customer;
use crate::model::renewal::{RenewalError, RenewalFit, MIN_EACH_OUTCOME};
use crate::state::Action;
use crate::state::AppContext;

/// Measures that may join the north star as inputs.
const OPTIONAL_INPUTS: [Measure; 4] = [
    Measure::Nps,
    Measure::TicketsUnresolved,
    Measure::ExecTouch,
    Measure::TicketsOpened,
];

#[component]
pub fn RenewalSection() -> Html {
    let analysis = use_renewal();
    let in_use = use_customers();
    let (Some(state), Some(in_use)) = (use_app(), in_use) else {
        return html! {};
    };
    let inputs = state.health.renewal_inputs.clone();
    let lang = state.lang;
    let currency = state.currency();
    let customers: Rc<Vec<Customer>> = in_use.rc();
    let body = match analysis.as_ref() {
        None => html! { <p class="panel__notice">{ lang.t(HealthKey::NoCustomers) }</p> },
        Some(RenewalFigures {
            fit: Err(error), ..
        }) => html! {
            <p class="panel__notice" role="alert" data-testid="renewal-error">{ error_text(lang, error) }</p>
        },
        Some(
            a @ RenewalFigures {
                fit: Ok(fit),
                quality: Some(q),
                ..
            },
        ) => html! {
            <>
                { metrics(a, fit, q, lang, currency) }
                { lever(&state, a, q, lang, currency) }
                <div class="scenarios-charts">
                    <ChartFigure name="renewal-curve" svg={shown(probability::draw(&q.curve, &|v| format!("{v:.0}")), lang)} source={origin_text(&state, lang)} />
                    <ChartFigure name="calibration" svg={shown(probability::draw(&q.calibration, &|v| format!("{v:.0}")), lang)} source={origin_text(&state, lang)} />
                </div>
                { at_risk(&customers, q, lang, currency) }
            </>
        },
        Some(_) => html! {},
    };
    let toggles = OPTIONAL_INPUTS.iter().map(|measure| {
        let checked = inputs.contains(measure);
        let onchange = {
            let (state, inputs, measure) = (state.clone(), inputs.clone(), measure.clone());
            Callback::from(move |_: Event| {
                let mut next = inputs.clone();
                match next.iter().position(|m| *m == measure) {
                    Some(i) => {
                        next.remove(i);
                    }
                    None => next.push(measure.clone()),
                }
                state.dispatch(Action::SetRenewalInputs(next));
            })
        };
        html! {
            <label class="check">
                <input type="checkbox" {checked} {onchange} data-testid={format!("input-renewal-{}", measure.key())} />
                { measure_label(lang, measure) }
            </label>
        }
    });

    html! {
        <section class="section" data-testid="section-renewal">
            <header class="section__header">
                <h2 class="section__title">{ lang.t(HealthKey::RenewalTitle) }</h2>
                <p class="section__intro">{ lang.t(HealthKey::RenewalIntro) }</p>
                if let Some(a) = analysis.as_ref() {
                    <p class="section__intro">{ lang.fill(HealthKey::AsOf, &[("date", &a.as_of.to_string()), ("source", &origin_text(&state, lang))]) }</p>
                }
            </header>
            <div class="toolbar">
                <span class="field__label">{ lang.t(HealthKey::AlsoUse) }</span>
                { for toggles }
            </div>
            { body }
        </section>
    }
}

fn origin_text(state: &AppContext, lang: Lang) -> String {
    crate::i18n::origin_label(lang, &state.dataset.customers_origin)
}

fn error_text(lang: Lang, error: &RenewalError) -> String {
    match error {
        RenewalError::TooFewOutcomes { renewed, churned } => lang.fill(
            HealthKey::TooFew,
            &[
                ("renewed", &renewed.to_string()),
                ("churned", &churned.to_string()),
                ("needed", &MIN_EACH_OUTCOME.to_string()),
            ],
        ),
        RenewalError::Constant(measure) => lang.fill(
            HealthKey::Constant,
            &[("measure", &measure_label(lang, measure))],
        ),
        RenewalError::Separation => lang.t(HealthKey::Separation).into(),
        RenewalError::NotConverged => lang.t(HealthKey::NotConverged).into(),
    }
}

fn metrics(
    a: &RenewalFigures,
    fit: &RenewalFit,
    q: &FitFigures,
    lang: Lang,
    currency: Currency,
) -> Html {
    let f = &a.forecast;
    let (auc, loss, baseline) = (q.auc, q.log_loss, q.baseline_log_loss);
    let (logo, dollar) = (q.expected_logo_rate, q.expected_dollar_rate);
    html! {
        <div class="metrics">
            { metric_card(Metric { name: "auc", value: auc, text: format_fixed(auc, 3).into(), label: (lang.t(HealthKey::Auc)).into(), explain: (lang.fill(HealthKey::AucExplain, &[("count", &format_count(fit.observations))])).into(), badge: None }) }
            { metric_card(Metric { name: "log-loss", value: loss, text: format_fixed(loss, 3).into(), label: (lang.t(HealthKey::LogLoss)).into(), explain: (lang.fill(HealthKey::LogLossExplain, &[("baseline", &format_fixed(baseline, 3))])).into(), badge: None }) }
            { metric_card(Metric { name: "expected-renewal-rate", value: logo, text: (format_percent(logo)).into(), label: (lang.t(HealthKey::ExpectedRenewalRate)).into(), explain: (lang.fill(HealthKey::ExpectedRenewalRateExplain, &[("count", &format_count(f.due.len()))])).into(), badge: None }) }
            { metric_card(Metric { name: "expected-dollar-renewal-rate", value: dollar, text: (format_percent(dollar)).into(), label: (lang.t(HealthKey::ExpectedDollarRate)).into(), explain: (lang.fill(HealthKey::ExpectedDollarRateExplain, &[("arr", &format_money(f.arr_due, lang, currency))])).into(), badge: None }) }
            { metric_card(Metric { name: "arr-at-risk", value: f.arr_at_risk, text: (format_money(f.arr_at_risk, lang, currency)).into(), label: (lang.t(HealthKey::ArrAtRisk)).into(), explain: (lang.t(HealthKey::ArrAtRiskExplain)).into(), badge: None }) }
        </div>
    }
}

fn lever(
    state: &AppContext,
    a: &RenewalFigures,
    q: &FitFigures,
    lang: Lang,
    currency: Currency,
) -> Html {
    let lift = state.health.north_star_lift;
    let on_lift = {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            if let Some(percent) = value.trim().parse::<f64>().ok().filter(|v| v.is_finite()) {
                state.dispatch(Action::SetNorthStarLift(percent / 100.0));
            }
        })
    };
    let (base, lifted) = (&a.forecast, &a.lifted);
    let (rate, delta_rate, gained) = (q.lifted_logo_rate, q.lifted_rate_change, q.lifted_arr_gain);
    html! {
        <section class="panel" data-testid="north-star-lever">
            <h3 class="panel__title">{ lang.t(HealthKey::Lever) }</h3>
            <label class="field field--inline">
                <span class="field__label">{ lang.t(HealthKey::LiftLabel) }</span>
                <input type="range" min="0" max="100" step="1" value={format!("{:.0}", lift * 100.0)}
                       data-testid="input-north-star-lift" oninput={on_lift.clone()} aria-label={lang.t(HealthKey::LiftLabel)} />
                { crate::components::slider_field::number_twin("north-star-lift", lang.t(HealthKey::LiftLabel), (0.0, 100.0, 1.0),
                                                               &format!("{:.0}", lift * 100.0), on_lift) }
                <span class="scorecard__share">{ format!("+{}", format_whole_percent(lift)) }</span>
            </label>
            <div class="metrics">
                { metric_card(Metric { name: "lifted-renewal-rate", value: rate, text: (format_percent(rate)).into(), label: (lang.t(HealthKey::LiftedRate)).into(), explain: (lang.fill(HealthKey::LiftedRateExplain, &[("lift", &format_whole_percent(lift)), ("change", &format_signed_percent(delta_rate))])).into(), badge: None }) }
                { metric_card(Metric { name: "lifted-renewal-arr", value: gained, text: (format_money(gained, lang, currency)).into(), label: (lang.t(HealthKey::LiftedArr)).into(), explain: (lang.fill(HealthKey::LiftedArrExplain, &[
                                ("from", &format_money(base.expected_renewal_arr, lang, currency)),
                                ("to", &format_money(lifted.expected_renewal_arr, lang, currency)),
                            ])).into(), badge: None }) }
            </div>
        </section>
    }
}

fn at_risk(customers: &[Customer], q: &FitFigures, lang: Lang, currency: Currency) -> Html {
    let mut table = DataTable::new(
        "",
        &[
            (lang.t(HealthKey::Customer), Align::Text),
            (lang.t(HealthKey::ContractEnd), Align::Text),
            ("ARR", Align::Number),
            (lang.t(HealthKey::Probability), Align::Number),
            (lang.t(HealthKey::ArrAtRisk), Align::Number),
        ],
    );
    for d in &q.at_risk {
        let c = &customers[d.customer];
        table
            .row(&[
                ("data-testid", "at-risk-row"),
                ("data-customer-id", &c.id),
                ("data-probability", &format!("{:.6}", d.probability)),
            ])
            .head(&[("", &c.name)])
            .data(
                Align::Text,
                &[(
                    "",
                    &c.contract_end.map(|e| e.to_string()).unwrap_or_default(),
                )],
            )
            .data(Align::Number, &[("", &format_money(d.arr, lang, currency))])
            .data(Align::Number, &[("", &format_percent(d.probability))])
            .data(
                Align::Number,
                &[("", &format_money(d.arr_at_risk(), lang, currency))],
            )
            .end_row();
    }
    html! {
        <section class="panel" data-testid="at-risk">
            <h3 class="panel__title">{ lang.t(HealthKey::ForecastTitle) }</h3>
            { table.finish() }
        </section>
    }
}
