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
        let blob = gloo_file::Blob::new_with_options(bytes, Some(mime));
        // gloo revokes the URL when this is dropped.
        let url = gloo_file::ObjectUrl::from(blob);
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
        gloo_timers::callback::Timeout::new(10_000, move || drop(url)).forget();
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (file_name, mime, bytes);
}
