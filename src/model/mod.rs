//! Pure numeric models of customer success.
//!
//! Nothing in here touches the browser: no yew, web-sys or gloo. Every public function states
//! its formula and its source, rejects impossible inputs with a [`ModelError`] and never panics,
//! so the same code is unit-tested natively and runs unchanged in WebAssembly.

pub mod band;
pub mod bdw;
pub mod calendar;
pub mod chi_square;
pub mod cohort;
pub mod economics;
pub mod error;
pub mod health;
pub mod km;
pub mod logrank;
pub mod numeric;
pub mod observed;
pub mod operations;
pub mod order;
pub mod period;
pub mod portfolio;
pub mod renewal;
pub mod retention;
pub mod sbg;
pub mod sensitivity;
pub mod strategy;
pub mod tier;
pub mod tiers;

pub use error::ModelError;
