//! Curves of a small hand-made cohort table worked out by hand; the sample for the fit.
use super::*;
use crate::state::dataset::Dataset;

/// January: 100 customers, 80 after one period, 70 after two. February: 50, then 35.
fn table() -> Vec<CohortCell> {
    let cell = |cohort: &str, period, customers| CohortCell {
        cohort: cohort.into(),
        period,
        customers,
        revenue: None,
    };
    vec![
        cell("2024-01", 0, 100.0),
        cell("2024-01", 1, 80.0),
        cell("2024-01", 2, 70.0),
        cell("2024-02", 0, 50.0),
        cell("2024-02", 1, 35.0),
    ]
}

fn no_subscriptions() -> Subscriptions {
    Subscriptions::Monthly(Vec::new())
}

#[test]
fn a_table_gives_its_own_cohorts_and_curves() {
    let cells = table();
    let a = analyse(&no_subscriptions(), Some(&cells), Grain::Quarter);
    let labels: Vec<&str> = a.cohorts.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["2024-01", "2024-02"]);
    let c = curves(&a, CohortView::default(), Lang::En, &[]);
    assert_eq!(c.cohorts[0].values, [1.0, 0.8, 0.7]);
    assert_eq!(c.cohorts[1].values, [1.0, 0.7]);
    // Size-weighted: (80 + 35) / (100 + 50), not the plain mean 0.75; period 2 rests on one
    // cohort of two, fewer than the average needs.
    assert_eq!(c.average.values.len(), 2);
    assert!((c.average.values[1] - 115.0 / 150.0).abs() < 1e-12);
    assert_eq!(c.x_label, Lang::En.t(CohortKey::MonthsSince));
}

#[test]
fn compared_cohorts_are_found_by_label() {
    let cells = table();
    let a = analyse(&no_subscriptions(), Some(&cells), Grain::Month);
    let picked = [Some("2024-02".to_string()), Some("1999-01".to_string())];
    let c = curves(&a, CohortView::default(), Lang::En, &picked);
    assert_eq!(c.compared.len(), 1, "an unknown label is skipped");
    assert_eq!(c.compared[0].label, "2024-02");
    assert!(curves(&a, CohortView::default(), Lang::En, &[None, None])
        .compared
        .is_empty());
}

#[test]
fn sample_fit_projects_logo_retention_only() {
    let data = Dataset::sample();
    let a = analyse(&data.subscriptions, None, Grain::Month);
    assert!(!a.cohorts.is_empty());
    let f = a.fit.clone().expect("the sample fits");
    // The sBG model keeps β / (α + β) of a cohort after one period: one minus the mean churn.
    let survival = f.fit.model.survival(1);
    assert!((survival[1] - (1.0 - f.mean_churn)).abs() < 1e-12);
    assert!((0.0..1.0).contains(&f.polarisation));
    let logo = curves(&a, CohortView::default(), Lang::Zh, &[]);
    let (model, observed) = logo.model.expect("a projection for logo retention");
    assert_eq!(observed, logo.average.values.len());
    // From period 0 through 12 periods beyond the last observed one.
    assert_eq!(model.values.len(), observed + PROJECTION_PERIODS);
    let revenue = CohortView {
        measure: Measure::Revenue,
        ..CohortView::default()
    };
    assert_eq!(curves(&a, revenue, Lang::Zh, &[]).model, None);
}

#[test]
fn no_data_means_no_fit() {
    let a = analyse(&no_subscriptions(), None, Grain::Month);
    assert!(a.cohorts.is_empty());
    assert!(a.fit.is_err());
}
