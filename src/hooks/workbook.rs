//! The page's side of the on-demand workers (XLSX reader and writer, the operations panels): start a worker the first time it is needed, send it a
//! request, hand its reply to a callback. Natively (tests) the same handlers run in-process.
//!
//! Not `gloo-worker` (0.5, the version yew 0.23 uses), for three reasons read in its source:
//! its spawner `expect`s and `unwrap`s when a worker cannot be created (offline before the
//! worker was cached, for example), which would abort this page instead of reporting that the
//! workbook worker stopped; its default codec is bincode, one more serialisation crate in the
//! first load beside serde_json; and a message is one encoded buffer, so a 60 MB workbook would
//! be copied into the codec's bytes instead of travelling as its own `Uint8Array` beside a
//! small serde_json request as it does here. The glue below is about forty lines of it.

use yew::Callback;

use crate::io::worker_protocol::{Reply, Request};

/// Which worker a request goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkerKind {
    Reader,
    Writer,
    /// The Operations and Team panels (`derive::operations::job`).
    Ops,
}

impl WorkerKind {
    #[cfg(target_arch = "wasm32")]
    fn loader(self) -> &'static str {
        match self {
            WorkerKind::Reader => "./xlsx_reader_loader.js",
            WorkerKind::Writer => "./xlsx_writer_loader.js",
            WorkerKind::Ops => "./ops_worker_loader.js",
        }
    }
}

/// Sends `request` (built with a fresh id) and `bytes`; `on_reply` gets the reply and any
/// bytes that came back. A worker that fails to start answers with `Reply::Failed`.
pub fn send(
    kind: WorkerKind,
    request: impl FnOnce(u32) -> Request,
    bytes: Vec<u8>,
    on_reply: Callback<(Reply, Vec<u8>)>,
) {
    let id = next_id();
    let request = request(id);
    let json = request.to_json();
    #[cfg(target_arch = "wasm32")]
    browser::send(kind, id, &json, bytes, on_reply);
    #[cfg(not(target_arch = "wasm32"))]
    {
        use crate::io::worker_protocol::{handle_read, handle_write, WorkerFailure};
        let (reply, out) = match kind {
            WorkerKind::Reader => handle_read(&json, &bytes),
            WorkerKind::Writer => handle_write(&json, &bytes),
            WorkerKind::Ops => crate::derive::operations::job::handle_panels(&json, &bytes),
        };
        let reply = Reply::from_json(&reply).unwrap_or(Reply::Failed {
            id,
            failure: WorkerFailure::Unreadable,
        });
        on_reply.emit((reply, out.unwrap_or_default()));
    }
}

fn next_id() -> u32 {
    thread_local!(static NEXT: std::cell::Cell<u32> = const { std::cell::Cell::new(1) });
    NEXT.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1));
        id
    })
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::cell::RefCell;

    use js_sys::{Object, Reflect, Uint8Array};
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{MessageEvent, Worker};
    use yew::Callback;

    use super::WorkerKind;
    use crate::io::worker_protocol::{Reply, WorkerFailure};

    type Waiting = Callback<(Reply, Vec<u8>)>;

    thread_local! {
        // A handful of entries at most: vectors, not hash maps (less code in the download).
        static WORKERS: RefCell<Vec<(&'static str, Worker)>> = const { RefCell::new(Vec::new()) };
        static WAITING: RefCell<Vec<(u32, Waiting)>> = const { RefCell::new(Vec::new()) };
    }

    pub fn send(kind: WorkerKind, id: u32, json: &str, bytes: Vec<u8>, on_reply: Waiting) {
        let Some(worker) = worker(kind) else {
            on_reply.emit((
                Reply::Failed {
                    id,
                    failure: WorkerFailure::NotStarted,
                },
                Vec::new(),
            ));
            return;
        };
        WAITING.with(|w| w.borrow_mut().push((id, on_reply)));
        let message = Object::new();
        let _ = Reflect::set(
            &message,
            &JsValue::from_str("json"),
            &JsValue::from_str(json),
        );
        let _ = Reflect::set(
            &message,
            &JsValue::from_str("bytes"),
            &Uint8Array::from(bytes.as_slice()),
        );
        if worker.post_message(&message).is_err() {
            fail_all(WorkerFailure::Refused);
        }
    }

    fn worker(kind: WorkerKind) -> Option<Worker> {
        let path = kind.loader();
        if let Some(existing) = WORKERS.with(|w| {
            w.borrow()
                .iter()
                .find(|(p, _)| *p == path)
                .map(|(_, w)| w.clone())
        }) {
            return Some(existing);
        }
        let worker = Worker::new(path).ok()?;
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
            let data = event.data();
            let json = Reflect::get(&data, &JsValue::from_str("json"))
                .ok()
                .and_then(|v| v.as_string());
            let bytes = Reflect::get(&data, &JsValue::from_str("bytes"))
                .ok()
                .filter(|v| v.is_instance_of::<Uint8Array>())
                .map(|v| Uint8Array::new(&v).to_vec())
                .unwrap_or_default();
            let Some(reply) = json.and_then(|j| Reply::from_json(&j).ok()) else {
                fail_all(WorkerFailure::Unreadable);
                return;
            };
            if let Some(callback) = WAITING.with(|w| {
                let mut w = w.borrow_mut();
                let i = w.iter().position(|(id, _)| *id == reply.id())?;
                Some(w.swap_remove(i).1)
            }) {
                callback.emit((reply, bytes));
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        let on_error = Closure::<dyn FnMut(JsValue)>::new(move |_| {
            WORKERS.with(|w| w.borrow_mut().retain(|(p, _)| *p != path));
            fail_all(WorkerFailure::Stopped);
        });
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_error.forget();
        WORKERS.with(|w| w.borrow_mut().push((path, worker.clone())));
        Some(worker)
    }

    fn fail_all(failure: WorkerFailure) {
        let waiting: Vec<(u32, Waiting)> = WAITING.with(|w| w.borrow_mut().drain(..).collect());
        for (id, callback) in waiting {
            callback.emit((
                Reply::Failed {
                    id,
                    failure: failure.clone(),
                },
                Vec::new(),
            ));
        }
    }
}
