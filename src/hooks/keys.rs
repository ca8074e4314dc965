//! Keyboard shortcuts: a `keydown` listener on the document for as long as the component
//! lives. Keys typed into a field are left to the field.

use yew::prelude::*;

/// Calls `on_key` with `KeyboardEvent.key` for every key pressed outside a text field.
#[hook]
pub fn use_key_down(on_key: Callback<String>) {
    // The listener is added once and calls the callback of the latest render.
    let latest = use_mut_ref(|| on_key.clone());
    *latest.borrow_mut() = on_key;
    use_effect_with((), move |_| listen(latest));
}

/// The `keydown` listener; gloo removes it when the returned guard is dropped.
#[cfg(target_arch = "wasm32")]
fn listen(on_key: std::rc::Rc<std::cell::RefCell<Callback<String>>>) -> impl FnOnce() {
    use wasm_bindgen::JsCast;
    let listener = web_sys::window()
        .and_then(|w| w.document())
        .map(|document| {
            gloo_events::EventListener::new(&document, "keydown", move |event| {
                let Some(e) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                let in_field = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|el| {
                        matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                    });
                if !in_field && !e.ctrl_key() && !e.meta_key() && !e.alt_key() {
                    on_key.borrow().emit(e.key());
                }
            })
        });
    move || drop(listener)
}

#[cfg(not(target_arch = "wasm32"))]
fn listen(on_key: std::rc::Rc<std::cell::RefCell<Callback<String>>>) -> impl FnOnce() {
    drop(on_key);
    || ()
}
