use super::*;
use crate::model::sbg::Sbg;

fn base() -> EconomicsInputs {
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

/// The example: ARPA 1,000 a month (12,000 a year), margin 80 %, 5 years.
fn thousand_a_month(logo_renewal: f64) -> EconomicsInputs {
    EconomicsInputs {
        arr: 1_200_000.0,
        customers: 100.0,
        logo_renewal,
        ..base()
    }
}

/// A yearly setting (polarisation 0.2).
fn sbg() -> PeriodSbg {
    yearly(Sbg::from_mean_and_polarisation(0.2, 0.2).unwrap())
}

fn yearly(model: Sbg) -> PeriodSbg {
    PeriodSbg::new(model, 12).unwrap()
}

#[test]
fn renewal_80_upsell_10_gives_ndr_and_grr() {
    let e = economics(&base(), &sbg()).unwrap();
    assert!((e.grr - 0.76).abs() < 1e-12);
    assert!((e.ndr - 0.84).abs() < 1e-12);
    assert!((e.logo_churn - 0.2).abs() < 1e-12);
    assert_eq!(e.arpa, 10_000.0);
    // Payback = 12,000 / (10,000 / 12 × 0.8) = 18 months.
    assert!((e.payback_months - 18.0).abs() < 1e-9);
    assert_eq!(e.existing_revenue.len(), 6);
    assert!((e.existing_revenue[1] - 840_000.0).abs() < 1e-6);
}

#[test]
fn dollar_renewal_is_renewal_revenue_over_revenue_up_for_renewal() {
    // Counted on a book of 100 accounts of 10,000: 80 renew, each at 10,000 × (1 − 0.05 +
    // 0.10) = 10,500, so renewal revenue is 840,000 of the 1,000,000 up for renewal.
    let renewal_revenue = 80.0 * 10_500.0;
    let e = economics(&base(), &sbg()).unwrap();
    assert!((e.dollar_renewal - renewal_revenue / 1_000_000.0).abs() < 1e-12);
    assert!(
        (e.dollar_renewal - (1.0 - e.logo_churn)).abs() > 0.01,
        "续费率 is not 续约率"
    );
}

#[test]
fn simple_ltv_is_the_labelled_formula_without_a_cap() {
    // python3: 1000 * 0.8 / (1 - 0.85 ** (1 / 12)) = 59470.94…; at 95 %: 187559.25…
    let at = |r: f64| economics(&thousand_a_month(r), &sbg()).unwrap();
    let e = at(0.85).ltv_simple.unwrap();
    assert!((e - 59_470.945).abs() < 0.01, "{e}");
    let e = at(0.95).ltv_simple.unwrap();
    assert!((e - 187_559.252).abs() < 0.01, "{e}");
    // The old cap (48,000 = 60 months × 800) is gone: every renewal above 82 % differs.
    assert!(at(0.83).ltv_simple < at(0.84).ltv_simple);
}

#[test]
fn no_churn_leaves_simple_ltv_undefined_not_capped() {
    let e = economics(&thousand_a_month(1.0), &sbg()).unwrap();
    assert_eq!(e.ltv_simple, None);
}

#[test]
fn sbg_ltv_is_continuous_at_full_renewal() {
    // At 100 % nobody leaves: Σ_{t<5} 12,000 × 0.8 / 1.1ᵗ = 40,030.71 (python3).
    let at = |r: f64| economics(&thousand_a_month(r), &sbg()).unwrap();
    let full = at(1.0);
    assert!((full.ltv_sbg - 40_030.708).abs() < 0.01, "{}", full.ltv_sbg);
    assert!((full.ltv_single_rate - 40_030.708).abs() < 0.01);
    let nearly = at(0.9999).ltv_sbg;
    assert!(
        nearly <= full.ltv_sbg && full.ltv_sbg - nearly < 10.0,
        "{nearly}"
    );
    // Non-decreasing in renewal, up to and including 100 %.
    let grid: Vec<f64> = (0..=100)
        .map(|k| at(f64::from(k) / 100.0).ltv_sbg)
        .collect();
    assert!(grid.windows(2).all(|w| w[1] >= w[0]), "{grid:?}");
}

#[test]
fn cac_zero_gives_no_ratio() {
    let free = EconomicsInputs { cac: 0.0, ..base() };
    let e = economics(&free, &sbg()).unwrap();
    assert_eq!((e.ltv_cac, e.ltv_cac_discounted), (None, None));
    // The benchmark's basis: monthly ARPA × margin / monthly churn, undiscounted:
    // 10,000 / 12 × 0.8 / (1 − 0.8^(1/12)) = 36,185.7273 (mpmath), / 12,000 = 3.015477.
    // Beside it, the discounted LTV over 5 years: 25,057.0959 / 12,000 = 2.088091.
    let e = economics(&base(), &sbg()).unwrap();
    assert!(
        (e.ltv_cac.unwrap() - 3.015_477).abs() < 1e-6,
        "{:?}",
        e.ltv_cac
    );
    assert!((e.ltv_cac_discounted.unwrap() - 2.088_091).abs() < 1e-6);
    // Nobody churns: simple LTV and its ratio are undefined, the discounted ratio is not.
    let loyal = EconomicsInputs {
        logo_renewal: 1.0,
        ..base()
    };
    let e = economics(&loyal, &sbg()).unwrap();
    assert_eq!(e.ltv_cac, None);
    assert!(e.ltv_cac_discounted.is_some());
}

#[test]
fn lifting_renewal_and_upsell_lifts_ndr_above_the_baseline() {
    let lifted = EconomicsInputs {
        logo_renewal: 0.85,
        expansion: 0.15,
        ..base()
    };
    let before = economics(&base(), &sbg()).unwrap();
    let after = economics(&lifted, &sbg()).unwrap();
    assert!(after.ndr > before.ndr && after.ltv_discounted > before.ltv_discounted);
    assert!(after.total_revenue[1] > before.total_revenue[1]);
}

#[test]
fn rejects_impossible_inputs_and_accepts_no_discount() {
    let bad = |i: EconomicsInputs| economics(&i, &sbg()).is_err();
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
    assert!(bad(EconomicsInputs {
        cac: f64::NAN,
        ..base()
    }));
    // Horizon-bounded valuations need no discount rate: 0 % is a valid choice.
    let e = economics(
        &EconomicsInputs {
            discount: 0.0,
            ..base()
        },
        &sbg(),
    )
    .unwrap();
    // Yearly periods, no discount, one rate: Σ_{t<5} 8,000 × 0.8ᵗ = 8,000 × (1 − 0.8⁵)/0.2.
    assert!((e.ltv_single_rate - 8_000.0 * (1.0 - 0.8f64.powi(5)) / 0.2).abs() < 1e-6);
}

#[test]
fn sbg_ltv_uses_the_period_of_its_grain_and_the_scenario_churn() {
    // Monthly periods: the scenario's monthly churn 1 − 0.8^(1/12) as the mean, the setting's
    // polarisation 0.1, the monthly discount 1.1^(1/12) − 1, 60 months. python3 with
    // lgamma: S(t) = B(α, β + t)/B(α, β) → sBG 25,884.19; single rate 20,276.79.
    let setting = Sbg::from_mean_and_polarisation(0.03, 0.1).unwrap();
    let e = economics(&base(), &PeriodSbg::new(setting, 1).unwrap()).unwrap();
    assert!((e.ltv_sbg - 25_884.186).abs() < 0.01, "{}", e.ltv_sbg);
    assert!(
        (e.ltv_single_rate - 20_276.790).abs() < 0.01,
        "{}",
        e.ltv_single_rate
    );
    let better = economics(
        &EconomicsInputs {
            logo_renewal: 0.9,
            ..base()
        },
        &PeriodSbg::new(setting, 1).unwrap(),
    )
    .unwrap();
    assert!(better.ltv_sbg > e.ltv_sbg);
}

#[test]
fn the_setting_period_sets_the_valuation_period() {
    // Single-rate LTV on the base scenario (ARPA 10,000 a year, margin 0.8, renewal 0.8,
    // discount 10 %, 5 years), per period of m months, summed directly in Python (mpmath,
    // 40 digits): Σ_{k < 60/m} 8,000 m/12 × (0.8 / 1.1)^(k m/12). The period matters: yearly
    // periods collect a whole year before anyone can churn, so they value the same customers
    // higher. Reading a monthly setting as yearly was the gap between the first and the last.
    let setting = Sbg::from_mean_and_polarisation(0.03, 0.1).unwrap();
    for (m, want) in [
        (1, 20_276.789_651_02),
        (3, 20_817.207_697_95),
        (12, 23_365.070_691_89),
    ] {
        let e = economics(&base(), &PeriodSbg::new(setting, m).unwrap()).unwrap();
        assert!(
            (e.ltv_single_rate - want).abs() < 1e-6,
            "{m}: {}",
            e.ltv_single_rate
        );
    }
    let bad = PeriodSbg {
        model: setting,
        period_months: 5,
    };
    assert!(economics(&base(), &bad).is_err());
}
