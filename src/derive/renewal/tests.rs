//! The baseline log-loss and the curve's sampling against values worked by hand; the sample
//! portfolio for the parts that need a real fit.
use super::*;
use crate::data::Dataset;

fn bin(mean_key: f64, observed_rate: f64, count: usize) -> Bin {
    Bin {
        mean_key,
        mean_predicted: observed_rate,
        observed_rate,
        count,
    }
}

#[test]
fn a_coin_flip_costs_ln_2() {
    // Half renewed: predicting 0.5 for everyone costs ln 2 per customer.
    let loss = baseline_log_loss(&[bin(1.0, 0.0, 5), bin(2.0, 1.0, 5)], 10);
    assert!((loss - std::f64::consts::LN_2).abs() < 1e-12, "{loss}");
}

#[test]
fn baseline_uses_the_pooled_renewal_rate() {
    // 30 customers at 90 % and 10 at 50 %: 32 of 40 renewed, r = 0.8;
    // −(0.8 ln 0.8 + 0.2 ln 0.2) = 0.8 × 0.223144 + 0.2 × 1.609438 = 0.500402.
    let loss = baseline_log_loss(&[bin(1.0, 0.9, 30), bin(2.0, 0.5, 10)], 40);
    assert!((loss - 0.500402).abs() < 1e-6, "{loss}");
}

#[test]
fn curve_runs_from_zero_to_a_tenth_beyond_the_top_decile() {
    let bins = [bin(10.0, 0.2, 3), bin(50.0, 0.9, 3)];
    let seen_second_input = std::cell::RefCell::new(Vec::new());
    let points = curve_points(&bins, &[7.0, 3.5], |row| {
        seen_second_input.borrow_mut().push(row[1]);
        row[0] / 100.0
    });
    // 61 points, 0 to 55 in steps of 55 / 60.
    assert_eq!(points.len(), 61);
    assert_eq!(points[0], (0.0, 0.0));
    assert!((points[60].0 - 55.0).abs() < 1e-9);
    assert!((points[30].0 - 27.5).abs() < 1e-9);
    assert!((points[60].1 - 0.55).abs() < 1e-12);
    assert!(
        seen_second_input.borrow().iter().all(|v| *v == 3.5),
        "others at their means"
    );
}

#[test]
fn curve_starts_below_zero_when_the_data_does() {
    let points = curve_points(&[bin(-20.0, 0.1, 1), bin(40.0, 0.8, 1)], &[0.0], |_| 0.5);
    assert_eq!(points[0].0, -20.0);
    assert!((points[60].0 - 44.0).abs() < 1e-9);
}

#[test]
fn sample_forecast_ranks_the_at_risk_list_and_lifts_renewals() {
    let data = Dataset::sample();
    let fitted = fit_renewal(&data.customers, &Origin::Sample, &[Measure::NorthStar]);
    assert_eq!(fitted.0, crate::sample::AS_OF);
    let r = renewal(&data.customers, &fitted, 0.1, Lang::En);
    let q = r.quality.expect("the sample fits");
    assert!(r.lifted.expected_renewal_arr > r.forecast.expected_renewal_arr);
    assert!(
        (q.lifted_arr_gain - (r.lifted.expected_renewal_arr - r.forecast.expected_renewal_arr))
            .abs()
            < 1e-9
    );
    assert!(q.lifted_rate_change > 0.0);
    assert!(q.at_risk.len() <= AT_RISK_ROWS && !q.at_risk.is_empty());
    let risks: Vec<f64> = q.at_risk.iter().map(Due::arr_at_risk).collect();
    assert!(risks.windows(2).all(|w| w[0] >= w[1]), "most at risk first");
    // Nobody left off the list has more ARR at risk than the last one on it.
    let last = risks[risks.len() - 1];
    assert!(r
        .forecast
        .due
        .iter()
        .all(|d| q.at_risk.contains(d) || d.arr_at_risk() <= last));
    assert_eq!(q.curve.line.len(), 61);
    assert_eq!(
        q.calibration.diagonal.as_deref(),
        Some(Lang::En.t(HealthKey::Perfect))
    );
}

#[test]
fn a_failed_fit_forecasts_nothing() {
    let none: Vec<Customer> = Vec::new();
    let fitted = fit_renewal(&none, &Origin::Sample, &[Measure::NorthStar]);
    let r = renewal(&none, &fitted, 0.1, Lang::Zh);
    assert!(r.fit.is_err());
    assert_eq!(r.quality, None);
    assert_eq!(r.forecast, Forecast::default());
}
