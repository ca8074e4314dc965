//! The sample portfolio carries a renewal signal the north-star fit finds (the sample draws
//! renewals from a logistic link on the north star and unresolved tickets).
#![allow(clippy::unwrap_used)]

use retention_lab::model::health::Measure;
use retention_lab::model::renewal::{fit, forecast};
use retention_lab::sample::{sample_portfolio, AS_OF};

#[test]
fn north_star_fit_on_the_sample_discriminates_and_forecasts() {
    let customers = sample_portfolio().customers;
    let fitted = fit(&customers, &[Measure::NorthStar], AS_OF).unwrap();
    let auc = fitted.auc.unwrap();
    println!(
        "sample: {} outcomes, AUC {auc:.3}, slope {:?}",
        fitted.observations,
        fitted.model.original_scale()
    );
    assert!(auc > 0.65, "AUC {auc}");
    assert!(
        fitted.model.original_scale().1[0] > 0.0,
        "more usage, more renewal"
    );
    let due = forecast(&fitted, &customers, AS_OF, 0.0);
    println!(
        "due {} ({} without inputs), logo {:?}, dollar {:?}",
        due.due.len(),
        due.without_inputs,
        due.expected_logo_rate,
        due.expected_dollar_rate
    );
    assert!(due.due.len() > 100);
}

#[test]
#[ignore = "timing probe, run by hand"]
fn probe_fit_stages() {
    use retention_lab::model::renewal::{auc, bins};
    use std::time::Instant;
    let customers = retention_lab::sample::portfolio(100_000, 7).customers;
    let t = Instant::now();
    let fitted = fit(&customers, &[Measure::NorthStar], AS_OF).unwrap();
    println!(
        "fit total {:?}, iterations {}",
        t.elapsed(),
        fitted.model.iterations
    );
    let x: Vec<f64> = customers.iter().filter_map(|c| c.north_star).collect();
    let y: Vec<bool> = (0..x.len()).map(|i| i % 3 == 0).collect();
    let t = Instant::now();
    let _ = auc(&x, &y);
    println!("auc {:?}", t.elapsed());
    let t = Instant::now();
    let _ = bins(&x, &x, &y, 10);
    println!("bins {:?}", t.elapsed());
}
