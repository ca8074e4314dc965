//! The app's sections, one file each.

pub mod economics;
