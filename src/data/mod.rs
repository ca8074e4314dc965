//! Turning text into numbers and back: user-typed figures, and what the browser stores.
//!
//! Pure functions returning `Result`; no browser API here (the hooks pass text in and out).

pub mod bridge_form;
pub mod number;
pub mod stored;
