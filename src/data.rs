//! The data the app works on: customers, subscription history and an optional pre-aggregated
//! cohort table, each either the built-in sample or imported from a file. A leaf every layer
//! above the models reads (an import replaces a part with `io::records::Records::replace_in`).

use std::ops::Deref;
use std::rc::Rc;

use crate::model::portfolio::{CohortCell, Customer, Subscriptions};
use crate::sample::sample_portfolio;

/// Shared, immutable data compared by identity: state comparisons stay O(1) however many rows
/// are loaded, and a new import is always a new value.
#[derive(Debug, Default)]
pub struct Shared<T>(Rc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Self {
        Shared(Rc::new(value))
    }

    /// The shared value itself, for component properties (compared by identity there too).
    pub fn rc(&self) -> Rc<T> {
        Rc::clone(&self.0)
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// Where a part of the data came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Sample,
    File(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    pub customers: Shared<Vec<Customer>>,
    pub customers_origin: Origin,
    pub subscriptions: Shared<Subscriptions>,
    pub subscriptions_origin: Origin,
    /// Only when the user imported one; otherwise cohorts are built from subscriptions.
    pub cohort_table: Option<(Shared<Vec<CohortCell>>, String)>,
}

impl Dataset {
    /// The built-in sample portfolio.
    pub fn sample() -> Dataset {
        let sample = sample_portfolio();
        Dataset {
            customers: Shared::new(sample.customers),
            customers_origin: Origin::Sample,
            subscriptions: Shared::new(Subscriptions::Monthly(sample.mrr)),
            subscriptions_origin: Origin::Sample,
            cohort_table: None,
        }
    }

    /// No data at all (a base for building a dataset of parts).
    pub fn empty() -> Dataset {
        Dataset {
            customers: Shared::new(Vec::new()),
            customers_origin: Origin::Sample,
            subscriptions: Shared::new(Subscriptions::Monthly(Vec::new())),
            subscriptions_origin: Origin::Sample,
            cohort_table: None,
        }
    }

    /// Whether everything shown comes from the sample.
    pub fn is_sample(&self) -> bool {
        self.customers_origin == Origin::Sample
            && self.subscriptions_origin == Origin::Sample
            && self.cohort_table.is_none()
    }
}
