//! In-browser tests (wasm-bindgen-test in headless Chromium): the real App mounted in a page.
#![cfg(target_arch = "wasm32")]
// Test helpers outside #[test] fns: a failed lookup should fail the test loudly.
#![allow(clippy::unwrap_used, clippy::panic)]

use retention_lab::components::app::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn by_test_id(root: &Element, id: &str) -> Element {
    root.query_selector(&format!("[data-testid='{id}']"))
        .unwrap()
        .unwrap_or_else(|| panic!("no element with data-testid={id}"))
}

fn type_into(root: &Element, id: &str, text: &str) {
    let input: HtmlInputElement = by_test_id(root, id).dyn_into().unwrap();
    input.set_value(text);
    input.dispatch_event(&Event::new("input").unwrap()).unwrap();
}

fn value_of(root: &Element, id: &str) -> f64 {
    by_test_id(root, id)
        .get_attribute("data-value")
        .unwrap()
        .parse()
        .unwrap()
}

#[wasm_bindgen_test]
async fn typing_expansion_recomputes_ndr_and_keeps_last_valid_on_error() {
    let window = web_sys::window().unwrap();
    window.local_storage().unwrap().unwrap().clear().unwrap();
    let document = window.document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;

    // The sample is the worked example: NDR 105 %.
    assert!((value_of(&root, "metric-ndr") - 1.05).abs() < 1e-9);

    type_into(&root, "input-expansion-arr", "300,000");
    yew::scheduler::flush().await;
    assert!((value_of(&root, "metric-ndr") - 1.15).abs() < 1e-9);

    // Text is refused beside the field; the figures stay at the last valid inputs.
    type_into(&root, "input-expansion-arr", "lots");
    yew::scheduler::flush().await;
    let error = by_test_id(&root, "error-expansion-arr")
        .text_content()
        .unwrap();
    assert!(error.contains("lots"), "{error}");
    assert!((value_of(&root, "metric-ndr") - 1.15).abs() < 1e-9);

    // The inputs were autosaved under the versioned key.
    let saved = window
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item("retention-lab/v1/bridge")
        .unwrap();
    assert!(saved.unwrap().contains("lots"));
}
