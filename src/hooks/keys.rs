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

#[cfg(target_arch = "wasm32")]
fn listen(on_key: std::rc::Rc<std::cell::RefCell<Callback<String>>>) -> impl FnOnce() {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    let document = web_sys::window().and_then(|w| w.document());
    let listener =
        Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(move |e: web_sys::KeyboardEvent| {
            let in_field = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|el| {
                    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                });
            if !in_field && !e.ctrl_key() && !e.meta_key() && !e.alt_key() {
                on_key.borrow().emit(e.key());
            }
        });
    if let Some(d) = &document {
        let _ = d.add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
    }
    move || {
        if let Some(d) = document {
            let _ =
                d.remove_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
        }
        drop(listener);
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn listen(on_key: std::rc::Rc<std::cell::RefCell<Callback<String>>>) -> impl FnOnce() {
    drop(on_key);
    || ()
}
