//! Bytes to text: UTF-8 (with or without BOM), UTF-16 with a BOM (Excel's "Unicode text"), and
//! GBK / GB18030 (what Excel writes on Chinese Windows).
//!
//! GB18030 decoding is passed in by the caller: natively [`gb18030_native`] (encoding_rs), in
//! the browser the page's own `TextDecoder` (see `hooks::files`): the platform's WHATWG
//! decoder, the standard encoding_rs implements, so the page need not carry a second copy of
//! its tables for a feature only GBK files use.

use crate::io::import_error::{ImportError, ImportErrorKind};

/// The largest file the page parses: beyond this a tab would freeze or run out of memory.
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;

/// Which encoding the text was read as, to tell the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
    Gb18030,
}

/// Decodes `bytes`; `legacy` decodes GB18030 and returns `None` when it cannot.
pub fn decode(
    file: &str,
    bytes: &[u8],
    legacy: &dyn Fn(&[u8]) -> Option<String>,
) -> Result<(String, Encoding), ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::file(
            file,
            ImportErrorKind::TooLarge {
                bytes: bytes.len(),
                limit: MAX_FILE_BYTES,
            },
        ));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8(rest.to_vec())
            .map(|text| (text, Encoding::Utf8))
            .map_err(|_| ImportError::file(file, ImportErrorKind::Undecodable));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes)
            .ok_or_else(|| ImportError::file(file, ImportErrorKind::Undecodable));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes)
            .ok_or_else(|| ImportError::file(file, ImportErrorKind::Undecodable));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((text.to_string(), Encoding::Utf8)),
        Err(_) => legacy(bytes)
            .map(|text| (text, Encoding::Gb18030))
            .ok_or_else(|| ImportError::file(file, ImportErrorKind::Undecodable)),
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Option<(String, Encoding)> {
    if bytes.len() % 2 != 0 {
        return None;
    }
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]])).collect();
    String::from_utf16(&units)
        .ok()
        .map(|text| (text, Encoding::Utf16))
}

/// GB18030 decoding with encoding_rs, for native code and tests. Malformed sequences make it
/// return `None` rather than replacement characters, so garbage is refused, not imported.
#[cfg(not(target_arch = "wasm32"))]
pub fn gb18030_native(bytes: &[u8]) -> Option<String> {
    let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
    (!had_errors).then(|| text.into_owned())
}

// encoding_rs is a native-only dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn no_legacy(_: &[u8]) -> Option<String> {
        None
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("f", "a,b".as_bytes(), &no_legacy).unwrap().0, "a,b");
        assert_eq!(
            decode("f", b"\xEF\xBB\xBFa,b", &no_legacy).unwrap().0,
            "a,b"
        );
    }

    #[test]
    fn gbk_goes_to_the_legacy_decoder() {
        let (bytes, _, _) = encoding_rs::GBK.encode("客户ID,年度合同额");
        let (text, encoding) = decode("f", &bytes, &gb18030_native).unwrap();
        assert_eq!(text, "客户ID,年度合同额");
        assert_eq!(encoding, Encoding::Gb18030);
    }

    #[test]
    fn utf16_le_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend("客户\tarr".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(
            decode("f", &bytes, &no_legacy).unwrap(),
            ("客户\tarr".to_string(), Encoding::Utf16)
        );
    }

    #[test]
    fn files_over_the_limit_are_refused_before_decoding() {
        let big = vec![b'a'; MAX_FILE_BYTES + 1];
        let err = decode("huge.csv", &big, &gb18030_native).unwrap_err();
        assert_eq!(
            err.kind,
            ImportErrorKind::TooLarge {
                bytes: MAX_FILE_BYTES + 1,
                limit: MAX_FILE_BYTES
            }
        );
    }

    #[test]
    fn bom_then_invalid_utf8_is_refused() {
        let err = decode("mixed.csv", b"\xEF\xBB\xBF\xBF\xCD", &gb18030_native).unwrap_err();
        assert_eq!(err.kind, ImportErrorKind::Undecodable);
        assert_eq!(err.file, "mixed.csv");
    }
}
