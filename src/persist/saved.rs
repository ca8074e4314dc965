//! Named scenarios saved in this browser's localStorage, one key each
//! (`retention-lab/v1/saved/<id>`), so that one corrupt entry or a full quota never touches
//! the others. A value is `{"name": …, "saved_at": …, "doc": "<scenario document>"}`, the
//! document as a string, so it is read by the same checks as a file or a link.

use serde::{Deserialize, Serialize};

use crate::persist::scenario_doc::{from_json, to_json, DocError, ScenarioDoc};

/// Prefix of every saved scenario's storage key.
pub const SAVED_PREFIX: &str = "retention-lab/v1/saved/";

/// One saved scenario as read back: the document, or why it could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedEntry {
    pub key: String,
    /// The name given when saving; for an unreadable entry, its storage key's id.
    pub name: String,
    /// When it was saved, as the browser wrote it (ISO 8601).
    pub saved_at: String,
    pub doc: Result<ScenarioDoc, DocError>,
}

/// The storage key of a scenario saved at `millis` (ms since 1970; unique enough for one
/// person clicking, and it sorts by time).
pub fn key_for(millis: f64) -> String {
    format!("{SAVED_PREFIX}{:013}", millis.max(0.0) as u64)
}

/// A saving time as the list shows it: `2026-11-23T02:36:10.123Z` → `2026-11-23 02:36`.
///
/// ```
/// assert_eq!(retention_lab::persist::saved::shown_time("2026-11-23T02:36:10.123Z"), "2026-11-23 02:36");
/// assert_eq!(retention_lab::persist::saved::shown_time("garbled"), "garbled");
/// ```
pub fn shown_time(iso: &str) -> String {
    iso.get(..16).unwrap_or(iso).replace('T', " ")
}

/// A saved scenario's stored value (format 1's layout). The document stays a string so it
/// is checked by [`from_json`] like a file or a link, and one bad document is that entry's
/// fault alone.
#[derive(Serialize, Deserialize)]
struct StoredSaved {
    name: String,
    saved_at: String,
    doc: String,
}

/// The stored value of a saved scenario.
pub fn encode(name: &str, saved_at: &str, doc: &ScenarioDoc) -> String {
    let stored = StoredSaved {
        name: name.to_string(),
        saved_at: saved_at.to_string(),
        doc: to_json(doc),
    };
    // Three strings: serialising cannot fail.
    serde_json::to_string(&stored).unwrap_or_default()
}

/// Reads a stored value back; never fails: a fault becomes the entry's `doc` error.
///
/// ```
/// use retention_lab::persist::saved::decode;
/// let broken = decode("retention-lab/v1/saved/1", "{not json");
/// assert!(broken.doc.is_err());
/// assert_eq!(broken.name, "1");
/// ```
pub fn decode(key: &str, text: &str) -> SavedEntry {
    let id = key.strip_prefix(SAVED_PREFIX).unwrap_or(key).to_string();
    match serde_json::from_str::<StoredSaved>(text) {
        Ok(stored) => SavedEntry {
            key: key.to_string(),
            name: stored.name,
            saved_at: stored.saved_at,
            doc: from_json(&stored.doc),
        },
        Err(reason) => SavedEntry {
            key: key.to_string(),
            name: id,
            saved_at: String::new(),
            doc: Err(DocError::NotJson {
                line: reason.line(),
                column: reason.column(),
            }),
        },
    }
}

/// The same entry under a new name (the document untouched), as its stored value; `None` for
/// an unreadable entry.
pub fn renamed(entry: &SavedEntry, name: &str) -> Option<String> {
    let doc = entry.doc.as_ref().ok()?;
    Some(encode(name, &entry.saved_at, doc))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::AppState;

    #[test]
    fn save_rename_and_read_back() {
        let doc = AppState::default().scenario_doc();
        let key = key_for(1_763_860_000_000.0);
        assert_eq!(key, "retention-lab/v1/saved/1763860000000");
        let stored = encode("Board plan", "2026-11-23T02:00:00Z", &doc);
        let entry = decode(&key, &stored);
        assert_eq!(entry.name, "Board plan");
        assert_eq!(entry.doc, Ok(doc.clone()));
        let again = decode(&key, &renamed(&entry, "Board plan v2").unwrap());
        assert_eq!((again.name.as_str(), again.doc), ("Board plan v2", Ok(doc)));
    }

    #[test]
    fn a_future_document_inside_is_reported_not_misread() {
        let stored = r#"{"name":"x","saved_at":"","doc":"{\"format\":\"retention-lab/scenarios\",\"version\":7}"}"#;
        let entry = decode("retention-lab/v1/saved/2", stored);
        assert_eq!(entry.doc, Err(DocError::NewerVersion(7)));
        assert_eq!(renamed(&entry, "y"), None);
    }

    #[test]
    fn a_broken_stored_value_says_where_it_breaks() {
        let entry = decode("retention-lab/v1/saved/3", "{\"name\":\"x\",\n oops");
        assert_eq!(entry.doc, Err(DocError::NotJson { line: 2, column: 2 }));
        assert_eq!(entry.name, "3");
    }
}
