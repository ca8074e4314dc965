//! One-at-a-time sensitivity (the data of a tornado chart): each lever moved 10 % down and up
//! from the baseline, everything else fixed, and the resulting value of one metric.
//! Churn is moved rather than logo renewal (10 % of an 80 % renewal rate would be a 40 %
//! swing in churn), and rates stay within their bounds.

use super::economics::{economics, Economics, EconomicsInputs};
use super::period::PeriodSbg;
use super::ModelError;

/// An input the tornado moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lever {
    Arpa,
    Churn,
    Contraction,
    Expansion,
    Referral,
    NewBusiness,
    GrossMargin,
    Cac,
    Discount,
}

impl Lever {
    pub const ALL: [Lever; 9] = [
        Lever::Arpa,
        Lever::Churn,
        Lever::Contraction,
        Lever::Expansion,
        Lever::Referral,
        Lever::NewBusiness,
        Lever::GrossMargin,
        Lever::Cac,
        Lever::Discount,
    ];

    /// The inputs with this lever scaled by `factor`.
    fn scaled(self, i: &EconomicsInputs, factor: f64) -> EconomicsInputs {
        match self {
            Lever::Arpa => EconomicsInputs {
                arr: i.arr * factor,
                ..*i
            },
            Lever::Churn => EconomicsInputs {
                logo_renewal: (1.0 - (1.0 - i.logo_renewal) * factor).clamp(0.0, 1.0),
                ..*i
            },
            Lever::Contraction => EconomicsInputs {
                contraction: (i.contraction * factor).min(1.0),
                ..*i
            },
            Lever::Expansion => EconomicsInputs {
                expansion: i.expansion * factor,
                ..*i
            },
            Lever::Referral => EconomicsInputs {
                referral: i.referral * factor,
                ..*i
            },
            Lever::NewBusiness => EconomicsInputs {
                new_business: i.new_business * factor,
                ..*i
            },
            Lever::GrossMargin => EconomicsInputs {
                gross_margin: (i.gross_margin * factor).min(1.0),
                ..*i
            },
            Lever::Cac => EconomicsInputs {
                cac: i.cac * factor,
                ..*i
            },
            Lever::Discount => EconomicsInputs {
                discount: i.discount * factor,
                ..*i
            },
        }
    }
}

/// The metric with one lever at −10 % and at +10 %.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Swing {
    pub lever: Lever,
    pub low: f64,
    pub high: f64,
}

/// The economics at the inputs and with each lever at −10 % and +10 %: computed once, read
/// for as many metrics as there are tornado charts.
#[derive(Debug, Clone, PartialEq)]
pub struct Perturbed {
    base: Economics,
    moved: Vec<(Lever, Economics, Economics)>,
}

/// # Errors
/// Inputs the economics model refuses.
pub fn perturb(
    inputs: &EconomicsInputs,
    heterogeneity: &PeriodSbg,
) -> Result<Perturbed, ModelError> {
    let base = economics(inputs, heterogeneity)?;
    let moved = Lever::ALL
        .iter()
        .map(|&lever| {
            let at = |factor: f64| economics(&lever.scaled(inputs, factor), heterogeneity);
            Ok((lever, at(0.9)?, at(1.1)?))
        })
        .collect::<Result<Vec<_>, ModelError>>()?;
    Ok(Perturbed { base, moved })
}

impl Perturbed {
    /// Swings of `metric` for every lever, the widest first, and the unmoved value.
    pub fn swings(&self, metric: fn(&Economics) -> f64) -> (f64, Vec<Swing>) {
        let swings: Vec<Swing> = self
            .moved
            .iter()
            .map(|(lever, low, high)| Swing {
                lever: *lever,
                low: metric(low),
                high: metric(high),
            })
            .collect();
        let widths: Vec<f64> = swings.iter().map(|s| (s.high - s.low).abs()).collect();
        let order = crate::model::order::descending(&widths);
        (
            metric(&self.base),
            crate::model::order::permute(&swings, &order),
        )
    }
}

/// Swings of `metric` for every lever, the widest first; `base` is the unmoved value.
///
/// # Errors
/// Inputs the economics model refuses.
pub fn tornado(
    inputs: &EconomicsInputs,
    heterogeneity: &PeriodSbg,
    metric: fn(&Economics) -> f64,
) -> Result<(f64, Vec<Swing>), ModelError> {
    Ok(perturb(inputs, heterogeneity)?.swings(metric))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::sbg::Sbg;

    /// The app's sample scenario (defined once, in the forms).
    fn base() -> EconomicsInputs {
        crate::forms::economics_form::SAMPLE_INPUTS
    }

    #[test]
    fn ndr_moves_only_with_churn_contraction_and_expansion() {
        let sbg = Sbg::new(0.3, 9.0).unwrap();
        let (ndr, swings) = tornado(&base(), &PeriodSbg::new(sbg, 1).unwrap(), |e| e.ndr).unwrap();
        assert!((ndr - 0.84).abs() < 1e-12);
        assert_eq!(swings[0].lever, Lever::Churn, "churn moves NDR most");
        // 10 % less churn: renewal 0.82 → NDR 0.82 × 1.05.
        assert!((swings[0].low - 0.82 * 1.05).abs() < 1e-12);
        let still: Vec<Lever> = swings
            .iter()
            .filter(|s| s.low == s.high)
            .map(|s| s.lever)
            .collect();
        assert!(still.contains(&Lever::Cac) && still.contains(&Lever::Arpa));
    }

    #[test]
    fn ltv_rises_with_margin_and_falls_with_churn() {
        let sbg = Sbg::new(0.3, 9.0).unwrap();
        let (_, swings) = tornado(&base(), &PeriodSbg::new(sbg, 12).unwrap(), |e| {
            e.ltv_discounted
        })
        .unwrap();
        let of = |lever| swings.iter().find(|s| s.lever == lever).copied().unwrap();
        assert!(of(Lever::GrossMargin).high > of(Lever::GrossMargin).low);
        assert!(of(Lever::Churn).high < of(Lever::Churn).low);
    }
}
