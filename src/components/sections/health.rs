//! Customer health: the scorecard editor, portfolio figures, ARR by band, the score
//! distribution, tiers, the customer table and the ticket priority list.

use std::rc::Rc;

use yew::prelude::*;

use crate::chart::bars;
use crate::components::chart_figure::{shown, ChartFigure};
use crate::components::customer_table::customer_table;
use crate::components::data_table::{Align, DataTable};
use crate::components::metric_card::{metric_card, Metric};
use crate::components::scorecard_editor::scorecard_editor;
use crate::components::tier_rules_editor::tier_rules_editor;
use crate::derive::customers::TableView;
use crate::derive::health::HealthFigures;
use crate::derive::labels::band_label;
use crate::hooks::app_context::use_app;
use crate::hooks::derived::{use_customers, use_health};
use crate::i18n::{format_count, format_money, format_percent, Currency, HealthKey, Lang};
use crate::model::portfolio::Customer;
use crate::model::tiers::TierRules;

#[component]
pub fn HealthSection() -> Html {
    let table_view = use_state(TableView::default);
    let figures = use_health();
    let in_use = use_customers();
    let (Some(state), Some(in_use)) = (use_app(), in_use) else {
        return html! {};
    };
    let Some(figures) = figures.as_ref() else {
        return html! {};
    };
    let (analysis, card, rules) = (&figures.analysis, &figures.card, state.health.tier_rules);
    let lang = state.lang;
    let currency = state.currency();
    let data: Rc<Vec<Customer>> = in_use.rc();
    if data.is_empty() {
        return html! {
            <section class="section" data-testid="section-health">
                <h2 class="section__title">{ lang.t(HealthKey::HealthTitle) }</h2>
                <p class="panel__notice">{ lang.t(HealthKey::NoCustomers) }</p>
            </section>
        };
    }
    let source = crate::i18n::origin_label(lang, &state.dataset.customers_origin);

    html! {
        <section class="section" data-testid="section-health">
            <header class="section__header">
                <h2 class="section__title">{ lang.t(HealthKey::HealthTitle) }</h2>
                <p class="section__intro">{ lang.t(HealthKey::HealthIntro) }</p>
                <p class="section__intro" data-testid="as-of">{ lang.fill(HealthKey::AsOf, &[("date", &analysis.as_of.to_string()), ("source", &source)]) }</p>
            </header>
            { metrics(figures, lang, currency) }
            if figures.unknown_tenure > 0 {
                <p class="panel__notice" data-testid="tenure-unknown" data-count={figures.unknown_tenure.to_string()}>
                    { lang.fill(HealthKey::TenureUnknown, &[("count", &format_count(figures.unknown_tenure))]) }
                </p>
            }
            <div class="scenarios-charts">
                <ChartFigure name="arr-by-band" svg={arr_by_band(figures, lang, currency)} source={source.clone()} />
                <ChartFigure name="score-distribution" svg={shown(bars::draw(&figures.distribution, &|v| format!("{v:.0}")), lang)} source={source.clone()} />
            </div>
            { scorecard_editor(&state, card, &figures.unused_columns) }
            <section class="panel">
                { tiers_note(&rules, lang) }
                { tier_rules_editor(&state, rules) }
            </section>
            { customer_table(&state, &table_view, &data, analysis, card) }
            { tickets(&data, figures, lang, currency) }
        </section>
    }
}

pub(crate) fn metrics(f: &HealthFigures, lang: Lang, currency: Currency) -> Html {
    let (a, card) = (&f.analysis, &f.card);
    let (mean, growth) = (f.mean_score, f.growth_share);
    let (red, red_arr) = (f.red_customers, f.red_arr);
    html! {
        <div class="metrics">
            { metric_card(Metric { name: "portfolio-health", value: mean, text: (if mean.is_finite() { format!("{mean:.1}") } else { "—".into() }).into(), label: (lang.t(HealthKey::PortfolioHealth)).into(), explain: (lang.fill(HealthKey::PortfolioHealthExplain, &[("count", &format_count(a.summary.scored))])).into(), badge: None }) }
            { metric_card(Metric { name: "growth-tier-share", value: growth, text: (format_percent(growth)).into(), label: (lang.t(HealthKey::GrowthTierShare)).into(), explain: (lang.t(HealthKey::GrowthTierShareExplain)).into(), badge: None }) }
            { metric_card(Metric { name: "red-customers", value: red as f64, text: (format_count(red)).into(), label: (lang.t(HealthKey::RedCustomers)).into(), explain: (lang.fill(HealthKey::RedCustomersExplain, &[("threshold", &format!("{:.0}", card.bands.red_below)), ("arr", &format_money(red_arr, lang, currency))])).into(), badge: None }) }
        </div>
    }
}

pub(crate) fn arr_by_band(
    f: &HealthFigures,
    lang: Lang,
    currency: Currency,
) -> Result<AttrValue, AttrValue> {
    shown(
        bars::draw(&f.arr_by_band, &|v| format_money(v, lang, currency)),
        lang,
    )
}

fn tiers_note(rules: &TierRules, lang: Lang) -> Html {
    html! {
        <p class="section__intro">
            <strong>{ lang.t(HealthKey::TiersTitle) }{ if lang == Lang::Zh { "：" } else { ": " } }</strong>
            { lang.fill(HealthKey::TiersIntro, &[
                ("top", &format_percent(rules.lighthouse_top_share)),
                ("lighthouse_score", &format!("{:.0}", rules.lighthouse_min_health)),
                ("referrals", &format!("{:.0}", rules.lighthouse_min_referrals)),
                ("growth_score", &format!("{:.0}", rules.growth_min_health)),
            ]) }
        </p>
    }
}

fn tickets(customers: &[Customer], f: &HealthFigures, lang: Lang, currency: Currency) -> Html {
    let a = &f.analysis;
    let mut table = DataTable::new(
        "",
        &[
            (lang.t(HealthKey::Customer), Align::Text),
            (lang.t(HealthKey::TicketsUnresolved), Align::Number),
            (lang.t(HealthKey::Score), Align::Number),
            ("ARR", Align::Number),
            (lang.t(HealthKey::Priority), Align::Number),
        ],
    );
    for rank in &f.tickets {
        let (i, c) = (rank.index, &customers[rank.index]);
        table
            .row(&[("data-testid", "ticket-row"), ("data-customer-id", &c.id)])
            .head(&[("", &c.name)])
            .data(
                Align::Number,
                &[("", &format!("{:.0}", c.tickets_unresolved.unwrap_or(0.0)))],
            )
            .data(
                Align::Number,
                &[("", &a.scores[i].map_or("—".into(), |s| format!("{s:.0}")))],
            )
            .data(Align::Number, &[("", &format_money(c.arr, lang, currency))])
            .data(Align::Number, &[("", band_label(lang, rank.band))])
            .end_row();
    }
    html! {
        <section class="panel" data-testid="ticket-priority">
            <h3 class="panel__title">{ lang.t(HealthKey::TicketsTitle) }</h3>
            <p class="section__intro">{ lang.t(HealthKey::TicketsIntro) }</p>
            { table.finish() }
        </section>
    }
}
