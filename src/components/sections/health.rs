//! Customer health: the scorecard editor, portfolio figures, ARR by band, the score
//! distribution, tiers, the customer table and the ticket priority list.

use std::rc::Rc;

use yew::prelude::*;

use crate::chart::bars::{self, Bar, Bars};
use crate::chart::{palette, ChartError};
use crate::components::chart_figure::ChartFigure;
use crate::components::customer_table::{customer_table, TableView};
use crate::components::health_labels::band_label;
use crate::components::metric_card::{metric_card, Metric};
use crate::components::raw_table::{Align, TableText};
use crate::components::scorecard_editor::scorecard_editor;
use crate::components::AppContext;
use crate::data::dataset::Origin;
use crate::data::health_analysis::{
    analyse_health, default_scorecard, extra_columns, HealthAnalysis,
};
use crate::i18n::{
    error_text, format_count, format_money, format_percent, Currency, HealthKey, Lang,
};
use crate::model::health::{ticket_priority, Band, Measure, Scorecard};
use crate::model::portfolio::Customer;
use crate::model::tiers::TierRules;

/// The band colours: colour-blind safe (Okabe & Ito), and every band is also named in text.
pub fn band_colour(band: Band) -> plotters::style::RGBColor {
    match band {
        Band::Red => palette::VERMILLION,
        Band::Yellow => palette::ORANGE,
        Band::Green => palette::BLUE,
    }
}

#[component]
pub fn HealthSection() -> Html {
    let table_view = use_state(TableView::default);
    let state = use_context::<AppContext>();
    let customers = state.as_ref().map(|s| {
        (
            s.dataset.customers.clone(),
            s.dataset.customers_origin.clone(),
        )
    });
    let default_card = use_memo(customers.clone().map(|c| c.0), |c| {
        c.as_ref()
            .map(|c| default_scorecard(c))
            .unwrap_or_else(|| Scorecard::with_target(1.0))
    });
    let card = state
        .as_ref()
        .and_then(|s| s.health.card.clone())
        .unwrap_or_else(|| (*default_card).clone());
    let rules = state
        .as_ref()
        .map(|s| s.health.tier_rules)
        .unwrap_or_default();
    // The file's extra numeric columns and their ranges: a scan of every customer, once per data.
    let columns = use_memo(customers.clone().map(|c| c.0), |c| {
        let data: &[Customer] = c.as_deref().map_or(&[], |c| c.as_slice());
        extra_columns(data)
            .into_iter()
            .map(|name| {
                let range = column_range(data, &name);
                (name, range)
            })
            .collect::<Vec<_>>()
    });
    let analysis = use_memo(
        (customers.clone(), card.clone(), rules),
        |(customers, card, rules)| match customers {
            Some((c, origin)) => analyse_health(c, origin, card, rules),
            None => analyse_health(&[], &Origin::Sample, card, rules),
        },
    );
    let Some(state) = state else {
        return html! {};
    };
    let lang = state.lang;
    let currency = state.currency();
    let data: Rc<Vec<Customer>> = state.dataset.customers.rc();
    if data.is_empty() {
        return html! {
            <section class="section" data-testid="section-health">
                <h2 class="section__title">{ lang.t(HealthKey::HealthTitle) }</h2>
                <p class="panel__notice">{ lang.t(HealthKey::NoCustomers) }</p>
            </section>
        };
    }
    let extra: Vec<(String, (f64, f64))> = columns
        .iter()
        .filter(|(name, _)| {
            !card
                .rules
                .iter()
                .any(|r| r.measure == Measure::Custom(name.clone()))
        })
        .cloned()
        .collect();
    let source = crate::i18n::origin_label(lang, &state.dataset.customers_origin);

    html! {
        <section class="section" data-testid="section-health">
            <header class="section__header">
                <h2 class="section__title">{ lang.t(HealthKey::HealthTitle) }</h2>
                <p class="section__intro">{ lang.t(HealthKey::HealthIntro) }</p>
                <p class="section__intro" data-testid="as-of">{ lang.fill(HealthKey::AsOf, &[("date", &analysis.as_of.to_string()), ("source", &source)]) }</p>
            </header>
            { metrics(&analysis, &card, lang, currency) }
            <div class="scenarios-charts">
                <ChartFigure name="arr-by-band" svg={arr_by_band(&analysis, lang, currency)} source={source.clone()} />
                <ChartFigure name="score-distribution" svg={distribution(&analysis, lang)} source={source.clone()} />
            </div>
            { scorecard_editor(&state, &card, &extra) }
            { tiers_note(&rules, lang) }
            { customer_table(&state, &table_view, &data, &analysis, &card) }
            { tickets(&data, &analysis, &card, lang, currency) }
        </section>
    }
}

pub(crate) fn metrics(
    a: &HealthAnalysis,
    card: &Scorecard,
    lang: Lang,
    currency: Currency,
) -> Html {
    let mean = a.summary.mean_score.unwrap_or(f64::NAN);
    let growth = a.tier_kpis.growth_share().unwrap_or(f64::NAN);
    let red = a.summary.customers_by_band[Band::Red as usize];
    let red_arr = a.summary.arr_by_band[Band::Red as usize];
    html! {
        <div class="metrics">
            { metric_card(Metric { name: "portfolio-health", value: mean, text: (if mean.is_finite() { format!("{mean:.1}") } else { "—".into() }).into(), label: (lang.t(HealthKey::PortfolioHealth)).into(), explain: (lang.fill(HealthKey::PortfolioHealthExplain, &[("count", &format_count(a.summary.scored))])).into(), badge: None }) }
            { metric_card(Metric { name: "growth-tier-share", value: growth, text: (format_percent(growth)).into(), label: (lang.t(HealthKey::GrowthTierShare)).into(), explain: (lang.t(HealthKey::GrowthTierShareExplain)).into(), badge: None }) }
            { metric_card(Metric { name: "red-customers", value: red as f64, text: (format_count(red)).into(), label: (lang.t(HealthKey::RedCustomers)).into(), explain: (lang.fill(HealthKey::RedCustomersExplain, &[("threshold", &format!("{:.0}", card.bands.red_below)), ("arr", &format_money(red_arr, lang, currency))])).into(), badge: None }) }
        </div>
    }
}

pub(crate) fn arr_by_band(
    a: &HealthAnalysis,
    lang: Lang,
    currency: Currency,
) -> Result<AttrValue, AttrValue> {
    let chart = Bars {
        title: lang.t(HealthKey::ArrByBandTitle).into(),
        x_label: lang.t(HealthKey::Band).into(),
        y_label: lang.fill(HealthKey::ArrAxis, &[("currency", currency.symbol())]),
        bars: Band::ALL
            .iter()
            .map(|&b| Bar {
                label: band_label(lang, b).into(),
                value: a.summary.arr_by_band[b as usize],
                colour: band_colour(b),
            })
            .collect(),
    };
    shown(
        bars::draw(&chart, &|v| format_money(v, lang, currency)),
        lang,
    )
}

fn distribution(a: &HealthAnalysis, lang: Lang) -> Result<AttrValue, AttrValue> {
    let chart = Bars {
        title: lang.t(HealthKey::DistributionTitle).into(),
        x_label: lang.t(HealthKey::ScoreAxis).into(),
        y_label: lang.t(HealthKey::CustomersAxis).into(),
        bars: a
            .summary
            .histogram
            .iter()
            .enumerate()
            .map(|(i, &n)| Bar {
                label: format!("{}–{}", i * 10, i * 10 + 10),
                value: n as f64,
                colour: palette::BLUE,
            })
            .collect(),
    };
    shown(bars::draw(&chart, &|v| format!("{v:.0}")), lang)
}

fn shown(drawn: Result<String, ChartError>, lang: Lang) -> Result<AttrValue, AttrValue> {
    drawn
        .map(AttrValue::from)
        .map_err(|e| AttrValue::from(error_text(lang, &e)))
}

fn tiers_note(rules: &TierRules, lang: Lang) -> Html {
    html! {
        <p class="section__intro">
            <strong>{ lang.t(HealthKey::TiersTitle) }{ if lang == Lang::Zh { "：" } else { ": " } }</strong>
            { lang.fill(HealthKey::TiersIntro, &[("top", &format_percent(rules.lighthouse_top_share)), ("lighthouse_score", &format!("{:.0}", rules.lighthouse_min_health)), ("growth_score", &format!("{:.0}", rules.growth_min_health))]) }
        </p>
    }
}

fn tickets(
    customers: &[Customer],
    a: &HealthAnalysis,
    card: &Scorecard,
    lang: Lang,
    currency: Currency,
) -> Html {
    let ranked = ticket_priority(customers, &a.scores, &card.bands);
    let mut table = TableText::new(
        "",
        &[
            (lang.t(HealthKey::Customer), Align::Text),
            (lang.t(HealthKey::TicketsUnresolved), Align::Number),
            (lang.t(HealthKey::Score), Align::Number),
            ("ARR", Align::Number),
            (lang.t(HealthKey::Priority), Align::Number),
        ],
    );
    for rank in ranked.iter().take(10) {
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

fn column_range(customers: &[Customer], name: &str) -> (f64, f64) {
    customers
        .iter()
        .filter_map(|c| c.extra.iter().find(|(n, _)| n == name).map(|(_, v)| *v))
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        })
}
