//! The XLSX workers' browser glue, run inside each dedicated web worker: receive a message,
//! answer it with `handler` (`io::worker_protocol::answer` for the worker's protocol), post
//! the reply.

/// Answers a request (JSON and bytes) with a reply (JSON and maybe bytes).
pub type Handler = fn(&str, &[u8]) -> (String, Option<Vec<u8>>);

#[cfg(target_arch = "wasm32")]
pub fn run(handler: Handler) {
    use js_sys::{Object, Reflect, Uint8Array};
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let responder = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        let json = Reflect::get(&data, &JsValue::from_str("json"))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        let bytes = Reflect::get(&data, &JsValue::from_str("bytes"))
            .ok()
            .filter(|v| v.is_instance_of::<Uint8Array>())
            .map(|v| Uint8Array::new(&v).to_vec())
            .unwrap_or_default();
        let (reply, out) = handler(&json, &bytes);
        let message = Object::new();
        let _ = Reflect::set(
            &message,
            &JsValue::from_str("json"),
            &JsValue::from_str(&reply),
        );
        if let Some(out) = out {
            let _ = Reflect::set(
                &message,
                &JsValue::from_str("bytes"),
                &Uint8Array::from(out.as_slice()),
            );
        }
        let _ = responder.post_message(&message);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
}
