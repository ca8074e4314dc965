//! The 90 % bands of the sBG and BdW projections against an independent implementation:
//! `tests/reference/band_reference.py` (maximum likelihood by SciPy, polished by Newton steps
//! in mpmath at 40 digits; the Hessian and the curve gradients by mpmath differentiation,
//! cross-checked with numdifftools), run by hand on Fader & Hardie's (2007) survivor data.
//! The band is defined in `model::band`: the delta method on ln(−ln S) for survival, on
//! logit r for the period retention rate, z = 1.6449. Calibrated fits use the first k years.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

use retention_lab::model::band::BandPoint;
use retention_lab::model::bdw::{bdw_band, fit_bdw};
use retention_lab::model::sbg::{fit, sbg_band, Survivors};

const REGULAR: [f64; 13] = [
    1000.0, 631.0, 468.0, 382.0, 326.0, 289.0, 262.0, 241.0, 223.0, 207.0, 194.0, 183.0, 173.0,
];
const HIGH_END: [f64; 13] = [
    1000.0, 869.0, 743.0, 653.0, 593.0, 551.0, 517.0, 491.0, 468.0, 445.0, 427.0, 409.0, 394.0,
];

/// The first `k` years of a segment (k + 1 counts, year 0 included).
fn calibrated(counts: &[f64], k: usize) -> Survivors {
    Survivors::from_counts(&counts[..=k])
}

/// Our finite-difference Hessian and gradients against the reference's 40-digit ones.
const TOLERANCE: f64 = 2e-5;

fn assert_band(point: &BandPoint, mid: f64, low: f64, high: f64) {
    let close = |a: f64, b: f64| (a - b).abs() < TOLERANCE;
    assert!(
        close(point.mid, mid) && close(point.low, low) && close(point.high, high),
        "period {}: got {} [{}, {}], expected {mid} [{low}, {high}]",
        point.period,
        point.mid,
        point.low,
        point.high
    );
}

#[test]
fn sbg_regular_calibrated_on_seven_years() {
    let data = [calibrated(&REGULAR, 7)];
    let f = fit(&data).unwrap();
    let band = sbg_band(&f, &data, 12).unwrap();
    assert_band(
        &band[1],
        0.626706054083875,
        0.601984496192329,
        0.650363928907089,
    );
    assert_band(
        &band[7],
        0.239023614029975,
        0.217305637630934,
        0.26135388321468,
    );
    assert_band(
        &band[12],
        0.170037452811511,
        0.148869271200066,
        0.192421593790314,
    );
    let (low, r, high) = band[12].rate.unwrap();
    assert!((r - 0.945361576585244).abs() < TOLERANCE);
    assert!((low - 0.937938037648563).abs() < TOLERANCE, "{low}");
    assert!((high - 0.951942646173216).abs() < TOLERANCE, "{high}");
    // The held-out year 12: projected − actual survivors of the 1,000.
    assert!((1000.0 * band[12].mid - 173.0 - -2.96254718848911).abs() < 0.01);
}

#[test]
fn sbg_high_end_calibrated_on_five_years() {
    let data = [calibrated(&HIGH_END, 5)];
    let f = fit(&data).unwrap();
    assert!((f.model.alpha - 0.875381966670476).abs() < 1e-4, "{f:?}");
    let band = sbg_band(&f, &data, 12).unwrap();
    assert_band(
        &band[12],
        0.346854457320248,
        0.303330270932236,
        0.390691274027745,
    );
}

#[test]
fn bdw_bands_match() {
    let data = [calibrated(&REGULAR, 5)];
    let f = fit_bdw(&data).unwrap();
    assert!((f.model.c - 1.2363054562829784).abs() < 1e-3, "{f:?}");
    let band = bdw_band(&f, &data, 12).unwrap();
    assert_band(
        &band[1],
        0.631007270974248,
        0.605332955986396,
        0.655513421941462,
    );
    assert_band(
        &band[12],
        0.174419947644643,
        0.145332927460623,
        0.205747089876307,
    );

    let data = [calibrated(&HIGH_END, 7)];
    let f = fit_bdw(&data).unwrap();
    let band = bdw_band(&f, &data, 12).unwrap();
    assert_band(
        &band[1],
        0.869423662127224,
        0.850805726220662,
        0.885876111470099,
    );
    assert_band(
        &band[12],
        0.403929590700038,
        0.373061807618659,
        0.434557254167416,
    );
    let (low, _, high) = band[12].rate.unwrap();
    assert!(
        (low - 0.963077168098611).abs() < TOLERANCE && (high - 0.973747481484859).abs() < TOLERANCE
    );
}

#[test]
fn pooled_cohorts_with_different_lengths() {
    let data = [calibrated(&REGULAR, 7), calibrated(&HIGH_END, 4)];
    let f = fit(&data).unwrap();
    let band = sbg_band(&f, &data, 10).unwrap();
    assert_band(
        &band[1],
        0.74797690847564,
        0.732516257488167,
        0.762694199498809,
    );
    assert_band(
        &band[10],
        0.279912186194327,
        0.258197235104924,
        0.301995517092793,
    );
}

/// A figure built on the fit: the sBG LTV with the mean churn held at 0.3 and only the
/// polarisation 1/(α + β + 1) from the fit (v = 100, d = 0.1, 10 periods), on the log scale.
/// mpmath: 362.4339751999592 in [352.4579019831025, 372.6924141582793].
#[test]
fn an_ltv_built_on_the_fit_gets_its_band() {
    use retention_lab::model::band::value_band;
    use retention_lab::model::economics::sbg_ltv;
    use retention_lab::model::sbg::sbg_covariance;
    let data = [calibrated(&REGULAR, 7)];
    let f = fit(&data).unwrap();
    let v = sbg_covariance(&f, &data).unwrap();
    let x = [f.model.alpha.ln(), f.model.beta.ln()];
    let ltv = |p: [f64; 2]| {
        let polarisation = 1.0 / (p[0].exp() + p[1].exp() + 1.0);
        sbg_ltv(100.0, 0.3, polarisation, 0.1, 10).unwrap()
    };
    assert!((ltv(x) - 362.4339751999592).abs() < 1e-3);
    let (low, high) = value_band(x, &v, &ltv).unwrap();
    assert!((low - 352.4579019831025).abs() < 1e-3, "{low}");
    assert!((high - 372.6924141582793).abs() < 1e-3, "{high}");
}
