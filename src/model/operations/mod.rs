//! Customer-success operations figures computed from the customers file (issue 18): NPS and
//! what the answers predict, the north-star finder, first value and onboarding, and segments
//! (the niche). Each figure is a pure function of the customers; a figure without data is
//! `None`, never NaN.

pub mod finder;
pub mod first_value;
pub mod nps;
pub mod segments;
