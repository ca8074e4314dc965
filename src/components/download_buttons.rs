use yew::prelude::*;

use crate::hooks::download::download;
use crate::hooks::workbook::send;
use crate::i18n::{error_text, DataKey};
use crate::io::sheet::{to_csv, Sheet};
use crate::io::worker_protocol::writer::{WriteReply, WriteRequest, XlsxWriter};
use crate::io::worker_protocol::WorkerFailure;

use crate::hooks::app_context::use_app;

const CSV_MIME: &str = "text/csv;charset=utf-8";
const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

#[derive(Properties, PartialEq)]
pub struct DownloadButtonsProps {
    /// Test hook prefix: the buttons are `<id>-csv` and `<id>-xlsx`.
    pub id: AttrValue,
    /// Makes the sheet when a button is pressed (never before: it may be a million rows).
    pub sheet: Callback<(), Sheet>,
}

/// "CSV" and "Excel" buttons that download one sheet; XLSX is written by the writer worker.
#[component]
pub fn DownloadButtons(props: &DownloadButtonsProps) -> Html {
    let failure = use_state(|| None::<WorkerFailure>);
    let lang = use_app().map(|s| s.lang).unwrap_or_default();
    let on_csv = {
        let make = props.sheet.clone();
        Callback::from(move |_: MouseEvent| {
            let sheet = make.emit(());
            download(&format!("{}.csv", sheet.name), CSV_MIME, &to_csv(&sheet));
        })
    };
    let on_xlsx = {
        let make = props.sheet.clone();
        let failure = failure.clone();
        Callback::from(move |_: MouseEvent| export_xlsx(make.emit(()), failure.clone()))
    };
    html! {
        <span class="export__buttons">
            <button type="button" class="button button--quiet" data-testid={format!("{}-csv", props.id)} onclick={on_csv}>
                { lang.t(DataKey::Csv) }
            </button>
            <button type="button" class="button button--quiet" data-testid={format!("{}-xlsx", props.id)} onclick={on_xlsx}>
                { lang.t(DataKey::Xlsx) }
            </button>
            if let Some(failure) = &*failure {
                <span class="panel__notice" role="alert" data-testid="export-error">
                    { lang.fill(DataKey::ExportFailed, &[("reason", &error_text(lang, failure))]) }
                </span>
            }
        </span>
    }
}

/// Writes the sheet in the writer worker, then downloads the workbook.
fn export_xlsx(sheet: Sheet, failure: UseStateHandle<Option<WorkerFailure>>) {
    let file = format!("{}.xlsx", sheet.name);
    let on_reply = Callback::from(move |(reply, bytes): (WriteReply, Vec<u8>)| match reply {
        WriteReply::Written => {
            failure.set(None);
            download(&file, XLSX_MIME, &bytes);
        }
        WriteReply::Failed(why) => failure.set(Some(why)),
    });
    let request = WriteRequest {
        sheets: vec![sheet],
    };
    send::<XlsxWriter>(request, Vec::new(), on_reply);
}
