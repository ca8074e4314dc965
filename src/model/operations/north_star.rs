//! Making another column the north star (seed 000: the north star is the usage metric most
//! correlated with and attributed to renewal; the finder ranks the candidates). The renewal
//! fit and the scorecard read `Customer::north_star`, so "use this column" copies the column
//! into it; the metric it replaces stays available as [`PREVIOUS`] so the choice can be undone
//! from the same list.

use super::finder::{
    ARR, EXEC_TOUCH_DAYS, EXPANSION_ARR, NORTH_STAR, NPS, PREV_HEALTH, REFERRALS, TICKETS_OPENED,
    TICKETS_UNRESOLVED, TTFV_DAYS,
};
use crate::model::portfolio::Customer;

/// The extra column that keeps the replaced north-star values.
pub const PREVIOUS: &str = "previous_north_star";

/// The value of `column` (a built-in column's canonical name or an extra column's header).
fn value_of(c: &Customer, column: &str) -> Option<f64> {
    let built_in = match column {
        NORTH_STAR => Some(c.north_star),
        TICKETS_OPENED => Some(c.tickets_opened),
        TICKETS_UNRESOLVED => Some(c.tickets_unresolved),
        NPS => Some(c.nps),
        TTFV_DAYS => Some(c.ttfv_days),
        EXEC_TOUCH_DAYS => Some(c.exec_touch_days),
        REFERRALS => Some(c.referrals),
        EXPANSION_ARR => Some(c.expansion_arr),
        PREV_HEALTH => Some(c.prev_health),
        ARR => Some(Some(c.arr)),
        _ => None,
    };
    built_in.unwrap_or_else(|| {
        c.extra
            .iter()
            .find(|(name, _)| name == column)
            .map(|(_, v)| *v)
    })
}

/// The customers with `column` as their north star: `north_star` ← the column's value (blank
/// where the customer has none), the replaced values kept in the extra column [`PREVIOUS`]
/// (replacing an older one). `None` when `column` is already the north star or no customer
/// has a value in it (nothing to switch to).
///
/// ```
/// use retention_lab::model::portfolio::Customer;
/// use retention_lab::model::operations::north_star::{with_north_star, PREVIOUS};
/// let c = Customer { north_star: Some(3.0), extra: vec![("wau".into(), 40.0)], ..Customer::default() };
/// let switched = with_north_star(&[c], "wau").unwrap();
/// assert_eq!(switched[0].north_star, Some(40.0));
/// assert!(switched[0].extra.contains(&(PREVIOUS.to_string(), 3.0)));
/// ```
pub fn with_north_star(customers: &[Customer], column: &str) -> Option<Vec<Customer>> {
    if column == NORTH_STAR || !customers.iter().any(|c| value_of(c, column).is_some()) {
        return None;
    }
    Some(
        customers
            .iter()
            .map(|c| {
                let mut next = c.clone();
                next.north_star = value_of(c, column);
                next.extra.retain(|(name, _)| name != PREVIOUS);
                if let Some(old) = c.north_star {
                    next.extra.push((PREVIOUS.to_string(), old));
                }
                next
            })
            .collect(),
    )
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn customer(ns: Option<f64>, tickets: Option<f64>, extra: &[(&str, f64)]) -> Customer {
        Customer {
            north_star: ns,
            tickets_opened: tickets,
            extra: extra.iter().map(|(n, v)| (n.to_string(), *v)).collect(),
            ..Customer::default()
        }
    }

    #[test]
    fn a_column_becomes_the_north_star_and_the_old_one_is_kept() {
        let customers = [
            customer(Some(5.0), Some(2.0), &[("wau", 30.0)]),
            customer(None, None, &[]),
        ];
        let by_wau = with_north_star(&customers, "wau").unwrap();
        assert_eq!(by_wau[0].north_star, Some(30.0));
        assert_eq!(by_wau[1].north_star, None);
        assert_eq!(
            by_wau[0].extra,
            vec![("wau".into(), 30.0), (PREVIOUS.into(), 5.0)]
        );
        assert!(by_wau[1].extra.is_empty());
        // A built-in column, then back to the previous values: one PREVIOUS column at a time.
        let by_tickets = with_north_star(&by_wau, TICKETS_OPENED).unwrap();
        assert_eq!(by_tickets[0].north_star, Some(2.0));
        assert_eq!(
            by_tickets[0].extra,
            vec![("wau".into(), 30.0), (PREVIOUS.into(), 30.0)]
        );
        let back = with_north_star(&by_wau, PREVIOUS).unwrap();
        assert_eq!(back[0].north_star, Some(5.0));
    }

    #[test]
    fn nothing_to_switch_to_changes_nothing() {
        let customers = [customer(Some(5.0), None, &[])];
        assert_eq!(with_north_star(&customers, NORTH_STAR), None);
        assert_eq!(with_north_star(&customers, "missing"), None);
        assert_eq!(with_north_star(&customers, TICKETS_OPENED), None);
        assert_eq!(with_north_star(&[], "wau"), None);
    }
}
