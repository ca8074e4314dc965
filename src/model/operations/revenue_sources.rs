//! The inverted funnel by source (倒漏斗, seed 000: "客户满意了,可能会提供转介绍和增购 … 这个是实现
//! SaaS'倒漏斗'增长的关键因素"; seed 003: "公司全年营收中,客户成功团队占比超过50%,某些企业客户
//! 成功和销售的收入占比可以达到7:3"): each projected year's revenue split into what customer
//! success brings (renewals, expansion, referrals) and what sales brings (new business).
//!
//! Attribution, reproducing [`crate::model::economics::economics`]'s projection
//! total[y] = total[y−1] × NDR + new business + referral × total[y−1]:
//! - every cohort already in the base (today's customers and the earlier years' new and
//!   referred ARR) is retained at NDR = GRR + logo renewal × expansion; its retained revenue
//!   splits into **renewal** of that cohort's base = total[y−1] × GRR (GRR = logo renewal ×
//!   (1 − contraction): what renews without expansion) and **expansion** = total[y−1] × NDR −
//!   renewal (the upsell at renewal);
//! - **referral** = referral rate × total[y−1] (new ARR from referrals);
//! - **new business** = the scenario's new-business ARR.
//!
//! So renewal + expansion + referral + new business = total[y] (up to floating-point
//! rounding, relative 1e-12). Renewals of earlier new-business cohorts count as renewal: once
//! signed, keeping a customer is customer success's job.

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

use crate::model::economics::{Economics, EconomicsInputs};

/// Reference lines for the CS share of revenue: above 50 % (seed 003) and the 7:3 split.
pub const CS_SHARE_MARKS: [f64; 2] = [0.5, 0.7];

/// One projected year's revenue by source.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct YearSources {
    /// 1..=horizon.
    pub year: u32,
    /// Renewal of the base without expansion: total[y−1] × GRR.
    pub renewal: f64,
    /// Expansion at renewal: total[y−1] × NDR − renewal.
    pub expansion: f64,
    /// Referral-driven new ARR: referral × total[y−1].
    pub referral: f64,
    pub new_business: f64,
    /// The economics model's total_revenue[y].
    pub total: f64,
    /// Of which from today's customers: the economics model's existing_revenue[y].
    pub existing_base: f64,
}

impl YearSources {
    /// CS share = (renewal + expansion + referral) / total; `None` when the total is not
    /// positive.
    pub fn cs_share(&self) -> Option<f64> {
        let cs = self.renewal + self.expansion + self.referral;
        (self.total > 0.0 && self.total.is_finite() && cs.is_finite()).then(|| cs / self.total)
    }
}

/// Splits each projected year of `economics` (computed from `inputs` by
/// [`crate::model::economics::economics`]) by source, years 1..=horizon.
///
/// ```
/// use retention_lab::model::economics::{economics, EconomicsInputs};
/// use retention_lab::model::operations::revenue_sources::revenue_sources;
/// use retention_lab::model::period::PeriodSbg;
/// use retention_lab::model::sbg::Sbg;
/// let h = PeriodSbg::new(Sbg::from_mean_and_polarisation(0.2, 0.2).unwrap(), 12).unwrap();
/// let inputs = EconomicsInputs { arr: 1000.0, customers: 10.0, logo_renewal: 0.9,
///     contraction: 0.0, expansion: 0.2, referral: 0.1, new_business: 200.0,
///     gross_margin: 0.8, cac: 0.0, discount: 0.1, horizon_years: 1 };
/// let e = economics(&inputs, &h).unwrap();
/// let y1 = revenue_sources(&inputs, &e)[0];
/// // 1000 × 0.9 = 900 renewed, 1000 × 0.9 × 0.2 = 180 expansion, 100 referral, 200 new
/// assert!((y1.renewal - 900.0).abs() < 1e-9 && (y1.expansion - 180.0).abs() < 1e-9);
/// assert!((y1.cs_share().unwrap() - 1180.0 / 1380.0).abs() < 1e-12);
/// ```
pub fn revenue_sources(inputs: &EconomicsInputs, economics: &Economics) -> Vec<YearSources> {
    let total = &economics.total_revenue;
    (1..total.len())
        .map(|y| {
            let last = total[y - 1];
            let retained = last * economics.ndr;
            let renewal = last * economics.grr;
            YearSources {
                year: y as u32,
                renewal,
                expansion: retained - renewal,
                referral: inputs.referral * last,
                new_business: inputs.new_business,
                total: total[y],
                existing_base: economics.existing_revenue.get(y).copied().unwrap_or(0.0),
            }
        })
        .collect()
}
