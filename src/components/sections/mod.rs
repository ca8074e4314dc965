//! The app's sections, one file each.

pub mod data;
pub mod economics;
