//! The CS organisation designer: headcount, cost and 人效 per model, seed 002's recommendation
//! and cost against customers.

use yew::prelude::*;

use crate::chart::bars::{self, Bar, Bars};
use crate::chart::lines::{self, Line, Lines};
use crate::chart::palette;
use crate::components::assumption::assumption;
use crate::components::chart_figure::{shown, ChartFigure};
use crate::components::text_setting::TextSetting;
use crate::derive::strategy::{org_model_label, roles_text, OrgView};
use crate::forms::number::parse_number;
use crate::hooks::app_context::use_app;
use crate::hooks::derived::use_org;
use crate::i18n::strategy_error_text as error_text;
use crate::i18n::{
    format_money, format_percent, Currency, Lang, StrategyCoreKey as KC, StrategyKey as K,
};
use crate::model::strategy::org::{OrgInputs, OrgModel};
use crate::model::strategy::org_advice::{Reason, Thresholds};
use crate::state::{Action, AppContext, StrategyAction as S};

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

/// Where an input lives: the designer's inputs or the recommendation's thresholds.
#[derive(Clone, Copy)]
enum Target {
    Org(fn(&mut OrgInputs) -> &mut f64),
    Threshold(fn(&mut Thresholds) -> &mut f64),
}

/// Test-hook name, label, where the value lives, and 100 for a share typed in per cent.
type Field = (&'static str, KC, Target, f64);

const MAIN_FIELDS: [Field; 8] = [
    (
        "org-customers",
        KC::OrgCustomers,
        Target::Org(|i| &mut i.customers),
        1.0,
    ),
    ("org-arpa", KC::OrgArpa, Target::Org(|i| &mut i.arpa), 1.0),
    (
        "org-account-hours",
        KC::OrgAccountHours,
        Target::Org(|i| &mut i.account_hours_per_customer),
        1.0,
    ),
    (
        "org-tickets",
        KC::OrgTickets,
        Target::Org(|i| &mut i.tickets_per_customer_month),
        1.0,
    ),
    (
        "org-ticket-hours",
        KC::OrgTicketHours,
        Target::Org(|i| &mut i.hours_per_ticket),
        1.0,
    ),
    (
        "org-new-customers",
        KC::OrgNewCustomers,
        Target::Org(|i| &mut i.new_customers_per_year),
        1.0,
    ),
    (
        "org-implementation-hours",
        KC::OrgImplementationHours,
        Target::Org(|i| &mut i.implementation_hours),
        1.0,
    ),
    (
        "org-productive-hours",
        KC::OrgProductiveHours,
        Target::Org(|i| &mut i.productive_hours),
        1.0,
    ),
];

/// Costs, efficiencies, commissions and the recommendation's thresholds: assumptions a
/// workshop revisits less often, folded away under the main inputs.
const MORE_FIELDS: [Field; 18] = [
    (
        "org-cost-csm",
        KC::CostCsm,
        Target::Org(|i| &mut i.costs.csm),
        1.0,
    ),
    (
        "org-cost-support",
        KC::CostSupport,
        Target::Org(|i| &mut i.costs.support),
        1.0,
    ),
    (
        "org-cost-implementer",
        KC::CostImplementer,
        Target::Org(|i| &mut i.costs.implementer),
        1.0,
    ),
    (
        "org-cost-service-ops",
        KC::CostServiceOps,
        Target::Org(|i| &mut i.costs.service_ops),
        1.0,
    ),
    (
        "org-cost-tech",
        KC::CostTech,
        Target::Org(|i| &mut i.costs.tech_support),
        1.0,
    ),
    (
        "org-support-efficiency",
        KC::SupportEfficiency,
        Target::Org(|i| &mut i.support_efficiency),
        100.0,
    ),
    (
        "org-implementer-efficiency",
        KC::ImplementerEfficiency,
        Target::Org(|i| &mut i.implementer_efficiency),
        100.0,
    ),
    (
        "org-tech-efficiency",
        KC::TechEfficiency,
        Target::Org(|i| &mut i.tech_support_efficiency),
        100.0,
    ),
    (
        "org-tech-share",
        KC::TechShare,
        Target::Org(|i| &mut i.tech_ticket_share),
        100.0,
    ),
    (
        "org-service-ops-ratio",
        KC::ServiceOpsRatio,
        Target::Org(|i| &mut i.service_ops_ratio),
        1.0,
    ),
    (
        "org-service-ops-saving",
        KC::ServiceOpsSaving,
        Target::Org(|i| &mut i.service_ops_saving),
        100.0,
    ),
    (
        "org-coordination-share",
        KC::CoordinationShare,
        Target::Org(|i| &mut i.coordination_share),
        100.0,
    ),
    (
        "org-commission-sales",
        KC::CommissionSales,
        Target::Org(|i| &mut i.commission_sales),
        100.0,
    ),
    (
        "org-commission-cs",
        KC::CommissionCs,
        Target::Org(|i| &mut i.commission_cs),
        100.0,
    ),
    (
        "org-renewal-rate",
        KC::OrgRenewalRate,
        Target::Org(|i| &mut i.renewal_rate),
        100.0,
    ),
    (
        "org-low-arpa",
        KC::LowArpaBelow,
        Target::Threshold(|t| &mut t.low_arpa_below),
        1.0,
    ),
    (
        "org-split-from",
        KC::SplitFrom,
        Target::Threshold(|t| &mut t.split_from_customers),
        1.0,
    ),
    (
        "org-refined-from",
        KC::RefinedFrom,
        Target::Threshold(|t| &mut t.refined_from_customers),
        1.0,
    ),
];

fn field(state: &AppContext, (name, label, target, scale): Field) -> Html {
    let lang = state.lang;
    let (mut org, mut thresholds) = (state.strategy.org, state.strategy.thresholds);
    let value = match target {
        Target::Org(get) => *get(&mut org),
        Target::Threshold(get) => *get(&mut thresholds),
    };
    let parse = {
        let state = state.clone();
        // A share may be typed with or without its % sign; the model still checks its range.
        Callback::from(move |text: String| match parse_number(&text) {
            Ok((v, percent)) if v.is_finite() && v >= 0.0 && (!percent || scale > 1.0) => {
                let v = v / scale;
                let action = match target {
                    Target::Org(get) => {
                        let mut next = state.strategy.org;
                        *get(&mut next) = v;
                        S::SetOrg(next)
                    }
                    Target::Threshold(get) => {
                        let mut next = state.strategy.thresholds;
                        *get(&mut next) = v;
                        S::SetThresholds(next)
                    }
                };
                state.dispatch(Action::Strategy(action));
                Ok(())
            }
            _ => Err(AttrValue::from(lang.t(KC::NotANumber))),
        })
    };
    let shown = crate::i18n::format_typed(value * scale);
    html! { <TextSetting name={name} label={lang.t(label)} value={shown} {parse} /> }
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
            <div class="settings">{ for MAIN_FIELDS.iter().map(|f| field(&state, *f)) }{ assumption(lang) }</div>
            <details class="more-settings">
                <summary>{ lang.t(K::MoreAssumptions) }</summary>
                <div class="settings">{ for MORE_FIELDS.iter().map(|f| field(&state, *f)) }</div>
            </details>
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
        let cheapest = m.model == v.cheapest;
        html! {
            <tr data-testid="org-model" data-model={model_key(m.model)}
                data-cheapest={cheapest.to_string()}
                data-headcount={m.headcount.total().to_string()}
                data-arr-per-head={m.arr_per_head.map(|a| a.to_string()).unwrap_or_default()}
                class={classes!(recommended.then_some("row--highlight"))}>
                <th scope="row">
                    { org_model_label(lang, m.model) }
                    if cheapest { <span class="badge">{ lang.t(K::CheapestBadge) }</span> }
                </th>
                <td class="num">{ m.headcount.total() }</td>
                <td>{ roles_text(lang, &m.headcount) }</td>
                <td class="num">{ money(m.cost, lang, currency) }</td>
                <td class="num">{ m.cost_share_of_arr.map(format_percent).unwrap_or_else(|| "—".into()) }</td>
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
        x_label: lang.t(KC::ModelColumn).to_string(),
        y_label: format!("{} ({})", lang.t(KC::ArrPerHead), currency.symbol()),
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
                <h3 class="metric__label">{ lang.t(KC::RecommendedMetric) }</h3>
                <p class="metric__value">{ org_model_label(lang, rec.model) }</p>
                <p class="metric__explain" data-testid="org-reason">{ reason_text(lang, rec.reason) }</p>
            </section>
            <section class="metric" data-testid="metric-org-cheapest" data-value={model_key(v.cheapest)}>
                <h3 class="metric__label">{ lang.t(K::CheapestMetric) }</h3>
                <p class="metric__value">{ org_model_label(lang, v.cheapest) }</p>
                <p class="metric__explain">{
                    if v.cheapest == rec.model {
                        lang.t(K::CheapestAgrees).to_string()
                    } else {
                        lang.fill(K::CheapestDiffers, &[("recommended", org_model_label(lang, rec.model)), ("cheapest", org_model_label(lang, v.cheapest))])
                    }
                }</p>
            </section>
            <section class="metric" data-testid="metric-org-commission-saved" data-value={v.design.commission_saved.to_string()}>
                <h3 class="metric__label">{ lang.t(K::CommissionSaved) }</h3>
                <p class="metric__value">{ money(v.design.commission_saved, lang, currency) }</p>
            </section>
            <table class="table">
                <thead><tr>
                    <th>{ lang.t(KC::ModelColumn) }</th>
                    <th>{ lang.t(KC::HeadcountColumn) }</th>
                    <th>{ lang.t(KC::RolesColumn) }</th>
                    <th>{ lang.t(KC::CostColumn) }</th>
                    <th>{ lang.t(K::CostShareColumn) }</th>
                    <th>{ lang.t(KC::ArrPerHead) }</th>
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
