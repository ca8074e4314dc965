//! What each section shows, as pure functions of the state: one module per section, each
//! returning a plain struct of every figure and chart input the section renders. Nothing here
//! imports yew, web-sys or gloo, so all of it is tested natively; components read these
//! through the `use_*` hooks in `hooks::derived`, which memoise them on typed inputs.
//!
//! The printed report repeats figures of economics and health, so it reads the same hooks
//! rather than a module of its own; the data section only counts rows, which needs none.

pub mod cohorts;
/// The health section's customer table.
pub mod customers;
pub mod economics;
pub mod fit_bands;
pub mod health;
pub mod heatmap;
pub mod heterogeneity;
/// Names of measures, stages, bands and tiers in the UI language.
pub mod labels;
pub mod north_star;
pub mod operations;
pub mod panel;
pub mod renewal;
pub mod strategy;
