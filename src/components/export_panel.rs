use yew::prelude::*;

use super::AppContext;
use crate::data::dataset::Dataset;
use crate::data::export::{cohort_table_sheet, customers_sheet, subscriptions_sheet, template};
use crate::data::fields::Shape;
use crate::data::sheet::{to_csv, Sheet};
use crate::data::worker_protocol::{Reply, Request};
use crate::hooks::download::download;
use crate::hooks::workbook::{send, WorkerKind};
use crate::i18n::{shape_label, DataKey, Key, Lang};

const CSV_MIME: &str = "text/csv;charset=utf-8";
const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Downloads of the loaded data and of the import templates, as CSV or XLSX.
#[component]
pub fn ExportPanel() -> Html {
    let failure = use_state(|| None::<String>);
    let Some(state) = use_context::<AppContext>() else {
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
        let csv = {
            let state = state.clone();
            Callback::from(move |_: MouseEvent| {
                let sheet = part.sheet(&state.dataset);
                download(&format!("{}.csv", sheet.name), CSV_MIME, &to_csv(&sheet));
            })
        };
        let xlsx = {
            let state = state.clone();
            let failure = failure.clone();
            Callback::from(move |_: MouseEvent| {
                export_xlsx(part.sheet(&state.dataset), failure.clone())
            })
        };
        let id = part.test_id();
        html! {
            <span class="export__buttons">
                <button type="button" class="button button--quiet" data-testid={format!("{id}-csv")} onclick={csv}>
                    { lang.t(DataKey::Csv) }
                </button>
                <button type="button" class="button button--quiet" data-testid={format!("{id}-xlsx")} onclick={xlsx}>
                    { lang.t(DataKey::Xlsx) }
                </button>
            </span>
        }
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
            if let Some(message) = &*failure {
                <p class="panel__notice" role="alert" data-testid="export-error">{ failed(lang, message) }</p>
            }
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

fn failed(lang: Lang, message: &str) -> String {
    Key::fill(lang.t(DataKey::ExportFailed), &[message])
}

/// Writes the sheet in the writer worker, then downloads the workbook.
fn export_xlsx(sheet: Sheet, failure: UseStateHandle<Option<String>>) {
    let file = format!("{}.xlsx", sheet.name);
    let on_reply = Callback::from(move |(reply, bytes): (Reply, Vec<u8>)| match reply {
        Reply::Written { .. } => {
            failure.set(None);
            download(&file, XLSX_MIME, &bytes);
        }
        Reply::Failed { message, .. } => failure.set(Some(message)),
        Reply::Read { .. } | Reply::EmptySheet { .. } => {}
    });
    send(
        WorkerKind::Writer,
        |id| Request::Write {
            id,
            sheets: vec![sheet],
        },
        Vec::new(),
        on_reply,
    );
}
