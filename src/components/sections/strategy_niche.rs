//! Niche-market scoring: rows pasted or drafted from the customers' segments, weights, ranks,
//! the ranked bars and a bubble chart.

use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::chart::bars;
use crate::chart::bubble;
use crate::components::assumption::assumption;
use crate::components::chart_figure::{shown, ChartFigure};
use crate::derive::strategy::niche_bubbles;
use crate::forms::niche_paste::{parse_segments, PasteError, PasteProblem};
use crate::hooks::app_context::use_app;
use crate::hooks::derived::use_niche;
use crate::i18n::{format_fixed as number, strategy_error_text as error_text};
use crate::i18n::{Lang, StrategyCoreKey as KC, StrategyKey as K};
use crate::model::strategy::niche::Indicator;
use crate::model::strategy::niche_draft::StickinessSource;
use crate::state::{Action, StrategyAction as S};

fn indicator_label(lang: Lang, i: Indicator) -> &'static str {
    lang.t(match i {
        Indicator::ClosingCycle => KC::ClosingCycle,
        Indicator::WillingnessToPay => KC::Willingness,
        Indicator::Stickiness => KC::Stickiness,
        Indicator::PotentialCustomers => KC::Potential,
    })
}

fn weight_slug(i: Indicator) -> &'static str {
    match i {
        Indicator::ClosingCycle => "cycle",
        Indicator::WillingnessToPay => "willingness",
        Indicator::Stickiness => "stickiness",
        Indicator::PotentialCustomers => "potential",
    }
}

fn paste_error_text(lang: Lang, e: &PasteError) -> String {
    let column = |c: &str| crate::i18n::strategy_field_label(lang, c);
    let problem = match &e.problem {
        PasteProblem::Empty => lang.t(K::PasteEmpty).to_string(),
        PasteProblem::MissingColumn(c) => {
            lang.fill(K::PasteMissingColumn, &[("column", &column(c))])
        }
        PasteProblem::DuplicateColumn(c) => {
            lang.fill(K::PasteDuplicateColumn, &[("column", &column(c))])
        }
        PasteProblem::BlankSegment => lang.t(K::PasteBlankSegment).to_string(),
        PasteProblem::NotNumber(_) => lang.t(K::PasteNotNumber).to_string(),
        PasteProblem::Negative => lang.t(KC::ProblemNegative).to_string(),
        PasteProblem::AboveTen => lang.t(K::PasteAboveTen).to_string(),
        PasteProblem::UnexpectedPercent => lang.t(K::PastePercent).to_string(),
        PasteProblem::Unreadable(_) => lang.t(K::PasteUnreadable).to_string(),
    };
    lang.fill(
        K::PasteAt,
        &[
            ("line", &e.line.to_string()),
            ("column", &e.column.to_string()),
            ("problem", &problem),
        ],
    )
}

#[component]
pub fn NicheTool() -> Html {
    let figures = use_niche();
    let text = use_state(String::new);
    let paste_error = use_state(|| None::<String>);
    let Some(state) = use_app() else {
        return html! {};
    };
    let lang = state.lang;
    let Some((rows, without, view)) = figures.as_ref() else {
        return html! {};
    };
    let on_text = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            text.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let on_submit = {
        let (text, paste_error, state) = (text.clone(), paste_error.clone(), state.clone());
        Callback::from(move |_: MouseEvent| match parse_segments(&text) {
            Ok(rows) => {
                paste_error.set(None);
                state.dispatch(Action::Strategy(S::SetNicheRows(Some(rows))));
            }
            Err(e) => paste_error.set(Some(paste_error_text(lang, &e))),
        })
    };
    let on_customers = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Strategy(S::SetNicheRows(None))))
    };
    let on_source = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let source = match e
                .target_unchecked_into::<HtmlSelectElement>()
                .value()
                .as_str()
            {
                "expansion" => StickinessSource::ExpansionShare,
                _ => StickinessSource::MeanNorthStar,
            };
            state.dispatch(Action::Strategy(S::SetStickiness(source)));
        })
    };
    let weights = Indicator::ALL.iter().enumerate().map(|(k, &ind)| {
        let weight = state.strategy.weights.0[k];
        let oninput = {
            let state = state.clone();
            Callback::from(move |e: InputEvent| {
                if let Ok(w) = e.target_unchecked_into::<HtmlInputElement>().value().parse::<f64>() {
                    state.dispatch(Action::Strategy(S::SetNicheWeight(k, w)));
                }
            })
        };
        html! {
            <label class="setting">
                <span class="setting__label">{ lang.fill(K::WeightOf, &[("name", indicator_label(lang, ind))]) }</span>
                <input type="range" min="0" max="3" step="0.5" value={weight.to_string()} oninput={oninput.clone()}
                       data-testid={format!("input-niche-weight-{}", weight_slug(ind))} />
                { crate::components::slider_field::number_twin(&format!("niche-weight-{}", weight_slug(ind)),
                    &lang.fill(K::WeightOf, &[("name", indicator_label(lang, ind))]), (0.0, 3.0, 0.5), &weight.to_string(), oninput) }
                <span>{ number(weight, 1) }</span>
            </label>
        }
    });
    let scored = view.as_ref().ok();
    let order: Vec<usize> = scored
        .map(|v| v.order.clone())
        .unwrap_or_else(|| (0..rows.len()).collect());
    let table_rows = order.iter().filter_map(|&i| {
        let row = rows.get(i)?;
        let s = scored.and_then(|v| v.scores.rows.get(i));
        let score = s.and_then(|s| s.score);
        let rank = s.and_then(|s| s.rank);
        let cell = |v: Option<f64>, d| v.map(|v| number(v, d)).unwrap_or_else(|| "—".to_string());
        Some(html! {
            <tr data-testid="niche-row" data-segment={row.segment.clone()}
                data-score={score.map(|v| v.to_string()).unwrap_or_default()}
                data-rank={rank.map(|r| r.to_string()).unwrap_or_default()}>
                <td>{ rank.map(|r| r.to_string()).unwrap_or_else(|| "—".to_string()) }</td>
                <th scope="row">{ row.segment.clone() }</th>
                <td class="num">{ cell(row.closing_cycle_days, 0) }</td>
                <td class="num">{ cell(row.willingness_to_pay, 1) }</td>
                <td class="num">{ cell(row.stickiness, 2) }</td>
                <td class="num">{ cell(row.potential_customers, 0) }</td>
                <td class="num">{ cell(score, 1) }</td>
            </tr>
        })
    });
    let left_out = scored.filter(|v| !v.scores.left_out.is_empty()).map(|v| {
        let list: Vec<&str> = v
            .scores
            .left_out
            .iter()
            .map(|i| indicator_label(lang, *i))
            .collect();
        lang.fill(K::LeftOut, &[("list", &list.join(" · "))])
    });
    let bars_svg = scored
        .and_then(|v| v.bars.as_ref())
        .map(|b| shown(bars::draw(b, &|v| format!("{v:.0}")), lang));
    let bubble_svg =
        niche_bubbles(rows, lang).map(|b| shown(bubble::draw(&b, &|v| format!("{v:.0}")), lang));
    let source = lang.t(K::NicheHeading);
    html! {
        <section class="panel strategy-tool" data-testid="strategy-niche">
            <h3 class="panel__title">{ lang.t(K::NicheHeading) }</h3>
            <p class="section__intro">{ lang.t(K::NicheIntro) }</p>
            <label class="setting setting--wide">
                <span class="setting__label">{ lang.t(K::PasteLabel) }</span>
                <textarea class="field__input" rows="5" data-testid="input-niche-paste" value={(*text).clone()} oninput={on_text} />
            </label>
            <div class="toolbar">
                <button type="button" class="button" data-testid="niche-paste-submit" onclick={on_submit}>{ lang.t(K::PasteSubmit) }</button>
                if without.is_none() {
                    <button type="button" class="button" data-testid="niche-use-customers" onclick={on_customers}>{ lang.t(K::UseCustomers) }</button>
                } else {
                    <select class="field__input" data-testid="input-niche-stickiness" onchange={on_source}
                            aria-label={lang.t(crate::i18n::StrategyCoreKey::Stickiness)}>
                        <option value="north-star" selected={state.strategy.stickiness == StickinessSource::MeanNorthStar}>{ lang.t(K::StickinessNorthStar) }</option>
                        <option value="expansion" selected={state.strategy.stickiness == StickinessSource::ExpansionShare}>{ lang.t(K::StickinessExpansion) }</option>
                    </select>
                    { assumption(lang) }
                }
            </div>
            if let Some(message) = (*paste_error).clone() {
                <p class="field__error" role="alert" data-testid="niche-paste-error">{ message }</p>
            }
            if let Some(count) = without {
                if rows.is_empty() {
                    <p class="strategy-note">{ lang.t(K::NoSegments) }</p>
                } else {
                    <p class="strategy-note">{ lang.fill(K::FromCustomers, &[("count", &count.to_string())]) }</p>
                }
            }
            <div class="toolbar">{ for weights }{ assumption(lang) }</div>
            if let Err(e) = view {
                if !rows.is_empty() {
                    <p class="panel__notice" role="alert" data-testid="niche-error">{ error_text(lang, e) }</p>
                }
            }
            if !rows.is_empty() {
                <table class="table">
                    <thead><tr>
                        <th>{ lang.t(KC::RankColumn) }</th>
                        <th>{ lang.t(KC::Segment) }</th>
                        { for Indicator::ALL.iter().map(|i| html! { <th>{ indicator_label(lang, *i) }</th> }) }
                        <th>{ lang.t(KC::Score) }</th>
                    </tr></thead>
                    <tbody>{ for table_rows }</tbody>
                </table>
            }
            if let Some(note) = left_out {
                <p class="section__intro" data-testid="niche-left-out">{ note }</p>
            }
            <div class="scenarios-charts">
                if let Some(svg) = bars_svg {
                    <ChartFigure name="niche-ranks" {svg} source={source} />
                }
                if let Some(svg) = bubble_svg {
                    <ChartFigure name="niche-bubbles" {svg} source={source} />
                }
            </div>
        </section>
    }
}
