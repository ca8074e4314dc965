//! The share link's fragment: `#s=<version>.<payload>`, the payload being the scenario
//! document ([`crate::persist::scenario_doc`]) compressed with raw DEFLATE (by the browser's
//! `CompressionStream`, see `hooks::share`) and written in unpadded base64url, which needs no
//! escaping in a URL. The fragment never reaches a server: browsers do not send it.
//!
//! This module only frames and unframes bytes, so it is the same natively and in wasm; the
//! compression lives in the hook because it is the browser's own (`CompressionStream`), which
//! a committed fixture checks against flate2 natively. base64url is the `base64` crate's.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

/// The link format this build writes and the newest it reads.
pub const LINK_VERSION: u32 = 1;
const KEY: &str = "s=";

/// Why a share fragment was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// Cut short, altered, or not base64url.
    Malformed,
    /// Made by a newer version of the app.
    NewerVersion(u32),
}

/// The fragment (without `#`) carrying `compressed`.
pub fn fragment(compressed: &[u8]) -> String {
    format!("{KEY}{LINK_VERSION}.{}", encode(compressed))
}

/// The compressed payload of a share fragment (`location.hash`, with or without `#`);
/// `None` when the fragment is not a share link at all (empty, or an anchor).
///
/// ```
/// use retention_lab::persist::share_link::{fragment, parse_fragment, LinkError};
/// assert_eq!(parse_fragment(&format!("#{}", fragment(b"abc"))), Some(Ok(b"abc".to_vec())));
/// assert_eq!(parse_fragment("#s=7.AAAA"), Some(Err(LinkError::NewerVersion(7))));
/// assert_eq!(parse_fragment("#top"), None);
/// ```
pub fn parse_fragment(hash: &str) -> Option<Result<Vec<u8>, LinkError>> {
    let rest = hash.strip_prefix('#').unwrap_or(hash).strip_prefix(KEY)?;
    Some(read_payload(rest))
}

fn read_payload(rest: &str) -> Result<Vec<u8>, LinkError> {
    let (version, payload) = rest.split_once('.').ok_or(LinkError::Malformed)?;
    let version: u32 = version.parse().map_err(|_| LinkError::Malformed)?;
    if version > LINK_VERSION {
        return Err(LinkError::NewerVersion(version));
    }
    if version == 0 || payload.is_empty() {
        return Err(LinkError::Malformed);
    }
    decode(payload).ok_or(LinkError::Malformed)
}

/// Unpadded base64url (RFC 4648 § 5).
fn encode(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// The inverse of [`encode`]; `None` for a character outside the alphabet, a length no
/// encoding has (4k + 1), or set bits past the last byte (a text that was altered).
fn decode(text: &str) -> Option<Vec<u8>> {
    URL_SAFE_NO_PAD.decode(text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byte_survives_and_the_text_is_url_safe() {
        let bytes: Vec<u8> = (0..=255).collect();
        let text = fragment(&bytes);
        assert!(text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.=".contains(c)));
        assert_eq!(parse_fragment(&text), Some(Ok(bytes)));
    }

    #[test]
    fn base64url_matches_rfc_4648_vectors() {
        // RFC 4648 § 10, in the URL alphabet without padding.
        let vectors = [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in vectors {
            assert_eq!(encode(plain.as_bytes()), encoded);
            assert_eq!(decode(encoded).as_deref(), Some(plain.as_bytes()));
        }
        assert_eq!(encode(&[0xfb, 0xff]), "-_8");
        assert_eq!(decode("Zh"), None, "bits past the last byte");
    }

    #[test]
    fn broken_links_are_malformed() {
        for hash in [
            "#s=",
            "#s=1",
            "#s=1.",
            "#s=x.AAAA",
            "#s=0.AAAA",
            "#s=1.A",
            "#s=1.AA*A",
        ] {
            assert_eq!(
                parse_fragment(hash),
                Some(Err(LinkError::Malformed)),
                "{hash}"
            );
        }
    }
}
