//! Retention economics of a subscription base: from renewal, contraction and expansion rates
//! to NDR, GRR, churn, lifetime value four ways, CAC payback and a multi-year projection.
//!
//! Definitions (`shared/domain.md`; standard SaaS metrics): all rates are annual and ARR is up
//! for renewal once a year, so a renewing customer's ARR changes by (1 − contraction +
//! expansion) at renewal and
//! - GRR = logo renewal × (1 − contraction), NDR = logo renewal × (1 − contraction + expansion);
//! - the dollar renewal rate (续费率: renewal revenue / revenue up for renewal) then equals NDR,
//!   while the logo renewal rate (续约率) counts customers: they are different numbers;
//! - simple LTV = monthly ARPA × margin / monthly churn exactly (ChartMogul's and Baremetrics'
//!   definition, the sources' "average revenue × average lifetime" with lifetime = 1 / churn),
//!   monthly churn = 1 − renewal^(1/12); undefined (`None`) when nobody churns, never capped;
//! - discounted LTV over the horizon = Σ_{t<H} ARPA × margin × (NDR / (1 + d))ᵗ (years);
//! - single-rate and sBG LTV over the horizon, discounted: per period of the heterogeneity
//!   setting, Σ_{t<N} value × S(t) / (1 + d)ᵗ with S(t) = (1 − c)ᵗ or the sBG survival with
//!   the scenario's churn per period c as its mean (Fader & Hardie 2010; see [`ltv`]);
//! - LTV:CAC = simple LTV / CAC, the undiscounted ARPA × margin / churn basis the "≥ 3" rule of
//!   thumb uses (David Skok, "SaaS Metrics 2.0"), undefined (`None`) when CAC is 0 or nobody
//!   churns; beside it, discounted LTV / CAC, the same ratio on the horizon's discounted value;
//! - CAC payback (months) = CAC / (monthly ARPA × margin).
//!
//! Vendor worked examples in the tests: ARPA 100 a month at 5 % monthly churn → LTV 2,000;
//! CAC 12,000 with ARPA 1,000 a month at 80 % margin → payback 15 months.

mod ltv;
#[cfg(test)]
mod tests;

pub use ltv::{sbg_ltv, simple_ltv, single_rate_ltv};

use super::period::{check_period_months, rate_per_period, retention_per_period, PeriodSbg};
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
    /// Simple LTV = monthly ARPA × margin / monthly churn, undiscounted and unbounded;
    /// `None` when nobody churns (the lifetime 1 / churn is undefined).
    pub ltv_simple: Option<f64>,
    /// Discounted LTV over the horizon, with expansion: Σ_{t<H} ARPA × margin × (NDR/(1+d))ᵗ.
    pub ltv_discounted: f64,
    /// Discounted LTV over the horizon at one constant churn rate (logo survival only), in
    /// periods of the heterogeneity setting.
    pub ltv_single_rate: f64,
    /// Discounted LTV over the horizon under the sBG model with the same mean churn: never
    /// below [`Economics::ltv_single_rate`].
    pub ltv_sbg: f64,
    /// Simple LTV / CAC, the basis of the "≥ 3" benchmark; `None` when CAC is 0 or simple LTV
    /// is undefined (no ratio to show, no badge to give).
    pub ltv_cac: Option<f64>,
    /// Discounted LTV over the horizon / CAC, shown beside it without a benchmark; `None` when
    /// CAC is 0.
    pub ltv_cac_discounted: Option<f64>,
    pub payback_months: f64,
    /// Revenue of today's customers in years 0..=horizon (the inverted funnel).
    pub existing_revenue: Vec<f64>,
    /// The same plus new business and referrals, each new cohort retained at NDR.
    pub total_revenue: Vec<f64>,
}

/// The longest horizon accepted, in years.
pub const MAX_HORIZON_YEARS: u32 = 30;

/// Computes the economics of one scenario; `heterogeneity` gives the polarisation of the sBG
/// setting and the length of its period (`period_months`): the single-rate and sBG values
/// are summed per period of that length, with the scenario's yearly renewal and discount
/// converted to it (renewal^(m/12), (1 + d)^(m/12) − 1) and horizon × 12/m periods.
///
/// # Errors
/// Negative or non-finite inputs, rates above 100 % (logo renewal, contraction, margin), no
/// customers, a horizon of 0 or above [`MAX_HORIZON_YEARS`], or a figure too large for f64.
pub fn economics(
    inputs: &EconomicsInputs,
    heterogeneity: &PeriodSbg,
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
    let m = heterogeneity.period_months;
    check_period_months(m)?;
    let periods_per_year = heterogeneity.periods_per_year();
    let period_discount = rate_per_period(i.discount, m);
    // The scenario's own churn is the mean; the heterogeneity setting says how polarised it
    // is. So every scenario is valued with the same spread of customers around its own mean.
    let period_churn = 1.0 - retention_per_period(i.logo_renewal, m);
    let value_per_period = arpa / periods_per_year * i.gross_margin;
    let periods = (f64::from(i.horizon_years) * periods_per_year).round() as u32;
    let ltv_single_rate =
        single_rate_ltv(value_per_period, period_churn, period_discount, periods)?;
    let ltv_sbg = sbg_ltv(
        value_per_period,
        period_churn,
        heterogeneity.model.polarisation(),
        period_discount,
        periods,
    )?;
    let ltv_discounted = discounted_value(arpa * i.gross_margin, ndr, i.discount, i.horizon_years);
    let ltv_simple = simple_ltv(arpa / 12.0, i.gross_margin, monthly_churn(i.logo_renewal))?;
    let ltv_cac = ltv_simple.filter(|_| i.cac > 0.0).map(|ltv| ltv / i.cac);
    let ltv_cac_discounted = (i.cac > 0.0).then(|| ltv_discounted / i.cac);
    let (existing_revenue, total_revenue) = projection(&i, ndr);
    // Finite inputs can still compound past f64 (an expansion of 10³⁰⁰ over 30 years):
    // refuse rather than show ∞.
    let compounded = [ltv_discounted, ltv_single_rate, ltv_sbg, ndr, arpa]
        .into_iter()
        .chain(ltv_simple)
        .chain(ltv_cac)
        .chain(ltv_cac_discounted)
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
        ltv_simple,
        ltv_discounted,
        ltv_single_rate,
        ltv_sbg,
        ltv_cac,
        ltv_cac_discounted,
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
