//! Errors that model functions return instead of panicking.

use thiserror::Error;

/// Why a model could not compute a result. `field` names the input at fault so the UI can show
/// the message beside that input.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ModelError {
    /// A value that must be a finite number was NaN or infinite.
    #[error("{field} is not a finite number")]
    NotFinite { field: &'static str },
    /// A money amount or rate that cannot be negative was.
    #[error("{field} cannot be negative")]
    Negative { field: &'static str },
    /// A quantity used as a denominator was zero.
    #[error("{field} must be greater than zero")]
    NotPositive { field: &'static str },
    /// A rate that cannot exceed 100 % did.
    #[error("{field} cannot exceed 100 %")]
    AboveOne { field: &'static str },
    /// A value above the largest the model accepts (documented where the bound is set).
    #[error("{field} cannot exceed {max}")]
    AboveMax { field: &'static str, max: f64 },
    /// A retention model was asked to learn churn from data in which nobody has churned yet.
    #[error("no churn observed yet")]
    NoChurnObserved,
    /// Settings that contradict each other (unsorted thresholds, a table of the wrong length).
    #[error("{field} is inconsistent")]
    Inconsistent { field: &'static str },
    /// Revenue lost (churn plus contraction) was more than the revenue there was.
    #[error("churned plus contraction ARR ({lost}) exceeds starting ARR ({start})")]
    LossesExceedStart { lost: f64, start: f64 },
}
