use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::metric_card::{metric_card, Metric};
use super::slider_field::number_twin;
use crate::forms::view_settings::Heterogeneity;
use crate::hooks::app_context::use_app;
use crate::hooks::derived::{use_fit_bands, use_heterogeneity};
use crate::i18n::{chart_model_error_text, format_percent, CohortKey, EconKey};
use crate::state::Action;

/// Customer heterogeneity: the same mean churn, valued as one constant rate and as the sBG
/// model (set by "mean churn + polarisation" sliders or sent from the cohort fit).
#[component]
pub fn HeterogeneityPanel() -> Html {
    let Some(state) = use_app() else {
        return html! {};
    };
    let lang = state.lang;
    let setting = state.heterogeneity;
    let slider = |name: &'static str,
                  value: f64,
                  min: f64,
                  max: f64,
                  step: f64,
                  apply: fn(Heterogeneity, f64) -> Heterogeneity| {
        let state = state.clone();
        let on_input = Callback::from(move |e: InputEvent| {
            let value = e
                .target_unchecked_into::<HtmlInputElement>()
                .value_as_number();
            if value.is_finite() {
                state.dispatch(Action::SetHeterogeneity(apply(state.heterogeneity, value)));
            }
        });
        let label = match name {
            "sbg-mean-churn" => lang.t(CohortKey::MeanChurn),
            "sbg-polarisation" => lang.t(CohortKey::Polarisation),
            _ => lang.t(EconKey::Discount),
        };
        html! {
            <span class="slider__pair">
                <input type="range" class="slider" data-testid={format!("input-{name}")} min={min.to_string()} max={max.to_string()}
                       step={step.to_string()} value={value.to_string()} oninput={on_input.clone()} aria-label={label} />
                { number_twin(name, label, (min, max, step), &value.to_string(), on_input) }
            </span>
        }
    };
    let view = use_heterogeneity();
    let bands = use_fit_bands();
    let Some(view) = view.as_ref() else {
        return html! {};
    };
    let figures = match &view.lifetimes {
        Ok(l) => html! {
            <>
                <div class="metrics">
                    { metric_card(Metric { name: "lifetime-constant", value: l.constant, text: l.constant_text.clone().into(), label: (lang.t(EconKey::LifetimeConstant)).into(), explain: (lang.t(EconKey::LifetimeConstantExplain)).into(), badge: None }) }
                    { metric_card(Metric { name: "lifetime-sbg", value: l.sbg, text: l.sbg_text.clone().into(), label: (lang.t(EconKey::LifetimeSbg)).into(), explain: (lang.t(EconKey::LifetimeSbgExplain)).into(), badge: None }) }
                    { metric_card(Metric { name: "lifetime-derl", value: l.residual_sbg, text: l.residual_sbg_text.clone().into(), label: (lang.t(EconKey::LifetimeDerl)).into(), explain: l.residual_explain.clone().into(), badge: None }) }
                </div>
                <p class="panel__why" data-testid="heterogeneity-why">{ &l.why }</p>
                if let Some(b) = bands.as_ref() {
                    <p class="panel__why" data-testid="fit-bands"
                       data-del-low={b.del.map(|v| v.0.to_string())} data-del-high={b.del.map(|v| v.1.to_string())}
                       data-ltv-low={b.ltv.map(|v| v.0.to_string())} data-ltv-high={b.ltv.map(|v| v.1.to_string())}>{ &b.text }</p>
                }
            </>
        },
        Err(e) => html! { <p class="panel__notice">{ chart_model_error_text(lang, e) }</p> },
    };
    let (mean, polarisation) = (view.mean_churn, view.polarisation);
    let ((churn_min, churn_max), (discount_min, discount_max)) =
        (view.mean_churn_range, view.discount_range);
    html! {
        <section class="panel heterogeneity" data-testid="heterogeneity">
            <h3 class="panel__title">{ lang.t(EconKey::HeterogeneityTitle) }</h3>
            <p class="section__intro">{ &view.source }</p>
            <div class="heterogeneity__sliders">
                <label class="field">
                    <span class="field__label">{ format!("{} {}", lang.t(CohortKey::MeanChurn), format_percent(mean)) }</span>
                    { slider("sbg-mean-churn", mean, churn_min, churn_max, 0.001, Heterogeneity::with_mean_churn) }
                </label>
                <label class="field">
                    <span class="field__label">{ format!("{} {polarisation:.2}", lang.t(CohortKey::Polarisation)) }</span>
                    { slider("sbg-polarisation", polarisation, 0.01, 0.9, 0.01, Heterogeneity::with_polarisation) }
                </label>
                <label class="field">
                    <span class="field__label">{ format!("{} {}", lang.t(EconKey::Discount), format_percent(setting.discount)) }</span>
                    { slider("sbg-discount", setting.discount, discount_min, discount_max, 0.001, Heterogeneity::with_discount) }
                </label>
            </div>
            { figures }
        </section>
    }
}
