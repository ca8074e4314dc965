//! The value of the customer base in the cohorts section: the discount rate the user sets,
//! the sBG value (sum of DERL) and the naive one beside it.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::metric_card::{metric_card, Metric};
use crate::derive::cohorts::base::BaseView;
use crate::i18n::{format_setting, CohortKey, Lang};
use crate::state::{Action, AppContext};

pub fn base_panel(state: &AppContext, view: &BaseView, lang: Lang) -> Html {
    let on_input = {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            let percent = e
                .target_unchecked_into::<HtmlInputElement>()
                .value_as_number();
            // A rate the model cannot use (not a number, negative, 100 % or more a year) keeps
            // the last one.
            if percent.is_finite() && (0.0..100.0).contains(&percent) {
                let mut next = state.cohort_view;
                next.base_discount = Some(percent / 100.0);
                state.dispatch(Action::SetCohortView(next));
            }
        })
    };
    let v = &view.value;
    html! {
        <section class="panel" data-testid="cohort-base-value">
            <h3 class="panel__title">{ lang.t(CohortKey::BaseTitle) }</h3>
            <p class="section__intro">{ lang.t(CohortKey::BaseIntro) }</p>
            <label class="field field--inline">
                <span class="field__label">{ lang.t(CohortKey::BaseDiscount) }</span>
                <input type="number" class="field__input" data-testid="input-base-discount-rate" min="0" max="99" step="0.5"
                       value={format_setting(view.annual_discount * 100.0)} oninput={on_input} />
            </label>
            <div class="metrics">
                { metric_card(Metric { name: "base-derl", value: v.derl_periods, text: view.derl_text.clone().into(), label: lang.t(CohortKey::BaseDerl).into(), explain: view.derl_money.clone().into(), badge: None }) }
                { metric_card(Metric { name: "base-naive", value: v.naive_periods, text: view.naive_text.clone().into(), label: lang.t(CohortKey::BaseNaive).into(), explain: view.naive_money.clone().into(), badge: None }) }
            </div>
            <p class="panel__why" data-testid="base-misstatement" data-value={v.misstatement.to_string()}>{ &view.explain }</p>
        </section>
    }
}
