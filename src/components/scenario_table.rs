use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::derive::economics::{Kind, ResultRow};
use crate::forms::bridge_form::FieldError;
use crate::forms::economics_form::EconField;
use crate::forms::scenario::{Preset, ScenarioAction, MAX_SCENARIOS};
use crate::hooks::app_context::use_app;
use crate::i18n::{
    format_money, format_percent, preset_key, scenario_name, Currency, EconKey, Key, Lang,
};
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct ScenarioTableProps {
    /// The results table (`derive::economics::result_rows`), scenarios in the state's order.
    pub rows: std::rc::Rc<Vec<ResultRow>>,
}

/// Baseline and scenarios side by side: editable inputs above, results with deltas against
/// the baseline below. Baseline hooks are `input-<field>` / `metric-<name>`; scenario n adds
/// `data-scenario="n"` to the same hooks.
#[component]
pub fn ScenarioTable(props: &ScenarioTableProps) -> Html {
    let Some(state) = use_app() else {
        return html! {};
    };
    let lang = state.lang;
    let currency = state.currency();
    let scenarios = &state.scenarios.list;
    let dispatch = |action: ScenarioAction| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Scenario(action.clone())))
    };
    let scenario_attr = |i: usize| (i > 0).then(|| AttrValue::from(i.to_string()));

    let header = scenarios.iter().enumerate().map(|(i, scenario)| {
        let on_rename = {
            let state = state.clone();
            Callback::from(move |e: InputEvent| {
                let name = e.target_unchecked_into::<HtmlInputElement>().value();
                state.dispatch(Action::Scenario(ScenarioAction::Rename(i, name)));
            })
        };
        let shown = scenario_name(&scenario.name, lang);
        html! {
            <th scope="col" class="scenarios__head">
                <input class="scenarios__name" value={shown} oninput={on_rename} aria-label={lang.t(crate::i18n::WorkshopKey::SaveName)}
                       data-testid="scenario-name" data-scenario={scenario_attr(i)} />
                <span class="scenarios__actions">
                    if scenarios.len() < MAX_SCENARIOS {
                        <button type="button" class="button button--quiet" data-testid="scenario-duplicate"
                                data-scenario={scenario_attr(i)} onclick={dispatch(ScenarioAction::Duplicate(i))}>
                            { lang.t(EconKey::Duplicate) }
                        </button>
                    }
                    if i > 0 {
                        <button type="button" class="button button--quiet" data-testid="scenario-delete"
                                data-scenario={scenario_attr(i)} onclick={dispatch(ScenarioAction::Delete(i))}>
                            { lang.t(Key::Delete) }
                        </button>
                    }
                </span>
            </th>
        }
    });

    // Each form parsed once per render (not once per field): this runs on every keystroke.
    let field_errors: Vec<Vec<(EconField, FieldError)>> = scenarios
        .iter()
        .map(|s| s.form.parse().err().unwrap_or_default())
        .collect();
    let input_rows = EconField::ALL.iter().map(|&field| {
        let cells = scenarios.iter().zip(&field_errors).enumerate().map(|(i, (s, errors))| {
            let on_input = {
                let state = state.clone();
                Callback::from(move |e: InputEvent| {
                    let text = e.target_unchecked_into::<HtmlInputElement>().value();
                    state.dispatch(Action::Scenario(ScenarioAction::SetText(i, field, text)));
                })
            };
            let error = errors.iter().find(|(f, _)| *f == field).map(|(_, e)| error_text(lang, field, e));
            let unit = if field.is_percent() { "%" } else if matches!(field, EconField::Arpa | EconField::NewBusiness | EconField::Cac) { currency.symbol() } else { "" };
            html! {
                <td class={classes!("scenarios__cell", error.is_some().then_some("field--invalid"))}>
                    <span class="scenarios__input">
                        <input class="field__input" type="text" inputmode="decimal" value={s.form.text(field).to_string()}
                               aria-label={format!("{} · {}", lang.t(field_label(field)), scenario_name(&s.name, lang))}
                               data-testid={format!("input-{}", field.test_id())} data-scenario={scenario_attr(i)}
                               aria-invalid={error.is_some().to_string()} oninput={on_input} />
                        <span class="field__unit">{ unit }</span>
                    </span>
                    if let Some(message) = error {
                        <span class="field__error" data-testid={format!("error-{}", field.test_id())} data-scenario={scenario_attr(i)}>{ message }</span>
                    }
                </td>
            }
        });
        html! { <tr><th scope="row">{ lang.t(field_label(field)) }</th>{ for cells }</tr> }
    });

    let output_rows = props.rows.iter().map(|row| {
        let (name, kind) = (row.name, row.kind);
        let cells = row.cells.iter().enumerate().map(|(i, cell)| match cell {
            Ok(cell) => html! {
                <td class="scenarios__cell scenarios__metric" data-testid={format!("metric-{name}")}
                    data-scenario={scenario_attr(i)} data-value={cell.value.map(|v| v.to_string()).unwrap_or_default()}>
                    <span class="scenarios__value">
                        if let Some(ok) = cell.meets {
                            <span class={classes!("scenarios__bench", if ok { "better" } else { "worse" })}
                                  data-testid="benchmark-mark" data-meets={ok.to_string()}>{ if ok { "✓ " } else { "✗ " } }</span>
                        }
                        { show(kind, cell.value, lang, currency) }
                    </span>
                    if let Some(reason) = cell.undefined_because {
                        <span class="scenarios__undefined" data-testid="undefined-reason">{ reason }</span>
                    }
                    if let Some(d) = cell.delta {
                        <span class={classes!("scenarios__delta", d.better.map(|b| if b { "better" } else { "worse" }))}>
                            { delta_text(kind, d.value, lang, currency) }
                        </span>
                    }
                </td>
            },
            Err(error) => html! { <td class="scenarios__cell field__error">{ crate::i18n::error_text(lang, error) }</td> },
        });
        let bench_line = row.benchmark.as_ref().map(|b| html! {
            <span class="scenarios__benchline" title={b.source} tabindex="0">{ b.label }</span>
        });
        html! { <tr><th scope="row">{ row.label }{ for bench_line }</th>{ for cells }</tr> }
    });

    html! {
        <section class="panel scenarios" data-testid="scenarios">
            <p class="scenarios__add">
                <span>{ lang.t(EconKey::AddScenario) }</span>
                { for Preset::ALL.iter().map(|&preset| {
                    let key = preset_key(preset);
                    let id = match preset {
                        Preset::RenewalPlus5 => "renewal-plus-5",
                        Preset::UpsellToNdr120 => "upsell-ndr-120",
                        Preset::CutOnboardingChurn => "cut-onboarding-churn",
                    };
                    html! {
                        <button type="button" class="button button--quiet" data-testid={format!("preset-{id}")}
                                disabled={scenarios.len() >= MAX_SCENARIOS}
                                onclick={dispatch(ScenarioAction::AddPreset(preset))}>
                            { lang.t(key) }
                        </button>
                    }
                }) }
            </p>
            <div class="scenarios__scroll">
                <table class="scenarios__table">
                    <thead><tr><th></th>{ for header }</tr></thead>
                    <tbody>
                        <tr class="scenarios__group"><th colspan="5">{ lang.t(EconKey::InputsHeading) }</th></tr>
                        { for input_rows }
                        <tr class="scenarios__group"><th colspan="5">{ lang.t(EconKey::ResultsHeading) }</th></tr>
                        { for output_rows }
                    </tbody>
                </table>
            </div>
            <p class="panel__why">{ lang.t(EconKey::LtvWhy) }</p>
        </section>
    }
}

/// A figure as shown; an undefined one (`None`, or not finite) is "—".
pub(crate) fn show(kind: Kind, value: Option<f64>, lang: Lang, currency: Currency) -> String {
    let Some(value) = value.filter(|v| v.is_finite()) else {
        return "—".to_string();
    };
    match kind {
        Kind::Percent => format_percent(value),
        Kind::Money => format_money(value, lang, currency),
        Kind::Ratio => format!("{value:.1}×"),
        Kind::Months => format!("{value:.1}"),
    }
}

pub(crate) fn delta_text(kind: Kind, delta: f64, lang: Lang, currency: Currency) -> String {
    let sign = if delta > 0.0 { "+" } else { "" };
    match kind {
        Kind::Percent => format!("{sign}{:.1} pt", delta * 100.0),
        Kind::Money => format!("{sign}{}", format_money(delta, lang, currency)),
        Kind::Ratio | Kind::Months => format!("{sign}{delta:.1}"),
    }
}

pub(crate) fn field_label(field: EconField) -> EconKey {
    match field {
        EconField::Arpa => EconKey::Arpa,
        EconField::Customers => EconKey::Customers,
        EconField::MonthlyChurn => EconKey::MonthlyChurn,
        EconField::LogoRenewal => EconKey::LogoRenewal,
        EconField::Contraction => EconKey::Contraction,
        EconField::Expansion => EconKey::Expansion,
        EconField::Referral => EconKey::Referral,
        EconField::NewBusiness => EconKey::NewBusiness,
        EconField::GrossMargin => EconKey::GrossMargin,
        EconField::Cac => EconKey::Cac,
        EconField::Discount => EconKey::DiscountRate,
        EconField::Horizon => EconKey::Horizon,
    }
}

fn error_text(lang: Lang, field: EconField, error: &FieldError) -> String {
    match (field, error) {
        (_, FieldError::NotNumber(text)) => lang.fill(Key::ErrNotNumber, &[("text", text)]),
        (_, FieldError::Negative) => lang.t(Key::ErrNegative).to_string(),
        (_, FieldError::ZeroStart) => lang.t(EconKey::ErrAboveZero).to_string(),
        (EconField::Horizon, FieldError::PercentAbove100 | FieldError::AboveMax { .. }) => {
            lang.t(EconKey::ErrHorizon).to_string()
        }
        (_, FieldError::PercentAbove100) => lang.t(Key::ErrPercentAbove100).to_string(),
        (_, FieldError::AboveMax { max }) => {
            let max = if field.is_percent() {
                format_percent(*max)
            } else {
                crate::i18n::format_magnitude(*max, lang)
            };
            lang.fill(Key::ErrAboveMax, &[("max", &max)])
        }
        (_, FieldError::LossesExceedStart { .. }) => lang.t(Key::ErrLossesExceedStart).to_string(),
    }
}
