//! The value of the customer base (Fader & Hardie 2010) as the cohorts section shows it: the
//! customers alive now in every cohort valued by the sBG's discounted expected residual
//! lifetime, beside the naive value from the last period's aggregate retention.

use super::CohortAnalysis;
use crate::forms::view_settings::CohortView;
use crate::i18n::{format_count, format_fixed, format_money, format_percent, CohortKey};
use crate::i18n::{Currency, Lang};
use crate::model::economics::EconomicsInputs;
use crate::model::period::rate_per_period;
use crate::model::sbg::{base_value, BaseValue};

/// The annual discount rate the panel starts from: the baseline scenario's.
pub fn default_discount(baseline: &EconomicsInputs) -> f64 {
    baseline.discount
}

/// What the panel shows.
#[derive(Debug, Clone, PartialEq)]
pub struct BaseView {
    /// The annual discount rate in use (a fraction) and the rate per period it becomes.
    pub annual_discount: f64,
    pub period_discount: f64,
    pub value: BaseValue,
    /// Each value in money: discounted customer-periods × margin × revenue per period.
    pub derl_money: String,
    pub naive_money: String,
    pub derl_text: String,
    pub naive_text: String,
    /// "The naive value understates the base by 44 %" and how each figure is made.
    pub explain: String,
}

/// The panel, or `None` without an sBG fit, a known period or anyone alive.
pub fn base_view(
    analysis: &CohortAnalysis,
    view: CohortView,
    baseline: &EconomicsInputs,
    lang: Lang,
    currency: Currency,
) -> Option<BaseView> {
    let fit = analysis.fit.as_ref().ok()?;
    let months = analysis.period_months?;
    let (groups, retention) = &analysis.alive_now;
    let annual_discount = view.base_discount.unwrap_or(default_discount(baseline));
    let period_discount = rate_per_period(annual_discount, months);
    let value = base_value(&fit.fit.model, groups, period_discount, (*retention)?).ok()?;
    // Margin per customer-period from the baseline scenario: ARPA × margin × months / 12.
    let per_period =
        baseline.arr / baseline.customers * baseline.gross_margin * f64::from(months) / 12.0;
    let money = |periods: f64| {
        if per_period.is_finite() {
            format_money(periods * per_period, lang, currency)
        } else {
            "—".into()
        }
    };
    Some(BaseView {
        annual_discount,
        period_discount,
        derl_money: money(value.derl_periods),
        naive_money: money(value.naive_periods),
        derl_text: format_count(value.derl_periods.round().max(0.0) as usize),
        naive_text: format_count(value.naive_periods.round().max(0.0) as usize),
        explain: lang.fill(
            CohortKey::BaseExplain,
            &[
                ("alive", &format_count(value.alive.round() as usize)),
                ("retention", &format_percent(value.aggregate_retention)),
                ("misstated", &format_percent(value.misstatement.abs())),
                (
                    "direction",
                    lang.t(if value.misstatement < 0.0 {
                        CohortKey::Understates
                    } else {
                        CohortKey::Overstates
                    }),
                ),
                ("months", &months.to_string()),
                ("rate", &format_fixed(period_discount * 100.0, 2)),
            ],
        ),
        value,
    })
}
