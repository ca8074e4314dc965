//! Retention economics of a subscription base: from renewal, contraction and expansion rates
//! to NDR, GRR, churn, lifetime value three ways, CAC payback and a multi-year projection.
//!
//! Definitions (`shared/domain.md`; standard SaaS metrics): all rates are annual and ARR is up
//! for renewal once a year, so a renewing customer's ARR changes by (1 − contraction +
//! expansion) at renewal and
//! - GRR = logo renewal × (1 − contraction), NDR = logo renewal × (1 − contraction + expansion);
//! - the dollar renewal rate (续费率: renewal revenue / revenue up for renewal) then equals NDR,
//!   while the logo renewal rate (续约率) counts customers: they are different numbers;
//! - simple LTV = monthly ARPA × margin / monthly churn (the sources' "average revenue ×
//!   average lifetime", lifetime = 1 / churn, in the vendors' monthly convention; monthly churn
//!   = 1 − renewal^(1/12)), capped at the horizon when churn → 0;
//! - discounted LTV = Σ_{t<H} ARPA × margin × (NDR / (1 + d))ᵗ;
//! - sBG LTV = value per period × DEL (Fader & Hardie 2010, see `model::sbg`), with the
//!   scenario's churn per period as the mean and the heterogeneity setting's polarisation;
//! - CAC payback (months) = CAC / (monthly ARPA × margin).
//!
//! Vendor worked examples in the tests: ARPA 100 a month at 5 % monthly churn → LTV 2,000;
//! CAC 12,000 with ARPA 1,000 a month at 80 % margin → payback 15 months.

use super::cohort::Grain;
use super::sbg::Sbg;
use super::ModelError;

/// The inputs of one scenario.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EconomicsInputs {
    /// ARR of today's customers.
    pub arr: f64,
    pub customers: f64,
    /// Share of customers up for renewal who renew (续约率), per year.
    pub logo_renewal: f64,
    /// Share of renewing ARR lost to downgrades at renewal.
    pub contraction: f64,
    /// Share of renewing ARR added by upsell and cross-sell at renewal.
    pub expansion: f64,
    /// New ARR from referrals, as a share of the base's ARR each year.
    pub referral: f64,
    /// New-business ARR signed each year (money).
    pub new_business: f64,
    pub gross_margin: f64,
    /// Cost to acquire one new customer.
    pub cac: f64,
    /// Annual discount rate.
    pub discount: f64,
    pub horizon_years: u32,
}

/// Everything derived from [`EconomicsInputs`]; ratios are fractions, money per year unless
/// said otherwise.
#[derive(Debug, Clone, PartialEq)]
pub struct Economics {
    pub ndr: f64,
    pub grr: f64,
    pub logo_churn: f64,
    pub gross_revenue_churn: f64,
    pub net_revenue_churn: f64,
    pub dollar_renewal: f64,
    /// Average revenue per account, per year.
    pub arpa: f64,
    pub ltv_simple: f64,
    pub ltv_discounted: f64,
    pub ltv_sbg: f64,
    pub ltv_cac: f64,
    pub payback_months: f64,
    /// Revenue of today's customers in years 0..=horizon (the inverted funnel).
    pub existing_revenue: Vec<f64>,
    /// The same plus new business and referrals, each new cohort retained at NDR.
    pub total_revenue: Vec<f64>,
}

/// The longest horizon accepted, in years.
pub const MAX_HORIZON_YEARS: u32 = 30;

/// Computes the economics of one scenario; `heterogeneity` gives sBG α, β per period of its
/// grain (`None` grain: years).
///
/// # Errors
/// Negative or non-finite inputs, rates above 100 % (logo renewal, contraction, margin), no
/// customers, a horizon of 0 or above [`MAX_HORIZON_YEARS`], or a discount rate of 0 (sBG
/// valuation needs one).
pub fn economics(
    inputs: &EconomicsInputs,
    heterogeneity: (&Sbg, Option<Grain>),
) -> Result<Economics, ModelError> {
    let i = *inputs;
    for (field, value) in [
        ("arr", i.arr),
        ("customers", i.customers),
        ("logo_renewal", i.logo_renewal),
        ("contraction", i.contraction),
        ("expansion", i.expansion),
        ("referral", i.referral),
        ("new_business", i.new_business),
        ("gross_margin", i.gross_margin),
        ("cac", i.cac),
        ("discount", i.discount),
    ] {
        if !value.is_finite() {
            return Err(ModelError::NotFinite { field });
        }
        if value < 0.0 {
            return Err(ModelError::Negative { field });
        }
    }
    for (field, value) in [
        ("logo_renewal", i.logo_renewal),
        ("contraction", i.contraction),
        ("gross_margin", i.gross_margin),
    ] {
        if value > 1.0 {
            return Err(ModelError::AboveOne { field });
        }
    }
    if i.customers <= 0.0 {
        return Err(ModelError::NotPositive { field: "customers" });
    }
    if i.horizon_years == 0 || i.horizon_years > MAX_HORIZON_YEARS {
        return Err(ModelError::NotPositive {
            field: "horizon_years",
        });
    }
    let grr = i.logo_renewal * (1.0 - i.contraction);
    let ndr = grr + i.logo_renewal * i.expansion;
    let arpa = i.arr / i.customers;
    let churn = 1.0 - i.logo_renewal;
    let (sbg, grain) = heterogeneity;
    let periods_per_year = match grain {
        Some(Grain::Month) => 12.0,
        Some(Grain::Quarter) => 4.0,
        None => 1.0,
    };
    let period_discount = (1.0 + i.discount).powf(1.0 / periods_per_year) - 1.0;
    // The scenario's own churn is the mean; the heterogeneity setting says how polarised it
    // is. So every scenario is valued with the same spread of customers around its own mean.
    let period_churn = 1.0 - i.logo_renewal.powf(1.0 / periods_per_year);
    let value_per_period = arpa / periods_per_year * i.gross_margin;
    let ltv_sbg = if period_churn <= 1e-12 {
        // Nobody leaves: the discounted value of every period to the horizon.
        let periods = (f64::from(i.horizon_years) * periods_per_year) as u32;
        discounted_value(value_per_period, 1.0, period_discount, periods)
    } else {
        let model =
            Sbg::from_mean_and_polarisation(period_churn.min(1.0 - 1e-9), sbg.polarisation())?;
        value_per_period * model.del(period_discount)?
    };
    let ltv_discounted = discounted_value(arpa * i.gross_margin, ndr, i.discount, i.horizon_years);
    let ltv_cac = if i.cac > 0.0 {
        ltv_discounted / i.cac
    } else {
        f64::INFINITY
    };
    let (existing_revenue, total_revenue) = projection(&i, ndr);
    // Finite inputs can still compound past f64 (an expansion of 10³⁰⁰ over 30 years):
    // refuse rather than show ∞.
    let compounded = [ltv_discounted, ltv_sbg, ndr, arpa]
        .into_iter()
        .chain(total_revenue.iter().copied());
    if compounded.into_iter().any(|v| !v.is_finite()) {
        return Err(ModelError::NotFinite {
            field: "projection",
        });
    }
    Ok(Economics {
        ndr,
        grr,
        logo_churn: churn,
        gross_revenue_churn: 1.0 - grr,
        net_revenue_churn: 1.0 - ndr,
        dollar_renewal: ndr,
        arpa,
        ltv_simple: simple_ltv(
            arpa / 12.0,
            i.gross_margin,
            monthly_churn(i.logo_renewal),
            i.horizon_years * 12,
        )?,
        ltv_discounted,
        ltv_sbg,
        ltv_cac: ltv_cac.min(f64::MAX),
        payback_months: payback_months(i.cac, arpa / 12.0, i.gross_margin)?,
        existing_revenue,
        total_revenue,
    })
}

/// Monthly churn equivalent to an annual logo renewal rate: 1 − renewal^(1/12).
///
/// ```
/// use retention_lab::model::economics::monthly_churn;
/// assert!((monthly_churn(0.95f64.powi(12)) - 0.05).abs() < 1e-12);
/// ```
pub fn monthly_churn(annual_renewal: f64) -> f64 {
    1.0 - annual_renewal.clamp(0.0, 1.0).powf(1.0 / 12.0)
}

/// Simple LTV = ARPA × margin / churn, per period of the inputs; with churn 0 (or a lifetime
/// beyond the horizon) the lifetime is capped at `horizon` periods, never infinite.
///
/// ```
/// use retention_lab::model::economics::simple_ltv;
/// // ARPA 100 a month, 5 % monthly churn, margin 100 %: LTV 2,000.
/// assert!((simple_ltv(100.0, 1.0, 0.05, 600).unwrap() - 2000.0).abs() < 1e-9);
/// assert_eq!(simple_ltv(100.0, 1.0, 0.0, 10).unwrap(), 1000.0);
/// ```
pub fn simple_ltv(arpa: f64, margin: f64, churn: f64, horizon: u32) -> Result<f64, ModelError> {
    if !(arpa.is_finite() && margin.is_finite() && churn.is_finite()) {
        return Err(ModelError::NotFinite {
            field: "ltv inputs",
        });
    }
    if arpa < 0.0 || margin < 0.0 || churn < 0.0 {
        return Err(ModelError::Negative {
            field: "ltv inputs",
        });
    }
    let lifetime = if churn > 0.0 {
        (1.0 / churn).min(f64::from(horizon))
    } else {
        f64::from(horizon)
    };
    Ok(arpa * margin * lifetime)
}

/// CAC payback in months = CAC / (monthly ARPA × margin); a base that earns nothing never pays
/// back: the result is capped at 1,200 months (a century) rather than infinite.
///
/// ```
/// use retention_lab::model::economics::payback_months;
/// assert!((payback_months(12_000.0, 1_000.0, 0.8).unwrap() - 15.0).abs() < 1e-9);
/// ```
pub fn payback_months(cac: f64, monthly_arpa: f64, margin: f64) -> Result<f64, ModelError> {
    if !(cac.is_finite() && monthly_arpa.is_finite() && margin.is_finite()) {
        return Err(ModelError::NotFinite {
            field: "payback inputs",
        });
    }
    if cac < 0.0 || monthly_arpa < 0.0 || margin < 0.0 {
        return Err(ModelError::Negative {
            field: "payback inputs",
        });
    }
    let monthly_profit = monthly_arpa * margin;
    Ok(if monthly_profit > 0.0 {
        (cac / monthly_profit).min(1_200.0)
    } else {
        1_200.0
    })
}

/// Σ_{t<years} value × (growth / (1 + discount))ᵗ.
fn discounted_value(value: f64, growth: f64, discount: f64, years: u32) -> f64 {
    let ratio = growth / (1.0 + discount);
    (0..years).map(|t| value * ratio.powi(t as i32)).sum()
}

fn projection(i: &EconomicsInputs, ndr: f64) -> (Vec<f64>, Vec<f64>) {
    let mut existing = vec![i.arr];
    let mut total = vec![i.arr];
    for _ in 0..i.horizon_years {
        let last_existing = *existing.last().unwrap_or(&0.0);
        let last_total = *total.last().unwrap_or(&0.0);
        existing.push(last_existing * ndr);
        total.push(last_total * ndr + i.new_business + i.referral * last_total);
    }
    (existing, total)
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn base() -> EconomicsInputs {
        EconomicsInputs {
            arr: 1_000_000.0,
            customers: 100.0,
            logo_renewal: 0.8,
            contraction: 0.05,
            expansion: 0.10,
            referral: 0.02,
            new_business: 200_000.0,
            gross_margin: 0.8,
            cac: 12_000.0,
            discount: 0.1,
            horizon_years: 5,
        }
    }

    fn sbg() -> Sbg {
        Sbg::from_mean_and_polarisation(0.2, 0.2).unwrap()
    }

    #[test]
    fn renewal_80_upsell_10_gives_ndr_and_grr() {
        let e = economics(&base(), (&sbg(), None)).unwrap();
        assert!((e.grr - 0.76).abs() < 1e-12);
        assert!((e.ndr - 0.84).abs() < 1e-12);
        assert!((e.logo_churn - 0.2).abs() < 1e-12);
        assert_eq!(e.dollar_renewal, e.ndr);
        assert_eq!(e.arpa, 10_000.0);
        // Simple LTV = monthly ARPA 833.33 × 0.8 / monthly churn (1 − 0.8^(1/12)).
        let expected = 10_000.0 / 12.0 * 0.8 / (1.0 - 0.8f64.powf(1.0 / 12.0));
        assert!((e.ltv_simple - expected).abs() < 1e-6);
        // Payback = 12,000 / (10,000 / 12 × 0.8) = 18 months.
        assert!((e.payback_months - 18.0).abs() < 1e-9);
        assert_eq!(e.existing_revenue.len(), 6);
        assert!((e.existing_revenue[1] - 840_000.0).abs() < 1e-6);
    }

    #[test]
    fn lifting_renewal_and_upsell_lifts_ndr_above_the_baseline() {
        let lifted = EconomicsInputs {
            logo_renewal: 0.85,
            expansion: 0.15,
            ..base()
        };
        let before = economics(&base(), (&sbg(), None)).unwrap();
        let after = economics(&lifted, (&sbg(), None)).unwrap();
        assert!(after.ndr > before.ndr && after.ltv_discounted > before.ltv_discounted);
        assert!(after.total_revenue[1] > before.total_revenue[1]);
    }

    #[test]
    fn churn_zero_is_capped_by_the_horizon() {
        let e = economics(
            &EconomicsInputs {
                logo_renewal: 1.0,
                ..base()
            },
            (&sbg(), None),
        )
        .unwrap();
        assert!((e.ltv_simple - 10_000.0 * 0.8 * 5.0).abs() < 1e-6);
        assert!(e.ltv_simple.is_finite() && e.ltv_cac.is_finite());
    }

    #[test]
    fn rejects_impossible_inputs() {
        let bad = |i: EconomicsInputs| economics(&i, (&sbg(), None)).is_err();
        assert!(bad(EconomicsInputs {
            arr: -1.0,
            ..base()
        }));
        assert!(bad(EconomicsInputs {
            logo_renewal: 1.2,
            ..base()
        }));
        assert!(bad(EconomicsInputs {
            customers: 0.0,
            ..base()
        }));
        assert!(bad(EconomicsInputs {
            horizon_years: 0,
            ..base()
        }));
        assert!(
            bad(EconomicsInputs {
                discount: 0.0,
                ..base()
            }),
            "sBG valuation needs a discount rate"
        );
        assert!(bad(EconomicsInputs {
            cac: f64::NAN,
            ..base()
        }));
    }

    #[test]
    fn sbg_ltv_uses_the_period_of_its_grain_and_the_scenario_churn() {
        // Monthly periods: the scenario's monthly churn as the mean, the setting's
        // polarisation, the equivalent monthly discount rate.
        let setting = Sbg::from_mean_and_polarisation(0.03, 0.1).unwrap();
        let e = economics(&base(), (&setting, Some(Grain::Month))).unwrap();
        let d = 1.1f64.powf(1.0 / 12.0) - 1.0;
        let model = Sbg::from_mean_and_polarisation(1.0 - 0.8f64.powf(1.0 / 12.0), 0.1).unwrap();
        let expected = 10_000.0 / 12.0 * 0.8 * model.del(d).unwrap();
        assert!((e.ltv_sbg - expected).abs() < 1e-6);
        // Better renewal, higher sBG LTV.
        let better = economics(
            &EconomicsInputs {
                logo_renewal: 0.9,
                ..base()
            },
            (&setting, Some(Grain::Month)),
        )
        .unwrap();
        assert!(better.ltv_sbg > e.ltv_sbg);
    }
}
