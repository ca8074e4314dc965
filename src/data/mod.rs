//! Turning text into numbers and back: user-typed figures, and what the browser stores.
//!
//! Pure functions returning `Result`; no browser API here (the hooks pass text in and out).

pub mod bridge_form;
pub mod dataset;
pub mod economics_form;
pub mod export;
pub mod fields;
pub mod import;
pub mod import_error;
pub mod mapping;
pub mod number;
pub mod records;
pub mod rng;
pub mod sample;
pub mod saved;
pub mod scale_text;
pub mod scenario;
pub mod scenario_doc;
pub mod share_link;
pub mod sheet;
pub mod stored;
pub mod table;
pub mod text;
pub mod values;
pub mod workbook;
pub mod worker_protocol;
