//! Strings of the tier KPI board, CSM books and revenue-by-source panels (issue 18).

use super::table::strings;

strings! {
    /// Tier board, CSM books and the inverted funnel.
    pub enum TeamKey {
        TierBoardTitle => "分层 KPI 看板", "Tier KPI board",
    }
}
