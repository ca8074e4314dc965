//! Puts a chart's SVG into its container and, on later redraws, updates it in place
//! (`patchSvg` in boot.js), so that a redraw while a slider moves touches only the elements
//! that changed. The container's children belong to this hook and boot.js, never to Yew.

use yew::NodeRef;

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// boot.js's `patchSvg`, made a global there.
    #[wasm_bindgen(js_name = retentionLabPatchSvg, catch)]
    fn patch_svg(host: &web_sys::Element, markup: &str) -> Result<(), wasm_bindgen::JsValue>;
}

/// Brings the SVG inside `host` to `markup`, in place where it can (see boot.js), or by
/// replacing it where the patch function is missing (the wasm test runner loads no boot.js).
/// Natively there is no DOM: nothing to do.
pub fn show_svg(host: &NodeRef, markup: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(host) = host.cast::<web_sys::Element>() {
        if patch_svg(&host, markup).is_err() {
            host.set_inner_html(markup);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (host, markup);
}
