//! Curves of a small hand-made cohort table worked out by hand; the sample for the fit.
use super::*;
use crate::data::Dataset;

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
    let a = analyse(
        &no_subscriptions(),
        Some(&cells),
        CohortBasis::of_grain(Grain::Quarter),
    );
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
    let a = analyse(
        &no_subscriptions(),
        Some(&cells),
        CohortBasis::of_grain(Grain::Month),
    );
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
    let a = analyse(
        &data.subscriptions,
        None,
        CohortBasis::of_grain(Grain::Month),
    );
    assert!(!a.cohorts.is_empty());
    let f = a.fit.clone().expect("the sample fits");
    // The sBG model keeps β / (α + β) of a cohort after one period: one minus the mean churn.
    let survival = f.fit.model.survival(1);
    assert!((survival[1] - (1.0 - f.mean_churn)).abs() < 1e-12);
    assert!((0.0..1.0).contains(&f.polarisation));
    let logo = curves(&a, CohortView::default(), Lang::Zh, &[]);
    let model = logo.model.expect("a projection for logo retention");
    let observed = logo.average.values.len();
    assert_eq!(model.fitted, observed);
    // From period 0 through 12 periods beyond the last observed one, with its band.
    assert_eq!(model.curve.values.len(), observed + PROJECTION_PERIODS);
    assert_eq!(model.band.len(), model.curve.values.len());
    let revenue = CohortView {
        measure: Measure::Revenue,
        ..CohortView::default()
    };
    assert_eq!(curves(&a, revenue, Lang::Zh, &[]).model, None);
    // Kaplan–Meier by months paid: everyone who ever paid is at risk in month 1; the curve
    // never rises and its band holds it. (The values are checked on textbook data in
    // `model::km`.)
    let payers: std::collections::HashSet<&str> = match &*data.subscriptions {
        Subscriptions::Monthly(rows) => rows
            .iter()
            .filter(|r| r.mrr > 0.0)
            .map(|r| r.customer_id.as_str())
            .collect(),
        Subscriptions::Spans(_) => panic!("the sample is monthly"),
    };
    assert_eq!(a.km[0].at_risk, payers.len());
    for w in a.km.windows(2) {
        assert!(w[1].survival <= w[0].survival && w[1].at_risk <= w[0].at_risk);
    }
    assert!(a
        .km
        .iter()
        .all(|r| r.low <= r.survival && r.survival <= r.high));
}

#[test]
fn no_data_means_no_fit() {
    let a = analyse(
        &no_subscriptions(),
        None,
        CohortBasis::of_grain(Grain::Month),
    );
    assert!(a.cohorts.is_empty());
    assert!(a.fit.is_err());
}

/// Three customers from January 2024: A ends in March 2024, B's contract says it ends in
/// 2099 (a "no end" sentinel), C has no end. Today is 2024-06-15.
fn sentinel_spans() -> Subscriptions {
    let date = |y, m, d| crate::model::calendar::Date::new(y, m, d).expect("a date");
    let span = |id: &str, end| crate::model::portfolio::Span {
        customer_id: id.into(),
        start: date(2024, 1, 10),
        end,
        mrr: 100.0,
    };
    Subscriptions::Spans(vec![
        span("A", Some(date(2024, 3, 31))),
        span("B", Some(date(2099, 12, 31))),
        span("C", None),
    ])
}

#[test]
fn spans_are_observed_through_the_latest_date_not_after_today() {
    let today = crate::model::calendar::Date::new(2024, 6, 15);
    let basis = CohortBasis {
        today,
        ..CohortBasis::of_grain(Grain::Month)
    };
    let a = analyse(&sentinel_spans(), None, basis);
    // The dates not after today: the three starts (January) and A's end (March).
    let through = a.observed_through.expect("observed");
    assert_eq!((through.year(), through.month()), (2024, 3));
    // One January cohort observed for periods 0..=2 (January to March), not to 2099.
    assert_eq!(a.cohorts.len(), 1);
    assert_eq!(a.cohorts[0].active.len(), 3);
    assert_eq!(
        a.cohorts[0].active[2],
        Some(3.0),
        "A is still there in March"
    );
    // The user's "data as of" date wins: through May, A gone, B and C censored at May.
    let as_of = CohortBasis {
        as_of: crate::model::calendar::Date::new(2024, 5, 20),
        ..basis
    };
    let b = analyse(&sentinel_spans(), None, as_of);
    assert_eq!(b.cohorts[0].active.len(), 5);
    assert_eq!(b.cohorts[0].active[4], Some(2.0));
}

#[test]
fn a_table_period_chosen_by_the_user_overrides_its_labels() {
    let labels = analyse(
        &no_subscriptions(),
        Some(&table()),
        CohortBasis::of_grain(Grain::Month),
    );
    assert_eq!(labels.period_months, Some(1), "2024-01 labels are months");
    assert_eq!(
        labels.observed_through, None,
        "a table is aggregated elsewhere"
    );
    let chosen = CohortBasis {
        table_period: Some(12),
        ..CohortBasis::of_grain(Grain::Month)
    };
    assert_eq!(
        analyse(&no_subscriptions(), Some(&table()), chosen).period_months,
        Some(12)
    );
}

#[test]
fn an_unreliable_fit_says_why() {
    // Exactly geometric survivors (everyone churns at 20 %): no spread to fit, the search
    // stops at its bound. The FH 2007 "regular" counts fit inside the bounds.
    let geometric: Vec<f64> = (0..8).map(|t| 1000.0 * 0.8f64.powi(t)).collect();
    let at_bound = fit(&[Survivors::from_counts(&geometric)]).expect("a fit");
    assert_eq!(unreliable_reason(&at_bound), Some(CohortKey::WhyAtBound));
    let regular = [1000.0, 631.0, 468.0, 382.0, 326.0, 289.0, 262.0, 241.0];
    let good = fit(&[Survivors::from_counts(&regular)]).expect("a fit");
    assert_eq!(unreliable_reason(&good), None);
}

/// The Fader–Hardie (2007) High End segment, years 0–7, as a one-cohort table.
fn high_end() -> Vec<CohortCell> {
    [1000.0, 869.0, 743.0, 653.0, 593.0, 551.0, 517.0, 491.0]
        .iter()
        .enumerate()
        .map(|(p, &n)| CohortCell {
            cohort: "high end".into(),
            period: p as u32,
            customers: n,
            revenue: None,
        })
        .collect()
}

#[test]
fn the_bdw_projects_when_the_data_reject_c_one_and_the_user_can_pick() {
    let cells = high_end();
    let a = analyse(
        &no_subscriptions(),
        Some(&cells),
        CohortBasis::of_grain(Grain::Month),
    );
    let (bdw, comparison) = a.bdw.as_ref().expect("both fits");
    // High End: c above 1 and the test rejects c = 1 (reference values in the model tests).
    assert!(bdw.model.c > 1.0 && comparison.p_value < 0.05);
    assert_eq!(projecting(&a, CohortView::default()), Preferred::Bdw);
    let view = models::models_view(&a, CohortView::default(), Lang::En).expect("a view");
    let names: Vec<&str> = view.figures.iter().map(|f| f.name).collect();
    assert_eq!(
        names,
        [
            "bdw-gamma",
            "bdw-delta",
            "bdw-c",
            "bdw-ll",
            "sbg-ll",
            "lr-pvalue"
        ]
    );
    assert!(view.reading.contains("rises with tenure"));
    let c = curves(&a, CohortView::default(), Lang::En, &[]);
    let projected = c.model.as_ref().expect("a projection");
    assert_eq!(projected.curve.label, "BdW fit");
    assert_eq!(projected.fitted, 8);
    assert_eq!(projected.curve.values, bdw.model.survival(19));
    assert_eq!(c.projection_label, "BdW projection");
    // Picking the sBG projects the sBG.
    let sbg = CohortView {
        projection: Some(Preferred::Sbg),
        ..CohortView::default()
    };
    let c = curves(&a, sbg, Lang::En, &[]);
    assert_eq!(
        c.model.as_ref().map(|m| m.curve.label.as_str()),
        Some("sBG fit")
    );
}

#[test]
fn an_unreliable_bdw_is_marked_and_never_projects_by_default() {
    // Exactly geometric survivors: no heterogeneity and no duration dependence to find, the
    // fits run to their bounds (as the sBG's test in the model shows).
    let cells: Vec<CohortCell> = (0..8)
        .map(|t| CohortCell {
            cohort: "flat".into(),
            period: t,
            customers: 1000.0 * 0.8f64.powi(t as i32),
            revenue: None,
        })
        .collect();
    let a = analyse(
        &no_subscriptions(),
        Some(&cells),
        CohortBasis::of_grain(Grain::Month),
    );
    let (bdw, _) = a.bdw.as_ref().expect("both fits run, at their bounds");
    assert!(!bdw.is_reliable());
    let view = models::models_view(&a, CohortView::default(), Lang::En).expect("a view");
    assert!(view
        .notice
        .as_deref()
        .is_some_and(|n| n.starts_with("The BdW fit is not reliable")));
    let marked: Vec<&str> = view
        .figures
        .iter()
        .filter(|f| f.unreliable)
        .map(|f| f.name)
        .collect();
    assert_eq!(marked, ["bdw-gamma", "bdw-delta", "bdw-c"]);
    assert_eq!(projecting(&a, CohortView::default()), Preferred::Sbg);
}

#[test]
fn the_base_of_the_fader_hardie_fixture_is_valued_by_hand() {
    // The fixture's two cohorts (Regular years 0–7, High End years 0–4) read as yearly: alive
    // now 241 with 7 renewals and 593 with 4. At the baseline's 10 % a year, with the pooled
    // fit (α 0.7015509536, β 2.082126325 in an independent mpmath fit), DERL(n = 8) =
    // 7.06232870705, DERL(n = 5) = 6.24133615791: 5,403.13356 customer-years. The last
    // period's aggregate retention (241 + 593) / (262 + 653) = 0.911475 gives the naive
    // 834 × r × 1.1 / (1.1 − r) = 4,435.42956521739, 17.91 % below.
    let counts: [(&str, &[f64]); 2] = [
        (
            "regular",
            &[1000.0, 631.0, 468.0, 382.0, 326.0, 289.0, 262.0, 241.0],
        ),
        ("high end", &[1000.0, 869.0, 743.0, 653.0, 593.0]),
    ];
    let cells: Vec<CohortCell> = counts
        .iter()
        .flat_map(|(cohort, counts)| {
            counts.iter().enumerate().map(|(p, &n)| CohortCell {
                cohort: (*cohort).into(),
                period: p as u32,
                customers: n,
                revenue: None,
            })
        })
        .collect();
    let basis = CohortBasis {
        table_period: Some(12),
        ..CohortBasis::of_grain(Grain::Month)
    };
    let a = analyse(&no_subscriptions(), Some(&cells), basis);
    let baseline = crate::forms::economics_form::SAMPLE_INPUTS;
    let v = base::base_view(
        &a,
        CohortView::default(),
        &baseline,
        Lang::En,
        crate::i18n::Currency::Usd,
    )
    .expect("a value");
    assert!(
        (v.value.derl_periods / 5_403.133_560_04 - 1.0).abs() < 1e-4,
        "{}",
        v.value.derl_periods
    );
    assert!((v.value.naive_periods - 4_435.429_565_217_39).abs() < 1e-6);
    assert!((v.value.misstatement - -0.179_100_5).abs() < 1e-4);
    assert!((v.period_discount - 0.1).abs() < 1e-12);
    assert!(
        v.explain.contains("understates the base by 17.9%"),
        "{}",
        v.explain
    );
    // A discount the user sets changes the value: at 20 % a year every DERL is shorter.
    let dearer = CohortView {
        base_discount: Some(0.2),
        ..CohortView::default()
    };
    let w = base::base_view(&a, dearer, &baseline, Lang::En, crate::i18n::Currency::Usd)
        .expect("a value");
    assert!(w.value.derl_periods < v.value.derl_periods);
}

/// Fader & Hardie (2007), regular customers, years 0–12, as a one-cohort table.
fn regular_twelve_years() -> Vec<CohortCell> {
    [
        1000.0, 631.0, 468.0, 382.0, 326.0, 289.0, 262.0, 241.0, 223.0, 207.0, 194.0, 183.0, 173.0,
    ]
    .iter()
    .enumerate()
    .map(|(p, &n)| CohortCell {
        cohort: "regular".into(),
        period: p as u32,
        customers: n,
        revenue: None,
    })
    .collect()
}

#[test]
fn a_calibrated_fit_is_compared_with_the_years_it_did_not_see() {
    let cells = regular_twelve_years();
    let basis = CohortBasis {
        calibration: Some(7),
        ..CohortBasis::of_grain(Grain::Month)
    };
    let a = analyse(&no_subscriptions(), Some(&cells), basis);
    assert_eq!(a.calibration, Some(7));
    // The paper's own calibration: years 1–7 give α = 0.704, β = 1.182.
    let f = a.fit.as_ref().unwrap().fit;
    assert!((f.model.alpha - 0.7041).abs() < 1e-3 && (f.model.beta - 1.1820).abs() < 1e-3);
    let view = CohortView {
        projection: Some(Preferred::Sbg),
        ..CohortView::default()
    };
    let table = projection::projection_table(&a, view).unwrap();
    // 13 observed years and 12 projected beyond them: periods 1–24.
    assert_eq!(table.rows.len(), 24);
    assert!(!table.rows[6].projected && table.rows[7].projected);
    assert_eq!(table.rows[11].observed, Some(0.173));
    assert_eq!(table.rows[12].observed, None);
    // Year 12: 1,000 S(12) = 170.04 projected (the reference fit in tests/band_reference.rs)
    // against 173 observed: −0.296 percentage points.
    let h = table.holdout.unwrap();
    assert_eq!((h.calibration, h.period), (7, 12));
    assert!((h.error_points() - -0.29625).abs() < 1e-3, "{h:?}");
    assert!(table
        .rows
        .iter()
        .all(|r| r.banded && r.point.low <= r.point.mid && r.point.mid <= r.point.high));
    // The chart holds years 8–12 out and draws the fit dotted over years 0–7 only.
    let c = curves(&a, view, Lang::En, &[]);
    assert_eq!(c.held_out, Some(7));
    assert_eq!(c.model.as_ref().unwrap().fitted, 8);
    assert_eq!(c.model.unwrap().band.len(), 25);
}

#[test]
fn a_calibration_as_long_as_the_data_holds_nothing_out() {
    let cells = regular_twelve_years();
    for k in [Some(0), Some(12), Some(40), None] {
        let basis = CohortBasis {
            calibration: k,
            ..CohortBasis::of_grain(Grain::Month)
        };
        let a = analyse(&no_subscriptions(), Some(&cells), basis);
        assert_eq!(a.calibration, None, "{k:?}");
        let table = projection::projection_table(&a, CohortView::default()).unwrap();
        assert_eq!(table.holdout, None);
    }
}

/// Three segments whose months paid are the log-rank example of `model::logrank` (lifelines:
/// χ² 4.7418588476935462 on 2 degrees of freedom), built as monthly rows: a churned customer
/// pays months 0 … m − 1; a censored one pays the last m months up to the observation month.
#[test]
fn segments_are_compared_by_the_log_rank_test() {
    use crate::model::portfolio::{Customer, MrrRow};
    let through = Month(24_013);
    let groups: [(&str, &[u32], &[u32]); 3] = [
        ("A", &[1, 2, 2, 3, 6, 8], &[5, 12, 12, 12]),
        ("B", &[1, 1, 2, 3, 3, 4, 6, 7], &[4, 9]),
        ("C", &[2, 4, 7, 9, 11], &[6, 10, 12, 12, 12]),
    ];
    let (mut rows, mut customers) = (Vec::new(), Vec::new());
    for (segment, churned, censored) in groups {
        let runs = churned
            .iter()
            .map(|&m| (0, m))
            .chain(censored.iter().map(|&m| (13 - m as i32 + 1, m)));
        for (start, months) in runs {
            let id = format!("{segment}{}", customers.len());
            for k in 0..months as i32 {
                rows.push(MrrRow {
                    customer_id: id.clone(),
                    month: Month(24_000 + start + k),
                    mrr: 100.0,
                });
            }
            customers.push(Customer {
                id,
                segment: Some(segment.into()),
                ..Customer::default()
            });
        }
    }
    // One paying customer the customer file does not know.
    rows.push(MrrRow {
        customer_id: "stranger".into(),
        month: Month(24_005),
        mrr: 100.0,
    });
    let s =
        km::km_by_segment(&Subscriptions::Monthly(rows), &customers, through, Lang::En).unwrap();
    assert!(
        (s.test.statistic - 4.741_858_847_693_546).abs() < 1e-9,
        "{s:?}"
    );
    assert!((s.test.p_value - 0.093_393_883_425_002_71).abs() < 1e-10);
    let names: Vec<&str> = s.rows.iter().map(|r| r.segment.as_str()).collect();
    assert_eq!(names, ["A", "B", "C"]);
    assert_eq!(
        s.rows.iter().map(|r| r.customers).collect::<Vec<_>>(),
        [10, 10, 10]
    );
    assert_eq!(s.unmatched, 1);
    assert!(s.reading.contains("no difference"));
}

/// A column of names mapped as "segment" makes as many groups as customers: past
/// `km::MAX_SEGMENTS` there is no test rather than an O(k³) wait.
#[test]
fn too_many_segments_are_not_tested() {
    use crate::model::portfolio::{Customer, MrrRow};
    let n = km::MAX_SEGMENTS + 1;
    let rows: Vec<MrrRow> = (0..n)
        .flat_map(|i| {
            (0..=i as i32 % 3).map(move |m| MrrRow {
                customer_id: format!("c{i}"),
                month: Month(24_000 + m),
                mrr: 100.0,
            })
        })
        .collect();
    let customers: Vec<Customer> = (0..n)
        .map(|i| Customer {
            id: format!("c{i}"),
            segment: Some(format!("s{i}")),
            ..Customer::default()
        })
        .collect();
    let monthly = Subscriptions::Monthly(rows);
    assert_eq!(
        km::km_by_segment(&monthly, &customers, Month(24_005), Lang::En),
        None
    );
    // Two segments of the same customers are tested.
    let two: Vec<Customer> = customers
        .into_iter()
        .map(|c| Customer {
            segment: Some(if c.id.len() % 2 == 0 { "a" } else { "b" }.into()),
            ..c
        })
        .collect();
    assert!(km::km_by_segment(&monthly, &two, Month(24_005), Lang::En).is_some());
}
