//! Retention Lab (留存实验室): a customer-success calculator that runs entirely in the browser.
//!
//! Data flows one way: raw inputs (typed [`forms`], imported files through [`io`], the
//! built-in [`sample`]) → models ([`model`]) → what each section shows
//! ([`derive`](mod@derive)) → charts ([`chart`]) and views ([`components`]), which only
//! render. Documents that outlive the page are in [`persist`]. Only [`hooks`] touch browser
//! APIs, so everything else is tested natively.

pub mod chart;
pub mod components;
pub mod data;
pub mod derive;
pub mod forms;
pub mod hooks;
pub mod i18n;
pub mod io;
pub mod model;
pub mod persist;
pub mod sample;
pub mod state;
// Native only, as the tests that use its fixtures.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
pub mod worker_glue;
