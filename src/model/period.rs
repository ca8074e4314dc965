//! Period lengths: every rate, count of periods and sBG parameter is "per period", and the
//! period travels with the number (months: 1 = month, 3 = quarter, 12 = year), so a fit on
//! yearly cohorts is never read as monthly and a hand-set monthly setting never as yearly.

use super::cohort::Grain;
use super::portfolio::CohortCell;
use super::sbg::Sbg;
use super::ModelError;

/// sBG α, β together with the length of the period they describe.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PeriodSbg {
    pub model: Sbg,
    /// Months per period: 1, 2, 3, 4, 6 or 12 (a whole number of periods a year).
    pub period_months: u32,
}

impl PeriodSbg {
    /// # Errors
    /// `period_months` not a divisor of 12.
    pub fn new(model: Sbg, period_months: u32) -> Result<PeriodSbg, ModelError> {
        check_period_months(period_months)?;
        Ok(PeriodSbg {
            model,
            period_months,
        })
    }

    /// Periods per year, 12 / period_months.
    pub fn periods_per_year(&self) -> f64 {
        12.0 / f64::from(self.period_months.max(1))
    }
}

/// # Errors
/// `months` not one of 1, 2, 3, 4, 6, 12.
pub fn check_period_months(months: u32) -> Result<(), ModelError> {
    if matches!(months, 1 | 2 | 3 | 4 | 6 | 12) {
        Ok(())
    } else {
        Err(ModelError::Inconsistent {
            field: "period_months",
        })
    }
}

/// A rate per year as the equivalent rate per period of `period_months` months, compounding:
/// (1 + r)^(m/12) − 1 for a discount or growth rate; for a retention rate use
/// [`retention_per_period`].
///
/// ```
/// use retention_lab::model::period::rate_per_period;
/// assert!((rate_per_period(0.21, 6) - 0.1).abs() < 1e-12); // 1.1² = 1.21
/// ```
pub fn rate_per_period(yearly: f64, period_months: u32) -> f64 {
    (1.0 + yearly).powf(f64::from(period_months) / 12.0) - 1.0
}

/// A rate per period of `from_months` months as the equivalent rate per period of `to_months`
/// months, compounding as [`rate_per_period`] does: (1 + r)^(to/from) − 1. A `from_months` of 0
/// is read as 1.
///
/// ```
/// use retention_lab::model::period::convert_rate;
/// assert!((convert_rate(0.21, 12, 6) - 0.1).abs() < 1e-12); // 1.1² = 1.21
/// assert!((convert_rate(0.01, 1, 12) - (1.01f64.powi(12) - 1.0)).abs() < 1e-15);
/// ```
pub fn convert_rate(rate: f64, from_months: u32, to_months: u32) -> f64 {
    (1.0 + rate).powf(f64::from(to_months) / f64::from(from_months.max(1))) - 1.0
}

/// A yearly retention (renewal) rate as the retention per period: renewal^(m/12), so that
/// 12/m periods in a row retain as many as the year.
///
/// ```
/// use retention_lab::model::period::retention_per_period;
/// assert!((retention_per_period(0.81, 6) - 0.9).abs() < 1e-12);
/// ```
pub fn retention_per_period(yearly: f64, period_months: u32) -> f64 {
    yearly.clamp(0.0, 1.0).powf(f64::from(period_months) / 12.0)
}

impl Grain {
    /// Months per period of this grain.
    pub fn period_months(self) -> u32 {
        match self {
            Grain::Month => 1,
            Grain::Quarter => 3,
        }
    }
}

/// The period length of a cohort label: `2024-01` → 1 (month), `2024-Q1` → 3 (quarter),
/// `2024` → 12 (year); `None` for anything else.
///
/// ```
/// use retention_lab::model::period::label_period_months;
/// assert_eq!(label_period_months("2024-03"), Some(1));
/// assert_eq!(label_period_months("2024-q2"), Some(3));
/// assert_eq!(label_period_months("2024"), Some(12));
/// assert_eq!(label_period_months("spring"), None);
/// ```
pub fn label_period_months(label: &str) -> Option<u32> {
    let label = label.trim();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let (year, rest) = label.split_at_checked(4)?;
    if !digits(year, 4) {
        return None;
    }
    if rest.is_empty() {
        return Some(12);
    }
    let rest = rest.strip_prefix(['-', '/', '.', ' '])?;
    if let Some(q) = rest.strip_prefix(['Q', 'q']) {
        return matches!(q, "1" | "2" | "3" | "4").then_some(3);
    }
    let month: u32 = rest.parse().ok().filter(|_| rest.len() <= 2)?;
    (1..=12).contains(&month).then_some(1)
}

/// The period length of a pre-aggregated cohort table, read from its cohort labels: all
/// monthly, all quarterly or all yearly. `None` when the labels disagree or are not periods
/// (the user then has to say; the fit is not sent with a guessed period).
pub fn table_period_months(cells: &[CohortCell]) -> Option<u32> {
    let mut found = None;
    for cell in cells {
        let months = label_period_months(&cell.cohort)?;
        if found.is_some_and(|f| f != months) {
            return None;
        }
        found = Some(months);
    }
    found
}

/// The period of the cohorts a fit was made on: the table's own when a cohort table is
/// loaded, the chosen grain's otherwise.
pub fn cohort_period_months(table: Option<&[CohortCell]>, grain: Grain) -> Option<u32> {
    match table {
        Some(cells) => table_period_months(cells),
        None => Some(grain.period_months()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(label: &str) -> CohortCell {
        CohortCell {
            cohort: label.into(),
            period: 0,
            customers: 10.0,
            revenue: None,
        }
    }

    #[test]
    fn a_yearly_table_has_twelve_month_periods() {
        let yearly = [cell("2021"), cell("2022"), cell("2021")];
        assert_eq!(table_period_months(&yearly), Some(12));
        assert_eq!(cohort_period_months(Some(&yearly), Grain::Month), Some(12));
        assert_eq!(table_period_months(&[cell("2021-Q3")]), Some(3));
        assert_eq!(table_period_months(&[cell("2021"), cell("2021-05")]), None);
        assert_eq!(table_period_months(&[cell("Jan")]), None);
        assert_eq!(cohort_period_months(None, Grain::Quarter), Some(3));
    }

    #[test]
    fn periods_must_divide_the_year() {
        let m = Sbg::new(1.0, 2.0).unwrap();
        assert!(PeriodSbg::new(m, 5).is_err() && PeriodSbg::new(m, 0).is_err());
        assert_eq!(PeriodSbg::new(m, 3).unwrap().periods_per_year(), 4.0);
    }
}
