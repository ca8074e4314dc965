//! PLG activation friction: journeys built touchpoint by touchpoint, compared side by side.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::chart::waterfall;
use crate::components::assumption::assumption;
use crate::components::chart_figure::{shown, ChartFigure};
use crate::components::metric_card::{metric_card, Metric};
use crate::components::text_setting::TextSetting;
use crate::derive::strategy::{preset_journeys, JourneyView};
use crate::hooks::app_context::use_app;
use crate::hooks::derived::use_journeys;
use crate::i18n::strategy_error_text as error_text;
use crate::i18n::{Lang, StrategyCoreKey as KC, StrategyKey as K};
use crate::model::strategy::activation::{NamedJourney, Rating, Verdict, PRE_CHARGE_MAX};
use crate::model::strategy::{Problem, StrategyError};
use crate::state::strategy::MAX_JOURNEYS;
use crate::state::{Action, AppContext, StrategyAction as S};

fn rating_label(lang: Lang, rating: Rating) -> &'static str {
    lang.t(match rating {
        Rating::Annoyed => K::Annoyed,
        Rating::Disliked => K::Disliked,
        Rating::Unpleasant => K::Unpleasant,
        Rating::Pleasant => K::Pleasant,
        Rating::Liked => K::Liked,
        Rating::Delighted => K::Delighted,
    })
}

#[component]
pub fn FrictionTool() -> Html {
    let views = use_journeys();
    let Some(state) = use_app() else {
        return html! {};
    };
    let lang = state.lang;
    let dispatch = |action: S| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Strategy(action.clone())))
    };
    let on_presets = dispatch(S::SetJourneys(preset_journeys()));
    let on_add = dispatch(S::AddJourney);
    let columns = views
        .as_ref()
        .iter()
        .flatten()
        .enumerate()
        .map(|(j, view)| {
            let journey = state.strategy.journeys.get(j).cloned();
            journey.map(|journey| column(&state, j, &journey, view))
        });
    html! {
        <section class="panel strategy-tool" data-testid="strategy-friction">
            <h3 class="panel__title">{ lang.t(KC::FrictionHeading) }</h3>
            <p class="section__intro">{ lang.t(K::FrictionIntro) }</p>
            <p class="strategy-note" data-testid="friction-scale-note">{ lang.t(K::ScaleNote) }</p>
            <div class="toolbar">
                <button type="button" class="button" data-testid="journey-presets" onclick={on_presets}>{ lang.t(K::LoadPresets) }</button>
                if state.strategy.journeys.len() < MAX_JOURNEYS {
                    <button type="button" class="button" data-testid="journey-add" onclick={on_add}>{ lang.t(K::AddJourney) }</button>
                }
            </div>
            <div class="journeys">{ for columns.flatten() }</div>
        </section>
    }
}

fn column(state: &AppContext, j: usize, journey: &NamedJourney, view: &JourneyView) -> Html {
    let lang = state.lang;
    let send = {
        let state = state.clone();
        move |action: S| state.dispatch(Action::Strategy(action))
    };
    // The name as shown (a preset's in the UI language); "Journey n" while it is blank.
    let typed = view.name.clone();
    let name = if typed.trim().is_empty() {
        lang.fill(KC::JourneyN, &[("n", &(j + 1).to_string())])
    } else {
        typed.clone()
    };
    let zh = lang == crate::i18n::Lang::Zh;
    let on_name = {
        let send = send.clone();
        Callback::from(move |e: InputEvent| {
            send(S::RenameJourney(
                j,
                e.target_unchecked_into::<HtmlInputElement>().value(),
            ))
        })
    };
    let range_error = AttrValue::from(error_text(
        lang,
        &StrategyError::Field {
            field: "pre_charge",
            problem: Problem::OutOfRange {
                min: 0.0,
                max: f64::from(PRE_CHARGE_MAX),
            },
        },
    ));
    let parse_pre = {
        let send = send.clone();
        Callback::from(move |text: String| match text.trim().parse::<i32>() {
            Ok(points) if (0..=PRE_CHARGE_MAX).contains(&points) => {
                send(S::SetPreCharge(j, points));
                Ok(())
            }
            _ => Err(range_error.clone()),
        })
    };
    let rows = journey
        .journey
        .touchpoints
        .iter()
        .enumerate()
        .map(|(i, t)| touchpoint_row(lang, &send, j, i, &t.name.text(zh), t.rating));
    let on_touchpoint = {
        let (send, label) = (send.clone(), lang.t(K::NewTouchpoint).to_string());
        Callback::from(move |_: MouseEvent| send(S::AddTouchpoint(j, label.clone())))
    };
    let on_remove = {
        let send = send.clone();
        Callback::from(move |_: MouseEvent| send(S::RemoveJourney(j)))
    };
    let r = &view.result;
    let (activates_text, activates) = match r.verdict {
        Verdict::Activates => (KC::ActivatesYes, 1.0),
        Verdict::OnTheEdge => (KC::ActivatesEdge, 0.0),
        Verdict::Fails => (KC::ActivatesNo, 0.0),
    };
    let first_negative = r.first_negative.map(|n| n.to_string()).unwrap_or_default();
    let first_text = match r.first_negative {
        Some(n) => lang.fill(K::FirstNegativeAt, &[("n", &n.to_string())]),
        None => lang.t(K::NeverNegative).to_string(),
    };
    let fix = match r.best_fix {
        Some(fix) => {
            let tp = journey.journey.touchpoints.get(fix.position - 1);
            lang.fill(
                K::BestFix,
                &[
                    ("n", &fix.position.to_string()),
                    ("name", &tp.map(|t| t.name.text(zh)).unwrap_or_default()),
                    ("from", &fix.from.points().to_string()),
                    ("after", &fix.net_after.to_string()),
                ],
            )
        }
        None => lang.t(K::NoFix).to_string(),
    };
    let mut chart = view.waterfall.clone();
    chart.title = name.clone();
    shorten_labels(&mut chart.steps);
    let svg = shown(waterfall::draw(&chart, &|v| format!("{v:.0}")), lang);
    html! {
        <article class="journey" data-testid="journey" data-journey={j.to_string()}>
            <label class="setting">
                <span class="setting__label">{ lang.t(K::JourneyName) }</span>
                <input class="field__input setting__input" type="text" data-testid="input-journey-name"
                       value={typed} placeholder={name.clone()} oninput={on_name} />
            </label>
            <div class="setting-row">
                <TextSetting name="precharge" label={lang.t(KC::PreChargeInput)}
                             value={journey.journey.pre_charge.points().to_string()} parse={parse_pre} />
                { assumption(lang) }
            </div>
            <ol class="touchpoints">{ for rows }</ol>
            <div class="toolbar">
                <button type="button" class="button" data-testid="touchpoint-add" onclick={on_touchpoint}>{ lang.t(K::AddTouchpoint) }</button>
                if state.strategy.journeys.len() > 1 {
                    <button type="button" class="button" data-testid="journey-remove" onclick={on_remove}>{ lang.t(K::RemoveJourney) }</button>
                }
            </div>
            <div class="metrics">
                { metric_card(Metric { name: "friction-net", value: f64::from(r.net), text: r.net.to_string().into(),
                    label: lang.t(KC::NetMetric).into(), explain: lang.t(K::NetExplain).into(), badge: None }) }
                { metric_card(Metric { name: "activates", value: activates, text: lang.t(activates_text).into(),
                    label: lang.t(KC::ActivatesMetric).into(), explain: lang.t(K::ActivatesExplain).into(), badge: None }) }
                <section class="metric" data-testid="metric-first-negative" data-value={first_negative}>
                    <h3 class="metric__label">{ lang.t(K::FirstNegativeMetric) }</h3>
                    <p class="metric__value">{ first_text }</p>
                    <p class="metric__explain">{ lang.t(K::FirstNegativeExplain) }</p>
                </section>
            </div>
            <p class="section__intro" data-testid="best-fix">{ fix }</p>
            if view.dips_below_zero {
                <p class="strategy-note">{ lang.fill(K::DipsNote, &[("low", &view.lowest_balance.to_string())]) }</p>
            }
            <ChartFigure name={format!("journey-{}", j + 1)} svg={svg} source={lang.t(KC::FrictionHeading)} />
        </article>
    }
}

fn touchpoint_row(
    lang: Lang,
    send: &(impl Fn(S) + Clone + 'static),
    j: usize,
    i: usize,
    name: &str,
    rating: Rating,
) -> Html {
    let on_name = {
        let send = send.clone();
        Callback::from(move |e: InputEvent| {
            send(S::RenameTouchpoint(
                j,
                i,
                e.target_unchecked_into::<HtmlInputElement>().value(),
            ))
        })
    };
    let on_rating = {
        let send = send.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(r) = value
                .parse::<i32>()
                .ok()
                .and_then(|p| Rating::from_points(p).ok())
            {
                send(S::RateTouchpoint(j, i, r));
            }
        })
    };
    let button = |label: K, id: &'static str, action: S| {
        let send = send.clone();
        let onclick = Callback::from(move |_: MouseEvent| send(action.clone()));
        html! { <button type="button" class="button button--small" data-testid={id} title={lang.t(label)} aria-label={lang.t(label)} {onclick}>
            { match id { "touchpoint-up" => "↑", "touchpoint-down" => "↓", _ => "×" } }
        </button> }
    };
    let options = Rating::ALL.iter().map(|r| {
        let points = r.points().to_string();
        html! { <option value={points} selected={*r == rating}>{ rating_label(lang, *r) }</option> }
    });
    html! {
        <li class="touchpoint" data-testid="touchpoint">
            <input class="field__input" type="text" data-testid="input-touchpoint-name" aria-label={lang.t(K::TouchpointName)}
                   value={name.to_string()} oninput={on_name} />
            <select class="field__input" data-testid="input-touchpoint-rating" aria-label={lang.t(K::TouchpointRating)} onchange={on_rating}>
                { for options }
            </select>
            { button(K::MoveUp, "touchpoint-up", S::MoveTouchpoint(j, i, true)) }
            { button(K::MoveDown, "touchpoint-down", S::MoveTouchpoint(j, i, false)) }
            { button(K::DeleteTouchpoint, "touchpoint-delete", S::RemoveTouchpoint(j, i)) }
        </li>
    }
}

/// Touchpoint labels numbered and cut to what fits under a bar (the list above has the full
/// names): about 720 px of axis shared by the bars, a CJK character ~21 px, Latin ~11 px.
fn shorten_labels(steps: &mut [waterfall::Step]) {
    let count = steps.len().max(1);
    let budget = 720 / count;
    let last = steps.len().saturating_sub(1);
    for (k, step) in steps.iter_mut().enumerate() {
        if k == 0 || k == last {
            continue;
        }
        let mut label = format!("{k}·");
        let mut used = 2 * 11;
        for c in step.label.chars() {
            let width = if c.is_ascii() { 11 } else { 21 };
            if used + width > budget {
                label.push('…');
                break;
            }
            used += width;
            label.push(c);
        }
        step.label = label;
    }
}
