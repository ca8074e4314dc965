//! Expected values are worked by hand from the definitions (NDR = end ARR / start ARR of the
//! same customers; projection compounds ARR by NDR and adds new business).
use super::*;
use crate::model::sbg::Sbg;

fn inputs(start: f64, churned: f64, contraction: f64, expansion: f64) -> BridgeInputs {
    BridgeInputs {
        start_arr: start,
        churned_arr: churned,
        contraction_arr: contraction,
        expansion_arr: expansion,
    }
}

#[test]
fn bridge_of_a_year_that_lost_a_little_and_grew_more() {
    let f = bridge_figures(&inputs(1000.0, 100.0, 50.0, 200.0), Lang::En, Currency::Usd);
    let b = f.bridge.expect("valid inputs");
    // 1000 − 100 − 50 + 200 = 1050 at the end: NDR 1.05, GRR (1000 − 150) / 1000 = 0.85.
    assert!((b.end_arr - 1050.0).abs() < 1e-9);
    assert!((b.ndr - 1.05).abs() < 1e-12);
    assert!((b.grr - 0.85).abs() < 1e-12);
    // Above 100 % but below 120 %; GRR under the 90 % benchmark.
    assert_eq!(
        f.bands,
        Some((NdrBand::NegativeChurn, GrrBand::BelowBenchmark))
    );
    let w = f.waterfall.expect("a chart for valid inputs");
    let steps: Vec<(StepKind, f64)> = w.steps.iter().map(|s| (s.kind, s.amount)).collect();
    assert_eq!(
        steps,
        [
            (StepKind::Total, 1000.0),
            (StepKind::Decrease, 100.0),
            (StepKind::Decrease, 50.0),
            (StepKind::Increase, 200.0),
            (StepKind::Total, 1050.0),
        ]
    );
    assert_eq!(
        w.y_label,
        "ARR ($)".replace("ARR", Lang::En.t(Key::ChartAxisArr))
    );
}

#[test]
fn refused_bridge_has_no_chart_and_no_bands() {
    let f = bridge_figures(&inputs(0.0, 0.0, 0.0, 0.0), Lang::Zh, Currency::Cny);
    assert!(f.bridge.is_err());
    assert_eq!(f.waterfall, None);
    assert_eq!(f.bands, None);
}

#[test]
fn bridge_rows_list_inputs_then_results() {
    let i = inputs(200.0, 20.0, 0.0, 10.0);
    let b = bridge(i).expect("valid");
    let rows = bridge_rows(&i, &b, Lang::En);
    assert_eq!(rows[0], (Lang::En.t(Key::StartArr), 200.0));
    // End ARR 190, NDR 0.95, net churn 1 − 0.95.
    assert_eq!(rows[4], (Lang::En.t(Key::BarEnd), 190.0));
    assert_eq!(rows[5].0, Lang::En.t(EconKey::Ndr));
    assert!((rows[5].1 - 0.95).abs() < 1e-12);
    assert_eq!(rows[8].0, Lang::En.t(Key::NetChurn));
    assert!((rows[8].1 - 0.05).abs() < 1e-12);
}

/// ARR 1 M over 100 customers, 90 % renew, 10 % contraction and 20 % expansion at renewal,
/// 100 k new business a year, three years.
fn plan() -> EconomicsInputs {
    EconomicsInputs {
        arr: 1_000_000.0,
        customers: 100.0,
        logo_renewal: 0.9,
        contraction: 0.1,
        expansion: 0.2,
        referral: 0.0,
        new_business: 100_000.0,
        gross_margin: 0.8,
        cac: 5_000.0,
        discount: 0.1,
        horizon_years: 3,
    }
}

fn heterogeneity() -> Heterogeneity {
    Heterogeneity {
        model: Sbg {
            alpha: 1.0,
            beta: 9.0,
        },
        period_months: 1,
        from_cohorts: false,
        discount: 0.01,
        covariance: None,
    }
}

#[test]
fn projection_compounds_by_ndr_and_adds_new_business() {
    let broken = EconomicsInputs {
        customers: 0.0,
        ..plan()
    };
    let typed = |name: &str| ScenarioName::Typed(name.into());
    let list = [(typed("Plan"), plan()), (typed("Broken"), broken)];
    let f = scenarios(&list, &heterogeneity(), Lang::En, Currency::Usd);
    assert_eq!(f.names, ["Plan", "Broken"]);
    assert!(f.results[0].is_ok() && f.results[1].is_err());
    // GRR 0.9 × 0.9 = 0.81, NDR 0.81 + 0.9 × 0.2 = 0.99.
    let series = &f.projection.scenarios;
    assert_eq!(series.len(), 1, "only computable scenarios are drawn");
    let expected_existing = [1_000_000.0, 990_000.0, 980_100.0, 970_299.0];
    for (got, want) in series[0].existing.iter().zip(expected_existing) {
        assert!((got - want).abs() < 1e-6, "{got} vs {want}");
    }
    // 1 M × 0.99 + 100 k = 1.09 M; 1.09 M × 0.99 + 100 k = 1.1791 M.
    assert!((series[0].total[1] - 1_090_000.0).abs() < 1e-6);
    assert!((series[0].total[2] - 1_179_100.0).abs() < 1e-6);
    assert_eq!(f.ltv.groups.len(), 1);
    assert_eq!(f.ltv.groups[0].scenario, "Plan");
    // The chart draws the four LTVs the table lists, computed independently in Python
    // (mpmath): simple 76,263.5937611; discounted 8,000 × (1 + 0.9 + 0.81) = 21,680;
    // one churn rate 18,182.377236; sBG 19,344.1674489.
    let want = [76_263.593_761_1, 21_680.0, 18_182.377_236, 19_344.167_448_9];
    for (got, want) in f.ltv.groups[0].values.iter().zip(want) {
        assert!(
            got.is_some_and(|v| (v - want).abs() < 1e-3),
            "{got:?} vs {want}"
        );
    }
    assert_eq!(f.ltv.methods[2], Lang::En.t(EconKey::SingleRate));
}

#[test]
fn app_given_names_follow_the_language() {
    let baseline = ScenarioName::Given(crate::forms::scenario::GivenName::Baseline);
    let f = scenarios(
        &[(baseline.clone(), plan())],
        &heterogeneity(),
        Lang::En,
        Currency::Usd,
    );
    assert_eq!(f.names, [Lang::En.t(EconKey::Baseline)]);
    let f = scenarios(
        &[(baseline, plan())],
        &heterogeneity(),
        Lang::Zh,
        Currency::Usd,
    );
    assert_eq!(f.names, ["基准"]);
}

#[test]
fn tornados_leave_out_levers_that_do_not_move_the_metric() {
    let f = scenarios(
        &[(ScenarioName::Typed("Plan".into()), plan())],
        &heterogeneity(),
        Lang::En,
        Currency::Usd,
    );
    let [ltv, ndr] = f.tornados.expect("a baseline").expect("perturbable");
    // NDR depends on renewal, contraction and expansion only: CAC, margin and the discount
    // rate do not move it.
    let labels: Vec<&str> = ndr.bars.iter().map(|b| b.label.as_str()).collect();
    for lever in [EconKey::Cac, EconKey::GrossMargin, EconKey::DiscountRate] {
        assert!(!labels.contains(&Lang::En.t(lever)), "{labels:?}");
    }
    assert!(labels.contains(&Lang::En.t(EconKey::Expansion)));
    assert!((ndr.base - 0.99).abs() < 1e-12);
    assert!(ltv.bars.len() <= 6 && !ltv.bars.is_empty());
    assert!(ltv.bars.iter().all(|b| b.low != b.high));
    assert_eq!(ltv.x_label, "LTV ($)");
}

#[test]
fn no_scenarios_means_no_tornado() {
    let f = scenarios(&[], &heterogeneity(), Lang::En, Currency::Usd);
    assert_eq!(f.tornados, None);
    assert!(f.projection.scenarios.is_empty());
}

#[test]
fn result_rows_judge_benchmarks_and_deltas_against_the_baseline() {
    let sbg = Sbg::new(1.0, 4.0).expect("valid");
    let sbg = crate::model::period::PeriodSbg {
        model: sbg,
        period_months: 12,
    };
    let base = economics(&plan(), &sbg);
    // Expansion 45 % instead of 20 %: NDR 0.9 × (1 − 0.1 + 0.45) = 1.215, above 120 %.
    let more = economics(
        &EconomicsInputs {
            expansion: 0.45,
            ..plan()
        },
        &sbg,
    );
    let broken = Err(ModelError::NotPositive { field: "discount" });
    let rows = result_rows(&[base, more, broken], Lang::En);
    let row = |name: &str| rows.iter().find(|r| r.name == name).expect("a row");
    let ndr = row("ndr");
    assert_eq!(ndr.benchmark.as_ref().map(|b| b.threshold), Some(1.2));
    let [Ok(a), Ok(b), Err(_)] = &ndr.cells[..] else {
        panic!("two results and an error: {:?}", ndr.cells)
    };
    let (va, vb) = (a.value.expect("defined"), b.value.expect("defined"));
    assert!((va - 0.99).abs() < 1e-12 && (vb - 1.215).abs() < 1e-12);
    assert_eq!((a.meets, b.meets), (Some(false), Some(true)));
    assert_eq!(a.delta, None, "the baseline has no delta");
    let d = b.delta.expect("a delta");
    assert!((d.value - 0.225).abs() < 1e-12);
    assert_eq!(d.better, Some(true));
    // GRR does not depend on expansion: no difference, neither better nor worse.
    let Ok(grr) = &row("grr").cells[1] else {
        panic!("a result")
    };
    assert_eq!(grr.delta.map(|d| d.better), Some(None));
    // Payback passes at or below 12 months; logo churn has no benchmark.
    assert_eq!(
        row("payback-months").benchmark.as_ref().map(|b| b.above),
        Some(false)
    );
    assert_eq!(row("logo-churn").benchmark, None);
    // LTV:CAC is judged on simple LTV (76,263.59 / 5,000 = 15.25); the discounted ratio
    // (21,680 / 5,000 = 4.336) is shown beside it without a benchmark.
    let Ok(ratio) = &row("ltv-cac").cells[0] else {
        panic!("a result")
    };
    assert!(ratio.value.is_some_and(|v| (v - 15.252_719).abs() < 1e-5));
    assert_eq!(ratio.meets, Some(true));
    let discounted = row("ltv-cac-discounted");
    assert_eq!(discounted.benchmark, None);
    let Ok(cell) = &discounted.cells[0] else {
        panic!("a result")
    };
    assert!(cell.value.is_some_and(|v| (v - 4.336).abs() < 1e-9));
}

#[test]
fn ndr_must_exceed_120_percent() {
    // Seed 004: "优秀的SaaS产品一般可以实现NDR大于120%". Expansion 1/3 at 90 % renewal and
    // 10 % contraction: NDR 0.9 × (0.9 + 1/3) = 1.11; expansion 13/30: 0.9 × (0.9 + 0.4333…)
    // = 1.2 up to rounding, which is not above 120 %; expansion 0.46: 1.224.
    let sbg = heterogeneity().sbg();
    let at = |expansion: f64| {
        economics(
            &EconomicsInputs {
                expansion,
                ..plan()
            },
            &sbg,
        )
    };
    let rows = result_rows(&[at(1.0 / 3.0), at(13.0 / 30.0), at(0.46)], Lang::En);
    let ndr = rows.iter().find(|r| r.name == "ndr").expect("a row");
    let meets: Vec<Option<bool>> = ndr
        .cells
        .iter()
        .map(|c| c.as_ref().ok().and_then(|c| c.meets))
        .collect();
    assert_eq!(meets, [Some(false), Some(false), Some(true)]);
    let Ok(exact) = &ndr.cells[1] else {
        panic!("a result")
    };
    assert!((exact.value.expect("defined") - 1.2).abs() < 1e-12);
}
