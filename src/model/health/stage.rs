//! Lifecycle stage from the contract dates (`shared/domain.md` point 4, from the sources on
//! annual contracts): onboarding 新手启动 the first 90 days, growth 成长 days 90–270, renewal 续签
//! the last 90 days before the contract ends, steady in between.

use crate::model::calendar::Date;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stage {
    Onboarding,
    Growth,
    Steady,
    Renewal,
}

impl Stage {
    pub const ALL: [Stage; 4] = [
        Stage::Onboarding,
        Stage::Growth,
        Stage::Steady,
        Stage::Renewal,
    ];

    #[inline]
    pub fn index(self) -> usize {
        match self {
            Stage::Onboarding => 0,
            Stage::Growth => 1,
            Stage::Steady => 2,
            Stage::Renewal => 3,
        }
    }
}

/// Days before the contract end at which the renewal stage starts.
pub const RENEWAL_WINDOW_DAYS: i64 = 90;
pub const ONBOARDING_DAYS: i64 = 90;
pub const GROWTH_END_DAYS: i64 = 270;

/// The stage on `as_of`. The renewal window wins over the others (a short contract can be in
/// onboarding and due at once; what matters then is the renewal); a contract already past its
/// end without a recorded renewal also counts as renewal. Unknown dates give steady.
///
/// ```
/// use retention_lab::model::calendar::Date;
/// use retention_lab::model::health::{stage, Stage};
/// let start = Date::new(2026, 1, 1);
/// let end = Date::new(2027, 1, 1);
/// let on = |y, m, d| stage(start, end, Date::new(y, m, d).unwrap());
/// assert_eq!(on(2026, 2, 1), Stage::Onboarding);
/// assert_eq!(on(2026, 6, 1), Stage::Growth);
/// assert_eq!(on(2026, 10, 1), Stage::Steady);
/// assert_eq!(on(2026, 11, 15), Stage::Renewal);
/// ```
#[inline]
pub fn stage(contract_start: Option<Date>, contract_end: Option<Date>, as_of: Date) -> Stage {
    if let Some(end) = contract_end {
        if as_of.days_until(end) <= RENEWAL_WINDOW_DAYS {
            return Stage::Renewal;
        }
    }
    match contract_start.map(|start| start.days_until(as_of)) {
        Some(days) if days < ONBOARDING_DAYS => Stage::Onboarding,
        Some(days) if days < GROWTH_END_DAYS => Stage::Growth,
        _ => Stage::Steady,
    }
}
