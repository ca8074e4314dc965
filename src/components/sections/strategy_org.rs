//! The CS organisation designer: headcount, cost and 人效 per model, seed 002's recommendation
//! and cost against customers.

use yew::prelude::*;

use super::strategy::{assumption, error_text, number};
use crate::chart::bars::{self, Bar, Bars};
use crate::chart::lines::{self, Line, Lines};
use crate::chart::palette;
use crate::components::chart_figure::{shown, ChartFigure};
use crate::components::text_setting::TextSetting;
use crate::derive::strategy::{org_model_label, OrgView};
use crate::forms::number::parse_number;
use crate::i18n::{format_money, Currency, Lang, StrategyKey as K};
use crate::model::strategy::org::{OrgInputs, OrgModel};
use crate::model::strategy::org_advice::Reason;
use crate::state::derived::use_org;
use crate::state::{use_app, Action, AppContext, StrategyAction as S};

/// The model's key for tests and hooks.
pub fn model_key(model: OrgModel) -> &'static str {
    match model {
        OrgModel::FullStack => "full-stack",
        OrgModel::ProactiveReactive => "proactive-reactive",
        OrgModel::Refined => "refined",
        OrgModel::Integrated => "integrated",
    }
}

fn reason_text(lang: Lang, reason: Reason) -> &'static str {
    lang.t(match reason {
        Reason::TechnicalCoordination => K::ReasonTech,
        Reason::ComplexProduct => K::ReasonComplex,
        Reason::ManyCustomers => K::ReasonMany,
        Reason::EnoughCustomersToSplit => K::ReasonSplit,
        Reason::HigherPrice => K::ReasonPrice,
        Reason::LowPriceSimpleProduct => K::ReasonLowPrice,
    })
}

type Field = (&'static str, K, fn(&mut OrgInputs) -> &mut f64);

const FIELDS: [Field; 8] = [
    ("org-customers", K::OrgCustomers, |i| &mut i.customers),
    ("org-arpa", K::OrgArpa, |i| &mut i.arpa),
    ("org-account-hours", K::OrgAccountHours, |i| {
        &mut i.account_hours_per_customer
    }),
    ("org-tickets", K::OrgTickets, |i| {
        &mut i.tickets_per_customer_month
    }),
    ("org-ticket-hours", K::OrgTicketHours, |i| {
        &mut i.hours_per_ticket
    }),
    ("org-new-customers", K::OrgNewCustomers, |i| {
        &mut i.new_customers_per_year
    }),
    ("org-implementation-hours", K::OrgImplementationHours, |i| {
        &mut i.implementation_hours
    }),
    ("org-productive-hours", K::OrgProductiveHours, |i| {
        &mut i.productive_hours
    }),
];

fn field(state: &AppContext, (name, label, get): Field) -> Html {
    let lang = state.lang;
    let mut current = state.strategy.org;
    let value = *get(&mut current);
    let parse = {
        let state = state.clone();
        Callback::from(move |text: String| match parse_number(&text) {
            Ok((v, false)) if v.is_finite() && v >= 0.0 => {
                let mut next = state.strategy.org;
                *get(&mut next) = v;
                state.dispatch(Action::Strategy(S::SetOrg(next)));
                Ok(())
            }
            _ => Err(AttrValue::from(lang.t(K::NotANumber))),
        })
    };
    html! { <TextSetting name={name} label={lang.t(label)} value={value.to_string()} {parse} /> }
}

#[component]
pub fn OrgTool() -> Html {
    let view = use_org();
    let Some(state) = use_app() else {
        return html! {};
    };
    let lang = state.lang;
    let currency = state.currency();
    let profile = state.strategy.profile;
    let toggle = |key: K,
                  id: &'static str,
                  checked: bool,
                  flip: fn(&mut crate::model::strategy::org_advice::Profile)| {
        let state = state.clone();
        let onchange = Callback::from(move |_: Event| {
            let mut next = state.strategy.profile;
            flip(&mut next);
            state.dispatch(Action::Strategy(S::SetProfile(next)));
        });
        html! { <label class="check"><input type="checkbox" {checked} {onchange} data-testid={id} />{ lang.t(key) }</label> }
    };
    let body = match view.as_ref() {
        None => html! {},
        Some(Err(e)) => {
            html! { <p class="panel__notice" role="alert" data-testid="org-error">{ error_text(lang, e) }</p> }
        }
        Some(Ok(v)) => figures(v, lang, currency),
    };
    html! {
        <section class="panel strategy-tool" data-testid="strategy-org">
            <h3 class="panel__title">{ lang.t(K::OrgHeading) }</h3>
            <p class="section__intro">{ lang.t(K::OrgIntro) }</p>
            <div class="settings">{ for FIELDS.iter().map(|f| field(&state, *f)) }{ assumption(lang) }</div>
            <div class="toolbar">
                { toggle(K::ComplexProduct, "input-org-complex", profile.complex_product, |p| p.complex_product = !p.complex_product) }
                { toggle(K::TechCoordination, "input-org-technical", profile.technical_coordination, |p| p.technical_coordination = !p.technical_coordination) }
            </div>
            { body }
        </section>
    }
}

fn money(v: f64, lang: Lang, currency: Currency) -> String {
    if v.is_finite() {
        format_money(v, lang, currency)
    } else {
        "—".to_string()
    }
}

fn figures(v: &OrgView, lang: Lang, currency: Currency) -> Html {
    let rec = v.recommendation;
    let rows = v.design.models.iter().map(|m| {
        let recommended = m.model == rec.model;
        html! {
            <tr data-testid="org-model" data-model={model_key(m.model)}
                data-headcount={m.headcount.total().to_string()}
                data-arr-per-head={m.arr_per_head.map(|a| a.to_string()).unwrap_or_default()}
                class={classes!(recommended.then_some("row--highlight"))}>
                <th scope="row">{ org_model_label(lang, m.model) }</th>
                <td class="num">{ m.headcount.total() }</td>
                <td class="num">{ money(m.cost, lang, currency) }</td>
                <td class="num">{ m.cost_share_of_arr.map(|s| format!("{}%", number(s * 100.0, 1))).unwrap_or_else(|| "—".into()) }</td>
                <td class="num">{ m.arr_per_head.map(|a| money(a, lang, currency)).unwrap_or_else(|| "—".into()) }</td>
            </tr>
        }
    });
    let c = &v.cost_lines;
    let cost_chart = Lines {
        title: c.title.clone(),
        x_label: c.x_label.clone(),
        y_label: format!("{} ({})", c.y_label, currency.symbol()),
        lines: c
            .lines
            .iter()
            .map(|l| Line {
                name: l.label.clone(),
                points: c
                    .customers
                    .iter()
                    .copied()
                    .zip(l.values.iter().copied())
                    .collect(),
            })
            .collect(),
    };
    let per_head = Bars {
        title: lang.t(K::ArrPerHeadTitle).to_string(),
        x_label: lang.t(K::ModelColumn).to_string(),
        y_label: format!("{} ({})", lang.t(K::ArrPerHead), currency.symbol()),
        bars: v
            .design
            .models
            .iter()
            .filter_map(|m| {
                Some(Bar {
                    label: org_model_label(lang, m.model).to_string(),
                    value: m.arr_per_head?,
                    colour: if Some(m.model) == v.best_arr_per_head {
                        palette::GREEN
                    } else {
                        palette::BLUE
                    },
                })
            })
            .collect(),
    };
    let short = move |x: f64| crate::i18n::format_magnitude(x, lang);
    let source = lang.t(K::OrgHeading);
    html! {
        <>
            <section class="metric" data-testid="metric-org-recommended" data-value={model_key(rec.model)}>
                <h3 class="metric__label">{ lang.t(K::RecommendedMetric) }</h3>
                <p class="metric__value">{ org_model_label(lang, rec.model) }</p>
                <p class="metric__explain" data-testid="org-reason">{ reason_text(lang, rec.reason) }</p>
            </section>
            <table class="table">
                <thead><tr>
                    <th>{ lang.t(K::ModelColumn) }</th>
                    <th>{ lang.t(K::HeadcountColumn) }</th>
                    <th>{ lang.t(K::CostColumn) }</th>
                    <th>{ lang.t(K::CostShareColumn) }</th>
                    <th>{ lang.t(K::ArrPerHead) }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
            <div class="scenarios-charts">
                <ChartFigure name="org-cost" svg={shown(lines::draw(&cost_chart, &|x| format!("{x:.0}"), &short), lang)} source={source} />
                if !per_head.bars.is_empty() {
                    <ChartFigure name="org-arr-per-head" svg={shown(bars::draw(&per_head, &short), lang)} source={source} />
                }
            </div>
        </>
    }
}
