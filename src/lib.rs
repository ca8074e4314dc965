//! Retention Lab (留存实验室): a customer-success calculator that runs entirely in the browser.
//!
//! Data flows one way: raw inputs ([`data`]) → models ([`model`]) → what each section
//! shows ([`derive`](mod@derive)) → charts ([`chart`]) and views ([`components`]), which only
//! render. Only [`hooks`] touch browser APIs, so everything else is tested natively.

pub mod chart;
pub mod components;
pub mod data;
pub mod derive;
pub mod hooks;
pub mod i18n;
pub mod model;
pub mod state;
pub mod worker;
