//! The Strategy section in the printable report (issue #19): each journey's net index and
//! verdict, the 3F fit, the niche ranking's top rows and the organisation designer's models,
//! printed once the user has changed any Strategy input.

use yew::prelude::*;

use super::sections::strategy::number;
use crate::derive::strategy::{org_model_label, roles_text};
use crate::i18n::{format_money, Lang, StrategyCoreKey as KC};
use crate::model::strategy::activation::{evaluate, Verdict};
use crate::model::strategy::niche::score;
use crate::model::strategy::niche_draft::draft_from_customers;
use crate::model::strategy::org::design;
use crate::model::strategy::org_advice::recommend;
use crate::model::strategy::three_f::three_f;
use crate::state::{use_app, StrategyState};

/// Niche rows the report lists (the top of the ranking).
const NICHE_ROWS: usize = 5;

fn verdict_text(lang: Lang, verdict: Verdict) -> &'static str {
    lang.t(match verdict {
        Verdict::Activates => KC::ActivatesYes,
        Verdict::OnTheEdge => KC::ActivatesEdge,
        Verdict::Fails => KC::ActivatesNo,
    })
}

#[component]
pub fn ReportStrategy() -> Html {
    // The models themselves, not the Strategy section's views: the section is a module of its
    // own (fetched when it opens), and the report needs its figures, not its charts.
    let Some(state) = use_app() else {
        return html! {};
    };
    // Printed once the tools were used: the untouched defaults are assumptions, not a plan.
    if state.strategy == StrategyState::default() {
        return html! {};
    }
    let lang = state.lang;
    let currency = state.currency();
    let s = &state.strategy;
    let journey_rows = s.journeys.iter().enumerate().map(|(i, j)| {
        let name = if j.name.is_empty() {
            lang.fill(KC::JourneyN, &[("n", &(i + 1).to_string())])
        } else {
            j.name.clone()
        };
        let result = evaluate(&j.journey);
        html! {
            <tr data-testid="report-journey">
                <th scope="row">{ name }</th>
                <td class="num">{ result.net }</td>
                <td>{ verdict_text(lang, result.verdict) }</td>
            </tr>
        }
    });
    let fit = three_f(&s.checklist).fit;
    let rows = match &s.niche_rows {
        Some(rows) => rows.clone(),
        None => draft_from_customers(&state.dataset.customers, s.stickiness).rows,
    };
    let niche_rows = score(&rows, &s.weights).ok().map(|scores| {
        let mut order: Vec<usize> = (0..scores.rows.len()).collect();
        order.sort_by_key(|&i| scores.rows[i].rank.unwrap_or(usize::MAX));
        order
            .iter()
            .take(NICHE_ROWS)
            .filter_map(|&i| {
                let row = scores.rows.get(i)?;
                Some(html! {
                    <tr data-testid="report-niche">
                        <th scope="row">{ row.segment.clone() }</th>
                        <td class="num">{ row.rank.map(|r| r.to_string()).unwrap_or_else(|| "—".into()) }</td>
                        <td class="num">{ number(row.score.unwrap_or(f64::NAN), 1) }</td>
                    </tr>
                })
            })
            .collect::<Html>()
    });
    let advice = recommend(s.org.customers, s.org.arpa, s.profile, &s.thresholds);
    let org_block = design(&s.org).ok().zip(advice.ok()).map(|(d, advice)| {
        let recommended = advice.model;
        let rows = d.models.iter().map(|m| {
            let per_head = m
                .arr_per_head
                .map(|a| format_money(a, lang, currency))
                .unwrap_or_else(|| "—".into());
            html! {
                <tr data-testid="report-org-model">
                    <th scope="row">{ org_model_label(lang, m.model) }</th>
                    <td class="num">{ m.headcount.total() }</td>
                    <td>{ roles_text(lang, &m.headcount) }</td>
                    <td class="num">{ format_money(m.cost, lang, currency) }</td>
                    <td class="num">{ per_head }</td>
                </tr>
            }
        });
        html! {
            <>
                <p>{ format!("{}: {}", lang.t(KC::RecommendedMetric), org_model_label(lang, recommended)) }</p>
                <table class="report__table">
                    <thead><tr>
                        <th scope="col">{ lang.t(KC::ModelColumn) }</th>
                        <th scope="col">{ lang.t(KC::HeadcountColumn) }</th>
                        <th scope="col">{ lang.t(KC::RolesColumn) }</th>
                        <th scope="col">{ lang.t(KC::CostColumn) }</th>
                        <th scope="col">{ lang.t(KC::ArrPerHead) }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </>
        }
    });
    html! {
        <section class="report__block report__page" data-testid="report-strategy">
            <h3 class="report__subtitle">{ lang.t(KC::Title) }</h3>
            <table class="report__table">
                <thead><tr>
                    <th scope="col">{ lang.t(KC::FrictionHeading) }</th>
                    <th scope="col">{ lang.t(KC::NetMetric) }</th>
                    <th scope="col">{ lang.t(KC::ActivatesMetric) }</th>
                </tr></thead>
                <tbody>{ for journey_rows }</tbody>
            </table>
            <p data-testid="report-plg-fit">{ format!("{}: {fit} / 3", lang.t(KC::PlgFitMetric)) }</p>
            if let Some(rows) = niche_rows {
                <table class="report__table">
                    <thead><tr>
                        <th scope="col">{ lang.t(KC::Segment) }</th>
                        <th scope="col">{ lang.t(KC::RankColumn) }</th>
                        <th scope="col">{ lang.t(KC::Score) }</th>
                    </tr></thead>
                    <tbody>{ rows }</tbody>
                </table>
            }
            { for org_block }
        </section>
    }
}
