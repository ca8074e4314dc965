//! Messages between the page and its two on-demand workers, the XLSX [`reader`] (calamine) and
//! [`writer`] (rust_xlsxwriter): each worker has its own typed request and reply enums, JSON
//! by serde, wrapped in an [`Envelope`] whose `id` pairs a reply with its request (bytes travel
//! beside the JSON as a buffer). Messages live only while a page runs, so they carry no
//! version. Each worker's whole logic is its [`Worker::handle`], pure, so it is tested
//! natively; `worker_glue` runs it inside the worker and `hooks::workbook` talks to it.

pub mod reader;
pub mod writer;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

pub use super::workbook_problem::WorkerFailure;

/// One message and the request it belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Envelope<T> {
    pub id: u32,
    pub message: T,
}

/// A worker's typed protocol: what it is asked, what it answers, and how.
pub trait Worker {
    /// The worker's file stem: `<name>.js`, `<name>_bg.wasm`, `<name>_loader.js`.
    const NAME: &'static str;
    type Request: Serialize + DeserializeOwned;
    type Reply: Serialize + DeserializeOwned;
    /// The reply that says the request got no answer, and why.
    fn failed(failure: WorkerFailure) -> Self::Reply;
    /// The answer to one request, with any bytes that travel beside it.
    fn handle(request: Self::Request, bytes: &[u8]) -> (Self::Reply, Option<Vec<u8>>);
}

/// Texts, whole numbers and finite cell values: serialising cannot fail (a cell that is not
/// finite, which JSON cannot say, is written `null` by serde_json).
pub fn to_json<T: Serialize>(id: u32, message: T) -> String {
    serde_json::to_string(&Envelope { id, message }).unwrap_or_default()
}

/// An envelope read back, or why not.
pub fn from_json<T: DeserializeOwned>(text: &str) -> Result<Envelope<T>, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

/// The id of any envelope, whatever it carries (`None` when it is not one).
pub fn id_of(text: &str) -> Option<u32> {
    from_json::<serde::de::IgnoredAny>(text).ok().map(|e| e.id)
}

/// Inside worker `W`: decodes the request, answers it, encodes the reply. A request that does
/// not decode gets a failure with id 0 (its own id could not be read either).
pub fn answer<W: Worker>(request_json: &str, bytes: &[u8]) -> (String, Option<Vec<u8>>) {
    let (id, (reply, out)) = match from_json::<W::Request>(request_json) {
        Ok(Envelope { id, message }) => (id, W::handle(message, bytes)),
        Err(_) => (0, (W::failed(WorkerFailure::BadRequest), None)),
    };
    (to_json(id, reply), out)
}

#[cfg(test)]
mod tests;
