//! Lifecycle stage by tenure (`shared/domain.md` point 4, from the sources on annual
//! contracts):
//! - onboarding 新手启动: the first 90 days, and growth 成长: days 90–270, both counted from the
//!   customer's **first** start, the `first_start` given with the data — not from the current
//!   contract, so an account renewing into its third year is not "onboarding" again. Without a
//!   first start the tenure is unknown and neither stage is assigned (the current contract's
//!   start would make every renewed account look new); the section says how many;
//! - renewal 续签: the last 90 days of a contract of a year or more (a contract that has passed
//!   its end without a recorded renewal too); a monthly (or any sub-year) plan has no renewal
//!   stage, since it renews every month and a 90-day window would cover all of it;
//! - steady: everything else, and unknown dates.

use crate::model::calendar::Date;
use crate::model::portfolio::Customer;

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
/// The shortest contract with a renewal stage: a year, counted as 364 days so that both end
/// conventions (2026-01-01 → 2026-12-31 and → 2027-01-01) make a one-year contract.
pub const MIN_RENEWAL_CONTRACT_DAYS: i64 = 364;

/// The stage on `as_of`. `tenure_start` is the customer's first start (see the module), the
/// contract dates are the current contract's. The renewal window wins over the others (what
/// matters then is the renewal). Unknown dates, an unknown tenure included, give steady.
///
/// ```
/// use retention_lab::model::calendar::Date;
/// use retention_lab::model::health::{stage, Stage};
/// let (first, start, end) = (Date::new(2024, 1, 1), Date::new(2026, 1, 1), Date::new(2027, 1, 1));
/// let on = |y, m, d| stage(first, start, end, Date::new(y, m, d).unwrap());
/// // Third contract year: no onboarding again.
/// assert_eq!(on(2026, 2, 1), Stage::Steady);
/// assert_eq!(on(2026, 11, 15), Stage::Renewal);
/// let new = |y, m, d| stage(start, start, end, Date::new(y, m, d).unwrap());
/// assert_eq!(new(2026, 2, 1), Stage::Onboarding);
/// assert_eq!(new(2026, 6, 1), Stage::Growth);
/// ```
#[inline]
pub fn stage(
    tenure_start: Option<Date>,
    contract_start: Option<Date>,
    contract_end: Option<Date>,
    as_of: Date,
) -> Stage {
    if let (Some(start), Some(end)) = (contract_start, contract_end) {
        let year_or_more = start.days_until(end) >= MIN_RENEWAL_CONTRACT_DAYS;
        if year_or_more && as_of.days_until(end) <= RENEWAL_WINDOW_DAYS {
            return Stage::Renewal;
        }
    }
    match tenure_start.map(|s| s.days_until(as_of)) {
        Some(days) if days < ONBOARDING_DAYS => Stage::Onboarding,
        Some(days) if days < GROWTH_END_DAYS => Stage::Growth,
        _ => Stage::Steady,
    }
}

/// The stage of one customer on `as_of`: [`stage`] with the tenure counted from
/// `customer.first_start`, or from the current contract when that is unknown (see
/// [`fill_first_starts`]).
#[inline]
pub fn customer_stage(customer: &Customer, as_of: Date) -> Stage {
    stage(
        customer.first_start,
        customer.contract_start,
        customer.contract_end,
        as_of,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap_or(Date::new(1970, 1, 1).unwrap())
    }

    fn customer(id: &str, start: Date, end: Date) -> Customer {
        Customer {
            id: id.into(),
            contract_start: Some(start),
            contract_end: Some(end),
            ..Customer::default()
        }
    }

    #[test]
    fn tenure_counts_from_the_first_start_not_the_current_contract() {
        // 31 days into the current contract, tenure unknown: no onboarding stage (it may be the
        // third contract year), steady.
        let mut c = customer("A", d(2026, 1, 1), d(2027, 1, 1));
        assert_eq!(customer_stage(&c, d(2026, 2, 1)), Stage::Steady);
        // The same customer new in January: onboarding.
        c.first_start = Some(d(2026, 1, 1));
        assert_eq!(customer_stage(&c, d(2026, 2, 1)), Stage::Onboarding);
        c.first_start = Some(d(2024, 1, 1));
        assert_eq!(customer_stage(&c, d(2026, 2, 1)), Stage::Steady);
        // First start 2025-12-01: 153 days on 2026-05-03, between 90 and 270: growth.
        c.first_start = Some(d(2025, 12, 1));
        assert_eq!(customer_stage(&c, d(2026, 5, 3)), Stage::Growth);
    }

    #[test]
    fn renewal_is_the_last_90_days_of_a_contract_of_a_year_or_more() {
        let long_ago = Some(d(2020, 1, 1));
        let at = |start, end, as_of| stage(long_ago, Some(start), Some(end), as_of);
        // One year, either end convention: 2026-12-31 − 90 days = 2026-10-02.
        assert_eq!(
            at(d(2026, 1, 1), d(2026, 12, 31), d(2026, 10, 2)),
            Stage::Renewal
        );
        assert_eq!(
            at(d(2026, 1, 1), d(2026, 12, 31), d(2026, 10, 1)),
            Stage::Steady
        );
        assert_eq!(
            at(d(2026, 1, 1), d(2027, 1, 1), d(2026, 11, 15)),
            Stage::Renewal
        );
        // Two years: only the last 90 days.
        assert_eq!(
            at(d(2025, 1, 1), d(2027, 1, 1), d(2026, 6, 1)),
            Stage::Steady
        );
        assert_eq!(
            at(d(2025, 1, 1), d(2027, 1, 1), d(2026, 12, 1)),
            Stage::Renewal
        );
        // Monthly and half-year plans have no renewal stage.
        assert_eq!(
            at(d(2026, 10, 1), d(2026, 11, 1), d(2026, 10, 20)),
            Stage::Steady
        );
        assert_eq!(
            at(d(2026, 6, 1), d(2026, 12, 1), d(2026, 11, 1)),
            Stage::Steady
        );
        // A year-long contract past its end without a renewal is still up for renewal.
        assert_eq!(
            at(d(2025, 1, 1), d(2026, 1, 1), d(2026, 2, 1)),
            Stage::Renewal
        );
    }
}
