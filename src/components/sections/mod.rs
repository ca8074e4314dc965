//! The app's sections, one file each.

pub mod cohorts;
pub mod data;
pub mod economics;
pub mod health;
pub mod operations;
pub mod renewal;
pub mod strategy;
mod strategy_friction;
mod strategy_niche;
mod strategy_org;
mod strategy_three_f;
