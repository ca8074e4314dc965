//! The page's side of the on-demand XLSX workers: start a worker the first time it is needed,
//! send it a typed request, hand its typed reply to a callback. Natively (tests) the same
//! handler runs in-process.
//!
//! Not `gloo-worker` (0.5, the version yew 0.23 uses), for two reasons read in its source:
//! its spawner `expect`s and `unwrap`s when a worker cannot be created (offline before the
//! worker was cached, for example), which would abort this page instead of reporting that the
//! workbook worker stopped; and a message is one encoded buffer, so a 60 MB workbook would
//! be copied into the codec's bytes instead of travelling as its own `Uint8Array` beside a
//! small serde_json request as it does here.

use yew::Callback;

use crate::io::worker_protocol::{from_json, to_json, Worker, WorkerFailure};

/// Sends `request` and `bytes` to worker `W`; `on_reply` gets its reply and any bytes that
/// came back. A worker that fails to start, dies or answers nonsense answers with
/// `W::failed`.
pub fn send<W: Worker + 'static>(
    request: W::Request,
    bytes: Vec<u8>,
    on_reply: Callback<(W::Reply, Vec<u8>)>,
) {
    let id = next_id();
    let json = to_json(id, request);
    let deliver: Deliver = Box::new(
        move |answer: Result<String, WorkerFailure>, bytes: Vec<u8>| {
            let reply = answer.and_then(|json| {
                from_json::<W::Reply>(&json)
                    .map(|e| e.message)
                    .map_err(|_| WorkerFailure::Unreadable)
            });
            on_reply.emit((reply.unwrap_or_else(W::failed), bytes));
        },
    );
    #[cfg(target_arch = "wasm32")]
    browser::send(W::NAME, id, &json, bytes, deliver);
    #[cfg(not(target_arch = "wasm32"))]
    {
        let (reply, out) = crate::io::worker_protocol::answer::<W>(&json, &bytes);
        deliver(Ok(reply), out.unwrap_or_default());
    }
}

/// Hands a reply (its JSON, or why none came) and its bytes to the request's callback.
type Deliver = Box<dyn FnOnce(Result<String, WorkerFailure>, Vec<u8>)>;

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

    use super::Deliver;
    use crate::io::worker_protocol::{id_of, WorkerFailure};

    thread_local! {
        // Two workers and a handful of requests at most: vectors, not hash maps.
        static WORKERS: RefCell<Vec<(&'static str, Worker)>> = const { RefCell::new(Vec::new()) };
        static WAITING: RefCell<Vec<(u32, Deliver)>> = const { RefCell::new(Vec::new()) };
    }

    pub fn send(name: &'static str, id: u32, json: &str, bytes: Vec<u8>, deliver: Deliver) {
        let Some(worker) = worker(name) else {
            deliver(Err(WorkerFailure::NotStarted), Vec::new());
            return;
        };
        WAITING.with(|w| w.borrow_mut().push((id, deliver)));
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

    fn worker(name: &'static str) -> Option<Worker> {
        if let Some(existing) = WORKERS.with(|w| {
            w.borrow()
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, w)| w.clone())
        }) {
            return Some(existing);
        }
        let worker = Worker::new(&format!("./{name}_loader.js")).ok()?;
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
            let Some((json, id)) = json.and_then(|j| id_of(&j).map(|id| (j, id))) else {
                fail_all(WorkerFailure::Unreadable);
                return;
            };
            if let Some(deliver) = WAITING.with(|w| {
                let mut w = w.borrow_mut();
                let i = w.iter().position(|(waiting, _)| *waiting == id)?;
                Some(w.swap_remove(i).1)
            }) {
                deliver(Ok(json), bytes);
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        let on_error = Closure::<dyn FnMut(JsValue)>::new(move |_| {
            WORKERS.with(|w| w.borrow_mut().retain(|(n, _)| *n != name));
            fail_all(WorkerFailure::Stopped);
        });
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_error.forget();
        WORKERS.with(|w| w.borrow_mut().push((name, worker.clone())));
        Some(worker)
    }

    fn fail_all(failure: WorkerFailure) {
        let waiting: Vec<(u32, Deliver)> = WAITING.with(|w| w.borrow_mut().drain(..).collect());
        for (_, deliver) in waiting {
            deliver(Err(failure.clone()), Vec::new());
        }
    }
}
