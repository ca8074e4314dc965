//! The sBG model against an independent implementation: SciPy 1.17.1 (scipy.optimize
//! Nelder-Mead on the log-likelihood written with scipy.special.betaln; DEL/DERL with
//! scipy.special.hyp2f1), run by hand with `tests/reference/sbg_reference.py` on Fader &
//! Hardie's (2007) published survivor data. And a simulation: customers drawn from known α, β
//! are recovered within tolerance.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

use retention_lab::model::sbg::{fit, log_likelihood, Sbg, Survivors};

const REGULAR: [f64; 8] = [1000.0, 631.0, 468.0, 382.0, 326.0, 289.0, 262.0, 241.0];
const HIGH_END_4: [f64; 5] = [1000.0, 869.0, 743.0, 653.0, 593.0];

#[test]
fn pooled_fit_matches_scipy() {
    // SciPy: pooled: alpha=0.701551 beta=2.082126 ll=-3003.951669
    let cohorts = [
        Survivors::from_counts(&REGULAR),
        Survivors::from_counts(&HIGH_END_4),
    ];
    let f = fit(&cohorts).unwrap();
    assert!((f.model.alpha - 0.701551).abs() < 1e-4, "{f:?}");
    assert!((f.model.beta - 2.082126).abs() < 1e-4, "{f:?}");
    assert!((f.log_likelihood - -3003.951669).abs() < 1e-4, "{f:?}");
}

#[test]
fn single_cohort_fit_matches_scipy() {
    // SciPy: regular: alpha=0.704077 beta=1.182043 ll=-1680.265188
    let f = fit(&[Survivors::from_counts(&REGULAR)]).unwrap();
    assert!(
        (f.model.alpha - 0.704077).abs() < 1e-4 && (f.model.beta - 1.182043).abs() < 1e-4,
        "{f:?}"
    );
    assert!((f.log_likelihood - -1680.265188).abs() < 1e-4);
}

#[test]
fn del_and_derl_match_scipy_hyp2f1() {
    // SciPy: DEL(0.1 | 0.668, 3.806) = 5.922596408; DERL(0.1 | 0.668, 3.806, n=3) = 6.294260617
    let m = Sbg::new(0.668, 3.806).unwrap();
    assert!((m.del(0.1).unwrap() - 5.922596408).abs() < 1e-8);
    assert!((m.derl(0.1, 3).unwrap() - 6.294260617).abs() < 1e-8);
}

/// Draws `n` customers with θ ~ Beta(α, β) and follows them for `periods`, returning the
/// survivor counts. Beta draws via two Gamma draws (Marsaglia–Tsang), from a seeded
/// SplitMix64, so the test is deterministic.
fn simulate(alpha: f64, beta: f64, n: usize, periods: usize, seed: u64) -> Vec<f64> {
    let mut state = seed;
    let mut uniform = move || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut normal = |u: &mut dyn FnMut() -> f64| {
        let (a, b) = (u().max(1e-300), u());
        (-2.0 * a.ln()).sqrt() * (std::f64::consts::TAU * b).cos()
    };
    let gamma = |shape: f64,
                 u: &mut dyn FnMut() -> f64,
                 normal: &mut dyn FnMut(&mut dyn FnMut() -> f64) -> f64|
     -> f64 {
        let (k, boost) = if shape < 1.0 {
            (shape + 1.0, true)
        } else {
            (shape, false)
        };
        let d = k - 1.0 / 3.0;
        let c = 1.0 / (9.0 * d).sqrt();
        let draw = loop {
            let x = normal(u);
            let v = (1.0 + c * x).powi(3);
            if v > 0.0 && u().ln() < 0.5 * x * x + d - d * v + d * v.ln() {
                break d * v;
            }
        };
        if boost {
            draw * u().powf(1.0 / shape)
        } else {
            draw
        }
    };
    let mut alive = vec![0.0; periods + 1];
    for _ in 0..n {
        let x = gamma(alpha, &mut uniform, &mut normal);
        let y = gamma(beta, &mut uniform, &mut normal);
        let theta = x / (x + y);
        alive[0] += 1.0;
        for count in alive.iter_mut().skip(1) {
            if uniform() < theta {
                break;
            }
            *count += 1.0;
        }
    }
    alive
}

#[test]
fn simulated_customers_are_recovered() {
    for (alpha, beta, seed) in [(0.7, 1.2, 1), (2.0, 8.0, 2), (0.4, 3.0, 3)] {
        // 36 monthly cohorts of 400 customers observed 36, 35, … 1 periods (a triangle).
        let cohorts: Vec<Survivors> = (0..36)
            .map(|i| {
                Survivors::from_counts(&simulate(alpha, beta, 400, 36 - i, seed * 1000 + i as u64))
            })
            .collect();
        let f = fit(&cohorts).unwrap();
        let (se_a, se_b) = f.std_errors.unwrap();
        // Within 3 standard errors (and 25 %) of the truth.
        assert!(
            (f.model.alpha - alpha).abs() < (3.0 * se_a).max(0.05)
                && (f.model.alpha / alpha - 1.0).abs() < 0.25,
            "α {alpha}: {f:?}"
        );
        assert!(
            (f.model.beta - beta).abs() < (3.0 * se_b).max(0.05)
                && (f.model.beta / beta - 1.0).abs() < 0.25,
            "β {beta}: {f:?}"
        );
        // The fit is at least as likely as the truth and the starting point.
        assert!(
            f.log_likelihood >= log_likelihood(&Sbg::new(alpha, beta).unwrap(), &cohorts) - 1e-6
        );
    }
}
