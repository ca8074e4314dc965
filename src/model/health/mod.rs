//! Customer health scorecard (健康度): each measure maps a raw value to 0–100 on its own scale,
//! the score is the weighted mean of the measures present, and bands turn it into red / yellow /
//! green.
//!
//! Measures are the ones the sources name (`shared/domain.md` point 5): north-star usage against
//! a target, tickets opened (mildly positive: the customer uses the product), unresolved tickets
//! (negative), the NPS answer, onboarding (time to first value within 90 days), days since the
//! last executive touch, plus any numeric column the user adds. The weighted mean with weights
//! renormalised over the measures present is Gainsight's group score ("Scorecards 2.0: score
//! calculation", worked example: weights 20 / 15 / 22 on scores 47 / 59 / 21 give 40.12).
//! Weights differ by lifecycle stage ([`Stage`]): onboarding leans on time to first value.

mod band;
mod measure;
mod portfolio;
mod scale;
mod stage;

pub use band::{Band, Bands};
pub use measure::Measure;
pub use portfolio::{is_active, portfolio, ticket_priority, PortfolioHealth, TicketRank};
pub use scale::Scale;
pub use stage::{
    customer_stage, stage, Stage, GROWTH_END_DAYS, MIN_RENEWAL_CONTRACT_DAYS, ONBOARDING_DAYS,
    RENEWAL_WINDOW_DAYS,
};

use crate::model::calendar::Date;
use crate::model::portfolio::Customer;
use crate::model::ModelError;

/// One measure of the scorecard with its scale and a weight for each stage.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    pub measure: Measure,
    pub scale: Scale,
    /// Weight by [`Stage::index`]; any non-negative numbers, normalised when scoring.
    pub weights: [f64; 4],
}

#[derive(Debug, Clone, PartialEq)]
pub struct Scorecard {
    pub rules: Vec<Rule>,
    pub bands: Bands,
}

impl Scorecard {
    /// The default scorecard, with the north star scored against `north_star_target`
    /// (0 usage scores 0, the target and above 100).
    ///
    /// Weights per stage (onboarding, growth, steady, renewal) follow the sources' emphasis:
    /// onboarding is judged mostly on time to first value; later, usage, satisfaction and the
    /// relationship with the executive sponsor carry the score; unresolved tickets weigh most
    /// when the renewal is near.
    pub fn with_target(north_star_target: f64) -> Scorecard {
        let rule = |measure, scale, weights| Rule {
            measure,
            scale,
            weights,
        };
        let linear = |worst, best| Scale::Linear { worst, best };
        let target = if north_star_target.is_finite() && north_star_target > 0.0 {
            north_star_target
        } else {
            1.0
        };
        Scorecard {
            rules: vec![
                rule(
                    Measure::NorthStar,
                    linear(0.0, target),
                    [20.0, 35.0, 35.0, 30.0],
                ),
                rule(
                    Measure::TicketsOpened,
                    linear(0.0, 10.0),
                    [5.0, 5.0, 5.0, 5.0],
                ),
                rule(
                    Measure::TicketsUnresolved,
                    linear(5.0, 0.0),
                    [15.0, 15.0, 15.0, 20.0],
                ),
                rule(
                    Measure::Nps,
                    Scale::Steps {
                        cuts: vec![7.0, 9.0],
                        scores: vec![10.0, 60.0, 100.0],
                    },
                    [10.0, 15.0, 20.0, 20.0],
                ),
                rule(
                    Measure::Onboarding,
                    linear(90.0, 14.0),
                    [40.0, 15.0, 5.0, 0.0],
                ),
                rule(
                    Measure::ExecTouch,
                    linear(180.0, 30.0),
                    [10.0, 15.0, 20.0, 25.0],
                ),
            ],
            bands: Bands::default(),
        }
    }

    /// # Errors
    /// A scale that does not validate, a negative or non-finite weight, or bands out of order.
    pub fn validate(&self) -> Result<(), ModelError> {
        for rule in &self.rules {
            rule.scale.validate("scale")?;
            for w in rule.weights {
                if !w.is_finite() {
                    return Err(ModelError::NotFinite { field: "weight" });
                }
                if w < 0.0 {
                    return Err(ModelError::Negative { field: "weight" });
                }
            }
        }
        let Bands {
            red_below,
            green_above,
        } = self.bands;
        if !red_below.is_finite() || !green_above.is_finite() || red_below > green_above {
            return Err(ModelError::Inconsistent { field: "bands" });
        }
        Ok(())
    }
}

/// One measure's part in a customer's score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Contribution {
    /// Index of the rule in the scorecard.
    pub rule: usize,
    pub raw: f64,
    /// The measure's own score, 0–100.
    pub score: f64,
    /// The measure's weight after renormalising over the measures present (sums to 1).
    pub share: f64,
}

impl Contribution {
    /// Points this measure adds to the score: `share × score`.
    pub fn points(&self) -> f64 {
        self.share * self.score
    }

    /// Points it could have added but did not: `share × (100 − score)`.
    pub fn points_lost(&self) -> f64 {
        self.share * (100.0 - self.score)
    }
}

/// A customer's health on a date.
#[derive(Debug, Clone, PartialEq)]
pub struct Health {
    /// 0–100; `None` when no weighted measure has a value.
    pub score: Option<f64>,
    pub band: Option<Band>,
    pub stage: Stage,
    pub contributions: Vec<Contribution>,
    /// Rules with a weight in this stage but no value for this customer (dropped, the rest
    /// renormalised).
    pub missing: Vec<usize>,
    /// `score − prev_health` when both are known.
    pub change: Option<f64>,
}

impl Health {
    /// The measures that cost the most points, worst first, at most `n`, only those that lost
    /// at least one point.
    pub fn top_reasons(&self, n: usize) -> Vec<Contribution> {
        let lost: Vec<Contribution> = self
            .contributions
            .iter()
            .copied()
            .filter(|c| c.points_lost() >= 1.0)
            .collect();
        let keys: Vec<f64> = lost.iter().map(Contribution::points_lost).collect();
        let mut worst =
            crate::model::order::permute(&lost, &crate::model::order::descending(&keys));
        worst.truncate(n);
        worst
    }
}

/// Scores one customer: `score = Σ wᵢ sᵢ / Σ wᵢ` over the measures with a value and a weight
/// in the customer's stage (Gainsight's weighted group score, renormalised when a measure is
/// missing), with each measure's part and the reasons behind it.
///
/// ```
/// use retention_lab::model::calendar::Date;
/// use retention_lab::model::health::{score, Bands, Measure, Rule, Scale, Scorecard};
/// use retention_lab::model::portfolio::Customer;
/// // Gainsight's worked example: weights 20 / 15 / 22, measure scores 47 / 59 / 21.
/// let rule = |measure, weight| Rule {
///     measure,
///     scale: Scale::Linear { worst: 0.0, best: 100.0 },
///     weights: [weight; 4],
/// };
/// let card = Scorecard {
///     rules: vec![rule(Measure::NorthStar, 20.0), rule(Measure::TicketsOpened, 15.0), rule(Measure::ExecTouch, 22.0)],
///     bands: Bands::default(),
/// };
/// let customer = Customer {
///     north_star: Some(47.0), tickets_opened: Some(59.0), exec_touch_days: Some(21.0), ..Customer::default()
/// };
/// let health = score(&card, &customer, Date::new(2026, 1, 1).unwrap());
/// assert!((health.score.unwrap() - 40.12).abs() < 0.005);
/// ```
pub fn score(card: &Scorecard, customer: &Customer, as_of: Date) -> Health {
    let stage = customer_stage(customer, as_of);
    let mut contributions = Vec::with_capacity(card.rules.len());
    let mut missing = Vec::new();
    let total_weight = visit(
        card,
        customer,
        as_of,
        stage,
        |rule, measured| match measured {
            Some((raw, score, weight)) => contributions.push(Contribution {
                rule,
                raw,
                score,
                share: weight,
            }),
            None => missing.push(rule),
        },
    );
    let score = scored(total_weight).then(|| {
        for c in &mut contributions {
            c.share /= total_weight;
        }
        contributions
            .iter()
            .map(Contribution::points)
            .sum::<f64>()
            .clamp(0.0, 100.0)
    });
    if score.is_none() {
        contributions.clear();
    }
    Health {
        score,
        band: score.map(|s| card.bands.band(s)),
        stage,
        contributions,
        missing,
        change: score
            .zip(customer.prev_health.filter(|p| p.is_finite()))
            .map(|(s, p)| s - p),
    }
}

/// The score alone, as [`score`] computes it, without allocating: for whole portfolios.
pub fn score_value(card: &Scorecard, customer: &Customer, as_of: Date) -> Option<f64> {
    let stage = customer_stage(customer, as_of);
    let mut points = 0.0;
    let total_weight = visit(card, customer, as_of, stage, |_, measured| {
        if let Some((_, score, weight)) = measured {
            points += score * weight;
        }
    });
    scored(total_weight).then(|| (points / total_weight).clamp(0.0, 100.0))
}

fn scored(total_weight: f64) -> bool {
    total_weight > 0.0 && total_weight.is_finite()
}

/// Calls `each(rule, Some((raw, score, weight)))` for every weighted measure with a value and
/// `each(rule, None)` for every weighted measure without; returns the total weight present.
#[inline]
fn visit(
    card: &Scorecard,
    customer: &Customer,
    as_of: Date,
    stage: Stage,
    mut each: impl FnMut(usize, Option<(f64, f64, f64)>),
) -> f64 {
    let mut total_weight = 0.0;
    for (i, rule) in card.rules.iter().enumerate() {
        let weight = rule.weights[stage.index()];
        if weight.is_nan() || weight <= 0.0 {
            continue;
        }
        let measured = rule.measure.raw(customer, as_of).map(|raw| {
            total_weight += weight;
            (raw, rule.scale.score(raw), weight)
        });
        each(i, measured);
    }
    total_weight
}

// proptest is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
