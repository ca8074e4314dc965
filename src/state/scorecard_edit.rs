//! Edits of the health scorecard as typed values: the editor says what changed, the reducer
//! applies it to the scorecard in use (the default one until the first edit).

use crate::model::health::{Measure, Rule, Scale, Scorecard, Stage};

/// One change the scorecard editor makes.
#[derive(Debug, Clone, PartialEq)]
pub enum ScorecardEdit {
    /// Rule `rule`'s weight in `stage`.
    Weight {
        rule: usize,
        stage: Stage,
        weight: f64,
    },
    /// The red (`red: true`) or the green cut point, on the 0–100 score.
    Band { red: bool, value: f64 },
    /// The worst (`worst: true`) or the best end of rule `rule`'s linear scale.
    LinearEnd {
        rule: usize,
        worst: bool,
        value: f64,
    },
    /// Rule `rule`'s scale replaced, e.g. by steps the user typed.
    Scale { rule: usize, scale: Scale },
    /// Rule `rule` left out (the editor offers this for custom measures only).
    Remove(usize),
    /// A numeric column of the data as a new measure, scored linearly over its observed
    /// `(min, max)`.
    AddColumn { name: String, range: (f64, f64) },
}

impl ScorecardEdit {
    /// `card` with the edit made, or `None` when it does not apply: no such rule, a number out
    /// of range, or a result the model would reject (then the card in use stays as it was).
    pub fn apply(self, card: &Scorecard) -> Option<Scorecard> {
        let mut next = card.clone();
        match self {
            ScorecardEdit::Weight {
                rule,
                stage,
                weight,
            } => {
                let r = next.rules.get_mut(rule).filter(|_| weight >= 0.0)?;
                r.weights[stage.index()] = weight;
            }
            ScorecardEdit::Band { red, value } => {
                if !(0.0..=100.0).contains(&value) {
                    return None;
                }
                if red {
                    next.bands.red_below = value;
                } else {
                    next.bands.green_above = value;
                }
            }
            ScorecardEdit::LinearEnd { rule, worst, value } => {
                let Some(Scale::Linear { worst: w, best: b }) =
                    next.rules.get_mut(rule).map(|r| &mut r.scale)
                else {
                    return None;
                };
                *(if worst { w } else { b }) = value;
            }
            ScorecardEdit::Scale { rule, scale } => next.rules.get_mut(rule)?.scale = scale,
            // Removing and adding were never validated: they cannot make a valid card invalid
            // (an added column's scale is built non-degenerate below).
            ScorecardEdit::Remove(rule) => {
                if rule >= next.rules.len() {
                    return None;
                }
                next.rules.remove(rule);
                return Some(next);
            }
            ScorecardEdit::AddColumn {
                name,
                range: (lo, hi),
            } => {
                // A column with one value throughout gets a scale from 0 to that value's size.
                let (worst, best) = if hi > lo {
                    (lo, hi)
                } else {
                    (0.0, lo.abs().max(1.0))
                };
                next.rules.push(Rule {
                    measure: Measure::Custom(name),
                    scale: Scale::Linear { worst, best },
                    weights: [10.0; 4],
                });
                return Some(next);
            }
        }
        next.validate().ok().map(|()| next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::health::Bands;

    /// One linear rule (usage 0 → 100) and one stepped rule, bands 50 / 75.
    fn card() -> Scorecard {
        Scorecard {
            rules: vec![
                Rule {
                    measure: Measure::NorthStar,
                    scale: Scale::Linear {
                        worst: 0.0,
                        best: 100.0,
                    },
                    weights: [1.0, 2.0, 3.0, 4.0],
                },
                Rule {
                    measure: Measure::Nps,
                    scale: Scale::Steps {
                        cuts: vec![7.0],
                        scores: vec![0.0, 100.0],
                    },
                    weights: [1.0; 4],
                },
            ],
            bands: Bands::default(),
        }
    }

    #[test]
    fn weight_is_set_for_one_stage_only() {
        let edit = ScorecardEdit::Weight {
            rule: 0,
            stage: Stage::Growth,
            weight: 9.0,
        };
        // Growth is the second stage (onboarding, growth, steady, renewal).
        assert_eq!(
            edit.apply(&card()).unwrap().rules[0].weights,
            [1.0, 9.0, 3.0, 4.0]
        );
        let nan = ScorecardEdit::Weight {
            rule: 0,
            stage: Stage::Growth,
            weight: f64::NAN,
        };
        assert_eq!(nan.apply(&card()), None);
    }

    #[test]
    fn bands_accept_the_score_range_only() {
        let green = ScorecardEdit::Band {
            red: false,
            value: 80.0,
        };
        assert_eq!(green.apply(&card()).unwrap().bands.green_above, 80.0);
        let below = ScorecardEdit::Band {
            red: false,
            value: -0.5,
        };
        assert_eq!(below.apply(&card()), None);
    }

    #[test]
    fn linear_ends_apply_to_linear_scales_only() {
        let best = ScorecardEdit::LinearEnd {
            rule: 0,
            worst: false,
            value: 250.0,
        };
        assert_eq!(
            best.apply(&card()).unwrap().rules[0].scale,
            Scale::Linear {
                worst: 0.0,
                best: 250.0
            }
        );
        let on_steps = ScorecardEdit::LinearEnd {
            rule: 1,
            worst: true,
            value: 3.0,
        };
        assert_eq!(on_steps.apply(&card()), None);
    }

    #[test]
    fn steps_must_be_ordered() {
        let ok = Scale::Steps {
            cuts: vec![5.0, 8.0],
            scores: vec![0.0, 50.0, 100.0],
        };
        let edit = ScorecardEdit::Scale {
            rule: 1,
            scale: ok.clone(),
        };
        assert_eq!(edit.apply(&card()).unwrap().rules[1].scale, ok);
        let unordered = ScorecardEdit::Scale {
            rule: 1,
            scale: Scale::Steps {
                cuts: vec![8.0, 5.0],
                scores: vec![0.0, 50.0, 100.0],
            },
        };
        assert_eq!(unordered.apply(&card()), None);
    }

    #[test]
    fn a_column_is_added_over_its_range_and_removed_again() {
        let add = ScorecardEdit::AddColumn {
            name: "logins".into(),
            range: (2.0, 40.0),
        };
        let added = add.apply(&card()).unwrap();
        assert_eq!(
            added.rules[2],
            Rule {
                measure: Measure::Custom("logins".into()),
                scale: Scale::Linear {
                    worst: 2.0,
                    best: 40.0
                },
                weights: [10.0; 4],
            }
        );
        assert_eq!(ScorecardEdit::Remove(2).apply(&added), Some(card()));
    }

    #[test]
    fn a_constant_column_gets_a_scale_from_zero_to_its_size() {
        let scale_of = |v: f64| {
            let add = ScorecardEdit::AddColumn {
                name: "seats".into(),
                range: (v, v),
            };
            add.apply(&card()).unwrap().rules[2].scale.clone()
        };
        assert_eq!(
            scale_of(-7.0),
            Scale::Linear {
                worst: 0.0,
                best: 7.0
            }
        );
        // Zero (or anything smaller than one) still gets a slope.
        assert_eq!(
            scale_of(0.0),
            Scale::Linear {
                worst: 0.0,
                best: 1.0
            }
        );
    }
}
