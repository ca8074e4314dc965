//! Browser downloads of bytes made in the page (exports, templates): a Blob, an object URL and
//! a click on a temporary link. Nothing is sent anywhere.

/// Offers `bytes` for download as `file_name`.
pub fn download(file_name: &str, mime: &str, bytes: &[u8]) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        else {
            return;
        };
        let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
            return;
        };
        if let Some(link) = document
            .create_element("a")
            .ok()
            .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        {
            link.set_href(&url);
            link.set_download(file_name);
            if let Some(body) = document.body() {
                let _ = body.append_child(&link);
                link.click();
                let _ = body.remove_child(&link);
            }
        }
        // Revoke later: revoking at once can cancel the download in some browsers.
        yew::platform::spawn_local(async move {
            yew::platform::time::sleep(std::time::Duration::from_secs(10)).await;
            let _ = web_sys::Url::revoke_object_url(&url);
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (file_name, mime, bytes);
}
