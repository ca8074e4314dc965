//! Customer-success operations figures computed from the customers file (issue 18): NPS and
//! what the answers predict, the north-star finder, first value and onboarding, segments (the
//! niche), the tier board, the CS funnel, CSM books and the revenue split by source. Each
//! figure is a pure function of the portfolio (or the scenario inputs); a figure without data
//! is `None`, never NaN.

pub mod books;
pub mod finder;
pub mod first_value;
pub mod funnel;
pub mod north_star;
pub mod nps;
pub mod revenue_sources;
pub mod segments;
pub mod tier_board;
