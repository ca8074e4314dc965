//! SplitMix64 (Steele, Lea & Flood, "Fast splittable pseudorandom number generators", 2014):
//! the app's one random number generator (the sample portfolio, the benchmark's CSV). Written
//! out rather than taken from `rand` because the sample must give the very same numbers in
//! every build, natively and in wasm, for ever (tests and saved screenshots depend on it), and
//! `rand`'s `StdRng` does not promise a stable output across versions; the generator is a
//! dozen lines with published constants.

/// SplitMix64: a small, fast, well-tested generator; deterministic for a seed.
pub struct SplitMix64(pub u64);

impl SplitMix64 {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Standard normal, by Marsaglia's polar method (G. Marsaglia and T. A. Bray, "A convenient
    /// method for generating normal variables", SIAM Review 6(3), 1964): a point drawn uniformly
    /// in the unit disc gives `u·√(−2 ln s / s)`.
    pub fn normal(&mut self) -> f64 {
        loop {
            let u = 2.0 * self.uniform() - 1.0;
            let v = 2.0 * self.uniform() - 1.0;
            let s = u * u + v * v;
            if s > 0.0 && s < 1.0 {
                return u * (-2.0 * s.ln() / s).sqrt();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uniform_is_in_range_and_normal_is_standard() {
        let mut rng = SplitMix64(1);
        let draws: Vec<f64> = (0..100_000).map(|_| rng.normal()).collect();
        let mean = draws.iter().sum::<f64>() / draws.len() as f64;
        let var = draws.iter().map(|d| (d - mean).powi(2)).sum::<f64>() / draws.len() as f64;
        assert!(
            mean.abs() < 0.02 && (var - 1.0).abs() < 0.02,
            "mean {mean} var {var}"
        );
        assert!((0..10_000).all(|_| (0.0..1.0).contains(&rng.uniform())));
    }
}
