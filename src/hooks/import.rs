//! Runs imports without freezing the page: a large file is read and checked in chunks of
//! rows, yielding to the browser between chunks (each chunk is a few milliseconds of work, so
//! the page keeps repainting and shows progress). Chunking on the page's own thread rather
//! than in a worker because the parsed table must end up on this thread anyway, and handing
//! a million rows over from a worker would cost another full pass of copying.

use yew::platform::spawn_local;

use crate::data::Shared;
use crate::hooks::files::decode_gb18030;
use crate::hooks::workbook::send;
use crate::io::import::{read_paste, read_sheet, PendingImport, WorkbookSource};
use crate::io::import_error::ImportError;
use crate::io::import_error::ImportErrorKind;
use crate::io::mapping::Mapping;
use crate::io::records::RecordBuilder;
use crate::io::table::{CsvChunks, RawTable};
use crate::io::text::decode;
use crate::io::worker_protocol::reader::{ReadReply, ReadRequest, XlsxReader};
use crate::io::worker_protocol::WorkerFailure;
use crate::state::AppContext;
use crate::state::{Action, ImportProgress};
use yew::Callback;

/// Rows read or checked between two looks at the clock.
const STEP_ROWS: usize = 500;
/// Work done between two yields to the browser: half a frame at 60 Hz, so the page repaints.
const SLICE_MS: f64 = 8.0;

/// Reads a delimited file in chunks and hands the table to the mapping step.
pub fn import_delimited(state: AppContext, file: String, bytes: Vec<u8>) {
    spawn_local(async move {
        let result = read_in_chunks(&state, &file, &bytes).await;
        state.dispatch(Action::ImportRead(result));
    });
}

/// Reads `sheet` (or the first non-empty one) of a workbook in the reader worker.
pub fn import_workbook(
    state: AppContext,
    file: String,
    bytes: Shared<Vec<u8>>,
    sheet: Option<String>,
) {
    let progress = ImportProgress {
        file: file.clone(),
        rows: 0,
    };
    state.dispatch(Action::ImportProgress(Some(progress)));
    let payload = bytes.to_vec();
    let request_file = file.clone();
    let on_reply = Callback::from(move |(reply, _): (ReadReply, Vec<u8>)| {
        let result = match reply {
            ReadReply::Rows {
                sheets,
                sheet,
                rows,
            } => {
                let source = WorkbookSource {
                    file: file.clone(),
                    bytes: bytes.clone(),
                    sheets,
                    sheet,
                };
                read_sheet(source, rows)
            }
            ReadReply::EmptySheet { sheet } => {
                Err(ImportError::file(&file, ImportErrorKind::EmptySheet(sheet)))
            }
            ReadReply::Failed(failure) => {
                let kind = match failure {
                    WorkerFailure::Read(problem) => ImportErrorKind::Workbook(problem),
                    other => ImportErrorKind::Worker(other),
                };
                Err(ImportError::file(&file, kind))
            }
        };
        state.dispatch(Action::ImportRead(result));
    });
    let request = ReadRequest {
        file: request_file,
        sheet,
    };
    send::<XlsxReader>(request, payload, on_reply);
}

/// Reads pasted text (small by nature: done at once).
pub fn import_paste(state: &AppContext, text: &str) {
    state.dispatch(Action::ImportRead(read_paste(text)));
}

async fn read_in_chunks(
    state: &AppContext,
    file: &str,
    bytes: &[u8],
) -> Result<PendingImport, ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::file(
            file,
            crate::io::import_error::ImportErrorKind::Empty,
        ));
    }
    let (text, encoding) = decode(file, bytes, &decode_gb18030)?;
    let mut chunks = CsvChunks::sniffed(file, text)?;
    loop {
        let started = now_ms();
        let mut done = false;
        while !done && now_ms() - started < SLICE_MS {
            done = chunks.read(STEP_ROWS)?;
        }
        if done {
            break;
        }
        let progress = ImportProgress {
            file: file.to_string(),
            rows: chunks.rows_read(),
        };
        state.dispatch(Action::ImportProgress(Some(progress)));
        yield_to_browser().await;
    }
    Ok(PendingImport::new(chunks.finish()?, Some(encoding)))
}

/// Checks every row of `table` against `mapping` in chunks, then reports the outcome.
pub fn check_rows(state: AppContext, table: Shared<RawTable>, mapping: Mapping) {
    spawn_local(async move {
        let checked = match RecordBuilder::new(&table, mapping.clone()) {
            Err(error) => Err(error),
            Ok(mut builder) => {
                loop {
                    let started = now_ms();
                    let mut done = false;
                    while !done && now_ms() - started < SLICE_MS {
                        done = builder.step(&table, STEP_ROWS);
                    }
                    if done {
                        break;
                    }
                    yield_to_browser().await;
                }
                Ok(Shared::new(builder.finish()))
            }
        };
        state.dispatch(Action::ImportChecked(mapping, checked));
    });
}

/// A zero-delay timeout: the browser repaints and handles input before the next chunk.
async fn yield_to_browser() {
    #[cfg(target_arch = "wasm32")]
    gloo_timers::future::TimeoutFuture::new(0).await;
    #[cfg(not(target_arch = "wasm32"))]
    yew::platform::time::sleep(std::time::Duration::ZERO).await;
}

/// Milliseconds on the page's clock (natively a constant: there every slice runs to the end).
fn now_ms() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0.0
    }
}
