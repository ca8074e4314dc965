//! The sBG beside the BdW in the cohorts section: which model projects (the user's pick or
//! the data's), the BdW's parameters, both log-likelihoods and the likelihood-ratio test.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::metric_card::{metric_card, Badge, Metric, Tone};
use crate::derive::cohorts::models::ModelsView;
use crate::i18n::{CohortKey, Lang};
use crate::model::bdw::Preferred;
use crate::state::Action;
use crate::state::AppContext;

pub fn models_panel(state: &AppContext, view: &ModelsView, lang: Lang) -> Html {
    let on_change = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            let mut next = state.cohort_view;
            next.projection = Some(if value == "bdw" {
                Preferred::Bdw
            } else {
                Preferred::Sbg
            });
            state.dispatch(Action::SetCohortView(next));
        })
    };
    let option = |model: Preferred, key: CohortKey| {
        html! {
            <option value={model.key()} selected={view.projecting == model}>{ lang.t(key) }</option>
        }
    };
    html! {
        <section class="panel" data-testid="cohort-models">
            <h3 class="panel__title">{ lang.t(CohortKey::BdwTitle) }</h3>
            <p class="section__intro">{ lang.t(CohortKey::BdwIntro) }</p>
            <label class="field field--inline">
                <span class="field__label">{ lang.t(CohortKey::ModelChoice) }</span>
                <select class="field__select" data-testid="input-retention-model" onchange={on_change}>
                    { option(Preferred::Sbg, CohortKey::ModelSbg) }
                    { option(Preferred::Bdw, CohortKey::ModelBdw) }
                </select>
            </label>
            <div class="metrics">
                { for view.figures.iter().map(|f| metric_card(Metric {
                    name: f.name,
                    value: f.value,
                    text: f.text.clone().into(),
                    label: f.label.clone().into(),
                    explain: f.explain.clone().into(),
                    badge: f.unreliable.then(|| Badge {
                        text: lang.t(CohortKey::Unreliable).into(),
                        tone: Tone::Poor,
                        source: view.notice.clone().unwrap_or_default().into(),
                    }),
                })) }
            </div>
            <p class="panel__why" data-testid="duration-reading">{ &view.reading }</p>
            <p class="section__intro">{ &view.rule }</p>
            if let Some(notice) = &view.notice {
                <p class="panel__notice">{ notice }</p>
            }
        </section>
    }
}
