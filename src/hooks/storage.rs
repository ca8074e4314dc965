//! localStorage and document access. A browser may refuse storage (private mode, quota, a
//! sandboxed iframe): every failure is swallowed here and reads as "nothing stored", because
//! losing autosave must never stop the calculator.

/// The stored value of `key`, if any and readable.
pub fn load(key: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        local_storage()?.get_item(key).ok()?
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = key;
        None
    }
}

/// Stores `value` under `key`; returns whether the browser accepted it.
pub fn save(key: &str, value: &str) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        local_storage().is_some_and(|s| s.set_item(key, value).is_ok())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (key, value);
        false
    }
}

/// Sets `<html lang>`.
pub fn set_document_lang(code: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", code);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = code;
}

#[cfg(target_arch = "wasm32")]
fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}
