//! Notices: what the banner says, and where opened scenarios came from.

use crate::persist::scenario_doc::DocError;

/// A message shown in the banner until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// Saved inputs could not be read and were replaced by the sample.
    StoredInputsIgnored,
    /// Scenarios were opened (not an error: says where they came from).
    Opened(OpenedFrom),
    /// A share link could not be opened; the app kept what it showed.
    LinkUnreadable(LinkProblem),
    /// A scenario file was refused, with the reason.
    FileRefused { file: String, error: DocError },
    /// A saved scenario could not be read; the others still work.
    SavedUnreadable(String),
    /// The browser refused to store (quota, private mode); nothing on screen was lost.
    StorageRefused,
}

impl Notice {
    /// Whether the notice reports a problem (an alert) rather than an outcome.
    pub fn is_problem(&self) -> bool {
        !matches!(self, Notice::Opened(_))
    }
}

/// Where opened scenarios came from.
#[derive(Debug, Clone, PartialEq)]
pub enum OpenedFrom {
    Link,
    File(String),
    Saved(String),
}

/// Why a share link was not opened.
#[derive(Debug, Clone, PartialEq)]
pub enum LinkProblem {
    /// Cut short or altered (the bytes do not decompress, or not to a document).
    Damaged,
    NewerVersion(u32),
    /// It decompressed to a document with a fault.
    Invalid(DocError),
}
