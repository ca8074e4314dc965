use yew::prelude::*;

use crate::data::Dataset;
use crate::hooks::app_context::use_app;
use crate::i18n::{shape_label, DataKey};
use crate::io::export::{cohort_table_sheet, customers_sheet, subscriptions_sheet, template};
use crate::io::fields::Shape;
use crate::io::sheet::Sheet;

use super::download_buttons::DownloadButtons;

/// Downloads of the loaded data and of the import templates, as CSV or XLSX.
#[component]
pub fn ExportPanel() -> Html {
    let Some(state) = use_app() else {
        return html! {};
    };
    let lang = state.lang;
    let mut parts = vec![
        (Part::Customers, AttrValue::from(lang.t(DataKey::Customers))),
        (
            Part::Subscriptions,
            lang.t(DataKey::SubscriptionRows).into(),
        ),
    ];
    if state.dataset.cohort_table.is_some() {
        parts.push((Part::Cohorts, lang.t(DataKey::CohortTableRows).into()));
    }
    // Sheets are built on click only: the data may be a million rows.
    let buttons = |part: Part| {
        let state = state.clone();
        let sheet = Callback::from(move |()| part.sheet(&state.dataset));
        html! { <DownloadButtons id={part.test_id()} {sheet} /> }
    };
    html! {
        <section class="panel export">
            <h3 class="panel__title">{ lang.t(DataKey::ExportTitle) }</h3>
            <p class="import__hint">{ lang.t(DataKey::ExportHint) }</p>
            <ul class="export__list">
                { for parts.into_iter().map(|(part, label)| html! {
                    <li class="export__item"><span>{ label }</span>{ buttons(part) }</li>
                }) }
            </ul>
            <h4 class="export__subtitle">{ lang.t(DataKey::TemplatesTitle) }</h4>
            <ul class="export__list">
                { for Shape::ALL.iter().map(|&shape| html! {
                    <li class="export__item">
                        <span>{ shape_label(lang, shape) }</span>
                        { buttons(Part::Template(shape)) }
                    </li>
                }) }
            </ul>
        </section>
    }
}

/// Something that can be downloaded.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Part {
    Customers,
    Subscriptions,
    Cohorts,
    Template(Shape),
}

impl Part {
    fn sheet(self, data: &Dataset) -> Sheet {
        match self {
            Part::Customers => customers_sheet(&data.customers),
            Part::Subscriptions => subscriptions_sheet(&data.subscriptions),
            Part::Cohorts => cohort_table_sheet(
                data.cohort_table
                    .as_ref()
                    .map_or(&[][..], |(cells, _)| cells),
            ),
            Part::Template(shape) => template(shape),
        }
    }

    fn test_id(self) -> String {
        match self {
            Part::Customers => "export-customers".into(),
            Part::Subscriptions => "export-subscriptions".into(),
            Part::Cohorts => "export-cohorts".into(),
            Part::Template(shape) => format!("template-{}", shape.code()),
        }
    }
}
