//! The tier rules as the Health section edits them: one field at a time, typed as text and
//! checked against the range it means (a share of customers, a health score, a count).

use crate::forms::number::parse_number;
use crate::model::tiers::TierRules;

/// One editable threshold of [`TierRules`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TierField {
    /// Share of active customers by ARR that can be lighthouses, in percent (0 < x ≤ 100).
    LighthouseTopShare,
    /// Health score a lighthouse needs (0–100).
    LighthouseMinHealth,
    /// Referrals a lighthouse needs (0–1,000,000).
    LighthouseMinReferrals,
    /// Health score a growth customer needs (0–100).
    GrowthMinHealth,
}

/// Why a typed threshold was not taken.
#[derive(Debug, Clone, PartialEq)]
pub enum TierRuleError {
    NotNumber,
    /// Outside `min ..= max` (in the unit the field is typed in).
    OutOfRange {
        min: f64,
        max: f64,
    },
}

impl TierField {
    pub const ALL: [TierField; 4] = [
        TierField::LighthouseTopShare,
        TierField::LighthouseMinHealth,
        TierField::LighthouseMinReferrals,
        TierField::GrowthMinHealth,
    ];

    /// The `input-…` test id suffix.
    pub fn test_id(self) -> &'static str {
        match self {
            TierField::LighthouseTopShare => "tier-lighthouse-top",
            TierField::LighthouseMinHealth => "tier-lighthouse-health",
            TierField::LighthouseMinReferrals => "tier-lighthouse-referrals",
            TierField::GrowthMinHealth => "tier-growth-health",
        }
    }

    /// The field's value as typed (the share in percent).
    pub fn value(self, rules: &TierRules) -> f64 {
        match self {
            TierField::LighthouseTopShare => rules.lighthouse_top_share * 100.0,
            TierField::LighthouseMinHealth => rules.lighthouse_min_health,
            TierField::LighthouseMinReferrals => rules.lighthouse_min_referrals,
            TierField::GrowthMinHealth => rules.growth_min_health,
        }
    }

    /// The accepted range, in the unit typed. The top share must leave some customers in.
    fn range(self) -> (f64, f64) {
        match self {
            TierField::LighthouseTopShare => (0.1, 100.0),
            TierField::LighthouseMinHealth | TierField::GrowthMinHealth => (0.0, 100.0),
            TierField::LighthouseMinReferrals => (0.0, 1e6),
        }
    }
}

/// `rules` with `field` set from `text` (a share as `5`, `5%` or `5 %`).
///
/// ```
/// use retention_lab::forms::tier_rules::{set_field, TierField, TierRuleError};
/// use retention_lab::model::tiers::TierRules;
/// let rules = set_field(TierRules::default(), TierField::LighthouseTopShare, "10 %").unwrap();
/// assert_eq!(rules.lighthouse_top_share, 0.1);
/// assert_eq!(
///     set_field(rules, TierField::GrowthMinHealth, "120"),
///     Err(TierRuleError::OutOfRange { min: 0.0, max: 100.0 })
/// );
/// ```
pub fn set_field(
    rules: TierRules,
    field: TierField,
    text: &str,
) -> Result<TierRules, TierRuleError> {
    let (value, _) = parse_number(text.trim()).map_err(|_| TierRuleError::NotNumber)?;
    let (min, max) = field.range();
    if !(min..=max).contains(&value) {
        return Err(TierRuleError::OutOfRange { min, max });
    }
    let mut next = rules;
    match field {
        TierField::LighthouseTopShare => next.lighthouse_top_share = value / 100.0,
        TierField::LighthouseMinHealth => next.lighthouse_min_health = value,
        TierField::LighthouseMinReferrals => next.lighthouse_min_referrals = value,
        TierField::GrowthMinHealth => next.growth_min_health = value,
    }
    Ok(next)
}

/// Whether every threshold of `rules` is within its range (a stored value is checked so).
pub fn is_valid(rules: &TierRules) -> bool {
    TierField::ALL.iter().all(|field| {
        let (min, max) = field.range();
        (min..=max).contains(&field.value(rules))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_field_sets_its_threshold_and_only_it() {
        let base = TierRules::default();
        let rules = set_field(base, TierField::LighthouseMinReferrals, "3").unwrap();
        assert_eq!(rules.lighthouse_min_referrals, 3.0);
        assert_eq!(
            (rules.lighthouse_top_share, rules.growth_min_health),
            (base.lighthouse_top_share, base.growth_min_health)
        );
        let rules = set_field(rules, TierField::GrowthMinHealth, "60").unwrap();
        assert_eq!(rules.growth_min_health, 60.0);
        assert_eq!(TierField::GrowthMinHealth.value(&rules), 60.0);
        let rules = set_field(rules, TierField::LighthouseTopShare, "2.5%").unwrap();
        assert!((rules.lighthouse_top_share - 0.025).abs() < 1e-15);
        assert!((TierField::LighthouseTopShare.value(&rules) - 2.5).abs() < 1e-12);
    }

    #[test]
    fn words_and_out_of_range_values_are_refused() {
        let base = TierRules::default();
        assert_eq!(
            set_field(base, TierField::LighthouseMinHealth, "high"),
            Err(TierRuleError::NotNumber)
        );
        assert_eq!(
            set_field(base, TierField::LighthouseTopShare, "0"),
            Err(TierRuleError::OutOfRange {
                min: 0.1,
                max: 100.0
            })
        );
        assert_eq!(
            set_field(base, TierField::LighthouseMinReferrals, "-1"),
            Err(TierRuleError::OutOfRange { min: 0.0, max: 1e6 })
        );
        assert!(is_valid(&base));
        let nan = TierRules {
            growth_min_health: f64::NAN,
            ..base
        };
        assert!(!is_valid(&nan));
    }
}
