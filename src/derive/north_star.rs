//! The customers the sections work on: as loaded, with the column the user chose in the
//! north-star finder as their north star. Only the column's name is kept in the state; these
//! customers are derived from it whenever the data or the choice changes.

use crate::data::Shared;
use crate::model::operations::north_star::north_star_from;
use crate::model::portfolio::Customer;

/// `loaded` with `column`'s values as north star; `loaded` itself (the same shared value)
/// when no column is chosen or the column has no values.
pub fn customers_in_use(
    loaded: &Shared<Vec<Customer>>,
    column: Option<&str>,
) -> Shared<Vec<Customer>> {
    match column.and_then(|c| north_star_from(loaded, c)) {
        Some(customers) => Shared::new(customers),
        None => loaded.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_loaded_customers_stay_as_they_are() {
        let loaded = Shared::new(vec![Customer {
            north_star: Some(2.0),
            extra: vec![("wau".into(), 9.0)],
            ..Customer::default()
        }]);
        assert!(customers_in_use(&loaded, None) == loaded);
        assert!(customers_in_use(&loaded, Some("no such column")) == loaded);
        let by_wau = customers_in_use(&loaded, Some("wau"));
        assert_eq!(by_wau[0].north_star, Some(9.0));
        assert_eq!(loaded[0].north_star, Some(2.0));
    }
}
