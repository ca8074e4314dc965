//! Strings of the Operations panels on growth (issue 18): the north-star finder, first value
//! and onboarding, the CS funnel and segments.

use super::table::strings;

strings! {
    /// Growth panels of the Operations section.
    pub enum GrowthKey {
        FinderTitle => "北极星指标寻找器", "North-star finder",
    }
}
