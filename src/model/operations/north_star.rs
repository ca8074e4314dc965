//! Making another column the north star (seed 000: the north star is the usage metric most
//! correlated with and attributed to renewal; the finder ranks the candidates). The renewal
//! fit and the scorecard read `Customer::north_star`, so the customers they see are the
//! loaded ones with the chosen column's values in it ([`north_star_from`]). The loaded
//! customers are never rewritten: the app keeps only the chosen column's name and derives the
//! customers in use from it, so the file's own north star is always there to go back to.

use super::finder::{
    is_outcome, ARR, EXEC_TOUCH_DAYS, EXPANSION_ARR, NORTH_STAR, NPS, PREV_HEALTH, REFERRALS,
    TICKETS_OPENED, TICKETS_UNRESOLVED, TTFV_DAYS,
};
use crate::model::portfolio::Customer;

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

/// Whether `column` can be the north star: the file's own `north_star`, or a column that is
/// not an outcome of renewal ([`is_outcome`]) and in which at least one customer has a value.
pub fn can_be_north_star(customers: &[Customer], column: &str) -> bool {
    column == NORTH_STAR
        || (!is_outcome(column) && customers.iter().any(|c| value_of(c, column).is_some()))
}

/// The customers with `column` as their north star: `north_star` ← the column's value (blank
/// where the customer has none), everything else as loaded. `None` when `column` is the file's
/// own north star or no customer has a value in it (nothing to switch to).
///
/// ```
/// use retention_lab::model::portfolio::Customer;
/// use retention_lab::model::operations::north_star::north_star_from;
/// let c = Customer { north_star: Some(3.0), extra: vec![("wau".into(), 40.0)], ..Customer::default() };
/// let switched = north_star_from(&[c.clone()], "wau").unwrap();
/// assert_eq!(switched[0].north_star, Some(40.0));
/// assert_eq!(switched[0].extra, c.extra);
/// ```
pub fn north_star_from(customers: &[Customer], column: &str) -> Option<Vec<Customer>> {
    if column == NORTH_STAR || !can_be_north_star(customers, column) {
        return None;
    }
    Some(
        customers
            .iter()
            .map(|c| Customer {
                north_star: value_of(c, column),
                ..c.clone()
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
    fn a_column_becomes_the_north_star_and_nothing_else_changes() {
        let customers = [
            customer(Some(5.0), Some(2.0), &[("wau", 30.0)]),
            customer(None, None, &[]),
        ];
        let by_wau = north_star_from(&customers, "wau").unwrap();
        assert_eq!(by_wau[0].north_star, Some(30.0));
        assert_eq!(by_wau[1].north_star, None);
        assert_eq!(by_wau[0].extra, vec![("wau".into(), 30.0)]);
        assert_eq!(by_wau[0].tickets_opened, Some(2.0));
        // A built-in column, read from the loaded customers: no trace of the earlier choice.
        let by_tickets = north_star_from(&customers, TICKETS_OPENED).unwrap();
        assert_eq!(by_tickets[0].north_star, Some(2.0));
        assert_eq!(by_tickets[0].extra, customers[0].extra);
    }

    #[test]
    fn nothing_to_switch_to_changes_nothing() {
        let customers = [customer(Some(5.0), None, &[])];
        assert_eq!(north_star_from(&customers, NORTH_STAR), None);
        assert_eq!(north_star_from(&customers, "missing"), None);
        assert_eq!(north_star_from(&customers, TICKETS_OPENED), None);
        assert_eq!(north_star_from(&[], "wau"), None);
        assert!(can_be_north_star(&customers, NORTH_STAR));
        assert!(!can_be_north_star(&customers, "missing"));
    }
}
