//! localStorage (through `gloo-storage`) and document access. A browser may refuse storage
//! (private mode, quota, a sandboxed iframe): every failure is swallowed here and reads as
//! "nothing stored", because losing autosave must never stop the calculator.
//!
//! Values are read and written as the text the pure decoders of `persist::stored`, `persist::saved`
//! and `persist::scenario_doc` take (versioned serde documents, checked field by field), not
//! through gloo's `get::<T>`, which would decode in one step and lose the version check and
//! the field named at fault. gloo's `LocalStorage::raw()` throws when the browser refuses
//! storage altogether, so every call first asks whether there is a storage at all.

/// The stored value of `key`, if any and readable.
pub fn load(key: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        storage()?.get_item(key).ok()?
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
        storage().is_some_and(|s| s.set_item(key, value).is_ok())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (key, value);
        false
    }
}

/// Every stored key that starts with `prefix`, sorted.
pub fn keys_with_prefix(prefix: &str) -> Vec<String> {
    #[cfg(target_arch = "wasm32")]
    {
        use gloo_storage::Storage;
        let Some(storage) = storage() else {
            return Vec::new();
        };
        let count = gloo_storage::LocalStorage::length();
        let keys: Vec<String> = (0..count)
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter(|k| k.starts_with(prefix))
            .collect();
        // Sorted by name, so saved scenarios list in a stable order.
        let mut sorted: Vec<&str> = keys.iter().map(String::as_str).collect();
        sorted.sort_unstable();
        sorted.into_iter().map(str::to_string).collect()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = prefix;
        Vec::new()
    }
}

/// Removes `key`; returns whether the browser did.
pub fn remove(key: &str) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        use gloo_storage::Storage;
        if storage().is_none() {
            return false;
        }
        gloo_storage::LocalStorage::delete(key);
        true
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = key;
        false
    }
}

/// The browser's clock: milliseconds since 1970 and the same instant in ISO 8601 (UTC).
/// Natively 0 and the epoch, so tests stay deterministic.
pub fn now() -> (f64, String) {
    #[cfg(target_arch = "wasm32")]
    {
        let date = js_sys::Date::new_0();
        (date.get_time(), String::from(date.to_iso_string()))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        (0.0, "1970-01-01T00:00:00.000Z".to_string())
    }
}

/// Today's date (UTC), `YYYY-MM-DD`, for reports and exported charts.
pub fn today() -> String {
    now().1.chars().take(10).collect()
}

/// Today's date (UTC) from the browser's clock; natively `None` (no clock in the models'
/// tests: they pass their own dates).
pub fn today_date() -> Option<crate::model::calendar::Date> {
    #[cfg(target_arch = "wasm32")]
    {
        crate::io::values::parse_date(&today())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}

/// Opens the browser's print dialog (where "Save as PDF" is).
pub fn print() {
    #[cfg(target_arch = "wasm32")]
    if let Some(window) = web_sys::window() {
        let _ = window.print();
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

/// gloo's localStorage, when the browser grants one (else gloo would throw).
#[cfg(target_arch = "wasm32")]
fn storage() -> Option<web_sys::Storage> {
    use gloo_storage::Storage;
    web_sys::window()?.local_storage().ok()??;
    Some(gloo_storage::LocalStorage::raw())
}
