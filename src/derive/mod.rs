//! What each section shows, as pure functions of the state: one module per section, each
//! returning a plain struct of every figure and chart input the section renders. Nothing here
//! imports yew, web-sys or gloo, so all of it is tested natively; components read these
//! through the `use_*` hooks in `state::derived`, which memoise them on typed inputs.

pub mod cohorts;
pub mod customers;
pub mod economics;
pub mod health;
pub mod labels;
pub mod renewal;
