use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::data_table::{Align, DataTable};
use crate::derive::customers::{customer_page, CustomerPage, CustomerRow, Sort, TableView, PAGE};
use crate::derive::health::HealthAnalysis;
use crate::derive::labels::{
    band_label, measure_label, raw_text, stage_key, stage_label, tier_label,
};
use crate::i18n::{format_money, HealthKey};
use crate::model::health::{Band, Scorecard, Stage};
use crate::model::portfolio::Customer;
use crate::model::tiers::Tier;
use crate::state::AppContext;

/// Active customers with score, band, stage, tier and the reasons behind the score; sortable,
/// filterable and paged (only the shown rows are explained, so 100,000 customers stay fast).
/// Each row: `data-testid="customer-row"`, `data-customer-id`, `data-score`, `data-band`,
/// `data-tier`. A function, not a component: `view` lives in the health section's state.
pub fn customer_table(
    state: &AppContext,
    view: &UseStateHandle<TableView>,
    customers: &[Customer],
    analysis: &HealthAnalysis,
    card: &Scorecard,
) -> Html {
    let lang = state.lang;
    let currency = state.currency();
    let CustomerPage {
        rows,
        total,
        page,
        pages,
        first,
    } = customer_page(customers, analysis, card, view);
    let mut table = DataTable::new(
        "health__table",
        &[
            (lang.t(HealthKey::Customer), Align::Text),
            ("ARR", Align::Number),
            (lang.t(HealthKey::Score), Align::Number),
            (lang.t(HealthKey::Band), Align::Text),
            (lang.t(HealthKey::Stage), Align::Text),
            (lang.t(HealthKey::Tier), Align::Text),
            (lang.t(HealthKey::Reasons), Align::Text),
        ],
    );
    for CustomerRow {
        index: i,
        health,
        tier,
    } in &rows
    {
        let c = &customers[*i];
        let reasons: Vec<String> = health
            .top_reasons(2)
            .iter()
            .map(|r| {
                let name = measure_label(lang, &card.rules[r.rule].measure);
                lang.fill(
                    HealthKey::Reason,
                    &[
                        ("measure", &name),
                        ("value", &raw_text(lang, r.raw)),
                        ("points", &format!("{:.0}", r.points_lost())),
                    ],
                )
            })
            .collect();
        let change = health.change.map(|d| {
            let (arrow, class) = if d >= 0.5 {
                ("▲", "health__change better")
            } else if d <= -0.5 {
                ("▼", "health__change worse")
            } else {
                ("·", "health__change")
            };
            (class, format!("{arrow} {:.0}", d.abs()))
        });
        let score_text = health.score.map_or_else(
            || lang.t(HealthKey::NoScore).to_string(),
            |s| format!("{s:.0}"),
        );
        let score_attr = health.score.map(|s| format!("{s:.4}")).unwrap_or_default();
        let band = health
            .band
            .map(|b| (format!("band band--{}", b.key()), band_label(lang, b)));
        table
            .row(&[
                ("data-testid", "customer-row"),
                ("data-customer-id", &c.id),
                ("data-score", &score_attr),
                ("data-band", health.band.map_or("", Band::key)),
                ("data-tier", tier.map_or("", Tier::key)),
            ])
            .head(&[("health__name", &c.name), ("health__id", &c.id)])
            .data(Align::Number, &[("", &format_money(c.arr, lang, currency))]);
        match &change {
            Some((class, text)) => table.data(Align::Number, &[("", &score_text), (class, text)]),
            None => table.data(Align::Number, &[("", &score_text)]),
        };
        match &band {
            Some((class, label)) => table.data(Align::Text, &[(class, label)]),
            None => table.data(Align::Text, &[]),
        };
        table
            .data(Align::Text, &[("", stage_label(lang, health.stage))])
            .data(
                Align::Text,
                &[("", tier.map_or("—", |t| tier_label(lang, t)))],
            )
            .data(Align::Text, &[("health__reasons", &reasons.join("；"))])
            .end_row();
    }

    let set = |change: fn(&mut TableView, &str)| {
        let view = view.clone();
        Callback::from(move |e: Event| {
            let mut next = (*view).clone();
            change(
                &mut next,
                &e.target_unchecked_into::<HtmlSelectElement>().value(),
            );
            next.page = 0;
            view.set(next);
        })
    };
    let on_search = {
        let view = view.clone();
        Callback::from(move |e: InputEvent| {
            let mut next = (*view).clone();
            next.search = e.target_unchecked_into::<HtmlInputElement>().value();
            next.page = 0;
            view.set(next);
        })
    };
    let go = |to: usize| {
        let view = view.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*view).clone();
            next.page = to;
            view.set(next);
        })
    };
    let all = lang.t(HealthKey::All);
    let option = |value: &'static str, label: &str, selected: bool| html! { <option {value} {selected}>{ label.to_string() }</option> };

    html! {
        <section class="panel" data-testid="customer-table">
            <h3 class="panel__title">{ lang.t(HealthKey::CustomersTitle) }</h3>
            <div class="toolbar">
                <input class="field__input" type="search" placeholder={lang.t(HealthKey::Search)} aria-label={lang.t(HealthKey::Search)}
                       data-testid="input-customer-search" value={view.search.clone()} oninput={on_search} />
                <select class="field__select" data-testid="input-customer-sort" aria-label="sort"
                        onchange={set(|v, code| v.sort = match code { "best" => Sort::Best, "arr" => Sort::Arr, "drop" => Sort::Drop, _ => Sort::Worst })}>
                    { option("worst", lang.t(HealthKey::SortWorst), view.sort == Sort::Worst) }
                    { option("best", lang.t(HealthKey::SortBest), view.sort == Sort::Best) }
                    { option("arr", lang.t(HealthKey::SortArr), view.sort == Sort::Arr) }
                    { option("drop", lang.t(HealthKey::SortChange), view.sort == Sort::Drop) }
                </select>
                <select class="field__select" data-testid="input-filter-band" aria-label={lang.t(HealthKey::Band)}
                        onchange={set(|v, code| v.band = Band::ALL.into_iter().find(|b| b.key() == code))}>
                    <option value="" selected={view.band.is_none()}>{ format!("{}: {all}", lang.t(HealthKey::Band)) }</option>
                    { for Band::ALL.map(|b| option(b.key(), band_label(lang, b), view.band == Some(b))) }
                </select>
                <select class="field__select" data-testid="input-filter-tier" aria-label={lang.t(HealthKey::Tier)}
                        onchange={set(|v, code| v.tier = Tier::ALL.into_iter().find(|t| t.key() == code))}>
                    <option value="" selected={view.tier.is_none()}>{ format!("{}: {all}", lang.t(HealthKey::Tier)) }</option>
                    { for Tier::ALL.map(|t| option(t.key(), tier_label(lang, t), view.tier == Some(t))) }
                </select>
                <select class="field__select" data-testid="input-filter-stage" aria-label={lang.t(HealthKey::Stage)}
                        onchange={set(|v, code| v.stage = Stage::ALL.into_iter().find(|s| stage_key(*s) == code))}>
                    <option value="" selected={view.stage.is_none()}>{ format!("{}: {all}", lang.t(HealthKey::Stage)) }</option>
                    { for Stage::ALL.map(|s| option(stage_key(s), stage_label(lang, s), view.stage == Some(s))) }
                </select>
            </div>
            <div class="scenarios__scroll">
                { table.finish() }
            </div>
            <div class="toolbar">
                <span data-testid="customer-count" data-value={total.to_string()}>
                    { lang.fill(HealthKey::Showing, &[("first", &first.to_string()), ("last", &(page * PAGE + rows.len()).to_string()), ("total", &total.to_string())]) }
                </span>
                <button type="button" class="button button--quiet" disabled={page == 0} onclick={go(page.saturating_sub(1))}
                        data-testid="customers-previous">{ lang.t(HealthKey::Previous) }</button>
                <button type="button" class="button button--quiet" disabled={page + 1 >= pages} onclick={go(page + 1)}
                        data-testid="customers-next">{ lang.t(HealthKey::Next) }</button>
            </div>
        </section>
    }
}
