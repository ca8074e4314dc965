//! An import's records take their place in the data the app works on.

use super::Records;
use crate::data::{Dataset, Origin, Shared};

impl Records {
    /// `dataset` with the part these records hold replaced (read from `file`), the rest kept.
    pub fn replace_in(self, dataset: &Dataset, file: &str) -> Dataset {
        let mut next = dataset.clone();
        match self {
            Records::Customers(customers) => {
                next.customers = Shared::new(customers);
                next.customers_origin = Origin::File(file.to_string());
            }
            Records::Subscriptions(subscriptions) => {
                next.subscriptions = Shared::new(subscriptions);
                next.subscriptions_origin = Origin::File(file.to_string());
            }
            Records::CohortTable(cells) => {
                next.cohort_table = Some((Shared::new(cells), file.to_string()))
            }
        }
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn importing_one_part_keeps_the_others() {
        let sample = Dataset::sample();
        let next = Records::Customers(Vec::new()).replace_in(&sample, "crm.csv");
        assert_eq!(next.customers.len(), 0);
        assert_eq!(next.customers_origin, Origin::File("crm.csv".into()));
        assert!(
            next.subscriptions == sample.subscriptions,
            "subscriptions are the same shared value"
        );
        assert!(!next.is_sample() && sample.is_sample());
    }
}
