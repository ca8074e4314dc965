//! Renewal probability from the north-star metric (`shared/domain.md`, "Renewal probability"):
//! a logistic regression of past renewals (`renewed` = 1 / 0) on the north star, optionally with
//! other health measures, its quality (AUC, log-loss, calibration), and the forecast for the
//! customers whose contract ends in the next 12 months: expected renewal ARR, ARR at risk
//! `= ARR × (1 − p)`, the expected logo renewal rate 续约率 (mean p) and dollar renewal rate
//! 续费率 (`Σ ARR·p / Σ ARR`, at today's ARR: no expansion assumed at renewal).
//!
//! The inputs are the customers' current values: an export has one row per customer, so the
//! past renewal is explained by today's usage. That is the sources' method ("correlated with and
//! attributed to renewal"); the calibration table shows whether it holds on the data.

mod logistic;
mod quality;

pub use logistic::{sigmoid, FitProblem, Fitted, Logistic, MAX_ITERATIONS, RIDGE};
pub use quality::{auc, auc_and_calibration, bins, log_loss, Bin};

use crate::model::calendar::Date;
use crate::model::health::{is_active, Measure};
use crate::model::portfolio::Customer;
use thiserror::Error;

/// Renewals and non-renewals each needed before a fit means anything.
pub const MIN_EACH_OUTCOME: usize = 10;
/// Days ahead that count as "due in the next 12 months".
pub const FORECAST_DAYS: i64 = 365;

#[derive(Debug, Clone, PartialEq, Error)]
pub enum RenewalError {
    #[error("{renewed} renewals and {churned} non-renewals with inputs; at least {MIN_EACH_OUTCOME} of each are needed")]
    TooFewOutcomes { renewed: usize, churned: usize },
    #[error("{} has the same value for every customer", .0.key())]
    Constant(Measure),
    #[error("the inputs separate renewed from churned customers perfectly")]
    Separation,
    #[error("the fit did not converge")]
    NotConverged,
}

/// A fitted renewal model and its quality on the customers it was fitted on.
#[derive(Debug, Clone, PartialEq)]
pub struct RenewalFit {
    pub inputs: Vec<Measure>,
    pub model: Logistic,
    /// Customers with a recorded renewal outcome and every input present.
    pub observations: usize,
    /// Customers with an outcome but a missing input, left out.
    pub left_out: usize,
    pub auc: Option<f64>,
    pub log_loss: Option<f64>,
    /// Deciles of the predicted probability: predicted vs observed.
    pub calibration: Vec<Bin>,
    /// Deciles of the first input (the north star): observed renewal rate per bin, for the chart.
    pub observed_by_input: Vec<Bin>,
}

/// Fills `row` with the customer's inputs; false (row partly filled) when one is missing.
/// One buffer for all customers: a fresh vector each would dominate the time at 100,000.
fn input_row(customer: &Customer, inputs: &[Measure], as_of: Date, row: &mut Vec<f64>) -> bool {
    row.clear();
    for measure in inputs {
        match measure.raw(customer, as_of).filter(|v| v.is_finite()) {
            Some(v) => row.push(v),
            None => return false,
        }
    }
    true
}

/// Fits `P(renewed)` on `inputs` (the north star first) over customers with a recorded outcome.
///
/// # Errors
/// [`RenewalError`]: too few outcomes of either kind, a constant input, separation, or no
/// convergence.
pub fn fit(
    customers: &[Customer],
    inputs: &[Measure],
    as_of: Date,
) -> Result<RenewalFit, RenewalError> {
    let mut columns: Vec<Vec<f64>> = vec![Vec::new(); inputs.len()];
    let mut outcome = Vec::new();
    let mut left_out = 0;
    let mut row = Vec::with_capacity(inputs.len());
    for c in customers {
        let Some(renewed) = c.renewed else { continue };
        if input_row(c, inputs, as_of, &mut row) {
            for (column, x) in columns.iter_mut().zip(&row) {
                column.push(*x);
            }
            outcome.push(renewed);
        } else {
            left_out += 1;
        }
    }
    let renewed = outcome.iter().filter(|y| **y).count();
    let churned = outcome.len() - renewed;
    if renewed < MIN_EACH_OUTCOME || churned < MIN_EACH_OUTCOME {
        return Err(RenewalError::TooFewOutcomes { renewed, churned });
    }
    let fitted = logistic::fit(&columns, &outcome).map_err(|problem| match problem {
        FitProblem::Constant { input } => RenewalError::Constant(inputs[input].clone()),
        FitProblem::Separation => RenewalError::Separation,
        FitProblem::NotConverged => RenewalError::NotConverged,
    })?;
    let predicted = &fitted.probabilities;
    let (auc, calibration) = auc_and_calibration(predicted, &outcome);
    Ok(RenewalFit {
        inputs: inputs.to_vec(),
        observations: outcome.len(),
        left_out,
        auc,
        log_loss: Some(fitted.log_loss),
        calibration,
        observed_by_input: bins(&columns[0], predicted, &outcome, 10),
        model: fitted.model,
    })
}

/// One customer due for renewal.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Due {
    /// Index into the customers.
    pub customer: usize,
    pub probability: f64,
    pub arr: f64,
}

impl Due {
    pub fn arr_at_risk(&self) -> f64 {
        self.arr * (1.0 - self.probability)
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Forecast {
    /// Active customers whose contract ends within [`FORECAST_DAYS`] after the as-of date.
    pub due: Vec<Due>,
    /// Due customers without every input: no probability.
    pub without_inputs: usize,
    pub arr_due: f64,
    pub expected_renewal_arr: f64,
    pub arr_at_risk: f64,
    /// Mean probability: the expected logo renewal rate 续约率.
    pub expected_logo_rate: Option<f64>,
    /// Expected renewal ARR / ARR due: the expected dollar renewal rate 续费率.
    pub expected_dollar_rate: Option<f64>,
}

/// Forecast for the customers due in the next 12 months, with the north star (the first input)
/// raised by `north_star_lift` (0.1 = +10 %; 0 for the plain forecast).
pub fn forecast(
    fit: &RenewalFit,
    customers: &[Customer],
    as_of: Date,
    north_star_lift: f64,
) -> Forecast {
    let lift = if north_star_lift.is_finite() {
        1.0 + north_star_lift.max(-1.0)
    } else {
        1.0
    };
    let mut out = Forecast::default();
    let mut row = Vec::with_capacity(fit.inputs.len());
    for (i, c) in customers.iter().enumerate() {
        let due = c
            .contract_end
            .map(|end| as_of.days_until(end))
            .is_some_and(|d| (0..=FORECAST_DAYS).contains(&d));
        if !due || !is_active(c) {
            continue;
        }
        if !input_row(c, &fit.inputs, as_of, &mut row) {
            out.without_inputs += 1;
            continue;
        }
        row[0] *= lift;
        let arr = if c.arr.is_finite() {
            c.arr.max(0.0)
        } else {
            0.0
        };
        out.due.push(Due {
            customer: i,
            probability: fit.model.probability(&row),
            arr,
        });
    }
    out.arr_due = out.due.iter().map(|d| d.arr).sum();
    out.expected_renewal_arr = out.due.iter().map(|d| d.arr * d.probability).sum();
    out.arr_at_risk = out.arr_due - out.expected_renewal_arr;
    let n = out.due.len();
    out.expected_logo_rate =
        (n > 0).then(|| out.due.iter().map(|d| d.probability).sum::<f64>() / n as f64);
    out.expected_dollar_rate = (out.arr_due > 0.0).then(|| out.expected_renewal_arr / out.arr_due);
    out
}

// proptest is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
