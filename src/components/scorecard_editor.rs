use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::slider_field::number_twin;

use super::text_setting::TextSetting;
use crate::derive::labels::{measure_label, stage_key, stage_label};
use crate::forms::number::parse_number;
use crate::forms::scale_text::{format_steps, parse_steps};
use crate::i18n::{format_percent, HealthKey, Lang};
use crate::model::health::{Measure, Rule, Scale, Scorecard, Stage};
use crate::state::AppContext;
use crate::state::{Action, ScorecardEdit};

/// Weights per lifecycle stage as sliders, each measure's scale, and the band cut points, for
/// `card` (the scorecard in use). `extra_columns` are numeric columns of the data that are not
/// measures yet, with their `(min, max)`. Every change is one typed [`ScorecardEdit`] the
/// reducer applies, so scores recompute while a slider moves. A function, not a component: it
/// keeps no state.
pub fn scorecard_editor(
    state: &AppContext,
    card: &Scorecard,
    extra_columns: &[(String, (f64, f64))],
) -> Html {
    let lang = state.lang;
    let profile = state.health.profile;
    // Text that does not read as an edit is dropped here; the reducer drops edits that do
    // not apply (a weight below zero, a band outside 0–100, a scale the model rejects).
    let edit = |change: Change| {
        let state = state.clone();
        Callback::from(move |text: String| {
            if let Some(edit) = change(text) {
                state.dispatch(Action::EditScorecard(edit));
            }
        })
    };
    let total: f64 = card.rules.iter().map(|r| r.weights[profile.index()]).sum();

    let stage_tabs = Stage::ALL.iter().map(|&stage| {
        let onclick = {
            let state = state.clone();
            Callback::from(move |_: MouseEvent| state.dispatch(Action::SetWeightProfile(stage)))
        };
        let class = classes!(
            "tabs__item",
            (stage == profile).then_some("tabs__item--active")
        );
        html! {
            <button type="button" {class} {onclick} aria-pressed={(stage == profile).to_string()}
                    data-testid={format!("input-weight-profile-{}", stage_key(stage))}>
                { stage_label(lang, stage) }
            </button>
        }
    });

    let rows = card.rules.iter().enumerate().map(|(i, rule)| {
        let key = rule.measure.key();
        let weight = rule.weights[profile.index()];
        let on_weight = {
            let set = edit(Box::new(move |text| {
                number(&text).map(|weight| ScorecardEdit::Weight { rule: i, stage: profile, weight })
            }));
            Callback::from(move |e: InputEvent| set.emit(e.target_unchecked_into::<HtmlInputElement>().value()))
        };
        let share = if total > 0.0 { weight / total } else { 0.0 };
        let remove = matches!(rule.measure, Measure::Custom(_)).then(|| {
            let state = state.clone();
            let onclick = Callback::from(move |_: MouseEvent| {
                state.dispatch(Action::EditScorecard(ScorecardEdit::Remove(i)));
            });
            html! { <button type="button" class="button button--quiet" {onclick}>{ lang.t(HealthKey::Remove) }</button> }
        });
        html! {
            <tr data-testid="scorecard-rule" data-measure={key.clone()}>
                <th scope="row">{ measure_label(lang, &rule.measure) }</th>
                <td class="scorecard__weight">
                    <input type="range" min="0" max="50" step="1" value={format!("{weight:.0}")}
                           aria-label={format!("{} {}", lang.t(HealthKey::Weight), measure_label(lang, &rule.measure))}
                           data-testid={format!("input-weight-{key}")} oninput={on_weight.clone()} />
                    { number_twin(&format!("weight-{key}"), &format!("{} {}", lang.t(HealthKey::Weight), measure_label(lang, &rule.measure)),
                                  (0.0, 50.0, 1.0), &format!("{weight:.0}"), on_weight) }
                    <span class="scorecard__share" data-testid={format!("weight-share-{key}")}>
                        { format!("{weight:.0} · {}", format_percent(share)) }
                    </span>
                </td>
                <td class="scorecard__scale">{ scale_editor(lang, i, rule, &edit) }</td>
                <td>{ for remove }</td>
            </tr>
        }
    });

    let band_field = |name: &'static str, label: HealthKey, value: f64, red: bool| {
        let parse = number_setter(
            lang,
            edit(Box::new(move |text| {
                number(&text).map(|value| ScorecardEdit::Band { red, value })
            })),
        );
        html! { <TextSetting {name} label={lang.t(label)} value={trim(value)} {parse} /> }
    };

    let add_options = extra_columns
        .iter()
        .map(|(name, _)| html! { <option value={name.clone()}>{ name.clone() }</option> });
    let on_add = {
        let state = state.clone();
        let columns = extra_columns.to_vec();
        Callback::from(move |e: Event| {
            let name = e.target_unchecked_into::<HtmlSelectElement>().value();
            let Some(&(_, range)) = columns.iter().find(|(n, _)| *n == name) else {
                return;
            };
            state.dispatch(Action::EditScorecard(ScorecardEdit::AddColumn {
                name,
                range,
            }));
        })
    };
    let on_reset = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::ResetScorecard))
    };

    html! {
        <section class="panel scorecard" data-testid="scorecard">
            <h3 class="panel__title">{ lang.t(HealthKey::Scorecard) }</h3>
            <p class="section__intro">{ lang.t(HealthKey::ScorecardIntro) }</p>
            <div class="toolbar">
                <span class="field__label">{ lang.t(HealthKey::Profile) }</span>
                <div class="tabs">{ for stage_tabs }</div>
            </div>
            // Scrolls inside its own frame when a narrow screen cannot hold it; focusable so a
            // keyboard can scroll it too.
            <div class="table-scroll" tabindex="0" role="region" aria-label={lang.t(HealthKey::Weight)}>
            <table class="scorecard__table">
                <thead><tr>
                    <th scope="col"></th>
                    <th scope="col">{ lang.t(HealthKey::Weight) }</th>
                    <th scope="col">{ lang.t(HealthKey::Scale) }</th>
                    <th scope="col"></th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
            </div>
            <div class="toolbar">
                <span class="field__label">{ lang.t(HealthKey::Bands) }</span>
                { band_field("band-red", HealthKey::RedBelow, card.bands.red_below, true) }
                { band_field("band-green", HealthKey::GreenAbove, card.bands.green_above, false) }
                if !extra_columns.is_empty() {
                    <label class="field field--inline">
                        <span class="field__label">{ lang.t(HealthKey::AddMeasure) }</span>
                        <select class="field__select" data-testid="input-add-measure" onchange={on_add}>
                            <option value="" selected=true>{ "—" }</option>
                            { for add_options }
                        </select>
                    </label>
                }
                <button type="button" class="button button--quiet" data-testid="scorecard-reset" onclick={on_reset}>
                    { lang.t(HealthKey::ResetScorecard) }
                </button>
            </div>
        </section>
    }
}

/// Reads typed text as a scorecard edit; `None` when the text does not read as one.
type Change = Box<dyn Fn(String) -> Option<ScorecardEdit>>;
type Edit<'a> = dyn Fn(Change) -> Callback<String> + 'a;

/// The scale of rule `i`: two thresholds for a linear scale, the steps as text otherwise.
fn scale_editor(lang: Lang, i: usize, rule: &Rule, edit: &Edit<'_>) -> Html {
    let key = rule.measure.key();
    match &rule.scale {
        Scale::Linear { worst, best } => {
            let end = |which: &'static str, label: HealthKey, value: f64| {
                let parse = number_setter(
                    lang,
                    edit(Box::new(move |text| {
                        number(&text).map(|value| ScorecardEdit::LinearEnd {
                            rule: i,
                            worst: which == "worst",
                            value,
                        })
                    })),
                );
                html! {
                    <TextSetting name={format!("scale-{key}-{which}")} label={lang.t(label)} value={trim(value)} {parse} />
                }
            };
            html! { <>{ end("worst", HealthKey::Worst, *worst) }{ end("best", HealthKey::Best, *best) }</> }
        }
        Scale::Steps { cuts, scores } => {
            let set = edit(Box::new(move |text| {
                parse_steps(&text).map(|scale| ScorecardEdit::Scale { rule: i, scale })
            }));
            let parse = Callback::from(move |text: String| {
                if parse_steps(&text).is_some() {
                    set.emit(text);
                    Ok(())
                } else {
                    Err(AttrValue::from(lang.t(HealthKey::StepsInvalid)))
                }
            });
            html! {
                <TextSetting name={format!("scale-{key}-steps")} label={lang.t(HealthKey::StepsHint)}
                             value={format_steps(cuts, scores)} {parse} />
            }
        }
    }
}

/// Applies a numeric text through `set`, or says it is not a number.
fn number_setter(lang: Lang, set: Callback<String>) -> Callback<String, Result<(), AttrValue>> {
    Callback::from(move |text: String| match number(&text) {
        Some(_) => {
            set.emit(text);
            Ok(())
        }
        None => Err(AttrValue::from(lang.t(HealthKey::NotNumber))),
    })
}

fn number(text: &str) -> Option<f64> {
    parse_number(text.trim())
        .ok()
        .map(|(v, _)| v)
        .filter(|v| v.is_finite())
}

fn trim(v: f64) -> AttrValue {
    let text = format!("{v:.2}");
    AttrValue::from(text.trim_end_matches('0').trim_end_matches('.').to_string())
}
