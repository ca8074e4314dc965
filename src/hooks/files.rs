//! Reading files the user picked, and decoding GB18030 text, with the browser's own APIs.

use yew::Callback;

/// The file chosen in the picker that fired `event`; the picker is cleared so that choosing
/// the same file again (after fixing it) reads it again.
pub fn take_chosen_file(event: &yew::Event) -> Option<web_sys::File> {
    use yew::TargetCast;
    let input = event.target_unchecked_into::<web_sys::HtmlInputElement>();
    let file = input.files().and_then(|files| files.get(0))?;
    input.set_value("");
    Some(file)
}

/// Reads `file` completely and calls `on_read(name, bytes)`; a read failure arrives as empty
/// bytes (which the importer reports as an empty file).
pub fn read_file(file: web_sys::File, on_read: Callback<(String, Vec<u8>)>) {
    #[cfg(target_arch = "wasm32")]
    wasm_bindgen_futures::spawn_local(async move {
        let file = gloo_file::File::from(file);
        let bytes = gloo_file::futures::read_as_bytes(&file)
            .await
            .unwrap_or_default();
        on_read.emit((file.name(), bytes));
    });
    // Natively there is no file to read (and web-sys calls would abort): nothing happens.
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (file, on_read);
}

/// Decodes GB18030 (a superset of GBK) strictly: `None` on any malformed sequence. In the
/// browser this is the page's own WHATWG `TextDecoder`; natively encoding_rs (the same
/// standard).
pub fn decode_gb18030(bytes: &[u8]) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        let options = web_sys::TextDecoderOptions::new();
        options.set_fatal(true);
        let decoder = web_sys::TextDecoder::new_with_label_and_options("gb18030", &options).ok()?;
        decoder.decode_with_u8_array(bytes).ok()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        crate::io::text::gb18030_native(bytes)
    }
}
