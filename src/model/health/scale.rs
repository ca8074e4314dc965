//! How a raw measure becomes a 0–100 score: linear between two thresholds, or steps.
//!
//! Both forms are the ones customer-success scorecards use (Gainsight's "measure scoring
//! schemes": a linear range or banded steps per measure).

use crate::model::ModelError;

/// Maps a raw value to a score in [0, 100].
#[derive(Debug, Clone, PartialEq)]
pub enum Scale {
    /// 0 at `worst`, 100 at `best`, linear in between, clamped outside. `best < worst` means
    /// lower is better (unresolved tickets, days since the last executive touch).
    Linear { worst: f64, best: f64 },
    /// Banded: `scores[i]` for a raw value below `cuts[i]` (the first cut it is under), and the
    /// last score at or above the last cut. `cuts` ascending, `scores.len() == cuts.len() + 1`.
    Steps { cuts: Vec<f64>, scores: Vec<f64> },
}

impl Scale {
    /// Score of `raw`, in [0, 100]:
    /// linear `100 × (raw − worst) / (best − worst)` clamped to [0, 100]; steps by table.
    ///
    /// ```
    /// use retention_lab::model::health::Scale;
    /// let unresolved = Scale::Linear { worst: 5.0, best: 0.0 };
    /// assert_eq!(unresolved.score(1.0), 80.0);
    /// assert_eq!(unresolved.score(9.0), 0.0);
    /// ```
    #[inline]
    pub fn score(&self, raw: f64) -> f64 {
        match self {
            Scale::Linear { worst, best } => {
                let span = best - worst;
                if span == 0.0 || !span.is_finite() {
                    return if raw >= *best { 100.0 } else { 0.0 };
                }
                (100.0 * (raw - worst) / span).clamp(0.0, 100.0)
            }
            Scale::Steps { cuts, scores } => {
                let band = cuts.iter().take_while(|cut| raw >= **cut).count();
                scores
                    .get(band)
                    .or(scores.last())
                    .copied()
                    .unwrap_or(0.0)
                    .clamp(0.0, 100.0)
            }
        }
    }

    /// Whether a larger raw value never scores lower.
    pub fn higher_is_better(&self) -> bool {
        match self {
            Scale::Linear { worst, best } => best >= worst,
            Scale::Steps { scores, .. } => scores.first() <= scores.last(),
        }
    }

    /// Rejects thresholds that are not finite, equal linear ends, unsorted cuts, a score table
    /// of the wrong length or scores outside [0, 100].
    ///
    /// # Errors
    /// [`ModelError`] naming `field`.
    pub fn validate(&self, field: &'static str) -> Result<(), ModelError> {
        match self {
            Scale::Linear { worst, best } => {
                if !worst.is_finite() || !best.is_finite() {
                    return Err(ModelError::NotFinite { field });
                }
                if worst == best {
                    return Err(ModelError::NotPositive { field });
                }
            }
            Scale::Steps { cuts, scores } => {
                let finite = cuts.iter().chain(scores).all(|v| v.is_finite());
                if !finite {
                    return Err(ModelError::NotFinite { field });
                }
                let sorted = cuts.windows(2).all(|w| w[0] < w[1]);
                if !sorted || scores.len() != cuts.len() + 1 {
                    return Err(ModelError::Inconsistent { field });
                }
                if scores.iter().any(|s| !(0.0..=100.0).contains(s)) {
                    return Err(ModelError::AboveOne { field });
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_in_both_directions() {
        let usage = Scale::Linear {
            worst: 0.0,
            best: 200.0,
        };
        assert_eq!(usage.score(50.0), 25.0);
        assert_eq!(usage.score(500.0), 100.0);
        assert!(usage.higher_is_better());
        let touch = Scale::Linear {
            worst: 180.0,
            best: 30.0,
        };
        assert_eq!(touch.score(105.0), 50.0);
        assert!(!touch.higher_is_better());
    }

    #[test]
    fn nps_steps_detractor_passive_promoter() {
        let nps = Scale::Steps {
            cuts: vec![7.0, 9.0],
            scores: vec![10.0, 60.0, 100.0],
        };
        assert_eq!(nps.score(6.0), 10.0);
        assert_eq!(nps.score(7.0), 60.0);
        assert_eq!(nps.score(10.0), 100.0);
        assert!(nps.validate("nps").is_ok());
        let unsorted = Scale::Steps {
            cuts: vec![9.0, 7.0],
            scores: vec![0.0, 1.0, 2.0],
        };
        assert!(unsorted.validate("nps").is_err());
    }
}
