//! Documents that outlive the page: the scenario document (share links, scenario files, saved
//! scenarios), what this browser stores, and the share link's framing. serde types, versioned,
//! validated after decoding; every older version still opens (tests/persisted_migration.rs).

pub mod saved;
pub mod scenario_doc;
pub mod share_link;
pub mod stored;
