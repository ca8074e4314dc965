//! The health and renewal figures of a dataset, derived in one place for both sections: the
//! as-of date, the default scorecard, every customer's score, the tiers, the renewal fit and
//! the forecast. Pure: sections wrap these in `use_memo`.

use std::rc::Rc;

use crate::data::dataset::Origin;
use crate::data::sample;
use crate::model::calendar::Date;
use crate::model::health::{self, is_active, Measure, PortfolioHealth, Scorecard};
use crate::model::portfolio::Customer;
use crate::model::renewal::{self, Forecast, RenewalError, RenewalFit};
use crate::model::tiers::{self, Tier, TierKpis, TierRules};

/// The day the data describes: the sample's export date, or for an imported file the latest
/// contract start in it (an export is taken after the last contract it lists was signed).
pub fn as_of(customers: &[Customer], origin: &Origin) -> Date {
    match origin {
        Origin::Sample => sample::AS_OF,
        Origin::File(_) => customers
            .iter()
            .filter_map(|c| c.contract_start)
            .max()
            .unwrap_or(sample::AS_OF),
    }
}

/// The default scorecard for these customers: the north star scored against its 75th
/// percentile among active customers (a target three in four do not reach yet).
pub fn default_scorecard(customers: &[Customer]) -> Scorecard {
    let mut values: Vec<f64> = customers
        .iter()
        .filter(|c| is_active(c))
        .filter_map(|c| c.north_star)
        .filter(|v| v.is_finite())
        .collect();
    values = crate::model::order::permute(&values, &crate::model::order::ascending(&values));
    let target = values
        .get(values.len() * 3 / 4)
        .copied()
        .filter(|v| *v > 0.0)
        .unwrap_or(1.0);
    Scorecard::with_target(round_target(target))
}

/// Rounds a target to two significant figures, so the editor shows 140 rather than 137.42.
fn round_target(value: f64) -> f64 {
    let magnitude = 10f64.powf(value.abs().log10().floor() - 1.0);
    (value / magnitude).round() * magnitude
}

/// The headers of the extra numeric columns the customers carry, in first-seen order.
pub fn extra_columns(customers: &[Customer]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for c in customers.iter().take(1_000) {
        for (name, _) in &c.extra {
            if !names.contains(name) {
                names.push(name.clone());
            }
        }
    }
    names
}

/// Scores, summary and tiers of every customer.
#[derive(Debug, PartialEq)]
pub struct HealthAnalysis {
    pub as_of: Date,
    pub scores: Vec<Option<f64>>,
    pub summary: PortfolioHealth,
    pub tiers: Vec<Option<Tier>>,
    pub tier_kpis: TierKpis,
}

pub fn analyse_health(
    customers: &[Customer],
    origin: &Origin,
    card: &Scorecard,
    rules: &TierRules,
) -> HealthAnalysis {
    let as_of = as_of(customers, origin);
    let scores: Vec<Option<f64>> = customers
        .iter()
        .map(|c| health::score_value(card, c, as_of))
        .collect();
    let summary = health::portfolio(customers, &scores, &card.bands);
    let tiers = tiers::assign(customers, &scores, rules);
    let tier_kpis = tiers::kpis(customers, &tiers);
    HealthAnalysis {
        as_of,
        scores,
        summary,
        tiers,
        tier_kpis,
    }
}

/// The renewal fit and its forecasts, plain and with the north-star lift.
#[derive(Debug, PartialEq)]
pub struct RenewalAnalysis {
    pub as_of: Date,
    pub fit: Result<Rc<RenewalFit>, RenewalError>,
    pub forecast: Forecast,
    pub lifted: Forecast,
}

/// The fit depends on the data and the inputs only; the lift reuses it.
pub fn fit_renewal(
    customers: &[Customer],
    origin: &Origin,
    inputs: &[Measure],
) -> (Date, Result<Rc<RenewalFit>, RenewalError>) {
    let as_of = as_of(customers, origin);
    (as_of, renewal::fit(customers, inputs, as_of).map(Rc::new))
}

pub fn forecasts(
    customers: &[Customer],
    as_of: Date,
    fit: &Result<Rc<RenewalFit>, RenewalError>,
    north_star_lift: f64,
) -> RenewalAnalysis {
    let (forecast, lifted) = match fit {
        Ok(f) => (
            renewal::forecast(f, customers, as_of, 0.0),
            renewal::forecast(f, customers, as_of, north_star_lift),
        ),
        Err(_) => (Forecast::default(), Forecast::default()),
    };
    RenewalAnalysis {
        as_of,
        fit: fit.clone(),
        forecast,
        lifted,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::dataset::Dataset;

    #[test]
    fn sample_defaults_and_analysis() {
        let data = Dataset::sample();
        let card = default_scorecard(&data.customers);
        let health = analyse_health(
            &data.customers,
            &Origin::Sample,
            &card,
            &TierRules::default(),
        );
        assert_eq!(health.as_of, sample::AS_OF);
        let mean = health.summary.mean_score.unwrap();
        assert!((30.0..90.0).contains(&mean), "{mean}");
        assert!(health.tier_kpis.growth_share().unwrap() > 0.0);
        let (as_of, fit) = fit_renewal(&data.customers, &Origin::Sample, &[Measure::NorthStar]);
        let r = forecasts(&data.customers, as_of, &fit, 0.1);
        assert!(r.lifted.expected_renewal_arr > r.forecast.expected_renewal_arr);
        assert_eq!(round_target(137.42), 140.0);
    }

    #[test]
    fn imported_data_is_dated_by_its_latest_contract() {
        let c = |y| Customer {
            contract_start: Date::new(y, 3, 1),
            ..Customer::default()
        };
        let origin = Origin::File("crm.csv".into());
        assert_eq!(
            as_of(&[c(2024), c(2025)], &origin),
            Date::new(2025, 3, 1).unwrap()
        );
    }
}
