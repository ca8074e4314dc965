//! The app's sections, one file each.

pub mod cohorts;
pub mod data;
pub mod economics;
pub mod health;
pub mod renewal;
