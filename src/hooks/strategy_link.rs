//! The browser side of `state::strategy_link`: load the Strategy module and mount it, send a
//! JSON message as a DOM event, and listen for one. Natively (tests, SSR) nothing is sent and
//! nothing arrives.

use yew::prelude::*;

/// Fetches the Strategy module (once per page; `boot.js` holds the loader) and mounts it in a
/// new element inside `host`, with the page's `snapshot`. Returns that element, which the
/// module's messages come from and the page's go to.
#[cfg(target_arch = "wasm32")]
pub fn mount(host: &web_sys::Element, snapshot: &str) -> Option<web_sys::Element> {
    use wasm_bindgen::{JsCast, JsValue};
    let inner = web_sys::window()?.document()?.create_element("div").ok()?;
    // Until the module has mounted, the host's loading message shows.
    inner.set_text_content(host.get_attribute("data-loading").as_deref());
    inner.set_attribute("class", "panel__notice").ok()?;
    host.append_child(&inner).ok()?;
    let load = js_sys::Reflect::get(
        &js_sys::global(),
        &JsValue::from_str("retentionLabStrategy"),
    )
    .ok()?
    .dyn_into::<js_sys::Function>()
    .ok()?;
    load.call2(&JsValue::NULL, &inner, &JsValue::from_str(snapshot))
        .ok()?;
    Some(inner)
}

#[cfg(not(target_arch = "wasm32"))]
pub fn mount(_host: &web_sys::Element, _snapshot: &str) -> Option<web_sys::Element> {
    None
}

/// Dispatches `event` on `target` with `json` as its detail; it bubbles to the host.
#[cfg(target_arch = "wasm32")]
pub fn send(target: &web_sys::Element, event: &str, json: &str) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_detail(&wasm_bindgen::JsValue::from_str(json));
    if let Ok(e) = web_sys::CustomEvent::new_with_event_init_dict(event, &init) {
        let _ = target.dispatch_event(&e);
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn send(_target: &web_sys::Element, _event: &str, _json: &str) {}

/// Calls `on_message` with the JSON detail of every `event` on `target`, for as long as the
/// component lives and `target` stays the same.
#[hook]
pub fn use_message(
    target: Option<web_sys::Element>,
    event: &'static str,
    on_message: Callback<String>,
) {
    let latest = use_mut_ref(|| on_message.clone());
    *latest.borrow_mut() = on_message;
    use_effect_with(target, move |target| listen(target.clone(), event, latest));
}

#[cfg(target_arch = "wasm32")]
fn listen(
    target: Option<web_sys::Element>,
    event: &'static str,
    on_message: std::rc::Rc<std::cell::RefCell<Callback<String>>>,
) -> impl FnOnce() {
    use wasm_bindgen::JsCast;
    let listener = target.map(|t| {
        gloo_events::EventListener::new(&t, event, move |e| {
            let detail = e
                .dyn_ref::<web_sys::CustomEvent>()
                .and_then(|c| c.detail().as_string());
            if let Some(json) = detail {
                on_message.borrow().emit(json);
            }
        })
    });
    move || drop(listener)
}

#[cfg(not(target_arch = "wasm32"))]
fn listen(
    _target: Option<web_sys::Element>,
    _event: &'static str,
    on_message: std::rc::Rc<std::cell::RefCell<Callback<String>>>,
) -> impl FnOnce() {
    drop(on_message);
    || ()
}
