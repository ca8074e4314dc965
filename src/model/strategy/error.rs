//! Why a strategy model refused its inputs, with the field (and for tables the 1-based row) at
//! fault so the UI can put the message beside it.

use thiserror::Error;

/// What is wrong with one value.
#[derive(Debug, Clone, Copy, PartialEq, Error)]
pub enum Problem {
    /// NaN or infinite.
    #[error("is not a finite number")]
    NotFinite,
    /// Below zero where only zero or more makes sense.
    #[error("cannot be negative")]
    Negative,
    /// Zero (or less) where it divides or counts people.
    #[error("must be greater than zero")]
    NotPositive,
    /// Outside the closed range `min..=max`.
    #[error("must be between {min} and {max}")]
    OutOfRange { min: f64, max: f64 },
    /// Left blank where the formula needs a value.
    #[error("is missing")]
    Missing,
}

/// Invalid input to a strategy model.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum StrategyError {
    /// A single input (`field` is its name in the input struct).
    #[error("{field} {problem}")]
    Field {
        field: &'static str,
        problem: Problem,
    },
    /// A value in a table of rows; `row` counts from 1.
    #[error("row {row}: {field} {problem}")]
    Cell {
        row: usize,
        field: &'static str,
        problem: Problem,
    },
    /// A touchpoint rating that is not one of −20, −10, −5, +5, +10, +20.
    #[error("{points} is not a rating (−20, −10, −5, +5, +10 or +20)")]
    NotARating { points: i32 },
}

/// Checks that `value` is finite and ≥ 0.
pub(crate) fn non_negative(field: &'static str, value: f64) -> Result<f64, StrategyError> {
    let problem = if !value.is_finite() {
        Problem::NotFinite
    } else if value < 0.0 {
        Problem::Negative
    } else {
        return Ok(value);
    };
    Err(StrategyError::Field { field, problem })
}

/// Checks that `value` is finite and > 0.
pub(crate) fn positive(field: &'static str, value: f64) -> Result<f64, StrategyError> {
    non_negative(field, value)?;
    if value > 0.0 {
        Ok(value)
    } else {
        Err(StrategyError::Field {
            field,
            problem: Problem::NotPositive,
        })
    }
}

/// Checks that `value` is finite and within `min..=max`.
pub(crate) fn within(
    field: &'static str,
    value: f64,
    min: f64,
    max: f64,
) -> Result<f64, StrategyError> {
    if !value.is_finite() {
        return Err(StrategyError::Field {
            field,
            problem: Problem::NotFinite,
        });
    }
    if value < min || value > max {
        return Err(StrategyError::Field {
            field,
            problem: Problem::OutOfRange { min, max },
        });
    }
    Ok(value)
}
