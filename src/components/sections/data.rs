//! The data section: what is loaded, where it came from, and the import.

use yew::prelude::*;

use crate::components::error_banner::ErrorBanner;
use crate::components::export_panel::ExportPanel;
use crate::components::import_panel::ImportPanel;
use crate::components::mapping_step::MappingStep;
use crate::components::metric_card::{metric_card, Metric};
use crate::data::Origin;
use crate::hooks::app_context::use_app;
use crate::i18n::{format_count, import_error_text, DataKey, Key};
use crate::state::Action;

#[component]
pub fn DataSection() -> Html {
    let Some(state) = use_app() else {
        return html! {};
    };
    let lang = state.lang;
    let data = &state.dataset;
    let origin = |origin: &Origin| match origin {
        Origin::Sample => AttrValue::from(lang.t(DataKey::FromSample)),
        Origin::File(name) => AttrValue::from(lang.fill(DataKey::FromFile, &[("file", name)])),
    };
    let cohort_rows = data
        .cohort_table
        .as_ref()
        .map_or(0, |(cells, _)| cells.len());
    let cohort_origin = match &data.cohort_table {
        Some((_, file)) => AttrValue::from(lang.fill(DataKey::FromFile, &[("file", file)])),
        None => AttrValue::from(lang.t(DataKey::NoCohortTable)),
    };
    let on_reset = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::ResetData))
    };
    let on_dismiss = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(Action::DismissImportError))
    };
    html! {
        <section class="section" data-testid="section-data">
            <header class="section__header">
                <h2 class="section__title">{ lang.t(DataKey::Title) }</h2>
                <p class="section__intro">{ lang.t(DataKey::Intro) }</p>
            </header>
            <div class="metrics">
                { metric_card(Metric { name: "customers", value: data.customers.len() as f64, text: (format_count(data.customers.len())).into(), label: (lang.t(DataKey::Customers)).into(), explain: (origin(&data.customers_origin)).into(), badge: None }) }
                { metric_card(Metric { name: "subscription-rows", value: data.subscriptions.len() as f64, text: (format_count(data.subscriptions.len())).into(), label: (lang.t(DataKey::SubscriptionRows)).into(), explain: (origin(&data.subscriptions_origin)).into(), badge: None }) }
                { metric_card(Metric { name: "cohort-table-rows", value: cohort_rows as f64, text: (format_count(cohort_rows)).into(), label: (lang.t(DataKey::CohortTableRows)).into(), explain: (cohort_origin).into(), badge: None }) }
            </div>
            <p class="data__actions">
                <button type="button" class="button button--quiet" data-testid="reset-sample" onclick={on_reset}>
                    { lang.t(Key::ResetSample) }
                </button>
            </p>
            <ErrorBanner test_id="import-error" headline={AttrValue::from(lang.t(DataKey::ImportFailed))}
                         message={state.import_error.as_ref().map(|e| AttrValue::from(import_error_text(lang, e)))}
                         dismiss_label={lang.t(Key::Dismiss)} {on_dismiss} />
            <div class="data__import">
                <div class="data__side">
                    <ImportPanel />
                    <ExportPanel />
                </div>
                if let Some(pending) = &state.pending_import {
                    <MappingStep pending={pending.clone()} />
                }
            </div>
        </section>
    }
}
